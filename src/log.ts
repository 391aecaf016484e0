// Structured logging. Secrets and users' free text are redacted by key wherever they appear, so a
// careless `log.info({ body })` still cannot leak a token or a note.
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import pino from 'pino';

export type Log = pino.Logger;

const REDACT = [
  'token',
  'botToken',
  'appToken',
  'userToken',
  'signingSecret',
  'clientSecret',
  'stateSecret',
  'authorization',
  'headers.authorization',
  'notes',
  'insights',
  'action',
  'text',
  'body',
  'payload',
  '*.token',
  '*.botToken',
  '*.notes',
  '*.text',
];

/** JSON lines for machines; readable lines when a person watches the terminal. */
export function createLogger(level: string, destination?: pino.DestinationStream): Log {
  const target =
    destination ??
    (process.stdout.isTTY
      ? pino.transport({
          target: 'pino-pretty',
          options: { ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
        })
      : undefined);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    target,
  );
}

const TOKEN_PATTERN = /\b(xox[abprse]|xapp)-[A-Za-z0-9-]+/g;

/** Masks anything that looks like a Slack token inside a free-form log string. */
export function scrubTokens(message: string): string {
  return withoutQueryArguments(message).replace(TOKEN_PATTERN, '$1-[redacted]');
}

// Prisma's errors quote the whole call with its arguments ("Invalid `prisma.x.create()` invocation:"
// followed by the query, values included, and last a paragraph saying what was wrong): the values are
// what members wrote, so everything between the operation and that last paragraph is dropped.
const PRISMA_INVOCATION = /Invalid `[\w.$]*\(\)` invocation/;

/** Drops the quoted query (with its values) from Prisma error messages. */
function withoutQueryArguments(message: string): string {
  const found = PRISMA_INVOCATION.exec(message);
  if (!found) return message;
  const start = found.index + found[0].length;
  const lastParagraph = message.lastIndexOf('\n\n');
  const explanation = lastParagraph > start ? message.slice(lastParagraph).trim() : '';
  return `${message.slice(0, start)}: [query omitted]${explanation ? ` ${explanation}` : ''}`;
}

/**
 * The Slack SDKs log request and response bodies at debug level ("http request body: {…}"), and those
 * carry what members wrote. Every JSON object or array inside a message (it starts `{"` or `[{` / `["`)
 * is replaced by a marker; the rest of the message, the SDKs' own words and error codes, is kept whole.
 */
export function withoutPayloads(message: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const start = jsonStart(message, i);
    if (start === -1) {
      out += message.slice(i);
      break;
    }
    out += `${message.slice(i, start).trimEnd()} [payload omitted]`;
    i = jsonEnd(message, start);
  }
  return out;
}

function jsonStart(text: string, from: number): number {
  const match = /\{"|\[\{|\["/.exec(text.slice(from));
  return match ? from + match.index : -1;
}

/** The index just past the JSON value starting at `start` (or the end of the text). */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function formatArgs(args: unknown[]): string {
  return withoutPayloads(
    scrubTokens(
      args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : '{}')).join(' '),
    ),
  );
}

type SlackMethod = 'debug' | 'info' | 'warn' | 'error';

const SLACK_RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 20,
  [LogLevel.INFO]: 30,
  [LogLevel.WARN]: 40,
  [LogLevel.ERROR]: 50,
};

/** The Slack SDKs' name for a pino level (they know four; `fatal` and `silent` show as `error`). */
function slackLevelOf(log: Log): LogLevel {
  const value = log.levelVal;
  if (value <= SLACK_RANK[LogLevel.DEBUG]) return LogLevel.DEBUG;
  if (value <= SLACK_RANK[LogLevel.INFO]) return LogLevel.INFO;
  if (value <= SLACK_RANK[LogLevel.WARN]) return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * Adapts the app logger to the interface Bolt and the Slack SDKs expect. A line is written only when
 * both the app's level (LOG_LEVEL) and the level the SDK set allow it, and nothing is formatted (or
 * scrubbed) for a level that is off: the SDKs log debug lines on every request. `getLevel` reports the
 * level in force, so the SDKs see what is really logged.
 */
export function slackLogger(log: Log, name = 'slack'): SlackLogger {
  let child = log.child({ component: name });
  /** The level the SDK asked for (Bolt sets one at start): it can only make the adapter quieter. */
  let asked: LogLevel | undefined;
  const floor = () => (asked === undefined ? 0 : SLACK_RANK[asked]);
  const write = (method: SlackMethod, args: unknown[]): void => {
    if (SLACK_RANK[method] < floor() || !child.isLevelEnabled(method)) return;
    child[method](formatArgs(args));
  };
  return {
    debug: (...args: unknown[]) => write('debug', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    setLevel: (level: LogLevel) => {
      asked = level in SLACK_RANK ? level : undefined;
    },
    getLevel: () => {
      const own = slackLevelOf(child);
      return asked !== undefined && SLACK_RANK[asked] > SLACK_RANK[own] ? asked : own;
    },
    setName: (n: string) => {
      child = log.child({ component: n });
    },
  };
}
