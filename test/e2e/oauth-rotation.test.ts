// Token rotation over OAuth, end to end against the stand-in: a workspace installs with rotation on,
// its member uses the coach with the expiring token, and once the token is within the SDK's refresh
// margin the coach swaps it (oauth.v2.access with grant_type=refresh_token) and carries on with the new
// one, on the request path and in the nudge scheduler alike; the stored installation holds the new
// tokens, sealed, and no token appears in clear in the database or the logs.
//
// Time: @slack/oauth's InstallProvider decides when to refresh with Date.now(), which the app's Clock
// does not reach. So each test fakes Date alone (timers stay real, and the faked time goes on ticking):
// the app (its system clock), the stand-in (its clock reads Date.now) and the SDK read the same time,
// and `travel` moves it for all three at once.
import { Writable } from 'node:stream';
import type { Installation } from '@slack/oauth';
import { WebClient } from '@slack/web-api';
import { describe, expect, it, vi } from 'vitest';
import { type Config, loadConfig } from '../../src/config';
import { Sealer } from '../../src/core/seal';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { deliveryClientFor } from '../../src/nudges/runtime';
import type { SlackForWorkspace } from '../../src/nudges/slack';
import { runSweep, type SweepReport } from '../../src/nudges/sweep';
import {
  createSlackStandIn,
  type RecordedCall,
  type SlackStandIn,
  type StandInTeam,
} from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { LOG_CALLBACK_ID } from '../../src/slack/views/log';
import { PrismaInstallationStore } from '../../src/store/installations';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS } from '../support/db';
import type { Harness } from '../support/harness';
import { dmTo, openModal, submitModal, visibleText } from '../support/slack-play';
import { silentLogger } from '../support/stand-in';
import { listTables } from '../support/workspace-data';

const CLIENT_ID = '3333.4444';
const CLIENT_SECRET = 'client-secret-rotation-1a2b';
const STATE_SECRET = 'state-secret-rotation-3c4d';
const SIGNING_SECRET = 'signing-secret-rotation-5e6f';
const ENCRYPTION_KEY = Buffer.alloc(32, 11).toString('base64');
const BASE_URL = 'https://coach.example.org';
const REDIRECT_URI = `${BASE_URL}/slack/oauth_redirect`;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Slack's lifetime of a rotating token. */
const LIFETIME_MS = 12 * HOUR_MS;
/** @slack/oauth refreshes a token that expires within two hours. */
const MARGIN_MS = 2 * HOUR_MS;

const NORTH: StandInTeam = {
  id: 'T0NORTH',
  name: 'North Bootcamp',
  domain: 'north-bootcamp',
  // Never issued: with rotation on, the install gives an expiring token instead.
  botToken: 'xoxb-north-long-lived',
  botUserId: 'U0NORTHBOT',
  botId: 'B0NORTHBOT',
  appId: 'A0COACH',
  homeTabEnabled: true,
};
const NINA = { id: 'U0NINA', teamId: NORTH.id, name: 'nina', realName: 'Nina Park', tz: 'America/New_York' };

interface Tokens {
  access: string;
  refresh: string;
}

