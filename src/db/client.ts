// One Db type for the whole app, backed by SQLite (embedded default) or Postgres (several replicas).
// Both generated clients come from the same schema, so their model APIs are identical; the Postgres
// client is typed through the SQLite one.
//
// Concurrency (see sqlite-adapter.ts and retry.ts for the details):
// - SQLite: one connection per process; transactions start with BEGIN IMMEDIATE and every query waits
//   its turn, so a read-then-write transaction never meets a stale snapshot when another process
//   (`coach sweep`, `coach worker`) writes the same file.
// - Both: `$transaction` is retried, whole, when it lost a race with a concurrent transaction
//   (SQLITE_BUSY / SQLITE_LOCKED, Postgres serialization failures and deadlocks).
import type { DatabaseKind } from '../config';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { migrate, sqlitePath } from './migrate';
import { withTransactionRetries } from './retry';
import { openPostgresSql, openSqliteSql, type Sql } from './sql';
import { ImmediateSqliteAdapterFactory } from './sqlite-adapter';

export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client';
export type { Sql, SqlTx } from './sql';

const directSql = new WeakMap<object, Sql>();

/** The direct SQL path of a database opened by openDatabase (see sql.ts for when it is used). */
export function sqlOf(db: Db): Sql {
  const sql = directSql.get(db);
  if (!sql) throw new Error('this client was not opened by openDatabase');
  return sql;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
}

export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** Postgres pool size per process (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number;
}

const DEFAULT_POOL_SIZE = 10;

/** How often a long-lived SQLite connection refreshes the planner's statistics (SQLite: hourly or daily). */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/** How long an SQLite statement waits for another process's write lock. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

// Waiting to start a transaction is normal under load: on SQLite it queues behind this process's
// other queries and transactions on the one connection, on Postgres for a free pool connection.
// Prisma's default (2 s) would fail such a transaction, unstored and unacknowledged, when a burst of
// requests arrives at once; the time a started transaction may take stays Prisma's default (5 s).
const TRANSACTION_OPTIONS = { maxWait: 10_000 };

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const kind: DatabaseKind = url.startsWith('file:') ? 'sqlite' : 'postgres';
  if (options.migrate !== false) await migrate(kind, url);
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const { db, sql } = kind === 'sqlite' ? await openSqlite(url) : await openPostgres(url, poolSize);
  directSql.set(db, sql);
  // SQLite's planner statistics kept current as the tables grow (see openSqlite); most runs find
  // nothing to do.
  const optimizer =
    kind === 'sqlite'
      ? setInterval(
          () => void db.$executeRawUnsafe('PRAGMA optimize').catch(() => undefined),
          OPTIMIZE_EVERY_MS,
        )
      : undefined;
  optimizer?.unref();
  return {
    db,
    kind,
    close: async () => {
      clearInterval(optimizer);
      await sql.close().catch(() => undefined);
      await db.$disconnect();
    },
    ping: async () => {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

async function openSqlite(url: string): Promise<{ db: Db; sql: Sql }> {
  const path = sqlitePath(url);
  const adapter = new ImmediateSqliteAdapterFactory({
    url: `file:${path}`,
    busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS,
  });
  const db = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  // Per-connection settings: the adapter holds one connection for the client's lifetime.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$executeRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  // Statistics for the query planner, as SQLite advises for long-lived connections (here at open, and
  // hourly in openDatabase). Without them it reads "this member's pending nudges" through the
  // (status, dueAt) index, every pending nudge of every member (seconds per sweep once the table holds
  // a million rows). analysis_limit keeps the first analysis of a large database to about 0.1 s; after
  // that this costs nothing until the tables change a lot.
  await db.$queryRawUnsafe('PRAGMA analysis_limit = 400');
  await db.$executeRawUnsafe('PRAGMA optimize = 0x10002');
  return {
    db: withTransactionRetries(db),
    sql: openSqliteSql(path, adapter.lock, SQLITE_BUSY_TIMEOUT_MS),
  };
}

/** DATABASE_POOL_SIZE shared between Prisma's pool and the direct SQL path's (half, at least one). */
function splitPool(max: number): { prisma: number; direct: number } {
  const direct = Math.max(1, Math.floor(max / 2));
  return { prisma: Math.max(1, max - direct), direct };
}

async function openPostgres(url: string, max: number): Promise<{ db: Db; sql: Sql }> {
  // Postgres' client, adapter and driver load only when the database is Postgres: a few dozen modules
  // an SQLite deployment never uses, at every start.
  const [{ PrismaPg }, { PrismaClient: PostgresClient }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('./generated/postgres/client'),
  ]);
  const share = splitPool(max);
  const adapter = new PrismaPg({ connectionString: url, max: share.prisma });
  const db = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  return { db: withTransactionRetries(db as unknown as Db), sql: openPostgresSql(url, share.direct) };
}
