// Talking to Slack surfaces the same way everywhere: modals open fast, DMs go to the user.
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Log } from '../log';
import { loadingModal, modal, section } from './views/kit';

/**
 * Opens a modal within the trigger's 3 seconds: a loading view goes up first, then the real one
 * replaces it once its data is loaded.
 */
export async function openModal(
  client: WebClient,
  triggerId: string,
  title: string,
  build: () => Promise<ModalView>,
  log: Log,
): Promise<void> {
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(title) });
  const viewId = opened.view?.id;
  if (!viewId) return;
  let view: ModalView;
  try {
    view = await build();
  } catch (error) {
    log.error({ err: String(error) }, 'building a modal failed');
    view = modal({
      callbackId: 'error',
      title,
      blocks: [section('Something went wrong on my side while loading this. Please close it and try again.')],
      close: 'Close',
    });
  }
  await client.views.update({ view_id: viewId, hash: opened.view?.hash, view });
}

export interface Message {
  text: string;
  blocks?: KnownBlock[];
}

/** Sends a DM from the app to the user (Slack opens the app's DM for a user id). */
export async function sendDm(
  client: WebClient,
  userId: string,
  message: Message,
): Promise<{ channel?: string; ts?: string }> {
  const res = await client.chat.postMessage({
    channel: userId,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
  });
  return { channel: res.channel, ts: res.ts };
}

/**
 * Replaces one of the app's messages in the member's DM with the app, where a form opened from it
 * said it lives. That channel and ts come back from Slack's client (a view's private_metadata), so
 * the channel must be the member's own DM: anything else gets the message as a new DM instead, and
 * nobody else's message is ever touched.
 */
export async function updateInMemberDm(
  client: WebClient,
  userId: string,
  where: { channel: string; ts: string },
  message: Message,
  log: Log,
): Promise<void> {
  const dm = await client.conversations.open({ users: userId });
  if (!dm.channel?.id || dm.channel.id !== where.channel) {
    log.info({ user: userId }, 'a form named a message outside the member’s DM; sending a new DM instead');
    await sendDm(client, userId, message);
    return;
  }
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: message.text,
    blocks: message.blocks,
  });
}

/** Sends a DM after the ack, off the request path (a failure is logged, never shown as an error). */
export function dmLater(
  deps: { later: { run(label: string, work: () => Promise<unknown>): void } },
  client: WebClient,
  userId: string,
  message: Message,
): void {
  deps.later.run('dm', () => sendDm(client, userId, message));
}
