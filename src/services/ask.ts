// Drafting an ask: the first short, specific request for a conversation, its checks, other wordings,
// the member's own edits, and marking it sent.

import { DEFAULT_ASK_MINUTES, draftAsk, formatAskDraft } from '../coaching/ask';
import { type AskCheck, checkAsk, findJobAsk } from '../coaching/ask-checker';
import { nameKey } from '../coaching/names';
import type { AskChannel, AskData, ContactData } from '../coaching/types';
import { canUndo, undoUntil } from '../coaching/undo';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import {
  createAsk,
  getAsk,
  latestAskFor,
  markAskSent,
  recordAskReplied,
  unmarkAskSent,
  updateUnsentAsk,
} from '../store/asks';
import {
  advanceStage,
  createContact,
  getContact,
  listContacts,
  unadvanceAsked,
  updateContact,
} from '../store/contacts';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member, updateMember } from '../store/members';
import { applyOnce } from '../store/requests';
import type { DbOrTx } from '../store/tx';
import { progressOf } from './goals';
import { type ContactLookup, findContacts } from './targets';

/** Everything the "Draft an ask" modal shows. */
export interface AskFormData {
  /** People the picker offers (only the matches when a typed name fits several). */
  options: ContactData[];
  /** The preselected contact, if any. */
  selectedId: string | null;
  /** True when "someone new" is preselected (no match for a typed name, or an empty list). */
  newPerson: boolean;
  /** True when the picker shows only the people a typed name matched. */
  ambiguous: boolean;
  newName: string | null;
  about: string | null;
  why: string | null;
  minutes: number;
  channel: AskChannel;
}

export type AskFormRequest = { query: string } | { contactId: string } | { newPerson: true };

/** The ask modal for a typed name (`/coach ask jan`), a contact id (a button) or a new person. */
export async function askForm(db: Db, scope: Scope, request: AskFormRequest): Promise<AskFormData> {
  const member = await ensureMember(db, scope);
  const form = (
    options: ContactData[],
    picked: ContactData | null,
    extra: Partial<AskFormData> = {},
  ): AskFormData => ({
    options,
    selectedId: picked?.id ?? null,
    newPerson: !picked && options.length === 0,
    ambiguous: false,
    newName: null,
    // An "About you" line that asks for a job is never offered again (older ones may be stored).
    about: member.about && findJobAsk(member.about) ? null : member.about,
    why: picked?.why ?? null,
    minutes: DEFAULT_ASK_MINUTES,
    channel: 'linkedin',
    ...extra,
  });
  if ('newPerson' in request) return form(await listContacts(db, member), null, { newPerson: true });
  if ('contactId' in request) {
    const contacts = await listContacts(db, member);
    return form(contacts, contacts.find((c) => c.id === request.contactId) ?? null);
  }
  const lookup: ContactLookup = await findContacts(db, scope, request.query);
  switch (lookup.kind) {
    case 'one':
      return form(lookup.contacts, lookup.contact);
    case 'several':
      return form(lookup.matches, null, { ambiguous: true });
    case 'none':
      return form(lookup.contacts, null, { newPerson: true, newName: lookup.query });
    case 'any':
      return form(lookup.contacts, null);
  }
}

/** A draft as the DM shows it. */
export interface AskDraftView {
  ask: AskData;
  contact: ContactData;
  check: AskCheck;
  /** IANA zone for showing dates. */
  tz: string;
  /** Set when the "About you" line asked for a job, so it was left out and not kept for next time. */
  aboutNotSaved?: boolean;
  /** Until when "Mark as sent" can still be taken back (set right after marking it). */
  undoUntil?: Date | null;
  /** Set when the draft was just put back to unsent (Undo). */
  unsent?: boolean;
}

export interface NewAskInput {
  person:
    | { kind: 'existing'; contactId: string }
    | { kind: 'new'; name: string; role: string | null; company: string | null };
  about: string | null;
  why: string | null;
  minutes: number;
  channel: AskChannel;
}

export type CreateAskResult =
  | { ok: true; draft: AskDraftView; addedToList: { have: number; goal: number } | null }
  | { ok: false; problem: 'duplicate'; existing: ContactData }
  | { ok: false; problem: 'not_found' };

