// Property-based fuzzing of the signed endpoint: slash commands, block actions, view submissions,
// shortcuts and events, well-formed and not, signed as Slack signs them. Every request is answered
// (2xx, or 400 for a malformed body) well within Slack's 3 seconds, nothing answers 5xx, no listener
// fails and nothing else is logged at error level (but for the one allowed line below, with its
// reason), the process stays healthy, and bad input changes no row.
//
// Replay a failure with the seed printed in the test's name: FUZZ_SEED=<seed> npm run test:faults.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signature } from '../../src/sandbox/slack-driver';
import { registerListeners } from '../../src/slack/listeners';
import { FORGET_CALLBACK_ID } from '../../src/slack/views/data';
import { LOG_CALLBACK_ID } from '../../src/slack/views/log';
import {
  ALICE,
  BOB,
  errorsLogged,
  type Harness,
  SIGNING_SECRET,
  startHarness,
  TEAM,
} from '../support/harness';
import { openHome, openModal, submitModal } from '../support/slack-play';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_112);
/** Requests sent at once within one run of a property. */
const BATCH = 8;
const BODY_LIMIT = 1024 * 1024;
/** Slack gives up after 3 s; the app answers for a slow listener at 2.5 s. */
const ANSWER_WITHIN_MS = 2_800;

/** Every table but the ledger of handled requests (which records each click and event it claims). */
const TABLES = [
  'Workspace',
  'Installation',
  'Member',
  'Contact',
  'ContactSuggestion',
  'Ask',
  'Conversation',
  'Skill',
  'SkillMention',
  'Keyword',
  'Nudge',
  'Cohort',
  'CohortMembership',
  'CohortPost',
  'IntroRequest',
] as const;

/** The ids this app registers listeners for, read from the registration itself. */
function registeredIds(): Record<'command' | 'action' | 'view' | 'shortcut' | 'event', string[]> {
  const ids = { command: [], action: [], view: [], shortcut: [], event: [] } as Record<string, string[]>;
  const recorder = new Proxy(
    {},
    {
      get: (_target, kind) => (id: unknown) => {
        const list = ids[String(kind)] ?? [];
        list.push(String(id));
        ids[String(kind)] = list;
      },
    },
  );
  registerListeners(recorder as never, {} as never);
  return ids as ReturnType<typeof registeredIds>;
}
const IDS = registeredIds();

interface FuzzRequest {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

interface Tally {
  cases: number;
  byStatus: Record<string, number>;
  slowestMs: number;
}
const tallies: Record<string, Tally> = {};

// ---------------------------------------------------------------------------------------------
// Values.

const users = [ALICE.id, BOB.id];
const huge = fc
  .constantFrom(10_000, 100_000, 400_000)
  .chain((n) => fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.repeat(Math.ceil(n / s.length))));
/** Any JSON value, now and then a very long string. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 5000 }) },
  { weight: 1, arbitrary: huge },
);
/** A value where a string belongs that is not one (or is an absurd one). */
const wrongString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.string({ maxLength: 300 }),
  huge,
);
/** A text a member could never have been given by this app: random, JSON-ish, an id of nothing. */
const garbageText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 2 }),
  fc.uuid(),
  fc.constantFrom('', ' ', 'null', '{}', '[]', '0', '-1', 'undefined', 'c_does_not_exist', '{"id":"x"}'),
);
const someId = (ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  );

/** Sets, overwrites or removes a few fields of `base` with values of the wrong type. */
function mangled<T extends Record<string, unknown>>(base: fc.Arbitrary<T>, fields: string[]) {
  return fc
    .tuple(
      base,
      fc.array(fc.tuple(fc.constantFrom(...fields), fc.option(wrongString, { nil: undefined })), {
        maxLength: 3,
      }),
    )
    .map(([b, edits]) => {
      const copy: Record<string, unknown> = { ...b };
      for (const [field, value] of edits) {
        if (value === undefined) delete copy[field];
        else copy[field] = value;
      }
      return copy;
    });
}

