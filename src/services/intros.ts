// Warm intros between classmates: asking (`/coach who-knows`), a classmate's Accept or Decline, and
// the kind no when nobody could help (after every classmate declined, or a week without an answer).
//
// What each side learns: the requester only that the request went out, then either one person a
// classmate chose to introduce or one kind no for the whole request; a classmate only who is asking
// and how many of their own people fit. A classmate's contacts reach the requester only through that
// classmate's Accept.
import {
  draftIntroAsk,
  INTRO_RULES,
  type IntroCandidate,
  KNOWN_STAGES,
  matchingContacts,
  readIntroQuery,
  sameQuery,
} from '../coaching/intros';
import { nameKey } from '../coaching/names';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { createAsk } from '../store/asks';
import { cohortPeople, cohortsOf } from '../store/cohorts';
import { createContact, listContacts, updateContact } from '../store/contacts';
import {
  answerIntro,
  claimKindNo,
  createIntroRequests,
  expireRequestsBefore,
  holdRequester,
  type IntroSetKey,
  type IntroWithPeople,
  inCohort,
  introForClassmate,
  knownContactsOf,
  markSetTold,
  type NewIntroRequest,
  openRequestsOf,
  recordCreatedContact,
  releaseKindNo,
  requestTimesSince,
  setKeyOf,
  setsOwedKindNo,
} from '../store/intros';
import { toPrefs } from '../store/mappers';
import { ensureMember, findMember, type Member } from '../store/members';
import { linkReferral } from '../store/suggestions';
import { type AskDraftView, askForEditing } from './ask';

/** A person a classmate could introduce, as only that classmate sees them. */
export interface IntroPerson {
  id: string;
  name: string;
  role: string | null;
  company: string | null;
}

/** One classmate to DM about a new request. Never shown to the requester. */
export interface ClassmateAsk {
  requestId: string;
  classmateUserId: string;
  requesterUserId: string;
  query: string;
  /** The classmate's own people who fit. */
  matches: IntroPerson[];
}

export type WhoKnowsResult =
  | { kind: 'usage' }
  | { kind: 'too_long' }
  | { kind: 'no_cohort' }
  | { kind: 'limit'; retryAt: Date }
  /** Went out (to nobody, or to some classmates: the requester is told the same either way). */
  | { kind: 'sent'; query: string; asks: ClassmateAsk[] }
  /** The same query is still waiting for answers: nothing new goes out. */
  | { kind: 'open'; query: string };

