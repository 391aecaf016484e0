// Warm-intro timeouts, on the scheduler's beat: requests nobody answered within a week close, and each
// requester still owed a kind no (every classmate declined, or the week ran out) gets it once. The
// kind no is claimed (requesterToldAt, a conditional update) before it is sent, so two sweeps, or a
// sweep and a Decline click, never send it twice; one Slack could not take now is released for the
// next tick, one it refuses for good is dropped.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { claimOwedKindNos, expireStaleIntros, kindNoNotSent } from '../services/intros';
import { buildKindNoMessage } from '../slack/views/intros';
import { classifySendError, type SlackForWorkspace, slackResolver } from './slack';

export interface IntroTimeoutReport {
  expired: number;
  told: number;
  retrying: number;
  failed: number;
}

/** Kind nos sent per tick at most; the rest wait for the next one. */
const KIND_NOS_PER_TICK = 50;

export async function runIntroTimeouts(args: {
  now: Date;
  db: Db;
  slack: WebClient | SlackForWorkspace;
  log: Log;
}): Promise<IntroTimeoutReport> {
  const { now, db, log } = args;
  const slack = slackResolver(args.slack);
  const report: IntroTimeoutReport = {
    expired: await expireStaleIntros(db, now),
    told: 0,
    retrying: 0,
    failed: 0,
  };
  for (const kindNo of await claimOwedKindNos(db, now, KIND_NOS_PER_TICK)) {
    const client = await slack(kindNo.key.workspaceId);
    if (!client) {
      await kindNoNotSent(db, kindNo);
      report.retrying += 1;
      continue;
    }
    const message = buildKindNoMessage(kindNo.query);
    try {
      await client.chat.postMessage({
        channel: kindNo.requesterUserId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      report.told += 1;
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.kind === 'permanent') {
        report.failed += 1;
        log.warn({ team: kindNo.key.workspaceId, error: failure.message }, 'intro kind no refused; dropped');
      } else {
        await kindNoNotSent(db, kindNo);
        report.retrying += 1;
        log.warn(
          { team: kindNo.key.workspaceId, error: failure.message },
          'intro kind no not sent; retrying',
        );
      }
    }
  }
  if (report.expired + report.told + report.retrying + report.failed > 0) {
    log.info({ at: now.toISOString(), ...report }, 'intro timeouts');
  }
  return report;
}

export interface IntroTimeouts {
  /** One pass; failures are logged, never thrown (the rest of the tick goes on). */
  run(now: Date): Promise<void>;
}

export function introTimeouts(db: Db, slack: WebClient | SlackForWorkspace, log: Log): IntroTimeouts {
  return {
    async run(now) {
      try {
        await runIntroTimeouts({ now, db, slack, log });
      } catch (error) {
        log.error({ err: scrubTokens(String(error)) }, 'intro timeouts failed');
      }
    },
  };
}
