// Conversations: scheduled chats and the ones that were held, with what came out of them.
// Every query is scoped by workspace and owner.
import type { ConversationData, Format, Stage } from '../coaching/types';
import type { Db, Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toConversation } from './mappers';

type DbOrTx = Prisma.TransactionClient;

function owned(member: Member) {
  return { workspaceId: member.workspaceId, ownerId: member.id };
}

export async function getConversation(
  db: DbOrTx,
  member: Member,
  id: string,
): Promise<ConversationData | null> {
  const row = await db.conversation.findFirst({ where: { id, ...owned(member) } });
  return row ? toConversation(row) : null;
}

/** Held conversations, newest first (optionally with one contact). */
export async function listHeldConversations(
  db: DbOrTx,
  member: Member,
  options: { contactId?: string; withoutThankYou?: boolean; take?: number } = {},
): Promise<ConversationData[]> {
  const rows = await db.conversation.findMany({
    where: {
      ...owned(member),
      heldAt: { not: null },
      cancelledAt: null,
      ...(options.contactId ? { contactId: options.contactId } : {}),
      ...(options.withoutThankYou ? { thankYouSentAt: null } : {}),
    },
    orderBy: [{ heldAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    ...(options.take ? { take: options.take } : {}),
  });
  return rows.map(toConversation);
}

/** Every conversation of the member by id (for naming where skills and keywords came from). */
export async function conversationsById(db: DbOrTx, member: Member): Promise<Map<string, ConversationData>> {
  const rows = await db.conversation.findMany({ where: owned(member) });
  return new Map(rows.map((row) => [row.id, toConversation(row)]));
}

/** Conversations booked with a contact that have not been held or cancelled. */
export async function listOpenScheduledConversations(
  db: DbOrTx,
  member: Member,
  contactId: string,
): Promise<ConversationData[]> {
  const rows = await db.conversation.findMany({
    where: { ...owned(member), contactId, heldAt: null, cancelledAt: null, scheduledAt: { not: null } },
    orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toConversation);
}

/**
 * Records the thank-you as sent (the first time only), moves the contact to "thanked" and counts it
 * as a touch. Null when the conversation is not the member's.
 */
export async function recordThankYouSent(
  db: Db,
  member: Member,
  conversationId: string,
  at: Date,
): Promise<ConversationData | null> {
  return db.$transaction(async (tx) => {
    const conversation = await getConversation(tx, member, conversationId);
    if (!conversation) return null;
    if (conversation.thankYouSentAt) return conversation;
    await tx.conversation.updateMany({
      where: { id: conversationId, ...owned(member), thankYouSentAt: null },
      data: { thankYouSentAt: at },
    });
    await advanceContact(tx, member, conversation.contactId, 'thanked', at, at);
    return getConversation(tx, member, conversationId);
  });
}

// ---------------------------------------------------------------------------------------------
// Moving a contact on when a conversation happened or was thanked for (logging itself: conversation-log.ts).

const STAGE_ORDER: Stage[] = ['target', 'asked', 'scheduled', 'met', 'thanked'];

/** Moves a contact forward (archived contacts come back), and records the latest touch. */
async function advanceContact(
  tx: DbOrTx,
  member: Member,
  contactId: string,
  stage: Stage,
  touchAt: Date,
  now: Date,
): Promise<void> {
  const row = await tx.contact.findFirst({ where: { id: contactId, ...owned(member) } });
  if (!row) return;
  const current = row.stage as Stage;
  const forward = current === 'archived' || STAGE_ORDER.indexOf(current) < STAGE_ORDER.indexOf(stage);
  const later = !row.lastTouchAt || row.lastTouchAt.getTime() < touchAt.getTime();
  if (!forward && !later) return;
  await tx.contact.updateMany({
    where: { id: contactId, ...owned(member) },
    data: {
      ...(forward ? { stage, stageAt: now } : {}),
      ...(later ? { lastTouchAt: touchAt } : {}),
    },
  });
}

/** Saves the whole log in one transaction that first claims the submission's key (`key`), if any. */
// ---------------------------------------------------------------------------------------------
// Booking a conversation (prep flow).

export interface NewScheduledConversation {
  contactId: string;
  scheduledAt: Date;
  minutesRequested: number;
  format: Format;
}

/** Books a conversation with one of the member's contacts (the caller checked the contact is theirs). */
export async function createScheduledConversation(
  db: DbOrTx,
  member: Member,
  input: NewScheduledConversation,
  now: Date,
): Promise<ConversationData> {
  const row = await db.conversation.create({
    data: {
      ...owned(member),
      contactId: input.contactId,
      scheduledAt: input.scheduledAt,
      minutesRequested: input.minutesRequested,
      format: input.format,
      createdAt: now,
    },
  });
  return toConversation(row);
}
