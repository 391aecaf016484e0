// The member's people: the pipeline by stage, one person's card, and archiving.
import { type PipelineEntry, type PipelineStage, pipelineByStage } from '../coaching/pipeline';
import type { ContactData } from '../coaching/types';
import { canUndo, undoUntil } from '../coaching/undo';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import {
  type AsideStage,
  asideContact,
  getContact,
  putContactBack,
  setContactAside,
} from '../store/contacts';
import { toPrefs } from '../store/mappers';
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

/** Someone just set aside (archived, or said no for now), with until when Undo puts them back. */
export interface SetAside {
  contact: ContactData;
  undoUntil: Date;
  tz: string;
}

/**
 * Moves a person to the archive (their pending nudges are cancelled by the nudge planner), keeping
 * the stage they were at for Undo and Restore. Null when the id is not the member's.
 */
export async function archiveContact(
  db: Db,
  scope: Scope,
  contactId: string,
  now: Date,
): Promise<SetAside | null> {
  return setAside(db, scope, contactId, 'archived', now);
}

/** "They said no for now": kindly out of the way (no nudges), with Undo for a short while. */
export async function declineContact(
  db: Db,
  scope: Scope,
  contactId: string,
  now: Date,
): Promise<SetAside | null> {
  return setAside(db, scope, contactId, 'declined', now);
}

async function setAside(
  db: Db,
  scope: Scope,
  contactId: string,
  stage: AsideStage,
  now: Date,
): Promise<SetAside | null> {
  const member = await ensureMember(db, scope);
  const tz = toPrefs(member).tz;
  const moved = await setContactAside(db, member, contactId, stage, now);
  if (moved) return { contact: moved.contact, undoUntil: undoUntil(now), tz };
  // Already there (a second click) or not theirs: the first answer again, when it is theirs.
  const contact = await getContact(db, member, contactId);
  if (!contact || contact.stage !== stage) return null;
  return { contact, undoUntil: undoUntil(contact.stageAt), tz };
}

export type PutBackResult =
  | { ok: true; contact: ContactData; tz: string }
  | { ok: false; problem: 'not_found' }
  /** No longer set aside (put back already, or moved on): their current state, nothing changed. */
  | { ok: false; problem: 'not_aside' | 'too_late'; contact: ContactData; tz: string };

/** Undo on Archive: within the window, back to the stage they were archived from. */
export function undoArchive(db: Db, scope: Scope, contactId: string, now: Date): Promise<PutBackResult> {
  return putBack(db, scope, contactId, 'archived', now, true);
}

/** Restore an archived person, any time: back to the stage they were archived from (or "to reach out to"). */
export function restoreContact(db: Db, scope: Scope, contactId: string, now: Date): Promise<PutBackResult> {
  return putBack(db, scope, contactId, 'archived', now, false);
}

/** Undo on "They said no for now": within the window, back to where they were. */
export function undoDecline(db: Db, scope: Scope, contactId: string, now: Date): Promise<PutBackResult> {
  return putBack(db, scope, contactId, 'declined', now, true);
}

async function putBack(
  db: Db,
  scope: Scope,
  contactId: string,
  from: AsideStage,
  now: Date,
  windowed: boolean,
): Promise<PutBackResult> {
  const member = await ensureMember(db, scope);
  const tz = toPrefs(member).tz;
  const found = await asideContact(db, member, contactId);
  if (!found) return { ok: false, problem: 'not_found' };
  const { contact, fromStage } = found;
  if (contact.stage !== from) return { ok: false, problem: 'not_aside', contact, tz };
  if (windowed && !canUndo(contact.stageAt, now)) return { ok: false, problem: 'too_late', contact, tz };
  const to = fromStage && fromStage !== from && fromStage !== 'archived' ? fromStage : 'target';
  const back = await putContactBack(db, member, contact, to, now);
  if (!back) {
    const current = (await getContact(db, member, contactId)) ?? contact;
    return { ok: false, problem: 'not_aside', contact: current, tz };
  }
  return { ok: true, contact: back, tz };
}
