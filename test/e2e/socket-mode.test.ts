// Socket Mode: the same app over a WebSocket from the stand-in instead of signed HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { SlackDriver } from '../../src/sandbox/slack-driver';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase } from '../support/db';
import { ALICE, TEAM } from '../support/fixtures';

const APP_TOKEN = 'xapp-1-A0TESTAPP-socket-secret';

describe('Socket Mode', () => {
  let standIn: SlackStandIn;
  let coach: RunningCoach;
  let driver: SlackDriver;
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    standIn = createSlackStandIn({ teams: [TEAM], users: [ALICE] });
    standIn.addAppToken(APP_TOKEN, TEAM.appId);
    cleanup.add(() => standIn.close());
    const { apiUrl, url } = await standIn.listen(0);
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: apiUrl,
      SCHEDULER_ENABLED: 'false',
    });
    expect(config.slack.kind).toBe('socket');
    coach = await startCoach(config, createLogger('silent'));
    cleanup.add(() => coach.stop());
    await standIn.socket.waitForConnection(5000);
    // Used only to build Slack-shaped payloads; nothing is posted over HTTP.
    driver = new SlackDriver({
      appUrl: url,
      signingSecret: 'unused',
      slack: standIn,
      teamId: TEAM.id,
      appId: TEAM.appId,
    });
  });

  it('answers /coach help in the envelope ack', async () => {
    const ack = await standIn.socket.deliver({
      type: 'slash_commands',
      payload: driver.commandFields(ALICE.id, 'help'),
      accepts_response_payload: true,
    });
    expect(ack).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack.text)).toContain('/coach add');
  });

  it('opens a modal from a slash command', async () => {
    await standIn.socket.deliver({
      type: 'slash_commands',
      payload: driver.commandFields(ALICE.id, 'add Jane'),
      accepts_response_payload: true,
    });
    const update = await standIn.waitForCall('views.update');
    expect(update.response).toMatchObject({ ok: true });
  });
});
