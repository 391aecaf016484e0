// Running the nudge jobs in tests: the outbox's own Slack client pointed at the harness's stand-in, a
// sweep at a chosen time, logs kept in memory, and the log modal's input for a plain chat.
import { Writable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { createLogger, type Log } from '../../src/log';
import type { DeliverOptions } from '../../src/nudges/deliver';
import { createDeliveryClient } from '../../src/nudges/slack';
import { runSweep } from '../../src/nudges/sweep';
import type { LogConversationInput } from '../../src/services/log';
import { TEAM } from './fixtures';
import type { Harness } from './harness';

/** A logger that keeps lines in memory (and can be inspected). */
export function memoryLog(level = 'debug'): { log: Log; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

/** A 20-minute video chat as the log modal hands it over: no skills, keywords or referrals, not thanked. */
export function chatLog(
  over: Pick<LogConversationInput, 'person' | 'date' | 'action'> & Partial<LogConversationInput>,
): LogConversationInput {
  return {
    minutes: 20,
    format: 'video',
    skills: [],
    keywords: [],
    referrals: [],
    thanked: false,
    ...over,
  };
}

/** The outbox's own client (no retries, 429s thrown) pointed at the harness's stand-in. */
export function deliveryClient(h: Harness, timeoutMs = 2000): WebClient {
  if (!h.coach.slackApiUrl) throw new Error('the harness app has no Slack API URL');
  return createDeliveryClient({ token: TEAM.botToken, slackApiUrl: h.coach.slackApiUrl, timeoutMs });
}

/**
 * One sweep at `when`, as the scheduler would run it, with the harness's clock moved there first
 * (unpaced unless `deliver` says otherwise, so nothing waits on real time).
 */
export function sweepAt(
  h: Harness,
  when: Date,
  options: { slack?: WebClient; log?: Log; deliver?: DeliverOptions } = {},
) {
  h.clock.set(when);
  return runSweep({
    now: when,
    db: h.db,
    slack: options.slack ?? deliveryClient(h),
    log: options.log ?? memoryLog('silent').log,
    deliver: options.deliver ?? { pace: false },
  });
}
