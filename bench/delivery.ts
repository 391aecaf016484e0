// Delivery pace: the Slack stand-in enforcing Slack's limits on chat.postMessage (1 message a second
// per channel, and a workspace window, by default 50 per 10 s, i.e. 300 a minute), and MEMBERS
// members' due thank-yous on Postgres. Sweeps run back to back, as `coach worker` ticks would when
// busy, with 1 and then 2 workers (two database clients, as two processes have). Figures:
// - the fraction of the allowed rate achieved: messages accepted after the first window (Slack lets
//   a burst through at first) per second, against the window's rate; target ≥ 90 %;
// - 429s received, and how many came right after waiting out a Retry-After (target: none), or before
//   it ended (target: none);
// - every thank-you sent exactly once.
// Sizes: BENCH_DELIVERY_MEMBERS (default 200), BENCH_DELIVERY_WINDOW ("50/10": 50 per 10 s).
import type { WebClient } from '@slack/web-api';
import { type Database, openDatabase } from '../src/db/client';
import { createLogger } from '../src/log';
import { createDeliveryClient } from '../src/nudges/slack';
import { runSweep } from '../src/nudges/sweep';
import { createSlackStandIn, type StandInUser } from '../src/sandbox';
import { createPostgresDatabase } from './ack/stored';
import type { Check } from './checks';

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

interface RateLimitSeen {
  /** When the request went out, and when its 429 came back. */
  sentAt: number;
  at: number;
  retryAfterMs: number;
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
  const clients: Database[] = [];
  try {
    const { apiUrl } = await standIn.listen(0);
    for (let i = 0; i < workers; i++) {
      clients.push(await openDatabase(database.url, { migrate: i === 0, poolSize: 4 }));
    }
    await seed(clients[0]!.db, users);
    standIn.faults.set('chat.postMessage', {
      kind: 'limit',
      perChannel: { max: 1, windowMs: 1000 },
      perWorkspace: window,
    });
    const limited: RateLimitSeen[] = [];
    const real = createDeliveryClient({ token: TEAM.botToken, slackApiUrl: apiUrl });
    const slack = {
      ...real,
      chat: {
        postMessage: async (args: Parameters<WebClient['chat']['postMessage']>[0]) => {
          const sentAt = Date.now();
          try {
            return await real.chat.postMessage(args);
          } catch (error) {
            const e = error as { code?: string; retryAfter?: number };
            if (e.code === 'slack_webapi_rate_limited_error')
              limited.push({ sentAt, at: Date.now(), retryAfterMs: (e.retryAfter ?? 0) * 1000 });
            throw error;
          }
        },
      },
    } as unknown as WebClient;
    const log = createLogger('silent');
    const started = performance.now();
    const now = () => new Date(NOW + (performance.now() - started));
    const left = async () =>
      clients[0]!.db.nudge.count({ where: { kind: 'thank_you', status: { in: ['pending', 'sending'] } } });
    const deadline = started + 10 * 60_000;
    const worker = async (client: Database) => {
      for (;;) {
        const report = await runSweep({
          now: now(),
          db: client.db,
          slack,
          log,
          plan: { batchSize: members },
          deliver: {},
        });
        if (report.sent.length === 0) {
          const planned = await clients[0]!.db.nudge.count({ where: { kind: 'thank_you' } });
          if ((planned > 0 && (await left()) === 0) || performance.now() > deadline) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    await Promise.all(clients.map(worker));

    const accepted = standIn
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && c.response?.ok === true)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    const sent = await clients[0]!.db.nudge.count({ where: { kind: 'thank_you', status: 'sent' } });
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
      );
    const rate = span > 0 ? afterBurst.length / span : 0;
    const allowed = window.max / (window.windowMs / 1000);
    const fraction = rate / allowed;
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
          `in ${((last - first) / 1000).toFixed(1)} s; ${sent} of ${members} thank-yous sent, each once`,
      },
      {
        name: `429s, ${label}`,
        ok: repeated === 0 && early === 0,
        measured: `${limited.length} received, ${repeated} repeated after a Retry-After, ${early} before its end`,
        target: 'none repeated, none early',
      },
    ];
  } finally {
    for (const c of clients) await c.close();
    await standIn.close();
    await database.drop();
  }
}

export async function deliveryBench(): Promise<Check[]> {
  const baseUrl = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const members = Number(process.env.BENCH_DELIVERY_MEMBERS || 200);
  const [max, seconds] = (process.env.BENCH_DELIVERY_WINDOW || '50/10').split('/').map(Number);
  const window = { max: max || 50, windowMs: (seconds || 10) * 1000 };
  const checks: Check[] = [];
  const counts = (process.env.BENCH_DELIVERY_WORKERS || '1,2').split(',').map(Number);
  for (const workers of counts) checks.push(...(await runOnce(baseUrl, workers, members, window)));
  return checks;
}
