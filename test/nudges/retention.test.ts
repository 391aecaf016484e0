// RETENTION_MONTHS: the process running the nudge sweep deletes conversations older than the limit,
// once a night (the first tick, then the first after each UTC midnight); off when unset. Both the bot
// process and `coach worker` do it.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { startWorker } from '../../src/nudges/commands';
import { retentionCutoff, retentionPrune } from '../../src/nudges/retention';
import type { NudgeScheduler } from '../../src/nudges/scheduler';
import { ensureMember } from '../../src/store/members';
import { useCleanup } from '../support/cleanup';
import { TestClock } from '../support/clock';
import { sqliteTestDatabase } from '../support/db';
import { ALICE, HOUR, TEAM } from '../support/fixtures';
import { startHarness } from '../support/harness';
import { memoryLog } from '../support/nudges';

/** A held conversation of Alice's, with a nudge about it; returns the conversation's id. */
async function heldChat(db: Db, heldAt: Date): Promise<string> {
  const member = await ensureMember(db, { workspaceId: TEAM.id, userId: ALICE.id });
  const contact = await db.contact.create({
    data: { workspaceId: TEAM.id, ownerId: member.id, name: 'Jane Doe', nameKey: 'jane doe', stage: 'met' },
  });
  const chat = await db.conversation.create({
    data: { workspaceId: TEAM.id, ownerId: member.id, contactId: contact.id, heldAt, createdAt: heldAt },
  });
  await db.nudge.create({
    data: {
      workspaceId: TEAM.id,
      memberId: member.id,
      kind: 'thank_you',
      subjectId: chat.id,
      dedupeKey: `${member.id}:thank_you:${chat.id}:1`,
      dueAt: heldAt,
      status: 'sent',
    },
  });
  return chat.id;
}

const chatIds = async (db: Db) =>
  (await db.conversation.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((c) => c.id);

describe('the retention cutoff', () => {
  it('is that many calendar months earlier, the day clamped to the month’s last', () => {
    const at = (iso: string, months: number) => retentionCutoff(new Date(iso), months).toISOString();
    expect(at('2026-03-10T14:00:00.000Z', 6)).toBe('2025-09-10T14:00:00.000Z');
    expect(at('2026-01-15T00:30:00.000Z', 3)).toBe('2025-10-15T00:30:00.000Z');
    expect(at('2026-03-31T08:00:00.000Z', 1)).toBe('2026-02-28T08:00:00.000Z');
    expect(at('2028-03-31T08:00:00.000Z', 1)).toBe('2028-02-29T08:00:00.000Z');
    expect(at('2028-02-29T08:00:00.000Z', 12)).toBe('2027-02-28T08:00:00.000Z');
    expect(at('2026-05-12T00:00:00.000Z', 24)).toBe('2024-05-12T00:00:00.000Z');
  });
});

describe('a retention prune that fails', () => {
  it('is logged without the query, and tried again an hour later rather than on every tick', async () => {
    let attempts = 0;
    const failing = {
      $transaction: async () => {
        attempts++;
        throw new Error(
          'Invalid `prisma.conversation.findMany()` invocation:\n\n{ notes: "secret" }\n\nThe database is locked',
        );
      },
    } as unknown as Db;
    const { log, lines } = memoryLog('error');
    const prune = retentionPrune(failing, log, 6);
    const now = new Date('2026-03-10T14:00:00Z');
    await prune.maybeRun(now);
    await prune.maybeRun(new Date(now.getTime() + HOUR - 1));
    expect(attempts).toBe(1);
    await prune.maybeRun(new Date(now.getTime() + HOUR));
    expect(attempts).toBe(2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('deleting old conversations failed');
    expect(lines[0]).not.toContain('secret');
  });
});

describe('the nightly retention prune', () => {
  const cleanup = useCleanup();
  const START = new Date('2026-03-10T14:00:00Z');

  async function harness(env: Record<string, string>) {
    const clock = new TestClock(START);
    const h = await startHarness({ clock, env: { SCHEDULER_ENABLED: 'true', ...env } });
    cleanup.add(() => h.stop());
    const scheduler = h.coach.scheduler as NudgeScheduler;
    expect(scheduler).toBeDefined();
    return { h, clock, scheduler };
  }

  it('deletes conversations older than RETENTION_MONTHS on the first tick, then once after each midnight', async () => {
    const { h, clock, scheduler } = await harness({ RETENTION_MONTHS: '6' });
    const old = await heldChat(h.db, new Date('2025-09-09T14:00:00Z'));
    const recent = await heldChat(h.db, new Date('2025-09-11T14:00:00Z'));

    await scheduler.task.execute();
    expect(await chatIds(h.db)).toEqual([recent]);
    expect(await h.db.nudge.count({ where: { subjectId: old } })).toBe(0);
    expect(await h.db.nudge.count({ where: { subjectId: recent } })).toBe(1);
    const logged = h.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'old conversations deleted');
    expect(logged).toMatchObject({ retentionMonths: 6, count: 1, before: '2025-09-10T14:00:00.000Z' });

    // Later the same day: not again (the next minute's tick does not scan the table).
    const older = await heldChat(h.db, new Date('2025-01-01T00:00:00Z'));
    clock.advance(9 * HOUR);
    await scheduler.task.execute();
    expect(await chatIds(h.db)).toEqual([older, recent].sort());

    // The first tick after midnight (UTC).
    clock.set('2026-03-11T00:01:00Z');
    await scheduler.task.execute();
    expect(await chatIds(h.db)).toEqual([recent]);
  });

  it('is off when RETENTION_MONTHS is not set', async () => {
    const { h, scheduler } = await harness({});
    const old = await heldChat(h.db, new Date('2020-01-01T00:00:00Z'));
    await scheduler.task.execute();
    expect(await chatIds(h.db)).toEqual([old]);
  });

  it('runs in `coach worker` too', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const h = await startHarness({ database, clock: new TestClock(START) });
    cleanup.add(() => h.stop());
    const old = await heldChat(h.db, new Date('2020-01-01T00:00:00Z'));
    const config = loadConfig({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: h.coach.slackApiUrl ?? '',
      RETENTION_MONTHS: '12',
    });
    const worker = await startWorker(config, memoryLog('error').log);
    cleanup.add(() => worker.stop());
    // The worker runs on the system clock: a chat of 2020 is past any twelve months.
    await worker.scheduler.task.execute();
    expect(await h.db.conversation.count({ where: { id: old } })).toBe(0);
  });
});
