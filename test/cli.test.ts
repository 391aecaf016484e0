// The `coach` command as a user runs it: a real process, environment in, exit code and output out.
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir, readMigrations } from '../src/db/migrate';
import { runCoach as coach } from './support/cli';
import { sqliteTestDatabase } from './support/db';

describe('coach CLI', () => {
  const database = sqliteTestDatabase();
  afterAll(() => database.drop());

  it('migrate applies the migrations once, then none', async () => {
    const first = await coach(['migrate'], { DATABASE_URL: database.url });
    expect(first.code).toBe(0);
    const count = readMigrations(migrationsDir('sqlite')).length;
    expect(first.stdout).toContain(`${count} migration(s) applied`);
    const second = await coach(['migrate'], { DATABASE_URL: database.url });
    expect(second.stdout).toContain(`0 migration(s) applied, ${count} already applied`);
  });

  it('exits 2 naming the bad key, without printing its value', async () => {
    const result = await coach(['migrate'], {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-secret-value-123',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(result.stderr + result.stdout).not.toContain('secret-value-123');
  });

  it('sweep --dry-run changes nothing and says so', async () => {
    const result = await coach(['sweep', '--dry-run', '--now', '2026-03-02T14:00:00Z'], {
      DATABASE_URL: database.url,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing was changed');
  });
});
