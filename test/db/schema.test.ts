// The derived Postgres schema and both migration folders must match the canonical schema.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CANONICAL_SCHEMA,
  derivePostgresSchema,
  MIGRATION_DIRS,
  POSTGRES_SCHEMA,
} from '../../scripts/schema-lib.mjs';
import { migratePostgres, migrateSqlite, readMigrations } from '../../src/db/migrate';
import { POSTGRES_URL, postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../support/db';

function diffFromEmpty(schema: string): string {
  return execFileSync(
    process.execPath,
    [
      'node_modules/prisma/build/index.js',
      'migrate',
      'diff',
      '--from-empty',
      '--to-schema-datamodel',
      schema,
      '--script',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/nonexistent', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    },
  );
}

function latestSnapshot(dir: string): string {
  const last = readdirSync(dir).sort().at(-1);
  if (!last) throw new Error(`${dir} has no migrations`);
  return readFileSync(join(dir, last, 'schema.prisma'), 'utf8');
}

describe('schema files', () => {
  it('prisma/postgres/schema.prisma is derived from the canonical schema (run npm run db:schema)', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(derivePostgresSchema());
  });

  it('the newest migration of each provider leads to the current schema (run npm run db:migration -- <name>)', () => {
    expect(latestSnapshot(MIGRATION_DIRS.sqlite)).toBe(readFileSync(CANONICAL_SCHEMA, 'utf8'));
    expect(latestSnapshot(MIGRATION_DIRS.postgres)).toBe(readFileSync(POSTGRES_SCHEMA, 'utf8'));
  });
});

/** Tables, columns, indexes and foreign keys of a SQLite database, normalised for comparison. */
function sqliteShape(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    const shape: string[] = [];
    for (const { name } of tables) {
      for (const c of db.prepare('SELECT * FROM pragma_table_info(?) ORDER BY name').all(name))
        shape.push(`${name} column ${JSON.stringify(c)}`);
      for (const i of db
        .prepare('SELECT name, "unique" FROM pragma_index_list(?) ORDER BY name')
        .all(name) as { name: string }[]) {
        const cols = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name);
        shape.push(`${name} index ${JSON.stringify(i)} ${JSON.stringify(cols)}`);
      }
      for (const f of db
        .prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"')
        .all(name))
        shape.push(`${name} fk ${JSON.stringify(f)}`);
    }
    return shape;
  } finally {
    db.close();
  }
}

describe('SQLite migrations', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('applying every migration gives exactly the schema', () => {
    const migrated = sqliteTestDatabase();
    const expected = sqliteTestDatabase();
    dbs.push(migrated, expected);
    migrateSqlite(migrated.url);
    const direct = new Database(migrated.url.replace('file:', '').replace('coach.db', 'direct.db'));
    direct.exec(diffFromEmpty(CANONICAL_SCHEMA));
    direct.close();
    expect(sqliteShape(migrated.url.replace('file:', ''))).toEqual(
      sqliteShape(migrated.url.replace('file:', '').replace('coach.db', 'direct.db')),
    );
  });

  it('is idempotent and recorded the way Prisma records migrations', () => {
    const d = sqliteTestDatabase();
    dbs.push(d);
    const first = migrateSqlite(d.url);
    const second = migrateSqlite(d.url);
    expect(first.applied.length).toBe(readMigrations(MIGRATION_DIRS.sqlite).length);
    expect(second.applied).toEqual([]);
    const db = new Database(d.url.replace('file:', ''), { readonly: true });
    const rows = db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations').all() as {
      migration_name: string;
      checksum: string;
      finished_at: string | null;
    }[];
    db.close();
    expect(rows.map((r) => r.migration_name)).toEqual(
      readMigrations(MIGRATION_DIRS.sqlite).map((m) => m.name),
    );
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations(MIGRATION_DIRS.sqlite).map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at)).toBe(true);
  });
});

describe.runIf(POSTGRES_URL)('Postgres migrations', () => {
  async function columns(url: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const cols = await client.query(
        `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name != '_prisma_migrations' ORDER BY table_name, column_name`,
      );
      const idx = await client.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations' ORDER BY indexname`,
      );
      const fks = await client.query(
        `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE contype = 'f' ORDER BY conname`,
      );
      return [
        ...cols.rows.map((r) => Object.values(r).join(' ')),
        ...idx.rows.map((r) => `${r.indexname} ${r.indexdef}`),
        ...fks.rows.map((r) => `${r.conname} ${r.def}`),
      ];
    } finally {
      await client.end();
    }
  }

  it('applying every migration gives exactly the schema, once, under concurrent starts', async () => {
    const migrated = await postgresTestDatabase();
    const expected = await postgresTestDatabase();
    try {
      // Two replicas starting together: the advisory lock makes one wait for the other.
      const results = await Promise.all([migratePostgres(migrated.url), migratePostgres(migrated.url)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([
        0,
        readMigrations(MIGRATION_DIRS.postgres).length,
      ]);
      const client = new pg.Client({ connectionString: expected.url });
      await client.connect();
      try {
        await client.query(diffFromEmpty(POSTGRES_SCHEMA));
      } finally {
        await client.end();
      }
      expect(await columns(migrated.url)).toEqual(await columns(expected.url));
    } finally {
      await migrated.drop();
      await expected.drop();
    }
  });
});
