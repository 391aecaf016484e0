// Many workspaces over OAuth, as an installer and their members would go through it, against the
// stand-in (whose oauth.v2.access checks the client id, secret, code and redirect URI): two workspaces
// install, both use the coach with their own tokens, one uninstalls and nothing of it remains while the
// other keeps working. Install links work once; nothing secret reaches the logs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { deliveryClientFor } from '../../src/nudges/runtime';
import { runSweep } from '../../src/nudges/sweep';
import { createSlackStandIn, type SlackStandIn, type StandInTeam, type StandInUser } from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { LOG_CALLBACK_ID } from '../../src/slack/views/log';
import { Cleanup } from '../support/cleanup';
import { DATABASE_KINDS } from '../support/db';
import type { Harness } from '../support/harness';
import { dmTo, openModal, submitModal, visibleText } from '../support/slack-play';

const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'client-secret-9f8e7d6c';
const STATE_SECRET = 'state-secret-5a4b3c2d';
const SIGNING_SECRET = 'signing-secret-oauth-0123';
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
const BASE_URL = 'https://coach.example.org';
const REDIRECT_URI = `${BASE_URL}/slack/oauth_redirect`;
const NOTE = 'Private note: she said the hiring freeze lifts in March';

const NORTH: StandInTeam = {
  id: 'T0NORTH',
  name: 'North Bootcamp',
  domain: 'north-bootcamp',
  botToken: 'xoxb-north-0001-sealed',
  botUserId: 'U0NORTHBOT',
  botId: 'B0NORTHBOT',
  appId: 'A0COACH',
  homeTabEnabled: true,
};
const SOUTH: StandInTeam = {
  id: 'T0SOUTH',
  name: 'South Careers',
  domain: 'south-careers',
  botToken: 'xoxb-south-0002-sealed',
  botUserId: 'U0SOUTHBOT',
  botId: 'B0SOUTHBOT',
  appId: 'A0COACH',
  homeTabEnabled: true,
};
const NINA: StandInUser = {
  id: 'U0NINA',
  teamId: NORTH.id,
  name: 'nina',
  realName: 'Nina Park',
  tz: 'America/New_York',
};
const SAM: StandInUser = {
  id: 'U0SAM',
  teamId: SOUTH.id,
  name: 'sam',
  realName: 'Sam Osei',
  tz: 'Europe/London',
};

/** The state cookie and the authorize URL from the install page. */
async function startInstall(appUrl: string): Promise<{ cookie: string; state: string; authorizeUrl: URL }> {
  const res = await fetch(`${appUrl}/slack/install`);
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  expect(cookie).toMatch(/^slack-app-oauth-state=/);
  const html = await res.text();
  const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  const authorizeUrl = new URL((href as string).replace(/&amp;/g, '&'));
  return { cookie, state: authorizeUrl.searchParams.get('state') as string, authorizeUrl };
}

