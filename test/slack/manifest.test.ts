// manifest.yml must be a valid app manifest (Slack's own JSON Schema) and agree with the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

  it('asks for no scope beyond what the code calls and the events it subscribes to (least privilege)', () => {
    // The scope each Web API method and event needs (Slack's method and event reference pages).
    const METHOD_SCOPES: Record<string, string[]> = {
      'auth.test': [],
      'chat.postMessage': ['chat:write'],
      'chat.postEphemeral': ['chat:write'],
      'chat.update': ['chat:write'],
      'chat.delete': ['chat:write'],
      'chat.scheduleMessage': ['chat:write'],
      'conversations.open': ['im:write'],
      'conversations.history': ['im:history'],
      'conversations.info': ['channels:read', 'groups:read'],
      'conversations.members': ['channels:read', 'groups:read'],
      'users.info': ['users:read'],
      'views.open': [],
      'views.push': [],
      'views.update': [],
      'views.publish': [],
      filesUploadV2: ['files:write'],
    };
    const EVENT_SCOPES: Record<string, string[]> = {
      app_home_opened: [],
      app_uninstalled: [],
      tokens_revoked: [],
      member_joined_channel: ['channels:read', 'groups:read'],
      member_left_channel: ['channels:read', 'groups:read'],
    };
    const called = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!['sandbox', 'generated'].includes(name)) walk(path);
          continue;
        }
        if (!name.endsWith('.ts')) continue;
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(
          /\b(?:client|slack|web)\??\.(chat|users|conversations|views|files|auth|team)\.([a-zA-Z]+)\(/g,
        ))
          called.add(`${m[1]}.${m[2]}`);
        if (/\.filesUploadV2\(/.test(source)) called.add('filesUploadV2');
      }
    };
    walk('src');
    const unknown = [...called].filter((m) => !(m in METHOD_SCOPES));
    expect(unknown, 'add the scope of each new Web API method here').toEqual([]);
    const needed = new Set<string>(['commands']);
    for (const method of called) for (const scope of METHOD_SCOPES[method] ?? []) needed.add(scope);
    for (const event of manifest.settings.event_subscriptions.bot_events)
      for (const scope of EVENT_SCOPES[event] ?? ['(unknown event)']) needed.add(scope);
    expect([...needed].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it("explains every scope in the README's table, and no other", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Scopes, and why each is needed'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Scope')));
    const documented = [...table.matchAll(/`([a-z]+:[a-z]+|commands)`/g)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...BOT_SCOPES].sort());
  });
});
