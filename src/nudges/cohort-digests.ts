// The cohorts' weekly posts, on the scheduler's every-minute tick: once a cohort's digest day and time
// (digestWeekday, digestHour, digestMinute in cohort.tz) have come in its local ISO week, the digest is
// posted in the channel, and each facilitator gets a DM listing the students who have gone quiet (none
// when nobody has). A scheduler that was down at the time posts them when it is back, later that same
// week; a week that is over is never posted.
//
// Exactly once, the same way as nudges (src/nudges/deliver.ts): each post is a CohortPost row, unique
// per (cohort, kind, week, recipient), claimed under a lease; the lease is renewed (proving it is still
// ours) right before the Slack call, and the message ts recorded in the statement that marks it sent.
// Two workers sweeping at once, or a sweep run twice, claim each row once; a worker that died after its
// claim leaves a row that the next sweep takes over once the lease has run out. The one window left is
// Slack accepting the message and the worker dying before it records it (one HTTP round trip).
//
// Errors: 429 → tried again after Retry-After; 5xx, timeouts and network errors → tried again in a few
// minutes; channel_not_found, not_in_channel, is_archived and other refusals → no more tries that week,
// logged with ids only; a token error → tried again in an hour (the app may be reinstalled).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { dueDigest } from '../coaching/cohort-digest';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { type CohortWeek, cohortWeek, scheduleOf } from '../services/cohort-digests';
import type { Message } from '../slack/surfaces';
import { buildDigestMessage, buildStalledDm } from '../slack/views/cohort-digest';
import {
  type CohortPostKey,
  claimCohortPost,
  cohortPostsOfWeek,
  cohortsOfInstalledWorkspaces,
  finishCohortPost,
  markCohortPostSent,
  releaseCohortPost,
  renewCohortPost,
} from '../store/cohort-posts';
import { type Cohort, cohortPeople } from '../store/cohorts';
import { classifySendError, type SlackForWorkspace, slackResolver } from './slack';

const MINUTE = 60_000;
const DONE = new Set(['sent', 'skipped', 'failed']);

export interface CohortJobsArgs {
  now: Date;
  db: Db;
  slack: WebClient | SlackForWorkspace;
  log: Log;
  /** Lease holder id; one per run by default. */
  owner?: string;
  /** How long a claim lasts before another worker may take the post over (default 5 min). */
  leaseMs?: number;
  /** After a 5xx, a timeout or a network error, the next try (default 5 min). */
  retryMs?: number;
  /** After a token error, or with no token for the workspace (default 1 h). */
  tokenRetryMs?: number;
  /** The moving clock for leases and sent times; default `now` plus the real time elapsed. */
  clock?: () => Date;
}

export type CohortPostOutcome = 'sent' | 'skipped' | 'retrying' | 'failed';

/** One post in a report: ids only. */
export interface CohortPostReportItem {
  workspaceId: string;
  cohortId: string;
  kind: 'digest' | 'stalled';
  week: string;
  recipientId: string;
  outcome: CohortPostOutcome;
  error?: string;
}

export interface CohortJobsReport {
  posts: CohortPostReportItem[];
}

interface Run {
  args: CohortJobsArgs;
  slack: SlackForWorkspace;
  owner: string;
  leaseMs: number;
  retryMs: number;
  tokenRetryMs: number;
  clock: () => Date;
  report: CohortJobsReport;
}

const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

function defaultOwner(): string {
  return `${hostname()}:${process.pid}:cohorts:${randomUUID().slice(0, 8)}`;
}

const later = (run: Run, ms: number) => new Date(run.clock().getTime() + ms);

/**
 * Claims one post, builds it (lazily: only the claimer pays for the figures), sends it and records the
 * outcome. `build` returns null when there is nothing to send (the row is then skipped for the week).
 */
