/** conversations.open, conversations.members, conversations.info, conversations.history. */
import type { ChannelRecord } from '../state';
import { findVisibleChannel } from './channels';
import {
  argBool,
  argInt,
  argString,
  type BotAuth,
  fail,
  type MethodContext,
  type MethodSpec,
  ok,
} from './context';
import { channelObject, messageObject } from './shapes';

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const MAX_MPIM_USERS = 8;

function openedChannel(channel: ChannelRecord, botUserId: string, returnIm: boolean, existed: boolean) {
  if (!returnIm) return ok({ channel: { id: channel.id } });
  return ok({
    ...(existed ? { no_op: true, already_open: true } : {}),
    channel: channelObject(channel, botUserId),
  });
}

function conversationsOpen({ args, auth, state }: MethodContext<BotAuth>) {
  const { team } = auth;
  const returnIm = argBool(args, 'return_im') ?? false;
  const usersArg = argString(args, 'users');
  const channelArg = argString(args, 'channel');
  if (!usersArg && channelArg) {
    const channel = state.channels.get(channelArg);
    if (!channel || channel.teamId !== team.id) return fail('channel_not_found');
    if (!channel.isIm && !channel.isMpim) return fail('method_not_supported_for_channel_type');
    return openedChannel(channel, team.botUserId, returnIm, true);
  }
  const userIds = [
    ...new Set(
      (usersArg ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  ];
  if (userIds.length === 0) return fail('users_list_not_supplied');
  if (userIds.length > MAX_MPIM_USERS) return fail('too_many_users');
  for (const id of userIds) {
    const user = state.userInTeam(team.id, id);
    if (!user) return fail('user_not_found');
    if (user.deleted) return fail('user_disabled');
  }
  const [onlyUser] = userIds;
  if (userIds.length === 1 && onlyUser) {
    const existed = state.hasDmChannel(team.id, onlyUser);
    const channel = state.channels.get(state.dmChannelFor(team.id, onlyUser));
    return channel ? openedChannel(channel, team.botUserId, returnIm, existed) : fail('channel_not_found');
  }
  const mpim = state.mpimFor(team.id, userIds);
  const channel = state.channels.get(mpim.id);
  return channel
    ? openedChannel(channel, team.botUserId, returnIm, !mpim.created)
    : fail('channel_not_found');
}

function encodeCursor(memberId: string): string {
  return Buffer.from(`user_id:${memberId}`).toString('base64');
}

function decodeCursor(cursor: string, members: string[]): number | undefined {
  const match = /^user_id:(.+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  const index = match?.[1] ? members.indexOf(match[1]) : -1;
  return index >= 0 ? index : undefined;
}

/** Cursor pagination: `response_metadata.next_cursor` is "" on the last page (Slack's Web API reference). */
function conversationsMembers({ args, auth, state }: MethodContext<BotAuth>) {
  const channel = findVisibleChannel(state, auth.team, argString(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const limitArg = argInt(args, 'limit');
  if (limitArg !== undefined && (Number.isNaN(limitArg) || limitArg < 0)) return fail('invalid_limit');
  const limit = Math.min(limitArg || DEFAULT_PAGE, MAX_PAGE);
  const cursor = argString(args, 'cursor');
  const start = cursor ? decodeCursor(cursor, channel.members) : 0;
  if (start === undefined) return fail('invalid_cursor');
  const page = channel.members.slice(start, start + limit);
  const next = channel.members[start + limit];
  return ok({ members: page, response_metadata: { next_cursor: next ? encodeCursor(next) : '' } });
}

function conversationsInfo({ args, auth, state }: MethodContext<BotAuth>) {
  const channel = findVisibleChannel(state, auth.team, argString(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const info = channelObject(channel, auth.team.botUserId);
  if (argBool(args, 'include_num_members')) info.num_members = channel.members.length;
  return ok({ channel: info });
}

const HISTORY_PAGE = 100;
const HISTORY_MAX = 999;

/** A message ts as one integer (microseconds), so "1700000000.000100" compares exactly. */
function tsKey(ts: string): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts);
  if (!match) return undefined;
  return BigInt(match[1] as string) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}

/**
 * conversations.history (Slack's Web API reference): the channel's messages newest first, thread
 * replies and ephemerals left out, between `oldest` and `latest` (exclusive unless `inclusive`), at
 * most `limit` (default 100, at most 999) a page, with `has_more` and a cursor; a message's
 * `metadata` only with `include_all_metadata`.
 */
function conversationsHistory({ args, auth, state }: MethodContext<BotAuth>) {
  const channel = findVisibleChannel(state, auth.team, argString(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  if (!channel.isIm && !channel.isMpim && !channel.members.includes(auth.team.botUserId))
    return fail('not_in_channel');
  const limitArg = argInt(args, 'limit');
  if (limitArg !== undefined && (Number.isNaN(limitArg) || limitArg < 0)) return fail('invalid_limit');
  const limit = Math.min(limitArg || HISTORY_PAGE, HISTORY_MAX);
  const inclusive = argBool(args, 'inclusive') ?? false;
  const oldestArg = argString(args, 'oldest');
  const latestArg = argString(args, 'latest');
  const oldest = oldestArg === undefined ? undefined : tsKey(oldestArg);
  const latest = latestArg === undefined ? undefined : tsKey(latestArg);
  if (oldestArg !== undefined && oldest === undefined) return fail('invalid_ts_oldest');
  if (latestArg !== undefined && latest === undefined) return fail('invalid_ts_latest');
  const cursor = argString(args, 'cursor');
  let before: bigint | undefined;
  if (cursor) {
    const match = /^next_ts:(.+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    before = match?.[1] ? tsKey(match[1]) : undefined;
    if (before === undefined) return fail('invalid_cursor');
  }
  const withMetadata = argBool(args, 'include_all_metadata') ?? false;
  const inRange = state
    .messages(channel.id)
    .filter((m) => !m.ephemeral && (!m.threadTs || m.threadTs === m.ts))
    .map((m) => ({ m, key: tsKey(m.ts) as bigint }))
    .filter(({ key }) => {
      if (oldest !== undefined && (inclusive ? key < oldest : key <= oldest)) return false;
      if (latest !== undefined && (inclusive ? key > latest : key >= latest)) return false;
      return before === undefined || key <= before;
    })
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const page = inRange.slice(0, limit);
  const next = inRange[limit];
  const messages = page.map(({ m }) => {
    const shown = messageObject(m);
    if (!withMetadata) delete shown.metadata;
    return shown;
  });
  return ok({
    messages,
    has_more: next !== undefined,
    pin_count: 0,
    response_metadata: {
      next_cursor: next ? Buffer.from(`next_ts:${next.m.ts}`).toString('base64') : '',
    },
  });
}

export const conversationMethods: Record<string, MethodSpec> = {
  'conversations.history': { auth: 'bot', json: false, handle: conversationsHistory },
  'conversations.open': { auth: 'bot', json: true, handle: conversationsOpen },
  'conversations.members': { auth: 'bot', json: false, handle: conversationsMembers },
  'conversations.info': { auth: 'bot', json: false, handle: conversationsInfo },
};
