// Goals: how many people to have on the list and how many conversations to aim for each week, checking
// a goal the member types, and the lines that show progress towards both. The numbers themselves come
// from `goalProgress` in ./pipeline, so every surface counts the same way.
import type { GoalProgressReport } from './pipeline';
import { plural } from './text';

/** The method's target list: 5–10 people; members may set anything from 1 to 50. */
export const TARGET_GOAL = { min: 1, max: 50, suggestedMin: 5, suggestedMax: 10 } as const;
export const WEEKLY_GOAL = { min: 0, max: 20 } as const;

/** Progress in the short form the goal and outreach replies show. */
export interface GoalProgress {
  /** People on the list (not archived). */
  have: number;
  targetGoal: number;
  /**
   * Conversations towards this week's goal (Monday to Sunday, local): those held this week and those
   * booked for it and not held yet.
   */
  thisWeek: number;
  weeklyGoal: number;
}

/** The short form of `goalProgress` (./pipeline): booked chats count towards the week with held ones. */
export function toGoalProgress(report: GoalProgressReport): GoalProgress {
  const week = report.conversationsThisWeek;
  return {
    have: report.targets.have,
    targetGoal: report.targets.goal,
    thisWeek: week.have + week.booked,
    weeklyGoal: week.goal,
  };
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

/** "3 of 8 people on your list" (and whether the goal is reached). */
export function listProgressLine(have: number, goal: number): string {
  const line = `${have} of ${plural(goal, 'person', 'people')} on your list`;
  return have >= goal ? `${line} — goal reached` : line;
}

/** "1 of 2 conversations this week (held or booked)": `thisWeek` as in GoalProgress. */
export function weekProgressLine(thisWeek: number, goal: number): string {
  if (goal === 0) {
    return `${plural(thisWeek, 'conversation', 'conversations')} held or booked this week (no weekly goal)`;
  }
  return `${thisWeek} of ${plural(goal, 'conversation', 'conversations')} this week (held or booked)`;
}

const RANGE = `${TARGET_GOAL.suggestedMin}–${TARGET_GOAL.suggestedMax}`;

/**
 * A gentle word when a target goal leaves the method's range (it is saved all the same); null inside
 * it.
 */
export function goalRangeNote(goal: number): string | null {
  if (goal > TARGET_GOAL.suggestedMax) {
    return `A reminder: the method suggests ${RANGE} people at a time, so each one gets a thoughtful ask and a follow-up. You can add more as people move through.`;
  }
  if (goal < TARGET_GOAL.suggestedMin) {
    return `A reminder: the method suggests ${RANGE} people at a time, so one quiet reply never stalls you.`;
  }
  return null;
}

/**
 * A gentle word when the list grows past the method's range (the person is added all the same): "that's
 * 11…". Null up to the range's top.
 */
export function listSizeNote(have: number): string | null {
  if (have <= TARGET_GOAL.suggestedMax) return null;
  return `That's ${have} — the method suggests ${RANGE} at a time, so each person gets your full attention. You might archive a few for later.`;
}
