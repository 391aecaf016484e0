// Logging a conversation that happened: who it was with, what came out of it, and the thank-you.
import { lookUpPerson, pickScheduledConversation, type SavedLog, undraftedCard } from '../coaching/logging';
import type { ParsedReferral } from '../coaching/referrals';
import { isoLocalDate } from '../coaching/time';
import type { ContactData, Format } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { getContact, listContacts } from '../store/contacts';
import { type ConversationLogInput, saveConversationLog } from '../store/conversation-log';
import { listOpenScheduledConversations } from '../store/conversations';
import { toPrefs } from '../store/mappers';
import { ensureMember } from '../store/members';

export interface LogDefaults {
  person: { id: string | null; name: string; role: string | null; company: string | null } | null;
  /** The member's local date today (YYYY-MM-DD). */
  today: string;
  minutes?: number;
  format?: Format;
}

export type LogStart =
  | { kind: 'form'; defaults: LogDefaults }
  | { kind: 'pick'; typed: string; matches: ContactData[] };

/**
 * What the log modal opens with. A typed name that matches one person prefills them; several need a
 * "Which one?" first; a new name is kept for a new contact. A booked chat with the person lends its
 * length and format.
 */
export async function startLog(
  db: Db,
  scope: Scope,
  who: { typed?: string | null; contactId?: string | null; newName?: string | null },
  now: Date,
): Promise<LogStart> {
  const member = await ensureMember(db, scope);
  const tz = toPrefs(member).tz;
  const today = isoLocalDate(now, tz);
  const newName = who.newName?.replace(/\s+/g, ' ').trim();
  if (newName)
    return {
      kind: 'form',
      defaults: { person: { id: null, name: newName, role: null, company: null }, today },
    };
  let contact: ContactData | null = null;
  if (who.contactId) {
    contact = await getContact(db, member, who.contactId);
  } else if (who.typed?.trim()) {
    const found = lookUpPerson(await listContacts(db, member), who.typed);
    if (found.kind === 'several') return { kind: 'pick', typed: who.typed.trim(), matches: found.matches };
    if (found.kind === 'new') {
      return {
        kind: 'form',
        defaults: { person: { id: null, name: found.name, role: null, company: null }, today },
      };
    }
    if (found.kind === 'one') contact = found.contact;
  }
  if (!contact) return { kind: 'form', defaults: { person: null, today } };
  const scheduled = pickScheduledConversation(
    await listOpenScheduledConversations(db, member, contact.id),
    today,
    tz,
  );
  return {
    kind: 'form',
    defaults: {
      person: { id: contact.id, name: contact.name, role: contact.role, company: contact.company },
      today,
      ...(scheduled ? { minutes: scheduled.minutesRequested, format: scheduled.format } : {}),
    },
  };
}

/** What the log modal gives: the store's input, with the notes as typed ("what you learned"). */
export type LogConversationInput = Omit<ConversationLogInput, 'notes' | 'referrals'> & {
  learned?: string | null;
  referrals: ParsedReferral[];
};

export type LogResult =
  | { ok: true; summary: SavedLog; slackName: string | null }
  | { ok: false; problem: 'future_date' };

/**
 * Saves a logged conversation (once per submission `key`) and what the confirmation DM shows; its
 * thank-you draft is written by the caller, after the ack (`signedCard`).
 */
export async function logConversation(
  db: Db,
  scope: Scope,
  input: LogConversationInput,
  now: Date,
  key: string | null = null,
): Promise<LogResult> {
  const saved = await saveConversationLog(
    db,
    scope,
    { ...input, notes: input.learned?.trim() || null, action: input.action.trim() },
    now,
    key,
  );
  if (!saved.ok) return saved;
  const card = undraftedCard({
    conversation: { ...saved.conversation, heldAt: saved.conversation.heldAt ?? now },
    contact: saved.contact,
    suggestedNames: saved.suggestedNames,
    allConversations: saved.heldConversations,
    tz: saved.tz,
    now,
  });
  return {
    ok: true,
    slackName: saved.slackName,
    summary: {
      card,
      contactStage: saved.contact.stage,
      createdContact: saved.createdContact,
      referrals: saved.referrals.map((r) => ({
        id: r.contact.id,
        name: r.contact.name,
        created: r.created,
        stage: r.contact.stage,
        link: r.link,
        metAt: r.metAt,
        askedAt: r.askedAt,
        introducedBy: r.introducedBy,
      })),
      skillsAdded: saved.skills.map((s) => s.name),
      keywordsAdded: saved.keywords.map((k) => k.term),
    },
  };
}
