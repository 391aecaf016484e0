// RETENTION_MONTHS: conversations older than that are deleted, once a night, by the process that runs
// the nudge sweep (the bot, or `coach worker`). Several processes may do it at once safely.
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { deleteConversationsOlderThan } from '../store/erase';

/** After a failed run, the next one is tried this much later (not on every minute's tick). */
const RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The moment `months` calendar months before `now` (UTC); the day of the month is clamped, so
 * 31 March less one month is 28 (or 29) February at the same time of day.
 */
export function retentionCutoff(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return cutoff;
}

/** The start of the UTC day after `now`. */
function nextMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export interface RetentionPrune {
  /** Runs the prune when it is due (the first call, then the first after each UTC midnight). */
  maybeRun(now: Date): Promise<void>;
}

/** The nightly prune for a retention of `months` months; doing nothing when `months` is undefined. */
export function retentionPrune(db: Db, log: Log, months: number | undefined): RetentionPrune {
  let dueAt: Date | null = null;
  return {
    async maybeRun(now) {
      if (!months) return;
      if (dueAt && now < dueAt) return;
      const before = retentionCutoff(now, months);
      try {
        const { count } = await deleteConversationsOlderThan(db, before);
        dueAt = nextMidnight(now);
        log.info(
          { retentionMonths: months, before: before.toISOString(), count },
          'old conversations deleted',
        );
      } catch (error) {
        dueAt = new Date(now.getTime() + RETRY_AFTER_MS);
        log.error({ err: scrubTokens(String(error)) }, 'deleting old conversations failed');
      }
    },
  };
}
