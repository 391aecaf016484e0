// The stand-in enforcing Slack's chat.postMessage limits (a `limit` fault): one message a second per
// channel and a sliding workspace window, each answering 429 with the Retry-After until a slot frees.
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, COHORT, TEAM } from '../support/fixtures';
import { useStandIn } from '../support/stand-in';

const s = useStandIn();

async function post(channel: string): Promise<{ status: number; retryAfter: string | null }> {
  const client = s.client();
  try {
    await client.chat.postMessage({ channel, text: 'Hi' });
    return { status: 200, retryAfter: null };
  } catch (error) {
    const e = error as { code?: string; retryAfter?: number };
    if (e.code === 'slack_webapi_rate_limited_error')
      return { status: 429, retryAfter: String(e.retryAfter) };
    throw error;
  }
}

describe('rate limits on chat.postMessage', () => {
  it('one message a second per channel; other channels are not held up', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'limit', perChannel: { max: 1, windowMs: 1000 } });
    expect(await post(ALICE.id)).toEqual({ status: 200, retryAfter: null });
    expect(await post(ALICE.id)).toEqual({ status: 429, retryAfter: '1' });
    expect(await post(BOB.id)).toEqual({ status: 200, retryAfter: null });
    s.clock.advance(1000);
    expect(await post(ALICE.id)).toEqual({ status: 200, retryAfter: null });
    // The refused call was not delivered.
    expect(s.standIn.messages(s.standIn.dmChannelFor(TEAM.id, ALICE.id))).toHaveLength(2);
  });

  it('a sliding workspace window: Retry-After counts to the oldest send leaving it', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'limit', perWorkspace: { max: 3, windowMs: 10_000 } });
    for (const _ of [1, 2, 3]) {
      expect((await post(COHORT.id)).status).toBe(200);
      s.clock.advance(2000);
    }
    // Sends at 0, 2 and 4 s; at 6 s the window is full until 10 s.
    expect(await post(COHORT.id)).toEqual({ status: 429, retryAfter: '4' });
    s.clock.advance(4000);
    expect((await post(COHORT.id)).status).toBe(200);
    expect((await post(COHORT.id)).status).toBe(429);
    expect(s.standIn.messages(COHORT.id)).toHaveLength(4);
  });
});
