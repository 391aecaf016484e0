import { describe, expect, it } from 'vitest';
import { ALICE, BOB, COHORT, HELPER_BOT, LOBBY, OTTO, SECRET, TEAM } from '../support/fixtures';
import { slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }];

describe('chat.postMessage', () => {
  it('posts into a channel the bot is in and returns channel, ts and message', async () => {
    const result = await s.client().chat.postMessage({ channel: COHORT.id, text: 'Hello', blocks });
    expect(result).toMatchObject({
      ok: true,
      channel: COHORT.id,
      ts: expect.stringMatching(/^1700000000\.\d{6}$/),
      message: { type: 'message', text: 'Hello', user: TEAM.botUserId, bot_id: TEAM.botId, team: TEAM.id },
    });
    const stored = s.standIn.messages(COHORT.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: COHORT.id, ts: result.ts, text: 'Hello', ephemeral: false });
    // Slack fills in block ids the app left out.
    expect(stored[0]?.blocks?.[0]).toMatchObject({ ...blocks[0], block_id: expect.any(String) });
  });

  it('gives unique, increasing timestamps', async () => {
    const client = s.client();
    const first = await client.chat.postMessage({ channel: COHORT.id, text: '1' });
    const second = await client.chat.postMessage({ channel: COHORT.id, text: '2' });
    s.clock.advance(5000);
    const third = await client.chat.postMessage({ channel: COHORT.id, text: '3' });
    expect(first.ts).toBe('1700000000.000001');
    expect(second.ts).toBe('1700000000.000002');
    expect(third.ts).toBe('1700000005.000001');
  });

  it('posts to a user id as a DM in the bot IM, like Slack', async () => {
    const result = await s.client().chat.postMessage({ channel: ALICE.id, text: 'Psst' });
    const dm = s.standIn.dmChannelFor(TEAM.id, ALICE.id);
    expect(dm).toMatch(/^D/);
    expect(result.channel).toBe(dm);
    expect(s.standIn.messages(dm)).toMatchObject([{ text: 'Psst', ephemeral: false }]);
  });

  it('finds a channel by name', async () => {
    const result = await s.client().chat.postMessage({ channel: '#cohort', text: 'by name' });
    expect(result.channel).toBe(COHORT.id);
  });

  it.each([
    ['an unknown channel', 'C0NOPE', 'channel_not_found'],
    ['a public channel without the bot', LOBBY.id, 'not_in_channel'],
    ['a private channel without the bot', SECRET.id, 'channel_not_found'],
    ['an unknown user id', 'U0NOPE', 'channel_not_found'],
    ['a user of another team', OTTO.id, 'channel_not_found'],
    ['another bot user', HELPER_BOT.id, 'cannot_dm_bot'],
  ])('rejects %s', async (_name, channel, error) => {
    expect(await slackError(s.client().chat.postMessage({ channel, text: 'x' }))).toMatchObject({ error });
    expect(s.standIn.messages(channel)).toEqual([]);
  });

  it('rejects a message without text, blocks or attachments (no_text)', async () => {
    expect(await slackError(s.client().chat.postMessage({ channel: COHORT.id, text: '' }))).toMatchObject({
      error: 'no_text',
    });
    expect(
      await slackError(s.client().chat.postMessage({ channel: COHORT.id, text: ' ', blocks: [] })),
    ).toMatchObject({
      error: 'no_text',
    });
  });

  it('rejects text over 40,000 characters (msg_too_long) and accepts exactly 40,000', async () => {
    expect(
      await slackError(s.client().chat.postMessage({ channel: COHORT.id, text: 'x'.repeat(40_001) })),
    ).toMatchObject({
      error: 'msg_too_long',
    });
    await expect(
      s.client().chat.postMessage({ channel: COHORT.id, text: 'x'.repeat(40_000) }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('rejects invalid blocks with errors and [ERROR] messages, as Slack does', async () => {
    const bad = [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }];
    const data = await slackError(
      s.client().chat.postMessage({ channel: COHORT.id, text: 'fallback', blocks: bad }),
    );
    expect(data).toEqual({
      ok: false,
      error: 'invalid_blocks',
      errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      response_metadata: {
        messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
  });

  it('rejects blocks that are not JSON (invalid_blocks_format)', async () => {
    const data = await slackError(
      s.client().apiCall('chat.postMessage', { channel: COHORT.id, text: 'x', blocks: '[{"type":' }),
    );
    expect(data).toMatchObject({ error: 'invalid_blocks_format' });
  });

  it('rejects markdown_text together with text', async () => {
    const data = await slackError(
      s.client().apiCall('chat.postMessage', { channel: COHORT.id, text: 'x', markdown_text: '**x**' }),
    );
    expect(data).toMatchObject({ error: 'markdown_text_conflict' });
  });

  it('keeps thread_ts and metadata', async () => {
    const parent = await s.client().chat.postMessage({ channel: COHORT.id, text: 'parent' });
    await s.client().chat.postMessage({
      channel: COHORT.id,
      text: 'reply',
      thread_ts: parent.ts,
      metadata: { event_type: 'ask', event_payload: { id: 1 } },
    });
    expect(s.standIn.messages(COHORT.id)[1]).toMatchObject({
      threadTs: parent.ts,
      metadata: { event_type: 'ask', event_payload: { id: 1 } },
    });
  });
});

describe('chat.postEphemeral', () => {
  it('stores an ephemeral flagged with its recipient and returns message_ts', async () => {
    const result = await s
      .client()
      .chat.postEphemeral({ channel: COHORT.id, user: ALICE.id, text: 'only you' });
    expect(result).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      {
        ts: result.message_ts,
        text: 'only you',
        ephemeral: true,
        recipient: ALICE.id,
        source: 'chat.postEphemeral',
      },
    ]);
  });

  it('rejects a user who is not in the channel (user_not_in_channel)', async () => {
    s.standIn.addUser({ id: 'U0DAVE', teamId: TEAM.id, name: 'dave' });
    const data = await slackError(
      s.client().chat.postEphemeral({ channel: COHORT.id, user: 'U0DAVE', text: 'x' }),
    );
    expect(data).toMatchObject({ error: 'user_not_in_channel' });
  });

  it('rejects a channel the bot is not in', async () => {
    const data = await slackError(
      s.client().chat.postEphemeral({ channel: LOBBY.id, user: ALICE.id, text: 'x' }),
    );
    expect(data).toMatchObject({ error: 'not_in_channel' });
  });

  it('validates blocks', async () => {
    const data = await slackError(
      s
        .client()
        .chat.postEphemeral({ channel: COHORT.id, user: ALICE.id, text: 'x', blocks: [{ type: 'nope' }] }),
    );
    expect(data).toMatchObject({ error: 'invalid_blocks' });
  });
});

describe('chat.update and chat.delete', () => {
  it('updates text and blocks of the bot message', async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'v1', blocks });
    const newBlocks = [{ type: 'section', block_id: 'b', text: { type: 'plain_text', text: 'v2' } }];
    const result = await s
      .client()
      .chat.update({ channel: COHORT.id, ts: posted.ts as string, text: 'v2', blocks: newBlocks });
    expect(result).toMatchObject({ ok: true, channel: COHORT.id, ts: posted.ts, text: 'v2' });
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      { ts: posted.ts, text: 'v2', blocks: newBlocks, editedTs: expect.any(String) },
    ]);
  });

  it('keeps blocks when the update leaves them out', async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'v1', blocks });
    await s.client().chat.update({ channel: COHORT.id, ts: posted.ts as string, text: 'v2' });
    expect(s.standIn.messages(COHORT.id)[0]?.blocks).toHaveLength(1);
  });

  it('answers message_not_found, channel_not_found and checks blocks and length', async () => {
    const client = s.client();
    const posted = await client.chat.postMessage({ channel: COHORT.id, text: 'v1' });
    const ts = posted.ts as string;
    expect(
      await slackError(client.chat.update({ channel: COHORT.id, ts: '1.000001', text: 'x' })),
    ).toMatchObject({
      error: 'message_not_found',
    });
    expect(await slackError(client.chat.update({ channel: 'C0NOPE', ts, text: 'x' }))).toMatchObject({
      error: 'channel_not_found',
    });
    expect(
      await slackError(
        client.chat.update({ channel: COHORT.id, ts, text: 'x', blocks: [{ type: 'header' }] }),
      ),
    ).toMatchObject({ error: 'invalid_blocks' });
    expect(
      await slackError(client.chat.update({ channel: COHORT.id, ts, text: 'x'.repeat(4001) })),
    ).toMatchObject({
      error: 'msg_too_long',
    });
    expect(s.standIn.messages(COHORT.id)[0]?.text).toBe('v1');
  });

  it('cannot update an ephemeral message', async () => {
    const eph = await s.client().chat.postEphemeral({ channel: COHORT.id, user: BOB.id, text: 'e' });
    const data = await slackError(
      s.client().chat.update({ channel: COHORT.id, ts: eph.message_ts as string, text: 'x' }),
    );
    expect(data).toMatchObject({ error: 'message_not_found' });
  });

  it("cannot update or delete another app's message (cant_update_message, cant_delete_message)", async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'mine' });
    // Another app installed in the same workspace (it replaces the first app's install record).
    s.standIn.addTeam({ ...TEAM, botToken: 'xoxb-second-app', botUserId: 'U0SECONDBOT', botId: 'B0SECOND' });
    s.standIn.addMember(COHORT.id, 'U0SECONDBOT');
    const second = s.client('xoxb-second-app');
    expect(
      await slackError(second.chat.update({ channel: COHORT.id, ts: posted.ts as string, text: 'x' })),
    ).toMatchObject({
      error: 'cant_update_message',
    });
    expect(
      await slackError(second.chat.delete({ channel: COHORT.id, ts: posted.ts as string })),
    ).toMatchObject({
      error: 'cant_delete_message',
    });
  });

  it('deletes the bot message', async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'bye' });
    const result = await s.client().chat.delete({ channel: COHORT.id, ts: posted.ts as string });
    expect(result).toMatchObject({ ok: true, channel: COHORT.id, ts: posted.ts });
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
    expect(
      await slackError(s.client().chat.delete({ channel: COHORT.id, ts: posted.ts as string })),
    ).toMatchObject({
      error: 'message_not_found',
    });
  });
});

