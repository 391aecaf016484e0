// The whole app over signed HTTP against the Slack stand-in: the deepest test level.
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import type { Clock } from '../../src/core/clock';
import type { Db } from '../../src/db/client';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { createSlackStandIn, type SlackStandIn, type StandInTeam, type StandInUser } from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { sqliteTestDatabase, type TestDatabase } from './db';

export const TEAM: StandInTeam = {
  id: 'T0TEST1',
  name: 'Test Bootcamp',
  domain: 'test-bootcamp',
  botToken: 'xoxb-test-0001-secret',
  botUserId: 'U0TESTBOT',
  botId: 'B0TESTBOT',
  appId: 'A0TESTAPP',
  homeTabEnabled: true,
};

export const ALICE: StandInUser = {
  id: 'U0ALICE',
  teamId: TEAM.id,
  name: 'alice',
  realName: 'Alice Chen',
  tz: 'America/New_York',
};
export const BOB: StandInUser = {
  id: 'U0BOB',
  teamId: TEAM.id,
  name: 'bob',
  realName: 'Bob Meyer',
  tz: 'Europe/Berlin',
};
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private current: number;
  constructor(start: Date | string = new Date()) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

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
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    database?: TestDatabase;
    clock?: TestClock;
    users?: StandInUser[];
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const database = options.database ?? sqliteTestDatabase();
  const standIn = createSlackStandIn({ teams: [TEAM], users: options.users ?? [ALICE, BOB] });
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
    async stop() {
      await coach.stop();
      await standIn.close();
      if (!options.database) await database.drop();
    },
  };
}
