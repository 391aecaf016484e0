// The only reader of process.env. Parsed once at start with one zod schema; errors name the bad keys
// and never print values (they may be secrets).
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

/** How to make a key, in the messages that ask for one. */
export const MAKE_KEY = 'openssl rand -base64 32';

/** A 32-byte key from 64 hex digits or base64 (standard or URL-safe); undefined when it is neither. */
export function parseKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default('file:./data/coach.db')
      .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
        message: 'must start with file: (SQLite) or postgres:// / postgresql:// (Postgres)',
      }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
    DRAFT_THREADS: z.coerce.number().int().min(0).max(16).default(1),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().trim().default('0.0.0.0'),
    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'must be a bot token (starts with xoxb-)',
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'must be an app-level token (starts with xapp-)',
    }),
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString,
    SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be an http(s) URL',
    }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SCHEDULER_ENABLED: booleanFlag,
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** 32 bytes, base64 or hex: seals OAuth tokens at rest. Required in OAuth mode. */
    ENCRYPTION_KEY: optionalString.refine((v) => v === undefined || parseKey(v) !== undefined, {
      message: `must be 32 bytes, base64 or hex (make one with: ${MAKE_KEY})`,
    }),
    /** Earlier keys (comma-separated), still read until `coach rotate-key` re-seals their values. */
    ENCRYPTION_KEY_PREVIOUS: optionalString.refine(
      (v) =>
        v === undefined || v.split(',').every((k) => k.trim() === '' || parseKey(k.trim()) !== undefined),
      { message: 'must be keys of 32 bytes, base64 or hex, separated by commas' },
    ),
    /** Conversations older than this many months are deleted nightly; off when unset or 0. */
    RETENTION_MONTHS: z.coerce.number().int().min(0).max(600).optional(),
    /** Public base URL of the app (https://coach.example.org), for the OAuth redirect URL. */
    APP_BASE_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
      message: 'must be an http(s) URL',
    }),
  })
  .superRefine((env, ctx) => {
    const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (oauth.some(Boolean) && !oauth.every(Boolean)) {
      for (const key of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required for OAuth mode' });
      }
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN && !oauth.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required with SLACK_APP_TOKEN',
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
    if (oauth.every(Boolean) && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required for OAuth mode' });
    }
    if (oauth.every(Boolean) && !env.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message: `is required for OAuth mode: it seals the installations' tokens at rest. Make one with: ${MAKE_KEY}`,
      });
    }
  });

export type SlackMode =
  | { kind: 'sandbox' }
  | { kind: 'http'; botToken: string; signingSecret: string }
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string; signingSecret: string };

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Config {
  databaseUrl: string;
  databaseKind: DatabaseKind;
  /** Postgres connections per process (SQLite uses one). */
  databasePoolSize: number;
  /** Worker threads for the after-log thank-you drafts (0: drafted on the event loop). */
  draftThreads: number;
  port: number;
  host: string;
  slack: SlackMode;
  slackApiUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  schedulerEnabled: boolean;
  sandboxPort: number;
  /** Keys sealing tokens at rest: the current one (required in OAuth mode) and earlier ones still read. */
  encryption: { key: Buffer | undefined; previous: Buffer[] };
  /** Months conversations are kept; undefined keeps them until the member deletes them. */
  retentionMonths: number | undefined;
  /** Public base URL of the app, when set: the OAuth redirect URL is built from it. */
  appBaseUrl: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function slackMode(env: z.infer<typeof envSchema>): SlackMode {
  if (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET && env.SLACK_SIGNING_SECRET) {
    return {
      kind: 'oauth',
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
      stateSecret: env.SLACK_STATE_SECRET,
      signingSecret: env.SLACK_SIGNING_SECRET,
    };
  }
  if (env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN) {
    return {
      kind: 'socket',
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
    };
  }
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    return { kind: 'http', botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET };
  }
  return { kind: 'sandbox' };
}

/** Parses configuration from an environment (process.env by default). Throws ConfigError naming bad keys. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'} ${i.message}`),
    );
  }
  const e = parsed.data;
  const mode = slackMode(e);
  const schedulerDefault = true;
  return {
    databaseUrl: e.DATABASE_URL,
    databaseKind: e.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgres',
    databasePoolSize: e.DATABASE_POOL_SIZE,
    draftThreads: e.DRAFT_THREADS,
    port: e.PORT,
    host: e.HOST,
    slack: mode,
    slackApiUrl: e.SLACK_API_URL,
    logLevel: e.LOG_LEVEL,
    schedulerEnabled: e.SCHEDULER_ENABLED ?? schedulerDefault,
    sandboxPort: e.SANDBOX_PORT,
    encryption: {
      key: e.ENCRYPTION_KEY ? parseKey(e.ENCRYPTION_KEY) : undefined,
      previous: (e.ENCRYPTION_KEY_PREVIOUS ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .map((k) => parseKey(k) as Buffer),
    },
    retentionMonths: e.RETENTION_MONTHS ? e.RETENTION_MONTHS : undefined,
    appBaseUrl: e.APP_BASE_URL?.replace(/\/+$/, ''),
  };
}

/** One line describing where the database is, without credentials. */
export function describeDatabase(config: Config): string {
  if (config.databaseKind === 'sqlite') return `SQLite (${config.databaseUrl.slice('file:'.length)})`;
  try {
    const url = new URL(config.databaseUrl);
    return `Postgres (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`;
  } catch {
    return 'Postgres';
  }
}
