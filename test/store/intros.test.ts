// The warm-intro store on every database the app runs on: a set's kind no is claimed exactly once
// however many callers race for it, never while someone may still answer or after an accept; a
// released claim can be taken again; the sweep's query finds only sets that are owed one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { ensureMembers, saveCohort } from '../../src/store/cohorts';
import { claimKindNo, type IntroSetKey, releaseKindNo, setsOwedKindNo } from '../../src/store/intros';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

const T0 = new Date('2026-03-10T14:00:00.000Z');
const LATER = new Date('2026-03-10T15:00:00.000Z');

describe.each(DATABASE_KINDS)('warm-intro kind nos on $kind', ({ create }) => {
  let file: TestDatabase;
  let database: Database;
  let cohortId: string;
  let ids: Map<string, string>;

  beforeAll(async () => {
    file = await create();
    database = await openDatabase(file.url);
    const { db } = database;
    await db.workspace.createMany({ data: [{ id: 'T1' }, { id: 'T2', uninstalledAt: T0 }] });
    const members = await ensureMembers(db, 'T1', ['UA', 'UB', 'UC']);
    await ensureMembers(db, 'T2', ['UZ']);
    ids = new Map([...members].map(([user, m]) => [user, m.id]));
    cohortId = (
      await saveCohort(db, 'T1', 'C1', 'UA', {
        name: 'Spring',
        weeklyGoal: 1,
        digestWeekday: 1,
        digestHour: 9,
        digestMinute: 0,
        tz: 'UTC',
        welcomeJoiners: true,
      })
    ).id;
  });
  afterAll(async () => {
    await database?.close();
    await file?.drop();
  });
  beforeEach(async () => {
    await database.db.introRequest.deleteMany();
  });

  /** A set of Alice's asking Bob and Carol, with these statuses. */
  async function set(query: string, statuses: [string, string], createdAt = T0): Promise<IntroSetKey> {
    const requesterId = ids.get('UA') ?? '';
    for (const [i, status] of statuses.entries()) {
      await database.db.introRequest.create({
        data: {
          workspaceId: 'T1',
          cohortId,
          requesterId,
          classmateId: ids.get(i === 0 ? 'UB' : 'UC') ?? '',
          query,
          matches: 1,
          status,
          createdAt,
        },
      });
    }
    return { workspaceId: 'T1', requesterId, createdAt, query };
  }

  const claim = (key: IntroSetKey, at = LATER) => database.db.$transaction((tx) => claimKindNo(tx, key, at));

  it('is claimed by exactly one of many racing callers', async () => {
    const key = await set('Acme', ['declined', 'expired']);
    const results = await Promise.all(Array.from({ length: 6 }, () => claim(key)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await database.db.introRequest.findMany();
    expect(rows.every((r) => r.requesterToldAt?.getTime() === LATER.getTime())).toBe(true);
    expect(await claim(key)).toBe(false);
  });

  it('is not claimed while a classmate may still answer, nor after an accept', async () => {
    expect(await claim(await set('Acme', ['declined', 'pending']))).toBe(false);
    expect(await claim(await set('Globex', ['declined', 'accepted']))).toBe(false);
    expect(await database.db.introRequest.count({ where: { requesterToldAt: { not: null } } })).toBe(0);
  });

  it('can be claimed again once released, and the sweep finds only sets that are owed one', async () => {
    const owed = await set('Acme', ['declined', 'expired']);
    await set('Globex', ['declined', 'pending']);
    await set('Initech', ['expired', 'accepted']);
    // A set of an uninstalled workspace's member is left alone.
    await database.db.introRequest.create({
      data: {
        workspaceId: 'T2',
        cohortId,
        requesterId: ids.get('UA') ?? '',
        classmateId: ids.get('UB') ?? '',
        query: 'Hooli',
        status: 'expired',
        createdAt: T0,
      },
    });
    const found = (await setsOwedKindNo(database.db, 50)).map((s) => [s.query, s.requesterUserId]);
    expect(found).toEqual([['Acme', 'UA']]);

    expect(await claim(owed)).toBe(true);
    expect(await setsOwedKindNo(database.db, 50)).toEqual([]);
    await releaseKindNo(database.db, owed, LATER);
    expect((await setsOwedKindNo(database.db, 50)).map((s) => s.query)).toEqual(['Acme']);
    expect(await claim(owed)).toBe(true);
  });
});
