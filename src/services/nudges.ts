// What the buttons on a nudge DM do. Every function first checks that the nudge belongs to the member
// who clicked (same workspace, same member): a button value replayed by someone else does nothing.
import { nudgeDeadline, type SnoozeValue, snoozeOptions } from '../coaching/nudge-rules';
import { firstName } from '../coaching/text';
import { formatLocal, MINUTE_MS } from '../coaching/time';
import { type MemberSnapshot, NUDGE_KINDS, type NudgeKind } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import {
  composeFoldedNudges,
  composeNudge,
  type FoldedNudgeContent,
  type NudgeContent,
} from '../nudges/compose';
import { getAsk, recordAskFollowedUp, recordAskReplied } from '../store/asks';
import { getContact } from '../store/contacts';
import { recordThankYouSent } from '../store/conversations';
import { toPrefs } from '../store/mappers';
import { findMember, type Member, updateMember } from '../store/members';
import {
  cancelPendingOfKinds,
  findMemberNudge,
  markNudgeDone,
  moveNudgeMessage,
  type Nudge,
  nudgesInMessage,
  recordLoopClosed,
  reopenCancelledOfKind,
  reopenNudges,
  resolveNudges,
  snoozeNudge,
  touchContact,
  undoFollowedUp,
  undoLoopClosed,
  undoThankYouSent,
  untouchContact,
  wasStopped,
} from '../store/nudges';
import { loadSnapshot } from '../store/snapshot';
import { markThankYouSent } from './thanks';

/** How long Done and Stop these can be undone. */
export const UNDO_WINDOW_MS = 10 * MINUTE_MS;

/** What an Undo puts back: the nudge's message as it was, rebuilt from the member's data now. */
export type RestoredNudge =
  | { kind: 'single'; nudgeId: string; content: NudgeContent }
  | { kind: 'folded'; content: FoldedNudgeContent };

export type NudgeClickResult = { ok: false; reason: 'not_yours' } | { ok: true; outcome: NudgeClickOutcome };

export type NudgeClickOutcome =
  /** `recorded` says what Done noted (the loop closed, the thank-you sent…), or is empty. */
  | { kind: 'done'; nudgeId: string; recorded: string }
  | { kind: 'snoozed'; until: Date; untilLabel: string }
  | { kind: 'stopped'; nudgeKind: NudgeKind; nudgeId: string }
  | { kind: 'undone'; restored: RestoredNudge | null }
  | { kind: 'undo_expired' }
  /** The snooze choice would pass the nudge's deadline now (a click on an old menu). */
  | { kind: 'snooze_unavailable' }
  | { kind: 'thanks_sent' }
  /** The contact replied: the next step is booking the chat (or noting a no for now). */
  | { kind: 'got_reply'; contactId: string | null; name: string | null }
  | { kind: 'followed_up'; name: string | null }
  /** A second click on a nudge handled already: its current state, and nothing changed. */
  | { kind: 'already_done'; atLabel: string }
  | { kind: 'already_snoozed'; untilLabel: string }
  /** Already resolved, cancelled or failed: nothing left to do. */
  | { kind: 'gone' };

interface Owned {
  member: Member;
  nudge: Nudge;
}

async function owned(db: Db, scope: Scope, nudgeId: string): Promise<Owned | null> {
  if (!nudgeId) return null;
  const member = await findMember(db, scope);
  if (!member) return null;
  const nudge = await findMemberNudge(db, member, nudgeId);
  return nudge ? { member, nudge } : null;
}

const OPEN_STATUSES = new Set(['sent', 'pending']);

function alreadyDone({ member, nudge }: Owned): NudgeClickOutcome {
  const at = nudge.resolvedAt ?? nudge.updatedAt;
  return { kind: 'already_done', atLabel: formatLocal(at, toPrefs(member).tz, 'weekdayTime') };
}

/** The member's snapshot, with the member row the service already has. */
function snapshotOf(db: Db, member: Member): Promise<MemberSnapshot> {
  return loadSnapshot(db, member);
}

