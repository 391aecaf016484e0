// Sweep cost against table size: one scheduler tick as `startScheduler` runs it (the sweep: plan the
// next 200 members of the rolling pass and those changed lately, then claim, re-check, send and record
// every due nudge; then pruning handled requests, warm-intro timeouts and cohort posts) over the same
// number of due nudges, with members, contacts, conversations and nudges each at 10,000 rows and at
// 1,000,000 (bench/bulk-seed.ts; the background is quiet: nothing else due, planning it changes
// nothing), on SQLite and on Postgres. The tick's cost should follow what is due, not the table size:
// target ≤ 1.5× from the small tables to the large ones, measured in the same run.
//
// Slack is the stand-in (in this process, over HTTP, with the delivery client's settings). Pacing's
// bookkeeping runs (the workspace slot and each DM channel's last send are read and written as usual)
// but its limits are set so high that it never waits: waiting is not cost. The due nudges are
// thank-yous of `due` members spread through the member table (one each, so one message each); each
// round puts them back as they were and checks the tick sent every one, planned 200 members and
// changed nothing else. A control round on the large tables without the (status, dueAt) and
// (status, leaseUntil) indexes shows what they buy.
//
// Settings: BENCH_SWEEP_ROWS (rows per table, "10000,1000000"; the smallest and largest are compared),
// BENCH_SWEEP_DUE (600), BENCH_SWEEP_ROUNDS (3, after one warm-up round), BENCH_SWEEP_DATABASES
// ("sqlite,postgres"), TEST_DATABASE_URL (the Postgres server; a fresh database per size, dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel, WebClient } from '@slack/web-api';
import { planNudges } from '../src/coaching/nudge-rules';
import { type Database, openDatabase } from '../src/db/client';
import { createLogger } from '../src/log';
import { runCohortJobs } from '../src/nudges/cohort-digests';
import { runIntroTimeouts } from '../src/nudges/intro-timeouts';
import { runSweep, type SweepReport } from '../src/nudges/sweep';
import { createSlackStandIn, type SlackStandIn } from '../src/sandbox';
import { insertPlannedNudges } from '../src/store/nudges';
import { pruneHandledRequests } from '../src/store/requests';
import { loadSnapshot } from '../src/store/snapshot';
import { createPostgresDatabase } from './ack/stored';
import {
  bulkSeed,
  contactId,
  conversationId,
  type Dialect,
  formatSeed,
  memberId,
  nudgeId,
  openRaw,
  slackUserIdOf,
} from './bulk-seed';
import type { Check } from './checks';

// Thursday 26 November 2026, 15:00 UTC: inside working hours, the week's summary long stale.
const NOW = new Date('2026-11-26T15:00:00Z');
const HOUR = 3_600_000;
const TARGET = 1.5;
/** The planner's default batch (scheduler.ts passes none): the first members of the rolling pass. */
const PLAN_BATCH = 200;
const TEAM = {
  id: 'T0SWEEPBENCH',
  name: 'Sweep bench',
  botToken: 'xoxb-sweep-bench',
  botUserId: 'U0SWPBOT',
  botId: 'B0SWPBOT',
};
/** High enough never to wait, so only pacing's queries count. */
const PACE = { windowMs: 1000, perWindow: 1000, channelGapMs: 1, maxWaitMs: 5000, recoverMs: 30_000 };

export interface SweepOptions {
  sizes: number[];
  due: number;
  rounds: number;
  databases: Dialect[];
  postgresUrl: string;
}

