// Everything one member has, for whole-picture computations (App Home, summaries, nudge planning).
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import { type Db, type SqlTx, sqlOf } from '../db/client';
import type {
  Ask,
  Cohort,
  Contact,
  ContactSuggestion,
  Conversation,
  Keyword,
  Member,
  Skill,
} from '../db/generated/sqlite/client';
import { type CohortRole, roleOf } from './cohorts';
import { toAsk, toContact, toConversation, toKeyword, toPrefs, toSkill, toSuggestion } from './mappers';

export async function loadSnapshot(db: Db, member: Member): Promise<MemberSnapshot> {
  const where = { workspaceId: member.workspaceId, ownerId: member.id };
  const [contacts, asks, conversations, skills, keywords, suggestions] = await Promise.all([
    db.contact.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.ask.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.conversation.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.skill.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.keyword.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.contactSuggestion.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return toSnapshot(member, { contacts, asks, conversations, skills, keywords, suggestions });
}

interface OwnedRows {
  contacts: Contact[];
  asks: Ask[];
  conversations: Conversation[];
  skills: Skill[];
  keywords: Keyword[];
  suggestions: ContactSuggestion[];
}

function toSnapshot(member: Member, rows: OwnedRows): MemberSnapshot {
  return {
    prefs: toPrefs(member),
    contacts: rows.contacts.map(toContact),
    asks: rows.asks.map(toAsk),
    conversations: rows.conversations.map(toConversation),
    skills: rows.skills.map(toSkill),
    keywords: rows.keywords.map(toKeyword),
    suggestions: rows.suggestions.map(toSuggestion),
  };
}

// The same picture read through the direct SQL path (db/sql.ts): the App Home is rebuilt after every
// change a member makes, and through Prisma its six queries cost several milliseconds of CPU.
const DATE_COLUMNS = [
  'createdAt',
  'updatedAt',
  'stageAt',
  'lastTouchAt',
  'sentAt',
  'repliedAt',
  'followedUpAt',
  'scheduledAt',
  'heldAt',
  'thankYouSentAt',
  'loopClosedAt',
  'cancelledAt',
  'pausedUntil',
] as const;

function rowOf<T>(tx: SqlTx, raw: Record<string, unknown>): T {
  const row: Record<string, unknown> = { ...raw };
  for (const column of DATE_COLUMNS) if (column in row) row[column] = tx.date(row[column]);
  return row as T;
}

async function ownedRows<T>(tx: SqlTx, table: string, member: Member): Promise<T[]> {
  const rows = await tx.all<Record<string, unknown>>(
    `SELECT * FROM "${table}" WHERE "workspaceId" = ? AND "ownerId" = ? ORDER BY "createdAt" ASC, "id" ASC`,
    [member.workspaceId, member.id],
  );
  return rows.map((raw) => rowOf<T>(tx, raw));
}

/** The member's current cohorts with their role in each, read directly (for the App Home). */
async function memberCohorts(tx: SqlTx, member: Member): Promise<{ cohort: Cohort; role: CohortRole }[]> {
  const rows = await tx.all<Record<string, unknown>>(
    `SELECT c.*, m."role" AS "membershipRole" FROM "CohortMembership" m
       JOIN "Cohort" c ON c."id" = m."cohortId"
      WHERE m."memberId" = ? AND m."leftAt" IS NULL AND c."workspaceId" = ?
      ORDER BY m."joinedAt" ASC, m."id" ASC`,
    [member.id, member.workspaceId],
  );
  return rows.map((raw) => {
    const { membershipRole, ...cohort } = raw;
    const row = rowOf<Cohort>(tx, cohort);
    return {
      cohort: { ...row, welcomeJoiners: tx.bool(row.welcomeJoiners) },
      role: roleOf(String(membershipRole)),
    };
  });
}

/**
 * The member (null when they have never used the app), their whole picture and their cohorts, read
 * directly.
 */
export async function readSnapshot(
  db: Db,
  scope: Scope,
): Promise<{
  member: Member;
  snapshot: MemberSnapshot;
  cohorts: { cohort: Cohort; role: CohortRole }[];
} | null> {
  return sqlOf(db).read(async (tx) => {
    const raw = await tx.get<Record<string, unknown>>(
      `SELECT * FROM "Member" WHERE "workspaceId" = ? AND "slackUserId" = ?`,
      [scope.workspaceId, scope.userId],
    );
    if (!raw) return null;
    const member = rowOf<Member>(tx, raw);
    const contacts = await ownedRows<Contact>(tx, 'Contact', member);
    const asks = await ownedRows<Ask>(tx, 'Ask', member);
    const conversations = await ownedRows<Conversation>(tx, 'Conversation', member);
    const skills = await ownedRows<Skill>(tx, 'Skill', member);
    const keywords = await ownedRows<Keyword>(tx, 'Keyword', member);
    const suggestions = await ownedRows<ContactSuggestion>(tx, 'ContactSuggestion', member);
    const cohorts = await memberCohorts(tx, member);
    return {
      member,
      cohorts,
      snapshot: toSnapshot(member, { contacts, asks, conversations, skills, keywords, suggestions }),
    };
  });
}
