// `coach worker` (the scheduler alone, no HTTP app) and `coach sweep --now … [--dry-run]`.
import type { Config } from '../config';
import { systemClock } from '../core/clock';
import { openDatabase } from '../db/client';
import type { Log } from '../log';
import { runCohortJobs } from './cohort-digests';
import { runIntroTimeouts } from './intro-timeouts';
import { deliveryClientFor, startNudgeScheduler } from './runtime';
import type { NudgeScheduler } from './scheduler';
import { formatSweepReport, runSweep, type SweepReport } from './sweep';

/** Parses the --now option: an ISO 8601 time (default: the current time). */
export function parseSweepTime(value: string | undefined, current: Date = new Date()): Date | null {
  if (value === undefined || value === '') return current;
  const trimmed = value.trim();
  // A bare date or time without a zone would depend on the machine's zone: ask for an explicit one.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return null;
  const at = new Date(trimmed);
  return Number.isNaN(at.getTime()) ? null : at;
}

export interface SweepCommandOptions {
  config: Config;
  log: Log;
  now: Date;
  dryRun: boolean;
  /** Where report lines go (stdout in the CLI). */
  print: (line: string) => void;
  /** Override the Slack API base URL (tests). */
  slackApiUrl?: string;
}

/** One sweep as of `now`; prints one line per nudge (never its text). */
export async function sweepCommand(options: SweepCommandOptions): Promise<SweepReport> {
  const { config, log } = options;
  const database = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  try {
    const slack = options.dryRun
      ? () => undefined
      : deliveryClientFor(config, database.db, log, options.slackApiUrl);
    const report = await runSweep({
      now: options.now,
      db: database.db,
      slack,
      log,
      dryRun: options.dryRun,
      plan: { all: true },
    });
    for (const line of formatSweepReport(report)) options.print(line);
    if (!options.dryRun) {
      // The rest of what a scheduler tick does, so `coach sweep --now` previews a whole moment.
      const intros = await runIntroTimeouts({ now: options.now, db: database.db, slack, log });
      const cohorts = await runCohortJobs({ now: options.now, db: database.db, slack, log });
      for (const post of cohorts.posts) {
        options.print(`  cohort ${post.kind} ${post.week} in ${post.workspaceId}: ${post.outcome}`);
      }
      if (intros.expired + intros.told > 0) {
        options.print(`  warm intros: ${intros.expired} closed unanswered, ${intros.told} requester(s) told`);
      }
    }
    return report;
  } finally {
    await database.close();
  }
}

export interface RunningWorker {
  scheduler: NudgeScheduler;
  stop(): Promise<void>;
}

/** The scheduler on its own: for a deployment that runs the sweep apart from the bot (SCHEDULER_ENABLED=false there). */
export async function startWorker(config: Config, log: Log): Promise<RunningWorker> {
  const database = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  try {
    const scheduler = startNudgeScheduler({ config, db: database.db, log, clock: systemClock });
    return {
      scheduler,
      async stop() {
        await scheduler.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