/** Saves the member's answers, writes the first draft and stores it as an unsent ask. */
export async function createAskDraft(
  db: Db,
  scope: Scope,
  input: NewAskInput,
  now: Date,
  senderFirstName: string | null,
  key: string | null = null,
): Promise<CreateAskResult> {
  const member = await ensureMember(db, scope);
  const saved = await applyOnce(db, { key, workspaceId: scope.workspaceId, now }, async (tx) => {
    let contact: ContactData | null;
    let added = false;
    if (input.person.kind === 'existing') {
      contact = await getContact(tx, member, input.person.contactId);
      if (!contact) return { ok: false as const, problem: 'not_found' as const };
      if (input.why && input.why !== contact.why) {
        contact = (await updateContact(tx, member, contact.id, { why: input.why }, now)) ?? contact;
      }
    } else {
      const wanted = nameKey(input.person.name);
      const existing = (await listContacts(tx, member)).find((c) => nameKey(c.name) === wanted);
      if (existing) return { ok: false as const, problem: 'duplicate' as const, existing };
      contact = await createContact(
        tx,
        member,
        {
          name: input.person.name,
          role: input.person.role,
          company: input.person.company,
          why: input.why,
          stage: 'target',
        },
        now,
      );
      added = true;
    }
    // An "About you" line that asks for a job stays out of the draft and is not kept for next time.
    const aboutNotSaved = Boolean(input.about && findJobAsk(input.about));
    const updated =
      !aboutNotSaved && input.about !== member.about
        ? await updateMember(tx, scope, { about: input.about })
        : member;
    const draft = await writeDraft(
      tx,
      updated,
      contact,
      { ...input, variant: 0, why: input.why },
      senderFirstName,
    );
    const ask = await createAsk(
      tx,
      updated,
      { contactId: contact.id, text: draft, channel: input.channel, minutes: input.minutes, variant: 0 },
      now,
    );
    return { ok: true as const, member: updated, ask, contact, added, aboutNotSaved };
  });
  if (!saved.ok) return saved;
  const progress = saved.added ? await progressOf(db, saved.member, now) : null;
  return {
    ok: true,
    draft: { ...viewOf(saved.member, saved.ask, saved.contact), aboutNotSaved: saved.aboutNotSaved },
    addedToList: progress ? { have: progress.have, goal: progress.targetGoal } : null,
  };
}

export type AskChangeResult =
  | { ok: true; draft: AskDraftView }
  | { ok: false; problem: 'not_found' }
  | { ok: false; problem: 'already_sent'; draft: AskDraftView }
  /** The click came from a version that was replaced already (a double click): nothing changed. */
  | { ok: false; problem: 'superseded'; draft: AskDraftView };

/** The next wording of the same ask ("Another version"); it replaces the draft. */
export async function nextAskVersion(
  db: Db,
  scope: Scope,
  askId: string,
  senderFirstName: string | null,
  shownVariant: number | null = null,
): Promise<AskChangeResult> {
  const found = await loadAsk(db, scope, askId);
  if (!found.ok) return found;
  const { member, ask, contact } = found;
  if (shownVariant !== null && shownVariant !== ask.variant && !ask.sentAt) {
    return { ok: false, problem: 'superseded', draft: viewOf(member, ask, contact) };
  }
  const variant = ask.variant + 1;
  const text = await writeDraft(
    db,
    member,
    contact,
    { about: member.about, why: contact.why, minutes: ask.minutes, channel: ask.channel, variant },
    senderFirstName,
  );
  return saved(db, member, contact, await updateUnsentAsk(db, member, ask.id, { text, variant }), ask);
}

/** The member's own wording replaces the draft; the checker runs on it again. */
export async function editAsk(db: Db, scope: Scope, askId: string, text: string): Promise<AskChangeResult> {
  const found = await loadAsk(db, scope, askId);
  if (!found.ok) return found;
  const { member, ask, contact } = found;
  return saved(db, member, contact, await updateUnsentAsk(db, member, ask.id, { text }), ask);
}

/** A draft for showing or editing, when it is the member's. */
export async function askForEditing(db: Db, scope: Scope, askId: string): Promise<AskDraftView | null> {
  const member = await ensureMember(db, scope);
  const ask = await getAsk(db, member, askId);
  const contact = ask ? await getContact(db, member, ask.contactId) : null;
  return ask && contact ? viewOf(member, ask, contact) : null;
}

export type MarkSentResult =
  | { ok: true; draft: AskDraftView; alreadySent: boolean }
  | { ok: false; problem: 'not_found' };

/** The member sent it: the contact moves to "asked" and the one follow-up reminder starts counting. */
export async function markAskAsSent(db: Db, scope: Scope, askId: string, now: Date): Promise<MarkSentResult> {
  const member = await ensureMember(db, scope);
  const ask = await getAsk(db, member, askId);
  if (!ask) return { ok: false, problem: 'not_found' };
  const first = await markAskSent(db, member, ask.id, now);
  if (first) await advanceStage(db, member, ask.contactId, 'asked', now);
  const view = await askForEditing(db, scope, ask.id);
  return view
    ? { ok: true, draft: { ...view, undoUntil: undoWindow(view.ask, now) }, alreadySent: !first }
    : { ok: false, problem: 'not_found' };
}

/** Until when marking `ask` sent can be undone at `now`; null once a reply or follow-up came, or later. */
function undoWindow(ask: AskData, now: Date): Date | null {
  if (!ask.sentAt || ask.repliedAt || ask.followedUpAt || !canUndo(ask.sentAt, now)) return null;
  return undoUntil(ask.sentAt);
}

export type UndoSentResult =
  | { ok: true; draft: AskDraftView }
  | { ok: false; problem: 'not_found' }
  /** Not marked sent (undone already), too late, or a reply or follow-up came since: as it is now. */
  | { ok: false; problem: 'not_sent' | 'too_late' | 'moved_on'; draft: AskDraftView };

