// SQLite's query planner needs statistics to read "this member's pending nudges" through the member's
// index: without them it takes the (status, dueAt) index and reads every pending nudge of every member
// (what made a sweep over a million nudges six times slower than over ten thousand). openDatabase
// gathers them.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';

// The statement pendingNudgesOf (src/store/nudges.ts) asks for.
const PENDING_OF_MEMBER = `SELECT * FROM "Nudge" WHERE "memberId" = ? AND "status" = 'pending' ORDER BY "dueAt" ASC`;

function planOf(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${PENDING_OF_MEMBER}`).all('m00042') as { detail: string }[];
    return rows.map((r) => r.detail).join(' | ');
  } finally {
    db.close();
  }
}

/** 2,000 members with 10 pending nudges each, written straight to the file (no statistics yet). */
function seed(path: string): void {
  const db = new Database(path);
  try {
    const at = '2026-11-26T15:00:00.000+00:00';
    db.prepare(`INSERT INTO "Workspace" ("id", "installedAt", "sendCount") VALUES ('T1', ?, 0)`).run(at);
    db.exec(`WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 1999)
      INSERT INTO "Member" ("id", "workspaceId", "slackUserId", "createdAt", "updatedAt")
      SELECT printf('m%05d', i), 'T1', printf('U%05d', i), '${at}', '${at}' FROM s`);
    db.exec(`WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 19999)
      INSERT INTO "Nudge" ("id", "workspaceId", "memberId", "kind", "dedupeKey", "dueAt", "status",
                           "attempts", "createdAt", "updatedAt")
      SELECT printf('n%06d', i), 'T1', printf('m%05d', i / 10), 'keep_in_touch', printf('k%06d', i),
             '${at}', 'pending', 0, '${at}', '${at}' FROM s`);
  } finally {
    db.close();
  }
}

describe('SQLite planner statistics', () => {
  let file: TestDatabase | undefined;
  afterEach(async () => {
    await file?.drop();
    file = undefined;
  });

  it('are gathered when the database is opened, so a member’s pending nudges are read by member', async () => {
    file = sqliteTestDatabase();
    const path = file.url.slice('file:'.length);
    await (await openDatabase(file.url)).close(); // creates the tables (empty: nothing to analyse)
    seed(path);
    // Without statistics: every pending nudge, through the status index.
    expect(planOf(path)).toContain('Nudge_status_');

    const database = await openDatabase(file.url, { migrate: false });
    try {
      expect(planOf(path)).toContain('USING INDEX Nudge_memberId_kind_status_idx (memberId=?');
      // And the app's own query answers from it.
      const pending = await database.db.nudge.findMany({
        where: { memberId: 'm00042', status: 'pending' },
        orderBy: { dueAt: 'asc' },
      });
      expect(pending).toHaveLength(10);
    } finally {
      await database.close();
    }
  });
});
