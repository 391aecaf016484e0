// What the buttons on a nudge DM do. Every function first checks that the nudge belongs to the member
// who clicked (same workspace, same member): a button value replayed by someone else does nothing.
import { formatLocal, type SnoozeChoice, snoozeUntil } from '../coaching/time';
import { NUDGE_KINDS, type NudgeKind } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { getAsk, recordAskFollowedUp, recordAskReplied } from '../store/asks';
import { getContact } from '../store/contacts';
import { toPrefs } from '../store/mappers';
import { findMember, type Member, updateMember } from '../store/members';
import {
  cancelPendingOfKinds,
  findMemberNudge,
  markNudgeDone,
  type Nudge,
  snoozeNudge,
} from '../store/nudges';
import { markThankYouSent } from './thanks';

export type NudgeClickResult = { ok: false; reason: 'not_yours' } | { ok: true; outcome: NudgeClickOutcome };

export type NudgeClickOutcome =
  | { kind: 'done' }
  | { kind: 'snoozed'; until: Date; untilLabel: string }
  | { kind: 'stopped'; nudgeKind: NudgeKind }
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

export async function markNudgeDoneFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  now: Date,
): Promise<NudgeClickResult> {
  const found = await owned(db, scope, nudgeId);
  if (!found) return { ok: false, reason: 'not_yours' };
  if (found.nudge.status === 'done') return { ok: true, outcome: alreadyDone(found) };
  const changed = await markNudgeDone(db, found.member, nudgeId, now);
  return { ok: true, outcome: changed ? { kind: 'done' } : { kind: 'gone' } };
}

export async function snoozeNudgeFor(
  db: Db,
  scope: Scope,
  nudgeId: string,
  choice: SnoozeChoice,
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
  const until = snoozeUntil(now, choice, prefs);
  if (!(await snoozeNudge(db, found.member, nudgeId, until))) return { ok: true, outcome: { kind: 'gone' } };
  return {
    ok: true,
    outcome: { kind: 'snoozed', until, untilLabel: formatLocal(until, prefs.tz, 'weekdayTime') },
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
  await markNudgeDone(db, found.member, nudgeId, now);
  await cancelPendingOfKinds(db, found.member, [kind], 'kind turned off', now);
  return { ok: true, outcome: { kind: 'stopped', nudgeKind: kind } };
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
