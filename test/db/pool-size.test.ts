// DATABASE_POOL_SIZE: validated with the rest of the configuration, and on Postgres the number of
// connections one process opens at most.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { openDatabase, sqlOf } from '../../src/db/client';
import { POSTGRES_URL, postgresTestDatabase, type TestDatabase } from '../support/db';

describe('DATABASE_POOL_SIZE', () => {
  it('defaults to 10 and accepts 2 to 100', () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '2' }).databasePoolSize).toBe(2);
    expect(loadConfig({ DATABASE_POOL_SIZE: ' 25 ' }).databasePoolSize).toBe(25);
    expect(loadConfig({ DATABASE_POOL_SIZE: '100' }).databasePoolSize).toBe(100);
  });

  it.each(['0', '1', '101', '2.5', 'lots', '-3'])('refuses %j, naming the key but not the value', (value) => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_POOL_SIZE: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_POOL_SIZE /);
    expect(problems[0]).not.toContain(value);
  });
});

describe.runIf(POSTGRES_URL)('the Postgres pool size', () => {
  let testDb: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    testDb = await postgresTestDatabase();
    // Migrate once, so the measured processes below open no migration connection of their own.
    await (await openDatabase(testDb.url, { poolSize: 2 })).close();
    admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await testDb?.drop();
  });

  /** Runs `queries` half-second queries at once; the most connections of this database that had run one of them. */
  async function busiestMoment(poolSize: number | undefined, queries: number): Promise<number> {
    const database = await openDatabase(testDb.url, {
      migrate: false,
      ...(poolSize === undefined ? {} : { poolSize }),
    });
    const dbName = new URL(testDb.url).pathname.slice(1);
    try {
      let done = false;
      // Through both of the process's paths at once: Prisma's client and the direct SQL path.
      const running = Promise.all([
        ...Array.from({ length: queries }, () =>
          database.db.$queryRawUnsafe('SELECT 1 AS one FROM pg_sleep(0.5)'),
        ),
        ...Array.from({ length: queries }, () =>
          sqlOf(database.db).transaction((tx) => tx.all('SELECT 1 AS one FROM pg_sleep(0.5)')),
        ),
      ]).finally(() => {
        done = true;
      });
      let most = 0;
      while (!done) {
        const { rows } = await admin.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(0.5)%'
             AND pid <> pg_backend_pid()`,
          [dbName],
        );
        most = Math.max(most, Number(rows[0]?.n ?? 0));
      }
      await running;
      return most;
    } finally {
      await database.close();
    }
  }

  it('opens at most the configured number of connections', async () => {
    expect(await busiestMoment(3, 8)).toBe(3);
  });

  it('opens 10 when no size is given', async () => {
    expect(await busiestMoment(undefined, 14)).toBe(10);
  });
});
