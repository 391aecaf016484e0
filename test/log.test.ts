import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubTokens, slackLogger, withoutPayloads } from '../src/log';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

describe('logging', () => {
  it('masks Slack tokens inside free text', () => {
    expect(scrubTokens('calling with xoxb-123-456-abc and xapp-1-A1-xyz')).toBe(
      'calling with xoxb-[redacted] and xapp-[redacted]',
    );
  });

  it('drops request and response bodies from the Slack SDK logs, keeping their own words', () => {
    expect(withoutPayloads('http request body: {"text":"my private note"}')).toBe(
      'http request body: [payload omitted]',
    );
    expect(withoutPayloads('[ERROR] must be less than 3001 characters [json-pointer:/blocks/0]')).toBe(
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0]',
    );
  });

  it('the adapter Bolt uses applies both', () => {
    const { log, lines } = capture();
    slackLogger(log).debug('http request body:', '{"token":"xoxb-1-2-3","text":"notes about Jane"}');
    const out = lines.join('');
    expect(out).toContain('payload omitted');
    expect(out).not.toContain('notes about Jane');
    expect(out).not.toContain('xoxb-1-2-3');
  });

  it('redacts secret and free-text fields by key in structured logs', () => {
    const { log, lines } = capture();
    log.info({ token: 'xoxb-9', notes: 'private', team: 'T1' }, 'something happened');
    const out = lines.join('');
    expect(out).not.toContain('xoxb-9');
    expect(out).not.toContain('private');
    expect(out).toContain('T1');
  });
});

describe('messages with braces', () => {
  it('keeps an error message whole when it has braces but no JSON, and every word after a payload', () => {
    expect(withoutPayloads("Cannot read properties of null (reading 'ssl_check') {at processEvent}")).toBe(
      "Cannot read properties of null (reading 'ssl_check') {at processEvent}",
    );
    expect(withoutPayloads('failed with {"text":"a note, with } inside"} then retried [code 503]')).toBe(
      'failed with [payload omitted] then retried [code 503]',
    );
  });
});

describe('database errors in logs', () => {
  it('drop the query Prisma quotes with its values, keeping the operation and what was wrong', () => {
    const prisma = [
      '',
      'Invalid `prisma.conversation.create()` invocation:',
      '',
      '{',
      '  data: {',
      '    notes: "she said her manager was unhappy with the reorg",',
      '    minutesRequested: "twenty"',
      '  }',
      '}',
      '',
      'Argument `minutesRequested`: Invalid value provided. Expected Int, provided String.',
    ].join('\n');
    const scrubbed = scrubTokens(prisma);
    expect(scrubbed).not.toContain('unhappy with the reorg');
    expect(scrubbed).toContain('prisma.conversation.create()');
    expect(scrubbed).toContain('Expected Int, provided String');
  });
});
