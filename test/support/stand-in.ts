// The Slack stand-in on its own, for the tests of the stand-in itself: the fixture workspace, a
// hand-moved clock and a real WebClient configured the way the app configures it.
import { type Logger, LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';
import { afterEach, beforeEach } from 'vitest';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { Cleanup } from './cleanup';
import { TestClock } from './clock';
import {
  ALICE,
  BOB,
  CAROL,
  COHORT,
  HELPER_BOT,
  LOBBY,
  OTHER_TEAM,
  OTTO,
  RAVI,
  SECRET,
  TEAM,
} from './fixtures';

/** Where the stand-in's clock starts: 2023-11-14T22:13:20Z. */
export const START_MS = 1_700_000_000_000;

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
  clock: TestClock;
  url: string;
  apiUrl: string;
  /** A WebClient configured the way the app configures it for the stand-in. */
  client(token?: string, options?: WebClientOptions): WebClient;
}

/**
 * The stand-in with both fixture workspaces, their people (Alice, Bob, Ravi, Carol, a helper bot;
 * Otto in the other workspace) and channels (#cohort, #lobby, #secret), listening on a free port.
 */
export async function startStandIn(): Promise<Started> {
  const clock = new TestClock(START_MS);
  const standIn = createSlackStandIn({
    teams: [TEAM, OTHER_TEAM],
    users: [ALICE, BOB, RAVI, CAROL, HELPER_BOT, OTTO],
    channels: [COHORT, LOBBY, SECRET],
    clock: clock.nowMs,
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
 * A fresh stand-in for every test of the file (started before each, closed after each, pass or fail),
 * with `setup` run on it first. The object returned always reaches the current test's stand-in.
 */
export function useStandIn(setup?: (started: Started) => void): Started {
  let current: Started | undefined;
  const cleanup = new Cleanup();
  beforeEach(async () => {
    const started = await startStandIn();
    cleanup.add(() => started.standIn.close());
    current = started;
    setup?.(started);
  });
  afterEach(async () => {
    current = undefined;
    await cleanup.run();
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

/** The error a Web API call fails with (the test fails if the call succeeds). */
export async function caught(call: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected the call to fail');
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
