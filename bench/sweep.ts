// Sweep cost: a sweep's cost follows the number of due nudges, not the size of the nudge table.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client';
import { claimDueNudges, markNudgeSent } from '../src/store/nudges';
import type { Check } from './checks';

const NOW = new Date('2026-11-26T15:00:00Z');
const DUE = 600;

/** A SQLite database holding `background` nudges that are not due (sent, or due later) and DUE due ones. */
function seed(path: string, background: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // The format Prisma's SQLite adapter stores DateTime in, so comparisons in queries agree.
  const iso = (d: Date) => d.toISOString().replace('Z', '+00:00');
  db.prepare('INSERT INTO "Workspace" (id) VALUES (?)').run('T0BENCH');
  const members = Array.from({ length: 100 }, (_, i) => `m${String(i).padStart(4, '0')}`);
  const addMember = db.prepare(
    'INSERT INTO "Member" (id, workspaceId, slackUserId, updatedAt) VALUES (?, ?, ?, ?)',
  );
  for (const id of members) addMember.run(id, 'T0BENCH', `U${id}`, iso(NOW));
  const addNudge = db.prepare(
    `INSERT INTO "Nudge" (id, workspaceId, memberId, kind, dedupeKey, dueAt, status, updatedAt)
     VALUES (?, 'T0BENCH', ?, 'thank_you', ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < background; i++) {
      const sent = i % 2 === 0;
      const dueAt = new Date(NOW.getTime() + (sent ? -1 : 1) * (60_000 + i * 1000));
      addNudge.run(
        randomUUID(),
        members[i % 100],
        `bg:${i}`,
        iso(dueAt),
        sent ? 'sent' : 'pending',
        iso(NOW),
      );
    }
    for (let i = 0; i < DUE; i++) {
      addNudge.run(
        randomUUID(),
        members[i % 100],
        `due:${i}`,
        iso(new Date(NOW.getTime() - i * 1000)),
        'pending',
        iso(NOW),
      );
    }
  })();
  db.close();
}

/** Claims and records every due nudge the way a sweep does (without Slack), returning milliseconds. */
async function drain(url: string): Promise<number> {
  const { db, close } = await openDatabase(url, { migrate: false });
  try {
    const started = performance.now();
    let total = 0;
    for (;;) {
      const claimed = await claimDueNudges(db, {
        now: NOW,
        owner: 'bench',
        leaseUntil: new Date(NOW.getTime() + 300_000),
        limit: 50,
      });
      if (claimed.length === 0) break;
      for (const n of claimed) {
        await markNudgeSent(db, n.id, 'bench', { channelId: 'D1', messageTs: '1.1', sentAt: NOW });
      }
      total += claimed.length;
    }
    if (total !== DUE) throw new Error(`expected ${DUE} due nudges, drained ${total}`);
    return performance.now() - started;
  } finally {
    await close();
  }
}

function resetDue(path: string): void {
  const db = new Database(path);
  db.prepare(
    `UPDATE "Nudge" SET status = 'pending', leaseOwner = NULL, leaseUntil = NULL WHERE dedupeKey LIKE 'due:%'`,
  ).run();
  db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function sweepScaling(): Promise<Check> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-'));
  try {
    const sizes = { small: 2_000, large: 200_000 };
    const timings: Record<string, number[]> = { small: [], large: [] };
    for (const [label, background] of Object.entries(sizes)) {
      const path = join(dir, `${label}.db`);
      const { close } = await openDatabase(`file:${path}`); // applies migrations
      await close();
      seed(path, background);
      // Round 0 warms up (JIT, page cache) and is not counted; each round puts the due rows back.
      for (let round = 0; round < 4; round++) {
        resetDue(path);
        const ms = await drain(`file:${path}`);
        if (round > 0) timings[label]!.push(ms);
      }
    }
    // Control: the same large table without the (status, dueAt) index, to show what the index buys.
    const control = join(dir, 'large.db');
    const raw = new Database(control);
    raw.exec('DROP INDEX "Nudge_status_dueAt_idx"; DROP INDEX "Nudge_status_leaseUntil_idx";');
    raw.close();
    resetDue(control);
    const withoutIndex = await drain(`file:${control}`);
    const small = median(timings.small!);
    const large = median(timings.large!);
    const ratio = large / small;
    const target = 1.5;
    return {
      name: `sweep of ${DUE} due nudges: table of ${sizes.large.toLocaleString('en')} rows vs ${sizes.small.toLocaleString('en')}`,
      ok: ratio <= target,
      measured: `${ratio.toFixed(2)}×`,
      target: `≤ ${target}×`,
      detail:
        `${large.toFixed(0)} ms vs ${small.toFixed(0)} ms: cost follows due nudges, not table size ` +
        `(without the status/dueAt index the large table takes ${(withoutIndex / small).toFixed(1)}×)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
