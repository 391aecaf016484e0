// Delivery pace: the Slack stand-in enforcing Slack's limits on chat.postMessage (1 message a second
// per channel, and a workspace window, by default 50 per 10 s, i.e. 300 a minute), and MEMBERS
// members' due thank-yous on Postgres (planned before the clock starts). 1 and then 2 workers, each a
// process of its own with its own database and Slack clients, as `coach worker` processes are
// (bench/delivery-worker.ts), sweep back to back as their ticks would when busy, each sweep planning
// its rolling pass of 200 members first as the scheduler's do. Figures:
// - the fraction of the allowed rate achieved: messages accepted after the first window (Slack lets
//   a burst through at first) per second, against the window's rate; target ≥ 90 %;
// - 429s received, and how many came right after waiting out a Retry-After (target: none), or before
//   it ended (target: none);
// - every thank-you sent exactly once.
// - the rate the workspace's pace learnt (known to pass, known to fail, sending at), and the time no
//   message went out between one sweep and the next, with the
//   share of the allowed rate without it: the pace the sweeps keep while they send.
// Sizes: BENCH_DELIVERY_MEMBERS (default 500: about 100 s at the limit, so the figure is the pace
// kept, not the first windows in which it learns the limit), BENCH_DELIVERY_WINDOW ("50/10": 50 per
// 10 s), BENCH_DELIVERY_WORKERS ("1,2").
import type { WebClient } from '@slack/web-api';
import { type Database, openDatabase } from '../src/db/client';
import { createLogger } from '../src/log';
import { workspacePace } from '../src/nudges/pacing';
import { runPlan } from '../src/nudges/plan';
import { createDeliveryClient, slackResolver } from '../src/nudges/slack';
import { createSlackStandIn, type StandInUser } from '../src/sandbox';
import { Child } from './ack/children';
import { createPostgresDatabase } from './ack/stored';
import type { Check } from './checks';
import type { RateLimitSeen, WorkerResult, WorkerStart } from './delivery-worker';

const TEAM = {
  id: 'T0DELIVERY',
  name: 'Delivery bench',
  botToken: 'xoxb-delivery-bench',
  botUserId: 'U0DLVBOT',
  botId: 'B0DLVBOT',
};
// Wednesday 11 March 2026, 10:00 UTC; every chat was held the day before, so every thank-you is due.
const NOW = new Date('2026-03-11T10:00:00Z').getTime();
const HELD = new Date('2026-03-10T14:00:00Z');
const TARGET = 0.9;

/** Starts a worker process and resolves once it is ready for its start message. */
function startWorker(i: number): Promise<Child> {
  const child = new Child({
    name: `delivery worker ${i + 1}`,
    args: ['bench/delivery-worker.ts'],
    ipc: true,
  });
  return new Promise((resolve, reject) => {
    child.proc.once('message', () => resolve(child));
    child.failIfExits().catch(reject);
  });
}

/** Starts the worker's sweeps and resolves with its report. */
function runWorker(child: Child, start: WorkerStart): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    child.proc.once('message', (message: { result?: WorkerResult; error?: string }) => {
      if (message.result) resolve(message.result);
      else reject(new Error(`${child.name}: ${message.error}\n${child.tail()}`));
    });
    child.proc.send(start);
  });
}

async function seed(db: Database['db'], users: StandInUser[]): Promise<void> {
  await db.workspace.create({ data: { id: TEAM.id } });
  for (const user of users) {
    const member = await db.member.create({
      data: { workspaceId: TEAM.id, slackUserId: user.id, slackTz: 'UTC' },
    });
    const contact = await db.contact.create({
      data: {
        workspaceId: TEAM.id,
        ownerId: member.id,
        name: `Mentor of ${user.name}`,
        nameKey: `mentor of ${user.name}`,
        stage: 'met',
      },
    });
    await db.conversation.create({
      data: {
        workspaceId: TEAM.id,
        ownerId: member.id,
        contactId: contact.id,
        heldAt: HELD,
        action: 'try one thing',
        createdAt: HELD,
      },
    });
  }
}