function redirect(appUrl: string, query: Record<string, string>, cookie?: string) {
  return fetch(`${appUrl}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
    headers: cookie ? { cookie } : {},
    redirect: 'manual',
  });
}

describe.each(DATABASE_KINDS)('installing for many workspaces over OAuth ($kind)', ({ create }) => {
  const cleanup = new Cleanup();
  let coach: RunningCoach;
  let standIn: SlackStandIn;
  let appUrl: string;
  let runningConfig: Config;
  let runningEnv: Record<string, string>;
  const logs: string[] = [];
  /** A stand-in for the test helpers that play one member of one workspace. */
  const play = (team: StandInTeam): Harness =>
    ({
      driver: new SlackDriver({
        appUrl,
        signingSecret: SIGNING_SECRET,
        slack: standIn,
        teamId: team.id,
        appId: team.appId,
      }),
      standIn,
      settle: () => coach.slack.settle(),
      db: coach.db,
    }) as unknown as Harness;

  beforeAll(async () => {
    const database = await create();
    cleanup.add(() => database.drop());
    standIn = createSlackStandIn();
    cleanup.add(() => standIn.close());
    standIn.setOAuthClient(CLIENT_ID, CLIENT_SECRET);
    const { apiUrl } = await standIn.listen(0);
    runningEnv = {
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
    };
    const config = loadConfig(runningEnv);
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    runningConfig = config;
    coach = await startCoach(config, createLogger('debug', sink));
    cleanup.add(() => coach.stop());
    appUrl = `http://127.0.0.1:${coach.port}`;
  });
  afterAll(() => cleanup.run());

  it('installs two workspaces, each through its own authorize and redirect', async () => {
    for (const [team, code, installer] of [
      [NORTH, 'code-north', NINA],
      [SOUTH, 'code-south', SAM],
    ] as const) {
      const { cookie, state, authorizeUrl } = await startInstall(appUrl);
      expect(authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
      expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
      expect(authorizeUrl.searchParams.get('scope')).toContain('chat:write');
      standIn.registerOAuthCode(code, team, { redirectUri: REDIRECT_URI, userId: installer.id });
      const res = await redirect(appUrl, { code, state }, cookie);
      const page = await res.text();
      expect(res.status).toBe(200);
      expect(page).toContain(`The coach is installed in ${team.name}`);
      expect(page).toContain(`app_redirect?app=${team.appId}&amp;team=${team.id}`);
      // The workspace's people are there once it is (the stand-in knows a team from its install on).
      standIn.addUser(installer);
      const exchange = standIn.callsTo('oauth.v2.access').at(-1);
      expect(exchange?.response?.ok).toBe(true);
      expect(exchange?.args.code).toBe(code);
    }
    const rows = await coach.db.installation.findMany({ orderBy: { workspaceId: 'asc' } });
    expect(rows.map((r) => r.workspaceId)).toEqual([NORTH.id, SOUTH.id]);
    // Sealed at rest: no token in any stored column.
    for (const row of rows) {
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(NORTH.botToken);
      expect(stored).not.toContain(SOUTH.botToken);
    }
  });

  it('refuses a replayed install link, one from another browser, and a cancelled one, with a page that says why', async () => {
    const { cookie, state } = await startInstall(appUrl);
    standIn.registerOAuthCode('code-replay', NORTH, { redirectUri: REDIRECT_URI });
    const first = await redirect(appUrl, { code: 'code-replay', state }, cookie);
    expect(first.status).toBe(200);
    const again = await redirect(appUrl, { code: 'code-replay', state }, cookie);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This install link was already used');

    const other = await startInstall(appUrl);
    const noCookie = await redirect(appUrl, { code: 'code-x', state: other.state });
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('This install started in another browser');

    const forged = await redirect(
      appUrl,
      { code: 'code-x', state: `${other.state}x` },
      `slack-app-oauth-state=${other.state}x`,
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This install link is not valid');

    // Slack refuses the code (already exchanged, or never issued): nothing is installed.
    const stale = await startInstall(appUrl);
    const refused = await redirect(appUrl, { code: 'code-never-issued', state: stale.state }, stale.cookie);
    expect(refused.status).toBe(500);
    expect(await refused.text()).toContain('Slack did not finish the install');
    expect(standIn.callsTo('oauth.v2.access').at(-1)?.response?.error).toBe('invalid_code');

    const denied = await startInstall(appUrl);
    const cancelled = await redirect(appUrl, { error: 'access_denied', state: denied.state }, denied.cookie);
    expect(cancelled.status).toBe(400);
    expect(await cancelled.text()).toContain('The install was cancelled');
  });

  it("serves each workspace's members with that workspace's own token", async () => {
    for (const [team, member] of [
      [NORTH, NINA],
      [SOUTH, SAM],
    ] as const) {
      const h = play(team);
      const view = await openModal(h, member.id, 'log');
      expect(view.callback_id).toBe(LOG_CALLBACK_ID);
      const opened = standIn.callsTo('views.open').at(-1);
      expect(opened?.token).toBe(team.botToken);
      await submitModal(h, member.id, view, {
        Person: `Mentor of ${member.name}`,
        Role: 'Data Analyst',
        Company: 'Northwind',
        Minutes: '20',
        'What I learned': NOTE,
        "One thing I'll act on": 'rewrite my project summary',
      });
      const dm = await dmTo(h, member.id);
      expect(dm.token).toBe(team.botToken);
      expect(visibleText(dm.args)).toContain(`Mentor of ${member.name}`);
      await h.settle();
    }
  });

  it("sends each workspace's nudges with that workspace's own token", async () => {
    const config = coach.slack.deps;
    const slack = deliveryClientFor(runningConfig, coach.db, config.log);
    const sentTo = new Map<string, string | undefined>();
    // Sweeps an hour apart over the next day and a half, as the scheduler would, until both thank-you
    // nudges (one per member, each in their own working hours) are out.
    for (let hour = 1; hour <= 36 && sentTo.size < 2; hour++) {
      standIn.clearCalls();
      await runSweep({ now: new Date(Date.now() + hour * 3_600_000), db: coach.db, slack, log: config.log });
      for (const call of standIn.callsTo('chat.postMessage'))
        if (call.response?.ok) sentTo.set(String(call.args.channel), call.token);
    }
    expect(sentTo.get(NINA.id)).toBe(NORTH.botToken);
    expect(sentTo.get(SAM.id)).toBe(SOUTH.botToken);
  });

  it('deletes everything of a workspace that uninstalls, while the other keeps working', async () => {
    const north = play(NORTH);
    const res = await north.driver.event({ type: 'app_uninstalled' });
    expect(res.status).toBe(200);
    await coach.slack.settle();
    for (const [table, count] of Object.entries({
      installation: await coach.db.installation.count({ where: { workspaceId: NORTH.id } }),
      workspace: await coach.db.workspace.count({ where: { id: NORTH.id } }),
      member: await coach.db.member.count({ where: { workspaceId: NORTH.id } }),
      contact: await coach.db.contact.count({ where: { workspaceId: NORTH.id } }),
      conversation: await coach.db.conversation.count({ where: { workspaceId: NORTH.id } }),
      nudge: await coach.db.nudge.count({ where: { workspaceId: NORTH.id } }),
    })) {
      expect({ table, count }).toEqual({ table, count: 0 });
    }
    expect(await coach.db.conversation.count({ where: { workspaceId: SOUTH.id } })).toBe(1);

    const south = play(SOUTH);
    const view = await openModal(south, SAM.id, 'log');
    expect(view.callback_id).toBe(LOG_CALLBACK_ID);
    expect(standIn.callsTo('views.open').at(-1)?.token).toBe(SOUTH.botToken);
  });

  it('refuses to start with a key that opens none of the stored installations, saying what to set', async () => {
    const wrong = loadConfig({
      ...runningEnv,
      PORT: '0',
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('hex'),
    });
    await expect(startCoach(wrong, createLogger('silent'))).rejects.toThrow(
      /opens none of the 1 stored installation\(s\).*ENCRYPTION_KEY_PREVIOUS/,
    );
    // With the old key kept as a previous one, it starts; rotate-key then moves everything to the new key.
    const rotated = loadConfig({
      ...runningEnv,
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('hex'),
      ENCRYPTION_KEY_PREVIOUS: ENCRYPTION_KEY,
    });
    const second = await startCoach(rotated, createLogger('silent'));
    await second.stop();
  });

  it('never logs a token, a secret, the encryption key or a note', () => {
    const all = logs.join('\n');
    expect(logs.length).toBeGreaterThan(10);
    for (const secret of [
      NORTH.botToken,
      SOUTH.botToken,
      CLIENT_SECRET,
      STATE_SECRET,
      SIGNING_SECRET,
      ENCRYPTION_KEY,
      Buffer.from(ENCRYPTION_KEY, 'base64').toString('hex'),
      NOTE,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
