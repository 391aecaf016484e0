// manifest.yml must be a valid app manifest (Slack's own JSON Schema) and agree with the code.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../src/slack/app';
import { COACH_COMMAND } from '../../src/slack/listeners/commands';
import schema from '../fixtures/slack/specs/manifest.schema.1.0.0.json';

interface Manifest {
  features: { slash_commands: { command: string; usage_hint?: string }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean };
  };
}

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

describe('manifest.yml', () => {
  it("validates against Slack's manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the /coach command with a usage hint, App Home, interactivity and Socket Mode', () => {
    const command = manifest.features.slash_commands.find((c) => c.command === COACH_COMMAND);
    expect(command?.usage_hint).toBeTruthy();
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for exactly the scopes the app requests in OAuth mode', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('subscribes to the events the app handles', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'member_joined_channel',
      'member_left_channel',
      'tokens_revoked',
    ]);
  });
});
