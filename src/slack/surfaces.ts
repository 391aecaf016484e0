// Talking to Slack surfaces the same way everywhere: modals open fast, DMs go to the user, a click is
// answered where it happened (or in the member's DM when that surface has nowhere to show a note).
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { type Log, scrubTokens } from '../log';
import { describeError } from './pipeline/dispatch';
import { loadingModal, modal, section } from './views/kit';

/** The error code of a call Slack refused (`invalid_trigger_id`, `not_found`…); undefined for anything else. */
export function slackRefusal(error: unknown): string | undefined {
  const refused = error as { code?: unknown; data?: { error?: unknown } } | null;
  return refused?.code === 'slack_webapi_platform_error' && typeof refused.data?.error === 'string'
    ? refused.data.error
    : undefined;
}

/**
 * A trigger Slack no longer accepts: made more than 3 seconds ago, used already, or not one it issued.
 * The member's click or command has passed; there is nothing to open a modal over.
 */
const STALE_TRIGGER = new Set(['expired_trigger_id', 'exchanged_trigger_id', 'invalid_trigger_id']);

/** A view that is gone (the member closed it) or changed since the click (`hash_conflict`). */
const STALE_VIEW = new Set(['not_found', 'hash_conflict']);

/**
 * Replaces a modal the member has open. A view that is no longer there, or changed since (the member
 * closed it, or another click got there first), is no failure: nothing is shown, and false comes back.
 */
export async function updateView(
  client: WebClient,
  update: { viewId: string; hash?: string; view: ModalView },
  log: Log,
): Promise<boolean> {
  try {
    await client.views.update({
      view_id: update.viewId,
      ...(update.hash ? { hash: update.hash } : {}),
      view: update.view,
    });
    return true;
  } catch (error) {
    const refusal = slackRefusal(error);
    if (!refusal || !STALE_VIEW.has(refusal)) throw error;
    log.info({ refusal }, 'the view was closed or changed before it could be updated; left as it is');
    return false;
  }
}

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
  let opened: Awaited<ReturnType<WebClient['views']['open']>>;
  try {
    opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(title) });
  } catch (error) {
    const refusal = slackRefusal(error);
    if (!refusal || !STALE_TRIGGER.has(refusal)) throw error;
    log.warn(
      { refusal, title },
      'Slack refused the trigger (too old, used, or not its own): no modal opened',
    );
    return;
  }
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
  await updateView(client, { viewId, hash: opened.view?.hash, view }, log);
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

/** What a click listener needs of Bolt's arguments to answer the member. */
interface ClickArgs {
  body: { user: { id: string }; response_url?: string };
  client: WebClient;
  respond?: RespondFn;
}

function isNote(message: RespondArguments): boolean {
  return message.replace_original !== true && message.delete_original !== true;
}

/**
 * The `respond` every click listener is given. A click on a message comes with a response_url (Bolt
 * makes `respond` from it); a click in a modal or on the App Home has none. Without one, a note goes to
 * the member's DM with the app instead (a modal and the Home tab have nowhere to show it), and replacing
 * or deleting "the original" does nothing: there is no message to change. A note Slack refuses (an
 * expired or used-up response_url, a DM it cannot open) is logged at warn and the listener carries on:
 * what the member asked for is done already. A replacement that fails is thrown to the caller, which
 * may answer another way (a new message).
 */
export function clickRespond(args: ClickArgs, log: Log): RespondFn {
  const viaSlack = args.body.response_url ? args.respond : undefined;
  const respond = async (sent: string | RespondArguments): Promise<void> => {
    const message: RespondArguments = typeof sent === 'string' ? { text: sent } : sent;
    const note = isNote(message);
    if (viaSlack && !note) {
      await viaSlack(message);
      return;
    }
    if (!viaSlack && (!note || !message.text)) return;
    try {
      if (viaSlack) await viaSlack(message);
      else {
        const blocks = (message as { blocks?: KnownBlock[] }).blocks;
        await sendDm(args.client, args.body.user.id, {
          text: message.text ?? '',
          ...(blocks ? { blocks } : {}),
        });
      }
    } catch (error) {
      log.warn(
        { user: args.body.user.id, err: scrubTokens(describeError(error)) },
        'a note answering a click could not be delivered',
      );
    }
  };
  // Listeners never read what `respond` resolves to (Bolt's is the response_url's HTTP answer).
  return respond as unknown as RespondFn;
}
