// The member's people: the pipeline by stage, one person's card, and archiving.
import { type PipelineEntry, type PipelineStage, pipelineByStage } from '../coaching/pipeline';
import type { ContactData } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { getContact, updateContact } from '../store/contacts';
import { ensureMember } from '../store/members';
import { loadSnapshot } from '../store/snapshot';

/** Every stage with its people and each person's next step. */
export async function peopleByStage(db: Db, scope: Scope, now: Date): Promise<PipelineStage[]> {
  const member = await ensureMember(db, scope);
  return pipelineByStage(await loadSnapshot(db, member), now);
}

export interface PersonOverview {
  entry: PipelineEntry;
  referrerName: string | null;
}

export async function personOverview(
  db: Db,
  scope: Scope,
  contactId: string,
  now: Date,
): Promise<PersonOverview | null> {
  const member = await ensureMember(db, scope);
  const snapshot = await loadSnapshot(db, member);
  const contact = snapshot.contacts.find((c) => c.id === contactId);
  if (!contact) return null;
  const stage = pipelineByStage({ ...snapshot, contacts: [contact] }, now).find(
    (s) => s.stage === contact.stage,
  );
  const entry = stage?.contacts[0];
  if (!entry) return null;
  const referrer = contact.referredById
    ? snapshot.contacts.find((c) => c.id === contact.referredById)
    : undefined;
  return { entry, referrerName: referrer?.name ?? null };
}

/** Moves a person to the archive (their pending nudges are cancelled by the nudge planner). */
export async function archiveContact(
  db: Db,
  scope: Scope,
  contactId: string,
  now: Date,
): Promise<ContactData | null> {
  const member = await ensureMember(db, scope);
  const contact = await getContact(db, member, contactId);
  if (!contact) return null;
  if (contact.stage === 'archived') return contact;
  return updateContact(db, member, contactId, { stage: 'archived' }, now);
}
