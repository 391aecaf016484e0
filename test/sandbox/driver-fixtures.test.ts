// The driver plays Slack: what it posts must have the shape of Slack's own payloads (test/fixtures/slack)
// and carry signatures computed the way Slack's published example is.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { SlackDriver, signature } from '../../src/sandbox/slack-driver';
import homeOpened from '../fixtures/slack/events_app_home_opened_home_tab.json';
import blockActions from '../fixtures/slack/interactivity_block_actions.json';
import shortcut from '../fixtures/slack/interactivity_shortcut_global.json';
import viewClosed from '../fixtures/slack/interactivity_view_closed.json';
import viewSubmission from '../fixtures/slack/interactivity_view_submission.json';
import vector from '../fixtures/slack/signature_test_vector.json';
import slashCommand from '../fixtures/slack/slash_command.json';
import { useCleanup } from '../support/cleanup';

interface Captured {
  headers: IncomingMessage['headers'];
  body: string;
}

/** Keys of `fixture` missing from `actual`, recursively for nested objects (arrays: first element). */
function missingKeys(fixture: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(fixture))
    return Array.isArray(actual) && fixture.length && actual.length
      ? missingKeys(fixture[0], actual[0], `${path}[0]`)
      : [];
  if (!fixture || typeof fixture !== 'object') return [];
  if (!actual || typeof actual !== 'object') return [path || '(root)'];
  const missing: string[] = [];
  for (const [key, value] of Object.entries(fixture)) {
    if (key.startsWith('_')) continue;
    // Block ids under state.values are the fixture's own; the shape below them is checked elsewhere.
    if (path.endsWith('.state.values')) continue;
    if (!(key in actual)) missing.push(`${path}.${key}`);
    else missing.push(...missingKeys(value, (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return missing;
}

// Fields of the fixtures that only Enterprise Grid workspaces send, or only legacy payloads carry.
const OPTIONAL = new Set([
  '.enterprise_id',
  '.enterprise_name',
  '.team.enterprise_id',
  '.team.enterprise_name',
  '.authed_users',
  '.actions[0].text',
]);

describe('the driver speaks Slack', () => {
  let server: Server;
  let standIn: SlackStandIn;
  let driver: SlackDriver;
  const captured: Captured[] = [];
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    standIn = createSlackStandIn({
      teams: [
        { id: 'T1', name: 'T', botToken: 'xoxb-1', botUserId: 'UB', botId: 'B1', homeTabEnabled: true },
      ],
      users: [{ id: 'U1', teamId: 'T1', name: 'u' }],
    });
    await standIn.listen(0);
    cleanup.add(() => standIn.close());
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        captured.push({ headers: req.headers, body });
        res.end('');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise((resolve) => server.close(resolve)));
    const port = (server.address() as AddressInfo).port;
    driver = new SlackDriver({
      appUrl: `http://127.0.0.1:${port}`,
      signingSecret: 's3cret',
      slack: standIn,
      teamId: 'T1',
    });
  });

  const last = () => captured.at(-1)!;
  const payload = () => JSON.parse(new URLSearchParams(last().body).get('payload') ?? 'null');

  it("computes Slack's published signature example", () => {
    expect(
      signature(vector.signing_secret, vector.headers['X-Slack-Request-Timestamp'], vector.raw_body),
    ).toBe(vector.headers['X-Slack-Signature']);
  });

  it('signs every request over the raw body with a fresh timestamp and the bare form content type', async () => {
    await driver.command('U1', 'help');
    const { headers, body } = last();
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    const ts = String(headers['x-slack-request-timestamp']);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers['x-slack-signature']).toBe(signature('s3cret', ts, body));
  });

  it('sends slash commands with every field of the docs example', async () => {
    await driver.command('U1', 'log Jane');
    const fields = Object.fromEntries(new URLSearchParams(last().body));
    expect(missingKeys(slashCommand, fields).filter((k) => !OPTIONAL.has(k))).toEqual([]);
    expect(fields.command).toBe('/coach');
    expect(fields.text).toBe('log Jane');
  });

  it('sends block_actions like Slack', async () => {
    await driver.blockAction(
      'U1',
      { action_id: 'a', value: 'v' },
      { message: { channelId: 'D1', ts: '1.2', isEphemeral: true } },
    );
    expect(missingKeys(blockActions, payload()).filter((k) => !OPTIONAL.has(k))).toEqual([]);
  });

  it('sends view_submission and view_closed like Slack', async () => {
    const view = {
      id: 'V1',
      callback_id: 'cb',
      private_metadata: '',
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
      root_view_id: 'V1',
      previous_view_id: null,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel' },
      submit: { type: 'plain_text', text: 'Save' },
      app_id: 'A1',
      bot_id: 'B1',
      app_installed_team_id: 'T1',
    };
    await driver.submitView('U1', view, {});
    expect(missingKeys(viewSubmission, payload()).filter((k) => !OPTIONAL.has(k))).toEqual([]);
    await driver.closeView('U1', view);
    expect(missingKeys(viewClosed, payload()).filter((k) => !OPTIONAL.has(k))).toEqual([]);
  });

  it('sends global shortcuts like Slack', async () => {
    await driver.shortcut('U1', 'log_conversation_shortcut');
    expect(missingKeys(shortcut, payload()).filter((k) => !OPTIONAL.has(k))).toEqual([]);
  });

  it('sends Events API envelopes like Slack, as JSON', async () => {
    await driver.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    expect(last().headers['content-type']).toBe('application/json');
    const envelope = JSON.parse(last().body);
    const expected = { ...homeOpened, event: { ...homeOpened.event, view: undefined } };
    delete (expected.event as { view?: unknown }).view;
    expect(missingKeys(expected, envelope).filter((k) => !OPTIONAL.has(k))).toEqual([]);
  });
});