function nameOf(snapshot: MemberSnapshot, contactId: string | null | undefined): string | null {
  const name = contactId ? snapshot.contacts.find((c) => c.id === contactId)?.name : undefined;
  return name ? firstName(name) || name : null;
}

/** The contact a nudge is about, by its subject. */
function contactIdOf(snapshot: MemberSnapshot, nudge: Nudge): string | null {
  const subject = nudge.subjectId;
  if (!subject) return null;
  switch (nudge.kind) {
    case 'referral':
    case 'keep_in_touch':
      return subject;
    case 'follow_up':
      return snapshot.asks.find((a) => a.id === subject)?.contactId ?? null;
    default:
      return snapshot.conversations.find((c) => c.id === subject)?.contactId ?? null;
  }
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * What Done means for each kind, recorded at `now`: the thank-you sent, the follow-up sent, the loop
 * closed, the contact in touch. Returns the sentence that says so (empty when nothing is recorded).
 */
async function recordDone(db: Db, member: Member, nudges: readonly Nudge[], now: Date): Promise<string> {
  const snapshot = await snapshotOf(db, member);
  const names: string[] = [];
  const kind = nudges[0]?.kind;
  for (const nudge of nudges) {
    const subject = nudge.subjectId;
    if (!subject) continue;
    const name = nameOf(snapshot, contactIdOf(snapshot, nudge));
    if (name) names.push(name);
    if (nudge.kind === 'thank_you') await recordThankYouSent(db, member, subject, now);
    else if (nudge.kind === 'follow_up') await recordAskFollowedUp(db, member, subject, now);
    else if (nudge.kind === 'close_loop') await recordLoopClosed(db, member, subject, now);
    else if (nudge.kind === 'keep_in_touch') await touchContact(db, member, subject, now);
  }
  const who = listNames([...names].sort((a, b) => a.localeCompare(b)));
  switch (kind) {
    case 'thank_you':
      return who ? `Thank-you to ${who} noted as sent.` : 'Thank-you noted as sent.';
    case 'follow_up':
      return who
        ? `Follow-up to ${who} noted as sent; I won’t nudge about it again.`
        : 'Follow-up noted as sent; I won’t nudge about it again.';
    case 'close_loop':
      return who ? `Loop closed with ${who}; it won’t be on your list again.` : 'Loop closed.';
    case 'keep_in_touch':
      return who ? `Noted that you were in touch with ${who}.` : 'Noted that you were in touch.';
    default:
      return '';
  }
}

/** Undo of what recordDone noted at `at`. */
async function undoRecorded(db: Db, member: Member, nudges: readonly Nudge[], at: Date): Promise<void> {
  for (const nudge of nudges) {
    const subject = nudge.subjectId;
    if (!subject) continue;
    if (nudge.kind === 'thank_you') await undoThankYouSent(db, member, subject, at);
    else if (nudge.kind === 'follow_up') await undoFollowedUp(db, member, subject, at);
    else if (nudge.kind === 'close_loop') await undoLoopClosed(db, member, subject, at);
    else if (nudge.kind === 'keep_in_touch') await untouchContact(db, member, subject, at);
  }
}

/** The clicked nudge and the others shown in the same message (a folded backlog) that are still open. */
async function openGroup(db: Db, found: Owned): Promise<Nudge[]> {
  const all = await nudgesInMessage(db, found.member, found.nudge);
  const open = all.filter((n) => OPEN_STATUSES.has(n.status));
  return open.some((n) => n.id === found.nudge.id) ? open : [found.nudge, ...open];
}

export async function markNudgeDoneFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  now: Date,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  if (found.nudge.status === 'done') return { ok: true, outcome: alreadyDone(found) };
  if (!OPEN_STATUSES.has(found.nudge.status)) return { ok: true, outcome: { kind: 'gone' } };
  const group = await openGroup(db, found);
  const changed = await resolveNudges(
    db,
    found.member,
    group.map((n) => n.id),
    now,
    'done',
  );
  if (changed === 0) return { ok: true, outcome: { kind: 'gone' } };
  const recorded = await recordDone(db, found.member, group, now);
  return { ok: true, outcome: { kind: 'done', nudgeId, recorded } };
}