const form = (payload: unknown): FuzzRequest => ({
  body: new URLSearchParams({
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  }).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const json = (body: unknown): FuzzRequest => ({
  body: typeof body === 'string' ? body : JSON.stringify(body),
  contentType: 'application/json',
});

const team = { id: TEAM.id, domain: TEAM.domain };
const user = (id: string) => ({ id, username: 'fuzz', name: 'fuzz', team_id: TEAM.id });
const dm = (id: string) => `D${id}`;

// ---------------------------------------------------------------------------------------------
// The kinds of request.

/** Bytes that are not a payload at all, or a payload of the wrong shape. */
const malformedBodies: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.string({ maxLength: 2000 }).map((s) => json(s)),
  fc
    .string({ maxLength: 2000 })
    .map((s) => ({ body: s, contentType: 'application/x-www-form-urlencoded' as const })),
  junk.map((v) => json(v)),
  junk.map((v) => form(v)),
  fc.string({ maxLength: 500 }).map((s) => form(`{"type":"block_actions",${s}`)),
  fc
    .constantFrom(
      'null',
      '[]',
      '0',
      '""',
      'true',
      '{}',
      '{"type":null}',
      '{"event":null,"type":"event_callback"}',
    )
    .map(json),
  fc
    .constantFrom('payload=null', 'payload=', 'payload=%7B', 'payload=[1]', 'command', 'payload=%22x%22')
    .map((body) => ({
      body,
      contentType: 'application/x-www-form-urlencoded' as const,
    })),
  huge.map((s) => form(s)),
);

const commandFields = fc.record({
  token: fc.constant('legacy-verification-token'),
  team_id: fc.constant(TEAM.id),
  channel_id: fc.constantFrom(...users.map(dm)),
  user_id: fc.constantFrom(...users),
  command: fc.oneof(
    { weight: 1, arbitrary: fc.constant('/coach') },
    { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
  ),
  text: fc.oneof(fc.string({ maxLength: 100 }), fc.string({ maxLength: 5000 }), huge),
  api_app_id: fc.constant(TEAM.appId ?? 'A0TESTAPP'),
  response_url: fc.constantFrom(...users).map((u) => `__RESPONSE_URL_${u}__`),
  trigger_id: fc.string({ maxLength: 40 }),
});
/**
 * Slash commands: unknown commands, missing and repeated fields, long texts. The form of a known
 * command with any text may change a member's data as it should, so only the others check rows.
 */
const commands: fc.Arbitrary<FuzzRequest & { mayChange?: boolean }> = fc
  .tuple(
    commandFields,
    fc.array(
      fc.tuple(
        fc.constantFrom('command', 'user_id', 'team_id', 'text', 'trigger_id'),
        fc.option(fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }), { nil: undefined }),
      ),
      { maxLength: 2 },
    ),
  )
  .map(([fields, edits]) => {
    const params = new URLSearchParams(fields);
    let broken = false;
    for (const [name, repeated] of edits) {
      broken = true;
      params.delete(name);
      for (const value of repeated ?? []) params.append(name, value);
    }
    const known = fields.command === '/coach' && !broken && fields.text.length <= 4000;
    return {
      body: params.toString(),
      contentType: 'application/x-www-form-urlencoded' as const,
      mayChange: known,
    };
  });

/** Clicks: unknown action ids, and this app's own with values it never sent. */
const actions: fc.Arbitrary<FuzzRequest> = fc
  .record({
    who: fc.constantFrom(...users),
    action: mangled(
      fc.record({
        action_id: someId(IDS.action),
        block_id: fc.string({ maxLength: 30 }),
        type: fc.constantFrom('button', 'static_select', 'overflow', 'datepicker', 'checkboxes'),
        action_ts: fc.constant('1700000000.000100'),
        value: garbageText,
        selected_option: fc.option(fc.record({ value: garbageText }), { nil: undefined }),
        selected_options: fc.option(fc.array(fc.record({ value: garbageText }), { maxLength: 3 }), {
          nil: undefined,
        }),
        selected_date: fc.option(garbageText, { nil: undefined }),
      }),
      ['action_id', 'value', 'selected_option', 'selected_options', 'selected_date', 'block_id', 'type'],
    ),
    where: fc.oneof(
      fc.record({
        kind: fc.constant('message' as const),
        ts: fc.oneof(fc.constant('1700000000.000100'), fc.string({ maxLength: 20 })),
        blocks: fc.oneof(fc.constant([]), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })),
      }),
      fc.record({
        kind: fc.constant('view' as const),
        viewId: fc.oneof(fc.constant('V0NOTAVIEW'), fc.string({ minLength: 1, maxLength: 20 })),
        callback: someId(IDS.view),
        metadata: garbageText,
      }),
    ),
    extra: fc.array(
      fc.tuple(
        fc.constantFrom(
          'user',
          'team',
          'container',
          'channel',
          'message',
          'view',
          'trigger_id',
          'response_url',
        ),
        wrongString,
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ who, action, where, extra }) => {
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: user(who),
      api_app_id: TEAM.appId,
      token: 'legacy-verification-token',
      trigger_id: '1.2.fuzz',
      team,
      is_enterprise_install: false,
      enterprise: null,
      actions: [action],
    };
    if (where.kind === 'message') {
      Object.assign(payload, {
        container: { type: 'message', message_ts: where.ts, channel_id: dm(who), is_ephemeral: false },
        channel: { id: dm(who), name: 'directmessage' },
        message: { type: 'message', ts: where.ts, text: '', blocks: where.blocks },
        state: { values: {} },
        response_url: `__RESPONSE_URL_${who}__`,
      });
    } else {
      Object.assign(payload, {
        container: { type: 'view', view_id: where.viewId },
        view: {
          id: where.viewId,
          type: 'modal',
          callback_id: where.callback,
          private_metadata: where.metadata,
          hash: '1.a',
          blocks: [],
          state: { values: {} },
        },
      });
    }
    for (const [field, value] of extra) payload[field] = value;
    return form(payload);
  });

