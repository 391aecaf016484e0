// Retrying whole transactions that lost a race with another writer.
//
// What is retried: `$transaction` only (the callback form and the array form), and only when the
// database said the transaction could not go through because of a concurrent one:
// - SQLite: SQLITE_BUSY and its extended codes (the write lock stayed taken past the lock wait, or a
//   snapshot went stale) and SQLITE_LOCKED (a conflict inside the connection or shared cache);
// - Postgres: serialization failures (SQLSTATE 40001, Prisma's P2034) and deadlocks (40P01).
// In every one of these cases the database rolled the transaction back (or we did: see
// sqlite-adapter.ts for a failing COMMIT), so nothing of the failed attempt is stored, and running
// the callback again on a fresh transaction is the same as running it once, later. Callbacks must
// therefore hold only database work (no Slack calls, no other side effects), as they do in src/store.
//
// What is not retried:
// - any other error (constraint violations, validation, an error the callback throws itself,
//   timeouts, a lost connection: a COMMIT whose answer never arrived may have been applied);
// - single queries outside `$transaction`. On SQLite they need no retry: an autocommit statement takes
//   its snapshot and the write lock in one step and waits for the lock under busy_timeout, and the
//   transactions Prisma opens for one operation start with BEGIN IMMEDIATE. A single query that still
//   fails is reported to its caller instead of being re-sent, since the client cannot know whether an
//   operation made of several statements had partly run.
// The app's Db type (client.ts) is this client; naming it here keeps retry.ts free of client.ts.
import type { PrismaClient as Db } from './generated/sqlite/client';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** The first backoff; each later one may be twice as long, up to maxDelayMs (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
}

const TRANSACTION_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 20, maxDelayMs: 500 };

const SQLITE_CONFLICT = /^SQLITE_(BUSY|LOCKED)(_[A-Z]+)?$/;
const POSTGRES_CONFLICT = new Set(['40001', '40P01']);
/** Prisma's code for "Transaction failed due to a write conflict or a deadlock. Please retry". */
const PRISMA_WRITE_CONFLICT = 'P2034';

/**
 * True when the error says the transaction lost a race with a concurrent one. Prisma wraps driver
 * errors in several ways (its own error with `code` and `meta.driverAdapterError`, the adapter's
 * DriverAdapterError with `cause.originalCode`, or the driver's error itself), so every `code`,
 * `originalCode` and `kind` along the `cause` / `meta.driverAdapterError` chain is looked at.
 */
export function isTransactionConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const e = value as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== 'string') continue;
      if (SQLITE_CONFLICT.test(code) || POSTGRES_CONFLICT.has(code) || code === PRISMA_WRITE_CONFLICT)
        return true;
    }
    if (e.kind === 'TransactionWriteConflict') return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails with an error that is not a conflict, or runs out of attempts. */
export async function retryConflicts<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = TRANSACTION_RETRY,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= policy.attempts || !isTransactionConflict(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      await sleep(Math.random() * ceiling);
    }
  }
}

/**
 * The same client, whose `$transaction` retries conflicts (a Prisma client extension; every other
 * method and the `tx` client handed to callbacks are the client's own). Typed as `Db`, so callers are
 * unchanged.
 */
export function withTransactionRetries(client: Db, policy: RetryPolicy = TRANSACTION_RETRY): Db {
  const extended = client.$extends({
    name: 'transaction-retries',
    client: {
      $transaction(input: unknown, options?: unknown): Promise<unknown> {
        // The array form may be sent again: Prisma re-runs batch queries each time they are requested.
        return retryConflicts(
          () => client.$transaction(input as never, options as never) as Promise<unknown>,
          policy,
        );
      },
    },
  });
  return extended as unknown as Db;
}
