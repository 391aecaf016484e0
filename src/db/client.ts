// One Db type for the whole app, backed by SQLite (embedded default) or Postgres (several replicas).
// Both generated clients come from the same schema, so their model APIs are identical; the Postgres
// client is typed through the SQLite one.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseKind } from '../config';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { migrate, sqlitePath } from './migrate';

export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client';

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
  /** Postgres pool size per process. */
  poolSize?: number;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const kind: DatabaseKind = url.startsWith('file:') ? 'sqlite' : 'postgres';
  if (options.migrate !== false) await migrate(kind, url);
  const db = kind === 'sqlite' ? await openSqlite(url) : openPostgres(url, options.poolSize ?? 10);
  return {
    db,
    kind,
    close: () => db.$disconnect(),
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

async function openSqlite(url: string): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 5000 });
  const db = new SqliteClient({ adapter });
  // Per-connection settings: the adapter holds one connection for the client's lifetime.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  await db.$executeRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  return db;
}

function openPostgres(url: string, max: number): Db {
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PostgresClient({ adapter }) as unknown as Db;
}