/** `/coach who-knows <query>`: asks the classmates who might know someone, within the day's limit. */
export async function askClassmates(db: Db, scope: Scope, text: string, now: Date): Promise<WhoKnowsResult> {
  const read = readIntroQuery(text);
  if (!read.ok) return { kind: read.problem === 'empty' ? 'usage' : 'too_long' };
  const query = read.query;
  const member = await ensureMember(db, scope);
  return db.$transaction(async (tx): Promise<WhoKnowsResult> => {
    const cohorts = await cohortsOf(tx, scope);
    const first = cohorts[0];
    if (!first) return { kind: 'no_cohort' };
    await holdRequester(tx, member, now);

    if ((await openRequestsOf(tx, member)).some((r) => sameQuery(r.query, query))) {
      return { kind: 'open', query };
    }
    const times = await requestTimesSince(tx, member, new Date(now.getTime() - INTRO_RULES.windowMs));
    if (times.length >= INTRO_RULES.perDay) {
      const freed = times[times.length - INTRO_RULES.perDay] ?? now;
      return { kind: 'limit', retryAt: new Date(freed.getTime() + INTRO_RULES.windowMs) };
    }

    // Classmates: current members of the member's cohorts (facilitators too) who take intro requests.
    const classmates = new Map<string, { slackUserId: string; cohortId: string }>();
    for (const { cohort } of cohorts) {
      for (const person of await cohortPeople(tx, scope.workspaceId, cohort.id)) {
        if (!person.introsOpen || person.memberId === member.id || classmates.has(person.memberId)) continue;
        classmates.set(person.memberId, { slackUserId: person.slackUserId, cohortId: cohort.id });
      }
    }
    const known = await knownContactsOf(tx, scope.workspaceId, [...classmates.keys()], KNOWN_STAGES);
    const byOwner = new Map<string, IntroCandidate[]>();
    for (const contact of known)
      byOwner.set(contact.ownerId, [...(byOwner.get(contact.ownerId) ?? []), contact]);
    const matched = [...classmates.entries()]
      .map(([memberId, who], order) => ({
        memberId,
        ...who,
        order,
        matches: matchingContacts(byOwner.get(memberId) ?? [], query),
      }))
      .filter((c) => c.matches.length > 0)
      .sort((a, b) => b.matches.length - a.matches.length || a.order - b.order)
      .slice(0, INTRO_RULES.classmatesPerRequest);

    const rows: NewIntroRequest[] =
      matched.length > 0
        ? matched.map((c) => ({ cohortId: c.cohortId, classmateId: c.memberId, matches: c.matches.length }))
        : // Nobody to ask: one row of the member's own, so the request counts and ends like any other.
          [{ cohortId: first.cohort.id, classmateId: member.id, matches: 0 }];
    const created = await createIntroRequests(tx, member, query, rows, now);
    const asks: ClassmateAsk[] = matched.map((c, i) => ({
      requestId: created[i]?.id ?? '',
      classmateUserId: c.slackUserId,
      requesterUserId: scope.userId,
      query,
      matches: c.matches.map(person),
    }));
    return { kind: 'sent', query, asks };
  });
}

// ---------------------------------------------------------------------------------------------
// The classmate's answer.

/** The name Slack shows for a user; null when Slack could not say. */
export type PersonLookup = (
  slackUserId: string,
) => Promise<{ name: string | null; firstName: string | null }>;

/** A kind no the caller sends to the requester (and releases if it could not be sent). */
export interface KindNo {
  key: IntroSetKey;
  requesterUserId: string;
  query: string;
  /** When it was claimed: releasing it needs the same moment. */
  claimedAt: Date;
}

export type IntroAnswer =
  | { kind: 'not_found' }
  | {
      kind: 'answered';
      status: 'accepted' | 'declined' | 'expired';
      at: Date | null;
      tz: string;
      requesterUserId: string;
      contactName: string | null;
    }
  /** Closed (a week went by, or the classmate left the cohort): nothing to do. */
  | { kind: 'closed'; requesterUserId: string; kindNo: KindNo | null }
  /** Several of the classmate's people fit: they choose one. */
  | { kind: 'pick'; requestId: string; requesterUserId: string; query: string; options: IntroPerson[] }
  | { kind: 'no_match'; requestId: string; requesterUserId: string }
  | {
      kind: 'accepted';
      requesterUserId: string;
      requesterScope: Scope;
      classmateName: string;
      contact: IntroPerson;
      alreadyOnList: boolean;
      draft: AskDraftView | null;
    }
  | { kind: 'declined'; requesterUserId: string; kindNo: KindNo | null };

type Loaded = { ok: true; classmate: Member; intro: IntroWithPeople } | { ok: false; answer: IntroAnswer };

