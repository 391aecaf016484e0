// Database errors end up in logs (scrubbed by scrubTokens): what a member wrote must not reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { scrubTokens } from '../../src/log';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

const NOTE = 'she said her manager was unhappy with the reorg';

for (const { kind, create } of DATABASE_KINDS) {
  describe(`database errors on ${kind}`, () => {
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

    it('are logged with the operation and what was wrong, never the values written', async () => {
      const failure = await database.db.conversation
        .create({
          data: {
            workspaceId: 'T1',
            ownerId: 'no-such-member',
            contactId: 'no-such-contact',
            notes: NOTE,
            // A value of the wrong type: Prisma refuses the call and quotes it in its message.
            minutesRequested: 'twenty' as unknown as number,
          },
        })
        .then(
          () => null,
          (error: Error) => error,
        );
      expect(String(failure?.message)).toContain(NOTE);
      const logged = scrubTokens(String(failure?.message));
      expect(logged).not.toContain(NOTE);
      expect(logged).toContain('.create()');
      expect(logged).toMatch(/minutesRequested/);
    });
  });
}
