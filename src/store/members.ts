// Members: one row per Slack user per workspace, created on first use.
import type { NudgeKind } from '../coaching/types';
import { NUDGE_KINDS } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Member } from '../db/generated/sqlite/client';
import type { DbOrTx } from './tx';

export type { Member };

/** The member for this Slack user, creating the workspace and member rows on first use. */
export async function ensureMember(db: DbOrTx, scope: Scope): Promise<Member> {
  const existing = await db.member.findUnique({
    where: { workspaceId_slackUserId: { workspaceId: scope.workspaceId, slackUserId: scope.userId } },
  });
  if (existing) return existing;
  await db.workspace.upsert({
    where: { id: scope.workspaceId },
    create: { id: scope.workspaceId },
    update: {},
  });
  return db.member.upsert({
    where: { workspaceId_slackUserId: { workspaceId: scope.workspaceId, slackUserId: scope.userId } },
    create: { workspaceId: scope.workspaceId, slackUserId: scope.userId },
    update: {},
  });
}

export function findMember(db: DbOrTx, scope: Scope): Promise<Member | null> {
  return db.member.findUnique({
    where: { workspaceId_slackUserId: { workspaceId: scope.workspaceId, slackUserId: scope.userId } },
  });
}

export interface MemberSettings {
  slackTz?: string | null;
  tzOverride?: string | null;
  workdayStartMinute?: number;
  workdayEndMinute?: number;
  workDays?: number[];
  nudgeKindsOff?: NudgeKind[];
  pausedUntil?: Date | null;
  targetGoal?: number;
  weeklyConversationGoal?: number;
  about?: string | null;
  dmChannelId?: string | null;
}

export async function updateMember(db: DbOrTx, scope: Scope, settings: MemberSettings): Promise<Member> {
  await ensureMember(db, scope);
  const { workDays, nudgeKindsOff, ...rest } = settings;
  return db.member.update({
    where: { workspaceId_slackUserId: { workspaceId: scope.workspaceId, slackUserId: scope.userId } },
    data: {
      ...rest,
      ...(workDays ? { workDays: workDays.join(',') } : {}),
      ...(nudgeKindsOff ? { nudgeKindsOff: nudgeKindsOff.join(',') } : {}),
    },
  });
}

export function parseWorkDays(value: string): number[] {
  return value
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
}

export function parseKindsOff(value: string): NudgeKind[] {
  return value.split(',').filter((k): k is NudgeKind => (NUDGE_KINDS as readonly string[]).includes(k));
}

/** Stores the member's Slack name when it is new or changed (no write when it is the same). */
export async function rememberMemberName(db: DbOrTx, scope: Scope, name: string): Promise<void> {
  await db.member.updateMany({
    where: {
      workspaceId: scope.workspaceId,
      slackUserId: scope.userId,
      OR: [{ slackName: null }, { slackName: { not: name } }],
    },
    data: { slackName: name },
  });
}
