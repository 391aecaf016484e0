// Playing a cohort channel against the harness: the people of the cohort tests, a channel the app is
// in, `/coach cohort setup` typed in a channel, and people joining and leaving it as Slack tells the app.
import { expect } from 'vitest';
import type { RecordedCall, StandInUser } from '../../src/sandbox';
import type { ViewLike } from '../../src/sandbox/slack-driver';
import { ALICE, BOB, HELPER_BOT, TEAM } from './fixtures';
import type { Harness } from './harness';
import { viewOf } from './slack-play';

/** A facilitator in Chicago (not a workspace admin). */
export const FRAN: StandInUser = {
  id: 'U0FRAN',
  teamId: TEAM.id,
  name: 'fran',
  realName: 'Fran Okoye',
  tz: 'America/Chicago',
};

/** A second facilitator. */
export const GUS: StandInUser = {
  id: 'U0GUS',
  teamId: TEAM.id,
  name: 'gus',
  realName: 'Gus Lind',
  tz: 'UTC',
};

/** A workspace admin who facilitates nothing. */
export const ADA: StandInUser = {
  id: 'U0ADA',
  teamId: TEAM.id,
  name: 'ada',
  realName: 'Ada Park',
  tz: 'Europe/London',
  isAdmin: true,
};

/** The workspace's owner (an admin too, as Slack reports owners). */
export const OWEN: StandInUser = {
  id: 'U0OWEN',
  teamId: TEAM.id,
  name: 'owen',
  realName: 'Owen Hale',
  isOwner: true,
};

/** Everyone the cohort tests play with. */
export const COHORT_PEOPLE: StandInUser[] = [ALICE, BOB, FRAN, GUS, ADA, OWEN, HELPER_BOT];

/** The cohort channel of these tests. */
export const CHANNEL = 'C0COHORT';

/** Adds a public channel the app is in (or not), with these members. */
export function addChannel(
  h: Harness,
  members: string[],
  opts: { id?: string; name?: string; appIn?: boolean; isPrivate?: boolean } = {},
): string {
  const id = opts.id ?? CHANNEL;
  h.standIn.addChannel({
    id,
    teamId: TEAM.id,
    name: opts.name ?? 'cohort',
    members: [...(opts.appIn === false ? [] : [TEAM.botUserId]), ...members],
    isPrivate: opts.isPrivate ?? false,
  });
  return id;
}

/** `/coach cohort <text>` typed in a channel, answered with a modal; returns it once it replaced the loading view. */
export async function cohortModalIn(
  h: Harness,
  userId: string,
  text: string,
  channelId = CHANNEL,
): Promise<ViewLike> {
  h.standIn.clearCalls();
  const res = await h.driver.command(userId, `cohort ${text}`, { channelId });
  expect(res.status).toBe(200);
  return viewOf(await h.standIn.waitForCall('views.update'));
}

/** Someone joins the channel: Slack adds them and tells the app (`eventId` to redeliver the same event). */
export async function join(
  h: Harness,
  userId: string,
  opts: { channelId?: string; eventId?: string; retryNum?: number } = {},
) {
  const channel = opts.channelId ?? CHANNEL;
  h.standIn.addMember(channel, userId);
  const res = await h.driver.event(
    { type: 'member_joined_channel', user: userId, channel, channel_type: 'C', team: TEAM.id },
    { eventId: opts.eventId, retryNum: opts.retryNum },
  );
  expect(res.status).toBe(200);
  await h.settle();
}

/** Someone leaves the channel. */
export async function leave(h: Harness, userId: string, channelId = CHANNEL) {
  h.standIn.removeMember(channelId, userId);
  const res = await h.driver.event({
    type: 'member_left_channel',
    user: userId,
    channel: channelId,
    channel_type: 'C',
    team: TEAM.id,
  });
  expect(res.status).toBe(200);
  await h.settle();
}

/** The DMs (chat.postMessage to the user id) the app sent `userId` so far. */
export function dmsTo(h: Harness, userId: string): RecordedCall[] {
  return h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === userId && c.response?.ok);
}

/** The messages the app posted into a channel so far. */
export function postsIn(h: Harness, channelId = CHANNEL): RecordedCall[] {
  return h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === channelId && c.response?.ok);
}

/** Who is in the cohort now, by Slack user id, with their role. */
export async function roster(
  h: Harness,
  workspaceId = TEAM.id,
  channelId = CHANNEL,
): Promise<Record<string, string>> {
  const rows = await h.db.cohortMembership.findMany({
    where: { leftAt: null, cohort: { workspaceId, channelId } },
    include: { member: { select: { slackUserId: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.member.slackUserId, r.role]).sort());
}
