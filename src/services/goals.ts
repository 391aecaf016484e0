// Goals: how many people to have on the list, and how many conversations to aim for each week.
import { type GoalProgress, goalProgress, localWeekStart } from '../coaching/outreach-extra';
import type { Db } from '../db/client';
import type { Scope } from '../slack/deps';
import { countContacts } from '../store/contacts';
import { conversationsSince } from '../store/conversations';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member, updateMember } from '../store/members';

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

export async function progressOf(db: Db, member: Member, now: Date): Promise<GoalProgress> {
  const tz = toPrefs(member).tz;
  const [listSize, conversations] = await Promise.all([
    countContacts(db, member),
    conversationsSince(db, member, localWeekStart(now, tz)),
  ]);
  return goalProgress(
    { listSize, conversations },
    { targetGoal: member.targetGoal, weeklyConversationGoal: member.weeklyConversationGoal },
    now,
    tz,
  );
}
