// A member's data as a whole: everything for an export, and deleting all of it on request.
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { findMember } from './members';
import { loadSnapshot } from './snapshot';

/** Everything the member has, archived contacts included; null when they never used the app. */
export async function loadMemberData(db: Db, scope: Scope): Promise<MemberSnapshot | null> {
  const member = await findMember(db, scope);
  return member ? loadSnapshot(db, member) : null;
}

export interface DeletedCounts {
  contacts: number;
  asks: number;
  conversations: number;
  skills: number;
  keywords: number;
  nudges: number;
  memberships: number;
  member: number;
}

/**
 * Deletes everything of one member in one transaction — contacts, asks, conversations, skills,
 * keywords, nudges, cohort memberships — then the member row. Nobody else's rows are touched.
 */
export async function deleteMemberData(db: Db, scope: Scope): Promise<DeletedCounts> {
  const member = await findMember(db, scope);
  if (!member) {
    return {
      contacts: 0,
      asks: 0,
      conversations: 0,
      skills: 0,
      keywords: 0,
      nudges: 0,
      memberships: 0,
      member: 0,
    };
  }
  const owned = { workspaceId: member.workspaceId, ownerId: member.id };
  return db.$transaction(async (tx) => {
    const nudges = await tx.nudge.deleteMany({ where: { memberId: member.id } });
    const memberships = await tx.cohortMembership.deleteMany({ where: { memberId: member.id } });
    const keywords = await tx.keyword.deleteMany({ where: owned });
    const skills = await tx.skill.deleteMany({ where: owned });
    const asks = await tx.ask.deleteMany({ where: owned });
    const conversations = await tx.conversation.deleteMany({ where: owned });
    // Suggested-by links point inside the member's own list; clear them so the order of deletion never matters.
    await tx.contact.updateMany({ where: owned, data: { referredById: null } });
    const contacts = await tx.contact.deleteMany({ where: owned });
    const deleted = await tx.member.deleteMany({
      where: { id: member.id, workspaceId: scope.workspaceId, slackUserId: scope.userId },
    });
    return {
      contacts: contacts.count,
      asks: asks.count,
      conversations: conversations.count,
      skills: skills.count,
      keywords: keywords.count,
      nudges: nudges.count,
      memberships: memberships.count,
      member: deleted.count,
    };
  });
}
