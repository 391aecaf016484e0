// Helpers for the nudge tests: delivery clients against the stand-in, reading nudge DMs, quiet logs.
import { Writable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { createLogger, type Log } from '../../src/log';
import { createDeliveryClient } from '../../src/nudges/slack';
import type { RecordedCall } from '../../src/sandbox';
import type { LogConversationInput } from '../../src/services/log';
import { NUDGE_ACTION_IDS, NUDGE_ACTIONS_BLOCK_ID } from '../../src/slack/views/nudge';
import { type Harness, TEAM } from '../support/harness';
import { blocksOf } from '../support/slack-play';

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

/** The nudge id a DM carries (the Done button's value); undefined for other messages. */
export function nudgeIdOf(call: RecordedCall): string | undefined {
  const actions = blocksOf(call).find((b) => b.block_id === NUDGE_ACTIONS_BLOCK_ID);
  return actions?.elements?.find((e) => e.action_id === NUDGE_ACTION_IDS.done)?.value;
}

/** chat.postMessage calls that were nudge DMs. */
export function nudgePosts(h: Harness): RecordedCall[] {
  return h.standIn.callsTo('chat.postMessage').filter((c) => nudgeIdOf(c) !== undefined);
}

/** Where a posted message lives, for clicking its buttons through the driver. */
export function messageOf(call: RecordedCall) {
  const res = call.response as { channel?: string; ts?: string } | null;
  return {
    channelId: String(res?.channel),
    ts: String(res?.ts),
    blocks: call.args.blocks as unknown[],
    text: String(call.args.text ?? ''),
  };
}

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
