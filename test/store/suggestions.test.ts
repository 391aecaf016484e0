// The Prisma path that links a referral (a classmate's intro): the first introducer stays, someone
// already reached or already introduced gets the new suggester as "also suggested", ids are scoped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createContact } from '../../src/store/contacts';
import { ensureMember } from '../../src/store/members';
import { linkReferral, listSuggestions } from '../../src/store/suggestions';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

const NOW = new Date('2026-05-12T15:30:00.000Z');

for (const { kind, create } of DATABASE_KINDS) {
  describe(`linkReferral on ${kind}`, () => {
    let file: TestDatabase;
    let database: Database;
    beforeAll(async () => {
      file = await create();
      database = await openDatabase(file.url);
    });
    afterAll(async () => {
      await database?.close();
      await file?.drop();
    });

    it('keeps the first introducer and records later ones once, within the member', async () => {
      const db = database.db;
      const alice = await ensureMember(db, { workspaceId: 'T1', userId: 'U1' });
      const bob = await ensureMember(db, { workspaceId: 'T1', userId: 'U2' });
      const jane = await createContact(db, alice, { name: 'Jane Doe', stage: 'met' }, NOW);
      const marcus = await createContact(db, alice, { name: 'Marcus Bell', stage: 'met' }, NOW);
      const omar = await createContact(db, alice, { name: 'Omar Farouk', referredById: jane.id }, NOW);
      const dana = await createContact(db, alice, { name: 'Dana Cole' }, NOW);
      const priya = await createContact(db, alice, { name: 'Priya Natarajan', stage: 'thanked' }, NOW);
      const theirs = await createContact(db, bob, { name: 'Sam Lee' }, NOW);

      const link = (contactId: string, suggestedById: string) =>
        linkReferral(db, alice, { contactId, suggestedById }, NOW);
      expect(await link(dana.id, marcus.id)).toBe('introducer');
      expect(await link(omar.id, marcus.id)).toBe('also');
      expect(await link(omar.id, marcus.id)).toBe('also');
      expect(await link(priya.id, marcus.id)).toBe('also');
      expect(await link(omar.id, jane.id)).toBe('introducer');
      expect(await link(theirs.id, marcus.id)).toBe('none');

      const rows = await db.contact.findMany({ where: { ownerId: alice.id }, orderBy: { name: 'asc' } });
      expect(Object.fromEntries(rows.map((r) => [r.name, r.referredById]))).toMatchObject({
        'Dana Cole': marcus.id,
        'Omar Farouk': jane.id,
        'Priya Natarajan': null,
      });
      const also = await listSuggestions(db, alice);
      expect(also.map((s) => [s.contactId, s.suggestedById]).sort()).toEqual(
        [
          [omar.id, marcus.id],
          [priya.id, marcus.id],
        ].sort(),
      );
      expect(await listSuggestions(db, bob)).toEqual([]);
    });
  });
}
