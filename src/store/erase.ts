// Deleting data for good: everything of a workspace when the app is uninstalled, everything of one
// member when their user token is revoked, and conversations past the retention limit.
//
// Children are deleted explicitly, in dependency order, rather than left to the foreign keys' cascades:
// the result is the same whether or not the database enforces them, and every count is known.
// Rows are found both by their own workspaceId and through their parent, so a row whose workspaceId
// disagrees with its owner's is never left behind.
import type { Db, Prisma } from '../db/client';
import type { DeletedCounts } from './data';

type Tx = Prisma.TransactionClient;

/** Deleting a large workspace is several big statements: allow it longer than an ordinary transaction. */
const ERASE_TIMEOUT_MS = 60_000;

/** Rows deleted with a workspace, by table. */
export interface WorkspaceDeletedCounts {
  workspace: number;
  installations: number;
  members: number;
  contacts: number;
  asks: number;
  conversations: number;
  skills: number;
  keywords: number;
  nudges: number;
  cohorts: number;
  memberships: number;
  intros: number;
  cohortPosts: number;
  skillMentions: number;
  suggestions: number;
  handledRequests: number;
}

/** Rows deleted with one member, by table. */
export type MemberDeletedCounts = DeletedCounts;

/**
 * Deletes every row of the workspace in one transaction: its installations, members and everything
 * they own, its cohorts with their memberships, the requests recorded for it, and the Workspace row.
 * Nothing of another workspace is touched. A later install creates the workspace afresh.
 */
export function deleteWorkspaceData(db: Db, workspaceId: string): Promise<WorkspaceDeletedCounts> {
  const own = { OR: [{ workspaceId }, { owner: { workspaceId } }] };
  return db.$transaction(
    async (tx) => {
      const memberships = await tx.cohortMembership.deleteMany({
        where: { OR: [{ cohort: { workspaceId } }, { member: { workspaceId } }] },
      });
      const intros = await tx.introRequest.deleteMany({
        where: {
          OR: [
            { workspaceId },
            { cohort: { workspaceId } },
            { requester: { workspaceId } },
            { classmate: { workspaceId } },
          ],
        },
      });
      const cohortPosts = await tx.cohortPost.deleteMany({
        where: { OR: [{ workspaceId }, { cohort: { workspaceId } }] },
      });
      const nudges = await tx.nudge.deleteMany({
        where: { OR: [{ workspaceId }, { member: { workspaceId } }] },
      });
      const keywords = await tx.keyword.deleteMany({ where: own });
      const skillMentions = await tx.skillMention.deleteMany({
        where: { OR: [{ workspaceId }, { skill: own }, { conversation: own }] },
      });
      const skills = await tx.skill.deleteMany({ where: own });
      const suggestions = await tx.contactSuggestion.deleteMany({
        where: { OR: [{ workspaceId }, { contact: own }, { suggestedBy: own }] },
      });
      const asks = await tx.ask.deleteMany({
        where: { OR: [{ workspaceId }, { owner: { workspaceId } }, { contact: { workspaceId } }] },
      });
      const conversations = await tx.conversation.deleteMany({
        where: { OR: [{ workspaceId }, { owner: { workspaceId } }, { contact: { workspaceId } }] },
      });
      // Suggested-by links point between the workspace's contacts: clear them so no order matters.
      await tx.contact.updateMany({ where: { referredBy: own }, data: { referredById: null } });
      const contacts = await tx.contact.deleteMany({ where: own });
      const members = await tx.member.deleteMany({ where: { workspaceId } });
      const cohorts = await tx.cohort.deleteMany({ where: { workspaceId } });
      const installations = await tx.installation.deleteMany({ where: { workspaceId } });
      const handledRequests = await tx.handledRequest.deleteMany({ where: { workspaceId } });
      const workspace = await tx.workspace.deleteMany({ where: { id: workspaceId } });
      return {
        workspace: workspace.count,
        installations: installations.count,
        members: members.count,
        contacts: contacts.count,
        asks: asks.count,
        conversations: conversations.count,
        skills: skills.count,
        keywords: keywords.count,
        nudges: nudges.count,
        cohorts: cohorts.count,
        memberships: memberships.count,
        intros: intros.count,
        cohortPosts: cohortPosts.count,
        skillMentions: skillMentions.count,
        suggestions: suggestions.count,
        handledRequests: handledRequests.count,
      };
    },
    { timeout: ERASE_TIMEOUT_MS },
  );
}

