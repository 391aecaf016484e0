// Preparing for a conversation: questions worth their time, drawn from the person's role, industry and
// path and the member's background; the member's own questions (flagged, with a better one, when a
// quick search answers them), 5–7 in all; and booking the chat in the member's own timezone.
import {
  chooseQuestions,
  flagSearchableQuestions,
  listSizeProblem,
  QUESTIONS_MAX,
  QUESTIONS_MIN,
  RESEARCH_REMINDER,
} from '../coaching/questions';
import { localDateTimeToUtc } from '../coaching/time';
import type { ContactData, ConversationData, Format } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { advanceStage, getContact } from '../store/contacts';
import { createScheduledConversation } from '../store/conversations';
import { ensureMember, findMember, rememberMemberName, updateMember } from '../store/members';
import { applyOnce } from '../store/requests';
import { minutesAskedFor } from './ask';
import { progressOf } from './goals';

export interface PrepQuestion {
  text: string;
  /** True for questions the member added themselves. */
  own: boolean;
  /** Why a quick search answers it, for the member's own questions that look searchable. */
  searchable: string | null;
  /** A question only the person can answer, offered in place of a searchable one. */
  better?: string | null;
}

export interface PrepSheet {
  contact: ContactData;
  reminder: string;
  /** The kept suggestions, the member's own, then "who else" last: 5–7 in all. */
  questions: PrepQuestion[];
  /** The member's own questions as typed, for editing them again. */
  own: string[];
  /** Every question suggested for this person ("who else" aside), for choosing which to keep. */
  suggested: { id: string; text: string }[];
  /** The ids of the suggestions the member chose to leave out. */
  skip: string[];
}

/** The prep sheet for one of the member's contacts, or null when the contact is not theirs. */
export async function prepSheet(
  db: Db,
  scope: Scope,
  contactId: string,
  own: readonly string[] = [],
  skip: readonly string[] = [],
): Promise<PrepSheet | null> {
  const member = await ensureMember(db, scope);
  const contact = await getContact(db, member, contactId);
  if (!contact) return null;
  const chosen = chooseQuestions({
    role: contact.role,
    industry: contact.industry,
    why: contact.why,
    goal: member.about,
    seed: contact.id,
  });
  const flags = new Map(
    flagSearchableQuestions(own, { company: contact.company }).map((f) => [f.question, f]),
  );
  const asQuestion = (text: string): PrepQuestion => ({ text, own: false, searchable: null });
  // chooseQuestions always ends with "who else"; the member's own questions go just before it.
  const suggested = chosen.slice(0, -1).map((q) => ({ id: q.id, text: q.text }));
  // Ids from the client: only those of this person's suggestions count.
  const skipped = suggested.map((q) => q.id).filter((id) => skip.includes(id));
  const closing = chosen.slice(-1).map((q) => asQuestion(q.text));
  const body = suggested.filter((q) => !skipped.includes(q.id)).map((q) => asQuestion(q.text));
  const mine = own.map((text) => {
    const flag = flags.get(text);
    return { text, own: true, searchable: flag?.reason ?? null, better: flag?.better ?? null };
  });
  return {
    contact,
    reminder: RESEARCH_REMINDER,
    questions: [...body, ...mine, ...closing],
    own: [...own],
    suggested,
    skip: skipped,
  };
}

export type PrepListResult =
  | { ok: true; sheet: PrepSheet }
  | { ok: false; problem: 'not_found' }
  | { ok: false; problem: 'size'; untick: number; add: number; min: number; max: number };

/**
 * The member's choice of questions for one contact: which suggestions to keep and their own. The list
 * keeps to 5–7 in all with "who else"; when it would not, they are asked to untick (or add) some.
 */
export async function choosePrepList(
  db: Db,
  scope: Scope,
  contactId: string,
  input: { own: readonly string[]; keep: readonly string[] | null },
): Promise<PrepListResult> {
  const all = await prepSheet(db, scope, contactId, input.own);
  if (!all) return { ok: false, problem: 'not_found' };
  const keep = input.keep ?? all.suggested.map((q) => q.id);
  const skip = all.suggested.map((q) => q.id).filter((id) => !keep.includes(id));
  const sheet = await prepSheet(db, scope, contactId, input.own, skip);
  if (!sheet) return { ok: false, problem: 'not_found' };
  const problem = listSizeProblem(sheet.questions.length);
  if (problem) {
    return {
      ok: false,
      problem: 'size',
      untick: 'untick' in problem ? problem.untick : 0,
      add: 'add' in problem ? problem.add : 0,
      min: QUESTIONS_MIN,
      max: QUESTIONS_MAX,
    };
  }
  return { ok: true, sheet };
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

/** The member's name as Slack last gave it, if it did. */
export async function knownSlackName(db: Db, scope: Scope): Promise<string | null> {
  const member = await findMember(db, scope);
  return member?.slackName ?? null;
}

/** Remembers the member's name as Slack shows it, for drafts signed without asking Slack again. */
export async function rememberSlackName(db: Db, scope: Scope, name: string): Promise<void> {
  await rememberMemberName(db, scope, name);
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
