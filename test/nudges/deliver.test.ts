// Delivery details that need no Slack: what each error means, the backoff curve, pacing against a
// moved clock (no real waiting), and the scheduler calling the sweep on its ticks and stopping.
import type { WebClient } from '@slack/web-api';
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { backoffMs } from '../../src/nudges/deliver';
import { SWEEP_SCHEDULE, startScheduler } from '../../src/nudges/scheduler';
import { classifySendError } from '../../src/nudges/slack';
import { runSweep, type SweepReport } from '../../src/nudges/sweep';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase } from '../support/db';
import { HOUR, MINUTE } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

describe('what a Slack error means for a nudge', () => {
  it('classifies rate limits, transient and permanent errors', () => {
    expect(classifySendError(new WebAPIRateLimitedError(30))).toMatchObject({
      kind: 'ratelimited',
      retryAfterMs: 30_000,
    });
    expect(classifySendError(new WebAPIHTTPError(503, 'Service Unavailable', {}))).toEqual({
      kind: 'transient',
      message: 'HTTP 503',
    });
    expect(
      classifySendError(new WebAPIRequestError(new Error('The operation was aborted due to timeout'))).kind,
    ).toBe('transient');
    for (const error of ['token_revoked', 'account_inactive', 'invalid_auth', 'not_authed']) {
      expect(classifySendError(new WebAPIPlatformError({ ok: false, error }))).toEqual({
        kind: 'permanent',
        message: error,
        tokenLevel: true,
      });
    }
    for (const error of [
      'user_not_found',
      'channel_not_found',
      'is_archived',
      'user_disabled',
      'cannot_dm_bot',
      'invalid_blocks',
    ]) {
      expect(classifySendError(new WebAPIPlatformError({ ok: false, error }))).toEqual({
        kind: 'permanent',
        message: error,
        tokenLevel: false,
      });
    }
    expect(classifySendError(new WebAPIPlatformError({ ok: false, error: 'internal_error' })).kind).toBe(
      'transient',
    );
    expect(classifySendError(new Error('socket hang up')).kind).toBe('transient');
  });

  it('backs off exponentially from a minute, capped at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffMs(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(backoffMs(100)).toBe(HOUR);
  });
});