/**
 * Undo on "Mark as sent": within the window, and only for the member's own ask, the ask is a draft
 * again and the person goes back to "to reach out to" when marking it is what moved them.
 */
export async function undoAskSent(db: Db, scope: Scope, askId: string, now: Date): Promise<UndoSentResult> {
  const member = await ensureMember(db, scope);
  const ask = await getAsk(db, member, askId);
  const contact = ask ? await getContact(db, member, ask.contactId) : null;
  if (!ask || !contact) return { ok: false, problem: 'not_found' };
  const asIs = (problem: 'not_sent' | 'too_late' | 'moved_on'): UndoSentResult => ({
    ok: false,
    problem,
    draft: { ...viewOf(member, ask, contact), undoUntil: undoWindow(ask, now) },
  });
  const sentAt = ask.sentAt;
  if (!sentAt) return asIs('not_sent');
  if (ask.repliedAt || ask.followedUpAt) return asIs('moved_on');
  if (!canUndo(sentAt, now)) return asIs('too_late');
  const undone = await applyOnce(db, null, async (tx) => {
    if (!(await unmarkAskSent(tx, member, ask.id, sentAt))) return false;
    await unadvanceAsked(tx, member, ask.contactId, sentAt, now);
    return true;
  });
  const view = await askForEditing(db, scope, ask.id);
  if (!view) return { ok: false, problem: 'not_found' };
  if (!undone) return { ok: false, problem: 'not_sent', draft: view };
  return { ok: true, draft: { ...view, unsent: true } };
}

export type ReplyResult =
  | { ok: true; draft: AskDraftView; firstReply: boolean }
  | { ok: false; problem: 'not_found' | 'not_sent' };

/** "Got a reply" on the ask's own DM: the first reply counts; no follow-up is needed any more. */
export async function recordReply(db: Db, scope: Scope, askId: string, now: Date): Promise<ReplyResult> {
  const member = await ensureMember(db, scope);
  const ask = await getAsk(db, member, askId);
  const contact = ask ? await getContact(db, member, ask.contactId) : null;
  if (!ask || !contact) return { ok: false, problem: 'not_found' };
  if (!ask.sentAt) return { ok: false, problem: 'not_sent' };
  const firstReply = await recordAskReplied(db, member, ask.id, now);
  const draft = await askForEditing(db, scope, ask.id);
  return draft ? { ok: true, draft, firstReply } : { ok: false, problem: 'not_found' };
}

/** Minutes to suggest when booking: what the latest ask asked for, else 20. */
export async function minutesAskedFor(db: Db, member: Member, contactId: string): Promise<number> {
  return (await latestAskFor(db, member, contactId))?.minutes ?? DEFAULT_ASK_MINUTES;
}

// ---------------------------------------------------------------------------------------------

async function writeDraft(
  db: DbOrTx,
  member: Member,
  contact: ContactData,
  input: { about: string | null; why: string | null; minutes: number; channel: AskChannel; variant: number },
  senderFirstName: string | null,
): Promise<string> {
  const referrer = contact.referredById ? await getContact(db, member, contact.referredById) : null;
  return formatAskDraft(
    draftAsk({
      contact: { name: contact.name, role: contact.role, company: contact.company, why: input.why },
      about: input.about,
      minutes: input.minutes,
      channel: input.channel,
      referredByName: referrer?.name ?? null,
      variant: input.variant,
      senderFirstName,
    }),
  );
}

type Loaded = { ok: true; member: Member; ask: AskData; contact: ContactData };

async function loadAsk(
  db: Db,
  scope: Scope,
  askId: string,
): Promise<
  Loaded | { ok: false; problem: 'not_found' } | { ok: false; problem: 'already_sent'; draft: AskDraftView }
> {
  const member = await ensureMember(db, scope);
  const ask = await getAsk(db, member, askId);
  const contact = ask ? await getContact(db, member, ask.contactId) : null;
  if (!ask || !contact) return { ok: false, problem: 'not_found' };
  if (ask.sentAt) return { ok: false, problem: 'already_sent', draft: viewOf(member, ask, contact) };
  return { ok: true, member, ask, contact };
}

async function saved(
  db: Db,
  member: Member,
  contact: ContactData,
  updated: AskData | null,
  before: AskData,
): Promise<AskChangeResult> {
  if (updated) return { ok: true, draft: viewOf(member, updated, contact) };
  // Marked sent between loading and saving: show it as it is now.
  const current = (await getAsk(db, member, before.id)) ?? before;
  return { ok: false, problem: 'already_sent', draft: viewOf(member, current, contact) };
}

function viewOf(member: Member, ask: AskData, contact: ContactData): AskDraftView {
  return {
    ask,
    contact,
    check: checkAsk(ask.text, {
      contactName: contact.name,
      role: contact.role,
      company: contact.company,
      why: contact.why,
    }),
    tz: toPrefs(member).tz,
  };
}
