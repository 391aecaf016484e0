// Who suggested whom, beyond the first introducer: a person already on the list whom someone else
// suggests keeps their first introducer (Contact.referredById) and gets a ContactSuggestion row for each
// later one. The log's own direct-SQL save does the same in ./conversation-log (addReferrals).
import type { SuggestionData } from '../coaching/types';
import type { Member } from '../db/generated/sqlite/client';
import { newId } from '../db/ids';
import { toSuggestion } from './mappers';
import type { DbOrTx } from './tx';

/** Every later introducer on the member's list, oldest first. */
export async function listSuggestions(db: DbOrTx, member: Member): Promise<SuggestionData[]> {
  const rows = await db.contactSuggestion.findMany({
    where: { workspaceId: member.workspaceId, ownerId: member.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toSuggestion);
}

export type ReferralLink = 'introducer' | 'also' | 'none';

/**
 * Links `contactId` (already on the list) to `suggestedById`, who suggested them: as first introducer
 * when nobody suggested them yet, the student has not reached out to them (no ask sent, never met) and
 * the link makes no loop; otherwise as another who suggested them too (once per pair). Both ids are
 * looked up in the member's scope; 'none' when either is not theirs or they are the same person.
 */
export async function linkReferral(
  db: DbOrTx,
  member: Member,
  input: { contactId: string; suggestedById: string; conversationId?: string | null },
  now: Date,
): Promise<ReferralLink> {
  const scope = { workspaceId: member.workspaceId, ownerId: member.id };
  if (input.contactId === input.suggestedById) return 'none';
  const [contact, suggester] = await Promise.all([
    db.contact.findFirst({ where: { ...scope, id: input.contactId } }),
    db.contact.findFirst({ where: { ...scope, id: input.suggestedById }, select: { id: true } }),
  ]);
  if (!contact || !suggester) return 'none';
  if (contact.referredById === suggester.id) return 'introducer';
  if (!contact.referredById) {
    const reached =
      (contact.stage !== 'target' && contact.stage !== 'archived') ||
      (await db.conversation.count({
        where: { ...scope, contactId: contact.id, heldAt: { not: null }, cancelledAt: null },
      })) > 0 ||
      (await db.ask.count({ where: { ...scope, contactId: contact.id, sentAt: { not: null } } })) > 0;
    if (!reached && !(await suggestedUpChain(db, scope, contact.id, suggester.id))) {
      const linked = await db.contact.updateMany({
        where: { ...scope, id: contact.id, referredById: null },
        data: { referredById: suggester.id, updatedAt: now },
      });
      if (linked.count === 1) return 'introducer';
    }
  }
  await db.contactSuggestion.upsert({
    where: { contactId_suggestedById: { contactId: contact.id, suggestedById: suggester.id } },
    update: {},
    create: {
      id: newId(),
      ...scope,
      contactId: contact.id,
      suggestedById: suggester.id,
      conversationId: input.conversationId ?? null,
      createdAt: now,
    },
  });
  return 'also';
}

/** True when `candidate` is `from` or further up its chain of first introducers (a link would loop). */
async function suggestedUpChain(
  db: DbOrTx,
  scope: { workspaceId: string; ownerId: string },
  candidate: string,
  from: string,
): Promise<boolean> {
  const visited = new Set<string>();
  let current: string | null = from;
  while (current && !visited.has(current)) {
    if (current === candidate) return true;
    visited.add(current);
    const row: { referredById: string | null } | null = await db.contact.findFirst({
      where: { ...scope, id: current },
      select: { referredById: true },
    });
    current = row?.referredById ?? null;
  }
  return false;
}
