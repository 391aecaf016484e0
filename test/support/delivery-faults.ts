// The fault suite's delivery checks: members with due nudges seeded straight into a database, the
// Slack stand-in as the only Slack, `coach sweep` as a child process that can be killed, and the
// tally: which nudges reached a member's DM (each nudge DM names its nudges in its metadata), how
// many times, and whether every due nudge ended recorded as sent with the message that carries it.
import { type ChildProcess, spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { type Database, type Db, openDatabase } from '../../src/db/client';
import { NUDGE_EVENT_TYPE } from '../../src/nudges/slack';
import type { SlackStandIn, StandInUser, StoredMessage } from '../../src/sandbox';
import { DATABASE_KINDS, type TestDatabase } from './db';
import { SIGNING_SECRET, TEAM } from './fixtures';

export { TEAM };

// Wednesday 11 March 2026, 10:00 UTC. Every member held a chat the day before (its thank-you is due),
// and with `followUp` also sent an ask eight days before that got no answer (its follow-up is due).
export const NOW = new Date('2026-03-11T10:00:00Z');
const HELD = new Date('2026-03-10T14:00:00Z');
const ASKED = new Date('2026-03-03T14:00:00Z');

/** Members of TEAM in UTC (so planning asks Slack for no time zone). */
export function teamUsers(count: number, prefix: string): StandInUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `U0${prefix}${String(i).padStart(3, '0')}`,
    teamId: TEAM.id,
    name: `${prefix.toLowerCase()}${i}`,
    tz: 'UTC',
  }));
}

/** The workspace (once) and, for each user, a member with a due thank-you (and a due follow-up). */
export async function seedDueNudges(
  db: Db,
  users: StandInUser[],
  options: { followUp?: boolean } = {},
): Promise<void> {
  await db.workspace.upsert({ where: { id: TEAM.id }, create: { id: TEAM.id }, update: {} });
  for (const user of users) {
    const member = await db.member.create({
      data: { workspaceId: TEAM.id, slackUserId: user.id, slackTz: 'UTC' },
    });
    const owned = { workspaceId: TEAM.id, ownerId: member.id };
    const mentor = await db.contact.create({
      data: { ...owned, name: `Mentor of ${user.name}`, nameKey: `mentor of ${user.name}`, stage: 'met' },
    });
    await db.conversation.create({
      data: { ...owned, contactId: mentor.id, heldAt: HELD, action: 'try one thing', createdAt: HELD },
    });
    if (options.followUp) {
      const asked = await db.contact.create({
        data: { ...owned, name: `Lead of ${user.name}`, nameKey: `lead of ${user.name}`, stage: 'asked' },
      });
      await db.ask.create({
        data: { ...owned, contactId: asked.id, text: 'Would you have 20 minutes?', sentAt: ASKED },
      });
    }
  }
}

/** A fresh, migrated database of each kind the suite runs on (SQLite always, Postgres when set). */
export const KINDS = DATABASE_KINDS;

/** Opens `test` with migrations applied; closed and dropped when the test finishes. */
export async function openFresh(
  create: () => Promise<TestDatabase>,
): Promise<{ test: TestDatabase; database: Database }> {
  const test = await create();
  const database = await openDatabase(test.url, { poolSize: 4 });
  onTestFinished(async () => {
    await database.close();
    await test.drop();
  });
  return { test, database };
}

/** The nudge ids a message carries in its metadata; none for other messages. */
function nudgeIdsIn(message: Pick<StoredMessage, 'metadata'>): string[] {
  const metadata = message.metadata as
    | { event_type?: unknown; event_payload?: { nudge_ids?: unknown } }
    | undefined;
  if (metadata?.event_type !== NUDGE_EVENT_TYPE) return [];
  const ids = metadata.event_payload?.nudge_ids;
  return typeof ids === 'string' && ids !== '' ? ids.split(',') : [];
}

export interface Delivery {
  channel: string;
  ts: string;
}

/** Every nudge DM the stand-in holds for these users: nudge id → the messages carrying it. */
export function deliveries(standIn: SlackStandIn, users: StandInUser[]): Map<string, Delivery[]> {
  const byNudge = new Map<string, Delivery[]>();
  for (const user of users) {
    const channel = standIn.dmChannelFor(TEAM.id, user.id);
    for (const message of standIn.messages(channel)) {
      for (const id of nudgeIdsIn(message)) {
        byNudge.set(id, [...(byNudge.get(id) ?? []), { channel, ts: message.ts }]);
      }
    }
  }
  return byNudge;
}

export interface Tally {
  /** Nudges in the database (every one was due). */
  due: number;
  /** Recorded as sent. */
  sent: number;
  /** Messages beyond the first for a nudge. */
  duplicates: number;
  /** Nudges no message carries and not failed (or failed while their moment lasted). */
  lost: number;
  /** Failed because their moment passed (allowed, and none of these tests lets a moment pass). */
  failedLate: number;
  /** Sent rows whose recorded ts is not the message that carries them. */
  misrecorded: number;
  /** Rows still pending or sending. */
  open: number;
}

type NudgeWhere = NonNullable<Parameters<Db['nudge']['findMany']>[0]>['where'];

/** Counts what reached Slack against what the database says (every nudge, or those `where` picks). */
export async function tally(
  db: Db,
  standIn: SlackStandIn,
  users: StandInUser[],
  where?: NudgeWhere,
): Promise<Tally> {
  const rows = await db.nudge.findMany({
    ...(where ? { where } : {}),
    select: { id: true, status: true, messageTs: true, channelId: true, lastError: true },
  });
  const delivered = deliveries(standIn, users);
  let duplicates = 0;
  for (const list of delivered.values()) duplicates += list.length - 1;
  let lost = 0;
  let failedLate = 0;
  let misrecorded = 0;
  for (const row of rows) {
    const messages = delivered.get(row.id) ?? [];
    if (row.status === 'failed' && /moment passed/.test(row.lastError ?? '')) failedLate += 1;
    else if (messages.length === 0) lost += 1;
    if (row.status === 'sent' && !messages.some((m) => m.ts === row.messageTs && m.channel === row.channelId))
      misrecorded += 1;
  }
  return {
    due: rows.length,
    sent: rows.filter((r) => r.status === 'sent').length,
    duplicates,
    lost,
    failedLate,
    misrecorded,
    open: rows.filter((r) => r.status === 'pending' || r.status === 'sending').length,
  };
}

export interface SweepProcess {
  child: ChildProcess;
  /** Resolves when the process has exited (by itself or killed), with what it printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * `coach sweep --now <now>` in its own process, against `databaseUrl` and the stand-in at `apiUrl`,
 * as an operator runs it. Killed when the test finishes, if it is still running.
 */
export function spawnSweep(databaseUrl: string, apiUrl: string, now: Date): SweepProcess {
  const child = spawn(process.execPath, ['bin/coach.js', 'sweep', '--now', now.toISOString()], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, exited };
}

/** Runs a sweep process to its end and fails unless it exited cleanly. */
export async function sweepToEnd(databaseUrl: string, apiUrl: string, now: Date): Promise<string> {
  const { exited } = spawnSweep(databaseUrl, apiUrl, now);
  const result = await exited;
  if (result.code !== 0) {
    throw new Error(
      `coach sweep exited with ${result.code ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout + result.stderr;
}

/** One summary line per test, for the README. */
export function summary(label: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k} ${v}`);
  console.log(`[faults] ${label}: ${parts.join(', ')}`);
}
