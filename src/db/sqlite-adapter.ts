// The SQLite driver adapter the app uses: Prisma's better-sqlite3 adapter with two changes that make
// writes safe when several processes (the app, `coach sweep`, `coach worker`) share one database file.
//
// What the stock adapter (@prisma/adapter-better-sqlite3 6.19) does:
// - One better-sqlite3 connection per Prisma client, shared by every caller in the process. Queries
//   are synchronous, so each one runs alone, but between two awaits of an interactive transaction any
//   other caller's query can run on the same connection.
// - `startTransaction` takes an in-process mutex (so two transactions of one client never interleave)
//   and runs a plain `BEGIN`: a DEFERRED transaction, which takes its snapshot at the first read and
//   asks for the write lock only at the first write. If another process committed in between, SQLite
//   cannot upgrade that stale snapshot and fails at once with SQLITE_BUSY_SNAPSHOT; busy_timeout does
//   not apply (waiting could never help). The client then rolls back and the caller gets an error:
//   the write is neither stored nor acknowledged.
// - Queries outside a transaction do not take the mutex. One issued by another caller while a
//   transaction is open therefore runs inside that transaction, and is silently undone if the
//   transaction rolls back, although its own caller was told it succeeded.
// - COMMIT and ROLLBACK are sent by the client as statements; the mutex is released only by the
//   `commit()` / `rollback()` that follow, so a failing COMMIT would leave it locked for good.
//
// What this adapter changes:
// 1. Transactions start with `BEGIN IMMEDIATE`: the write lock is taken before the first read, so the
//    snapshot is always the newest and SQLITE_BUSY_SNAPSHOT cannot happen. This covers interactive
//    `$transaction` callbacks and the transactions Prisma opens by itself (upserts, nested writes).
//    While another process holds the lock, BEGIN IMMEDIATE is retried with short, jittered sleeps
//    (busy_timeout is set to 0 just for that statement) instead of SQLite's busy handler, which would
//    block Node's event loop; the same deadline as busy_timeout applies.
// 2. Every query outside a transaction waits in the same first-in-first-out queue as transactions,
//    so it never runs inside another caller's open transaction. Consequence: a `$transaction` callback
//    must use its `tx` client only; a query on the outer client inside the callback would wait for the
//    callback's own transaction (until the transaction timeout rolls it back).
// 3. A failing COMMIT rolls the transaction back and frees the queue before the error goes up, so the
//    connection is never left inside a transaction, and retrying the whole transaction is safe.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];
type IsolationLevel = Parameters<SqlDriverAdapter['startTransaction']>[0];

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

export type LockLane = 'request' | 'background';

/**
 * The process's one database queue: one holder at a time, waiters served first-in-first-out within
 * their lane. Work a member is waiting on (`request`: saving a submission before its ack) goes before
 * everything else (`background`: Prisma's queries, App Home snapshots, sweeps); after eight request
 * turns in a row a waiting background task gets one, so nothing waits forever.
 */
export class FifoLock {
  private held = false;
  private readonly waiting: Record<LockLane, (() => void)[]> = { request: [], background: [] };
  private requestStreak = 0;

  /** Resolves with the release function once the lock is this caller's. */
  acquire(lane: LockLane = 'background'): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        let done = false;
        resolve(() => {
          if (done) return;
          done = true;
          this.held = false;
          this.next();
        });
      };
      this.waiting[lane].push(grant);
      if (!this.held) this.next();
    });
  }

  private next(): void {
    if (this.held) return;
    const { request, background } = this.waiting;
    const backgroundTurn = background.length > 0 && (request.length === 0 || this.requestStreak >= 8);
    const grant = backgroundTurn ? background.shift() : request.shift();
    if (!grant) return;
    this.requestStreak = backgroundTurn ? 0 : this.requestStreak + 1;
    this.held = true;
    grant();
  }

  async run<T>(task: () => Promise<T>, lane: LockLane = 'background'): Promise<T> {
    const release = await this.acquire(lane);
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/** The SQLite error code of a driver error (raw better-sqlite3 error or the adapter's wrapped one). */
function sqliteCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.cause?.originalCode === 'string') return e.cause.originalCode;
  return undefined;
}