/** The request, only if it is addressed to the clicking member and still open. */
async function loadOpen(db: Db, scope: Scope, requestId: string, now: Date): Promise<Loaded> {
  const classmate = await findMember(db, scope);
  const intro = classmate && requestId ? await introForClassmate(db, classmate, requestId) : null;
  // A request the member made themself (nobody else to ask) is not theirs to answer.
  if (!classmate || !intro || intro.requesterId === classmate.id) {
    return { ok: false, answer: { kind: 'not_found' } };
  }
  const requesterUserId = intro.requester.slackUserId;
  if (intro.status !== 'pending') {
    const contactName = intro.contactId
      ? ((await listContacts(db, classmate, { includeArchived: true })).find((c) => c.id === intro.contactId)
          ?.name ?? null)
      : null;
    return {
      ok: false,
      answer: {
        kind: 'answered',
        status: intro.status as 'accepted' | 'declined' | 'expired',
        at: intro.answeredAt,
        tz: toPrefs(classmate).tz,
        requesterUserId,
        contactName,
      },
    };
  }
  const stale = now.getTime() - intro.createdAt.getTime() >= INTRO_RULES.expireAfterMs;
  if (stale || !(await inCohort(db, scope.workspaceId, intro.cohortId, classmate.id))) {
    const closed = await answerIntro(db, classmate, intro.id, { status: 'expired' }, now);
    const kindNo = closed ? await tryKindNo(db, intro, now) : null;
    return { ok: false, answer: { kind: 'closed', requesterUserId, kindNo } };
  }
  return { ok: true, classmate, intro };
}

/**
 * Accept: with one fitting person (or the one picked), the requester gets their name, role and a
 * drafted ask, and the person goes on the requester's list, suggested by the classmate.
 */
export async function acceptIntro(
  db: Db,
  scope: Scope,
  input: { requestId: string; contactId: string | null },
  now: Date,
  lookup: PersonLookup,
): Promise<IntroAnswer> {
  const loaded = await loadOpen(db, scope, input.requestId, now);
  if (!loaded.ok) return loaded.answer;
  const { classmate, intro } = loaded;
  const requesterUserId = intro.requester.slackUserId;
  const fitting = matchingContacts(
    await knownContactsOf(db, scope.workspaceId, [classmate.id], KNOWN_STAGES),
    intro.query,
  ).map(person);
  const chosen = input.contactId
    ? fitting.find((c) => c.id === input.contactId)
    : fitting.length === 1
      ? fitting[0]
      : undefined;
  if (!chosen) {
    if (fitting.length === 0) return { kind: 'no_match', requestId: intro.id, requesterUserId };
    return { kind: 'pick', requestId: intro.id, requesterUserId, query: intro.query, options: fitting };
  }

  const [classmateFacts, requesterFacts] = await Promise.all([lookup(scope.userId), lookup(requesterUserId)]);
  const classmateName = classmateFacts.name?.trim() || 'A classmate';
  const requester = intro.requester;
  const saved = await db.$transaction(async (tx) => {
    if (!(await answerIntro(tx, classmate, intro.id, { status: 'accepted', contactId: chosen.id }, now))) {
      return null;
    }
    await markSetTold(tx, setKeyOf(intro), now);
    const theirs = await listContacts(tx, requester, { includeArchived: true });
    // The classmate, as a person on the requester's list, so the new name is linked to them.
    const referrer =
      theirs.find((c) => nameKey(c.name) === nameKey(classmateName)) ??
      (await createContact(
        tx,
        requester,
        { name: classmateName, role: `Classmate in ${intro.cohort.name}`, stage: 'archived' },
        now,
      ));
    const existing = theirs.find((c) => nameKey(c.name) === nameKey(chosen.name));
    // Someone on the list already keeps their record; an archived one comes back as a target.
    // Their first introducer stays; the classmate is kept as suggesting them too (store/suggestions).
    if (existing)
      await linkReferral(tx, requester, { contactId: existing.id, suggestedById: referrer.id }, now);
    const changes = {
      ...(existing?.stage === 'archived' ? { stage: 'target' as const } : {}),
      // Blanks on their record are filled from what the classmate knows.
      ...(existing && !existing.role && chosen.role ? { role: chosen.role } : {}),
      ...(existing && !existing.company && chosen.company ? { company: chosen.company } : {}),
    };
    const target = existing
      ? Object.keys(changes).length === 0
        ? existing
        : ((await updateContact(tx, requester, existing.id, changes, now)) ?? existing)
      : await createContact(
          tx,
          requester,
          {
            name: chosen.name,
            role: chosen.role,
            company: chosen.company,
            referredById: referrer.id,
            stage: 'target',
          },
          now,
        );
    const text = draftIntroAsk({
      contact: { name: target.name, role: target.role, company: target.company, why: target.why },
      about: requester.about,
      classmateName: classmateFacts.name,
      senderFirstName: requesterFacts.firstName,
    });
    const ask = await createAsk(
      tx,
      requester,
      { contactId: target.id, text, channel: 'linkedin', minutes: 20, variant: 0 },
      now,
    );
    await recordCreatedContact(tx, classmate, intro.id, target.id);
    return { ask, alreadyOnList: existing !== undefined && existing.stage !== 'archived' };
  });
  if (!saved) {
    // Answered between loading and saving (a second click): show it as it is now.
    const current = await loadOpen(db, scope, intro.id, now);
    return current.ok ? { kind: 'not_found' } : current.answer;
  }
  const requesterScope = { workspaceId: scope.workspaceId, userId: requesterUserId };
  return {
    kind: 'accepted',
    requesterUserId,
    requesterScope,
    classmateName,
    contact: chosen,
    alreadyOnList: saved.alreadyOnList,
    draft: await askForEditing(db, requesterScope, saved.ask.id),
  };
}

