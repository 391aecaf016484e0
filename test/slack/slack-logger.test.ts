// The logger adapter Bolt and the Web API client write through: the app's level decides, nothing is
// formatted for a level that is off, and the level it reports is the one in force.
import { Writable } from 'node:stream';
import { LogLevel } from '@slack/logger';
import { describe, expect, it } from 'vitest';
import { createLogger, slackLogger } from '../../src/log';

function capture(level: string) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

/** An argument that counts how often the adapter reads it (formatting reads an Error's message). */
function counted(text: string): { arg: Error; reads: () => number } {
  let reads = 0;
  const arg = new Error('unused');
  Object.defineProperty(arg, 'message', {
    get() {
      reads++;
      return text;
    },
  });
  return { arg, reads: () => reads };
}

describe('slackLogger', () => {
  it('formats nothing for a level that is off, and writes the levels that are on', () => {
    const { log, lines } = capture('warn');
    const logger = slackLogger(log);
    const debug = counted('debug detail');
    const info = counted('info detail');
    logger.debug(debug.arg);
    logger.info(info.arg);
    expect(debug.reads()).toBe(0);
    expect(info.reads()).toBe(0);
    expect(lines).toEqual([]);

    const warn = counted('a warning with xoxb-1-2-3');
    logger.warn(warn.arg);
    expect(warn.reads()).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('a warning with xoxb-[redacted]');
  });

  it.each([
    ['trace', LogLevel.DEBUG],
    ['debug', LogLevel.DEBUG],
    ['info', LogLevel.INFO],
    ['warn', LogLevel.WARN],
    ['error', LogLevel.ERROR],
    ['fatal', LogLevel.ERROR],
    ['silent', LogLevel.ERROR],
  ])('reports LOG_LEVEL=%s as %s', (level, expected) => {
    expect(slackLogger(capture(level).log).getLevel()).toBe(expected);
  });

  it('lets the SDK make it quieter, never louder than LOG_LEVEL', () => {
    const { log, lines } = capture('warn');
    const logger = slackLogger(log);
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.WARN);
    logger.info('still off');
    expect(lines).toEqual([]);

    const loud = capture('debug');
    const quieter = slackLogger(loud.log);
    quieter.setLevel(LogLevel.ERROR);
    expect(quieter.getLevel()).toBe(LogLevel.ERROR);
    quieter.warn('off now');
    expect(loud.lines).toEqual([]);
    quieter.error('on');
    expect(loud.lines).toHaveLength(1);
  });

  it('keeps writing Bolt’s debug lines at LOG_LEVEL=debug once Bolt has set its level', () => {
    const { log, lines } = capture('debug');
    const logger = slackLogger(log, 'bolt');
    // What Bolt's App does at start with the level it was given (app.ts passes the adapter's own).
    logger.setLevel(logger.getLevel());
    logger.debug('http request body:', '{"text":"a private note"}');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"component":"bolt"');
    expect(lines[0]).toContain('http request body: [payload omitted]');
    expect(lines[0]).not.toContain('a private note');
  });
});
