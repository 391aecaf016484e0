// The envelope check at unit depth: slash commands are checked field by field, forms are read the way
// Slack sends them. The whole path (a 400 for a malformed signed body) is covered in
// test/e2e/request-path.test.ts.
import { describe, expect, it } from 'vitest';
import { checkEnvelope, parseBody } from '../../src/slack/pipeline/envelope';

const FORM = 'application/x-www-form-urlencoded';

const command = {
  token: 'legacy',
  team_id: 'T1',
  channel_id: 'D1',
  user_id: 'U1',
  command: '/coach',
  text: 'help',
  response_url: 'https://hooks.slack.com/commands/T1/1/x',
  trigger_id: '1.2.abc',
};

describe('slash command envelope', () => {
  it('dispatches a well-formed command, the same object, unchanged', () => {
    const body = { ...command };
    const envelope = checkEnvelope(body);
    expect(envelope).toEqual({ kind: 'dispatch', body });
    expect(envelope.kind === 'dispatch' && envelope.body).toBe(body);
    // Optional fields may be absent.
    expect(checkEnvelope({ command: '/coach', user_id: 'U1', team_id: 'T1' }).kind).toBe('dispatch');
    expect(checkEnvelope({ ...command, text: '' }).kind).toBe('dispatch');
  });

  it.each([
    ['a missing user', { user_id: undefined }, 'user_id'],
    ['an empty team', { team_id: '' }, 'team_id'],
    ['an empty command', { command: '' }, 'command'],
    ['a command name too long', { command: `/${'c'.repeat(64)}` }, 'command'],
    ['a command that is not a string', { command: ['/coach', '/coach'] }, 'command'],
    ['text too long', { text: 'x'.repeat(4001) }, 'text'],
    ['text that is null', { text: null }, 'text'],
    ['a channel id too long', { channel_id: 'C'.repeat(256) }, 'channel_id'],
    ['a trigger id that is a number', { trigger_id: 7 }, 'trigger_id'],
    ['a response URL too long', { response_url: `https://${'x'.repeat(2000)}` }, 'response_url'],
  ])('refuses %s, naming the field', (_name, change, field) => {
    const envelope = checkEnvelope({ ...command, ...change });
    expect(envelope.kind).toBe('malformed');
    expect(envelope.kind === 'malformed' && envelope.reason.startsWith(`${field}: expected`)).toBe(true);
  });

  it('still checks the other kinds with their schemas', () => {
    expect(checkEnvelope({ type: 'block_actions', user: { id: 'U1' }, actions: 'edit' }).kind).toBe(
      'malformed',
    );
    expect(checkEnvelope({ type: 'view_submission', user: { id: 'U1' }, view: 'log' }).kind).toBe(
      'malformed',
    );
    expect(checkEnvelope({ type: 'event_callback', event: null }).kind).toBe('malformed');
    expect(checkEnvelope(null).kind).toBe('malformed');
    expect(checkEnvelope({ ssl_check: '1' })).toEqual({ kind: 'ssl_check' });
    expect(checkEnvelope({ type: 'url_verification', challenge: 'c' })).toEqual({
      kind: 'url_verification',
      challenge: 'c',
    });
  });
});

describe('parseBody', () => {
  it('reads a slash command form into plain strings, the last of a repeated field winning', () => {
    const raw = new URLSearchParams({ ...command, text: 'log Jane Doe & co' }).toString();
    expect(parseBody(`${raw}&text=help+me`, FORM)).toEqual({ ...command, text: 'help me' });
    const body = parseBody(raw, `${FORM}; charset=utf-8`) as Record<string, unknown>;
    expect(body.text).toBe('log Jane Doe & co');
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
  });

  it('reads the JSON in a payload field (the first one), and JSON bodies', () => {
    const payload = encodeURIComponent(JSON.stringify({ type: 'block_actions', n: 1 }));
    expect(parseBody(`payload=${payload}&payload=%7B%7D`, FORM)).toEqual({ type: 'block_actions', n: 1 });
    expect(parseBody('{"type":"event_callback"}', 'application/json')).toEqual({ type: 'event_callback' });
    expect(parseBody('payload=null', FORM)).toBeNull();
    expect(() => parseBody('payload=%7Bnot-json', FORM)).toThrow();
    expect(() => parseBody('a=b', 'text/plain')).toThrow('unsupported content type');
  });
});
