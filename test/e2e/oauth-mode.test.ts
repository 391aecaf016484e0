// OAuth mode (many workspaces): the mode switch and Bolt's install routes. The install flow itself
// (installation store, token sealing) is built on top of this.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase } from '../support/db';

describe('OAuth mode', () => {
  let coach: RunningCoach;
  const cleanup = useCleanup('all');
  beforeAll(async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const standIn: SlackStandIn = createSlackStandIn();
    cleanup.add(() => standIn.close());
    const { apiUrl } = await standIn.listen(0);
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state-secret-value',
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      ENCRYPTION_KEY: 'ab'.repeat(32),
      SLACK_API_URL: apiUrl,
      SCHEDULER_ENABLED: 'false',
    });
    expect(config.slack.kind).toBe('oauth');
    coach = await startCoach(config, createLogger('silent'));
    cleanup.add(() => coach.stop());
  });

  it('serves the install page with the bot scopes and a state cookie', async () => {
    const res = await fetch(`http://127.0.0.1:${coach.port}/slack/install`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('slack-app-oauth-state');
    const html = await res.text();
    expect(html).toContain('client_id=123.456');
    expect(decodeURIComponent(html)).toContain('chat:write,commands');
  });

  it('answers health checks in OAuth mode too', async () => {
    const res = await fetch(`http://127.0.0.1:${coach.port}/healthz`);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'oauth' });
  });
});