/** The modals this app really opens, captured before fuzzing; submissions reuse their block ids. */
interface RealView {
  id: string;
  callback_id: string;
  private_metadata?: string;
  hash?: string;
  blocks: { type?: string; block_id?: string; element?: { action_id?: string } }[];
}
let realViews: RealView[] = [];

/** A wrong value small enough that a whole form of them stays under the body limit. */
const wrongSmall = wrongString.filter((v) => typeof v !== 'string' || v.length <= 300);

/** An input's state with no usable value: a value of the wrong type, or an option that is not one. */
const garbageInput = fc.oneof(
  wrongSmall,
  fc.record({ type: fc.string({ maxLength: 20 }), value: wrongSmall.filter((v) => typeof v !== 'string') }),
  fc.record({ type: fc.constant('static_select'), selected_option: wrongSmall }),
  fc.record({ type: fc.constant('checkboxes'), selected_options: wrongSmall }),
  fc.record({
    type: fc.constant('multi_static_select'),
    selected_options: fc.array(
      wrongSmall.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    type: fc.constant('datepicker'),
    selected_date: wrongSmall.filter((v) => typeof v !== 'string'),
  }),
);

/** Submissions: unknown callback ids, and this app's real forms with garbage in every field. */
const submissions: fc.Arbitrary<FuzzRequest & { mayChange?: boolean }> = fc
  .record({
    who: fc.constantFrom(...users),
    real: fc.boolean(),
    pick: fc.nat(),
    callback: someId(IDS.view),
    metadata: fc.option(garbageText, { nil: undefined }),
    inputs: fc.array(garbageInput, { minLength: 16, maxLength: 16 }),
    type: fc.constantFrom('view_submission', 'view_submission', 'view_closed'),
    extraState: fc.dictionary(
      fc.string({ maxLength: 20 }),
      fc.dictionary(fc.string({ maxLength: 20 }), garbageInput, { maxKeys: 2 }),
      { maxKeys: 2 },
    ),
    broken: fc.array(
      fc.tuple(
        fc.constantFrom(
          'view',
          'user',
          'team',
          'trigger_id',
          'state',
          'private_metadata',
          'callback_id',
          'hash',
        ),
        wrongString,
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ who, real, pick, callback, metadata, inputs, type, extraState, broken }) => {
    const base = real && realViews.length > 0 ? realViews[pick % realViews.length]! : undefined;
    const values: Record<string, Record<string, unknown>> = { ...extraState };
    let next = 0;
    for (const block of base?.blocks ?? []) {
      if (block.type !== 'input' || !block.block_id || !block.element?.action_id) continue;
      values[block.block_id] = { [block.element.action_id]: inputs[next++ % inputs.length] };
    }
    const view: Record<string, unknown> = {
      id: base?.id ?? 'V0FUZZ',
      team_id: TEAM.id,
      type: 'modal',
      callback_id: base?.callback_id ?? callback,
      private_metadata: metadata ?? base?.private_metadata ?? '',
      hash: base?.hash ?? '1.a',
      blocks: base?.blocks ?? [],
      state: { values },
    };
    const payload: Record<string, unknown> = {
      type,
      team,
      user: user(who),
      api_app_id: TEAM.appId,
      token: 'legacy-verification-token',
      trigger_id: '1.2.fuzz',
      view,
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    for (const [field, value] of broken) {
      if (field === 'view' || field === 'user' || field === 'team' || field === 'trigger_id')
        payload[field] = value;
      else view[field] = value;
    }
    // Confirming "forget me" has no fields: any submission of it is the member's own choice.
    return { ...form(payload), mayChange: view.callback_id === FORGET_CALLBACK_ID };
  });

/** Global and message shortcuts, known and unknown, with fields missing or of the wrong type. */
const shortcuts: fc.Arbitrary<FuzzRequest> = mangled(
  fc.record({
    type: fc.constantFrom('shortcut', 'message_action'),
    token: fc.constant('legacy-verification-token'),
    action_ts: fc.constant('1700000000.000100'),
    team: fc.constant(team),
    user: fc.constantFrom(...users).map(user),
    callback_id: someId(IDS.shortcut),
    trigger_id: fc.string({ maxLength: 40 }),
    channel: fc.constantFrom(...users).map((u) => ({ id: dm(u) })),
    message: fc.record({ ts: fc.string({ maxLength: 20 }), text: garbageText }),
  }),
  ['type', 'user', 'team', 'callback_id', 'trigger_id', 'channel', 'message'],
).map(form);

/**
 * Events: unknown types, this app's own with fields of the wrong type, and the envelope broken.
 * Uninstalls and revoked tokens are real for the installed workspace, so they come from elsewhere.
 */
const events: fc.Arbitrary<FuzzRequest & { mayChange?: boolean }> = fc
  .record({
    event: mangled(
      fc.record({
        type: someId(IDS.event),
        user: fc.oneof(fc.constantFrom(...users), fc.string({ maxLength: 20 })),
        channel: fc.oneof(fc.constantFrom(...users.map(dm)), fc.string({ maxLength: 20 })),
        tab: fc.constantFrom('home', 'messages', 'x'),
        tokens: fc.jsonValue({ maxDepth: 2 }),
        event_ts: fc.constant('1700000000.000200'),
      }),
      ['type', 'user', 'channel', 'tab', 'tokens', 'view'],
    ),
    eventId: fc.string({ minLength: 1, maxLength: 30 }),
    envelope: fc.array(
      fc.tuple(
        fc.constantFrom('type', 'team_id', 'event_id', 'authorizations', 'event', 'challenge', 'ssl_check'),
        wrongString,
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ event, eventId, envelope }) => {
    const lifecycle = event.type === 'app_uninstalled' || event.type === 'tokens_revoked';
    const teamId = lifecycle ? 'T0ELSEWHERE' : TEAM.id;
    const body: Record<string, unknown> = {
      token: 'legacy-verification-token',
      team_id: teamId,
      api_app_id: TEAM.appId,
      event,
      type: 'event_callback',
      event_id: `Ev${eventId}`,
      event_time: 1_700_000_000,
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: 'U0BOT',
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
    };
    for (const [field, value] of envelope) {
      // A lifecycle event stays addressed elsewhere whatever else breaks.
      if (lifecycle && (field === 'team_id' || field === 'authorizations' || field === 'event')) continue;
      body[field] = value;
    }
    // Someone new in the workspace becomes a member, as they should: only known people check rows.
    const someoneNew = typeof event.user === 'string' && !users.includes(event.user);
    return { ...json(body), mayChange: someoneNew };
  });

// ---------------------------------------------------------------------------------------------
// Sending and checking.

/** Response URLs as Slack mints them, put in where a generated payload names one. */
function withResponseUrls(h: Harness, body: string): string {
  return body.replace(/__RESPONSE_URL_(U0[A-Z]+)__/g, (_all, who: string) =>
    encodeURIComponent(h.standIn.responseUrl(TEAM.id, h.standIn.dmChannelFor(TEAM.id, who), who)),
  );
}

async function send(h: Harness, generated: FuzzRequest) {
  const request = { ...generated, body: withResponseUrls(h, generated.body) };
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(`${h.appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(SIGNING_SECRET, timestamp, request.body),
    },
    body: request.body,
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

/**
 * Lines at error level a case may log, each with why it is not a fault of the app. A listener that
 * throws ("listener failed") is answered by the pipeline, but it is a fault all the same: none is
 * allowed, and one fails the case like any other error.
 */
const ALLOWED: { line: (entry: LogEntry) => boolean; what: string; why: string }[] = [
  {
    line: (entry) =>
      entry.component === 'bolt' && entry.err === undefined && entry.msg === 'invalid `user_id`',
    what: 'Slack refused views.publish: invalid `user_id`',
    why:
      'an app_home_opened event naming a user id Slack does not know (a forged id; Slack only sends its ' +
      "members'): Slack's Web API client logs the refusal's [ERROR] note itself, at error level, before " +
      'the refusal reaches the Home publisher, which logs it at warn and carries on',
  },
];

interface LogEntry {
  msg?: string;
  err?: string;
  kind?: string;
  component?: string;
}

/** How many times each allowed line was logged, printed with the figures. */
const allowedSeen = new Map<string, number>();
function allowed(line: string): boolean {
  const entry = JSON.parse(line) as LogEntry;
  const rule = ALLOWED.find((r) => r.line(entry));
  if (!rule) return false;
  allowedSeen.set(rule.what, (allowedSeen.get(rule.what) ?? 0) + 1);
  return true;
}

async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const select = TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ');
  const [row] = await h.db.$queryRawUnsafe<Record<string, bigint | number>[]>(`SELECT ${select}`);
  return Object.fromEntries(TABLES.map((t) => [t, Number(row![t])]));
}

function describeRequest(request: FuzzRequest): string {
  const text =
    request.body.length > 400
      ? `${request.body.slice(0, 400)}… (${request.body.length} bytes)`
      : request.body;
  return `${request.contentType} ${decodeURIComponent(text.replace(/\+/g, ' ').replace(/%(?![0-9a-f]{2})/gi, '%25'))}`;
}

/** Sends a batch at once and checks every answer; the rows must not change unless `mayChange` says so. */
async function check(h: Harness, kind: string, batch: (FuzzRequest & { mayChange?: boolean })[]) {
  const tally = tallies[kind] ?? { cases: 0, byStatus: {}, slowestMs: 0 };
  tallies[kind] = tally;
  const guardRows = batch.every((r) => !r.mayChange);
  const before = guardRows ? await rowCounts(h) : undefined;
  const logsBefore = h.logs.length;
  const answers = await Promise.all(batch.map((r) => send(h, r)));
  await h.settle();
  for (const [i, answer] of answers.entries()) {
    const request = batch[i]!;
    tally.cases++;
    tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
    tally.slowestMs = Math.max(tally.slowestMs, answer.ms);
    const tooBig = Buffer.byteLength(request.body) > BODY_LIMIT;
    const fine =
      (answer.status >= 200 && answer.status < 300) ||
      answer.status === 400 ||
      (tooBig && answer.status === 413);
    if (!fine) throw new Error(`answered ${answer.status}: ${describeRequest(request)}`);
    if (answer.ms > ANSWER_WITHIN_MS)
      throw new Error(`answered after ${Math.round(answer.ms)} ms: ${describeRequest(request)}`);
  }
  const logged = errorsLogged({ ...h, logs: h.logs.slice(logsBefore) }).filter((line) => !allowed(line));
  if (logged.length > 0) {
    // One at a time, to name the request that did it.
    for (const request of batch) {
      const mark = h.logs.length;
      await send(h, request);
      await h.settle();
      const errors = errorsLogged({ ...h, logs: h.logs.slice(mark) }).filter((line) => !allowed(line));
      if (errors.length > 0) throw new Error(`logged ${errors[0]} for ${describeRequest(request)}`);
    }
    throw new Error(
      `logged ${logged.slice(0, 2).join('\n')} for one of: ${batch.map(describeRequest).join('\n')}`,
    );
  }
  if (before) {
    const after = await rowCounts(h);
    const changed = TABLES.filter((t) => after[t] !== before[t]).map(
      (t) => `${t} ${before[t]} → ${after[t]}`,
    );
    if (changed.length > 0) {
      throw new Error(
        `rows changed (${changed.join(', ')}) for one of:\n${batch.map(describeRequest).join('\n')}`,
      );
    }
  }
  // The stand-in records every call the app makes; nothing here reads them.
  h.standIn.clearCalls();
}

const PROPERTIES: {
  kind: string;
  arbitrary: fc.Arbitrary<FuzzRequest & { mayChange?: boolean }>;
  cases: number;
}[] = [
  { kind: 'malformed bodies', arbitrary: malformedBodies, cases: 1_600 },
  { kind: 'slash commands', arbitrary: commands, cases: 2_000 },
  { kind: 'block actions', arbitrary: actions, cases: 2_400 },
  { kind: 'view submissions', arbitrary: submissions, cases: 2_000 },
  { kind: 'shortcuts', arbitrary: shortcuts, cases: 800 },
  { kind: 'events', arbitrary: events, cases: 1_200 },
];

describe(`fuzzing the signed endpoint (seed ${SEED})`, () => {
  let h: Harness;
  const startedAt = performance.now();

  beforeAll(async () => {
    h = await startHarness({ users: [ALICE, BOB], env: { LOG_LEVEL: 'info' } });
    // Both members have rows and some data, so garbage that names "theirs" has something to miss.
    const log = await openModal(h, ALICE.id, 'log Dana Whitfield');
    await submitModal(h, ALICE.id, log, {
      Person: 'Dana Whitfield',
      Role: 'Data Analyst',
      Company: 'Northwind',
      Minutes: '20',
      "One thing I'll act on": 'rewrite my project summary around one business question',
      'Who else they suggested': 'Omar Haddad — Analytics Manager, Northwind',
    });
    await h.settle();
    const views: RealView[] = [log as RealView];
    for (const [who, text] of [
      [ALICE.id, 'ask Omar Haddad'],
      [ALICE.id, 'prep Dana Whitfield'],
      [ALICE.id, 'thanks Dana Whitfield'],
      [ALICE.id, 'log'],
      [BOB.id, 'add'],
      [BOB.id, 'goal'],
      [BOB.id, 'settings'],
      [BOB.id, 'skills'],
    ] as const) {
      h.standIn.clearCalls();
      const res = await h.driver.command(who, text);
      expect(res.status).toBe(200);
      await h.settle();
      for (const call of h.standIn.calls) {
        if (!call.method.startsWith('views.') || call.method === 'views.publish') continue;
        const opened = (call.response as unknown as { view?: RealView } | null)?.view;
        if (opened?.callback_id && IDS.view.includes(opened.callback_id)) views.push(opened);
      }
    }
    // Bob has a row too (opening the Home makes one), so only someone new may add a member.
    await openHome(h, BOB.id);
    await h.settle();
    expect((await rowCounts(h)).Member).toBe(2);
    realViews = views.filter((v) => v.id && v.blocks?.length);
    expect(new Set(realViews.map((v) => v.callback_id)).size).toBeGreaterThanOrEqual(3);
    expect(realViews.map((v) => v.callback_id)).toContain(LOG_CALLBACK_ID);
    h.standIn.clearCalls();
  });

  afterAll(async () => {
    await h?.stop();
    const wall = ((performance.now() - startedAt) / 1000).toFixed(1);
    const lines = Object.entries(tallies).map(
      ([kind, t]) =>
        `  ${kind}: ${t.cases} cases, ${Object.entries(t.byStatus)
          .map(([s, n]) => `${n}×${s}`)
          .join(', ')}, slowest ${Math.round(t.slowestMs)} ms`,
    );
    const total = Object.values(tallies).reduce((n, t) => n + t.cases, 0);
    const seen = ALLOWED.filter((rule) => allowedSeen.has(rule.what)).map(
      (rule) => `  allowed at error level ${allowedSeen.get(rule.what)}×: ${rule.what} (${rule.why})`,
    );
    console.log(`fuzz (seed ${SEED}): ${total} cases in ${wall} s\n${[...lines, ...seen].join('\n')}`);
  });

  for (const [index, { kind, arbitrary, cases }] of PROPERTIES.entries()) {
    const seed = SEED + index;
    it(`${kind}: ${cases} cases, seed ${seed}`, { timeout: 600_000 }, async () => {
      const result = await fc.check(
        fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), (batch) =>
          check(h, kind, batch),
        ),
        // Shrinking stops after two minutes with the smallest failure found so far.
        { seed, numRuns: cases / BATCH, skipAllAfterTimeLimit: 120_000 },
      );
      if (result.failed) {
        const cause =
          result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        throw new Error(
          `${kind} failed (seed ${seed}, path "${result.counterexamplePath}", shrunk ${result.numShrinks} times): ${cause}`,
        );
      }
      const health = await fetch(`${h.appUrl}/healthz`);
      expect(health.status).toBe(200);
    });
  }
});