export function sweepOptionsFromEnv(): SweepOptions {
  const list = (key: string, fallback: string) =>
    (process.env[key] || fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const sizes = list('BENCH_SWEEP_ROWS', '10000,1000000').map((s) => Number(s.replace(/_/g, '')));
  const due = Number(process.env.BENCH_SWEEP_DUE || 600);
  const rounds = Number(process.env.BENCH_SWEEP_ROUNDS || 3);
  const databases = list('BENCH_SWEEP_DATABASES', 'sqlite,postgres');
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < PLAN_BATCH + due))
    throw new Error(`BENCH_SWEEP_ROWS needs two or more sizes, each at least ${PLAN_BATCH + due}`);
  if (!Number.isInteger(due) || due < 1) throw new Error('BENCH_SWEEP_DUE must be a positive whole number');
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error('BENCH_SWEEP_ROUNDS must be a positive whole number');
  for (const d of databases)
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_SWEEP_DATABASES: unknown database ${d}`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    due,
    rounds,
    databases: databases as Dialect[],
    postgresUrl: process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
  };
}

/** Members whose thank-you is due: after the planner's first batch, spread evenly through the table. */
function dueMembers(rows: number, due: number): number[] {
  const stride = Math.floor((rows - PLAN_BATCH) / due);
  return Array.from({ length: due }, (_, k) => PLAN_BATCH + k * stride);
}

/**
 * Turns the quiet members at `indexes` into members who held a conversation at 10:00 today: their
 * first contact met, the conversation not thanked yet, and the thank-you nudge the app's own planner
 * makes for it (their old nudge row gives way, so the table keeps its size). Returns the nudges' ids.
 */
async function makeDue(url: string, database: Database, indexes: number[]): Promise<string[]> {
  const raw = await openRaw(url);
  const heldAt = new Date(NOW.getTime() - 5 * HOUR);
  const loggedAt = new Date(NOW.getTime() - 4 * HOUR);
  try {
    for (let k = 0; k < indexes.length; k += 500) {
      const part = indexes.slice(k, k + 500);
      const list = (id: (i: number) => string) => part.map((i) => `'${id(i)}'`).join(', ');
      await raw.exec(
        `UPDATE "Contact" SET "stage" = 'met', "stageAt" = ${raw.date(heldAt)}, "lastTouchAt" = ${raw.date(heldAt)},
                              "updatedAt" = ${raw.date(loggedAt)}
         WHERE "id" IN (${list((i) => contactId(i))})`,
      );
      await raw.exec(
        `UPDATE "Conversation" SET "heldAt" = ${raw.date(heldAt)}, "thankYouSentAt" = NULL, "loopClosedAt" = NULL,
                                   "createdAt" = ${raw.date(loggedAt)}, "updatedAt" = ${raw.date(loggedAt)}
         WHERE "id" IN (${list((i) => conversationId(i))})`,
      );
      await raw.exec(`DELETE FROM "Nudge" WHERE "id" IN (${list((i) => nudgeId(i))})`);
    }
  } finally {
    await raw.close();
  }
  const { db } = database;
  for (const i of indexes) {
    const member = await db.member.findUniqueOrThrow({ where: { id: memberId(i) } });
    const planned = planNudges(await loadSnapshot(db, member), NOW);
    if (planned.length !== 1 || planned[0]!.kind !== 'thank_you' || planned[0]!.dueAt > NOW)
      throw new Error(
        `expected one due thank-you for ${member.id}, the planner made ${planned.map((p) => `${p.kind}@${p.dueAt.toISOString()}`).join(', ') || 'none'}`,
      );
    await insertPlannedNudges(db, member, planned, NOW);
  }
  const rows = await db.nudge.findMany({
    where: { status: 'pending', dueAt: { lte: NOW } },
    select: { id: true },
  });
  if (rows.length !== indexes.length)
    throw new Error(`expected ${indexes.length} due nudges, the database has ${rows.length}`);
  return rows.map((r) => r.id);
}

/** Puts the due nudges (and the workspace's pacing window) back as they were before a round. */
async function resetDue(database: Database, ids: string[]): Promise<void> {
  await database.db.nudge.updateMany({
    where: { id: { in: ids } },
    data: {
      status: 'pending',
      dueAt: NOW,
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      channelId: null,
      messageTs: null,
      sentAt: null,
      resolvedAt: null,
    },
  });
  await database.db.workspace.update({
    where: { id: TEAM.id },
    data: { sendWindowFrom: null, sendCount: 0 },
  });
}

/** One scheduler tick, as startScheduler's `tick` runs it (retention is off unless configured). */
interface Timing {
  /** Wall time of the tick. */
  ms: number;
  /** CPU time this process spent in it (on SQLite that is the database's work too). */
  cpuMs: number;
}

async function tick(database: Database, slack: WebClient): Promise<Timing & { report: SweepReport }> {
  const { db } = database;
  const log = createLogger('silent');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await runSweep({
    now: NOW,
    db,
    slack,
    log,
    plan: { cursor: { afterId: null }, changedSince: new Date(NOW.getTime() - 2 * 60_000) },
    deliver: { pace: PACE, budgetMs: 10 * 60_000 },
  });
  await pruneHandledRequests(db, new Date(NOW.getTime() - 24 * HOUR));
  await runIntroTimeouts({ now: NOW, db, slack, log });
  await runCohortJobs({ now: NOW, db, slack, log });
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, report };
}

/** The tick did exactly the expected work: every due nudge sent, the batch planned, nothing else. */
function checkWork(report: SweepReport, due: number, standIn: SlackStandIn): string | null {
  const posted = standIn.callsTo('chat.postMessage').filter((c) => c.response?.ok === true).length;
  const other = {
    created: report.planned.created,
    cancelled: report.planned.cancelled + report.cancelled.length,
    postponed: report.planned.postponed,
    deferred: report.deferred.length,
    retrying: report.retrying.length,
    failed: report.failed.length,
  };
  const extra = Object.entries(other).filter(([, n]) => n > 0);
  if (report.sent.length === due && posted === due && report.planned.members === PLAN_BATCH && !extra.length)
    return null;
  return (
    `the tick sent ${report.sent.length} of ${due} (${posted} messages), planned ${report.planned.members} members` +
    (extra.length ? `, ${extra.map(([k, n]) => `${n} ${k}`).join(', ')}` : '')
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One size's database, seeded, with its due nudges and its own stand-in. */
interface Prepared {
  rows: number;
  url: string;
  database: Database;
  ids: string[];
  standIn: SlackStandIn;
  slack: WebClient;
  seed: string;
  ticks: Timing[];
  release: () => Promise<void>;
}

async function prepare(dialect: Dialect, rows: number, options: SweepOptions): Promise<Prepared> {
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'coach-bench-sweep-'));
    url = `file:${join(dir, 'coach.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const created = await createPostgresDatabase(options.postgresUrl);
    url = created.url;
    drop = created.drop;
  }
  const indexes = dueMembers(rows, options.due);
  const standIn = createSlackStandIn({
    teams: [TEAM],
    users: indexes.map((i) => ({ id: slackUserIdOf(i), teamId: TEAM.id, name: `member${i}`, tz: 'UTC' })),
  });
  let database: Database | undefined;
  const release = async () => {
    await standIn.close();
    await drop();
  };
  try {
    const { apiUrl } = await standIn.listen(0);
    // The delivery client's settings (src/nudges/slack.ts: no retries of its own, 429s thrown at once).
    const slack = new WebClient(TEAM.botToken, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: 10_000,
      logLevel: LogLevel.ERROR,
      fetch: standInFetch,
    });
    await (await openDatabase(url)).close(); // applies the migrations
    const raw = await openRaw(url);
    let seed: string;
    try {
      seed = formatSeed(
        await bulkSeed(raw, { workspaceId: TEAM.id, members: rows, contactsPerMember: 1, now: NOW }),
      );
    } finally {
      await raw.close();
    }
    database = await openDatabase(url, { migrate: false });
    const ids = await makeDue(url, database, indexes);
    return { rows, url, database, ids, standIn, slack, seed, ticks: [], release };
  } catch (error) {
    await database?.close();
    await release();
    throw error;
  }
}

