// Contacts: the people a member wants to learn from. Every query is scoped by workspace and owner.
import { nameKey } from '../coaching/names';
import type { ContactData, Stage } from '../coaching/types';
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

/** Moves a contact forward to `stage` unless it is already there or further along (never backwards). */
export async function advanceStage(
  db: DbOrTx,
  member: Member,
  id: string,
  stage: Stage,
  now: Date,
): Promise<void> {
  const order: Stage[] = ['target', 'asked', 'scheduled', 'met', 'thanked'];
  const earlier = order.slice(0, order.indexOf(stage));
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
