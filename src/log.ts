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
  return message.replace(TOKEN_PATTERN, '$1-[redacted]');
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

/** Adapts the app logger to the interface Bolt and the Slack SDKs expect. */
export function slackLogger(log: Log, name = 'slack'): SlackLogger {
  let child = log.child({ component: name });
  let level = LogLevel.INFO;
  return {
    debug: (...args: unknown[]) => child.debug(formatArgs(args)),
    info: (...args: unknown[]) => child.info(formatArgs(args)),
    warn: (...args: unknown[]) => child.warn(formatArgs(args)),
    error: (...args: unknown[]) => child.error(formatArgs(args)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      child = log.child({ component: n });
    },
  };
}
