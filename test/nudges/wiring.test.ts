// Where the sweep runs: in the bot process unless SCHEDULER_ENABLED=false, in `coach worker`, and
// once from `coach sweep --now` (cohort digests included); OAuth mode sends per workspace.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { parseSweepTime, startWorker, sweepCommand } from '../../src/nudges/commands';
import { logConversation } from '../../src/services/log';
import { useCleanup } from '../support/cleanup';
import { TestClock } from '../support/clock';
import { seedCohort } from '../support/cohorts';
import { sqliteTestDatabase } from '../support/db';
import { ALICE, BOB, COHORT, TEAM } from '../support/fixtures';
import { startHarness } from '../support/harness';
import { chatLog, memoryLog } from '../support/nudges';
import { nudgeIdOf } from '../support/slack-play';

const OAUTH_ENV = {
  SLACK_CLIENT_ID: 'cid',
  SLACK_CLIENT_SECRET: 'secret',
  SLACK_STATE_SECRET: 'state',
  SLACK_SIGNING_SECRET: 'signing',
  ENCRYPTION_KEY: 'cd'.repeat(32),
};

describe('scheduler wiring', () => {
  // Whatever a test started is stopped after it, pass or fail.
  const cleanup = useCleanup();

  it('runs in the bot process by default and stops with it; SCHEDULER_ENABLED=false turns it off', async () => {
    const on = await startHarness({ env: { SCHEDULER_ENABLED: 'true' } });
    cleanup.add(() => on.stop());
    const scheduler = on.coach.scheduler;
    expect(scheduler).toBeDefined();
    expect(scheduler?.task.getStatus()).not.toBe('destroyed');
    await on.stop();
    expect(scheduler?.task.getStatus()).toBe('destroyed');

    const off = await startHarness();
    cleanup.add(() => off.stop());
    expect(off.coach.scheduler).toBeUndefined();
  });

  it('runs the worker and a sweep in OAuth mode too, with no installation yet sending nothing', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const config = loadConfig({ DATABASE_URL: database.url, ...OAUTH_ENV });
    const { log } = memoryLog();
    const worker = await startWorker(config, log);
    cleanup.add(() => worker.stop());
    expect(worker.scheduler.task.getStatus()).not.toBe('destroyed');
    await worker.stop();
    const lines: string[] = [];
    await sweepCommand({ config, log, now: new Date(), dryRun: false, print: (l) => lines.push(l) });
    expect(lines.at(-1)).toMatch(/: 0 sent, 0 to retry/);
  });

  it('`coach worker` starts the scheduler alone and stops cleanly', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const config = loadConfig({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: 's',
    });
    const worker = await startWorker(config, memoryLog().log);
    cleanup.add(() => worker.stop());
    expect(worker.scheduler.task.getStatus()).not.toBe('destroyed');
    await worker.stop();
    expect(worker.scheduler.task.getStatus()).toBe('destroyed');
  });

  it('`coach sweep --now` sends what is due as of that time and prints one line per nudge', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const h = await startHarness({ database, clock: new TestClock('2026-03-10T14:00:00Z') });
    cleanup.add(() => h.stop());
    await logConversation(
      h.db,
      { workspaceId: TEAM.id, userId: ALICE.id },
      chatLog({ person: 'Jane Doe', date: '2026-03-10', action: 'a private note about salary' }),
      new Date('2026-03-10T14:00:00Z'),
    );
    const config = loadConfig({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: h.coach.slackApiUrl ?? '',
    });
    const lines: string[] = [];
    const now = parseSweepTime('2026-03-11T13:00:00Z');
    if (!now) throw new Error('bad time');
    await sweepCommand({
      config,
      log: memoryLog('error').log,
      now,
      dryRun: false,
      print: (l) => lines.push(l),
    });
    const posted = h.standIn.callsTo('chat.postMessage').filter((c) => nudgeIdOf(c));
    expect(posted).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('sent'))).toEqual([
      expect.stringMatching(new RegExp(`^sent\\s+thank_you\\s+${TEAM.id}/${ALICE.id}\\s+due 2026-03-1\\dT`)),
    ]);
    expect(lines.join('\n')).not.toContain('salary');
  });

  it('`coach sweep --now` also posts the cohort digests that are due, as a scheduler tick would', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const h = await startHarness({ database, clock: new TestClock('2026-03-10T14:00:00Z') });
    cleanup.add(() => h.stop());
    h.standIn.addChannel(COHORT);
    // A Monday-09:00 (UTC) digest; Alice has a conversation that week.
    await seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: COHORT.id,
      facilitators: [BOB.id],
      students: [ALICE.id],
      now: new Date('2026-03-01T12:00:00Z'),
    });
    await logConversation(
      h.db,
      { workspaceId: TEAM.id, userId: ALICE.id },
      chatLog({ person: 'Jane Doe', date: '2026-03-10', action: 'a private note about salary' }),
      new Date('2026-03-10T14:00:00Z'),
    );
    const config = loadConfig({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: h.coach.slackApiUrl ?? '',
    });
    const lines: string[] = [];
    const now = parseSweepTime('2026-03-16T09:05:00Z');
    if (!now) throw new Error('bad time');
    await sweepCommand({
      config,
      log: memoryLog('error').log,
      now,
      dryRun: false,
      print: (l) => lines.push(l),
    });
    const digests = h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === COHORT.id);
    expect(digests).toHaveLength(1);
    expect(lines).toContain(`  cohort digest 2026-W12 in ${TEAM.id}: sent`);
    expect(lines.join('\n')).not.toContain('salary');
  });

  it('accepts only zoned ISO times for --now', () => {
    expect(parseSweepTime('2026-03-11T10:00:00Z')?.toISOString()).toBe('2026-03-11T10:00:00.000Z');
    expect(parseSweepTime('2026-03-11T12:00:00+02:00')?.toISOString()).toBe('2026-03-11T10:00:00.000Z');
    expect(parseSweepTime('2026-03-11T10:00')).toBeNull();
    expect(parseSweepTime('tomorrow')).toBeNull();
    const current = new Date('2026-01-01T00:00:00Z');
    expect(parseSweepTime(undefined, current)).toBe(current);
  });
});
