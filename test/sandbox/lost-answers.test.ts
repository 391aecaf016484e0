// The stand-in's faults for delivery: a reset connection (the call never ran), and an answer lost after
// the call ran (the message is posted; the app never hears so); and conversations.history, where a
// sender can look for a message it is not sure went out.
import { ErrorCode, type WebAPIRequestError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { ALICE, COHORT, LOBBY, SECRET, TEAM } from '../support/fixtures';
import { caught, slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('reset', () => {
  it('destroys the connection without running the call: a request error, nothing posted', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'reset', times: 1 });
    const error = (await caught(
      s.client().chat.postMessage({ channel: COHORT.id, text: 'x' }),
    )) as WebAPIRequestError;
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
    expect(s.standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      status: 0,
      response: null,
      fault: 'reset',
    });
    // Only that call: the next one goes through.
    await expect(s.client().chat.postMessage({ channel: COHORT.id, text: 'y' })).resolves.toMatchObject({
      ok: true,
    });
    expect(s.standIn.messages(COHORT.id).map((m) => m.text)).toEqual(['y']);
  });
});

describe('lost_answer', () => {
  it('then reset: the message is posted, the app gets a request error', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'lost_answer', by: 'reset', times: 1 });
    const error = (await caught(
      s.client().chat.postMessage({ channel: COHORT.id, text: 'posted anyway' }),
    )) as WebAPIRequestError;
    expect(error.code).toBe(ErrorCode.RequestError);
    const [message] = s.standIn.messages(COHORT.id);
    expect(message?.text).toBe('posted anyway');
    // Recorded with the answer the call produced, never sent (status 0).
    expect(s.standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      status: 0,
      fault: 'lost_answer',
      response: { ok: true, channel: COHORT.id, ts: message?.ts },
    });
  });

  it('then hang: the message is posted and the request held until a timeout aborts it', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'lost_answer', by: 'hang' });
    const error = (await caught(
      s.client(undefined, { timeout: 100 }).chat.postMessage({ channel: COHORT.id, text: 'held' }),
    )) as WebAPIRequestError;
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(error.original.name).toMatch(/TimeoutError|AbortError/);
    expect(s.standIn.messages(COHORT.id).map((m) => m.text)).toEqual(['held']);
  });

  it('then hang: clear() releases the held request', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'lost_answer', by: 'hang' });
    const pending = caught(s.client().chat.postMessage({ channel: COHORT.id, text: 'held' }));
    await s.standIn.waitForCall('chat.postMessage');
    s.standIn.faults.clear();
    expect((await pending).code).toBe(ErrorCode.RequestError);
    expect(s.standIn.messages(COHORT.id)).toHaveLength(1);
  });

  it('a call the method refuses is lost the same way, and posts nothing', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'lost_answer', by: 'reset' });
    await caught(s.client().chat.postMessage({ channel: 'C0NOPE', text: 'x' }));
    expect(s.standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      status: 0,
      response: { ok: false, error: 'channel_not_found' },
    });
  });

  it('works for a response_url too: the reply is applied, the answer lost', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    s.standIn.faults.set('response_url', { kind: 'lost_answer', by: 'reset' });
    await expect(
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'answered', response_type: 'in_channel' }),
      }),
    ).rejects.toThrow();
    expect(s.standIn.messages(COHORT.id).map((m) => m.text)).toEqual(['answered']);
  });
});

describe('conversations.history', () => {
  async function post(channel: string, text: string, metadata?: Record<string, unknown>) {
    const res = await s.client().chat.postMessage({
      channel,
      text,
      ...(metadata ? { metadata: metadata as never } : {}),
    });
    s.clock.advance(1_000);
    return res.ts as string;
  }

  it('lists the DM newest first, metadata only with include_all_metadata', async () => {
    const meta = { event_type: 'example', event_payload: { id: 'n1' } };
    const first = await post(ALICE.id, 'one', meta);
    const second = await post(ALICE.id, 'two');
    const dm = s.standIn.dmChannelFor(TEAM.id, ALICE.id);
    const plain = await s.client().conversations.history({ channel: dm });
    expect(plain.messages?.map((m) => [m.ts, m.text])).toEqual([
      [second, 'two'],
      [first, 'one'],
    ]);
    expect(plain.messages?.[1]).not.toHaveProperty('metadata');
    expect(plain).toMatchObject({ has_more: false, response_metadata: { next_cursor: '' } });
    const withMeta = await s.client().conversations.history({ channel: dm, include_all_metadata: true });
    expect(withMeta.messages?.[1]).toMatchObject({
      metadata: meta,
      bot_id: TEAM.botId,
      user: TEAM.botUserId,
    });
  });

  it('pages with limit and cursor, and bounds by oldest and latest', async () => {
    const ts = [];
    for (const text of ['a', 'b', 'c', 'd', 'e']) ts.push(await post(COHORT.id, text));
    const client = s.client();
    const page1 = await client.conversations.history({ channel: COHORT.id, limit: 2 });
    expect(page1.messages?.map((m) => m.text)).toEqual(['e', 'd']);
    expect(page1.has_more).toBe(true);
    const cursor = page1.response_metadata?.next_cursor as string;
    const page2 = await client.conversations.history({ channel: COHORT.id, limit: 2, cursor });
    expect(page2.messages?.map((m) => m.text)).toEqual(['c', 'b']);
    const between = await client.conversations.history({ channel: COHORT.id, oldest: ts[1], latest: ts[3] });
    expect(between.messages?.map((m) => m.text)).toEqual(['c']);
    const inclusive = await client.conversations.history({
      channel: COHORT.id,
      oldest: ts[1],
      latest: ts[3],
      inclusive: true,
    });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['d', 'c', 'b']);
  });

  it('leaves out ephemeral messages and thread replies', async () => {
    const parent = await post(COHORT.id, 'parent');
    await s.client().chat.postMessage({ channel: COHORT.id, text: 'reply', thread_ts: parent });
    await s.client().chat.postEphemeral({ channel: COHORT.id, user: ALICE.id, text: 'only alice' });
    const history = await s.client().conversations.history({ channel: COHORT.id });
    expect(history.messages?.map((m) => m.text)).toEqual(['parent']);
  });

  it.each([
    ['an unknown channel', { channel: 'C0NOPE' }, 'channel_not_found'],
    ['a private channel the bot is not in', { channel: SECRET.id }, 'channel_not_found'],
    ['a public channel the bot is not in', { channel: LOBBY.id }, 'not_in_channel'],
    ['a bad cursor', { channel: COHORT.id, cursor: 'bm9wZQ==' }, 'invalid_cursor'],
    ['a bad oldest', { channel: COHORT.id, oldest: 'yesterday' }, 'invalid_ts_oldest'],
    ['a bad limit', { channel: COHORT.id, limit: -1 }, 'invalid_limit'],
  ])('rejects %s', async (_name, args, error) => {
    expect(await slackError(s.client().apiCall('conversations.history', args))).toMatchObject({ error });
  });
});