export async function snoozeNudgeFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  choice: SnoozeValue,
  now: Date,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  if (found.nudge.status === 'done') return { ok: true, outcome: alreadyDone(found) };
  if (!OPEN_STATUSES.has(found.nudge.status)) return { ok: true, outcome: { kind: 'gone' } };
  const prefs = toPrefs(found.member);
  // Waiting again with a later time than now: this DM was snoozed already (a second click).
  if (found.nudge.status === 'pending' && found.nudge.sentAt && found.nudge.dueAt.getTime() > now.getTime()) {
    return {
      ok: true,
      outcome: {
        kind: 'already_snoozed',
        untilLabel: formatLocal(found.nudge.dueAt, prefs.tz, 'weekdayTime'),
      },
    };
  }
  // The choices are worked out again now: a menu clicked late never snoozes past a deadline.
  const kind = found.nudge.kind as NudgeKind;
  const group = await openGroup(db, found);
  const snapshot = await snapshotOf(db, found.member);
  const deadlines = group
    .map((n) => nudgeDeadline(kind, n.subjectId, snapshot))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  const picked = snoozeOptions(kind, deadlines[0] ?? null, now, prefs).find((o) => o.value === choice);
  if (!picked) return { ok: true, outcome: { kind: 'snooze_unavailable' } };
  let snoozed = 0;
  for (const n of group) if (await snoozeNudge(db, found.member, n.id, picked.until)) snoozed += 1;
  if (snoozed === 0) return { ok: true, outcome: { kind: 'gone' } };
  return {
    ok: true,
    outcome: {
      kind: 'snoozed',
      until: picked.until,
      untilLabel: `${formatLocal(picked.until, prefs.tz, 'weekdayTime')}${picked.pastDeadline ? ' (after the 24 hours; a late thank-you is still welcome)' : ''}`,
    },
  };
}

/** "Stop these": turns the kind off for the member and drops their waiting nudges of that kind. */
export async function stopNudgeKindFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  now: Date,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  const kind = found.nudge.kind as NudgeKind;
  if (!(NUDGE_KINDS as readonly string[]).includes(kind)) return { ok: true, outcome: { kind: 'gone' } };
  const off = new Set(toPrefs(found.member).kindsOff);
  off.add(kind);
  await updateMember(db, scope, { nudgeKindsOff: NUDGE_KINDS.filter((k) => off.has(k)) });
  const group = await openGroup(db, found);
  await resolveNudges(
    db,
    found.member,
    group.map((n) => n.id),
    now,
    'stopped',
  );
  await cancelPendingOfKinds(db, found.member, [kind], 'kind turned off', now);
  return { ok: true, outcome: { kind: 'stopped', nudgeKind: kind, nudgeId } };
}

/**
 * Undo of Done or Stop these, within UNDO_WINDOW_MS: the nudge (and the others of its message) open
 * again, what Done recorded is taken back, a stopped kind is on again with its waiting nudges. The
 * nudge id is the member's claim: looked up in their scope.
 */
export async function undoNudgeFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  now: Date,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  const { member, nudge } = found;
  if (OPEN_STATUSES.has(nudge.status)) return { ok: true, outcome: { kind: 'undone', restored: null } };
  const at = nudge.resolvedAt;
  if (nudge.status !== 'done' || !at) return { ok: true, outcome: { kind: 'gone' } };
  if (now.getTime() - at.getTime() > UNDO_WINDOW_MS) return { ok: true, outcome: { kind: 'undo_expired' } };
  const group = (await nudgesInMessage(db, member, nudge)).filter(
    (n) => n.status === 'done' && n.resolvedAt?.getTime() === at.getTime(),
  );
  const members = group.some((n) => n.id === nudge.id) ? group : [nudge, ...group];
  const kind = nudge.kind as NudgeKind;
  if (wasStopped(nudge)) {
    const off = toPrefs(member).kindsOff.filter((k) => k !== kind);
    await updateMember(db, scope, { nudgeKindsOff: off });
    await reopenCancelledOfKind(db, member, kind, at);
  } else {
    await undoRecorded(db, member, members, at);
  }
  await reopenNudges(
    db,
    member,
    members.map((n) => n.id),
    at,
  );
  const fresh = await findMember(db, scope);
  const snapshot = await snapshotOf(db, fresh ?? member);
  const refs = members.map((n) => ({ kind, subjectId: n.subjectId, nudgeId: n.id }));
  const restored: RestoredNudge =
    refs.length > 1
      ? { kind: 'folded', content: composeFoldedNudges(refs, snapshot, now) }
      : {
          kind: 'single',
          nudgeId: nudge.id,
          content: composeNudge({ kind, subjectId: nudge.subjectId }, snapshot, now),
        };
  return { ok: true, outcome: { kind: 'undone', restored } };
}

