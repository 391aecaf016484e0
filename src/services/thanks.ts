// Thank-yous: the draft for a conversation, and recording that it was sent.

import {
  lookUpPerson,
  type ThanksLookupProblem,
  type ThankYouCard,
  thankYouCard,
  type UndraftedCard,
} from '../coaching/logging';
import { firstName } from '../coaching/text';
import { draftThankYou } from '../coaching/thanks';
import type { ContactData, ConversationData } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { getContact, listContacts } from '../store/contacts';
import { getConversation, listHeldConversations, recordThankYouSent } from '../store/conversations';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member } from '../store/members';
import type { Drafter } from './drafter';

/** The card for one held conversation, with the member's on-time rate. */
export async function cardFor(
  db: Db,
  member: Member,
  conversation: ConversationData,
  contact: ContactData,
  now: Date,
  senderName: string | null = null,
): Promise<ThankYouCard> {
  const [contacts, held] = await Promise.all([
    listContacts(db, member, { includeArchived: true }),
    listHeldConversations(db, member),
  ]);
  const suggested = contacts.filter((c) => c.referredById === contact.id).map((c) => c.name);
  return thankYouCard({
    conversation: { ...conversation, heldAt: conversation.heldAt ?? now },
    contact,
    suggestedNames: suggested,
    allConversations: held,
    tz: toPrefs(member).tz,
    now,
    // Without a name from this request, the one Slack gave last time.
    senderName: senderName ?? (member.slackName ? firstName(member.slackName) || null : null),
  });
}

export type ThankYouLookup = { ok: true; card: ThankYouCard } | { ok: false; problem: ThanksLookupProblem };

/**
 * The thank-you for the latest conversation with a person (by id or typed name), or with no person
 * the most recent conversation still waiting for one.
 */
export async function thankYouFor(
  db: Db,
  scope: Scope,
  who: { name?: string | null; contactId?: string | null },
  now: Date,
  senderName: string | null = null,
): Promise<ThankYouLookup> {
  const member = await ensureMember(db, scope);
  let contact: ContactData | null = null;
  if (who.contactId) {
    contact = await getContact(db, member, who.contactId);
    if (!contact) return { ok: false, problem: { kind: 'no_match', name: '' } };
  } else if (who.name?.trim()) {
    const name = who.name.trim();
    const found = lookUpPerson(await listContacts(db, member), name);
    if (found.kind === 'several') {
      return {
        ok: false,
        problem: { kind: 'several', name, matches: found.matches.map((c) => ({ id: c.id, name: c.name })) },
      };
    }
    if (found.kind !== 'one') return { ok: false, problem: { kind: 'no_match', name } };
    contact = found.contact;
  }

  if (contact) {
    const [latest] = await listHeldConversations(db, member, { contactId: contact.id, take: 1 });
    if (!latest)
      return {
        ok: false,
        problem: { kind: 'no_conversation', contact: { id: contact.id, name: contact.name } },
      };
    return { ok: true, card: await cardFor(db, member, latest, contact, now, senderName) };
  }

  const [waiting] = await listHeldConversations(db, member, { withoutThankYou: true, take: 1 });
  if (!waiting) {
    const [any] = await listHeldConversations(db, member, { take: 1 });
    return { ok: false, problem: { kind: any ? 'all_sent' : 'nothing_logged' } };
  }
  const owner = await getContact(db, member, waiting.contactId);
  if (!owner) return { ok: false, problem: { kind: 'all_sent' } };
  return { ok: true, card: await cardFor(db, member, waiting, owner, now, senderName) };
}

/** Records the thank-you as sent now (the first click counts); null when the conversation is not the member's. */
export async function markThankYouSent(
  db: Db,
  scope: Scope,
  conversationId: string,
  now: Date,
): Promise<ThankYouCard | null> {
  const member = await ensureMember(db, scope);
  const conversation = await recordThankYouSent(db, member, conversationId, now);
  if (!conversation) return null;
  const contact = await getContact(db, member, conversation.contactId);
  if (!contact) return null;
  return cardFor(db, member, conversation, contact, now);
}

/**
 * The after-log card with its draft, signed with the student's name from Slack: written after the ack,
 * by the drafter (a worker thread in the running app).
 */
export async function signedCard(
  drafter: Drafter,
  card: UndraftedCard,
  senderName: string | null,
): Promise<ThankYouCard> {
  return { ...card, draft: await drafter.thankYou({ ...card.draftInput, senderName }) };
}

/**
 * One version of the thank-you for one of the member's conversations (the id comes from the client,
 * so it is looked up in the member's scope); null when it is not theirs.
 */
export async function thankYouVersion(
  db: Db,
  scope: Scope,
  conversationId: string,
  variant: number,
  senderName: string | null,
  now: Date,
): Promise<{ card: ThankYouCard; text: string } | null> {
  const member = await ensureMember(db, scope);
  const conversation = await getConversation(db, member, conversationId);
  if (!conversation?.heldAt) return null;
  const contact = await getContact(db, member, conversation.contactId);
  if (!contact) return null;
  const card = await cardFor(db, member, conversation, contact, now, senderName);
  return { card, text: draftThankYou({ ...card.draftInput, senderName, variant }) };
}
