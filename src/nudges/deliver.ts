// The sending half of a sweep: claim due nudges under a lease, re-check each against the member's
// data, send it, and record the Slack message in the same statement that marks it sent.
//
// Exactly once, and where it is not:
// - A nudge is only sent by the holder of its lease, and the lease is renewed (which also proves we
//   still hold it) immediately before the Slack call. markNudgeSent only succeeds for the holder.
// - A process killed after the claim and before the send leaves a "sending" row; once its lease
//   expires the next sweep claims it again and sends it once.
// - Slack accepted the message but the process died (or the request timed out, or the connection
//   dropped) before markNudgeSent: the lease expires, or the error is retried, and the nudge is
//   claimed again. Every nudge DM carries its nudges' ids in its message metadata, so before sending
//   a nudge claimed before (attempts > 1) the sweep reads the member's DM (conversations.history) and,
//   when a message there already carries it, records it as sent with that message instead of sending
//   it again. What is left: a history that cannot be read (no im:history scope, an error; then the
//   nudge is sent again: at-least-once, never dropped), or one that does not show the message yet.
//
// Errors: 429 → the workspace waits out Retry-After (recorded for every worker, see pacing.ts), the
// nudge is retried then, in the same sweep when the wait is short; 5xx, timeouts and network errors →
// retried with exponential backoff (1 min × 2^(attempt−1), at most 1 h) for as long as the nudge's
// moment lasts (see `retryDeadline`: a thank-you until its 24-hour deadline, a wrap-up until the
// chat's planned end, others for a day), then failed with the last error and "its moment passed";
// permanent errors (user_not_found, is_archived…) → failed at once; token errors (token_revoked,
// account_inactive, invalid_auth…) → failed at once, and the rest of the workspace's batch is put
// back and the workspace paused for an hour.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { WebClient } from '@slack/web-api';
import { createRechecker, nudgeDeadline, type Rechecker } from '../coaching/nudge-rules';
import { type MemberSnapshot, NUDGE_KINDS, type NudgeKind } from '../coaching/types';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { buildFoldedNudgeMessage, buildNudgeMessage } from '../slack/views/nudge';
import type { Member } from '../store/members';
import {
  blockWorkspaceSends,
  claimDueNudges,
  FOLD_LIMIT,
  finishClaimedNudge,
  markNudgeSent,
  type Nudge,
  parseDedupeKey,
  previewDueNudges,
  releaseClaimedNudges,
  releaseNudge,
  renewLease,
} from '../store/nudges';
import { loadSnapshot } from '../store/snapshot';
import { composeFoldedNudges, composeNudge } from './compose';
import { createPacer, createUnpaced, DEFAULT_PACE, type PaceOptions, type Pacer } from './pacing';
import { classifySendError, findDeliveredNudges, nudgeMetadata, type SlackForWorkspace } from './slack';

const MINUTE = 60_000;
/** Nudges of one kind folded into one message at most (the message stays short and inside Slack's limits). */
const MAX_FOLDED = FOLD_LIMIT;
const HOUR = 60 * MINUTE;