/** "Show" in a folded message: one of its nudges in full, to post on its own. Null when not the member's. */
export async function showNudgeFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  now: Date,
): Promise<{ nudgeId: string; content: NudgeContent } | { gone: true } | null> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return null;
  if (
    !OPEN_STATUSES.has(found.nudge.status) ||
    !(NUDGE_KINDS as readonly string[]).includes(found.nudge.kind)
  )
    return { gone: true };
  const snapshot = await snapshotOf(db, found.member);
  const kind = found.nudge.kind as NudgeKind;
  return { nudgeId, content: composeNudge({ kind, subjectId: found.nudge.subjectId }, snapshot, now) };
}

/** The nudge shown on its own is answered there from now on, not with the folded message. */
export async function recordNudgeShown(
  db: Db,
  scope: Scope,
  nudgeId: string,
  message: { channelId: string; messageTs: string },
): Promise<boolean> {
  const found = await owned(db, scope, nudgeId);
  return found ? moveNudgeMessage(db, found.member, nudgeId, message) : false;
}

/**
 * The kind-specific buttons (Mark sent, Got a reply, Mark followed up): runs `act` on the nudge's
 * subject when the nudge is the member's and of that kind, then resolves the nudge.
 */
async function answerNudge(
  db: Db,
  scope: Scope,
  nudgeId: string,
  kind: NudgeKind,
  now: Date,
  act: (found: Owned, subjectId: string) => Promise<NudgeClickOutcome | null>,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  const subjectId = found.nudge.subjectId;
  if (found.nudge.kind !== kind || !subjectId) return { ok: true, outcome: { kind: 'gone' } };
  const outcome = await act(found, subjectId);
  if (!outcome) return { ok: true, outcome: { kind: 'gone' } };
  await markNudgeDone(db, found.member, nudgeId, now);
  return { ok: true, outcome };
}

/** "Mark sent" on a thank-you nudge: records the thank-you (the after-chat flow's own service). */
export function markThanksSentFromNudge(db: Db, scope: Scope, nudgeId: string, now: Date) {
  return answerNudge(db, scope, nudgeId, 'thank_you', now, async (_found, conversationId) =>
    (await markThankYouSent(db, scope, conversationId, now)) ? { kind: 'thanks_sent' } : null,
  );
}

/** "Got a reply" on a follow-up nudge: the ask was answered, so no follow-up is needed. */
export function markReplyFromNudge(db: Db, scope: Scope, nudgeId: string, now: Date) {
  return answerNudge(db, scope, nudgeId, 'follow_up', now, async ({ member }, askId) => {
    await recordAskReplied(db, member, askId, now);
    const ask = await getAsk(db, member, askId);
    const contact = ask ? await getContact(db, member, ask.contactId) : null;
    return { kind: 'got_reply', contactId: contact?.id ?? null, name: contact?.name ?? null };
  });
}

/** "Mark followed up": the one polite follow-up went out; no more follow-up nudges for that person. */
export function markFollowedUpFromNudge(db: Db, scope: Scope, nudgeId: string, now: Date) {
  return answerNudge(db, scope, nudgeId, 'follow_up', now, async ({ member }, askId) => {
    await recordAskFollowedUp(db, member, askId, now);
    const ask = await getAsk(db, member, askId);
    const contact = ask ? await getContact(db, member, ask.contactId) : null;
    return { kind: 'followed_up', name: contact?.name ?? null };
  });
}
