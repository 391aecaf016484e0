// `coach try`: a slash command played against the running sandbox app from a terminal; a command that
// opens a modal points to the sandbox page, where the modal can be filled in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log';
import { type RunningCoach, startCoach } from '../src/main';
import { runCoach as coach } from './support/cli';
import { sandboxTestConfig, sqliteTestDatabase } from './support/db';

describe('coach try', () => {
  const database = sqliteTestDatabase();
  let app: RunningCoach;

  beforeAll(async () => {
    app = await startCoach(sandboxTestConfig(database.url), createLogger('silent'));
  });
  afterAll(async () => {
    await app?.stop();
    database.drop();
  });

  it('prints the answer to a command', async () => {
    const run = await coach(['try', '/coach help'], { PORT: String(app.port) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('/coach log');
    expect(run.stdout).not.toContain('sandbox page');
  });

  it('says which modal opened, and where to fill it in', async () => {
    const run = await coach(['try', '/coach add Jane Doe'], { PORT: String(app.port) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(opened the ".+" modal\)/);
    expect(run.stdout).toContain(`Fill it in on the sandbox page: http://localhost:${app.port}/`);
  });
});
