// Conversations: scheduled chats and the ones that were held, with what came out of them.
// Every query is scoped by workspace and owner.
import { nameKey } from '../coaching/names';
import type { ContactData, ConversationData, Format, KeywordData, SkillData, Stage } from '../coaching/types';
import type { Db, Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { addKeywords } from './keywords';
import { toContact, toConversation } from './mappers';
import { applyOnce } from './requests';
import { addSkills } from './skills';

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
// Logging a held conversation: everything in one transaction, so a failure leaves nothing half-saved.

export interface ConversationLogInput {
  /** An existing contact of the member, or the details of a new one. */
  contact:
    | { kind: 'existing'; id: string; role?: string | null; company?: string | null }
    | { kind: 'new'; name: string; role?: string | null; company?: string | null };
  /** A scheduled conversation with the contact to mark held instead of adding a second one. */
  scheduledConversationId?: string | null;
  heldAt: Date;
  minutes: number;
  format: Format;
  notes: string | null;
  action: string;
  /** When the member said the thank-you was already sent; null when it was not. */
  thankYouSentAt: Date | null;
  skills: readonly string[];
  keywords: readonly string[];
  referrals: readonly { name: string; role?: string | null; company?: string | null }[];
}

export interface ReferralOutcome {
  contact: ContactData;
  /** False when the person was already on the member's list. */
  created: boolean;
}

export interface ConversationLogResult {
  contact: ContactData;
  conversation: ConversationData;
  createdContact: boolean;
  /** True when a scheduled conversation was marked held. */
  usedScheduled: boolean;
  referrals: ReferralOutcome[];
  /** Skills and keywords that were new to the member's lists. */
  skills: SkillData[];
  keywords: KeywordData[];
}

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
export async function recordConversationLog(
  db: Db,
  member: Member,
  input: ConversationLogInput,
  now: Date,
  key: string | null = null,
): Promise<ConversationLogResult> {
  return applyOnce(db, { key, workspaceId: member.workspaceId, now }, async (tx) => {
    const stage: Stage = input.thankYouSentAt ? 'thanked' : 'met';
    let contactId: string;
    let createdContact = false;
    if (input.contact.kind === 'existing') {
      const found = await tx.contact.findFirst({ where: { id: input.contact.id, ...owned(member) } });
      if (!found) throw new Error('contact not found for this member');
      contactId = found.id;
      const { role, company } = input.contact;
      if (role || company) {
        await tx.contact.updateMany({
          where: { id: contactId, ...owned(member) },
          data: { ...(role ? { role } : {}), ...(company ? { company } : {}) },
        });
      }
      await advanceContact(tx, member, contactId, stage, input.heldAt, now);
    } else {
      const created = await tx.contact.create({
        data: {
          ...owned(member),
          name: input.contact.name.trim(),
          nameKey: nameKey(input.contact.name),
          role: input.contact.role ?? null,
          company: input.contact.company ?? null,
          stage,
          stageAt: now,
          lastTouchAt: input.heldAt,
          createdAt: now,
        },
      });
      contactId = created.id;
      createdContact = true;
    }

    const fields = {
      heldAt: input.heldAt,
      minutesRequested: input.minutes,
      format: input.format,
      notes: input.notes,
      action: input.action,
      thankYouSentAt: input.thankYouSentAt,
    };
    let conversationId: string | null = null;
    if (input.scheduledConversationId) {
      const marked = await tx.conversation.updateMany({
        where: {
          id: input.scheduledConversationId,
          ...owned(member),
          contactId,
          heldAt: null,
          cancelledAt: null,
        },
        data: fields,
      });
      if (marked.count === 1) conversationId = input.scheduledConversationId;
    }
    const usedScheduled = conversationId !== null;
    if (!conversationId) {
      const row = await tx.conversation.create({
        data: { ...owned(member), contactId, ...fields, createdAt: now },
      });
      conversationId = row.id;
    }

    const skills = await addSkills(tx, member, input.skills, conversationId, now);
    const keywords = await addKeywords(tx, member, input.keywords, conversationId, now);
    const referrals = await addReferrals(tx, member, contactId, input.referrals, now);

    const contactRow = await tx.contact.findFirstOrThrow({ where: { id: contactId, ...owned(member) } });
    const conversationRow = await tx.conversation.findFirstOrThrow({
      where: { id: conversationId, ...owned(member) },
    });
    return {
      contact: toContact(contactRow),
      conversation: toConversation(conversationRow),
      createdContact,
      usedScheduled,
      referrals,
      skills,
      keywords,
    };
  });
}

/**
 * Every suggested person becomes a target linked to the one who suggested them. Someone already on the
 * list is not added twice; they are linked when nobody was recorded as suggesting them yet.
 */
async function addReferrals(
  tx: DbOrTx,
  member: Member,
  referrerId: string,
  referrals: ConversationLogInput['referrals'],
  now: Date,
): Promise<ReferralOutcome[]> {
  const outcomes: ReferralOutcome[] = [];
  const seen = new Set<string>();
  for (const referral of referrals) {
    const key = nameKey(referral.name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const existing = await tx.contact.findFirst({
      where: { ...owned(member), nameKey: key },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (existing) {
      if (existing.id === referrerId) continue;
      if (!existing.referredById && !(await isAncestor(tx, member, existing.id, referrerId))) {
        await tx.contact.updateMany({
          where: { id: existing.id, ...owned(member) },
          data: { referredById: referrerId },
        });
      }
      const row = await tx.contact.findFirstOrThrow({ where: { id: existing.id, ...owned(member) } });
      outcomes.push({ contact: toContact(row), created: false });
      continue;
    }
    const row = await tx.contact.create({
      data: {
        ...owned(member),
        name: referral.name.trim(),
        nameKey: key,
        role: referral.role ?? null,
        company: referral.company ?? null,
        referredById: referrerId,
        stage: 'target',
        stageAt: now,
        createdAt: now,
      },
    });
    outcomes.push({ contact: toContact(row), created: true });
  }
  return outcomes;
}

/** True when `candidate` suggested `contactId`, directly or further up the chain (linking would make a loop). */
async function isAncestor(
  tx: DbOrTx,
  member: Member,
  candidate: string,
  contactId: string,
): Promise<boolean> {
  const seen = new Set<string>();
  let current: string | null = contactId;
  while (current && !seen.has(current)) {
    if (current === candidate) return true;
    seen.add(current);
    const row: { referredById: string | null } | null = await tx.contact.findFirst({
      where: { id: current, ...owned(member) },
      select: { referredById: true },
    });
    current = row?.referredById ?? null;
  }
  return false;
}

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
