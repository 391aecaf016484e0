// The planning half of a sweep: for members with activity, insert the nudges the rules want
// (idempotently, by dedupe key) and settle waiting ones the rules no longer want.
import type { WebClient } from '@slack/web-api';
import { createRechecker, type PlannedNudge, planNudges } from '../coaching/nudge-rules';
import { NUDGE_KINDS, type NudgeKind } from '../coaching/types';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { toPrefs } from '../store/mappers';
import { type Member, updateMember } from '../store/members';
import {
  cancelPendingNudges,
  existingDedupeKeys,
  insertPlannedNudges,
  memberDedupeKey,
  membersChangedSince,
  membersToPlan,
  parseDedupeKey,
  pendingNudgesOf,
  postponePendingNudge,
} from '../store/nudges';
import { loadSnapshot } from '../store/snapshot';
import type { SlackForWorkspace } from './slack';

/** Where the rolling pass over members stopped; kept by the scheduler between sweeps. */
export interface PlanCursor {
  afterId: string | null;
}

export interface PlanOptions {
  /** Members planned per sweep (default 200). Below that, every member is planned every sweep. */
  batchSize?: number;
  /** Continue a rolling pass (scheduler); without one, the pass starts at the first member. */
  cursor?: PlanCursor;
  /** Page through every member in one call (`coach sweep`), not just one batch. */
  all?: boolean;
  /** Plan members whose data changed since then first, wherever the rolling pass is (scheduler). */
  changedSince?: Date;
}

export interface PlanDeps {
  now: Date;
  db: Db;
  slack: SlackForWorkspace;
  log: Log;
  dryRun?: boolean;
}

/** A nudge a dry run would create (and, being due, send). */
export interface PlannedItem {
  workspaceId: string;
  memberId: string;
  slackUserId: string;
  kind: NudgeKind;
  dueAt: Date;
}

export interface PlanReport {
  members: number;
  created: number;
  cancelled: number;
  postponed: number;
  /** Dry run only: due nudges that do not exist yet. */
  wouldCreateDue: PlannedItem[];
}

const DEFAULT_PLAN_BATCH = 200;

function isKind(kind: string): kind is NudgeKind {
  return (NUDGE_KINDS as readonly string[]).includes(kind);
}

/**
 * Fills in Member.slackTz from users.info the first time a member is planned, so nudges land in
 * their working hours. Failing to look it up is not fatal: the rules fall back to UTC.
 */
async function ensureSlackTz(deps: PlanDeps, member: Member): Promise<Member> {
  if (member.slackTz || deps.dryRun) return member;
  let client: WebClient | undefined;
  try {
    client = await deps.slack(member.workspaceId);
    if (!client) return member;
    const info = await client.users.info({ user: member.slackUserId });
    const tz = info.user?.tz;
    if (!tz) return member;
    return await updateMember(
      deps.db,
      { workspaceId: member.workspaceId, userId: member.slackUserId },
      { slackTz: tz },
    );
  } catch (error) {
    deps.log.warn(
      { member: member.id, team: member.workspaceId, err: scrubTokens(String(error)) },
      'could not read the member’s Slack timezone',
    );
    return member;
  }
}

/** Plans one member; false when they have nothing that could be due. */
async function planMember(deps: PlanDeps, found: Member, report: PlanReport): Promise<boolean> {
  const { db, now } = deps;
  const loaded = await loadSnapshot(db, found);
  // Someone who never added a contact has nothing that could be due, not even a weekly summary.
  if (loaded.contacts.length === 0) return false;
  const member = await ensureSlackTz(deps, found);
  const snapshot = member === found ? loaded : { ...loaded, prefs: toPrefs(member) };
  const planned: PlannedNudge[] = planNudges(snapshot, now);
  const plannedKeys = new Set(planned.map((p) => memberDedupeKey(member.id, p.dedupeKey)));

  if (deps.dryRun) {
    const existing = await existingDedupeKeys(db, [...plannedKeys]);
    for (const p of planned) {
      if (p.dueAt.getTime() > now.getTime() || existing.has(memberDedupeKey(member.id, p.dedupeKey)))
        continue;
      report.wouldCreateDue.push({
        workspaceId: member.workspaceId,
        memberId: member.id,
        slackUserId: member.slackUserId,
        kind: p.kind,
        dueAt: p.dueAt,
      });
    }
    return true;
  }

  report.created += await insertPlannedNudges(db, member, planned, now);

  // Waiting nudges the plan no longer has: gone for good (cancel), or later than planned (postpone).
  const toCancel: string[] = [];
  const recheck = createRechecker(snapshot, now);
  for (const nudge of await pendingNudgesOf(db, member.id)) {
    if (plannedKeys.has(nudge.dedupeKey)) continue;
    if (!isKind(nudge.kind)) {
      toCancel.push(nudge.id);
      continue;
    }
    const { occurrence } = parseDedupeKey(nudge.dedupeKey);
    const check = recheck(nudge.kind, nudge.subjectId, occurrence);
    if (check.action === 'cancel') toCancel.push(nudge.id);
    else if (check.action === 'defer' && (await postponePendingNudge(db, nudge.id, check.dueAt)))
      report.postponed += 1;
  }
  report.cancelled += await cancelPendingNudges(db, toCancel, 'no longer warranted', now);
  return true;
}

export async function runPlan(deps: PlanDeps, options: PlanOptions = {}): Promise<PlanReport> {
  const batch = Math.max(1, options.batchSize ?? DEFAULT_PLAN_BATCH);
  const cursor = options.cursor ?? { afterId: null };
  const report: PlanReport = { members: 0, created: 0, cancelled: 0, postponed: 0, wouldCreateDue: [] };
  const planned = new Set<string>();
  const plan = async (member: Member): Promise<void> => {
    if (planned.has(member.id)) return;
    planned.add(member.id);
    try {
      if (await planMember(deps, member, report)) report.members += 1;
    } catch (error) {
      deps.log.error(
        { member: member.id, err: scrubTokens(String(error)) },
        'planning nudges for a member failed',
      );
    }
  };
  if (options.changedSince) {
    for (const member of await membersChangedSince(deps.db, options.changedSince, batch)) await plan(member);
  }
  for (;;) {
    const members = await membersToPlan(deps.db, { afterId: cursor.afterId, take: batch });
    for (const member of members) await plan(member);
    // A short page means the pass reached the end: start over next time.
    cursor.afterId = members.length < batch ? null : (members.at(-1)?.id ?? null);
    if (!options.all || cursor.afterId === null) break;
  }
  return report;
}
