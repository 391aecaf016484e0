import { readFileSync } from 'node:fs';
import { App } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/sandbox';
import { ALICE, COHORT, TEAM } from '../support/fixtures';
import { silentLogger, slackError, useStandIn } from '../support/stand-in';

const APP_TOKEN = `xapp-1-${TEAM.appId}-test`;

function fixture(name: string): { payload: JsonObject } {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/socket-mode/${name}`, import.meta.url), 'utf8'));
}

const s = useStandIn((started) => started.standIn.addAppToken(APP_TOKEN, TEAM.appId));
let app: App | undefined;

// Runs before useStandIn's own afterEach (Vitest runs after-hooks in reverse), so the app stops first.
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function startBoltApp(register: (app: App) => void): Promise<App> {
  const bolt = new App({
    token: TEAM.botToken,
    appToken: APP_TOKEN,
    socketMode: true,
    logger: silentLogger,
    clientOptions: { slackApiUrl: s.apiUrl, retryConfig: { retries: 0 }, logger: silentLogger },
  });
  register(bolt);
  app = bolt; // stopped after the test even when start() fails half way
  await bolt.start();
  return bolt;
}

function slashCommand(text: string): JsonObject {
  const { payload } = fixture('socket_mode_envelope_slash_commands.json');
  return {
    ...payload,
    team_id: TEAM.id,
    api_app_id: TEAM.appId ?? '',
    channel_id: COHORT.id,
    user_id: ALICE.id,
    command: '/coach',
    text,
    response_url: s.standIn.responseUrl(TEAM.id, COHORT.id, ALICE.id),
    trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
  };
}

describe('Socket Mode', () => {
  it('apps.connections.open returns a one-time ws:// URL for an app-level token', async () => {
    const result = await s.client(APP_TOKEN).apps.connections.open();
    expect(result.url).toMatch(new RegExp(`^${s.url.replace('http', 'ws')}/socket/[0-9a-f]+$`));
    expect(await slackError(s.client('xapp-unknown').apps.connections.open())).toMatchObject({
      error: 'invalid_auth',
    });
  });

  it('a Bolt app connects, acks a slash command with a payload, and its listener reaches the stand-in', async () => {
    await startBoltApp((bolt) => {
      bolt.command('/coach', async ({ ack, command, respond, client }) => {
        await ack({ text: `Working on "${command.text}"` });
        await respond({ text: 'Done' });
        await client.views.open({
          trigger_id: command.trigger_id,
          view: { type: 'modal', title: { type: 'plain_text', text: 'Coach' }, blocks: [] },
        });
      });
    });
    await s.standIn.socket.waitForConnection();
    expect(s.standIn.socket.connectionCount).toBe(1);
    const ack = await s.standIn.socket.deliver({ type: 'slash_commands', payload: slashCommand('add Ada') });
    expect(ack).toEqual({ text: 'Working on "add Ada"' });
    await s.standIn.waitForCall('views.open');
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      { text: 'Done', ephemeral: true, recipient: ALICE.id },
    ]);
    expect(s.standIn.openViews(ALICE.id)).toHaveLength(1);
  });

  it('delivers Events API envelopes; the app acks with an empty payload', async () => {
    await startBoltApp((bolt) => {
      bolt.event('app_mention', async ({ event, client }) => {
        await client.chat.postMessage({ channel: COHORT.id, text: `You said ${event.text}` });
      });
    });
    const { payload } = fixture('socket_mode_envelope_events_api.json');
    const ack = await s.standIn.socket.deliver({
      type: 'events_api',
      payload: { ...payload, team_id: TEAM.id },
    });
    expect(ack).toEqual({});
    const call = await s.standIn.waitForCall('chat.postMessage');
    expect(call.args.text).toBe('You said <@U111>');
  });

  it('rejects deliver when nobody acks in time, and when no app is connected', async () => {
    await expect(s.standIn.socket.deliver({ type: 'slash_commands', payload: {} })).rejects.toThrow(
      /No Socket Mode connection/,
    );
    await startBoltApp(() => undefined);
    // No listener for this command: Bolt never acks it.
    await expect(
      s.standIn.socket.deliver({ type: 'slash_commands', payload: slashCommand('nobody listens') }, 200),
    ).rejects.toThrow(/No ack/);
  });
});