export const isBusy = (error: unknown) => /^SQLITE_BUSY(_|$)/.test(sqliteCode(error) ?? '');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ImmediateSqliteOptions {
  /** The file (`file:` URL or path) to open. */
  url: string;
  /** How long a statement waits for another process's lock (busy_timeout, and for BEGIN IMMEDIATE). */
  busyTimeoutMs: number;
}

/** A Prisma adapter factory like `PrismaBetterSQLite3`, whose adapters behave as described above. */
export class ImmediateSqliteAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSQLite3;
  /** The one queue of this process's database work: Prisma's connection and the direct SQL path share it. */
  readonly lock = new FifoLock();

  constructor(private readonly options: ImmediateSqliteOptions) {
    this.inner = new PrismaBetterSQLite3({ url: options.url, timeout: options.busyTimeoutMs });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new ImmediateSqliteAdapter(await this.inner.connect(), this.options.busyTimeoutMs, this.lock);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new ImmediateSqliteAdapter(
      await this.inner.connectToShadowDb(),
      this.options.busyTimeoutMs,
      new FifoLock(),
    );
  }
}

class ImmediateSqliteAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly busyTimeoutMs: number,
    private readonly lock: FifoLock,
  ) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.lock.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.lock.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.lock.run(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; the stock adapter rejects any other level (Prisma's P2023)
    // before touching the connection, so let it answer those.
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE')
      return this.inner.startTransaction(isolationLevel);
    const release = await this.lock.acquire();
    try {
      await this.beginImmediate();
    } catch (error) {
      // Normally BEGIN itself failed and nothing is open; should restoring busy_timeout have failed
      // after it, do not leave the transaction open either.
      await this.inner.executeRaw(statement('ROLLBACK')).catch(() => undefined);
      release();
      throw error;
    }
    // Queries of the transaction go straight to the connection: the lock is already ours.
    return new ImmediateTransaction(this.inner, release);
  }

  /** BEGIN IMMEDIATE, waiting without blocking the event loop while another process holds the write lock. */
  private async beginImmediate(): Promise<void> {
    const deadline = Date.now() + this.busyTimeoutMs;
    await this.inner.queryRaw(statement('PRAGMA busy_timeout = 0'));
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.inner.executeRaw(statement('BEGIN IMMEDIATE'));
          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() >= deadline) throw error;
          // A random pause of 1 ms plus up to 1, 2, 4 … 32 ms, so waiting processes do not retry in step.
          await sleep(Math.random() * Math.min(32, 2 ** attempt) + 1);
        }
      }
    } finally {
      await this.inner.queryRaw(statement(`PRAGMA busy_timeout = ${this.busyTimeoutMs}`));
    }
  }

  dispose() {
    return this.inner.dispose();
  }
}

class ImmediateTransaction implements Transaction {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  // Prisma sends COMMIT / ROLLBACK as statements, then calls commit() / rollback().
  readonly options = { usePhantomQuery: false };

  constructor(
    private readonly connection: SqlDriverAdapter,
    private readonly release: () => void,
  ) {
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.connection.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    const sql = query.sql.trim().toUpperCase();
    if (sql !== 'COMMIT' && sql !== 'ROLLBACK') return this.connection.executeRaw(query);
    try {
      return await this.connection.executeRaw(query);
    } catch (error) {
      // After a failed COMMIT Prisma calls neither commit() nor rollback(): end the transaction here
      // (SQLite may have kept it open, e.g. on SQLITE_BUSY) and free the queue. A failed ROLLBACK
      // means SQLite already rolled back by itself (after an I/O error, say): nothing is left open.
      if (sql === 'COMMIT') await this.connection.executeRaw(statement('ROLLBACK')).catch(() => undefined);
      this.release();
      if (sql === 'ROLLBACK' && /no transaction is active/i.test(String((error as Error)?.message))) return 0;
      throw error;
    }
  }

  async commit(): Promise<void> {
    this.release();
  }

  async rollback(): Promise<void> {
    this.release();
  }
}