const NOTHING_DELETED: MemberDeletedCounts = {
  contacts: 0,
  asks: 0,
  conversations: 0,
  skills: 0,
  keywords: 0,
  nudges: 0,
  memberships: 0,
  member: 0,
};

/**
 * Deletes everything of one member in one transaction (contacts, asks, conversations, skills,
 * keywords, nudges, cohort memberships, then the Member row). Their colleagues' rows, the workspace
 * and its cohorts stay. Zero counts when the member never used the app.
 */
export function deleteMemberData(
  db: Db,
  workspaceId: string,
  slackUserId: string,
): Promise<MemberDeletedCounts> {
  return db.$transaction(
    async (tx) => {
      const member = await tx.member.findUnique({
        where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
        select: { id: true },
      });
      return member ? deleteMemberRows(tx, workspaceId, member.id) : NOTHING_DELETED;
    },
    { timeout: ERASE_TIMEOUT_MS },
  );
}

async function deleteMemberRows(tx: Tx, workspaceId: string, memberId: string): Promise<MemberDeletedCounts> {
  const owned = { ownerId: memberId };
  const nudges = await tx.nudge.deleteMany({ where: { memberId } });
  const memberships = await tx.cohortMembership.deleteMany({ where: { memberId } });
  // Intro requests they made or were asked for; their cohort's own rows (posts) stay.
  await tx.introRequest.deleteMany({ where: { OR: [{ requesterId: memberId }, { classmateId: memberId }] } });
  const keywords = await tx.keyword.deleteMany({ where: owned });
  await tx.skillMention.deleteMany({ where: { OR: [owned, { skill: owned }, { conversation: owned }] } });
  const skills = await tx.skill.deleteMany({ where: owned });
  await tx.contactSuggestion.deleteMany({
    where: { OR: [owned, { contact: owned }, { suggestedBy: owned }] },
  });
  const asks = await tx.ask.deleteMany({ where: { OR: [owned, { contact: owned }] } });
  const conversations = await tx.conversation.deleteMany({ where: { OR: [owned, { contact: owned }] } });
  // Links to the member's contacts (from their own list) are cleared so the order of deletion never matters.
  await tx.contact.updateMany({ where: { referredBy: owned }, data: { referredById: null } });
  const contacts = await tx.contact.deleteMany({ where: owned });
  const member = await tx.member.deleteMany({ where: { id: memberId, workspaceId } });
  return {
    contacts: contacts.count,
    asks: asks.count,
    conversations: conversations.count,
    skills: skills.count,
    keywords: keywords.count,
    nudges: nudges.count,
    memberships: memberships.count,
    member: member.count,
  };
}

/** Conversations deleted per transaction: each batch holds the database's write lock only briefly. */
const RETENTION_BATCH = 500;

/** A conversation's date: when it was held, else when it was scheduled, else when it was written down. */
function olderThan(before: Date): Prisma.ConversationWhereInput {
  return {
    OR: [
      { heldAt: { lt: before } },
      { heldAt: null, scheduledAt: { lt: before } },
      { heldAt: null, scheduledAt: null, createdAt: { lt: before } },
    ],
  };
}

/**
 * Deletes conversations dated before `before`, in every workspace (a maintenance job, not a member's
 * request), with the nudges about them. Skills and keywords found in them stay, no longer linked to
 * a conversation. Runs in batches, one transaction each.
 */
export async function deleteConversationsOlderThan(
  db: Db,
  before: Date,
  batchSize = RETENTION_BATCH,
): Promise<{ count: number }> {
  let count = 0;
  for (;;) {
    const deleted = await db.$transaction(async (tx) => {
      const rows = await tx.conversation.findMany({
        where: olderThan(before),
        select: { id: true },
        orderBy: { id: 'asc' },
        take: batchSize,
      });
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      const fromThem = { sourceConversationId: { in: ids } };
      await tx.skill.updateMany({ where: fromThem, data: { sourceConversationId: null } });
      await tx.keyword.updateMany({ where: fromThem, data: { sourceConversationId: null } });
      await tx.nudge.deleteMany({ where: { subjectId: { in: ids } } });
      const result = await tx.conversation.deleteMany({ where: { id: { in: ids } } });
      return result.count;
    });
    count += deleted;
    if (deleted < batchSize) return { count };
  }
}
