// Playing a member against the harness: open a modal with a slash command, submit it filled in by
// label, wait for the DM the app sends, open the App Home; and reading what Slack was sent.
import { expect } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { type Answer, fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import type { Harness } from './harness';

/** An interactive element or input as the tests read it (buttons, menus, text inputs, date pickers). */
export interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  text?: { text?: string };
  initial_value?: string;
  initial_date?: string;
  initial_option?: { value: string };
  options?: { value: string; text?: { text?: string } }[];
}

/** A Block Kit block as the tests read it. */
export interface Block {
  type: string;
  block_id?: string;
  text?: { text?: string };
  label?: { text?: string };
  accessory?: Element;
  elements?: Element[];
  element?: Element;
}

/** The blocks a chat.postMessage / chat.update call carried. */
export function blocksOf(call: RecordedCall): Block[] {
  return (call.args.blocks as unknown as Block[] | undefined) ?? [];
}

/** The view Slack answered a views.open / views.update / views.push call with. */
export function viewOf(call: RecordedCall): ViewLike {
  return (call.response as unknown as { view: ViewLike }).view;
}

/** Every bit of text in blocks, a view or a message, for "does it say X" checks. */
export function textOf(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * The element with `actionId` (and `value`, when given) among the blocks' elements and accessories,
 * with the id of the block it sits in.
 */
export function findElement(
  blocks: Block[],
  actionId: string,
  value?: string,
): (Element & { block_id?: string }) | undefined {
  for (const block of blocks) {
    const all = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    const found = all.find((e) => e.action_id === actionId && (value === undefined || e.value === value));
    if (found) return { ...found, block_id: block.block_id };
  }
  return undefined;
}

/** Runs a slash command that opens a modal; returns the modal once it replaced the loading view. */
export async function openModal(h: Harness, userId: string, text: string): Promise<ViewLike> {
  h.standIn.clearCalls();
  const res = await h.driver.command(userId, text);
  expect(res.status).toBe(200);
  return viewOf(await h.standIn.waitForCall('views.update'));
}

/** Runs a slash command answered in place, only to the member; returns the answer's text and blocks. */
export async function ephemeral(
  h: Harness,
  userId: string,
  text: string,
): Promise<{ text: string; blocks: Block[] }> {
  const res = await h.driver.command(userId, text);
  expect(res.status).toBe(200);
  const body = res.json as { response_type?: string; text: string; blocks?: Block[] };
  expect(body.response_type).toBe('ephemeral');
  return { text: body.text, blocks: body.blocks ?? [] };
}

/** Submits `view` filled in by label (see fillView), with the calls recorded so far cleared first. */
export async function submitModal(
  h: Harness,
  userId: string,
  view: ViewLike,
  answers: Record<string, Answer>,
) {
  h.standIn.clearCalls();
  const res = await h.driver.submitView(userId, view, fillView(view, answers));
  expect(res.status).toBe(200);
  return res;
}

/** The next DM (chat.postMessage to the user id) the app sends `userId`, optionally one that matches. */
export function dmTo(
  h: Harness,
  userId: string,
  predicate: (call: RecordedCall) => boolean = () => true,
): Promise<RecordedCall> {
  return h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === userId && predicate(c));
}

/** Opens `userId`'s App Home tab; returns the views.publish call that answered it. */
export async function openHome(h: Harness, userId: string, channel: string): Promise<RecordedCall> {
  h.standIn.clearCalls();
  const res = await h.driver.event({ type: 'app_home_opened', user: userId, channel, tab: 'home' });
  expect(res.status).toBe(200);
  return h.standIn.waitForCall('views.publish', (c) => c.args.user_id === userId);
}
