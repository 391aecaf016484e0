// Planning follows changes: a member whose data just changed is planned on the next sweep, wherever the
// rolling pass over all members happens to be.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { runPlan } from '../../src/nudges/plan';
import { membersChangedSince } from '../../src/store/nudges';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { HOUR } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const NOW = new Date('2026-03-10T14:00:00Z');

describe.each(DATABASE_KINDS)('change-driven planning on $kind', ({ create }) => {
  let testDb: TestDatabase;
  let database: Database;
  const ids: Record<string, string> = {};
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    testDb = await create();
    cleanup.add(() => testDb.drop());
    database = await openDatabase(testDb.url, { poolSize: 4 });
    cleanup.add(() => database.close());
    const db = database.db;
    await db.workspace.create({ data: { id: 'T1' } });
    // Three members with a logged conversation and no thank-you yet, all last changed long ago…
    for (const name of ['a', 'b', 'c']) {
      const member = await db.member.create({
        data: { workspaceId: 'T1', slackUserId: `U${name}`, slackTz: 'UTC' },
      });
      ids[name] = member.id;
      const contact = await db.contact.create({
        data: { workspaceId: 'T1', ownerId: member.id, name: 'Jane', nameKey: 'jane', stage: 'met' },
      });
      await db.conversation.create({
        data: {
          workspaceId: 'T1',
          ownerId: member.id,
          contactId: contact.id,
          heldAt: new Date(NOW.getTime() - 30 * HOUR),
          action: 'x',
        },
      });
    }
    const old = new Date(NOW.getTime() - 48 * HOUR);
    // An explicit value wins over @updatedAt.
    await db.member.updateMany({ data: { updatedAt: old } });
    await db.contact.updateMany({ data: { updatedAt: old } });
    await db.conversation.updateMany({ data: { updatedAt: old } });
  });

  it('finds members by what changed, through their contacts, conversations or settings', async () => {
    const db = database.db;
    const since = new Date(NOW.getTime() - HOUR);
    expect(await membersChangedSince(db, since, 50)).toEqual([]);
    // …then one of them logs something now (updatedAt is set by the database client).
    await db.conversation.updateMany({ where: { ownerId: ids.c }, data: { notes: 'new' } });
    const changed = await membersChangedSince(db, new Date(Date.now() - HOUR), 50);
    expect(changed.map((m) => m.id)).toEqual([ids.c]);
  });

  it('plans a changed member first, even when the rolling pass is elsewhere', async () => {
    const db = database.db;
    const sorted = Object.values(ids).sort();
    const cursor = { afterId: sorted[0]! }; // the pass would take the second member next
    const slack = async () => undefined;
    const report = await runPlan(
      { now: NOW, db, slack, log: memoryLog('silent').log },
      { batchSize: 1, cursor, changedSince: new Date(Date.now() - HOUR) },
    );
    const planned = await db.nudge.findMany({ select: { memberId: true } });
    const members = new Set(planned.map((n) => n.memberId));
    expect(members.has(ids.c!)).toBe(true);
    expect(members.has(sorted[1]!)).toBe(true);
    expect(report.members).toBe(ids.c === sorted[1] ? 1 : 2);
  });
});
