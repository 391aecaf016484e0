import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Installation, InstallProvider } from '@slack/oauth';
import { describe, expect, it } from 'vitest';
import type { StandInTeam } from '../../src/sandbox';
import { silentLogger, slackError, useStandIn } from '../support/stand-in';

const NEW_TEAM: StandInTeam = {
  id: 'T0NEW',
  name: 'New Cohort',
  botToken: 'xoxb-new-install',
  botUserId: 'U0NEWBOT',
  botId: 'B0NEWBOT',
  appId: 'A0APP',
};

const s = useStandIn((started) => started.standIn.setOAuthClient('client-1', 'secret-1'));

describe('oauth.v2.access', () => {
  it('exchanges a registered code once for the bot token and installs the team', async () => {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM, {
      userId: 'U0INSTALLER',
      scopes: ['chat:write', 'commands'],
    });
    const client = s.client('');
    const result = await client.oauth.v2.access({
      client_id: 'client-1',
      client_secret: 'secret-1',
      code: 'code-1',
    });
    expect(result).toMatchObject({
      ok: true,
      access_token: NEW_TEAM.botToken,
      token_type: 'bot',
      scope: 'chat:write,commands',
      bot_user_id: NEW_TEAM.botUserId,
      app_id: 'A0APP',
      team: { id: NEW_TEAM.id, name: NEW_TEAM.name },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0INSTALLER' },
    });
    await expect(s.client(NEW_TEAM.botToken).auth.test()).resolves.toMatchObject({ team_id: NEW_TEAM.id });
    expect(
      await slackError(
        client.oauth.v2.access({ client_id: 'client-1', client_secret: 'secret-1', code: 'code-1' }),
      ),
    ).toMatchObject({ error: 'invalid_code' });
  });

  it.each([
    ['an unknown code', { client_id: 'client-1', client_secret: 'secret-1', code: 'nope' }, 'invalid_code'],
    [
      'a wrong client id',
      { client_id: 'client-2', client_secret: 'secret-1', code: 'code-1' },
      'invalid_client_id',
    ],
    [
      'a wrong secret',
      { client_id: 'client-1', client_secret: 'wrong', code: 'code-1' },
      'bad_client_secret',
    ],
    [
      'a different redirect_uri',
      {
        client_id: 'client-1',
        client_secret: 'secret-1',
        code: 'code-1',
        redirect_uri: 'https://evil.example/cb',
      },
      'bad_redirect_uri',
    ],
  ])('rejects %s', async (_name, args, error) => {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM, {
      redirectUri: 'https://coach.example/slack/oauth_redirect',
    });
    expect(await slackError(s.client('').oauth.v2.access(args))).toMatchObject({ error });
    expect(await slackError(s.client(NEW_TEAM.botToken).auth.test())).toMatchObject({
      error: 'invalid_auth',
    });
  });

  it('accepts client credentials as HTTP Basic auth', async () => {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM);
    const response = await fetch(`${s.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'code=code-1',
    });
    expect(await response.json()).toMatchObject({ ok: true, access_token: NEW_TEAM.botToken });
  });

  it("completes @slack/oauth's InstallProvider callback (oauth.v2.access, then auth.test)", async () => {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM, { scopes: ['chat:write'] });
    const stored: Installation[] = [];
    const installer = new InstallProvider({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      stateVerification: false,
      logger: silentLogger,
      clientOptions: { slackApiUrl: s.apiUrl, retryConfig: { retries: 0 } },
      installationStore: {
        storeInstallation: async (installation) => {
          stored.push(installation);
        },
        fetchInstallation: async () => {
          throw new Error('not used');
        },
      },
    });
    const server: Server = createServer((req, res) => {
      void installer.handleCallback(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/slack/oauth_redirect?code=code-1`);
      expect(response.status).toBe(200);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        team: { id: NEW_TEAM.id, name: NEW_TEAM.name },
        bot: {
          token: NEW_TEAM.botToken,
          userId: NEW_TEAM.botUserId,
          id: NEW_TEAM.botId,
          scopes: ['chat:write'],
        },
        appId: 'A0APP',
      });
      expect(s.standIn.calls.map((c) => c.method)).toEqual(['oauth.v2.access', 'auth.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('oauth.v2.access with token rotation on', () => {
  const credentials = { client_id: 'client-1', client_secret: 'secret-1' };

  async function installRotating(expiresInSeconds?: number) {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM, {
      scopes: ['chat:write', 'commands'],
      tokenRotation: expiresInSeconds === undefined ? true : { expiresInSeconds },
    });
    return (await s.client('').oauth.v2.access({ ...credentials, code: 'code-1' })) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
    };
  }

  it('exchanges the code for an expiring bot token, a refresh token and 12 hours', async () => {
    const result = await installRotating();
    expect(result).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'chat:write,commands',
      bot_user_id: NEW_TEAM.botUserId,
      team: { id: NEW_TEAM.id, name: NEW_TEAM.name },
      expires_in: 43_200,
    });
    expect(result.access_token).toMatch(/^xoxe\.xoxb-1-[0-9a-f]+$/);
    expect(result.refresh_token).toMatch(/^xoxe-1-[0-9a-f]+$/);
    await expect(s.client(result.access_token).auth.test()).resolves.toMatchObject({ team_id: NEW_TEAM.id });
    expect(s.standIn.callsTo('auth.test').at(-1)?.teamId).toBe(NEW_TEAM.id);
    // The team's long-lived token is not issued with rotation on, so it does not work.
    expect(await slackError(s.client(NEW_TEAM.botToken).auth.test())).toMatchObject({
      error: 'invalid_auth',
    });
  });

  it('swaps a refresh token once for a new pair; the old refresh token stops working', async () => {
    const first = await installRotating();
    const refreshed = (await s.client('').oauth.v2.access({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })) as unknown as { access_token: string; refresh_token: string; expires_in: number };
    expect(refreshed).toMatchObject({
      ok: true,
      token_type: 'bot',
      scope: 'chat:write,commands',
      bot_user_id: NEW_TEAM.botUserId,
      team: { id: NEW_TEAM.id },
      expires_in: 43_200,
    });
    expect(refreshed.access_token).toMatch(/^xoxe\.xoxb-1-/);
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).toMatch(/^xoxe-1-/);
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    await expect(s.client(refreshed.access_token).auth.test()).resolves.toMatchObject({
      team_id: NEW_TEAM.id,
    });

    const again = s.client('').oauth.v2.access({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(await slackError(again)).toMatchObject({ error: 'invalid_refresh_token' });
    for (const refresh_token of ['xoxe-1-never-issued', first.access_token]) {
      expect(
        await slackError(
          s.client('').oauth.v2.access({ ...credentials, grant_type: 'refresh_token', refresh_token }),
        ),
      ).toMatchObject({ error: 'invalid_refresh_token' });
    }
    // The client is checked on a refresh too.
    expect(
      await slackError(
        s.client('').oauth.v2.access({
          client_id: 'client-1',
          client_secret: 'wrong',
          grant_type: 'refresh_token',
          refresh_token: refreshed.refresh_token,
        }),
      ),
    ).toMatchObject({ error: 'bad_client_secret' });
  });

  it("expires a bot token by the stand-in's clock: token_expired from then on", async () => {
    const first = await installRotating();
    s.clock.advance(43_200_000 - 1);
    await expect(s.client(first.access_token).auth.test()).resolves.toMatchObject({ ok: true });
    // Refreshed a moment before the end: the new token lives its own 12 hours, the old one ends on time.
    const refreshed = (await s.client('').oauth.v2.access({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    })) as unknown as { access_token: string };
    s.clock.advance(1);
    expect(await slackError(s.client(first.access_token).auth.test())).toMatchObject({
      error: 'token_expired',
    });
    expect(
      await slackError(s.client(first.access_token).chat.postMessage({ channel: 'C1', text: 'hi' })),
    ).toMatchObject({ error: 'token_expired' });
    await expect(s.client(refreshed.access_token).auth.test()).resolves.toMatchObject({ ok: true });
    s.clock.advance(43_200_000 - 2);
    await expect(s.client(refreshed.access_token).auth.test()).resolves.toMatchObject({ ok: true });
    s.clock.advance(1);
    expect(await slackError(s.client(refreshed.access_token).auth.test())).toMatchObject({
      error: 'token_expired',
    });
  });

  it('issues tokens with the lifetime asked for, and refuses one that is not a whole number of seconds', async () => {
    const first = await installRotating(600);
    expect(first.expires_in).toBe(600);
    s.clock.advance(600_000);
    expect(await slackError(s.client(first.access_token).auth.test())).toMatchObject({
      error: 'token_expired',
    });
    // An expired access token does not stop its refresh token from working.
    const refreshed = await s.client('').oauth.v2.access({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(refreshed).toMatchObject({ ok: true, expires_in: 600 });
    for (const expiresInSeconds of [0, -5, 1.5]) {
      expect(() =>
        s.standIn.registerOAuthCode('code-2', NEW_TEAM, { tokenRotation: { expiresInSeconds } }),
      ).toThrow(/positive whole number/);
    }
  });

  it('refuses a refresh when rotation is off, and keeps the long-lived token', async () => {
    s.standIn.registerOAuthCode('code-1', NEW_TEAM);
    const result = await s.client('').oauth.v2.access({ ...credentials, code: 'code-1' });
    expect(result.access_token).toBe(NEW_TEAM.botToken);
    expect(result).not.toHaveProperty('refresh_token');
    expect(result).not.toHaveProperty('expires_in');
    expect(
      await slackError(
        s
          .client('')
          .oauth.v2.access({ ...credentials, grant_type: 'refresh_token', refresh_token: 'xoxe-1-x' }),
      ),
    ).toMatchObject({ error: 'invalid_refresh_token' });
    s.clock.advance(30 * 86_400_000);
    await expect(s.client(NEW_TEAM.botToken).auth.test()).resolves.toMatchObject({ ok: true });
  });

  it("is refreshed by @slack/oauth's InstallProvider.authorize when the token is about to expire", async () => {
    // An hour is inside the SDK's two-hour refresh margin, so the first authorize refreshes.
    const first = await installRotating(3600);
    let stored: Installation = {
      team: { id: NEW_TEAM.id },
      enterprise: undefined,
      user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
      bot: {
        id: NEW_TEAM.botId,
        userId: NEW_TEAM.botUserId,
        scopes: ['chat:write', 'commands'],
        token: first.access_token,
        refreshToken: first.refresh_token,
        expiresAt: Math.floor(Date.now() / 1000) + first.expires_in,
      },
      authVersion: 'v2',
    };
    const installer = new InstallProvider({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      stateVerification: false,
      logger: silentLogger,
      clientOptions: { slackApiUrl: s.apiUrl, retryConfig: { retries: 0 } },
      installationStore: {
        storeInstallation: async (installation) => {
          stored = installation as Installation;
        },
        fetchInstallation: async () => structuredClone(stored) as never,
      },
    });
    const auth = await installer.authorize({
      teamId: NEW_TEAM.id,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const refresh = s.standIn.callsTo('oauth.v2.access').at(-1);
    expect(refresh?.args).toMatchObject({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refresh?.response?.ok).toBe(true);
    expect(auth.botToken).toBe(refresh?.response?.access_token);
    expect(auth.botToken).not.toBe(first.access_token);
    expect(stored.bot?.token).toBe(auth.botToken);
    expect(stored.bot?.refreshToken).toBe(refresh?.response?.refresh_token);
    await expect(s.client(auth.botToken).auth.test()).resolves.toMatchObject({ team_id: NEW_TEAM.id });
  });
});
