// Signed bodies the fault suite's fuzzing (test/faults/fuzz.test.ts) found throwing inside Bolt, and
// an oversized body that got a reset connection instead of its 413: each is answered now, over signed
// HTTP, with nothing logged at error level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEnvelope } from '../../src/slack/pipeline/envelope';
import { errorsLogged, type Harness, startHarness, TEAM } from '../support/harness';

const user = { id: 'U0ALICE', team_id: TEAM.id };
const team = { id: TEAM.id };
const event = (fields: Record<string, unknown>) => ({
  type: 'event_callback',
  team_id: TEAM.id,
  event_id: 'Ev0FINDING',
  event: { type: 'app_home_opened', ...fields },
});

/** Each was dispatched to Bolt, which read a field of it as an object and threw. */
const CRASHED_BOLT: [string, Record<string, unknown>][] = [
  ['a form field `name` without a payload (Bolt takes it for an options request)', { name: '' }],
  ['an event whose user is null', event({ user: null })],
  ['an event whose user is an object without an id', event({ user: {} })],
  ['an event whose user is empty', event({ user: '' })],
  ['an event whose channel is null', event({ user: 'U0ALICE', channel: null })],
  ['an event whose item is null', event({ user: 'U0ALICE', item: null })],
  ['an event with authorizations [null]', { ...event({ user: 'U0ALICE' }), authorizations: [null] }],
  ['an event of another envelope type', { type: 'app_rate_limited', event: null }],
  [
    'a message shortcut whose channel is null',
    { type: 'message_action', user, team, callback_id: 'x', trigger_id: '1.2.a', channel: null },
  ],
  [
    'a click whose channel is null',
    { type: 'block_actions', user, team, actions: [{ action_id: 'x' }], channel: null },
  ],
  ['actions without a block_actions type', { type: 'interactive_message', user, team, actions: [] }],
  ['a shortcut with an empty trigger id', { type: 'shortcut', user, team, callback_id: 'x', trigger_id: '' }],
];

describe('bodies the fuzzing found', () => {
  it.each(CRASHED_BOLT)('refuses %s as malformed', (_name, body) => {
    expect(checkEnvelope(body).kind).toBe('malformed');
  });

  it('still dispatches the well-formed neighbours of those bodies', () => {
    expect(checkEnvelope(event({ user: 'U0ALICE', channel: 'D1' })).kind).toBe('dispatch');
    expect(checkEnvelope(event({ user: { id: 'U0ALICE' }, channel: { id: 'C1' } })).kind).toBe('dispatch');
    expect(checkEnvelope({ type: 'block_actions', user, team, actions: [{ action_id: 'x' }] }).kind).toBe(
      'dispatch',
    );
  });

  describe('over signed HTTP', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('answers each with 400 and logs no error', async () => {
      for (const [, body] of CRASHED_BOLT) {
        const res =
          'name' in body
            ? await h.driver.post('name=', 'application/x-www-form-urlencoded')
            : await h.driver.post(JSON.stringify(body), 'application/json');
        expect(res.status).toBe(400);
      }
      await h.settle();
      expect(errorsLogged(h)).toEqual([]);
      expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    });

    it('answers a body over 1 MiB with 413 rather than a reset connection', async () => {
      const res = await h.driver.post(
        `payload=${'a'.repeat(1024 * 1024 + 1)}`,
        'application/x-www-form-urlencoded',
      );
      expect(res.status).toBe(413);
      expect((await fetch(`${h.appUrl}/healthz`)).status).toBe(200);
    });
  });
});