export interface DeliverOptions {
  /** Lease holder id; one per sweep by default. */
  owner?: string;
  /** How long a claim lasts before another sweep may take the nudge over (default 5 min). */
  leaseMs?: number;
  /** Nudges claimed at a time (default 50). */
  batchSize?: number;
  /**
   * Claims without an answer before a nudge fails for good (a sender that keeps dying on it; default
   * 100). Transient send errors are bounded by the nudge's moment instead (`retryDeadline`).
   */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** How long sends to a workspace stop after a token error (default 1 h). */
  tokenPauseMs?: number;
  /** Per-workspace pacing; false turns it off (tests with thousands of nudges). */
  pace?: Partial<PaceOptions> | false;
  /**
   * The sweep's budget (default 45 s: the next minute's sweep takes over). Near its end (the last
   * `budgetMarginMs`, default 5 s or a fifth of the budget when smaller) the sweep claims no more and
   * starts no send: what it holds is handed back (lease released, due as before) for the next tick.
   */
  budgetMs?: number;
  budgetMarginMs?: number;
  /** The moving clock for leases, pacing and backoff; default `now` plus the real time elapsed. */
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface DeliverDeps {
  now: Date;
  db: Db;
  slack: SlackForWorkspace;
  log: Log;
  dryRun?: boolean;
}

/** One nudge in a report: never its text. */
export interface NudgeReportItem {
  nudgeId: string;
  kind: string;
  workspaceId: string;
  memberId: string;
  slackUserId: string | null;
  dueAt: Date;
  error?: string;
}

export interface DeliverReport {
  sent: NudgeReportItem[];
  /** Dry run: what would be sent. */
  wouldSend: NudgeReportItem[];
  cancelled: NudgeReportItem[];
  deferred: NudgeReportItem[];
  /** Put back for a later attempt (5xx, timeout, 429, pacing, a stopped workspace). */
  retrying: NudgeReportItem[];
  failed: NudgeReportItem[];
  /** Workspaces whose sends stopped in this sweep, and why. */
  stoppedWorkspaces: { workspaceId: string; reason: string; until: Date }[];
  /** The sweep stopped at its budget: nudges may still be due (the scheduler sweeps again at once). */
  budgetReached?: boolean;
}

/** A sweep's budget unless told otherwise: the next minute's sweep takes over. */
export const DEFAULT_BUDGET_MS = 45_000;

/** Whether the sweep stopped at its budget with nudges still due (handed back for the next one). */
export function stoppedByBudget(report: DeliverReport): boolean {
  return report.budgetReached === true;
}

function emptyDeliverReport(): DeliverReport {
  return {
    sent: [],
    wouldSend: [],
    cancelled: [],
    deferred: [],
    retrying: [],
    failed: [],
    stoppedWorkspaces: [],
  };
}

function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Exponential backoff after the n-th failed attempt: base × 2^(n−1), capped. */
export function backoffMs(attempts: number, baseMs = MINUTE, maxMs = HOUR): number {
  const n = Math.max(1, attempts);
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
}

/** How long a nudge without a deadline of its own is worth retrying after its first failure. */
const RETRY_WINDOW_MS: Record<NudgeKind, number> = {
  thank_you: 24 * HOUR,
  referral: 24 * HOUR,
  follow_up: 24 * HOUR,
  prep: 2 * HOUR,
  wrap_up: 10 * MINUTE,
  debrief: 12 * HOUR,
  close_loop: 24 * HOUR,
  keep_in_touch: 24 * HOUR,
  weekly_summary: 12 * HOUR,
};

/**
 * Until when a transient failure is worth retrying: the kind's own deadline when it has one (a
 * thank-you's 24 hours, a prep's chat start, a wrap-up's planned end), else a window per kind counted
 * from the first failure (estimated from the attempts and the backoff curve, so no column is needed).
 */
function retryDeadline(
  nudge: Pick<Nudge, 'kind' | 'subjectId' | 'attempts'>,
  snapshot: MemberSnapshot,
  now: Date,
  baseMs = MINUTE,
  maxMs = HOUR,
): Date {
  const kind = isKind(nudge.kind) ? nudge.kind : 'follow_up';
  const own = nudgeDeadline(kind, nudge.subjectId, snapshot);
  if (own) return own;
  let sinceFirstFailure = 0;
  for (let n = 1; n < nudge.attempts; n++) sinceFirstFailure += backoffMs(n, baseMs, maxMs);
  return new Date(now.getTime() - sinceFirstFailure + RETRY_WINDOW_MS[kind]);
}

/** When to try again after a transient failure, or null when the nudge's moment will have passed. */
function nextRetryAt(
  attempts: number,
  deadline: Date,
  now: Date,
  baseMs = MINUTE,
  maxMs = HOUR,
): Date | null {
  const wanted = now.getTime() + backoffMs(attempts, baseMs, maxMs);
  // A last try shortly before the deadline rather than none at all.
  const lastChance = deadline.getTime() - Math.min(baseMs, MINUTE);
  const at = Math.min(wanted, lastChance);
  return at > now.getTime() ? new Date(at) : null;
}

function isKind(kind: string): kind is NudgeKind {
  return (NUDGE_KINDS as readonly string[]).includes(kind);
}

interface MemberContext {
  member: Member;
  active: boolean;
  snapshot: MemberSnapshot;
  /** Is each of this member's nudges still warranted now? (one planning pass per member and sweep) */
  recheck: Rechecker;
}

interface Run {
  deps: DeliverDeps;
  owner: string;
  leaseMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  tokenPauseMs: number;
  clock: () => Date;
  /** On the run's clock: no claim and no send starts after this. */
  stopAt: number;
  sleep: (ms: number) => Promise<void>;
  pacer: Pacer;
  report: DeliverReport;
  members: Map<string, Promise<MemberContext | null>>;
  /** Workspaces whose DM history cannot be read (no im:history scope): not asked again this sweep. */
  historyUnavailable: Set<string>;
}

function item(n: Nudge, member: Member | null, error?: string): NudgeReportItem {
  return {
    nudgeId: n.id,
    kind: n.kind,
    workspaceId: n.workspaceId,
    memberId: n.memberId,
    slackUserId: member?.slackUserId ?? null,
    dueAt: n.dueAt,
    ...(error ? { error } : {}),
  };
}

async function loadMemberContext(db: Db, memberId: string, now: Date): Promise<MemberContext | null> {
  const row = await db.member.findUnique({ where: { id: memberId }, include: { workspace: true } });
  if (!row) return null;
  const { workspace, ...member } = row;
  const snapshot = await loadSnapshot(db, member);
  return { member, active: !workspace.uninstalledAt, snapshot, recheck: createRechecker(snapshot, now) };
}

function memberContext(run: Run, memberId: string): Promise<MemberContext | null> {
  let found = run.members.get(memberId);
  if (!found) {
    found = loadMemberContext(run.deps.db, memberId, run.deps.now);
    run.members.set(memberId, found);
  }
  return found;
}

type Decision =
  | { action: 'send'; ctx: MemberContext }
  | { action: 'cancel'; reason: string }
  | { action: 'defer'; dueAt: Date };

/** Right before sending: is the reason still there, and is now still the time? */
async function decide(run: Run, nudge: Nudge): Promise<Decision & { member: Member | null }> {
  const ctx = await memberContext(run, nudge.memberId);
  if (!ctx) return { action: 'cancel', reason: 'member gone', member: null };
  if (!ctx.active) return { action: 'cancel', reason: 'app uninstalled', member: ctx.member };
  if (!isKind(nudge.kind))
    return { action: 'cancel', reason: `unknown kind ${nudge.kind}`, member: ctx.member };
  const { occurrence } = parseDedupeKey(nudge.dedupeKey);
  const check = ctx.recheck(nudge.kind, nudge.subjectId, occurrence);
  if (check.action === 'cancel')
    return { action: 'cancel', reason: 'no longer warranted', member: ctx.member };
  if (check.action === 'defer') return { action: 'defer', dueAt: check.dueAt, member: ctx.member };
  return { action: 'send', ctx, member: ctx.member };
}

interface WorkspaceStop {
  until: Date;
  reason: string;
}

interface SendGroup {
  ctx: MemberContext;
  nudges: Nudge[];
}

/**
 * Sends one workspace's claimed nudges. Returns normally; every outcome is recorded.
 * Due nudges of one kind for one member go out as one message (a backlog after the sweeps were
 * down: "3 follow-ups are waiting: Ana, Ben and Chen"), so a member gets at most one of a kind per
 * sweep; each nudge in it is recorded as sent with that message, so none comes twice.
 * Messages go round-robin by member (one member's backlog never holds up everyone else), in order
 * within a member, and at most one per `channelGapMs` to a member's DM channel: a member whose
 * channel is not ready yet is skipped for one whose is, and the sweep waits only when none is.
 */
async function deliverWorkspace(run: Run, workspaceId: string, nudges: Nudge[]): Promise<void> {
  const { db, log, now } = run.deps;
  let stop: WorkspaceStop | null = null;
  const stopWorkspace = (until: Date, reason: string) => {
    stop = { until, reason };
    run.report.stoppedWorkspaces.push({ workspaceId, reason, until });
  };

  const groups = new Map<string, Nudge[]>();
  for (const nudge of nudges) {
    const key = `${nudge.memberId}:${nudge.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), nudge]);
  }

  // First what is still warranted (no Slack call yet), then the sends.
  const queues = new Map<string, SendGroup[]>();
  for (const group of groups.values()) {
    const sendable: Nudge[] = [];
    let ctx: MemberContext | null = null;
    for (const nudge of group) {
      const ctxMember = (await run.members.get(nudge.memberId)) ?? null;
      try {
        if (nudge.attempts > run.maxAttempts) {
          // Claimed again and again without an answer (e.g. a sender that keeps dying on it).
          const reason = nudge.lastError ?? `no result after ${run.maxAttempts} attempts`;
          await finishClaimedNudge(db, nudge.id, run.owner, 'failed', reason, now);
          run.report.failed.push(item(nudge, ctxMember?.member ?? null, reason));
          continue;
        }
        const decision = await decide(run, nudge);
        if (decision.action === 'cancel') {
          if (await finishClaimedNudge(db, nudge.id, run.owner, 'cancelled', decision.reason, now)) {
            run.report.cancelled.push(item(nudge, decision.member, decision.reason));
          }
          continue;
        }
        if (decision.action === 'defer') {
          if (await releaseNudge(db, nudge.id, run.owner, { dueAt: decision.dueAt, countAttempt: false })) {
            run.report.deferred.push(item({ ...nudge, dueAt: decision.dueAt }, decision.member));
          }
          continue;
        }
        ctx = decision.ctx;
        sendable.push(nudge);
      } catch (error) {
        // A bug or a database hiccup: leave the claim to expire and be retried by a later sweep.
        log.error(
          { nudge: nudge.id, err: scrubTokens(String(error)) },
          'delivering a nudge failed unexpectedly',
        );
      }
    }
    if (sendable.length === 0 || ctx === null) continue;
    // A folded message shows at most MAX_FOLDED; the rest wait for the next sweep (a minute later).
    for (const rest of sendable.splice(MAX_FOLDED)) {
      if (await releaseNudge(db, rest.id, run.owner, { dueAt: rest.dueAt, countAttempt: false })) {
        run.report.retrying.push(item(rest, ctx.member, 'folded into the next message'));
      }
    }
    const memberId = ctx.member.id;
    queues.set(memberId, [...(queues.get(memberId) ?? []), { ctx, nudges: sendable }]);
  }

  /** Everything still queued goes back, due as before (or not before `until`), in one go. */
  const handBackAll = async (reason: string, until?: Date) => {
    if (reason === 'sweep budget reached') run.report.budgetReached = true;
    const held = [...queues.values()]
      .flat()
      .flatMap((g) => g.nudges.map((n) => ({ n, member: g.ctx.member })));
    queues.clear();
    const back = new Set(
      await releaseClaimedNudges(
        db,
        held.map((h) => h.n.id),
        run.owner,
        until,
      ),
    );
    for (const { n, member } of held) if (back.has(n.id)) run.report.retrying.push(item(n, member, reason));
  };

  const lastSent = new Map<string, number>();
  const channelReadyAt = async (memberId: string): Promise<number> => {
    const gap = run.pacer.channelGapMs;
    if (gap <= 0) return 0;
    let last = lastSent.get(memberId);
    if (last === undefined) {
      // Another sweeper may have written to this member a moment ago.
      const recent = await db.nudge.findFirst({
        where: { memberId, sentAt: { gt: new Date(run.clock().getTime() - gap) } },
        orderBy: { sentAt: 'desc' },
        select: { sentAt: true },
      });
      last = recent?.sentAt?.getTime() ?? 0;
      lastSent.set(memberId, last);
    }
    return last + gap;
  };

  let turn = 0;
  while (queues.size > 0) {
    const current = stop as WorkspaceStop | null;
    if (current) {
      await handBackAll(current.reason, current.until);
      break;
    }
    if (outOfBudget(run)) {
      await handBackAll('sweep budget reached');
      break;
    }
    // The next member in turn whose channel is ready.
    const members = [...queues.keys()];
    const at = run.clock().getTime();
    let picked: string | null = null;
    let soonest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < members.length; k++) {
      const memberId = members[(turn + k) % members.length] as string;
      const ready = await channelReadyAt(memberId);
      if (ready <= at) {
        picked = memberId;
        turn = (turn + k + 1) % Math.max(1, members.length);
        break;
      }
      soonest = Math.min(soonest, ready);
    }
    if (picked === null) {
      if (soonest >= run.stopAt) {
        await handBackAll('sweep budget reached');
        break;
      }
      await run.sleep(Math.max(1, soonest - at));
      continue;
    }
    const list = queues.get(picked) as SendGroup[];
    const group = list.shift() as SendGroup;
    if (list.length === 0) queues.delete(picked);
    try {
      const outcome = await sendGroup(run, workspaceId, group.ctx, group.nudges, stopWorkspace);
      // A 429: the group goes back to the front of its member's queue, sent after the Retry-After.
      if (outcome === 'again') {
        const rest = queues.get(picked);
        if (rest) rest.unshift(group);
        else queues.set(picked, [group]);
      }
      // No send slot before the sweep's end (it is a slot away at most): the sweep ends here, and
      // the rest is the next tick's, due as before.
      if (outcome === 'budget') {
        run.stopAt = Math.min(run.stopAt, run.clock().getTime());
        await handBackAll('sweep budget reached');
        break;
      }
    } catch (error) {
      log.error(
        { nudges: group.nudges.map((n) => n.id), err: scrubTokens(String(error)) },
        'delivering a nudge failed unexpectedly',
      );
    }
    lastSent.set(picked, run.clock().getTime());
  }
}

function outOfBudget(run: Run): boolean {
  return run.clock().getTime() >= run.stopAt;
}

/**
 * Nudges claimed before (attempts > 1) may have gone out with the answer lost: those a message in the
 * member's DM already carries are recorded as sent with it. Returns the ones still to send.
 */
async function recordAlreadyDelivered(
  run: Run,
  workspaceId: string,
  client: WebClient,
  member: Member,
  claimed: Nudge[],
): Promise<Nudge[]> {
  const retried = claimed.filter((n) => n.attempts > 1);
  if (retried.length === 0 || run.historyUnavailable.has(workspaceId)) return claimed;
  const { db, log } = run.deps;
  const lookup = await findDeliveredNudges(
    client,
    member,
    retried.map((n) => n.id),
  );
  if (!lookup.ok) {
    if (/missing_scope|not_allowed_token_type/.test(lookup.error)) run.historyUnavailable.add(workspaceId);
    log.warn(
      { team: workspaceId, nudges: retried.map((n) => n.id), err: lookup.error },
      'could not check the DM for an earlier delivery; sending again',
    );
    return claimed;
  }
  if (lookup.found.size === 0) return claimed;
  for (const nudge of retried) {
    const message = lookup.found.get(nudge.id);
    if (!message) continue;
    const recorded = await markNudgeSent(db, nudge.id, run.owner, {
      channelId: message.channel,
      messageTs: message.ts,
      sentAt: run.clock(),
    });
    if (recorded) run.report.sent.push(item(nudge, member));
  }
  log.info(
    { team: workspaceId, nudges: [...lookup.found.keys()] },
    'found in the DM already (an earlier answer was lost): recorded as sent, not sent again',
  );
  return claimed.filter((n) => !lookup.found.has(n.id));
}

/** Sends one message for these nudges (one member, one kind) and records each as sent with it. */
async function sendGroup(
  run: Run,
  workspaceId: string,
  ctx: MemberContext,
  claimed: Nudge[],
  stopWorkspace: (until: Date, reason: string) => void,
): Promise<'again' | 'budget' | undefined> {
  const { db, log, now } = run.deps;
  const { member, snapshot } = ctx;
  const client = await run.deps.slack(workspaceId);
  if (!client) {
    const until = new Date(run.clock().getTime() + run.tokenPauseMs);
    for (const nudge of claimed) {
      await releaseNudge(db, nudge.id, run.owner, {
        dueAt: until,
        countAttempt: false,
        lastError: 'no token',
      });
      run.report.retrying.push(item(nudge, member, 'no token for the workspace'));
    }
    stopWorkspace(until, 'no token for the workspace');
    return;
  }
  const unsent = await recordAlreadyDelivered(run, workspaceId, client, member, claimed);
  if (unsent.length === 0) return;
  const slot = await run.pacer.acquire(workspaceId, new Date(run.stopAt));
  if (!slot.ok && slot.reason === 'sweep budget reached') {
    for (const nudge of unsent) {
      await releaseNudge(db, nudge.id, run.owner, { dueAt: nudge.dueAt, countAttempt: false });
      run.report.retrying.push(item(nudge, member, slot.reason));
    }
    return 'budget';
  }
  if (!slot.ok) {
    for (const nudge of unsent) {
      await releaseNudge(db, nudge.id, run.owner, { dueAt: slot.retryAt, countAttempt: false });
      run.report.retrying.push(item(nudge, member, 'paced'));
    }
    stopWorkspace(slot.retryAt, slot.reason);
    return;
  }
  // Renewing proves the lease is still ours: if it expired and someone else took the nudge, we must not send.
  const nudges: Nudge[] = [];
  for (const nudge of unsent) {
    if (await renewLease(db, nudge.id, run.owner, new Date(run.clock().getTime() + run.leaseMs))) {
      nudges.push(nudge);
    } else {
      log.warn({ nudge: nudge.id }, 'lost the lease before sending; another sweep has it');
    }
  }
  const first = nudges[0];
  if (!first) return;
  const message =
    nudges.length === 1
      ? buildNudgeMessage(
          first.id,
          composeNudge({ kind: first.kind as NudgeKind, subjectId: first.subjectId }, snapshot, now),
        )
      : buildFoldedNudgeMessage(
          composeFoldedNudges(
            nudges.map((n) => ({ kind: n.kind as NudgeKind, subjectId: n.subjectId, nudgeId: n.id })),
            snapshot,
            now,
          ),
        );
  try {
    const res = await client.chat.postMessage({
      channel: member.dmChannelId ?? member.slackUserId,
      text: message.text,
      blocks: message.blocks,
      metadata: nudgeMetadata(nudges.map((n) => n.id)),
      unfurl_links: false,
      unfurl_media: false,
    });
    for (const nudge of nudges) {
      const recorded = await markNudgeSent(db, nudge.id, run.owner, {
        channelId: res.channel ?? null,
        messageTs: res.ts ?? null,
        sentAt: run.clock(),
      });
      if (!recorded) log.warn({ nudge: nudge.id }, 'sent, but the lease was gone when recording it');
      run.report.sent.push(item(nudge, member));
    }
  } catch (error) {
    const failure = classifySendError(error);
    if (failure.kind === 'ratelimited') {
      // Recorded for every worker (and the rate adapted); this sweep waits it out if it can, and
      // the workspace's next slot is after it, so the same nudges go first then.
      const until = new Date(run.clock().getTime() + failure.retryAfterMs);
      await run.pacer.rateLimited(workspaceId, slot, until);
      log.warn(
        { team: workspaceId, retryAfterMs: failure.retryAfterMs },
        'Slack rate limit: pausing sends to the workspace',
      );
      return 'again';
    } else if (failure.kind === 'transient') {
      for (const nudge of nudges) {
        const at = run.clock();
        const deadline = retryDeadline(nudge, snapshot, at, run.backoffBaseMs, run.backoffMaxMs);
        const dueAt = nextRetryAt(nudge.attempts, deadline, at, run.backoffBaseMs, run.backoffMaxMs);
        if (dueAt === null) {
          const reason = `${failure.message}; its moment passed`;
          await finishClaimedNudge(db, nudge.id, run.owner, 'failed', reason, now);
          run.report.failed.push(item(nudge, member, reason));
        } else {
          await releaseNudge(db, nudge.id, run.owner, {
            dueAt,
            countAttempt: true,
            lastError: failure.message,
          });
          run.report.retrying.push(item({ ...nudge, dueAt }, member, failure.message));
        }
        log.warn(
          { nudge: nudge.id, team: workspaceId, attempt: nudge.attempts, err: failure.message },
          'nudge send failed; will retry',
        );
      }
    } else {
      for (const nudge of nudges) {
        await finishClaimedNudge(db, nudge.id, run.owner, 'failed', failure.message, now);
        run.report.failed.push(item(nudge, member, failure.message));
        log.warn({ nudge: nudge.id, team: workspaceId, err: failure.message }, 'nudge failed permanently');
      }
      if (failure.tokenLevel) {
        const until = new Date(run.clock().getTime() + run.tokenPauseMs);
        await blockWorkspaceSends(db, workspaceId, until);
        stopWorkspace(until, failure.message);
      }
    }
  }
}

async function dryRunDeliver(deps: DeliverDeps, run: Run, limit: number): Promise<void> {
  for (const nudge of await previewDueNudges(deps.db, deps.now, limit)) {
    const decision = await decide(run, nudge);
    const it = item(nudge, decision.member);
    if (decision.action === 'send') run.report.wouldSend.push(it);
    else if (decision.action === 'cancel') run.report.cancelled.push({ ...it, error: decision.reason });
    else run.report.deferred.push({ ...item({ ...nudge, dueAt: decision.dueAt }, decision.member) });
  }
}

export async function runDeliver(deps: DeliverDeps, options: DeliverOptions = {}): Promise<DeliverReport> {
  const started = performance.now();
  const clock = options.clock ?? (() => new Date(deps.now.getTime() + (performance.now() - started)));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pace = options.pace === false ? false : { ...DEFAULT_PACE, ...options.pace };
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const marginMs = options.budgetMarginMs ?? Math.min(5_000, budgetMs / 5);
  const run: Run = {
    deps,
    owner: options.owner ?? defaultOwner(),
    leaseMs: options.leaseMs ?? 5 * MINUTE,
    maxAttempts: options.maxAttempts ?? 100,
    backoffBaseMs: options.backoffBaseMs ?? MINUTE,
    backoffMaxMs: options.backoffMaxMs ?? HOUR,
    tokenPauseMs: options.tokenPauseMs ?? HOUR,
    clock,
    stopAt: clock().getTime() + budgetMs - marginMs,
    sleep,
    pacer: pace ? createPacer(deps.db, pace, clock, sleep) : createUnpaced(deps.db, clock),
    report: emptyDeliverReport(),
    members: new Map(),
    historyUnavailable: new Set(),
  };
  const batchSize = Math.max(1, options.batchSize ?? 50);

  if (deps.dryRun) {
    await dryRunDeliver(deps, run, batchSize * 20);
    return run.report;
  }

  const claimBatch = async (): Promise<Nudge[]> => {
    if (outOfBudget(run)) {
      run.report.budgetReached = true;
      return [];
    }
    const claimed = await claimDueNudges(deps.db, {
      now: deps.now,
      owner: run.owner,
      leaseUntil: new Date(clock().getTime() + run.leaseMs),
      limit: batchSize,
    });
    // The members' data loads now, while the batch before is still going out (a failure shows when
    // the nudge is decided).
    for (const memberId of new Set(claimed.map((n) => n.memberId))) {
      memberContext(run, memberId).catch(() => undefined);
    }
    return claimed;
  };
  const seen = new Set<string>();
  let next: Promise<Nudge[]> | null = claimBatch();
  while (next) {
    const claimed: Nudge[] = await next;
    next = null;
    if (claimed.length === 0) break;
    const fresh = claimed.filter((n) => !seen.has(n.id));
    for (const n of claimed) seen.add(n.id);
    // The next batch is claimed (and its members' data loaded) while this one is sent, so the sends
    // do not stop between batches.
    if (fresh.length === claimed.length && claimed.length >= batchSize) next = claimBatch();
    // Workspaces are independent (their own pacing and limits): send to them side by side.
    const byWorkspace = new Map<string, Nudge[]>();
    for (const n of fresh) byWorkspace.set(n.workspaceId, [...(byWorkspace.get(n.workspaceId) ?? []), n]);
    await Promise.all(
      [...byWorkspace].map(([workspaceId, list]) => deliverWorkspace(run, workspaceId, list)),
    );
    // Anything claimed twice in one sweep was put back due now; leave it to the next sweep.
    for (const n of claimed.filter((c) => !fresh.includes(c))) {
      await releaseNudge(deps.db, n.id, run.owner, { dueAt: n.dueAt, countAttempt: false });
    }
    if (next && outOfBudget(run)) {
      // The budget ran out: what was claimed ahead goes back, due as before, for the next tick.
      const ahead = await next;
      const back = new Set(
        await releaseClaimedNudges(
          deps.db,
          ahead.map((n) => n.id),
          run.owner,
        ),
      );
      for (const n of ahead) {
        if (back.has(n.id)) run.report.retrying.push(item(n, null, 'sweep budget reached'));
      }
      run.report.budgetReached = true;
      next = null;
    }
  }
  return run.report;
}
