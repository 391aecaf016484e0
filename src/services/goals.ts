// Goals: how many people to have on the list, and how many conversations to aim for each week.
import { type GoalProgress, toGoalProgress } from '../coaching/goals';
import { goalProgress } from '../coaching/pipeline';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { ensureMember, type Member, updateMember } from '../store/members';
import { loadSnapshot } from '../store/snapshot';

export interface GoalChanges {
  targetGoal?: number;
  weeklyConversationGoal?: number;
}

/** Where the member stands against both goals right now. */
export async function progressFor(db: Db, scope: Scope, now: Date): Promise<GoalProgress> {
  return progressOf(db, await ensureMember(db, scope), now);
}

export async function setGoals(db: Db, scope: Scope, changes: GoalChanges, now: Date): Promise<GoalProgress> {
  const member = await updateMember(db, scope, changes);
  return progressOf(db, member, now);
}

/** The same numbers as the App Home and the weekly summary (goalProgress), in the short form. */
export async function progressOf(db: Db, member: Member, now: Date): Promise<GoalProgress> {
  return toGoalProgress(goalProgress(await loadSnapshot(db, member), now));
}
