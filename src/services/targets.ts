// Building the target list.
import { matchContacts, nameKey } from '../coaching/names';
import type { ContactData } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { countContacts, createContact, getContact, listContacts, type NewContact } from '../store/contacts';
import { ensureMember } from '../store/members';
import { applyOnce } from '../store/requests';

export type AddTargetResult =
  | { ok: true; contact: ContactData; referrer: ContactData | null; progress: { have: number; goal: number } }
  | { ok: false; duplicate: ContactData };

/** Adds a person to the list (once per submission, `key`); a name already there is refused. */
export async function addTarget(
  db: Db,
  scope: Scope,
  input: NewContact,
  now: Date,
  key: string | null = null,
): Promise<AddTargetResult> {
  const member = await ensureMember(db, scope);
  return applyOnce(db, { key, workspaceId: scope.workspaceId, now }, async (tx) => {
    const existing = (await listContacts(tx, member)).find((c) => nameKey(c.name) === nameKey(input.name));
    if (existing) return { ok: false, duplicate: existing };
    const contact = await createContact(tx, member, { ...input, stage: 'target' }, now);
    const referrer = contact.referredById ? await getContact(tx, member, contact.referredById) : null;
    return {
      ok: true,
      contact,
      referrer,
      progress: { have: await countContacts(tx, member), goal: member.targetGoal },
    };
  });
}

export async function contactsForPicker(db: Db, scope: Scope): Promise<ContactData[]> {
  const member = await ensureMember(db, scope);
  return listContacts(db, member);
}

/** Who a name typed after a subcommand points at: one person, several, or nobody yet. */
export type ContactLookup =
  | { kind: 'one'; contact: ContactData; contacts: ContactData[] }
  | { kind: 'several'; matches: ContactData[]; contacts: ContactData[] }
  | { kind: 'none'; query: string; contacts: ContactData[] }
  | { kind: 'any'; contacts: ContactData[] };

/** Case-insensitive prefix match over the member's list; an exact name wins over prefixes. */
export async function findContacts(db: Db, scope: Scope, query: string): Promise<ContactLookup> {
  const member = await ensureMember(db, scope);
  const contacts = await listContacts(db, member);
  if (query.trim() === '') return { kind: 'any', contacts };
  const { exact, matches } = matchContacts(contacts, query);
  if (exact) return { kind: 'one', contact: exact, contacts };
  const [first, ...rest] = matches;
  if (!first) return { kind: 'none', query: query.trim(), contacts };
  if (rest.length === 0) return { kind: 'one', contact: first, contacts };
  return { kind: 'several', matches, contacts };
}
