// The direct SQL path (db/sql.ts) and Prisma read and write the same rows: a log saved directly reads
// back through Prisma as it was written, and the App Home's direct snapshot equals Prisma's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createAskDraft } from '../../src/services/ask';
import { logConversation } from '../../src/services/log';
import { rememberSlackTz } from '../../src/services/prep';
import { ensureMember } from '../../src/store/members';
import { loadSnapshot, readSnapshot } from '../../src/store/snapshot';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

const SCOPE = { workspaceId: 'T0DIRECT', userId: 'U0DIRECT' };
const NOW = new Date('2026-05-12T15:30:00.123Z');

for (const { kind, create } of DATABASE_KINDS) {
  describe(`direct SQL and Prisma agree on ${kind}`, () => {
    let file: TestDatabase;
    let database: Database;
    beforeAll(async () => {
      file = await create();
      database = await openDatabase(file.url);
      await rememberSlackTz(database.db, SCOPE, 'America/Chicago');
      const asked = await createAskDraft(
        database.db,
        SCOPE,
        {
          person: { kind: 'new', name: 'Rosa Delgado', role: 'Data Analyst', company: 'Contoso' },
          about: 'moving from retail management into analytics',
          why: 'She moved from store operations into analytics at Contoso',
          minutes: 20,
          channel: 'email',
        },
        NOW,
        'Sam',
      );
      expect(asked.ok).toBe(true);
      const logged = await logConversation(
        database.db,
        SCOPE,
        {
          person: 'Rosa Delgado',
          date: '2026-05-12',
          minutes: 25,
          format: 'video',
          learned: 'SQL first, dashboards second',
          skills: ['SQL window functions', 'Stakeholder interviews'],
          keywords: ['cohort analysis'],
          action: 'rebuild my sales dashboard project around one question',
          referrals: [{ name: 'Imani Brooks', role: 'Analytics Lead', company: 'Contoso' }],
          thanked: false,
        },
        NOW,
        'submission:V0DIRECT:h1',
      );
      expect(logged.ok).toBe(true);
    });
    afterAll(async () => {
      await database?.close();
      await file?.drop();
    });

    it('reads back through Prisma what the direct path wrote', async () => {
      const member = await ensureMember(database.db, SCOPE);
      const rosa = await database.db.contact.findFirstOrThrow({
        where: { ownerId: member.id, name: 'Rosa Delgado' },
      });
      expect(rosa.stage).toBe('met');
      expect(rosa.lastTouchAt?.toISOString()).toBe(NOW.toISOString());
      const imani = await database.db.contact.findFirstOrThrow({
        where: { ownerId: member.id, name: 'Imani Brooks' },
      });
      expect(imani.referredById).toBe(rosa.id);
      const chat = await database.db.conversation.findFirstOrThrow({ where: { ownerId: member.id } });
      expect(chat.heldAt?.toISOString()).toBe(NOW.toISOString());
      expect(chat.notes).toBe('SQL first, dashboards second');
      const skills = await database.db.skill.findMany({
        where: { ownerId: member.id },
        orderBy: { name: 'asc' },
      });
      expect(skills.map((s) => [s.name, s.sourceConversationId])).toEqual([
        ['SQL window functions', chat.id],
        ['Stakeholder interviews', chat.id],
      ]);
      expect(await database.db.handledRequest.count({ where: { key: 'submission:V0DIRECT:h1' } })).toBe(1);
    });

    it('gives the App Home the same picture as Prisma', async () => {
      const member = await ensureMember(database.db, SCOPE);
      const direct = await readSnapshot(database.db, SCOPE);
      expect(direct?.member.id).toBe(member.id);
      expect(direct?.snapshot).toEqual(await loadSnapshot(database.db, member));
      expect(direct?.snapshot.contacts).toHaveLength(2);
      expect(await readSnapshot(database.db, { workspaceId: 'T0DIRECT', userId: 'U0NOBODY' })).toBeNull();
    });

    it('keeps a later introducer as a suggestion, read the same by both paths', async () => {
      const later = new Date(NOW.getTime() + 60_000);
      const logged = await logConversation(
        database.db,
        SCOPE,
        {
          person: 'Kofi Mensah',
          date: '2026-05-12',
          minutes: 20,
          format: 'phone',
          skills: [],
          keywords: [],
          action: 'ask Rosa about her first dashboard',
          referrals: [{ name: 'Rosa Delgado', role: null, company: null }],
          thanked: false,
        },
        later,
        'submission:V0DIRECT:h2',
      );
      if (!logged.ok) throw new Error('not logged');
      // Rosa was met already: Kofi is kept as also suggesting her, her own start stays.
      expect(logged.summary.referrals).toEqual([
        expect.objectContaining({ name: 'Rosa Delgado', created: false, link: 'also' }),
      ]);
      const member = await ensureMember(database.db, SCOPE);
      const rosa = await database.db.contact.findFirstOrThrow({
        where: { ownerId: member.id, name: 'Rosa Delgado' },
      });
      expect(rosa.referredById).toBeNull();
      const direct = await readSnapshot(database.db, SCOPE);
      expect(direct?.snapshot.suggestions).toEqual([
        {
          contactId: rosa.id,
          suggestedById: logged.summary.card.contactId,
          conversationId: logged.summary.card.conversationId,
          createdAt: later,
        },
      ]);
      expect(direct?.snapshot).toEqual(await loadSnapshot(database.db, member));
    });
  });
}