/** Resets the due nudges, runs one tick and checks it did the expected work; returns its timing. */
async function round(p: Prepared, dialect: Dialect, due: number, label: string): Promise<Timing> {
  await resetDue(p.database, p.ids);
  p.standIn.clearCalls();
  const result = await tick(p.database, p.slack);
  const wrong = checkWork(result.report, due, p.standIn);
  if (wrong) throw new Error(`${LABEL[dialect]}, ${p.rows.toLocaleString('en')} rows, ${label}: ${wrong}`);
  return { ms: result.ms, cpuMs: result.cpuMs };
}

/**
 * fetch for the stand-in: a request written to a kept-alive connection the stand-in had just closed
 * (its idle timeout passed while SQLite held this process's event loop, so the close was not seen yet)
 * never reached it, and is sent again on a new connection. Real failures still fail.
 */
const standInFetch: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE') throw error;
    return fetch(input, init);
  }
};

/** The large tables' tick again without the status indexes (the control). */
async function withoutIndexes(p: Prepared, dialect: Dialect, due: number): Promise<Timing> {
  await p.database.close();
  const raw = await openRaw(p.url);
  try {
    await raw.exec('DROP INDEX "Nudge_status_dueAt_idx"');
    await raw.exec('DROP INDEX "Nudge_status_leaseUntil_idx"');
  } finally {
    await raw.close();
  }
  p.database = await openDatabase(p.url, { migrate: false });
  return round(p, dialect, due, 'without the status indexes');
}

