// node-cron runs the sweep every minute. `noOverlap` skips a tick while the previous sweep is still
// running (several processes may sweep at once safely; one process never runs two sweeps).

import type { WebClient } from '@slack/web-api';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../core/clock';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { pruneHandledRequests } from '../store/requests';
import { runCohortJobs } from './cohort-digests';
import type { DeliverOptions } from './deliver';
import { introTimeouts } from './intro-timeouts';
import type { PlanCursor } from './plan';
import { retentionPrune } from './retention';
import type { SlackForWorkspace } from './slack';
import { runSweep, type SweepReport } from './sweep';

export const SWEEP_SCHEDULE = '* * * * *';
const HANDLED_REQUESTS_KEPT_MS = 24 * 60 * 60 * 1000;
const CHANGE_MARGIN_MS = 2 * 60 * 1000;

export interface SchedulerOptions {
  db: Db;
  slack: WebClient | SlackForWorkspace;
  log: Log;
  clock: Clock;
  /** Cron pattern (default every minute). */
  schedule?: string;
  deliver?: DeliverOptions;
  planBatchSize?: number;
  /** RETENTION_MONTHS: conversations older than this many months are deleted nightly (off when unset). */
  retentionMonths?: number;
  /** Called after every sweep (tests, metrics). */
  onSweep?: (report: SweepReport) => void;
}

export interface NudgeScheduler {
  readonly task: ScheduledTask;
  /** Stops the schedule and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): NudgeScheduler {
  const { log } = options;
  const cursor: PlanCursor = { afterId: null };
  // Changes since the previous sweep (with a margin for clocks and slow commits) are planned first.
  let previousSweep: Date | null = null;
  let inFlight: Promise<unknown> | undefined;
  let stopped = false;
  const retention = retentionPrune(options.db, log, options.retentionMonths);
  const intros = introTimeouts(options.db, options.slack, log);

  /**
   * One tick: the sweep, then housekeeping and the report. `stop()` waits for all of it. Returns true
   * when the sweep stopped at its budget with nudges still due: the next sweep starts at once, so a
   * backlog goes out at Slack's pace rather than for 45 s of every minute.
   */
  const tick = async (now: Date): Promise<boolean> => {
    let swept: SweepReport | undefined;
    try {
      const report = await runSweep({
        now,
        db: options.db,
        slack: options.slack,
        log,
        plan: {
          cursor,
          changedSince: new Date((previousSweep ?? now).getTime() - CHANGE_MARGIN_MS),
          ...(options.planBatchSize ? { batchSize: options.planBatchSize } : {}),
        },
        ...(options.deliver ? { deliver: options.deliver } : {}),
      });
      // Housekeeping on the same beat: Slack stops retrying and replays expire within minutes, so a day is plenty.
      await pruneHandledRequests(options.db, new Date(now.getTime() - HANDLED_REQUESTS_KEPT_MS));
      swept = report;
    } catch (error) {
      log.error({ err: scrubTokens(String(error)) }, 'nudge sweep failed');
    }
    // The retention limit, once a night: it reports its own failures, and a failed sweep does not hold it back.
    await retention.maybeRun(now);
    // Warm-intro requests unanswered for a week close, and their requesters hear one kind no.
    await intros.run(now);
    // Cohorts' weekly digests and facilitators' notes, each once per week (see ./cohort-digests).
    try {
      await runCohortJobs({ now, db: options.db, slack: options.slack, log });
    } catch (error) {
      log.error({ err: scrubTokens(String(error)) }, 'cohort posts failed');
    }
    try {
      if (swept) options.onSweep?.(swept);
    } catch (error) {
      log.error({ err: scrubTokens(String(error)) }, 'nudge sweep report failed');
    }
    return swept?.budgetReached === true;
  };

  const sweep = async (): Promise<void> => {
    // A sweep that follows on from one stopped at its budget may still run when the minute's tick comes.
    if (stopped || inFlight) return;
    let again = true;
    while (again && !stopped) {
      const now = options.clock.now();
      const running = tick(now);
      inFlight = running;
      previousSweep = now;
      try {
        again = await running;
      } finally {
        if (inFlight === running) inFlight = undefined;
      }
    }
  };

  const task = cron.schedule(options.schedule ?? SWEEP_SCHEDULE, sweep, {
    name: 'nudge-sweep',
    noOverlap: true,
  });
  task.on('execution:overlap', () => log.debug('nudge sweep still running; skipping this tick'));
  log.info({ schedule: options.schedule ?? SWEEP_SCHEDULE }, 'nudge scheduler started');

  return {
    task,
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await inFlight?.catch(() => undefined);
      log.info('nudge scheduler stopped');
    },
  };
}
