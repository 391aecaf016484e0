import { describe, expect, it } from 'vitest';
import { ALICE, BOB, CAROL, COHORT, LOBBY, OTTO, SECRET, TEAM } from '../support/fixtures';
import { slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('conversations.open', () => {
  it('opens the bot IM with one user and reuses it', async () => {
    const first = await s.client().conversations.open({ users: ALICE.id });
    const again = await s.client().conversations.open({ users: ALICE.id, return_im: true });
    const dm = s.standIn.dmChannelFor(TEAM.id, ALICE.id);
    expect(first).toMatchObject({ ok: true, channel: { id: dm } });
    expect(again).toMatchObject({
      no_op: true,
      already_open: true,
      channel: { id: dm, is_im: true, user: ALICE.id },
    });
  });

  it('opens the same IM that chat.postMessage to the user id uses', async () => {
    const posted = await s.client().chat.postMessage({ channel: BOB.id, text: 'hi' });
    const opened = await s.client().conversations.open({ users: BOB.id });
    expect(opened.channel?.id).toBe(posted.channel);
  });

  it('opens a multi-person IM for several users', async () => {
    const result = await s.client().conversations.open({ users: `${ALICE.id},${BOB.id}` });
    expect(result.channel?.id).toMatch(/^G/);
    const members = await s.client().conversations.members({ channel: result.channel?.id as string });
    expect(members.members).toEqual([ALICE.id, BOB.id, TEAM.botUserId]);
  });

  it.each([
    ['an unknown user', { users: 'U0NOPE' }, 'user_not_found'],
    ['a user of another team', { users: OTTO.id }, 'user_not_found'],
    ['a deactivated user', { users: CAROL.id }, 'user_disabled'],
    ['no users', {}, 'users_list_not_supplied'],
    ['nine users', { users: Array.from({ length: 9 }, (_, i) => `U${i}`).join(',') }, 'too_many_users'],
    ['a channel that is not an IM', { channel: COHORT.id }, 'method_not_supported_for_channel_type'],
    ['an unknown channel', { channel: 'D0NOPE' }, 'channel_not_found'],
  ])('rejects %s', async (_name, args, error) => {
    expect(await slackError(s.client().apiCall('conversations.open', args))).toMatchObject({ error });
  });
});

describe('conversations.members', () => {
  it('pages with cursor and limit; next_cursor is empty on the last page', async () => {
    for (const id of ['U0M1', 'U0M2', 'U0M3']) {
      s.standIn.addUser({ id, teamId: TEAM.id, name: id.toLowerCase() });
      s.standIn.addMember(COHORT.id, id);
    }
    const client = s.client();
    const page1 = await client.conversations.members({ channel: COHORT.id, limit: 4 });
    expect(page1.members).toEqual([TEAM.botUserId, ALICE.id, BOB.id, 'U0M1']);
    const cursor = page1.response_metadata?.next_cursor as string;
    expect(cursor).not.toBe('');
    const page2 = await client.conversations.members({ channel: COHORT.id, limit: 4, cursor });
    expect(page2.members).toEqual(['U0M2', 'U0M3']);
    expect(page2.response_metadata?.next_cursor).toBe('');
  });

  it('works with WebClient.paginate', async () => {
    const seen: string[] = [];
    for await (const page of s.client().paginate('conversations.members', { channel: COHORT.id, limit: 1 })) {
      seen.push(...((page as { members?: string[] }).members ?? []));
    }
    expect(seen).toEqual(COHORT.members);
    expect(s.standIn.callsTo('conversations.members')).toHaveLength(3);
  });

  it('answers invalid_cursor, invalid_limit and channel_not_found', async () => {
    const client = s.client();
    expect(
      await slackError(client.conversations.members({ channel: COHORT.id, cursor: 'bm9wZQ==' })),
    ).toMatchObject({
      error: 'invalid_cursor',
    });
    expect(await slackError(client.conversations.members({ channel: COHORT.id, limit: -1 }))).toMatchObject({
      error: 'invalid_limit',
    });
    expect(await slackError(client.conversations.members({ channel: SECRET.id }))).toMatchObject({
      error: 'channel_not_found',
    });
  });

  it('lists a public channel the bot is not in', async () => {
    const result = await s.client().conversations.members({ channel: LOBBY.id });
    expect(result.members).toEqual([ALICE.id]);
  });
});

describe('conversations.info', () => {
  it('describes a channel, with is_member and num_members', async () => {
    const result = await s.client().conversations.info({ channel: COHORT.id, include_num_members: true });
    expect(result.channel).toMatchObject({
      id: COHORT.id,
      name: 'cohort',
      is_channel: true,
      is_private: false,
      is_im: false,
      is_member: true,
      num_members: 3,
    });
    const lobby = await s.client().conversations.info({ channel: LOBBY.id });
    expect(lobby.channel).toMatchObject({ is_member: false });
  });

  it('describes an IM', async () => {
    const dm = s.standIn.dmChannelFor(TEAM.id, ALICE.id);
    const result = await s.client().conversations.info({ channel: dm });
    expect(result.channel).toMatchObject({ id: dm, is_im: true, user: ALICE.id });
  });

  it('hides private channels the bot is not in', async () => {
    expect(await slackError(s.client().conversations.info({ channel: SECRET.id }))).toMatchObject({
      error: 'channel_not_found',
    });
  });
});
