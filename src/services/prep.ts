// Preparing for a conversation: questions worth their time, the member's own questions (flagged when
// a quick search answers them), and booking the chat in the member's own timezone.
import { chooseQuestions, flagSearchableQuestions, RESEARCH_REMINDER } from '../coaching/questions';
import { localDateTimeToUtc } from '../coaching/time';
import type { ContactData, ConversationData, Format } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { advanceStage, getContact } from '../store/contacts';
import { createScheduledConversation } from '../store/conversations';
import { ensureMember, updateMember } from '../store/members';
import { applyOnce } from '../store/requests';
import { minutesAskedFor } from './ask';
import { progressOf } from './goals';

export interface PrepQuestion {
  text: string;
  /** True for questions the member added themselves. */
  own: boolean;
  /** Why a quick search answers it, for the member's own questions that look searchable. */
  searchable: string | null;
}

export interface PrepSheet {
  contact: ContactData;
  reminder: string;
  /** The chosen questions, the member's own, then "who else" last. */
  questions: PrepQuestion[];
  /** The member's own questions as typed, for editing them again. */
  own: string[];
}

/** The prep sheet for one of the member's contacts, or null when the contact is not theirs. */
export async function prepSheet(
  db: Db,
  scope: Scope,
  contactId: string,
  own: readonly string[] = [],
): Promise<PrepSheet | null> {
  const member = await ensureMember(db, scope);
  const contact = await getContact(db, member, contactId);
  if (!contact) return null;
  const chosen = chooseQuestions({
    role: contact.role,
    industry: contact.industry,
    goal: member.about,
    seed: contact.id,
  });
  const flags = new Map(flagSearchableQuestions(own).map((f) => [f.question, f.reason]));
  const asQuestion = (text: string): PrepQuestion => ({ text, own: false, searchable: null });
  // chooseQuestions always ends with "who else"; the member's own questions go just before it.
  const closing = chosen.slice(-1).map((q) => asQuestion(q.text));
  const body = chosen.slice(0, -1).map((q) => asQuestion(q.text));
  const mine = own.map((text) => ({ text, own: true, searchable: flags.get(text) ?? null }));
  return {
    contact,
    reminder: RESEARCH_REMINDER,
    questions: [...body, ...mine, ...closing],
    own: [...own],
  };
}

export interface ScheduleFormData {
  contact: ContactData;
  minutes: number;
  /** The member's zone, or null when neither they nor Slack told us yet. */
  tz: string | null;
}

export async function scheduleForm(
  db: Db,
  scope: Scope,
  contactId: string,
): Promise<ScheduleFormData | null> {
  const member = await ensureMember(db, scope);
  const contact = await getContact(db, member, contactId);
  if (!contact) return null;
  return {
    contact,
    minutes: await minutesAskedFor(db, member, contact.id),
    tz: member.tzOverride ?? member.slackTz,
  };
}

/** The member's timezone as known so far (their own choice first, then Slack's). */
export async function knownTimezone(db: Db, scope: Scope): Promise<string | null> {
  const member = await ensureMember(db, scope);
  return member.tzOverride ?? member.slackTz;
}

/** Stores the timezone Slack reports for the member. */
export async function rememberSlackTz(db: Db, scope: Scope, tz: string): Promise<void> {
  await updateMember(db, scope, { slackTz: tz });
}

export interface ScheduleInput {
  contactId: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local wall-clock time, HH:mm. */
  time: string;
  minutes: number;
  format: Format;
}

export type ScheduleResult =
  | {
      ok: true;
      conversation: ConversationData;
      contact: ContactData;
      tz: string;
      week: { thisWeek: number; goal: number };
    }
  | { ok: false; problem: 'not_found' | 'invalid_time' }
  | { ok: false; problem: 'in_past'; tz: string };

/** Books the chat: the date and time are read in the member's timezone; the contact moves to "scheduled". */
export async function scheduleChat(
  db: Db,
  scope: Scope,
  input: ScheduleInput,
  now: Date,
  key: string | null = null,
): Promise<ScheduleResult> {
  const member = await ensureMember(db, scope);
  const contact = await getContact(db, member, input.contactId);
  if (!contact) return { ok: false, problem: 'not_found' };
  const tz = member.tzOverride ?? member.slackTz ?? 'UTC';
  const scheduledAt = localDateTimeToUtc(input.date, input.time, tz);
  if (!scheduledAt) return { ok: false, problem: 'invalid_time' };
  if (scheduledAt.getTime() <= now.getTime()) return { ok: false, problem: 'in_past', tz };
  const conversation = await applyOnce(db, { key, workspaceId: scope.workspaceId, now }, async (tx) => {
    const booked = await createScheduledConversation(
      tx,
      member,
      { contactId: contact.id, scheduledAt, minutesRequested: input.minutes, format: input.format },
      now,
    );
    await advanceStage(tx, member, contact.id, 'scheduled', now);
    return booked;
  });
  const progress = await progressOf(db, member, now);
  return {
    ok: true,
    conversation,
    contact: (await getContact(db, member, contact.id)) ?? contact,
    tz,
    week: { thisWeek: progress.thisWeek, goal: progress.weeklyGoal },
  };
}