const LABEL: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'Postgres' };

export async function sweepScaling(options: SweepOptions): Promise<Check[]> {
  const checks: Check[] = [];
  const smallest = options.sizes[0]!;
  const largest = options.sizes[options.sizes.length - 1]!;
  for (const dialect of options.databases) {
    const name =
      `sweep tick over ${options.due} due nudges (${LABEL[dialect]}): members, contacts, conversations ` +
      `and nudges at ${largest.toLocaleString('en')} rows each vs ${smallest.toLocaleString('en')}`;
    const prepared: Prepared[] = [];
    try {
      for (const rows of options.sizes) {
        const p = await prepare(dialect, rows, options);
        prepared.push(p);
        console.log(`sweep, ${LABEL[dialect]}, ${rows.toLocaleString('en')} rows per table: ${p.seed}`);
      }
      // One warm-up tick each (JIT, page cache, connection pools; not counted), then rounds in
      // alternating order (A B, B A, …) so drift and the neighbours' load fall on every size alike.
      for (const p of prepared) await round(p, dialect, options.due, 'warm-up');
      for (let r = 0; r < options.rounds; r++) {
        const order = r % 2 === 0 ? prepared : [...prepared].reverse();
        for (const p of order) p.ticks.push(await round(p, dialect, options.due, `round ${r + 1}`));
      }
      const small = prepared[0]!;
      const large = prepared[prepared.length - 1]!;
      const withoutIndex = await withoutIndexes(large, dialect, options.due);
      const wall = (p: Prepared) => median(p.ticks.map((t) => t.ms));
      const cpu = (p: Prepared) => median(p.ticks.map((t) => t.cpuMs));
      for (const p of prepared)
        console.log(
          `  ${p.rows.toLocaleString('en')} rows: ticks ${p.ticks.map((t) => `${t.ms.toFixed(0)} ms`).join(', ')} ` +
            `(CPU ${p.ticks.map((t) => `${t.cpuMs.toFixed(0)}`).join(', ')} ms)` +
            (p === large
              ? `; without the status indexes ${withoutIndex.ms.toFixed(0)} ms (CPU ${withoutIndex.cpuMs.toFixed(0)} ms)`
              : ''),
        );
      const ratio = wall(large) / wall(small);
      checks.push({
        name,
        ok: ratio <= TARGET,
        measured: `${ratio.toFixed(2)}×`,
        target: `≤ ${TARGET}×`,
        detail:
          `${wall(large).toFixed(0)} ms vs ${wall(small).toFixed(0)} ms, median of ${options.rounds} ` +
          `(this process's CPU ${cpu(large).toFixed(0)} ms vs ${cpu(small).toFixed(0)} ms, ` +
          `${(cpu(large) / cpu(small)).toFixed(2)}×); each tick planned ${PLAN_BATCH} members and sent ` +
          `${options.due} messages; without the status indexes the large tables take ` +
          `${(withoutIndex.ms / wall(small)).toFixed(1)}×`,
      });
    } catch (error) {
      checks.push({
        name,
        ok: false,
        measured: 'not run',
        target: `≤ ${TARGET}×`,
        detail: String(error instanceof Error ? error.message : error),
      });
    } finally {
      for (const p of prepared) {
        await p.database.close().catch(() => undefined);
        await p.release().catch(() => undefined);
      }
    }
  }
  return checks;
}
