// Two sweepers (two database clients, as two processes would have) over a few thousand due nudges on
// Postgres: both plan the same members and claim at the same time; every nudge reaches the stand-in
// exactly once (a member's thank-yous folded into one message per sweep).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createDeliveryClient } from '../../src/nudges/slack';
import { runSweep } from '../../src/nudges/sweep';
import { createSlackStandIn, type SlackStandIn, type StandInUser } from '../../src/sandbox';
import { useCleanup } from '../support/cleanup';
import { POSTGRES_URL, postgresTestDatabase, type TestDatabase } from '../support/db';
import { TEAM } from '../support/fixtures';
import { memoryLog } from '../support/nudges';
import { blocksOf, nudgeIdOf, visibleText } from '../support/slack-play';

const MEMBERS = 300;
const CHATS_PER_MEMBER = 10;
const TOTAL = MEMBERS * CHATS_PER_MEMBER;
// Wednesday 11 March 2026, 10:00 UTC; every chat was held the day before, so every thank-you is due.
const NOW = new Date('2026-03-11T10:00:00Z');
const HELD = new Date('2026-03-10T14:00:00Z');

describe.runIf(POSTGRES_URL)('two concurrent sweepers on Postgres', () => {
  let testDb: TestDatabase;
  let one: Database;
  let two: Database;
  let standIn: SlackStandIn;
  let apiUrl: string;
  const cleanup = useCleanup('all');
  const users: StandInUser[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `U0LOAD${String(i).padStart(3, '0')}`,
    teamId: TEAM.id,
    name: `student${i}`,
    tz: 'UTC',
  }));

  beforeAll(async () => {
    testDb = await postgresTestDatabase();
    cleanup.add(() => testDb.drop());
    one = await openDatabase(testDb.url, { poolSize: 5 });
    cleanup.add(() => one.close());
    two = await openDatabase(testDb.url, { migrate: false, poolSize: 5 });
    cleanup.add(() => two.close());
    standIn = createSlackStandIn({ teams: [TEAM], users });
    cleanup.add(() => standIn.close());
    ({ apiUrl } = await standIn.listen(0));

    const db = one.db;
    await db.workspace.create({ data: { id: TEAM.id } });
    for (const user of users) {
      const member = await db.member.create({
        data: { workspaceId: TEAM.id, slackUserId: user.id, slackTz: 'UTC' },
      });
      const contact = await db.contact.create({
        data: {
          workspaceId: TEAM.id,
          ownerId: member.id,
          name: `Mentor of ${user.name}`,
          nameKey: `mentor of ${user.name}`,
          stage: 'met',
        },
      });
      await db.conversation.createMany({
        data: Array.from({ length: CHATS_PER_MEMBER }, () => ({
          workspaceId: TEAM.id,
          ownerId: member.id,
          contactId: contact.id,
          heldAt: HELD,
          action: 'try one thing',
          createdAt: HELD,
        })),
      });
    }
  }, 120_000);

  it('delivers each of the due nudges exactly once', async () => {
    const sweepWith = (database: Database) =>
      runSweep({
        now: NOW,
        db: database.db,
        slack: createDeliveryClient({ token: TEAM.botToken, slackApiUrl: apiUrl }),
        log: memoryLog('error').log,
        plan: { batchSize: MEMBERS },
        deliver: { pace: false, batchSize: 100, budgetMs: 120_000 },
      });
    const [a, b] = await Promise.all([sweepWith(one), sweepWith(two)]);

    const posted = standIn.callsTo('chat.postMessage');
    // A member's due thank-yous go out folded into one message per sweep (two sweepers may each
    // send one): each message is counted with the nudges it carries.
    const perNudge = new Map<string, number>();
    let carried = 0;
    for (const call of posted) {
      expect(call.response?.ok).toBe(true);
      const id = nudgeIdOf(call);
      if (id) perNudge.set(id, (perNudge.get(id) ?? 0) + 1);
      const lines = blocksOf(call).filter((b) => b.accessory && visibleText([b]).startsWith('•')).length;
      carried += lines > 0 ? lines : 1;
    }
    expect(carried).toBe(TOTAL);
    expect([...perNudge.values()].every((n) => n === 1)).toBe(true);
    expect(posted.length).toBeGreaterThanOrEqual(MEMBERS);
    expect(posted.length).toBeLessThanOrEqual(2 * MEMBERS);
    expect(a.sent.length + b.sent.length).toBe(TOTAL);
    expect(a.planned.created + b.planned.created).toBe(TOTAL);
    expect(await one.db.nudge.count({ where: { status: 'sent', messageTs: { not: null } } })).toBe(TOTAL);
    // A third sweep finds nothing left to send.
    const again = await sweepWith(one);
    expect(again.sent).toHaveLength(0);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(posted.length);
  }, 180_000);
});