async function deliverPost(
  run: Run,
  key: CohortPostKey & { kind: 'digest' | 'stalled' },
  channel: string,
  build: () => Promise<Message | null>,
): Promise<void> {
  const { db, log, now } = run.args;
  const report = (outcome: CohortPostOutcome, error?: string) =>
    run.report.posts.push({
      workspaceId: key.workspaceId,
      cohortId: key.cohortId,
      kind: key.kind,
      week: key.week,
      recipientId: key.recipientId,
      outcome,
      ...(error ? { error } : {}),
    });
  const claim = await claimCohortPost(db, key, {
    owner: run.owner,
    now,
    leaseUntil: later(run, run.leaseMs),
  });
  if (!claim.claimed) return;
  try {
    const message = await build();
    if (!message) {
      await finishCohortPost(db, key, run.owner, 'skipped');
      report('skipped');
      return;
    }
    const client = await run.slack(key.workspaceId);
    if (!client) {
      await releaseCohortPost(db, key, run.owner, later(run, run.tokenRetryMs));
      report('retrying', 'no token for the workspace');
      return;
    }
    // Renewing proves the lease is still ours: if it ran out and another worker took over, we must not post.
    if (!(await renewCohortPost(db, key, run.owner, later(run, run.leaseMs)))) {
      log.warn(
        { team: key.workspaceId, cohort: key.cohortId, kind: key.kind },
        'lost the lease before posting',
      );
      return;
    }
    let res: { channel?: string; ts?: string };
    try {
      res = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      const failure = classifySendError(error);
      const ids = { team: key.workspaceId, cohort: key.cohortId, kind: key.kind, week: key.week };
      if (failure.kind === 'ratelimited') {
        await releaseCohortPost(db, key, run.owner, later(run, failure.retryAfterMs));
        report('retrying', failure.message);
        log.warn({ ...ids, retryAfterMs: failure.retryAfterMs }, 'cohort post rate limited; will retry');
      } else if (failure.kind === 'transient') {
        await releaseCohortPost(db, key, run.owner, later(run, run.retryMs));
        report('retrying', failure.message);
        log.warn({ ...ids, err: failure.message }, 'cohort post failed; will retry');
      } else if (failure.tokenLevel) {
        await releaseCohortPost(db, key, run.owner, later(run, run.tokenRetryMs));
        report('retrying', failure.message);
        log.warn({ ...ids, err: failure.message }, 'cohort post refused for the token; will retry later');
      } else {
        await finishCohortPost(db, key, run.owner, 'failed');
        report('failed', failure.message);
        log.warn(
          { ...ids, channel, gone: CHANNEL_GONE.has(failure.message), err: failure.message },
          'cohort post refused; not trying again this week',
        );
      }
      return;
    }
    const recorded = await markCohortPostSent(db, key, run.owner, {
      channelId: res.channel ?? null,
      messageTs: res.ts ?? null,
      sentAt: run.clock(),
    });
    if (!recorded)
      log.warn({ team: key.workspaceId, cohort: key.cohortId }, 'posted, but the lease was gone');
    report('sent');
  } catch (error) {
    // A bug or a database hiccup: the claim runs out and a later sweep tries again.
    log.error(
      { team: key.workspaceId, cohort: key.cohortId, kind: key.kind, err: scrubTokens(String(error)) },
      'cohort post failed unexpectedly',
    );
  }
}

async function runCohort(run: Run, cohort: Cohort): Promise<void> {
  const { db, now } = run.args;
  const due = dueDigest(scheduleOf(cohort), now);
  if (!due) return;
  const existing = await cohortPostsOfWeek(db, cohort.workspaceId, cohort.id, due.week);
  const done = new Set(existing.filter((p) => DONE.has(p.status)).map((p) => `${p.kind}:${p.recipientId}`));
  let week: Promise<CohortWeek> | undefined;
  const figures = () => {
    week ??= cohortWeek(db, cohort, due.window, now);
    return week;
  };
  const base = { workspaceId: cohort.workspaceId, cohortId: cohort.id, week: due.week };

  if (!done.has('digest:')) {
    await deliverPost(run, { ...base, kind: 'digest', recipientId: '' }, cohort.channelId, async () => {
      const w = await figures();
      // A cohort nobody has joined as a student yet has nothing to tell its channel.
      return w.digest.totals.students === 0 ? null : buildDigestMessage(w.cohort, w.digest, due.window.start);
    });
  }
  const facilitators = (await cohortPeople(db, cohort.workspaceId, cohort.id)).filter(
    (p) => p.role === 'facilitator',
  );
  for (const facilitator of facilitators) {
    if (done.has(`stalled:${facilitator.memberId}`)) continue;
    await deliverPost(
      run,
      { ...base, kind: 'stalled', recipientId: facilitator.memberId },
      facilitator.slackUserId,
      async () => {
        const w = await figures();
        return w.stalled.length === 0 ? null : buildStalledDm(w.cohort, w.stalled);
      },
    );
  }
}

/** One pass over every cohort, as of `now`: posts whatever is due and not posted yet. */
export async function runCohortJobs(args: CohortJobsArgs): Promise<CohortJobsReport> {
  const started = performance.now();
  const run: Run = {
    args,
    slack: slackResolver(args.slack),
    owner: args.owner ?? defaultOwner(),
    leaseMs: args.leaseMs ?? 5 * MINUTE,
    retryMs: args.retryMs ?? 5 * MINUTE,
    tokenRetryMs: args.tokenRetryMs ?? 60 * MINUTE,
    clock: args.clock ?? (() => new Date(args.now.getTime() + (performance.now() - started))),
    report: { posts: [] },
  };
  for (const cohort of await cohortsOfInstalledWorkspaces(args.db)) {
    try {
      await runCohort(run, cohort);
    } catch (error) {
      args.log.error(
        { team: cohort.workspaceId, cohort: cohort.id, err: scrubTokens(String(error)) },
        'cohort posts failed',
      );
    }
  }
  const counts = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  for (const p of run.report.posts) counts[p.outcome] += 1;
  if (run.report.posts.length > 0) args.log.info({ at: args.now.toISOString(), ...counts }, 'cohort posts');
  return run.report;
}
