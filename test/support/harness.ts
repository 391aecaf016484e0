// The whole app over signed HTTP against the Slack stand-in: the deepest test level.
import { Writable } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { createSlackStandIn, type SlackStandIn, type StandInUser } from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { Cleanup } from './cleanup';
import { TestClock } from './clock';
import { sqliteTestDatabase, type TestDatabase } from './db';
import { ALICE, BOB, SIGNING_SECRET, TEAM } from './fixtures';

// The fixtures live in ./fixtures and ./clock; these names stay importable from here.
export { ALICE, BOB, SIGNING_SECRET, TEAM, TestClock };

export interface Harness {
  driver: SlackDriver;
  standIn: SlackStandIn;
  coach: RunningCoach;
  db: Db;
  clock: TestClock;
  appUrl: string;
  /** Everything the app logged, one JSON line each. */
  logs: string[];
  /** Resolves once the app's work after the ack (DMs, coalesced App Home publishes) is done. */
  settle(): Promise<void>;
  /** Stops the app and the stand-in, and drops the database unless the caller passed its own. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  database?: TestDatabase;
  clock?: TestClock;
  users?: StandInUser[];
  env?: Record<string, string>;
}

/** Starts the stand-in and the app; whatever started is stopped again if a later step fails. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const cleanup = new Cleanup();
  try {
    const database = options.database ?? sqliteTestDatabase();
    if (!options.database) cleanup.add(() => database.drop());
    const standIn = createSlackStandIn({ teams: [TEAM], users: options.users ?? [ALICE, BOB] });
    cleanup.add(() => standIn.close());
    const { apiUrl } = await standIn.listen(0);
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'debug',
      // Drafts on the event loop: a worker thread per test app would load the coaching modules again
      // (seconds on a busy machine). test/e2e/draft-worker.test.ts runs the app's default, a worker.
      DRAFT_THREADS: '0',
      ...options.env,
    });
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const clock = options.clock ?? new TestClock();
    const coach = await startCoach(config, createLogger(config.logLevel, sink), { clock });
    cleanup.add(() => coach.stop());
    const appUrl = `http://127.0.0.1:${coach.port}`;
    const driver = new SlackDriver({
      appUrl,
      signingSecret: SIGNING_SECRET,
      slack: standIn,
      teamId: TEAM.id,
      appId: TEAM.appId,
    });
    return {
      driver,
      standIn,
      coach,
      db: coach.db,
      clock,
      appUrl,
      logs,
      settle: () => coach.slack.settle(),
      stop: () => cleanup.run(),
    };
  } catch (error) {
    await cleanup.run().catch(() => undefined);
    throw error;
  }
}

/**
 * A fresh harness for every test of the enclosing describe (started before each test, stopped after
 * it, pass or fail), its clock at `start`, on a database `database` makes (dropped afterwards; a new
 * SQLite file by default). The object returned always reaches the current test's harness.
 */
export function useHarness(
  options: {
    start?: Date | string;
    database?: () => TestDatabase | Promise<TestDatabase>;
    users?: StandInUser[];
    env?: Record<string, string>;
  } = {},
): Harness {
  let current: Harness | undefined;
  const cleanup = new Cleanup();
  beforeEach(async () => {
    const database = options.database ? await options.database() : undefined;
    if (database) cleanup.add(() => database.drop());
    const started = await startHarness({
      database,
      clock: new TestClock(options.start ?? new Date()),
      users: options.users,
      env: options.env,
    });
    cleanup.add(() => started.stop());
    current = started;
  });
  afterEach(async () => {
    current = undefined;
    await cleanup.run();
  });
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('The harness runs only inside a test');
      return Reflect.get(current, key);
    },
  });
}

/** The app's log lines at error level or above (pino's 50+). */
export function errorsLogged(h: Harness): string[] {
  return h.logs.filter((line) => ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50);
}