/** Decline: the requester learns nothing now; once every classmate asked has declined, one kind no. */
export async function declineIntro(db: Db, scope: Scope, requestId: string, now: Date): Promise<IntroAnswer> {
  const loaded = await loadOpen(db, scope, requestId, now);
  if (!loaded.ok) return loaded.answer;
  const { classmate, intro } = loaded;
  if (!(await answerIntro(db, classmate, intro.id, { status: 'declined' }, now))) {
    const again = await loadOpen(db, scope, intro.id, now);
    return again.ok ? { kind: 'not_found' } : again.answer;
  }
  return {
    kind: 'declined',
    requesterUserId: intro.requester.slackUserId,
    kindNo: await tryKindNo(db, intro, now),
  };
}

/** The set's kind no, claimed for the caller to send; null when it is not due or someone has it. */
async function tryKindNo(db: Db, intro: IntroWithPeople, now: Date): Promise<KindNo | null> {
  const key: IntroSetKey = {
    workspaceId: intro.workspaceId,
    requesterId: intro.requesterId,
    createdAt: intro.createdAt,
    query: intro.query,
  };
  const claimed = await db.$transaction((tx) => claimKindNo(tx, key, now));
  return claimed
    ? { key, requesterUserId: intro.requester.slackUserId, query: intro.query, claimedAt: now }
    : null;
}

/** A kind no that could not be delivered: the sweep tries it again. */
export function kindNoNotSent(db: Db, kindNo: KindNo): Promise<void> {
  return releaseKindNo(db, kindNo.key, kindNo.claimedAt);
}

// ---------------------------------------------------------------------------------------------
// The timeout (the scheduler's sweep).

/** Closes requests nobody answered within a week; returns how many. */
export function expireStaleIntros(db: Db, now: Date): Promise<number> {
  return expireRequestsBefore(db, new Date(now.getTime() - INTRO_RULES.expireAfterMs), now);
}

/** Claims up to `take` kind nos that are owed (declined or expired sets, not told yet), to send now. */
export async function claimOwedKindNos(db: Db, now: Date, take = 50): Promise<KindNo[]> {
  const claimed: KindNo[] = [];
  for (const set of await setsOwedKindNo(db, take)) {
    const { requesterUserId, ...key } = set;
    if (await db.$transaction((tx) => claimKindNo(tx, key, now))) {
      claimed.push({ key, requesterUserId, query: key.query, claimedAt: now });
    }
  }
  return claimed;
}

function person(c: IntroCandidate): IntroPerson {
  return { id: c.id, name: c.name, role: c.role, company: c.company };
}
