/** Resolving the `channel` argument of posting methods the way Slack does (Slack's Web API docs). */
import type { ChannelRecord, SandboxState } from '../state';
import type { StandInTeam } from '../types';

export type ChannelResolution = { ok: true; channel: ChannelRecord } | { ok: false; error: string };

function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

/**
 * Where a message posted with `channel` goes:
 * - a user id (U…/W…) posts into the bot's IM with that user, as Slack does;
 * - a conversation the bot is not in → `not_in_channel` (`channel_not_found` for private ones it cannot see);
 * - anything unknown → `channel_not_found`.
 */
export function resolvePostTarget(
  state: SandboxState,
  team: StandInTeam,
  channelArg: string | undefined,
): ChannelResolution {
  if (!channelArg) return { ok: false, error: 'channel_not_found' };
  if (isUserId(channelArg) && !state.channels.has(channelArg)) {
    const user = state.userInTeam(team.id, channelArg);
    if (!user) return { ok: false, error: 'channel_not_found' };
    if (user.isBot && user.id !== team.botUserId) return { ok: false, error: 'cannot_dm_bot' };
    // Direct messages with a deactivated user are read-only; Slack's exact error here is not documented.
    if (user.deleted) return { ok: false, error: 'is_archived' };
    const channel = state.channels.get(state.dmChannelFor(team.id, user.id));
    return channel ? { ok: true, channel } : { ok: false, error: 'channel_not_found' };
  }
  return resolveMemberChannel(state, team, channelArg);
}

/** A conversation of the team that the bot can see; `not_in_channel` when it can see it but is not a member. */
export function resolveMemberChannel(
  state: SandboxState,
  team: StandInTeam,
  channelArg: string,
): ChannelResolution {
  const channel = state.findChannel(team.id, channelArg);
  if (!channel) return { ok: false, error: 'channel_not_found' };
  const isMember = channel.members.includes(team.botUserId);
  if (!isMember) return { ok: false, error: channel.isPrivate ? 'channel_not_found' : 'not_in_channel' };
  return { ok: true, channel };
}

/** A conversation the bot can read (public ones without membership too); private ones need membership. */
export function findVisibleChannel(
  state: SandboxState,
  team: StandInTeam,
  channelId: string | undefined,
): ChannelRecord | undefined {
  if (!channelId) return undefined;
  const channel = state.channels.get(channelId);
  if (!channel || channel.teamId !== team.id) return undefined;
  if (channel.isPrivate && !channel.members.includes(team.botUserId)) return undefined;
  return channel;
}
