// Asks: outreach messages a member drafted for one of their contacts. Every query is scoped by
// workspace and owner, so an ask id from someone else's button finds nothing.
import type { AskChannel, AskData } from '../coaching/types';
import type { Member } from '../db/generated/sqlite/client';
import { toAsk } from './mappers';
import type { DbOrTx } from './tx';

export interface NewAsk {
  contactId: string;
  text: string;
  channel: AskChannel;
  minutes: number;
  variant: number;
}

export async function createAsk(db: DbOrTx, member: Member, input: NewAsk, now: Date): Promise<AskData> {
  const row = await db.ask.create({
    data: {
      workspaceId: member.workspaceId,
      ownerId: member.id,
      contactId: input.contactId,
      text: input.text,
      channel: input.channel,
      minutes: input.minutes,
      variant: input.variant,
      createdAt: now,
    },
  });
  return toAsk(row);
}

/** One of the member's asks, or null when the id is not theirs. */
export async function getAsk(db: DbOrTx, member: Member, id: string): Promise<AskData | null> {
  const row = await db.ask.findFirst({ where: { id, workspaceId: member.workspaceId, ownerId: member.id } });
  return row ? toAsk(row) : null;
}

/** Changes a draft that has not been sent yet; null when it is not theirs or already sent. */
export async function updateUnsentAsk(
  db: DbOrTx,
  member: Member,
  id: string,
  changes: { text: string; variant?: number },
): Promise<AskData | null> {
  const result = await db.ask.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id, sentAt: null },
    data: changes,
  });
  return result.count === 1 ? getAsk(db, member, id) : null;
}

type AskMoment = 'sentAt' | 'repliedAt' | 'followedUpAt';

/** Sets one of the ask's moments once: false when the ask is not theirs or it was set already. */
async function stampAsk(
  db: DbOrTx,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
  field: AskMoment,
  now: Date,
) {
  const result = await db.ask.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id, [field]: null },
    data: { [field]: now },
  });
  return result.count === 1;
}

/** The member sent the ask (outside Slack, or in it). */
export function markAskSent(db: DbOrTx, member: Member, id: string, now: Date): Promise<boolean> {
  return stampAsk(db, member, id, 'sentAt', now);
}

/** The contact replied to the ask (the first answer counts). */
export function recordAskReplied(
  db: DbOrTx,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
  now: Date,
) {
  return stampAsk(db, member, id, 'repliedAt', now);
}

/** The member sent their one follow-up for the ask. */
export function recordAskFollowedUp(
  db: DbOrTx,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
  now: Date,
) {
  return stampAsk(db, member, id, 'followedUpAt', now);
}

/** The member's most recent ask to this contact, sent or not. */
export async function latestAskFor(db: DbOrTx, member: Member, contactId: string): Promise<AskData | null> {
  const row = await db.ask.findFirst({
    where: { contactId, workspaceId: member.workspaceId, ownerId: member.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return row ? toAsk(row) : null;
}

/**
 * Takes back "Mark as sent" (Undo): only the member's ask, only the moment it was marked (`sentAt`),
 * and only while nothing came after it (no reply, no follow-up). False when any of that changed.
 */
export async function unmarkAskSent(db: DbOrTx, member: Member, id: string, sentAt: Date): Promise<boolean> {
  const result = await db.ask.updateMany({
    where: {
      id,
      workspaceId: member.workspaceId,
      ownerId: member.id,
      sentAt,
      repliedAt: null,
      followedUpAt: null,
    },
    data: { sentAt: null },
  });
  return result.count === 1;
}
