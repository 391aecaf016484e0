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
