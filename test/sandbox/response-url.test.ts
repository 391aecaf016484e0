import { describe, expect, it } from 'vitest';
import { ALICE, COHORT, LOBBY, TEAM } from '../support/fixtures';
import { useStandIn } from '../support/stand-in';

const s = useStandIn();

/** What Bolt's respond() sends: a JSON POST to the response_url. */
async function respond(url: string, message: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(message),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('response_url', () => {
  it('is a URL on the stand-in', () => {
    expect(s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id)).toMatch(
      new RegExp(`^${s.url}/response_url/[0-9a-f]+$`),
    );
  });

  it('posts an ephemeral message to the user by default and records the call', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    expect(await respond(url, { text: 'Only you can see this' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      {
        text: 'Only you can see this',
        ephemeral: true,
        recipient: ALICE.id,
        source: 'response_url',
        user: TEAM.botUserId,
      },
    ]);
    expect(s.standIn.callsTo('response_url')).toMatchObject([
      { args: { text: 'Only you can see this' }, teamId: TEAM.id, status: 200, response: { ok: true } },
    ]);
  });

  it('posts to the channel with response_type in_channel, even one the bot is not in', async () => {
    const url = s.standIn.responseUrl(TEAM.id, LOBBY.id, ALICE.id);
    await respond(url, { response_type: 'in_channel', text: 'Everyone sees this' });
    expect(s.standIn.messages(LOBBY.id)).toMatchObject([{ text: 'Everyone sees this', ephemeral: false }]);
    expect(s.standIn.messages(LOBBY.id)[0]).not.toHaveProperty('recipient');
  });

  it('replaces the original message with replace_original', async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'Pick one' });
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id, posted.ts);
    const blocks = [{ type: 'section', block_id: 'done', text: { type: 'mrkdwn', text: 'Picked' } }];
    expect((await respond(url, { replace_original: true, text: 'Picked', blocks })).status).toBe(200);
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      { ts: posted.ts, text: 'Picked', blocks, editedTs: expect.any(String) },
    ]);
  });

  it('deletes the original message with delete_original', async () => {
    const posted = await s.client().chat.postMessage({ channel: COHORT.id, text: 'Temporary' });
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id, posted.ts);
    expect((await respond(url, { delete_original: true })).status).toBe(200);
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
  });

  it('answers 404 when there is no original message to replace', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    expect(await respond(url, { replace_original: true, text: 'x' })).toEqual({
      status: 404,
      body: { ok: false, error: 'message_not_found' },
    });
  });

  it('rejects invalid blocks and empty messages with a non-2xx status', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    const bad = await respond(url, {
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await respond(url, {})).toEqual({ status: 400, body: { ok: false, error: 'no_text' } });
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
  });

  it('can be used 5 times, then answers used_url', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    for (let i = 0; i < 5; i += 1) expect((await respond(url, { text: `#${i}` })).status).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toEqual({
      status: 404,
      body: { ok: false, error: 'used_url' },
    });
  });

  it('expires after 30 minutes on the clock', async () => {
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    s.clock.advance(30 * 60 * 1000 + 1);
    expect(await respond(url, { text: 'late' })).toEqual({
      status: 404,
      body: { ok: false, error: 'expired_url' },
    });
  });

  it('answers 404 for an unknown URL', async () => {
    expect((await respond(`${s.url}/response_url/0123abcd`, { text: 'x' })).status).toBe(404);
  });

  it('honours faults set for response_url', async () => {
    s.standIn.faults.set('response_url', { kind: 'error', status: 503, times: 1 });
    const url = s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text":"x"}',
    });
    expect(response.status).toBe(503);
    expect((await respond(url, { text: 'x' })).status).toBe(200);
  });
});
