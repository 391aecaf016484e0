// Contacts: the people a member wants to learn from. Every query is scoped by workspace and owner.
import { nameKey } from '../coaching/names';
import { type ContactData, STAGES, type Stage } from '../coaching/types';
import type { Member } from '../db/generated/sqlite/client';
import { toContact } from './mappers';
import type { DbOrTx } from './tx';

export interface NewContact {
  name: string;
  role?: string | null;
  company?: string | null;
  industry?: string | null;
  why?: string | null;
  link?: string | null;
  referredById?: string | null;
  stage?: Stage;
}

export async function createContact(
  db: DbOrTx,
  member: Member,
  input: NewContact,
  now: Date,
): Promise<ContactData> {
  const referredById = input.referredById
    ? ((await getContact(db, member, input.referredById))?.id ?? null)
    : null;
  const row = await db.contact.create({
    data: {
      workspaceId: member.workspaceId,
      ownerId: member.id,
      name: input.name.trim(),
      nameKey: nameKey(input.name),
      role: input.role ?? null,
      company: input.company ?? null,
      industry: input.industry ?? null,
      why: input.why ?? null,
      link: input.link ?? null,
      referredById,
      stage: input.stage ?? 'target',
      stageAt: now,
      createdAt: now,
    },
  });
  return toContact(row);
}

/** One of the member's contacts, or null when the id is not theirs. */
export async function getContact(db: DbOrTx, member: Member, id: string): Promise<ContactData | null> {
  const row = await db.contact.findFirst({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
  });
  return row ? toContact(row) : null;
}

export async function listContacts(
  db: DbOrTx,
  member: Member,
  options: { stages?: Stage[]; includeArchived?: boolean } = {},
): Promise<ContactData[]> {
  const rows = await db.contact.findMany({
    where: {
      workspaceId: member.workspaceId,
      ownerId: member.id,
      ...(options.stages
        ? { stage: { in: options.stages } }
        : options.includeArchived
          ? {}
          : { stage: { not: 'archived' } }),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toContact);
}

export async function updateContact(
  db: DbOrTx,
  member: Member,
  id: string,
  changes: Partial<NewContact> & { lastTouchAt?: Date | null; notes?: string | null },
  now: Date,
): Promise<ContactData | null> {
  const { name, stage, ...rest } = changes;
  const result = await db.contact.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
    data: {
      ...rest,
      ...(name ? { name: name.trim(), nameKey: nameKey(name) } : {}),
      ...(stage ? { stage, stageAt: now } : {}),
    },
  });
  return result.count === 1 ? getContact(db, member, id) : null;
}

/**
 * Moves a contact forward to `stage` unless it is already there or further along (never backwards).
 * Someone who said no for now moves on too when the member asks again, books or meets them.
 */
export async function advanceStage(
  db: DbOrTx,
  member: Member,
  id: string,
  stage: Stage,
  now: Date,
): Promise<void> {
  const order: Stage[] = ['target', 'asked', 'scheduled', 'met', 'thanked'];
  const before = order.slice(0, order.indexOf(stage));
  const earlier: Stage[] = before.length > 0 ? [...before, 'declined'] : before;
  await db.contact.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id, stage: { in: earlier } },
    data: { stage, stageAt: now },
  });
}

export function countContacts(db: DbOrTx, member: Member): Promise<number> {
  return db.contact.count({
    where: { workspaceId: member.workspaceId, ownerId: member.id, stage: { not: 'archived' } },
  });
}

/** Stages a person can be set aside to; the stage they were at is kept in `archivedFromStage`. */
export type AsideStage = Extract<Stage, 'archived' | 'declined'>;

/**
 * Sets one of the member's contacts aside (archived, or said no for now), remembering the stage they
 * were at so Undo and Restore can put them back. Null when the id is not theirs or they are there
 * already (or moved meanwhile).
 */
export async function setContactAside(
  db: DbOrTx,
  member: Member,
  id: string,
  stage: AsideStage,
  now: Date,
): Promise<{ contact: ContactData; from: Stage } | null> {
  const current = await getContact(db, member, id);
  if (!current || current.stage === stage || current.stage === 'archived') return null;
  const result = await db.contact.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id, stage: current.stage },
    data: { stage, stageAt: now, archivedFromStage: current.stage },
  });
  const contact = result.count === 1 ? await getContact(db, member, id) : null;
  return contact ? { contact, from: current.stage } : null;
}

/** A contact set aside, with the stage they came from (null for rows archived before it was kept). */
export async function asideContact(
  db: DbOrTx,
  member: Member,
  id: string,
): Promise<{ contact: ContactData; fromStage: Stage | null } | null> {
  const row = await db.contact.findFirst({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
  });
  if (!row) return null;
  const from = STAGES.find((s) => s === row.archivedFromStage) ?? null;
  return { contact: toContact(row), fromStage: from };
}

/**
 * Puts a contact set aside back at `to` (Undo, Restore). Only while they are still where `aside`
 * left them (same stage, same moment), so a stale click changes nothing. Null otherwise.
 */
export async function putContactBack(
  db: DbOrTx,
  member: Member,
  aside: ContactData,
  to: Stage,
  now: Date,
): Promise<ContactData | null> {
  const result = await db.contact.updateMany({
    where: {
      id: aside.id,
      workspaceId: member.workspaceId,
      ownerId: member.id,
      stage: aside.stage,
      stageAt: aside.stageAt,
    },
    data: { stage: to, stageAt: now, archivedFromStage: null },
  });
  return result.count === 1 ? getContact(db, member, aside.id) : null;
}

/** Undoing "Mark as sent": back to "to reach out to", if marking it is what moved them to "asked". */
export async function unadvanceAsked(
  db: DbOrTx,
  member: Member,
  id: string,
  movedAt: Date,
  now: Date,
): Promise<boolean> {
  const result = await db.contact.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id, stage: 'asked', stageAt: movedAt },
    data: { stage: 'target', stageAt: now },
  });
  return result.count === 1;
}
