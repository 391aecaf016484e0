// `coach demo`: the sandbox workspace's demo seeded into DATABASE_URL, once.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { runCoach as coach } from './support/cli';
import { sqliteTestDatabase } from './support/db';

describe('coach demo', () => {
  const database = sqliteTestDatabase();
  afterAll(() => database.drop());

  const counts = async () => {
    const { db, close } = await openDatabase(database.url);
    try {
      return {
        contacts: await db.contact.count({ where: { workspaceId: 'T0SANDBOX' } }),
        conversations: await db.conversation.count(),
        asks: await db.ask.count(),
        cohorts: await db.cohort.count({ where: { workspaceId: 'T0SANDBOX' } }),
        memberships: await db.cohortMembership.count(),
      };
    } finally {
      await close();
    }
  };

  it('seeds the demo, and adds nothing when run again', async () => {
    const first = await coach(['demo'], { DATABASE_URL: database.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo ready');
    const seeded = await counts();
    expect(seeded).toMatchObject({ conversations: 1, asks: 1, cohorts: 1, memberships: 4 });
    expect(seeded.contacts).toBe(8);
    const second = await coach(['demo'], { DATABASE_URL: database.url });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already there');
    expect(await counts()).toEqual(seeded);
  });
});
