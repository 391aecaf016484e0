// The member's own data: a copy to take away, and deleting all of it.
import { type ExportFile, toCsvFiles, toExportJson } from '../coaching/export';
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { type DeletedCounts, loadMemberData } from '../store/data';
import { deleteMemberData } from '../store/erase';
import { findMember } from '../store/members';

export interface DataExport {
  files: ExportFile[];
  counts: { contacts: number; conversations: number };
}

/** Everything as one JSON file and one CSV file per kind of record. */
export async function exportData(db: Db, scope: Scope, now: Date): Promise<DataExport> {
  const member = await findMember(db, scope);
  const snapshot = (await loadMemberData(db, scope)) ?? emptySnapshot();
  const json = toExportJson(snapshot, {
    memberId: member?.id ?? null,
    slackUserId: scope.userId,
    workspaceId: scope.workspaceId,
    exportedAt: now,
  });
  return {
    files: [{ filename: 'networking-coach.json', content: json }, ...toCsvFiles(snapshot)],
    counts: { contacts: snapshot.contacts.length, conversations: snapshot.conversations.length },
  };
}

export interface ForgetPreview {
  contacts: number;
  conversations: number;
  skills: number;
  keywords: number;
}

/** What "forget" would delete, for the confirmation. */
export async function forgetPreview(db: Db, scope: Scope): Promise<ForgetPreview> {
  const snapshot = await loadMemberData(db, scope);
  return {
    contacts: snapshot?.contacts.length ?? 0,
    conversations: snapshot?.conversations.length ?? 0,
    skills: snapshot?.skills.length ?? 0,
    keywords: snapshot?.keywords.length ?? 0,
  };
}

/** Deletes everything the member has, in one transaction. */
export function forgetMember(db: Db, scope: Scope): Promise<DeletedCounts> {
  return deleteMemberData(db, scope.workspaceId, scope.userId);
}

/** A member with nothing yet: what the Home tab shows after "forget" (without creating them again). */
export function emptySnapshot(): MemberSnapshot {
  return {
    prefs: {
      tz: 'UTC',
      workdayStartMinute: 540,
      workdayEndMinute: 1050,
      workDays: [1, 2, 3, 4, 5],
      kindsOff: [],
      pausedUntil: null,
      targetGoal: 8,
      weeklyConversationGoal: 2,
      about: null,
      name: null,
    },
    contacts: [],
    asks: [],
    conversations: [],
    skills: [],
    keywords: [],
  };
}