describe('pacing and scheduling', () => {
  let database: Database;
  const NOW = new Date('2026-03-11T14:00:00Z');
  const posted: { channel: string; at: number }[] = [];
  let fakeNow = NOW.getTime();
  const cleanup = useCleanup();

  /** A WebClient stand-in recording when (on the moved clock) each message went out. */
  const slack = {
    chat: {
      postMessage: async (args: { channel: string }) => {
        posted.push({ channel: args.channel, at: fakeNow });
        return { ok: true, channel: `D${args.channel}`, ts: `${posted.length}.000` };
      },
    },
    users: { info: async () => ({ ok: true, user: { tz: 'UTC' } }) },
  } as unknown as WebClient;

  beforeEach(async () => {
    posted.length = 0;
    fakeNow = NOW.getTime();
    const file = sqliteTestDatabase();
    cleanup.add(() => file.drop());
    database = await openDatabase(file.url);
    const open = database;
    cleanup.add(() => open.close());
    const db = database.db;
    await db.workspace.create({ data: { id: 'T1' } });
    for (const user of ['U1', 'U2', 'U3']) {
      const member = await db.member.create({
        data: { workspaceId: 'T1', slackUserId: user, slackTz: 'UTC' },
      });
      const contact = await db.contact.create({
        data: {
          workspaceId: 'T1',
          ownerId: member.id,
          name: `Mentor ${user}`,
          nameKey: `mentor ${user}`,
          stage: 'met',
        },
      });
      await db.conversation.create({
        data: {
          workspaceId: 'T1',
          ownerId: member.id,
          contactId: contact.id,
          heldAt: new Date(NOW.getTime() - 20 * HOUR),
          action: 'one thing',
          createdAt: NOW,
        },
      });
    }
  });

  it('sends at most one message per second per workspace, waiting on the clock rather than hammering Slack', async () => {
    const sleeps: number[] = [];
    const report = await runSweep({
      now: NOW,
      db: database.db,
      slack,
      log: memoryLog('error').log,
      deliver: {
        pace: { perWindow: 1 },
        clock: () => new Date(fakeNow),
        sleep: async (ms) => {
          sleeps.push(ms);
          fakeNow += ms;
        },
      },
    });
    expect(report.sent).toHaveLength(3);
    const gaps = posted.slice(1).map((p, i) => p.at - posted[i]!.at);
    expect(gaps.every((g) => g >= 1000)).toBe(true);
    expect(sleeps.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the rest for a later sweep when the workspace’s budget would take too long to free up', async () => {
    const report = await runSweep({
      now: NOW,
      db: database.db,
      slack,
      log: memoryLog('error').log,
      deliver: {
        pace: { perWindow: 1, windowMs: 10 * MINUTE, maxWaitMs: 5_000 },
        clock: () => new Date(fakeNow),
        sleep: async () => {
          throw new Error('should not wait this long');
        },
      },
    });
    expect(report.sent).toHaveLength(1);
    expect(report.retrying).toHaveLength(2);
    expect(report.stoppedWorkspaces.map((s) => s.reason)).toEqual(['send budget used up']);
    const waiting = await database.db.nudge.findMany({ where: { status: 'pending' } });
    expect(waiting).toHaveLength(2);
    expect(waiting.every((n) => n.attempts === 0 && n.dueAt.getTime() === NOW.getTime() + 10 * MINUTE)).toBe(
      true,
    );
  });

  it('sends what is already due while the rolling pass is still planning', async () => {
    // A member the planner must look up in Slack (no timezone yet), planned after the others.
    const u4 = await database.db.member.create({ data: { workspaceId: 'T1', slackUserId: 'U4' } });
    await database.db.contact.create({
      data: { workspaceId: 'T1', ownerId: u4.id, name: 'Mentor U4', nameKey: 'mentor u4', stage: 'target' },
    });
    // The first sweep plans the three thank-yous; U1's send fails once and is due again a minute later.
    let failU1 = true;
    const flaky = {
      ...slack,
      chat: {
        postMessage: async (args: { channel: string }) => {
          if (args.channel === 'U1' && failU1) {
            failU1 = false;
            throw new Error('socket hang up');
          }
          return slack.chat.postMessage(args as Parameters<WebClient['chat']['postMessage']>[0]);
        },
      },
      // Slack does not answer for U4 this time: the planner asks again next sweep.
      users: {
        info: async (args: { user: string }) => {
          if (args.user === 'U4') throw new Error('socket hang up');
          return { ok: true, user: { tz: 'UTC' } };
        },
      },
    } as unknown as WebClient;
    const first = await runSweep({
      now: NOW,
      db: database.db,
      slack: flaky,
      log: memoryLog('error').log,
      deliver: { pace: false },
    });
    expect(first.retrying.map((r) => r.slackUserId)).toEqual(['U1']);
    posted.length = 0;

    // The next sweep: U4's lookup is held open, and U1's message goes out meanwhile.
    const later = new Date(NOW.getTime() + 2 * MINUTE);
    const lookup = deferred<{ ok: true; user: { tz: string } }>();
    let looking = 0;
    const held = {
      ...flaky,
      users: {
        info: () => {
          looking++;
          return lookup.promise;
        },
      },
    } as unknown as WebClient;
    const sweeping = runSweep({
      now: later,
      db: database.db,
      slack: held,
      log: memoryLog('error').log,
      deliver: { pace: false },
    });
    await vi.waitFor(() => expect(posted.map((p) => p.channel)).toEqual(['U1']));
    expect(looking).toBe(1);
    lookup.resolve({ ok: true, user: { tz: 'UTC' } });
    const report = await sweeping;
    expect(report.sent.map((s) => s.slackUserId)).toEqual(['U1']);
    expect(report.planned.members).toBeGreaterThanOrEqual(1);
  });

  it('the scheduler sweeps again at once when a sweep stopped at its budget with nudges still due', async () => {
    const reports: SweepReport[] = [];
    const scheduler = startScheduler({
      db: database.db,
      slack,
      log: memoryLog('error').log,
      clock: { now: () => NOW },
      // One message a second and a budget of 1.5 s: a sweep sends two and hands the third back.
      deliver: {
        pace: { perWindow: 1 },
        budgetMs: 1_500,
        clock: () => new Date(fakeNow),
        sleep: async (ms) => {
          fakeNow += ms;
        },
      },
      onSweep: (report) => reports.push(report),
    });
    cleanup.add(() => scheduler.stop());
    await scheduler.task.execute();
    await vi.waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(2));
    expect(reports[0]!.budgetReached).toBe(true);
    expect(reports[0]!.sent.length).toBeLessThan(3);
    expect(reports.at(-1)!.budgetReached).toBeFalsy();
    // No minute passed: the follow-on sweep sent the rest, each message once.
    expect(posted.map((p) => p.channel).sort()).toEqual(['U1', 'U2', 'U3']);
    expect(await database.db.nudge.count({ where: { status: 'sent' } })).toBe(3);
  });

  /** A promise with its resolve function, for holding a fake Slack call open until the test lets go. */
  function deferred<T = void>() {
    let resolve: (value: T) => void = () => undefined;
    const promise = new Promise<T>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }

  /**
   * The scheduler on node-cron's real every-minute pattern, with node-cron's timers and clock faked so
   * ticks fire when the test says; its first chat.postMessage is held open until `release()`.
   */
  function heldScheduler() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    cleanup.add(() => vi.useRealTimers());
    const reports: SweepReport[] = [];
    const firstReport = deferred<SweepReport>();
    const started: string[] = [];
    const firstSend = deferred();
    const gate = deferred();
    let holding = true;
    const heldSlack = {
      ...slack,
      chat: {
        postMessage: async (args: { channel: string }) => {
          if (holding) {
            holding = false;
            firstSend.resolve();
            await gate.promise;
          }
          return slack.chat.postMessage(args as Parameters<WebClient['chat']['postMessage']>[0]);
        },
      },
    } as unknown as WebClient;
    const scheduler = startScheduler({
      db: database.db,
      slack: heldSlack,
      log: memoryLog('error').log,
      clock: { now: () => NOW },
      deliver: { pace: false },
      onSweep: (report) => {
        reports.push(report);
        firstReport.resolve(report);
      },
    });
    scheduler.task.on('execution:started', (context) => {
      started.push(context.execution?.reason ?? 'unknown');
    });
    // Whatever the test does, the scheduler is stopped before the database closes.
    cleanup.add(async () => {
      gate.resolve();
      await scheduler.stop();
    });
    return {
      scheduler,
      reports,
      started,
      firstSend: firstSend.promise,
      firstReport: firstReport.promise,
      release: () => gate.resolve(),
    };
  }

  /** Lets every callback already queued run (one turn of the event loop); no time passes on any clock. */
  const drainQueuedCallbacks = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('the scheduler sweeps on each minute’s tick and forgets handled request keys older than a day', async () => {
    await database.db.handledRequest.createMany({
      data: [
        { key: 'event:EvOLD', handledAt: new Date(NOW.getTime() - 25 * HOUR) },
        { key: 'event:EvNEW', handledAt: new Date(NOW.getTime() - HOUR) },
      ],
    });
    const { scheduler, started, firstSend, firstReport, release } = heldScheduler();
    expect(scheduler.task.getPattern()).toBe(SWEEP_SCHEDULE);
    expect(started).toEqual([]); // nothing runs before the first tick

    await vi.advanceTimersToNextTimerAsync(); // the next whole minute
    await firstSend;
    expect(started).toEqual(['scheduled']);
    release();
    expect((await firstReport).sent).toHaveLength(3);
    expect(posted.map((p) => p.channel).sort()).toEqual(['U1', 'U2', 'U3']);
    // Each tick also forgets request keys older than a day (Slack's retries are long over by then).
    const kept = await database.db.handledRequest.findMany({ select: { key: true } });
    expect(kept.map((e) => e.key)).toEqual(['event:EvNEW']);
  });

  it('stop() waits for the sweep in progress to finish, and no sweep starts after it', async () => {
    const { scheduler, reports, started, firstSend, firstReport, release } = heldScheduler();
    const destroyed = new Promise<void>((resolve) => scheduler.task.once('task:destroyed', () => resolve()));
    await vi.advanceTimersToNextTimerAsync();
    await firstSend; // a sweep is in progress, its first send held open

    let stopResolved = false;
    const stopping = scheduler.stop().then(() => {
      stopResolved = true;
    });
    await destroyed;
    expect(scheduler.task.getStatus()).toBe('destroyed');
    await drainQueuedCallbacks();
    expect(stopResolved).toBe(false); // the held send is still open, so the sweep is still running

    // The minute passes while the sweep is held: the destroyed task arms no timer and starts nothing.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(started).toEqual(['scheduled']);

    release();
    await stopping;
    // The sweep that was running finished its sends before stop() resolved…
    expect(posted.map((p) => p.channel).sort()).toEqual(['U1', 'U2', 'U3']);
    const sent = await database.db.nudge.count({ where: { status: 'sent' } });
    expect(sent).toBe(3);
    await firstReport;
    // …and nothing runs afterwards: a later tick does not fire, and the sweep invoked by hand does nothing.
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(started).toEqual(['scheduled']);
    await scheduler.task.execute();
    expect(started).toEqual(['scheduled', 'invoked']);
    expect(posted).toHaveLength(3);
    expect(reports).toHaveLength(1);
  });

  // stop() waits for the whole tick: the pruning and the report after the sweep, not just the sweep
  // (the app closes the database right after it).
  it('stop() resolves only after the sweep in progress has reported (its housekeeping included)', async () => {
    const { scheduler, reports, firstSend, release } = heldScheduler();
    await vi.advanceTimersToNextTimerAsync();
    await firstSend;
    const stopping = scheduler.stop();
    release();
    await stopping;
    expect(reports).toHaveLength(1);
    expect(reports[0]?.sent).toHaveLength(3);
  });
});
