// Slack misbehaving while nudges are due, on SQLite and Postgres: 429 storms (every call answered 429
// with Retry-After for a while), 5xx, hangs (the request times out) and connection resets, each also
// after Slack accepted the message (its answer lost: the sender cannot know the message went out).
// Sweeps run as the scheduler runs them, one a minute (by the sweep's clock, skipping minutes with
// nothing due; nothing waits for the minutes to pass), with a fault on for each of the first few. Every due nudge must end sent exactly once,
// recorded with the message that carries it; none lost.
import { describe, expect, it, onTestFinished } from 'vitest';
import { createDeliveryClient } from '../../src/nudges/slack';
import { runSweep } from '../../src/nudges/sweep';
import { createSlackStandIn, type Fault } from '../../src/sandbox';
import type { TestDatabase } from '../support/db';
import {
  KINDS,
  NOW,
  openFresh,
  seedDueNudges,
  summary,
  TEAM,
  tally,
  teamUsers,
} from '../support/delivery-faults';
import { MINUTE } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const MEMBERS = 3;
/** A hung request is abandoned after this long (the app's default is 10 s). */
const TIMEOUT_MS = 200;
/** Minutes of sweeps at most before the nudges must all be out (their moments last a day). */
const MAX_TICKS = 120;

interface Scenario {
  name: string;
  /** The fault on chat.postMessage during each of the first sweeps (undefined: none). */
  phases: (Fault | undefined)[];
}

const SCENARIOS: Scenario[] = [
  {
    // Every call answered 429 for a while: the first calls of the first sweeps, whenever they come
    // (in the same sweep after waiting out Retry-After, or in the next one).
    name: '429 storm',
    phases: [
      { kind: 'ratelimit', retryAfter: 1, times: 3 },
      { kind: 'ratelimit', retryAfter: 2, times: 2 },
      { kind: 'ratelimit', retryAfter: 1, times: 2 },
    ],
  },
  {
    name: '5xx',
    phases: [
      { kind: 'error', status: 500 },
      { kind: 'error', status: 502 },
      { kind: 'error', status: 503 },
      { kind: 'slack_error', error: 'internal_error' },
    ],
  },
  {
    name: 'hangs',
    phases: [{ kind: 'hang' }, { kind: 'hang' }, { kind: 'lost_answer', by: 'hang' }],
  },
  {
    name: 'connection resets',
    phases: [{ kind: 'reset' }, { kind: 'lost_answer', by: 'reset' }, { kind: 'reset' }],
  },
];

async function run(kind: string, create: () => Promise<TestDatabase>, { name, phases }: Scenario) {
  const users = teamUsers(MEMBERS, 'FAULT');
  const standIn = createSlackStandIn({ teams: [TEAM], users });
  onTestFinished(() => standIn.close());
  const { apiUrl } = await standIn.listen(0);
  const { database } = await openFresh(create);
  const db = database.db;
  // A thank-you and a follow-up each: two messages per member's DM, paced a second apart.
  await seedDueNudges(db, users, { followUp: true });
  const { log } = memoryLog('silent');
  const slack = createDeliveryClient({
    token: TEAM.botToken,
    slackApiUrl: apiUrl,
    timeoutMs: TIMEOUT_MS,
    log,
  });

  let now = NOW;
  let ticks = 0;
  // Within a sweep, calls that came sooner after a 429 than its Retry-After (none may).
  const early: number[] = [];
  let waited = 0;
  for (; ticks < MAX_TICKS; ticks++) {
    const fault = phases[ticks];
    standIn.faults.clear();
    if (fault) standIn.faults.set('chat.postMessage', fault);
    const before = standIn.callsTo('chat.postMessage').length;
    await runSweep({ now, db, slack, log, plan: { all: true } });
    if (fault?.kind === 'ratelimit') {
      const calls = standIn.callsTo('chat.postMessage').slice(before);
      for (const [i, call] of calls.entries()) {
        const next = calls[i + 1];
        if (call.status !== 429 || !next) continue;
        waited += 1;
        if (next.at - call.at < fault.retryAfter * 1000 - 20) early.push(next.at - call.at);
      }
    }
    if (ticks >= phases.length && (await tally(db, standIn, users)).open === 0) break;
    // The next minute's sweep, or the next retry's when nothing is due before it.
    const next = await db.nudge.findFirst({
      where: { status: { in: ['pending', 'sending'] } },
      orderBy: { dueAt: 'asc' },
      select: { dueAt: true },
    });
    const minute = now.getTime() + MINUTE;
    now = new Date(next ? Math.max(minute, next.dueAt.getTime()) : minute);
  }
  standIn.faults.clear();

  const posts = standIn.callsTo('chat.postMessage');
  const faulted = posts.filter((c) => c.fault !== undefined);
  const answersLost = posts.filter((c) => c.fault === 'lost_answer' && c.response?.ok === true).length;
  const t = await tally(db, standIn, users);
  expect(faulted.length).toBeGreaterThan(0);
  expect(t).toMatchObject({ due: 2 * MEMBERS, sent: 2 * MEMBERS, lost: 0, open: 0, failedLate: 0 });
  expect(t.duplicates).toBe(0);
  expect(t.misrecorded).toBe(0);
  if (phases.some((f) => f?.kind === 'lost_answer')) expect(answersLost).toBeGreaterThan(0);
  // A 429 stops the workspace's sends until its Retry-After has passed.
  expect(early).toEqual([]);
  summary(`${name} (${kind})`, {
    sweeps: ticks + 1,
    'calls faulted': faulted.length,
    'answers lost after Slack accepted': answersLost,
    'DM checks': standIn.callsTo('conversations.history').length,
    '429s waited out within a sweep': waited,
    'nudges due': t.due,
    sent: t.sent,
    duplicates: t.duplicates,
    lost: t.lost,
  });
}

describe.each(KINDS)('nudge delivery under Slack faults on $kind', ({ kind, create }) => {
  it.each(SCENARIOS)('$name: every due nudge once, none lost', { timeout: 120_000 }, (scenario) =>
    run(kind, create, scenario),
  );
});