/** Moves time for the app, the stand-in and the SDK together. */
function travel(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

/** The access and refresh token an oauth.v2.access answer gave. */
function tokensOf(call: RecordedCall | undefined): Tokens {
  const response = call?.response as { ok?: boolean; access_token?: string; refresh_token?: string };
  expect(response?.ok).toBe(true);
  expect(response.access_token).toMatch(/^xoxe\.xoxb-1-/);
  expect(response.refresh_token).toMatch(/^xoxe-1-/);
  return { access: response.access_token as string, refresh: response.refresh_token as string };
}

describe.each(DATABASE_KINDS)('token rotation over OAuth ($kind)', ({ kind, create }) => {
  const cleanup = useCleanup();

  /**
   * A fresh database, stand-in and coach in OAuth mode (scheduler off: tests call its resolver), North
   * installed through the install page and the redirect with rotation on; every token the stand-in
   * issues is collected in `issued`, oldest first.
   */
  async function installed() {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: Date.now() });
    cleanup.add(() => vi.useRealTimers());
    const database = await create();
    cleanup.add(() => database.drop());
    const standIn: SlackStandIn = createSlackStandIn({ clock: () => Date.now() });
    cleanup.add(() => standIn.close());
    standIn.setOAuthClient(CLIENT_ID, CLIENT_SECRET);
    const { apiUrl } = await standIn.listen(0);
    const config: Config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ENCRYPTION_KEY,
      APP_BASE_URL: BASE_URL,
      SLACK_API_URL: apiUrl,
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'debug',
    });
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const coach: RunningCoach = await startCoach(config, createLogger('debug', sink));
    cleanup.add(() => coach.stop());
    const appUrl = `http://127.0.0.1:${coach.port}`;

    // The installer's way in: the install page sets the state cookie, Slack redirects back with a code.
    const page = await fetch(`${appUrl}/slack/install`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const state = /state=([^"&]+)/.exec(await page.text())?.[1] as string;
    expect(state).toBeDefined();
    standIn.registerOAuthCode('code-north', NORTH, {
      redirectUri: REDIRECT_URI,
      userId: NINA.id,
      tokenRotation: true,
    });
    const res = await fetch(
      `${appUrl}/slack/oauth_redirect?${new URLSearchParams({ code: 'code-north', state })}`,
      {
        headers: { cookie },
        redirect: 'manual',
      },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`The coach is installed in ${NORTH.name}`);
    standIn.addUser(NINA);
    const exchange = standIn.callsTo('oauth.v2.access').at(-1);
    expect(exchange?.args.code).toBe('code-north');
    expect(exchange?.response?.expires_in).toBe(LIFETIME_MS / 1000);
    const issued: Tokens[] = [tokensOf(exchange)];

    const h = {
      driver: new SlackDriver({ appUrl, signingSecret: SIGNING_SECRET, slack: standIn, teamId: NORTH.id }),
      standIn,
      settle: () => coach.slack.settle(),
      db: coach.db,
    } as unknown as Harness;
    const sealer = new Sealer(Buffer.from(ENCRYPTION_KEY, 'base64'));
    /** The refreshes the stand-in saw since its calls were last cleared. */
    const refreshes = () =>
      standIn.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');

    return {
      coach,
      standIn,
      harness: h,
      config,
      issued,
      refreshes,
      /** The tokens of the one refresh the stand-in saw since its calls were cleared (added to `issued`). */
      refreshed(): Tokens {
        const found = refreshes();
        expect(found).toHaveLength(1);
        expect(found[0]?.args.refresh_token).toBe(issued.at(-1)?.refresh);
        const tokens = tokensOf(found[0]);
        issued.push(tokens);
        return tokens;
      },
      /** The installation as stored, opened with the key: what the SDK's authorize reads. */
      stored: async (): Promise<Installation> =>
        (await new PrismaInstallationStore(coach.db, sealer).fetchInstallation({
          teamId: NORTH.id,
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        })) as Installation,
      /** Nina runs `/coach log`; the token the modal was opened with. */
      async ninaLogs(): Promise<string | undefined> {
        const view = await openModal(h, NINA.id, 'log');
        expect(view.callback_id).toBe(LOG_CALLBACK_ID);
        const opened = standIn.callsTo('views.open').at(-1);
        expect(opened?.response?.ok).toBe(true);
        await h.settle();
        return opened?.token;
      },
      /** The scheduler's resolver, as `coach worker` and the bot process build it. */
      scheduler: () => deliveryClientFor(config, coach.db, coach.slack.deps.log) as SlackForWorkspace,
      /** What Slack answers to a call with `token`, as anyone holding it could make one. */
      authTest: (token: string) =>
        new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, logger: silentLogger }).auth
          .test()
          .then(
            () => 'ok',
            (error: { data?: { error?: string } }) => error.data?.error ?? 'failed',
          ),
      /** What Slack answers to a refresh with `refreshToken`. */
      refreshWith: (refreshToken: string) =>
        new WebClient(undefined, {
          slackApiUrl: apiUrl,
          retryConfig: { retries: 0 },
          logger: silentLogger,
        }).oauth.v2
          .access({
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            grant_type: 'refresh_token',
            refresh_token: refreshToken,
          })
          .then(
            () => 'ok',
            (error: { data?: { error?: string } }) => error.data?.error ?? 'failed',
          ),
      /** No token the stand-in issued, nor a secret, in any row of any table or in any log line. */
      async expectNothingInClear(): Promise<void> {
        const secrets = [
          ...issued.flatMap((t) => [t.access, t.refresh]),
          CLIENT_SECRET,
          STATE_SECRET,
          SIGNING_SECRET,
        ];
        for (const table of await listTables(coach.db, kind)) {
          const rows = await coach.db.$queryRawUnsafe<Record<string, unknown>[]>(
            `SELECT * FROM "${table.name}"`,
          );
          const text = JSON.stringify(rows, (_key, value) =>
            typeof value === 'bigint' ? value.toString() : value,
          );
          const leaked = secrets.filter((secret) => text.includes(secret));
          expect({ table: table.name, leaked }).toEqual({ table: table.name, leaked: [] });
        }
        const all = logs.join('\n');
        expect(all).toContain('refresh');
        for (const secret of [...secrets, ENCRYPTION_KEY]) expect(all).not.toContain(secret);
      },
    };
  }

  it('refreshes on the request path once the token is within two hours of expiry, stores the new tokens sealed, and goes on after the old token ends', async () => {
    const north = await installed();
    const [first] = north.issued as [Tokens];
    let installation = await north.stored();
    expect(installation.bot).toMatchObject({ token: first.access, refreshToken: first.refresh });
    expect(installation.bot?.expiresAt).toBeCloseTo((Date.now() + LIFETIME_MS) / 1000, -1);

    // While the token has more than two hours left it is used as issued.
    expect(await north.ninaLogs()).toBe(first.access);
    travel(LIFETIME_MS - MARGIN_MS - MINUTE_MS);
    expect(await north.ninaLogs()).toBe(first.access);
    expect(north.refreshes()).toEqual([]);

    // Two minutes later it is inside the margin: the coach swaps it before answering, with the new one.
    travel(2 * MINUTE_MS);
    const token = await north.ninaLogs();
    const second = north.refreshed();
    expect(token).toBe(second.access);
    installation = await north.stored();
    expect(installation.bot).toMatchObject({ token: second.access, refreshToken: second.refresh });
    expect(installation.bot?.expiresAt).toBeCloseTo((Date.now() + LIFETIME_MS) / 1000, -1);
    expect(await north.coach.db.installation.count({ where: { workspaceId: NORTH.id } })).toBe(1);
    expect(await north.refreshWith(first.refresh)).toBe('invalid_refresh_token');

    // Used again: the new token, no second refresh; nor after the first token has expired.
    expect(await north.ninaLogs()).toBe(second.access);
    travel(MARGIN_MS);
    expect(await north.authTest(first.access)).toBe('token_expired');
    expect(await north.ninaLogs()).toBe(second.access);
    expect(north.refreshes()).toEqual([]);
    await north.expectNothingInClear();
  });

  it('gives the scheduler the token the request path refreshed, and what the scheduler refreshes reaches the request path', async () => {
    const north = await installed();
    const slack = north.scheduler();
    const sendsWith = async () => {
      const client = await slack(NORTH.id);
      await client?.auth.test();
      return { client, token: north.standIn.callsTo('auth.test').at(-1)?.token };
    };
    const before = await sendsWith();
    expect(before.token).toBe(north.issued[0]?.access);

    // The request path refreshes first; the scheduler's next look-up sends with the new token.
    travel(LIFETIME_MS - MARGIN_MS + MINUTE_MS);
    const refreshedToken = await north.ninaLogs();
    const second = north.refreshed();
    expect(refreshedToken).toBe(second.access);
    north.standIn.clearCalls();
    const after = await sendsWith();
    expect(after.token).toBe(second.access);
    expect(after.client).not.toBe(before.client);
    expect(north.refreshes()).toEqual([]);
    expect((await sendsWith()).client).toBe(after.client);

    // Ten hours on, the scheduler is first to find the token inside the margin: it refreshes and stores.
    travel(LIFETIME_MS - MARGIN_MS + MINUTE_MS);
    north.standIn.clearCalls();
    const later = await sendsWith();
    const third = north.refreshed();
    expect(later.token).toBe(third.access);
    expect((await north.stored()).bot).toMatchObject({ token: third.access, refreshToken: third.refresh });
    north.standIn.clearCalls();
    expect(await north.ninaLogs()).toBe(third.access);
    expect(north.refreshes()).toEqual([]);
    await north.expectNothingInClear();
  });

  it('holds a nudge back, rather than send it with an expired token, while Slack refuses the refresh; sends it with the new token after', async () => {
    const north = await installed();
    const h = north.harness;
    const view = await openModal(h, NINA.id, 'log');
    await submitModal(h, NINA.id, view, {
      Person: 'Dana Whitfield',
      Role: 'Data Analyst',
      Company: 'Northwind',
      Minutes: '20',
      'What I learned': 'Analysts there start on the reporting team',
      "One thing I'll act on": 'rewrite my project summary',
    });
    await h.settle();
    const slack = north.scheduler();
    const log = north.coach.slack.deps.log;
    /** Hourly sweeps, as the scheduler runs them, until `done` or a day and a half has passed. */
    const sweepUntil = async (done: (report: SweepReport) => boolean) => {
      const reports: SweepReport[] = [];
      for (let hour = 0; hour < 36; hour++) {
        const report = await runSweep({ now: new Date(), db: north.coach.db, slack, log });
        reports.push(report);
        if (done(report)) break;
        travel(HOUR_MS);
      }
      return reports;
    };

    // The token has expired, and Slack refuses every refresh for now.
    travel(LIFETIME_MS + MINUTE_MS);
    north.standIn.faults.set('oauth.v2.access', { kind: 'slack_error', error: 'internal_error' });
    north.standIn.clearCalls();
    const held = await sweepUntil((r) => r.retrying.length > 0);
    expect(held.at(-1)?.retrying.map((n) => n.error)).toEqual(['no token for the workspace']);
    expect(held.flatMap((r) => r.failed)).toEqual([]);
    expect(north.refreshes().length).toBeGreaterThan(0);
    expect(north.standIn.callsTo('chat.postMessage')).toEqual([]);

    // Slack answers again: the next sweep due refreshes, and the nudge goes out with the new token.
    north.standIn.faults.clear('oauth.v2.access');
    north.standIn.clearCalls();
    const sent = await sweepUntil((r) => r.sent.length > 0);
    expect(sent.flatMap((r) => r.failed)).toEqual([]);
    const second = north.refreshed();
    const nudge = await dmTo(h, NINA.id);
    expect(nudge.token).toBe(second.access);
    expect(nudge.response?.ok).toBe(true);
    expect(visibleText(nudge.args)).toContain('Dana Whitfield');
    await north.expectNothingInClear();
  });
});
