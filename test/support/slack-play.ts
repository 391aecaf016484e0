// Playing a member against the harness (open a modal with a slash command, submit it filled in by
// label, wait for the DM the app sends, open the App Home, click a message's button) and reading what
// Slack was sent: the text a member sees, the elements they can click, the nudge a DM carries.
import { expect } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { type Answer, fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { NUDGE_ACTION_IDS, NUDGE_ACTIONS_BLOCK_ID } from '../../src/slack/views/nudge';
import type { Harness } from './harness';

// ---------------------------------------------------------------------------------------------
// Reading blocks.

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

/** The blocks a chat.postMessage / chat.update call (or a response_url post) carried. */
export function blocksOf(call: RecordedCall): Block[] {
  return (call.args.blocks as unknown as Block[] | undefined) ?? [];
}

/** The view Slack answered a views.open / views.update / views.push call with. */
export function viewOf(call: RecordedCall): ViewLike {
  return (call.response as unknown as { view: ViewLike }).view;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string of a text object (`{ type: 'plain_text' | 'mrkdwn', text }`), or nothing. */
function textObject(value: unknown): string[] {
  return isObject(value) && typeof value.text === 'string' ? [value.text] : [];
}

function optionText(option: unknown): string[] {
  return isObject(option) ? [...textObject(option.text), ...textObject(option.description)] : [];
}

/** What an element shows before anyone touches it. */
function elementText(element: unknown): string[] {
  if (!isObject(element)) return [];
  const placeholder = textObject(element.placeholder);
  switch (element.type) {
    case 'plain_text':
    case 'mrkdwn':
      return typeof element.text === 'string' ? [element.text] : [];
    case 'button':
      return textObject(element.text);
    case 'image':
    case 'overflow': // a "…" button: its choices show only once it is opened
      return [];
    case 'static_select':
    case 'external_select':
      return element.initial_option ? optionText(element.initial_option) : placeholder;
    case 'multi_static_select':
    case 'multi_external_select':
      return Array.isArray(element.initial_options) && element.initial_options.length > 0
        ? element.initial_options.flatMap(optionText)
        : placeholder;
    case 'users_select':
    case 'conversations_select':
    case 'channels_select':
      return placeholder;
    case 'multi_users_select': // the people picked show as their names, written here as mentions
      return Array.isArray(element.initial_users) && element.initial_users.length > 0
        ? element.initial_users.map((id) => `<@${String(id)}>`)
        : placeholder;
    case 'checkboxes':
    case 'radio_buttons':
      return Array.isArray(element.options) ? element.options.flatMap(optionText) : [];
    case 'plain_text_input':
      return typeof element.initial_value === 'string' && element.initial_value
        ? [element.initial_value]
        : placeholder;
    case 'datepicker':
      return typeof element.initial_date === 'string' ? [element.initial_date] : placeholder;
    case 'timepicker':
      return typeof element.initial_time === 'string' ? [element.initial_time] : placeholder;
    default:
      throw new Error(`visibleText: no rule for a ${String(element.type)} element`);
  }
}

function richText(value: unknown): string[] {
  if (Array.isArray(value)) return [value.flatMap(richText).join('')];
  if (!isObject(value)) return [];
  if (typeof value.text === 'string') return [value.text];
  if (Array.isArray(value.elements)) return richText(value.elements);
  return [];
}

/** What one block shows. */
function blockText(block: unknown): string[] {
  if (!isObject(block)) return [];
  switch (block.type) {
    case 'header':
      return textObject(block.text);
    case 'section':
      return [
        ...textObject(block.text),
        ...(Array.isArray(block.fields) ? block.fields.flatMap(textObject) : []),
        ...elementText(block.accessory),
      ];
    case 'context':
    case 'actions':
      return Array.isArray(block.elements) ? block.elements.flatMap(elementText) : [];
    case 'input':
      return [...textObject(block.label), ...elementText(block.element), ...textObject(block.hint)];
    case 'image':
      return textObject(block.title);
    case 'rich_text':
      return richText(block.elements);
    case 'divider':
      return [];
    default:
      throw new Error(`visibleText: no rule for a ${String(block.type)} block`);
  }
}

/**
 * The text a member sees, one piece a line: header and section text, section fields, context
 * elements, button labels, input labels, hints and what inputs and menus show before they are touched
 * (a modal adds its title and button labels). Given blocks, a view (modal or home) or a message
 * (`{ text, blocks }`: its blocks, or its text when it has none, as Slack shows it; or just its
 * text). Menu choices behind an overflow, button values, action ids and private metadata are not
 * visible, so not here.
 */
export function visibleText(value: unknown): string {
  if (typeof value === 'string') return value; // a message given as its text alone
  if (Array.isArray(value)) return value.flatMap(blockText).join('\n');
  if (!isObject(value)) throw new Error('visibleText: expected blocks, a view or a message');
  const blocks = Array.isArray(value.blocks) ? value.blocks : [];
  if (value.type === 'modal' || value.type === 'home') {
    return [
      ...textObject(value.title),
      ...blocks.flatMap(blockText),
      ...textObject(value.submit),
      ...textObject(value.close),
    ].join('\n');
  }
  if (blocks.length > 0) return blocks.flatMap(blockText).join('\n');
  return typeof value.text === 'string' ? value.text : '';
}

/**
 * Every string anywhere in what Slack was sent, shown or not (button values, menu choices, metadata),
 * one a line: for checks that something never reached another member's screen or payload at all.
 */
export function everyString(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}

/** Every element a member can use in the blocks (buttons, menus, inputs), with the block it sits in. */
export function elementsOf(blocks: readonly unknown[] | undefined): (Element & { block_id?: string })[] {
  return ((blocks ?? []) as Block[]).flatMap((block) =>
    [
      ...(block.elements ?? []),
      ...(block.accessory ? [block.accessory] : []),
      ...(block.element ? [block.element] : []),
    ]
      .filter((e) => e.type !== 'plain_text' && e.type !== 'mrkdwn' && e.type !== 'image')
      .map((e) => ({ ...e, block_id: block.block_id })),
  );
}

/** The elements with `actionId` (and `value`, when given), e.g. to count one kind of button. */
export function findElements(
  blocks: readonly unknown[] | undefined,
  actionId: string,
  value?: string,
): (Element & { block_id?: string })[] {
  return elementsOf(blocks).filter(
    (e) => e.action_id === actionId && (value === undefined || e.value === value),
  );
}

/** The first element with `actionId` (and `value`, when given), with the id of the block it sits in. */
export function findElement(
  blocks: readonly unknown[] | undefined,
  actionId: string,
  value?: string,
): (Element & { block_id?: string }) | undefined {
  return findElements(blocks, actionId, value)[0];
}

/** The input block with this label in a view. */
export function inputByLabel(view: { blocks: unknown[] }, label: string): Block | undefined {
  return (view.blocks as Block[]).find((b) => b.type === 'input' && b.label?.text === label);
}

/** Where a posted message lives, for clicking its buttons through the driver. */
export function messageOf(call: RecordedCall) {
  const res = call.response as { channel?: string; ts?: string } | null;
  return {
    channelId: String(res?.channel),
    ts: String(res?.ts),
    blocks: call.args.blocks as unknown[],
    text: String(call.args.text ?? ''),
  };
}

/** The nudge id a DM carries (the Done button's value); undefined for other messages. */
export function nudgeIdOf(call: RecordedCall): string | undefined {
  const actions = blocksOf(call).find((b) => b.block_id === NUDGE_ACTIONS_BLOCK_ID);
  return actions?.elements?.find((e) => e.action_id === NUDGE_ACTION_IDS.done)?.value;
}

/** chat.postMessage calls that were nudge DMs. */
export function nudgePosts(h: Harness): RecordedCall[] {
  return h.standIn.callsTo('chat.postMessage').filter((c) => nudgeIdOf(c) !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Playing a member.

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
export async function openHome(h: Harness, userId: string, channel?: string): Promise<RecordedCall> {
  h.standIn.clearCalls();
  const res = await h.driver.event({
    type: 'app_home_opened',
    user: userId,
    channel: channel ?? h.standIn.dmChannelFor(h.driver.teamId, userId),
    tab: 'home',
  });
  expect(res.status).toBe(200);
  return h.standIn.waitForCall('views.publish', (c) => c.args.user_id === userId);
}

/** The App Home Slack shows `userId` now, once the app's pending publishes are done. */
export async function homeOf(h: Harness, userId: string): Promise<ViewLike> {
  await h.settle();
  const home = h.standIn.homeView(h.driver.teamId, userId);
  if (!home) throw new Error(`no App Home published for ${userId}`);
  return home as unknown as ViewLike;
}
