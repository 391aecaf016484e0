// Applies the committed migration.sql files in order, one transaction each, and records them in
// `_prisma_migrations` with Prisma's own columns and checksums (sha256 of the file), so
// `prisma migrate status/deploy` elsewhere agrees with what the app applied.
// Postgres migrations are applied here rather than by the Prisma CLI because its migrate commands
// cannot run through the pg driver adapter (see README, "Why the app applies its own migrations").
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { DatabaseKind } from '../config';
import { PROJECT_ROOT } from '../core/build';

export function migrationsDir(kind: DatabaseKind): string {
  return join(PROJECT_ROOT, 'prisma', 'migrations', kind === 'sqlite' ? 'sqlite' : 'postgres');
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(`Migration ${name} was changed after it was applied; create a new migration instead.`);
    this.name = 'MigrationChecksumError';
  }
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

function pending(all: Migration[], applied: Map<string, string>): Migration[] {
  for (const m of all) {
    const checksum = applied.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) throw new MigrationChecksumError(m.name);
  }
  return all.filter((m) => !applied.has(m.name));
}

export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
}

export function migrateSqlite(databaseUrl: string, dir = migrationsDir('sqlite')): MigrationResult {
  const path = sqlitePath(databaseUrl);
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SQLITE_TABLE);
    const rows = db
      .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL')
      .all() as { migration_name: string; checksum: string }[];
    const todo = pending(readMigrations(dir), new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of todo) {
      const apply = db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), m.checksum, m.name);
      });
      apply.immediate();
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    db.close();
  }
}

/** Any fixed 64-bit key: replicas starting together take turns instead of racing. */
const MIGRATION_LOCK_KEY = 72_707_369;

export async function migratePostgres(
  databaseUrl: string,
  dir = migrationsDir('postgres'),
): Promise<MigrationResult> {
  // The driver loads with the first Postgres database (an SQLite deployment never needs it).
  const { Client } = createRequire(import.meta.url)('pg') as typeof pg;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const todo = pending(readMigrations(dir), new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of todo) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export function migrate(kind: DatabaseKind, databaseUrl: string): Promise<MigrationResult> {
  return kind === 'sqlite' ? Promise.resolve(migrateSqlite(databaseUrl)) : migratePostgres(databaseUrl);
}
