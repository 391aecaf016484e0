// The app as `npm start` runs it: built by scripts/build.mjs and started from the bundle as a process
// of its own, over signed HTTP against the stand-in. Checks what differs from running the sources: the
// migrations are found from the build's folder, and the thank-you is drafted on the build's worker.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { ALICE, BOB, SIGNING_SECRET, TEAM } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { openModal, submitModal, visibleText } from '../support/slack-play';

const ROOT = join(import.meta.dirname, '../..');
const OUT = 'dist-test-build';

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the compiled build (npm start)', { timeout: 90_000 }, () => {
  let standIn: SlackStandIn;
  let database: TestDatabase;
  let app: ChildProcess | undefined;
  let output = '';
  let h: Pick<Harness, 'driver' | 'standIn'>;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['scripts/build.mjs', OUT], { cwd: ROOT });
    standIn = createSlackStandIn({ teams: [TEAM], users: [ALICE, BOB] });
    const { apiUrl } = await standIn.listen(0);
    database = sqliteTestDatabase();
    const port = await freePort();
    app = spawn(process.execPath, [join(OUT, 'cli.mjs'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        SLACK_BOT_TOKEN: TEAM.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: apiUrl,
        SCHEDULER_ENABLED: 'false',
        LOG_LEVEL: 'info',
        DRAFT_THREADS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    app.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    const appUrl = `http://127.0.0.1:${port}`;
    // Started once the health check answers (the first start migrates the new database).
    for (;;) {
      if (app.exitCode !== null) throw new Error(`the built app exited:\n${output}`);
      const ok = await fetch(`${appUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    h = {
      standIn,
      driver: new SlackDriver({
        appUrl,
        signingSecret: SIGNING_SECRET,
        slack: standIn,
        teamId: TEAM.id,
        appId: TEAM.appId,
      }),
    };
  });

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app?.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    await standIn?.close();
    database?.drop();
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
  });

  it('logs a conversation and DMs the thank-you drafted on the build’s worker thread', async () => {
    const view = await openModal(h as Harness, ALICE.id, 'log Jane Doe');
    const res = await submitModal(h as Harness, ALICE.id, view, {
      Role: 'UX Researcher',
      'What I learned': 'She moved from nursing into UX research and now leads a small team.',
      "One thing I'll act on": 'rebuild my portfolio around one research question',
    });
    expect(res.text).toBe('');
    const dm = await standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id, 30_000);
    const text = visibleText(dm.args);
    expect(text).toContain('Hi Jane,');
    expect(text).toContain('you moved from nursing into UX research and now lead a small team');
    expect(output).not.toContain('drafted on the main thread');
    expect(output).not.toContain('drafts are written on the main thread');
  });
});
