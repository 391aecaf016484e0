// Answering a click wherever it happened: in an ephemeral reply (response_url), in a DM the app posted
// (chat.update), or on the Home tab (a new DM, since a Home tab has nowhere to reply).
import type { BlockAction, RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Log } from '../../../log';
import type { Message } from '../../surfaces';
import { sendDm } from '../../surfaces';

export interface ClickContext {
  body: BlockAction;
  client: WebClient;
  respond: RespondFn;
  log?: Log;
}

function fromMessage(body: BlockAction): { ephemeral: boolean; channel?: string; ts?: string } | null {
  const container = body.container as {
    type?: string;
    is_ephemeral?: boolean;
    channel_id?: string;
    message_ts?: string;
  };
  if (container.type !== 'message') return null;
  return {
    ephemeral: container.is_ephemeral === true || !body.message,
    channel: container.channel_id ?? body.channel?.id,
    ts: body.message?.ts ?? container.message_ts,
  };
}

/** The blocks of the message the click came from, when Slack sent them (not for ephemeral messages). */
export function sourceBlocks(body: BlockAction): KnownBlock[] | null {
  const blocks = body.message?.blocks as unknown;
  return Array.isArray(blocks) ? (blocks as KnownBlock[]) : null;
}

/**
 * Replaces the message the click came from; false when the click did not come from a message or the
 * message could not be replaced (too old, or gone), so the caller can answer with a new one instead.
 */
export async function replaceSource(
  { body, client, respond, log }: ClickContext,
  message: Message,
): Promise<boolean> {
  const source = fromMessage(body);
  if (!source) return false;
  try {
    if (!source.ephemeral && source.channel && source.ts) {
      await client.chat.update({
        channel: source.channel,
        ts: source.ts,
        text: message.text,
        blocks: message.blocks,
      });
      return true;
    }
    if (body.response_url) {
      await respond({ replace_original: true, text: message.text, blocks: message.blocks });
      return true;
    }
  } catch (error) {
    // Slack refuses to edit some messages (old ephemerals, deleted ones); a fresh reply still works.
    log?.debug({ err: String(error) }, 'could not replace the message; answering with a new one');
  }
  return false;
}

/** A new reply: ephemeral next to the click in a conversation, or a DM when the click came from the Home tab. */
export async function answer({ body, client, respond }: ClickContext, message: Message): Promise<void> {
  if (fromMessage(body) && body.response_url) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
    return;
  }
  await sendDm(client, body.user.id, message);
}
