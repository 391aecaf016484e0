// The cohort services against a real database, where HTTP cannot make them race: copies of one join
// running at once (replicas, redeliveries) end with one membership and one welcome, for a member who
// is new to the app too; the roster sync keeps facilitators and counts who joined and left.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { joinedCohortChannel, syncCohortRoster } from '../../src/services/cohorts';
import { useCleanup } from '../support/cleanup';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS } from '../support/db';

const NOW = new Date('2026-03-02T14:00:00Z');
const WORKSPACE = 'T1';

describe.each(DATABASE_KINDS)('cohort services on $kind', ({ create }) => {
  let open: Database;
  const cleanup = useCleanup('each');

  beforeEach(async () => {
    const database = await create();
    cleanup.add(() => database.drop());
    open = await openDatabase(database.url);
    cleanup.add(() => open.close());
    await open.db.workspace.create({ data: { id: WORKSPACE } });
  });

  it('welcomes once when copies of the same join run at once, for someone new to the app', async () => {
    await seedCohort(open.db, {
      workspaceId: WORKSPACE,
      channelId: 'C1',
      facilitators: ['UF'],
      students: [],
    });
    for (const userId of ['UNEW1', 'UNEW2', 'UNEW3']) {
      const copies = await Promise.all(
        Array.from({ length: 6 }, () =>
          joinedCohortChannel(open.db, { workspaceId: WORKSPACE, userId }, 'C1', NOW),
        ),
      );
      expect(copies.filter((c) => c.welcome !== null)).toHaveLength(1);
      expect(await open.db.member.count({ where: { slackUserId: userId } })).toBe(1);
      expect(await open.db.cohortMembership.count({ where: { member: { slackUserId: userId } } })).toBe(1);
    }
  });

  it('brings the roster to the channel: newcomers in, students gone out, facilitators kept', async () => {
    const seeded = await seedCohort(open.db, {
      workspaceId: WORKSPACE,
      channelId: 'C1',
      facilitators: ['UF'],
      students: ['UA', 'UB'],
    });
    const changed = await syncCohortRoster(open.db, WORKSPACE, seeded.cohortId, ['UA', 'UC', 'UD'], NOW);
    expect(changed).toEqual({ joined: 2, left: 1 });
    const rows = await open.db.cohortMembership.findMany({
      where: { cohortId: seeded.cohortId, leftAt: null },
      include: { member: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.member.slackUserId, r.role]))).toEqual({
      UF: 'facilitator',
      UA: 'student',
      UC: 'student',
      UD: 'student',
    });
    // Everyone there at setup counts as welcomed: a later join event does not DM them.
    expect(rows.filter((r) => r.member.slackUserId !== 'UF').every((r) => r.welcomedAt !== null)).toBe(true);
    expect(
      (await joinedCohortChannel(open.db, { workspaceId: WORKSPACE, userId: 'UC' }, 'C1', NOW)).welcome,
    ).toBeNull();
    // Another workspace's id is not this workspace's cohort.
    expect(await syncCohortRoster(open.db, 'T2', seeded.cohortId, ['UX'], NOW)).toEqual({
      joined: 0,
      left: 0,
    });
  });
});
