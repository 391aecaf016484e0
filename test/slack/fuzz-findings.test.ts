// What the fault suite's fuzzing (test/faults/fuzz.test.ts) found, each kept fixed over signed HTTP:
// - signed bodies that threw inside Bolt, and an oversized body that got a reset connection instead
//   of its 413;
// - bodies that reached a listener with a field of the wrong type or missing (a response_url that is
//   no web address, an option whose value is no string, a channel event without its user or channel),
//   now refused with 400 before any listener runs;
// - clicks and shortcuts a listener failed on although they were well formed: a click in a modal (no
//   response_url, so no `respond`), a note Slack refused at the response_url, a trigger Slack did not
//   issue, a modal Slack no longer has. Each is answered as the member would expect, and none is
//   logged as an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEnvelope } from '../../src/slack/pipeline/envelope';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_BLOCKS } from '../../src/slack/views/ask';
import { LOG_SHORTCUT_CALLBACK_ID } from '../../src/slack/views/log';
import { NOT_YOUR_NUDGE, NUDGE_ACTION_IDS } from '../../src/slack/views/nudge';
import { ALICE, errorsLogged, type Harness, startHarness, TEAM } from '../support/harness';
import { dmTo } from '../support/slack-play';

const user = { id: 'U0ALICE', team_id: TEAM.id };
const team = { id: TEAM.id };
const event = (fields: Record<string, unknown>, type = 'app_home_opened') => ({
  type: 'event_callback',
  team_id: TEAM.id,
  event_id: 'Ev0FINDING',
  event: { type, ...fields },
});
const click = (fields: Record<string, unknown>) => ({
  type: 'block_actions',
  user,
  team,
  actions: [{ action_id: 'x' }],
  ...fields,
});
const command = (fields: Record<string, string>) => ({
  command: '/coach',
  text: 'help',
  user_id: 'U0ALICE',
  team_id: TEAM.id,
  ...fields,
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
  ['a click whose channel is null', click({ channel: null })],
  ['actions without a block_actions type', { type: 'interactive_message', user, team, actions: [] }],
  ['a shortcut with an empty trigger id', { type: 'shortcut', user, team, callback_id: 'x', trigger_id: '' }],
];

/** Each reached a listener, which threw on the field (the error it logged is in the name). */
const FAILED_A_LISTENER: [string, Record<string, unknown>][] = [
  ['a click whose response_url is no web address ("Invalid URL")', click({ response_url: 'tcCd' })],
  ['a click whose response_url is not http(s)', click({ response_url: 'javascript:alert(1)' })],
  [
    'a click whose picked option has a number for its value (a Prisma validation error)',
    click({ actions: [{ action_id: ASK_BLOCKS.person.actionId, selected_option: { value: 5 } }] }),
  ],
  [
    'a click whose picked option is a string',
    click({ actions: [{ action_id: ASK_BLOCKS.person.actionId, selected_option: 'c1' }] }),
  ],
  [
    'member_left_channel without its channel (a Prisma validation error)',
    event({ user: 'U0ALICE' }, 'member_left_channel'),
  ],
  [
    'member_joined_channel without its user ("no member scope")',
    event({ channel: 'C0COHORT' }, 'member_joined_channel'),
  ],
  [
    'member_joined_channel whose channel is an object',
    event({ user: 'U0ALICE', channel: { id: 'C0COHORT' } }, 'member_joined_channel'),
  ],
  ['app_home_opened without its user ("no member scope")', event({ tab: 'home' })],
  ['app_home_opened whose user is an object', event({ user: { id: 'U0ALICE' }, tab: 'home' })],
  ['a slash command whose response_url is no web address', command({ response_url: 'o1QL' })],
];

describe('bodies the fuzzing found', () => {
  it.each(CRASHED_BOLT)('refuses %s as malformed', (_name, body) => {
    expect(checkEnvelope(body).kind).toBe('malformed');
  });

  it.each(FAILED_A_LISTENER)('refuses %s as malformed', (_name, body) => {
    expect(checkEnvelope(body).kind).toBe('malformed');
  });

  it('still dispatches the well-formed neighbours of those bodies', () => {
    const dispatched = [
      event({ user: 'U0ALICE', channel: 'D1' }),
      // team_join names its user as an object: Bolt reads its id.
      event({ user: { id: 'U0ALICE' }, channel: { id: 'C1' } }, 'team_join'),
      click({}),
      click({ response_url: 'https://hooks.slack.com/actions/T0/1/abc' }),
      click({ actions: [{ action_id: ASK_BLOCKS.person.actionId, selected_option: { value: 'c1' } }] }),
      click({ actions: [{ action_id: 'x', selected_option: null }] }),
      event({ user: 'U0ALICE', channel: 'C0COHORT' }, 'member_left_channel'),
      event({ user: 'U0ALICE', channel: 'C0COHORT' }, 'member_joined_channel'),
      event({ user: 'U0ALICE', tab: 'messages' }),
      command({ response_url: 'https://hooks.slack.com/commands/T0/1/abc' }),
      command({}),
    ];
    for (const body of dispatched) expect(checkEnvelope(body)).toEqual({ kind: 'dispatch', body });
  });

  describe('over signed HTTP', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    /** Every body in `cases`, sent as Slack sends its kind: a form for commands and interactions. */
    async function post(body: Record<string, unknown>) {
      if ('name' in body) return h.driver.post('name=', 'application/x-www-form-urlencoded');
      if ('command' in body) {
        return h.driver.post(
          new URLSearchParams(body as Record<string, string>).toString(),
          'application/x-www-form-urlencoded',
        );
      }
      if (body.type === 'event_callback' || 'event' in body)
        return h.driver.post(JSON.stringify(body), 'application/json');
      return h.driver.post(
        new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
        'application/x-www-form-urlencoded',
      );
    }

    it('answers each with 400 and logs no error', async () => {
      for (const [name, body] of [...CRASHED_BOLT, ...FAILED_A_LISTENER]) {
        const res = await post(body);
        expect(res.status, name).toBe(400);
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

describe('requests a listener failed on, answered as the member expects', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A modal the member has open as far as the click says, which Slack does not have. */
  const goneModal = { id: 'V0NOTAVIEW', type: 'modal', callback_id: 'x', blocks: [] };

  /** The form body of a click, with its payload changed by `edit`. */
  function edited(body: string, edit: (payload: Record<string, unknown>) => void): string {
    const form = new URLSearchParams(body);
    const payload = JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown>;
    edit(payload);
    form.set('payload', JSON.stringify(payload));
    return form.toString();
  }

  /** Sends `body`, waits for its work after the ack, and returns what it logged. */
  async function send(body: string, contentType: 'application/x-www-form-urlencoded' | 'application/json') {
    const mark = h.logs.length;
    h.standIn.clearCalls();
    const res = await h.driver.post(body, contentType);
    expect(res.status).toBe(200);
    await h.settle();
    const logged = h.logs.slice(mark);
    return {
      errors: errorsLogged({ ...h, logs: logged }),
      entries: logged.map((line) => JSON.parse(line) as { level: number; msg: string; refusal?: string }),
    };
  }

  it("a nudge's button clicked in a modal (no response_url): the note goes to the member's DM", async () => {
    const body = h.driver.blockActionBody(
      ALICE.id,
      { action_id: NUDGE_ACTION_IDS.done, value: 'n_not_a_nudge' },
      { view: goneModal },
    );
    const { errors } = await send(body, 'application/x-www-form-urlencoded');
    expect(errors).toEqual([]);
    expect((await dmTo(h, ALICE.id)).args.text).toBe(NOT_YOUR_NUDGE);
    expect(h.standIn.callsTo('response_url')).toEqual([]);
  });

  it('a note Slack refuses at the response_url is logged at warn, and the request is answered', async () => {
    const good = h.standIn.responseUrl(TEAM.id, h.standIn.dmChannelFor(TEAM.id, ALICE.id), ALICE.id);
    const refused = good.replace(/[0-9a-f]+$/, '0'.repeat(16));
    const body = edited(
      h.driver.blockActionBody(
        ALICE.id,
        { action_id: NUDGE_ACTION_IDS.done, value: 'n_not_a_nudge' },
        { message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts: '1700000000.000100' } },
      ),
      (payload) => {
        payload.response_url = refused;
      },
    );
    const { errors, entries } = await send(body, 'application/x-www-form-urlencoded');
    expect(errors).toEqual([]);
    expect(h.standIn.callsTo('response_url')).toHaveLength(1);
    expect(entries).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'a note answering a click could not be delivered' }),
    );
  });

  it('a shortcut with a trigger Slack did not issue: no modal, logged at warn as a refused trigger', async () => {
    const shortcut = {
      type: 'shortcut',
      token: 'legacy-verification-token',
      action_ts: '1700000000.000100',
      team: { id: TEAM.id, domain: TEAM.domain },
      user: { id: ALICE.id, username: 'alice', team_id: TEAM.id },
      callback_id: LOG_SHORTCUT_CALLBACK_ID,
      trigger_id: '1.2.fuzz',
    };
    const { errors, entries } = await send(
      new URLSearchParams({ payload: JSON.stringify(shortcut) }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(errors).toEqual([]);
    expect(h.standIn.callsTo('views.open').map((c) => c.response?.error)).toEqual(['invalid_trigger_id']);
    expect(h.standIn.callsTo('views.update')).toEqual([]);
    expect(entries).toContainEqual(expect.objectContaining({ level: 40, refusal: 'invalid_trigger_id' }));
  });

  it('a button with a trigger Slack did not issue: no modal, logged at warn as a refused trigger', async () => {
    const body = edited(
      h.driver.blockActionBody(
        ALICE.id,
        { action_id: OPEN.log },
        { message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts: '1700000000.000200' } },
      ),
      (payload) => {
        payload.trigger_id = '1.2.fuzz';
      },
    );
    const { errors, entries } = await send(body, 'application/x-www-form-urlencoded');
    expect(errors).toEqual([]);
    expect(h.standIn.callsTo('views.open').map((c) => c.response?.error)).toEqual(['invalid_trigger_id']);
    expect(entries).toContainEqual(expect.objectContaining({ level: 40, refusal: 'invalid_trigger_id' }));
  });

  it('a button in a modal Slack no longer has: nothing shown, logged at info', async () => {
    const body = h.driver.blockActionBody(ALICE.id, { action_id: OPEN.addTarget }, { view: goneModal });
    const { errors, entries } = await send(body, 'application/x-www-form-urlencoded');
    expect(errors).toEqual([]);
    expect(h.standIn.callsTo('views.update').map((c) => c.response?.error)).toEqual(['not_found']);
    expect(entries).toContainEqual(expect.objectContaining({ level: 30, refusal: 'not_found' }));
    expect(h.standIn.callsTo('chat.postMessage')).toEqual([]);
  });

  it('tokens_revoked without tokens changes nothing and logs no error', async () => {
    const before = await h.db.member.count();
    const { errors } = await send(
      JSON.stringify(event({}, 'tokens_revoked')).replace('Ev0FINDING', 'Ev0REVOKED'),
      'application/json',
    );
    expect(errors).toEqual([]);
    expect(await h.db.member.count()).toBe(before);
  });
});
