// Shared set-up for the stand-in tests: a small workspace, a hand-moved clock and a real WebClient.
import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { afterEach, beforeEach } from 'vitest';
import { createSlackStandIn, type SlackStandIn, type StandInTeam, type StandInUser } from '../../src/sandbox';

export const TEAM: StandInTeam = {
  id: 'T0TEAM1',
  name: 'Acme Bootcamp',
  domain: 'acme-bootcamp',
  botToken: 'xoxb-acme-bot-token',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  appId: 'A0APP',
};

export const OTHER_TEAM: StandInTeam = {
  id: 'T0TEAM2',
  name: 'Other Co',
  botToken: 'xoxb-other-bot-token',
  botUserId: 'U0OTHERBOT',
  botId: 'B0OTHERBOT',
  homeTabEnabled: false,
};

export const ALICE: StandInUser = {
  id: 'U0ALICE',
  teamId: TEAM.id,
  name: 'alice',
  realName: 'Alice Chen',
  tz: 'America/New_York',
};
export const BOB: StandInUser = { id: 'U0BOB', teamId: TEAM.id, name: 'bob', tz: 'Asia/Kolkata' };
export const CAROL: StandInUser = { id: 'U0CAROL', teamId: TEAM.id, name: 'carol', deleted: true };
export const HELPER_BOT: StandInUser = { id: 'U0HELPERBOT', teamId: TEAM.id, name: 'helper', isBot: true };
export const OTTO: StandInUser = { id: 'U0OTTO', teamId: OTHER_TEAM.id, name: 'otto' };

/** #cohort: the bot, Alice and Bob. #lobby: public, without the bot. #secret: private, without the bot. */
export const COHORT = {
  id: 'C0COHORT',
  teamId: TEAM.id,
  name: 'cohort',
  members: [TEAM.botUserId, ALICE.id, BOB.id],
};
export const LOBBY = { id: 'C0LOBBY', teamId: TEAM.id, name: 'lobby', members: [ALICE.id] };
export const SECRET = {
  id: 'C0SECRET',
  teamId: TEAM.id,
  name: 'secret',
  members: [ALICE.id],
  isPrivate: true,
};

/** 2023-11-14T22:13:20Z */
export const START_MS = 1_700_000_000_000;

export class ManualClock {
  constructor(public ms = START_MS) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A logger that keeps WebClient quiet (it logs every `[ERROR]` line of a rejected call). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

export interface Started {
  standIn: SlackStandIn;
  clock: ManualClock;
  url: string;
  apiUrl: string;
  /** A WebClient configured the way the app configures it for the stand-in. */
  client(token?: string, options?: WebClientOptions): WebClient;
}

export async function startStandIn(): Promise<Started> {
  const clock = new ManualClock();
  const standIn = createSlackStandIn({
    teams: [TEAM, OTHER_TEAM],
    users: [ALICE, BOB, CAROL, HELPER_BOT, OTTO],
    channels: [COHORT, LOBBY, SECRET],
    clock: clock.now,
  });
  const { url, apiUrl } = await standIn.listen(0);
  const client = (token: string | undefined = TEAM.botToken, options: WebClientOptions = {}) =>
    new WebClient(token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: silentLogger,
      ...options,
    });
  return { standIn, clock, url, apiUrl, client };
}

/**
 * A fresh stand-in for every test of the file (started before each, closed after each), with `setup`
 * run on it first. The object returned always reaches the current test's stand-in.
 */
export function useStandIn(setup?: (started: Started) => void): Started {
  let current: Started | undefined;
  beforeEach(async () => {
    current = await startStandIn();
    setup?.(current);
  });
  afterEach(async () => {
    await current?.standIn.close();
    current = undefined;
  });
  const started = (): Started => {
    if (!current) throw new Error('The stand-in runs only inside a test');
    return current;
  };
  return {
    get standIn() {
      return started().standIn;
    },
    get clock() {
      return started().clock;
    },
    get url() {
      return started().url;
    },
    get apiUrl() {
      return started().apiUrl;
    },
    client: (token, options) => started().client(token, options),
  };
}

/** The `data` of a WebAPIPlatformError (the whole `{ok:false,…}` body), or a failure if the call succeeded. */
export async function slackError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    const data = (error as { data?: Record<string, unknown> }).data;
    if (data) return data;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

/** Posts a raw body to the stand-in, for what WebClient never sends (JSON bodies, GET, odd content types). */
export async function rawCall(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, body, headers: response.headers };
}
