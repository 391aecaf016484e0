import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from '../src/config';

const KEY_HEX = '0f'.repeat(32);

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to sandbox mode on embedded SQLite with no environment at all', () => {
    const config = loadConfig({});
    expect(config.slack.kind).toBe('sandbox');
    expect(config.databaseKind).toBe('sqlite');
    expect(config.databaseUrl).toBe('file:./data/coach.db');
    expect(config.port).toBe(3000);
    expect(config.schedulerEnabled).toBe(true);
  });

  it('selects HTTP, Socket Mode and OAuth from what is set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack.kind).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.kind).toBe('socket');
    expect(
      loadConfig({
        SLACK_CLIENT_ID: 'id',
        SLACK_CLIENT_SECRET: 'secret',
        SLACK_STATE_SECRET: 'state',
        SLACK_SIGNING_SECRET: 's',
        ENCRYPTION_KEY: KEY_HEX,
      }).slack.kind,
    ).toBe('oauth');
  });

  it('refuses OAuth mode without an encryption key, saying how to make one', () => {
    const message = problems({
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 'client-secret-value',
      SLACK_STATE_SECRET: 'state',
      SLACK_SIGNING_SECRET: 's',
    });
    expect(message).toContain('ENCRYPTION_KEY');
    expect(message).toContain('openssl rand -base64 32');
    expect(message).not.toContain('client-secret-value');
  });

  it('reads a 32-byte key given as hex or base64, and rejects anything else without printing it', () => {
    const bytes = Buffer.from(KEY_HEX, 'hex');
    expect(loadConfig({ ENCRYPTION_KEY: KEY_HEX }).encryption.key?.equals(bytes)).toBe(true);
    expect(loadConfig({ ENCRYPTION_KEY: bytes.toString('base64') }).encryption.key?.equals(bytes)).toBe(true);
    expect(loadConfig({ ENCRYPTION_KEY: bytes.toString('base64url') }).encryption.key?.equals(bytes)).toBe(
      true,
    );
    const short = problems({ ENCRYPTION_KEY: 'c2hvcnQta2V5LXZhbHVl' });
    expect(short).toContain('ENCRYPTION_KEY must be 32 bytes');
    expect(short).not.toContain('c2hvcnQta2V5LXZhbHVl');
    const previous = loadConfig({
      ENCRYPTION_KEY: KEY_HEX,
      ENCRYPTION_KEY_PREVIOUS: ` ${'ab'.repeat(32)} ,`,
    });
    expect(previous.encryption.previous.map((k) => k.toString('hex'))).toEqual(['ab'.repeat(32)]);
  });

  it('keeps conversations forever unless RETENTION_MONTHS is set above 0', () => {
    expect(loadConfig({}).retentionMonths).toBeUndefined();
    expect(loadConfig({ RETENTION_MONTHS: '0' }).retentionMonths).toBeUndefined();
    expect(loadConfig({ RETENTION_MONTHS: '18' }).retentionMonths).toBe(18);
    expect(problems({ RETENTION_MONTHS: 'soon' })).toContain('RETENTION_MONTHS');
  });

  it('recognises Postgres URLs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://coach:pw@db.internal:5433/coach' });
    expect(config.databaseKind).toBe('postgres');
    expect(describeDatabase(config)).toBe('Postgres (db.internal:5433/coach)');
    expect(describeDatabase(config)).not.toContain('pw');
  });

  it('names the missing key and never prints secret values', () => {
    const message = problems({ SLACK_BOT_TOKEN: 'xoxb-very-secret-value' });
    expect(message).toContain('SLACK_SIGNING_SECRET');
    expect(message).not.toContain('very-secret');
  });

  it('names each bad key', () => {
    const message = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_SIGNING_SECRET: 's',
      LOG_LEVEL: 'loud',
    });
    for (const key of ['PORT', 'DATABASE_URL', 'SLACK_BOT_TOKEN', 'LOG_LEVEL'])
      expect(message).toContain(key);
    expect(message).not.toContain('user-token-secret');
  });

  it('asks for every OAuth key when only some are set', () => {
    const message = problems({ SLACK_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 's' });
    expect(message).toContain('SLACK_CLIENT_SECRET');
    expect(message).toContain('SLACK_STATE_SECRET');
  });

  it('reads SCHEDULER_ENABLED=false', () => {
    expect(loadConfig({ SCHEDULER_ENABLED: 'false' }).schedulerEnabled).toBe(false);
  });
});
