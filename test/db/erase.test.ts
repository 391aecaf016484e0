// Deleting for good, on both databases: a workspace leaves no row in any table (the tables are read
// from the database's catalog, so a table added later is checked too), a member leaves none of theirs,
// and conversations past the retention limit go with the nudges about them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { deleteConversationsOlderThan, deleteMemberData, deleteWorkspaceData } from '../../src/store/erase';
import { ensureMember } from '../../src/store/members';
import { markWorkspaceInstalled } from '../../src/store/workspaces';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { DAY } from '../support/fixtures';
import {
  listTables,
  rowsByOwner,
  seedWorkspace,
  type Table,
  tablesWithoutWorkspace,
} from '../support/workspace-data';

const NOW = new Date('2026-05-12T15:30:00.000Z');
const USERS = ['U0ALICE', 'U0BOB'] as const;

/** Tables with a row in them, by name. */
const filled = (rows: Map<string, string[]>) =>
  [...rows]
    .filter(([, list]) => list.length > 0)
    .map(([name]) => name)
    .sort();

/** The tables whose rows reach `root` through foreign keys (the root table included). */
function tablesUnder(tables: Table[], root: string): string[] {
  const under = new Set([root]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of tables) {
      if (!under.has(t.name) && t.foreignKeys.some((fk) => under.has(fk.refTable))) {
        under.add(t.name);
        changed = true;
      }
    }
  }
  return [...under].sort();
}

