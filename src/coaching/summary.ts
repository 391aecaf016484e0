// The weekly summary: progress towards the member's goals, what is due, and how thank-yous are going.
// Short and encouraging; it reports, it never scolds.
import { buildChains, longestChain } from './chain';
import { dueNow, goalProgress } from './pipeline';
import { firstName, plural } from './text';
import { weekBounds } from './time';
import type { MemberSnapshot } from './types';

export interface WeeklySummary {
  headline: string;
  lines: string[];
}

export interface WeeklySummaryOptions {
  /** 'this_week' (default) counts the week `now` is in; 'last_week' the one before, for Monday digests. */
  period?: 'this_week' | 'last_week';
  /** How many due items to list (default 3). */
  maxDueItems?: number;
}

/** A headline and a few lines, plain text with emoji, ready for a message or digest. */
export function weeklySummary(
  snapshot: MemberSnapshot,
  now: Date,
  options: WeeklySummaryOptions = {},
): WeeklySummary {
  const progress = goalProgress(snapshot, now);
  const lastWeek = options.period === 'last_week';
  const week = lastWeek ? weekBounds(now, snapshot.prefs.tz, -1) : progress.week;
  const held = snapshot.conversations.filter(
    (c) =>
      !c.cancelledAt &&
      c.heldAt !== null &&
      c.heldAt.getTime() >= week.start.getTime() &&
      c.heldAt.getTime() < week.end.getTime(),
  ).length;
  const weekWord = lastWeek ? 'last week' : 'this week';
  const { goal } = progress.conversationsThisWeek;
  const booked = lastWeek ? 0 : progress.conversationsThisWeek.booked;

  const lines: string[] = [];
  const targets = progress.targets;
  lines.push(
    targets.have >= targets.goal
      ? `🎯 ${plural(targets.have, 'person', 'people')} on your list (goal: ${targets.goal})`
      : `🎯 ${targets.have} of ${targets.goal} people on your list, ${targets.goal - targets.have} to add`,
  );
  const bookedText = booked > 0 ? `, ${booked} more booked` : '';
  lines.push(
    goal > 0
      ? `☕ ${held} of ${plural(goal, 'conversation', 'conversations')} ${weekWord}${bookedText}`
      : `☕ ${plural(held, 'conversation', 'conversations')} ${weekWord}${bookedText}`,
  );
  const rate = progress.onTimeThankYou;
  if (rate.rate !== null) {
    const counted = rate.sent + rate.missed;
    lines.push(
      `🙏 ${rate.onTime} of ${plural(counted, 'thank-you', 'thank-yous')} sent within a day (${Math.round(rate.rate * 100)}%)`,
    );
  }
  const chain = longestChain(buildChains(snapshot.contacts.filter((c) => c.stage !== 'archived')));
  if (chain.length >= 3) {
    const names = chain.map((c) => firstName(c.name));
    const shown = names.length <= 5 ? names.join(' → ') : `${names[0]} → … → ${names[names.length - 1]}`;
    lines.push(`🔗 Your longest chain of introductions: ${shown} (${chain.length} people)`);
  }

  const due = dueNow(snapshot, now);
  const maxDue = Math.max(0, options.maxDueItems ?? 3);
  if (due.length > 0 && maxDue > 0) {
    lines.push(`📌 Up next: ${due.length === 1 ? 'one thing' : `${due.length} things`}`);
    for (const item of due.slice(0, maxDue)) lines.push(`• ${item.label}`);
    if (due.length > maxDue) lines.push(`• …and ${due.length - maxDue} more`);
  }

  return { headline: headline(held, goal, booked, targets.have, weekWord), lines };
}

function headline(held: number, goal: number, booked: number, listed: number, weekWord: string): string {
  if (goal > 0 && held >= goal) {
    return `You reached your goal ${weekWord}: ${plural(held, 'conversation', 'conversations')}. Well done!`;
  }
  if (held > 0) return `${plural(held, 'conversation', 'conversations')} ${weekWord}. Good momentum.`;
  if (booked > 0)
    return `${plural(booked, 'chat', 'chats')} booked ${weekWord}. Something to look forward to.`;
  if (listed === 0) return 'A fresh start: add a few people you would love to learn from.';
  return 'A new week: one short message could start your next conversation.';
}
