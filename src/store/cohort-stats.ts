// What a cohort's figures are computed from: each current student's contacts, sent asks and
// conversations, read as ids and moments only. No name, note, ask text or any other words are selected,
// so nothing a student wrote can reach a cohort's digest or status. Every query is scoped by the
// workspace and by the cohort's current students (cohortPeople).
import {
  type CohortStudent,
  type StudentRecords,
  studentFigures,
  type Window,
} from '../coaching/cohort-digest';
import { type CohortPerson, cohortPeople } from './cohorts';
import type { DbOrTx } from './tx';

export interface CohortStats {
  /** Everyone currently in the cohort (facilitators too). */
  people: CohortPerson[];
  /** The current students with their figures for the window, in the order they joined. */
  students: CohortStudent[];
}

/** Each student's records, by member id (ids and moments only). */
export async function studentRecords(
  db: DbOrTx,
  workspaceId: string,
  memberIds: readonly string[],
): Promise<Map<string, StudentRecords>> {
  const ids = [...new Set(memberIds)];
  const out = new Map<string, StudentRecords>();
  if (ids.length === 0) return out;
  const owned = { workspaceId, ownerId: { in: ids } };
  const [contacts, asks, conversations] = await Promise.all([
    db.contact.findMany({
      where: owned,
      select: { id: true, ownerId: true, referredById: true, createdAt: true },
    }),
    db.ask.findMany({
      where: { ...owned, sentAt: { not: null } },
      select: { ownerId: true, contactId: true, sentAt: true },
    }),
    db.conversation.findMany({
      where: owned,
      select: {
        ownerId: true,
        contactId: true,
        heldAt: true,
        thankYouSentAt: true,
        cancelledAt: true,
        createdAt: true,
      },
    }),
  ]);
  type Mutable = { [K in keyof StudentRecords]: StudentRecords[K][number][] };
  const byOwner = new Map<string, Mutable>(
    ids.map((id) => [id, { contacts: [], asks: [], conversations: [] }]),
  );
  for (const { ownerId, ...c } of contacts) byOwner.get(ownerId)?.contacts.push(c);
  for (const { ownerId, contactId, sentAt } of asks) {
    if (sentAt) byOwner.get(ownerId)?.asks.push({ contactId, sentAt });
  }
  for (const { ownerId, ...c } of conversations) byOwner.get(ownerId)?.conversations.push(c);
  for (const [id, r] of byOwner) out.set(id, r);
  return out;
}

/**
 * The cohort's current students with their counts for `window` (and their last activity up to `now`).
 * Facilitators are not students: they are in `people` but never counted.
 */
export async function cohortStats(
  db: DbOrTx,
  workspaceId: string,
  cohortId: string,
  window: Window,
  now: Date,
): Promise<CohortStats> {
  const people = await cohortPeople(db, workspaceId, cohortId);
  const studentsOnly = people.filter((p) => p.role === 'student');
  const records = await studentRecords(
    db,
    workspaceId,
    studentsOnly.map((p) => p.memberId),
  );
  const empty: StudentRecords = { contacts: [], asks: [], conversations: [] };
  return {
    people,
    students: studentsOnly.map((p) => ({
      memberId: p.memberId,
      slackUserId: p.slackUserId,
      sharing: p.sharing,
      joinedAt: p.joinedAt,
      figures: studentFigures(records.get(p.memberId) ?? empty, window, now),
    })),
  };
}

/** How many people the member has on their list (not archived): the kind nudge's next step depends on it. */
export function activeContactCount(db: DbOrTx, workspaceId: string, memberId: string): Promise<number> {
  return db.contact.count({ where: { workspaceId, ownerId: memberId, stage: { not: 'archived' } } });
}

/** True while the member has paused their nudges (settings): no nudge of any kind reaches them. */
export async function nudgesPaused(
  db: DbOrTx,
  workspaceId: string,
  memberId: string,
  now: Date,
): Promise<boolean> {
  const member = await db.member.findFirst({
    where: { id: memberId, workspaceId },
    select: { pausedUntil: true },
  });
  return member?.pausedUntil != null && member.pausedUntil.getTime() > now.getTime();
}
