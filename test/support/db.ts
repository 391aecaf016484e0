// Test databases: a fresh SQLite file per test, or a fresh Postgres database when TEST_DATABASE_URL
// is set (CI sets it, so Postgres tests always run there).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config';

export const POSTGRES_URL: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function sqliteTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'coach-test-'));
  return {
    url: `file:${join(dir, 'coach.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates an empty database on the server TEST_DATABASE_URL points at. */
export async function postgresTestDatabase(baseUrl = POSTGRES_URL): Promise<TestDatabase> {
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `coach_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // CREATE DATABASE copies template1 and fails if another copy is in progress: take turns.
    await admin.query('SELECT pg_advisory_lock(7270001)');
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The database kinds a suite should run against: SQLite always, Postgres when configured. */
export const DATABASE_KINDS: { kind: 'sqlite' | 'postgres'; create: () => Promise<TestDatabase> }[] = [
  { kind: 'sqlite', create: async () => sqliteTestDatabase() },
  ...(POSTGRES_URL ? [{ kind: 'postgres' as const, create: () => postgresTestDatabase() }] : []),
];

/**
 * The app's config in sandbox mode (no Slack credentials) on `databaseUrl`: free ports, no scheduler (tests
 * run sweeps themselves), drafts on the event loop; `env` adds or overrides settings.
 */
export function sandboxTestConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    SANDBOX_PORT: '0',
    HOST: '127.0.0.1',
    SCHEDULER_ENABLED: 'false',
    DRAFT_THREADS: '0',
    ...env,
  });
  if (config.slack.kind !== 'sandbox') throw new Error(`expected sandbox mode, got ${config.slack.kind}`);
  return config;
}
