// Small pure pieces the outreach flows need: goals and progress, and turning a local date and time
// into the moment it names.
import { DateTime } from 'luxon';
import { atLocalMinute, resolveZone } from './time';
import type { ConversationData } from './types';

/** The method's target list: 5–10 people; members may set anything from 1 to 50. */
export const TARGET_GOAL = { min: 1, max: 50, suggestedMin: 5, suggestedMax: 10 } as const;
export const WEEKLY_GOAL = { min: 0, max: 20 } as const;

export interface GoalProgress {
  /** People on the list (not archived). */
  have: number;
  targetGoal: number;
  /** Conversations held or booked in the current local week (Monday to Sunday). */
  thisWeek: number;
  weeklyGoal: number;
}

/** Checks a target goal typed after `/coach goal`; the message says what would work. */
export function parseTargetGoal(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const clean = text.trim();
  if (!/^\d{1,3}$/.test(clean)) {
    return {
      ok: false,
      message: `"${clean}" isn't a number I can use. Try \`/coach goal 8\`: the method suggests ${TARGET_GOAL.suggestedMin}–${TARGET_GOAL.suggestedMax} people.`,
    };
  }
  const value = Number(clean);
  if (value < TARGET_GOAL.min || value > TARGET_GOAL.max) {
    return {
      ok: false,
      message: `Pick a number from ${TARGET_GOAL.min} to ${TARGET_GOAL.max}. ${TARGET_GOAL.suggestedMin}–${TARGET_GOAL.suggestedMax} people is a list you can actually work through.`,
    };
  }
  return { ok: true, value };
}

/** Counts what progress shows: people on the list, and conversations this local week. */
export function goalProgress(
  input: { listSize: number; conversations: readonly ConversationData[] },
  goals: { targetGoal: number; weeklyConversationGoal: number },
  now: Date,
  tz: string,
): GoalProgress {
  const weekStart = localWeekStart(now, tz).getTime();
  const weekEnd = DateTime.fromMillis(weekStart, { zone: resolveZone(tz) })
    .plus({ weeks: 1 })
    .toMillis();
  const inWeek = (d: Date | null): boolean => d !== null && d.getTime() >= weekStart && d.getTime() < weekEnd;
  return {
    have: input.listSize,
    targetGoal: goals.targetGoal,
    thisWeek: input.conversations.filter(
      (c) => !c.cancelledAt && (inWeek(c.heldAt) || (!c.heldAt && inWeek(c.scheduledAt))),
    ).length,
    weeklyGoal: goals.weeklyConversationGoal,
  };
}

/** Monday 00:00 of the member's current local week. */
export function localWeekStart(now: Date, tz: string): Date {
  return DateTime.fromMillis(now.getTime(), { zone: resolveZone(tz) })
    .startOf('week')
    .toJSDate();
}

/** "3 of 8 people on your list" (and how many to go). */
export function listProgressLine(have: number, goal: number): string {
  const people = goal === 1 ? 'person' : 'people';
  if (have >= goal) return `${have} of ${goal} ${people} on your list — goal reached`;
  return `${have} of ${goal} ${people} on your list`;
}

/** "1 of 2 conversations this week". */
export function weekProgressLine(thisWeek: number, goal: number): string {
  if (goal === 0)
    return `${thisWeek} ${thisWeek === 1 ? 'conversation' : 'conversations'} this week (no weekly goal)`;
  return `${thisWeek} of ${goal} ${goal === 1 ? 'conversation' : 'conversations'} this week`;
}

/**
 * The moment a local date (YYYY-MM-DD) and wall-clock time (HH:mm) name in `tz`. Across a DST switch
 * the rules of time.ts apply (first of two repeated times, the moment after a skipped one). Null when
 * the date or time is not valid.
 */
export function localDateTimeToUtc(date: string, time: string, tz: string): Date | null {
  const zone = resolveZone(tz);
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return atLocalMinute(day, hour * 60 + minute, zone).toJSDate();
}