describe('chat.scheduleMessage', () => {
  const now = 1_700_000_000;

  it('schedules a message in the future', async () => {
    const result = await s
      .client()
      .chat.scheduleMessage({ channel: COHORT.id, text: 'later', post_at: now + 60 });
    expect(result).toMatchObject({
      ok: true,
      channel: COHORT.id,
      post_at: now + 60,
      scheduled_message_id: expect.stringMatching(/^Q/),
    });
    expect(s.standIn.scheduledMessages(COHORT.id)).toMatchObject([{ text: 'later', postAt: now + 60 }]);
  });

  it.each([
    ['in the past', now, 'time_in_past'],
    ['more than 120 days ahead', now + 120 * 86400 + 1, 'time_too_far'],
  ])('rejects a time %s', async (_name, postAt, error) => {
    expect(
      await slackError(s.client().chat.scheduleMessage({ channel: COHORT.id, text: 'x', post_at: postAt })),
    ).toMatchObject({
      error,
    });
  });

  it('rejects a post_at that is not a number', async () => {
    const data = await slackError(
      s.client().apiCall('chat.scheduleMessage', { channel: COHORT.id, text: 'x', post_at: 'tomorrow' }),
    );
    expect(data).toMatchObject({ error: 'invalid_time' });
  });
});
