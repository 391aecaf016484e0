import { describe, expect, it } from 'vitest';
import { ALICE, BOB, COHORT } from '../support/fixtures';
import { useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('waitForCall', () => {
  it('resolves at once when a matching call is already recorded', async () => {
    await s.client().users.info({ user: ALICE.id });
    const call = await s.standIn.waitForCall('users.info', (c) => c.args.user === ALICE.id, 10);
    expect(call.response).toMatchObject({ ok: true, user: { id: ALICE.id } });
  });

  it('resolves when a matching call arrives later, skipping ones that do not match', async () => {
    const waiting = s.standIn.waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    const client = s.client();
    await client.chat.postMessage({ channel: COHORT.id, text: 'first' });
    await client.users.info({ user: BOB.id });
    await client.chat.postMessage({ channel: COHORT.id, text: 'second' });
    const call = await waiting;
    expect(call.args.text).toBe('second');
    expect(s.standIn.calls.indexOf(call)).toBe(2);
  });

  it('sees failed calls too', async () => {
    const waiting = s.standIn.waitForCall('chat.postMessage', (c) => c.response?.ok === false);
    await s
      .client()
      .chat.postMessage({ channel: 'C0NOPE', text: 'x' })
      .catch(() => undefined);
    expect((await waiting).response).toMatchObject({ error: 'channel_not_found' });
  });

  it('rejects after the timeout when no call matches', async () => {
    await s.client().users.info({ user: ALICE.id });
    await expect(s.standIn.waitForCall('users.info', (c) => c.args.user === BOB.id, 50)).rejects.toThrow(
      /No call to users.info/,
    );
  });
});
