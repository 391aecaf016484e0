/** conversations.open, conversations.members, conversations.info. */
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
import { channelObject } from './shapes';

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

export const conversationMethods: Record<string, MethodSpec> = {
  'conversations.open': { auth: 'bot', json: true, handle: conversationsOpen },
  'conversations.members': { auth: 'bot', json: false, handle: conversationsMembers },
  'conversations.info': { auth: 'bot', json: false, handle: conversationsInfo },
};
