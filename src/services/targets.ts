// Building the target list.
import { nameKey } from '../coaching/names';
import type { ContactData } from '../coaching/types';
import type { Db } from '../db/client';
import { countContacts, createContact, getContact, listContacts, type NewContact } from '../store/contacts';
import { ensureMember } from '../store/members';
import type { Scope } from '../slack/deps';

export type AddTargetResult =
  | { ok: true; contact: ContactData; referrer: ContactData | null; progress: { have: number; goal: number } }
  | { ok: false; duplicate: ContactData };

export async function addTarget(db: Db, scope: Scope, input: NewContact, now: Date): Promise<AddTargetResult> {
  const member = await ensureMember(db, scope);
  const existing = (await listContacts(db, member)).find((c) => nameKey(c.name) === nameKey(input.name));
  if (existing) return { ok: false, duplicate: existing };
  const contact = await createContact(db, member, { ...input, stage: 'target' }, now);
  const referrer = contact.referredById ? await getContact(db, member, contact.referredById) : null;
  return { ok: true, contact, referrer, progress: { have: await countContacts(db, member), goal: member.targetGoal } };
}

export async function contactsForPicker(db: Db, scope: Scope): Promise<ContactData[]> {
  const member = await ensureMember(db, scope);
  return listContacts(db, member);
}