async function runOnce(
  baseUrl: string,
  workers: number,
  members: number,
  window: { max: number; windowMs: number },
): Promise<Check[]> {
  const database = await createPostgresDatabase(baseUrl);
  const users: StandInUser[] = Array.from({ length: members }, (_, i) => ({
    id: `U0DLV${String(i).padStart(4, '0')}`,
    teamId: TEAM.id,
    name: `student${i}`,
    tz: 'UTC',
  }));
  const standIn = createSlackStandIn({ teams: [TEAM], users });
  const children: Child[] = [];
  let client: Database | null = null;
  try {
    const { apiUrl } = await standIn.listen(0);
    client = await openDatabase(database.url, { migrate: true, poolSize: 4 });
    const db = client.db;
    await seed(db, users);
    standIn.faults.set('chat.postMessage', {
      kind: 'limit',
      perChannel: { max: 1, windowMs: 1000 },
      perWorkspace: window,
    });
    // Every thank-you planned (due) before the clock starts.
    const log = createLogger('silent');
    const planner = createDeliveryClient({ token: TEAM.botToken, slackApiUrl: apiUrl }) as WebClient;
    await runPlan({ now: new Date(NOW), db, slack: slackResolver(planner), log }, { all: true });
    for (let i = 0; i < workers; i++) children.push(await startWorker(i));
    const epoch = Date.now();
    const results = await Promise.all(
      children.map((child) =>
        runWorker(child, {
          databaseUrl: database.url,
          apiUrl,
          token: TEAM.botToken,
          now: NOW,
          epoch,
          deadline: epoch + 10 * 60_000,
        }),
      ),
    );
    const limited: RateLimitSeen[] = results.flatMap((r) => r.limited).sort((a, b) => a.at - b.at);
    const sweeps = results.map((r) =>
      r.sweeps.map((w) => `${w.from.toFixed(1)}-${w.to.toFixed(1)}s:${w.sent}`).join(' '),
    );

    const accepted = standIn
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && c.response?.ok === true)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    const sent = await db.nudge.count({ where: { kind: 'thank_you', status: 'sent' } });
    const first = accepted[0] ?? 0;
    const last = accepted[accepted.length - 1] ?? 0;
    const afterBurst = accepted.filter((t) => t >= first + window.windowMs);
    const span = (last - first - window.windowMs) / 1000;
    const gaps = accepted.slice(1).map((t, i) => [t - accepted[i]!, accepted[i]! - first] as const);
    if (process.env.BENCH_DELIVERY_DEBUG)
      console.log(
        gaps
          .filter(([g]) => g > 400)
          .map(([g, at]) => `${g}ms@${at}`)
          .join(' '),
        limited.map((l) => `${l.at - first}+${l.retryAfterMs}`),
        `sweeps ${sweeps.join(' | ')} (first message at ${((first - epoch) / 1000).toFixed(1)} s)`,
      );
    const rate = span > 0 ? afterBurst.length / span : 0;
    const pace = await workspacePace(db, TEAM.id);
    const learnt =
      pace.lo !== undefined && pace.hi !== undefined
        ? `; pace learnt: ${pace.lo.toFixed(2)}/s passes, ${pace.hi.toFixed(2)}/s fails, sending at ${pace.rate.toFixed(2)}/s`
        : '';
    const allowed = window.max / (window.windowMs / 1000);
    const fraction = rate / allowed;
    // The time no message went out because every sweep was starting again (planning its rolling pass
    // before it sends): gaps of a second or more in the measured span that hold a sweep's start. The
    // rate without them is the pace the sweeps keep while they send.
    const starts = results.flatMap((r) => r.sweeps.map((w) => epoch + w.from * 1000));
    let restartMs = 0;
    for (let i = 1; i < accepted.length; i++) {
      const [a, b] = [accepted[i - 1]!, accepted[i]!];
      if (b - a >= 1000 && a >= first + window.windowMs && starts.some((t) => t > a && t < b))
        restartMs += b - a;
    }
    const sending = span - restartMs / 1000;
    const whileSending = sending > 0 ? afterBurst.length / sending / allowed : 0;
    // A request sent after a 429 came back: early when before its Retry-After ended, repeated when it
    // meets a 429 again within a window of that end. (Requests already in flight do not count.)
    let repeated = 0;
    let early = 0;
    for (let i = 1; i < limited.length; i++) {
      const prev = limited[i - 1]!;
      const ends = prev.at + prev.retryAfterMs;
      const next = limited[i]!;
      if (next.sentAt <= prev.at) continue;
      if (next.sentAt < ends - 50) early++;
      else if (next.sentAt <= ends + window.windowMs) repeated++;
    }
    const label = `${workers} worker${workers > 1 ? 's' : ''}`;
    return [
      {
        name: `delivery at Slack's pace, ${label} on Postgres (${members} members)`,
        ok: fraction >= TARGET && sent === members && accepted.length === members,
        measured: `${(fraction * 100).toFixed(0)} % of the allowed rate`,
        target: `≥ ${TARGET * 100} %`,
        detail:
          `${rate.toFixed(2)} msg/s after the first window vs ${allowed.toFixed(2)} allowed ` +
          `(${window.max} per ${window.windowMs / 1000} s, 1/s per channel); ${accepted.length} messages ` +
          `in ${((last - first) / 1000).toFixed(1)} s; ${sent} of ${members} thank-yous sent, each once${learnt}; ` +
          `${(restartMs / 1000).toFixed(1)} s with no message going out between sweeps, ` +
          `${(whileSending * 100).toFixed(0)} % of the allowed rate without them`,
      },
      {
        name: `429s, ${label}`,
        ok: repeated === 0 && early === 0,
        measured: `${limited.length} received, ${repeated} repeated after a Retry-After, ${early} before its end`,
        target: 'none repeated, none early',
      },
    ];
  } finally {
    for (const child of children) await child.stop();
    await client?.close();
    await standIn.close();
    await database.drop();
  }
}

export async function deliveryBench(): Promise<Check[]> {
  const baseUrl = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const members = Number(process.env.BENCH_DELIVERY_MEMBERS || 500);
  const [max, seconds] = (process.env.BENCH_DELIVERY_WINDOW || '50/10').split('/').map(Number);
  const window = { max: max || 50, windowMs: (seconds || 10) * 1000 };
  const checks: Check[] = [];
  const counts = (process.env.BENCH_DELIVERY_WORKERS || '1,2').split(',').map(Number);
  for (const workers of counts) checks.push(...(await runOnce(baseUrl, workers, members, window)));
  return checks;
}