for (const { kind, create } of DATABASE_KINDS) {
  describe(`deleting data on ${kind}`, () => {
    let file: TestDatabase;
    let database: Database;
    let tables: Table[];

    beforeEach(async () => {
      file = await create();
      database = await openDatabase(file.url);
      tables = await listTables(database.db, kind);
    });
    afterEach(async () => {
      await database?.close();
      await file?.drop();
    });

    it('every table can be told to belong to a workspace (a workspaceId column or a parent that has one)', () => {
      expect(tables.map((t) => t.name)).toContain('Workspace');
      expect(tablesWithoutWorkspace(tables)).toEqual([]);
    });

    it('deleteWorkspaceData leaves no row of the workspace in any table, and every row of the other', async () => {
      // The same Slack user ids in both workspaces: nothing may be found by user id alone.
      const one = await seedWorkspace(database.db, 'T0ONE', USERS, NOW);
      await seedWorkspace(database.db, 'T0TWO', USERS, NOW);
      const allTables = tables.map((t) => t.name).sort();
      const before = await rowsByOwner(database.db, tables, { workspaceId: one.workspaceId });
      // The seed fills every table for each workspace: a new table must be seeded (and deleted) too.
      expect(filled(before.theirs)).toEqual(allTables);
      expect(filled((await rowsByOwner(database.db, tables, { workspaceId: 'T0TWO' })).theirs)).toEqual(
        allTables,
      );

      const deleted = await deleteWorkspaceData(database.db, one.workspaceId);

      const after = await rowsByOwner(database.db, tables, { workspaceId: one.workspaceId });
      expect(filled(after.theirs)).toEqual([]);
      expect(after.others).toEqual(before.others);
      expect(deleted).toEqual({
        workspace: 1,
        installations: 1,
        members: 2,
        contacts: 4, // each member's contact and the one they were referred to
        asks: 2,
        conversations: 2,
        skills: 2,
        keywords: 2,
        nudges: 2,
        cohorts: 1,
        memberships: 2,
        intros: 2,
        cohortPosts: 1,
        skillMentions: 2,
        suggestions: 2,
        handledRequests: 4, // each member's logged chat and event
      });
      // Again: nothing left to delete, and no error.
      expect(
        Object.values(await deleteWorkspaceData(database.db, one.workspaceId)).every((n) => n === 0),
      ).toBe(true);
    });

    if (kind === 'sqlite') {
      it('deletes everything without the foreign keys’ cascades', async () => {
        const one = await seedWorkspace(database.db, 'T0ONE', USERS, NOW);
        await seedWorkspace(database.db, 'T0TWO', USERS, NOW);
        const before = await rowsByOwner(database.db, tables, { workspaceId: one.workspaceId });
        // One connection per client on SQLite: this turns enforcement off for every statement that follows.
        await database.db.$executeRawUnsafe('PRAGMA foreign_keys = OFF');
        const [pragma] = await database.db.$queryRawUnsafe<{ foreign_keys: bigint }[]>('PRAGMA foreign_keys');
        expect(Number(pragma?.foreign_keys)).toBe(0);
        await deleteWorkspaceData(database.db, one.workspaceId);
        const after = await rowsByOwner(database.db, tables, { workspaceId: one.workspaceId });
        expect(filled(after.theirs)).toEqual([]);
        expect(after.others).toEqual(before.others);

        const bob = (await ensureMember(database.db, { workspaceId: 'T0TWO', userId: USERS[1] })).id;
        const bobsBefore = await rowsByOwner(database.db, tables, { memberId: bob });
        await deleteMemberData(database.db, 'T0TWO', USERS[1]);
        const bobsAfter = await rowsByOwner(database.db, tables, { memberId: bob });
        expect(filled(bobsAfter.theirs)).toEqual([]);
        expect(bobsAfter.others).toEqual(bobsBefore.others);
      });
    }

    it('a later install creates the workspace afresh', async () => {
      await seedWorkspace(database.db, 'T0ONE', USERS, NOW);
      await deleteWorkspaceData(database.db, 'T0ONE');
      await markWorkspaceInstalled(database.db, 'T0ONE', 'One Co', NOW);
      const workspace = await database.db.workspace.findUniqueOrThrow({ where: { id: 'T0ONE' } });
      expect(workspace).toMatchObject({ name: 'One Co', uninstalledAt: null });
      const member = await ensureMember(database.db, { workspaceId: 'T0ONE', userId: USERS[0] });
      expect(await database.db.contact.count({ where: { ownerId: member.id } })).toBe(0);
    });

    it('deleteMemberData leaves no row of the member, and every row of their colleague and the other workspace', async () => {
      const one = await seedWorkspace(database.db, 'T0ONE', USERS, NOW);
      await seedWorkspace(database.db, 'T0TWO', USERS, NOW);
      const alice = one.members[0];
      if (!alice) throw new Error('no member seeded');
      const before = await rowsByOwner(database.db, tables, { memberId: alice.memberId });
      // Every table under Member has rows of hers: a new one must be seeded (and deleted) too.
      expect(filled(before.theirs)).toEqual(tablesUnder(tables, 'Member'));

      const deleted = await deleteMemberData(database.db, 'T0ONE', alice.userId);

      const after = await rowsByOwner(database.db, tables, { memberId: alice.memberId });
      expect(filled(after.theirs)).toEqual([]);
      // Her colleague's rows, the workspace, its cohort and installation, the other workspace: unchanged.
      expect(after.others).toEqual(before.others);
      expect(deleted).toEqual({
        contacts: 2,
        asks: 1,
        conversations: 1,
        skills: 1,
        keywords: 1,
        nudges: 1,
        memberships: 1,
        member: 1,
      });
      expect(await database.db.member.count({ where: { slackUserId: alice.userId } })).toBe(1); // in T0TWO
    });

    it('deleteMemberData of someone who never used the app deletes nothing', async () => {
      await seedWorkspace(database.db, 'T0ONE', USERS, NOW);
      const before = await rowsByOwner(database.db, tables, { workspaceId: 'T0ONE' });
      expect(
        Object.values(await deleteMemberData(database.db, 'T0ONE', 'U0NOBODY')).every((n) => n === 0),
      ).toBe(true);
      expect(await rowsByOwner(database.db, tables, { workspaceId: 'T0ONE' })).toEqual(before);
    });

    describe('deleteConversationsOlderThan', () => {
      const CUTOFF = new Date(NOW.getTime() - 180 * DAY);
      const OLD = new Date(CUTOFF.getTime() - DAY);
      const RECENT = new Date(CUTOFF.getTime() + DAY);

      /** A conversation of a member of `workspaceId` with the given dates, and its contact. */
      async function conversation(
        workspaceId: string,
        dates: { heldAt?: Date; scheduledAt?: Date; createdAt: Date },
      ): Promise<string> {
        const member = await ensureMember(database.db, { workspaceId, userId: 'U0ALICE' });
        const contact = await database.db.contact.create({
          data: { workspaceId, ownerId: member.id, name: 'Jane Doe', nameKey: 'jane doe' },
        });
        const row = await database.db.conversation.create({
          data: { workspaceId, ownerId: member.id, contactId: contact.id, notes: 'private', ...dates },
        });
        return row.id;
      }

      async function nudgeAbout(workspaceId: string, subjectId: string | null, tag: string): Promise<string> {
        const member = await ensureMember(database.db, { workspaceId, userId: 'U0ALICE' });
        const row = await database.db.nudge.create({
          data: {
            workspaceId,
            memberId: member.id,
            kind: 'thank_you',
            subjectId,
            dedupeKey: tag,
            dueAt: NOW,
          },
        });
        return row.id;
      }

      it('deletes conversations dated before the cutoff, in every workspace, with the nudges about them', async () => {
        const ids = {
          oldHeld: await conversation('T0ONE', { heldAt: OLD, createdAt: OLD }),
          oldHeldOtherWorkspace: await conversation('T0TWO', { heldAt: OLD, createdAt: OLD }),
          oldScheduled: await conversation('T0ONE', { scheduledAt: OLD, createdAt: OLD }),
          oldUndated: await conversation('T0ONE', { createdAt: OLD }),
          recentHeld: await conversation('T0ONE', { heldAt: RECENT, createdAt: RECENT }),
          // Held recently, though scheduled and written down long ago: the date held counts.
          heldRecentlyScheduledLongAgo: await conversation('T0ONE', {
            heldAt: RECENT,
            scheduledAt: OLD,
            createdAt: OLD,
          }),
          // Written down long ago for a date still ahead.
          scheduledAhead: await conversation('T0ONE', { scheduledAt: NOW, createdAt: OLD }),
          recentUndated: await conversation('T0ONE', { createdAt: RECENT }),
        };
        const member = await ensureMember(database.db, { workspaceId: 'T0ONE', userId: 'U0ALICE' });
        const skill = await database.db.skill.create({
          data: {
            workspaceId: 'T0ONE',
            ownerId: member.id,
            name: 'SQL',
            nameKey: 'sql',
            sourceConversationId: ids.oldHeld,
          },
        });
        const keyword = await database.db.keyword.create({
          data: {
            workspaceId: 'T0ONE',
            ownerId: member.id,
            term: 'cohorts',
            termKey: 'cohorts',
            sourceConversationId: ids.oldHeld,
          },
        });
        const keptSkill = await database.db.skill.create({
          data: {
            workspaceId: 'T0ONE',
            ownerId: member.id,
            name: 'Dashboards',
            nameKey: 'dashboards',
            sourceConversationId: ids.recentHeld,
          },
        });
        await nudgeAbout('T0ONE', ids.oldHeld, 'n-old');
        await nudgeAbout('T0TWO', ids.oldHeldOtherWorkspace, 'n-old-two');
        const keptNudges = [
          await nudgeAbout('T0ONE', ids.recentHeld, 'n-recent'),
          await nudgeAbout('T0ONE', null, 'n-weekly'),
        ];

        // Batches of two: the loop goes round until a batch comes back short.
        expect(await deleteConversationsOlderThan(database.db, CUTOFF, 2)).toEqual({ count: 4 });

        const left = await database.db.conversation.findMany({ select: { id: true } });
        expect(left.map((c) => c.id).sort()).toEqual(
          [ids.recentHeld, ids.heldRecentlyScheduledLongAgo, ids.scheduledAhead, ids.recentUndated].sort(),
        );
        const nudges = await database.db.nudge.findMany({ select: { id: true } });
        expect(nudges.map((n) => n.id).sort()).toEqual([...keptNudges].sort());
        // Skills and keywords stay, no longer linked to the deleted conversation.
        expect(await database.db.skill.findUniqueOrThrow({ where: { id: skill.id } })).toMatchObject({
          sourceConversationId: null,
        });
        expect(await database.db.keyword.findUniqueOrThrow({ where: { id: keyword.id } })).toMatchObject({
          sourceConversationId: null,
        });
        expect(await database.db.skill.findUniqueOrThrow({ where: { id: keptSkill.id } })).toMatchObject({
          sourceConversationId: ids.recentHeld,
        });
        // Contacts stay.
        expect(await database.db.contact.count()).toBe(8);
        expect(await deleteConversationsOlderThan(database.db, CUTOFF)).toEqual({ count: 0 });
      });
    });
  });
}
