// Direct SQL for the few writes on the busiest request path (saving a logged conversation). Prisma's
// client costs about a millisecond of CPU per statement (its query compiler runs on the main thread),
// which caps a burst of submissions at a few dozen a second; the same statements through the drivers
// cost microseconds. Everything else goes through Prisma.
//
// - SQLite: a second connection to the same file, used only inside the process's one database queue
//   (the FIFO lock Prisma's adapter uses too), so it never interleaves with Prisma's transactions;
//   transactions start with BEGIN IMMEDIATE and wait for other processes without blocking the event loop.
// - Postgres: a small pg pool; transactions are retried whole on serialization failures and deadlocks.
//
// Values are written as Prisma writes them (DateTime: ISO text on SQLite, timestamp(3) in UTC on
// Postgres; Boolean: 0/1 on SQLite), so both clients read each other's rows.
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { retryConflicts } from './retry';
import { type FifoLock, isBusy } from './sqlite-adapter';

export type SqlValue = string | number | boolean | null | Date;

export interface SqlTx {
  all<R>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  get<R>(sql: string, params?: readonly SqlValue[]): Promise<R | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** A DateTime column's value as a Date (each driver returns its own representation). */
  date(value: unknown): Date | null;
  /** A Boolean column's value. */
  bool(value: unknown): boolean;
}

export interface Sql {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs `work` in one write transaction; `work` must use only the given `tx`. */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Runs reads that need no transaction (each statement sees the latest committed data). */
  read<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  return new Date(String(value));
}

export function openSqliteSql(path: string, lock: FifoLock, busyTimeoutMs: number): Sql {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('busy_timeout = 0');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = conn.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bind = (params: readonly SqlValue[] = []) =>
    params.map((p) =>
      p instanceof Date ? p.toISOString().replace('Z', '+00:00') : typeof p === 'boolean' ? (p ? 1 : 0) : p,
    );
  const tx: SqlTx = {
    async all<R>(sql: string, params?: readonly SqlValue[]) {
      return prepare(sql).all(...bind(params)) as R[];
    },
    async get<R>(sql: string, params?: readonly SqlValue[]) {
      return prepare(sql).get(...bind(params)) as R | undefined;
    },
    async run(sql: string, params?: readonly SqlValue[]) {
      return prepare(sql).run(...bind(params)).changes;
    },
    date: parseDate,
    bool: (value) => value === 1 || value === true,
  };

  async function beginImmediate(): Promise<void> {
    const deadline = Date.now() + busyTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        conn.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await sleep(Math.random() * Math.min(32, 2 ** attempt) + 1);
      }
    }
  }

  return {
    kind: 'sqlite',
    transaction: (work) =>
      retryConflicts(() =>
        lock.run(async () => {
          await beginImmediate();
          try {
            const result = await work(tx);
            conn.exec('COMMIT');
            return result;
          } catch (error) {
            if (conn.inTransaction) conn.exec('ROLLBACK');
            throw error;
          }
          // A member waits on these (a submission's save before its ack): ahead of background work.
        }, 'request'),
      ),
    // Reads run in the queue's background lane: a member's save goes first.
    read: (work) => lock.run(() => work(tx)),
    close: async () => {
      await lock.run(async () => conn.close());
    },
  };
}

/** `?` placeholders as Postgres's `$1, $2, …` (no `?` appears in this app's SQL otherwise). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function openPostgresSql(url: string, max: number): Sql {
  // The driver loads with the first Postgres database (an SQLite deployment never needs it).
  const { Pool, types } = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new Pool({
    connectionString: url,
    max,
    // timestamp(3) columns hold UTC (as Prisma writes them): read them as UTC, whatever TZ is.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === 1114
          ? (text: string) => new Date(`${text.replace(' ', 'T')}Z`)
          : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
  });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped from the
  // pool by pg, and the next transaction opens a new one. Without a listener the error would end the
  // process.
  pool.on('error', () => undefined);
  const texts = new Map<string, string>();
  const text = (sql: string) => {
    let converted = texts.get(sql);
    if (!converted) {
      converted = numbered(sql);
      texts.set(sql, converted);
    }
    return converted;
  };
  const bind = (params: readonly SqlValue[] = []) =>
    params.map((p) => (p instanceof Date ? p.toISOString().replace('Z', '') : p));

  const txOn = (client: pg.PoolClient): SqlTx => ({
    async all<R>(sql: string, params?: readonly SqlValue[]) {
      return (await client.query(text(sql), bind(params))).rows as R[];
    },
    async get<R>(sql: string, params?: readonly SqlValue[]) {
      return (await client.query(text(sql), bind(params))).rows[0] as R | undefined;
    },
    async run(sql: string, params?: readonly SqlValue[]) {
      return (await client.query(text(sql), bind(params))).rowCount ?? 0;
    },
    date: parseDate,
    bool: (value) => value === true,
  });

  return {
    kind: 'postgres',
    read: async (work) => {
      const client = await pool.connect();
      try {
        return await work(txOn(client));
      } finally {
        client.release();
      }
    },
    transaction: (work) =>
      retryConflicts(async () => {
        const client = await pool.connect();
        const tx = txOn(client);
        try {
          await client.query('BEGIN');
          const result = await work(tx);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
    close: () => pool.end(),
  };
}
