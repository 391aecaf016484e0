/** Slack-shaped objects built from stand-in state (user, conversation, team, message). */
import type { ChannelRecord } from '../state';
import { DEFAULT_TZ } from '../state';
import type { StandInTeam, StandInUser, StoredMessage } from '../types';

export function teamDomain(team: StandInTeam): string {
  return (
    team.domain ??
    (team.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') ||
      'workspace')
  );
}

export function teamUrl(team: StandInTeam): string {
  return `https://${teamDomain(team)}.slack.com/`;
}

/** Long zone name and UTC offset (seconds) of an IANA zone at a given instant, e.g. Pacific Daylight Time / -25200. */
function timeZoneInfo(tz: string, atMs: number): { label: string; offsetSeconds: number } {
  const part = (timeZoneName: 'long' | 'longOffset'): string =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName })
      .formatToParts(atMs)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const offset = /^GMT([+-])(\d{2}):(\d{2})$/.exec(part('longOffset'));
  const offsetSeconds = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 3600 + Number(offset[3]) * 60)
    : 0;
  return { label: part('long'), offsetSeconds };
}

/** users.info `user` object (fields as in the docs example, Slack's Web API reference). */
export function userObject(user: StandInUser, atMs: number): Record<string, unknown> {
  const tz = user.tz ?? DEFAULT_TZ;
  const { label, offsetSeconds } = timeZoneInfo(tz, atMs);
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    color: '9f69e7',
    real_name: realName,
    tz,
    tz_label: label,
    tz_offset: offsetSeconds,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: user.name,
      display_name_normalized: user.name,
      ...(user.email ? { email: user.email } : {}),
      team: user.teamId,
    },
    is_admin: Boolean(user.isAdmin || user.isOwner),
    is_owner: user.isOwner ?? false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    updated: Math.floor(atMs / 1000),
  };
}

/** conversations.info / conversations.open `channel` object. */
export function channelObject(channel: ChannelRecord, botUserId: string): Record<string, unknown> {
  if (channel.isIm) {
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.imUser,
      is_open: true,
      priority: 0,
    };
  }
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: !channel.isPrivate && !channel.isMpim,
    is_group: channel.isPrivate && !channel.isMpim,
    is_im: false,
    is_mpim: channel.isMpim,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_member: channel.members.includes(botUserId),
    created: channel.created,
    context_team_id: channel.teamId,
  };
}

export function teamObject(team: StandInTeam): Record<string, unknown> {
  return {
    id: team.id,
    name: team.name,
    domain: teamDomain(team),
    email_domain: '',
    icon: { image_default: true },
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
  };
}

/** The `message` object returned by chat.postMessage and friends. */
export function messageObject(message: StoredMessage): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    bot_id: message.botId,
    ...(message.appId ? { app_id: message.appId } : {}),
    team: message.teamId,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.attachments ? { attachments: message.attachments } : {}),
    ...(message.metadata ? { metadata: message.metadata } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.editedTs ? { edited: { user: message.user, ts: message.editedTs } } : {}),
    ts: message.ts,
  };
}
