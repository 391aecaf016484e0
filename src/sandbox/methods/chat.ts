/** chat.postMessage, chat.postEphemeral, chat.update, chat.delete, chat.scheduleMessage (Slack's Web API reference). */
import type { StoredMessage } from '../types';
import { resolvePostTarget } from './channels';
import { POST_TEXT_MAX, readContent, UPDATE_TEXT_MAX } from './content';
import { argInt, argString, type BotAuth, fail, type MethodContext, type MethodSpec, ok } from './context';
import { messageObject } from './shapes';

/** chat.scheduleMessage: `post_at` at most 120 days ahead (Slack's Web API reference). */
const SCHEDULE_MAX_AHEAD_SECONDS = 120 * 24 * 3600;

function baseMessage(
  ctx: MethodContext<BotAuth>,
  channel: string,
): Omit<StoredMessage, 'text' | 'source' | 'ephemeral'> {
  const { team } = ctx.auth;
  const threadTs = argString(ctx.args, 'thread_ts');
  return {
    channel,
    ts: ctx.state.ids.ts(),
    teamId: team.id,
    user: team.botUserId,
    botId: team.botId,
    ...(team.appId ? { appId: team.appId } : {}),
    ...(threadTs ? { threadTs } : {}),
  };
}

function postMessage(ctx: MethodContext<BotAuth>) {
  const { args, auth, state } = ctx;
  const target = resolvePostTarget(state, auth.team, argString(args, 'channel'));
  if (!target.ok) return fail(target.error);
  const content = readContent(args, POST_TEXT_MAX, () => state.ids.blockId());
  if (!content.ok) return content.response;
  const message: StoredMessage = {
    ...baseMessage(ctx, target.channel.id),
    ...content.content,
    text: content.content.text ?? '',
    ephemeral: false,
    source: 'chat.postMessage',
  };
  state.addMessage(message);
  return ok({ channel: message.channel, ts: message.ts, message: messageObject(message) });
}

function postEphemeral(ctx: MethodContext<BotAuth>) {
  const { args, auth, state } = ctx;
  const target = resolvePostTarget(state, auth.team, argString(args, 'channel'));
  if (!target.ok) return fail(target.error);
  const recipient = argString(args, 'user');
  if (!recipient || !target.channel.members.includes(recipient)) return fail('user_not_in_channel');
  const content = readContent(args, POST_TEXT_MAX, () => state.ids.blockId());
  if (!content.ok) return content.response;
  const message: StoredMessage = {
    ...baseMessage(ctx, target.channel.id),
    ...content.content,
    text: content.content.text ?? '',
    ephemeral: true,
    recipient,
    source: 'chat.postEphemeral',
  };
  state.addMessage(message);
  return ok({ message_ts: message.ts });
}

/** The bot's own, non-ephemeral message at `ts` in `channel`. */
function findEditable(ctx: MethodContext<BotAuth>) {
  const { args, auth, state } = ctx;
  const channelId = argString(args, 'channel');
  const channel = channelId ? state.channels.get(channelId) : undefined;
  if (!channel || channel.teamId !== auth.team.id) return { error: 'channel_not_found' } as const;
  const ts = argString(args, 'ts');
  const message = ts ? state.findMessage(channel.id, ts) : undefined;
  if (!message || message.ephemeral) return { error: 'message_not_found' } as const;
  if (message.user !== auth.team.botUserId) return { error: 'not_own' } as const;
  return { message } as const;
}

function update(ctx: MethodContext<BotAuth>) {
  const found = findEditable(ctx);
  if (!found.message) return fail(found.error === 'not_own' ? 'cant_update_message' : found.error);
  const content = readContent(ctx.args, UPDATE_TEXT_MAX, () => ctx.state.ids.blockId());
  if (!content.ok) return content.response;
  const { message } = found;
  const { text, blocks, attachments } = content.content;
  if (ctx.args.text !== undefined) message.text = text ?? '';
  // Leaving `blocks` out keeps the previous blocks; an empty array removes them (chat.update docs).
  if (ctx.args.blocks !== undefined) message.blocks = blocks?.length ? blocks : undefined;
  if (ctx.args.attachments !== undefined) message.attachments = attachments;
  message.editedTs = ctx.state.ids.ts();
  return ok({
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    message: messageObject(message),
  });
}

function deleteMessage(ctx: MethodContext<BotAuth>) {
  const found = findEditable(ctx);
  if (!found.message) return fail(found.error === 'not_own' ? 'cant_delete_message' : found.error);
  ctx.state.removeMessage(found.message.channel, found.message.ts);
  return ok({ channel: found.message.channel, ts: found.message.ts });
}

function scheduleMessage(ctx: MethodContext<BotAuth>) {
  const { args, auth, state } = ctx;
  const target = resolvePostTarget(state, auth.team, argString(args, 'channel'));
  if (!target.ok) return fail(target.error);
  const postAt = argInt(args, 'post_at');
  if (postAt === undefined || Number.isNaN(postAt)) return fail('invalid_time');
  const now = state.nowSeconds();
  if (postAt <= now) return fail('time_in_past');
  if (postAt > now + SCHEDULE_MAX_AHEAD_SECONDS) return fail('time_too_far');
  const content = readContent(args, POST_TEXT_MAX, () => state.ids.blockId());
  if (!content.ok) return content.response;
  const id = state.ids.next('Q');
  const text = content.content.text ?? '';
  const threadTs = argString(args, 'thread_ts');
  state.scheduled.push({
    id,
    channel: target.channel.id,
    teamId: auth.team.id,
    postAt,
    text,
    ...(content.content.blocks ? { blocks: content.content.blocks } : {}),
    ...(threadTs ? { threadTs } : {}),
  });
  return ok({
    channel: target.channel.id,
    scheduled_message_id: id,
    post_at: postAt,
    message: {
      type: 'delayed_message',
      text,
      bot_id: auth.team.botId,
      user: auth.team.botUserId,
      ...(content.content.blocks ? { blocks: content.content.blocks } : {}),
    },
  });
}

export const chatMethods: Record<string, MethodSpec> = {
  'chat.postMessage': { auth: 'bot', json: true, handle: postMessage },
  'chat.postEphemeral': { auth: 'bot', json: true, handle: postEphemeral },
  'chat.update': { auth: 'bot', json: true, handle: update },
  'chat.delete': { auth: 'bot', json: true, handle: deleteMessage },
  'chat.scheduleMessage': { auth: 'bot', json: true, handle: scheduleMessage },
};
