// Saving a logged conversation: the busiest write the app has (a cohort logs its chats at once), so it
// runs as one transaction of direct SQL (see db/sql.ts) with a bounded number of statements: the
// request key, the member, their contacts, the booked chat, the contact, the conversation, skills,
// words and suggested people. Every statement is scoped by workspace and owner.
import { heldAtFor, pickScheduledConversation, resolveLoggedContact } from '../coaching/logging';
import { nameKey } from '../coaching/names';
import { isoLocalDate } from '../coaching/time';
import type { ContactData, ConversationData, Format, KeywordData, SkillData, Stage } from '../coaching/types';
import { AlreadyHandled } from '../core/errors';
import type { Scope } from '../core/scope';
import { type Db, type SqlTx, sqlOf } from '../db/client';
import { newId } from '../db/ids';
import { ensureMember } from './members';

export interface ConversationLogInput {
  /** The contact the modal was opened for, if any (trusted only when it is the member's and the name fits). */
  contactId?: string | null;
  person: string;
  role?: string | null;
  company?: string | null;
  /** Local date, YYYY-MM-DD. */
  date: string;
  minutes: number;
  format: Format;
  notes: string | null;
  action: string;
  thanked: boolean;
  skills: readonly string[];
  keywords: readonly string[];
  referrals: readonly { name: string; role?: string | null; company?: string | null }[];
}

export interface ReferralOutcome {
  contact: ContactData;
  /** False when the person was already on the member's list. */
  created: boolean;
  /**
   * How this log links them: as their first introducer (new, or nobody had suggested them before the
   * student reached out), or as another who suggested them too (the first introducer stays).
   */
  link: 'introducer' | 'also';
  /** The latest conversation held with them before this log (someone met gets no cold ask). */
  metAt: Date | null;
  /** The latest ask to them marked sent. */
  askedAt: Date | null;
  /** Their first introducer, when this log only adds to it. */
  introducedBy: string | null;
}

export interface SavedConversationLog {
  tz: string;
  /** The member's name as Slack last gave it (signs the thank-you without asking Slack again). */
  slackName: string | null;
  contact: ContactData;
  conversation: ConversationData;
  createdContact: boolean;
  usedScheduled: boolean;
  referrals: ReferralOutcome[];
  /** Skills and words that were new to the member's lists. */
  skills: SkillData[];
  keywords: KeywordData[];
  /** People this contact suggested (for the thank-you draft), and every held conversation (its rate). */
  suggestedNames: string[];
  heldConversations: Pick<ConversationData, 'heldAt' | 'thankYouSentAt' | 'cancelledAt'>[];
}

export type SaveLogResult = ({ ok: true } & SavedConversationLog) | { ok: false; problem: 'future_date' };

const STAGE_ORDER: Stage[] = ['target', 'asked', 'scheduled', 'met', 'thanked'];

interface MemberRow {
  id: string;
  slackTz: string | null;
  tzOverride: string | null;
  slackName: string | null;
}

type Row = Record<string, unknown>;

const CONTACT_COLUMNS = `"id", "name", "nameKey", "role", "company", "industry", "why", "link", "stage", "stageAt",
  "referredById", "lastTouchAt", "createdAt"`;
const CONVERSATION_COLUMNS = `"id", "contactId", "scheduledAt", "heldAt", "minutesRequested", "format", "notes",
  "insights", "action", "thankYouSentAt", "loopClosedAt", "cancelledAt", "createdAt"`;

function contactOf(tx: SqlTx, row: Row): ContactData & { nameKey: string } {
  return {
    id: String(row.id),
    name: String(row.name),
    nameKey: String(row.nameKey),
    role: (row.role as string | null) ?? null,
    company: (row.company as string | null) ?? null,
    industry: (row.industry as string | null) ?? null,
    why: (row.why as string | null) ?? null,
    link: (row.link as string | null) ?? null,
    stage: row.stage as Stage,
    stageAt: tx.date(row.stageAt) as Date,
    referredById: (row.referredById as string | null) ?? null,
    lastTouchAt: tx.date(row.lastTouchAt),
    createdAt: tx.date(row.createdAt) as Date,
  };
}

function conversationOf(tx: SqlTx, row: Row): ConversationData {
  return {
    id: String(row.id),
    contactId: String(row.contactId),
    scheduledAt: tx.date(row.scheduledAt),
    heldAt: tx.date(row.heldAt),
    minutesRequested: Number(row.minutesRequested),
    format: row.format as Format,
    notes: (row.notes as string | null) ?? null,
    insights: (row.insights as string | null) ?? null,
    action: (row.action as string | null) ?? null,
    thankYouSentAt: tx.date(row.thankYouSentAt),
    loopClosedAt: tx.date(row.loopClosedAt),
    cancelledAt: tx.date(row.cancelledAt),
    createdAt: tx.date(row.createdAt) as Date,
  };
}

class MemberMissing extends Error {}

/**
 * Saves the log once per request `key` (a second copy throws AlreadyHandled, changing nothing): the
 * contact moves to met (or thanked) and is touched, a booked chat with them on that day becomes the
 * held one, new skills and words join the member's lists, and every suggested person becomes a target
 * linked to who suggested them (someone already on the list keeps their first introducer, and this
 * person is recorded as also suggesting them: see addReferrals). A day still ahead in the member's
 * timezone saves nothing.
 */
export async function saveConversationLog(
  db: Db,
  scope: Scope,
  input: ConversationLogInput,
  now: Date,
  key: string | null,
): Promise<SaveLogResult> {
  try {
    return await sqlOf(db).transaction((tx) => save(tx, scope, input, now, key));
  } catch (error) {
    if (!(error instanceof MemberMissing)) throw error;
    // A first-time member: created once through the usual path, then the same transaction again.
    await ensureMember(db, scope);
    return sqlOf(db).transaction((tx) => save(tx, scope, input, now, key));
  }
}

async function save(
  tx: SqlTx,
  scope: Scope,
  input: ConversationLogInput,
  now: Date,
  key: string | null,
): Promise<SaveLogResult> {
  const { workspaceId } = scope;
  const member = await tx.get<MemberRow>(
    `SELECT "id", "slackTz", "tzOverride", "slackName" FROM "Member" WHERE "workspaceId" = ? AND "slackUserId" = ?`,
    [workspaceId, scope.userId],
  );
  if (!member) throw new MemberMissing();
  const tz = member.tzOverride ?? member.slackTz ?? 'UTC';
  if (input.date > isoLocalDate(now, tz)) return { ok: false, problem: 'future_date' };
  if (key) {
    const claimed = await tx.run(
      `INSERT INTO "HandledRequest" ("key", "workspaceId", "handledAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO NOTHING`,
      [key, workspaceId, now],
    );
    if (claimed === 0) throw new AlreadyHandled(key);
  }
  const owner = member.id;
  const written = new Date();

  // Only the contacts this log can touch: the person (by name, or the id the modal was opened for)
  // and everyone suggested (by name); a referral chain is followed further only when needed.
  const keys = [
    ...new Set([input.person, ...input.referrals.map((r) => r.name)].map((n) => nameKey(n)).filter(Boolean)),
  ];
  const byName = keys.length > 0 ? `"nameKey" IN (${keys.map(() => '?').join(', ')}) OR ` : '';
  const contacts = (
    await tx.all<Row>(
      `SELECT ${CONTACT_COLUMNS} FROM "Contact" WHERE "workspaceId" = ? AND "ownerId" = ?
         AND (${byName}"id" = ?)
       ORDER BY "createdAt" ASC, "id" ASC`,
      [workspaceId, owner, ...keys, input.contactId ?? ''],
    )
  ).map((row) => contactOf(tx, row));
  const existing = resolveLoggedContact(contacts, input.person, input.contactId);
  const open = existing
    ? (
        await tx.all<Row>(
          `SELECT ${CONVERSATION_COLUMNS} FROM "Conversation"
           WHERE "workspaceId" = ? AND "ownerId" = ? AND "contactId" = ? AND "heldAt" IS NULL
             AND "cancelledAt" IS NULL AND "scheduledAt" IS NOT NULL
           ORDER BY "scheduledAt" ASC, "id" ASC`,
          [workspaceId, owner, existing.id],
        )
      ).map((row) => conversationOf(tx, row))
    : [];
  const scheduled = pickScheduledConversation(open, input.date, tz);
  const heldAt = heldAtFor({ isoDate: input.date, tz, now, scheduled });
  const thankYouSentAt = input.thanked ? now : null;
  const stage: Stage = thankYouSentAt ? 'thanked' : 'met';

  // The contact: moved forward (an archived one comes back) and touched, or added.
  let contact: ContactData & { nameKey: string };
  if (existing) {
    const current = contacts.find((c) => c.id === existing.id) as ContactData & { nameKey: string };
    const forward =
      current.stage === 'archived' || STAGE_ORDER.indexOf(current.stage) < STAGE_ORDER.indexOf(stage);
    const later = !current.lastTouchAt || current.lastTouchAt.getTime() < heldAt.getTime();
    contact = {
      ...current,
      role: input.role || current.role,
      company: input.company || current.company,
      ...(forward ? { stage, stageAt: now } : {}),
      ...(later ? { lastTouchAt: heldAt } : {}),
    };
    await tx.run(
      `UPDATE "Contact" SET "role" = ?, "company" = ?, "stage" = ?, "stageAt" = ?, "lastTouchAt" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "workspaceId" = ? AND "ownerId" = ?`,
      [
        contact.role,
        contact.company,
        contact.stage,
        contact.stageAt,
        contact.lastTouchAt,
        written,
        contact.id,
        workspaceId,
        owner,
      ],
    );
    Object.assign(current, contact);
  } else {
    const name = input.person.trim();
    contact = {
      id: newId(),
      name,
      nameKey: nameKey(name),
      role: input.role ?? null,
      company: input.company ?? null,
      industry: null,
      why: null,
      link: null,
      stage,
      stageAt: now,
      referredById: null,
      lastTouchAt: heldAt,
      createdAt: now,
    };
    await insertContact(tx, workspaceId, owner, contact, written);
    contacts.push(contact);
  }

  // The conversation: the booked one becomes held, or a new one.
  const fields = {
    heldAt,
    minutesRequested: input.minutes,
    format: input.format,
    notes: input.notes,
    action: input.action,
    thankYouSentAt,
  };
  let conversationId: string | null = null;
  if (scheduled) {
    const marked = await tx.run(
      `UPDATE "Conversation" SET "heldAt" = ?, "minutesRequested" = ?, "format" = ?, "notes" = ?, "action" = ?,
         "thankYouSentAt" = ?, "updatedAt" = ?
       WHERE "id" = ? AND "workspaceId" = ? AND "ownerId" = ? AND "contactId" = ? AND "heldAt" IS NULL
         AND "cancelledAt" IS NULL`,
      [
        heldAt,
        input.minutes,
        input.format,
        input.notes,
        input.action,
        thankYouSentAt,
        written,
        scheduled.id,
        workspaceId,
        owner,
        contact.id,
      ],
    );
    if (marked === 1) conversationId = scheduled.id;
  }
  const usedScheduled = conversationId !== null;
  const conversation: ConversationData = usedScheduled
    ? { ...(scheduled as ConversationData), ...fields }
    : {
        id: newId(),
        contactId: contact.id,
        scheduledAt: null,
        insights: null,
        loopClosedAt: null,
        cancelledAt: null,
        createdAt: now,
        ...fields,
      };
  if (!usedScheduled) {
    await tx.run(
      `INSERT INTO "Conversation" ("id", "workspaceId", "ownerId", "contactId", "heldAt", "minutesRequested",
         "format", "notes", "action", "thankYouSentAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        conversation.id,
        workspaceId,
        owner,
        contact.id,
        heldAt,
        input.minutes,
        input.format,
        input.notes,
        input.action,
        thankYouSentAt,
        now,
        written,
      ],
    );
  }

  const skills = await addNamed(tx, 'skill', workspaceId, owner, input.skills, conversation.id, now, written);
  const keywords = await addNamed(
    tx,
    'keyword',
    workspaceId,
    owner,
    input.keywords,
    conversation.id,
    now,
    written,
  );
  const referrals = await addReferrals(
    tx,
    workspaceId,
    owner,
    contacts,
    contact.id,
    conversation.id,
    input.referrals,
    now,
    written,
  );

  const held = (
    await tx.all<Row>(
      `SELECT "heldAt", "thankYouSentAt" FROM "Conversation"
       WHERE "workspaceId" = ? AND "ownerId" = ? AND "heldAt" IS NOT NULL AND "cancelledAt" IS NULL`,
      [workspaceId, owner],
    )
  ).map((row) => ({
    heldAt: tx.date(row.heldAt),
    thankYouSentAt: tx.date(row.thankYouSentAt),
    cancelledAt: null,
  }));
  const suggested = await tx.all<{ name: string }>(
    `SELECT "name" FROM "Contact" WHERE "workspaceId" = ? AND "ownerId" = ? AND "referredById" = ?
     ORDER BY "createdAt" ASC, "id" ASC`,
    [workspaceId, owner, contact.id],
  );

  const { nameKey: _key, ...plainContact } = contact;
  return {
    ok: true,
    tz,
    slackName: member.slackName,
    contact: plainContact,
    conversation,
    createdContact: !existing,
    usedScheduled,
    referrals,
    skills: skills as SkillData[],
    keywords: keywords as KeywordData[],
    suggestedNames: suggested.map((r) => r.name),
    heldConversations: held,
  };
}

async function insertContact(
  tx: SqlTx,
  workspaceId: string,
  owner: string,
  c: ContactData & { nameKey: string },
  written: Date,
): Promise<void> {
  await tx.run(
    `INSERT INTO "Contact" ("id", "workspaceId", "ownerId", "name", "nameKey", "role", "company", "stage",
       "stageAt", "referredById", "lastTouchAt", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      c.id,
      workspaceId,
      owner,
      c.name,
      c.nameKey,
      c.role,
      c.company,
      c.stage,
      c.stageAt,
      c.referredById,
      c.lastTouchAt,
      c.createdAt,
      written,
    ],
  );
}

/**
 * Adds the skills (or words) the member does not have yet, one per name key; returns those added. Every
 * skill the conversation names, new or already on the plan, records a mention of the conversation.
 */
async function addNamed(
  tx: SqlTx,
  kind: 'skill' | 'keyword',
  workspaceId: string,
  owner: string,
  names: readonly string[],
  sourceConversationId: string,
  now: Date,
  written: Date,
): Promise<(SkillData | KeywordData)[]> {
  const wanted = new Map<string, string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = nameKey(name);
    if (key && !wanted.has(key)) wanted.set(key, name);
  }
  if (wanted.size === 0) return [];
  const keys = [...wanted.keys()];
  const marks = keys.map(() => '?').join(', ');
  const have = new Map(
    (
      await tx.all<{ k: string; id: string }>(
        kind === 'skill'
          ? `SELECT "nameKey" AS "k", "id" FROM "Skill" WHERE "workspaceId" = ? AND "ownerId" = ? AND "nameKey" IN (${marks})`
          : `SELECT "termKey" AS "k", "id" FROM "Keyword" WHERE "workspaceId" = ? AND "ownerId" = ? AND "termKey" IN (${marks})`,
        [workspaceId, owner, ...keys],
      )
    ).map((r) => [r.k, String(r.id)] as const),
  );
  const added: (SkillData | KeywordData)[] = [];
  /** Every skill this conversation names, already on the plan or new: each gets a mention of it. */
  const named: string[] = [];
  for (const [key, name] of wanted) {
    const known = have.get(key);
    if (known) {
      named.push(known);
      continue;
    }
    const id = newId();
    if (kind === 'skill') {
      await tx.run(
        `INSERT INTO "Skill" ("id", "workspaceId", "ownerId", "name", "nameKey", "status", "sourceConversationId",
           "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'gap', ?, ?, ?)`,
        [id, workspaceId, owner, name, key, sourceConversationId, now, written],
      );
      added.push({ id, name, status: 'gap', sourceConversationId, createdAt: now });
      named.push(id);
    } else {
      await tx.run(
        `INSERT INTO "Keyword" ("id", "workspaceId", "ownerId", "term", "termKey", "sourceConversationId", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [id, workspaceId, owner, name, key, sourceConversationId, now],
      );
      added.push({ id, term: name, sourceConversationId, createdAt: now });
    }
  }
  if (kind === 'skill' && named.length > 0) {
    // One statement for all of them; a conversation logged again names each skill once.
    await tx.run(
      `INSERT INTO "SkillMention" ("id", "workspaceId", "ownerId", "skillId", "conversationId", "createdAt")
       VALUES ${named.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT ("skillId", "conversationId") DO NOTHING`,
      named.flatMap((skillId) => [newId(), workspaceId, owner, skillId, sourceConversationId, now]),
    );
  }
  return added;
}

/**
 * Every suggested person new to the list becomes a target whose first introducer is the one who
 * suggested them. Someone already on the list keeps their history: they get this person as first
 * introducer only when nobody suggested them yet, the student has not reached out to them (no ask sent,
 * never met) and the link makes no loop; otherwise this person is recorded as another who suggested
 * them (a ContactSuggestion for this conversation, once per pair). `contacts` is the member's list as
 * loaded for this log, kept current as rows change.
 */
async function addReferrals(
  tx: SqlTx,
  workspaceId: string,
  owner: string,
  contacts: (ContactData & { nameKey: string })[],
  referrerId: string,
  conversationId: string,
  referrals: ConversationLogInput['referrals'],
  now: Date,
  written: Date,
): Promise<ReferralOutcome[]> {
  const outcomes: ReferralOutcome[] = [];
  const seen = new Set<string>();
  const byId = new Map<string, { referredById: string | null }>(contacts.map((c) => [c.id, c]));
  /** True when `candidate` suggested `id`, directly or further up the chain (linking would make a loop). */
  const suggests = async (candidate: string, id: string): Promise<boolean> => {
    const visited = new Set<string>();
    let current: string | null = id;
    while (current && !visited.has(current)) {
      if (current === candidate) return true;
      visited.add(current);
      let known = byId.get(current);
      if (!known) {
        const row: { referredById: string | null } | undefined = await tx.get<{
          referredById: string | null;
        }>(`SELECT "referredById" FROM "Contact" WHERE "id" = ? AND "workspaceId" = ? AND "ownerId" = ?`, [
          current,
          workspaceId,
          owner,
        ]);
        known = { referredById: row?.referredById ?? null };
        byId.set(current, known);
      }
      current = known.referredById;
    }
    return false;
  };

  // The people named who are on the list already, and what the student has done with them so far.
  const wanted: { referral: ConversationLogInput['referrals'][number]; key: string }[] = [];
  for (const referral of referrals) {
    const key = nameKey(referral.name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    wanted.push({ referral, key });
  }
  const knownIds = wanted
    .map(({ key }) => contacts.find((c) => c.nameKey === key))
    .filter((c): c is ContactData & { nameKey: string } => c !== undefined && c.id !== referrerId)
    .map((c) => c.id);
  const history = await historyOf(tx, workspaceId, owner, knownIds, contacts);

  for (const { referral, key } of wanted) {
    const known = contacts.find((c) => c.nameKey === key);
    if (known) {
      if (known.id === referrerId) continue;
      const { metAt = null, askedAt = null } = history.reached.get(known.id) ?? {};
      const reached = metAt !== null || askedAt !== null || !['target', 'archived'].includes(known.stage);
      let link: ReferralOutcome['link'];
      if (known.referredById === referrerId) {
        link = 'introducer';
      } else if (!known.referredById && !reached && !(await suggests(known.id, referrerId))) {
        await tx.run(
          `UPDATE "Contact" SET "referredById" = ?, "updatedAt" = ? WHERE "id" = ? AND "workspaceId" = ? AND "ownerId" = ?`,
          [referrerId, written, known.id, workspaceId, owner],
        );
        known.referredById = referrerId;
        link = 'introducer';
      } else {
        await tx.run(
          `INSERT INTO "ContactSuggestion" ("id", "workspaceId", "ownerId", "contactId", "suggestedById",
             "conversationId", "createdAt")
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("contactId", "suggestedById") DO NOTHING`,
          [newId(), workspaceId, owner, known.id, referrerId, conversationId, now],
        );
        link = 'also';
      }
      const { nameKey: _k, ...plain } = known;
      outcomes.push({
        contact: plain,
        created: false,
        link,
        metAt,
        askedAt,
        introducedBy:
          link === 'also' && known.referredById ? (history.names.get(known.referredById) ?? null) : null,
      });
      continue;
    }
    const name = referral.name.trim();
    const created: ContactData & { nameKey: string } = {
      id: newId(),
      name,
      nameKey: key,
      role: referral.role ?? null,
      company: referral.company ?? null,
      industry: null,
      why: null,
      link: null,
      stage: 'target',
      stageAt: now,
      referredById: referrerId,
      lastTouchAt: null,
      createdAt: now,
    };
    await insertContact(tx, workspaceId, owner, created, written);
    contacts.push(created);
    byId.set(created.id, created);
    const { nameKey: _k, ...plain } = created;
    outcomes.push({
      contact: plain,
      created: true,
      link: 'introducer',
      metAt: null,
      askedAt: null,
      introducedBy: null,
    });
  }
  return outcomes;
}

/**
 * For people already on the list: the latest conversation held with them and the latest ask sent to
 * them, and the names of their first introducers (two or three statements, only when someone named is
 * on the list already).
 */
async function historyOf(
  tx: SqlTx,
  workspaceId: string,
  owner: string,
  ids: readonly string[],
  contacts: readonly (ContactData & { nameKey: string })[],
): Promise<{
  reached: Map<string, { metAt: Date | null; askedAt: Date | null }>;
  names: Map<string, string>;
}> {
  const reached = new Map<string, { metAt: Date | null; askedAt: Date | null }>();
  const names = new Map<string, string>(contacts.map((c) => [c.id, c.name]));
  if (ids.length === 0) return { reached, names };
  const marks = ids.map(() => '?').join(', ');
  const entry = (id: string) => {
    const found = reached.get(id) ?? { metAt: null, askedAt: null };
    reached.set(id, found);
    return found;
  };
  const held = await tx.all<Row>(
    `SELECT "contactId", MAX("heldAt") AS "at" FROM "Conversation"
     WHERE "workspaceId" = ? AND "ownerId" = ? AND "contactId" IN (${marks}) AND "heldAt" IS NOT NULL
       AND "cancelledAt" IS NULL
     GROUP BY "contactId"`,
    [workspaceId, owner, ...ids],
  );
  for (const row of held) entry(String(row.contactId)).metAt = tx.date(row.at);
  const sent = await tx.all<Row>(
    `SELECT "contactId", MAX("sentAt") AS "at" FROM "Ask"
     WHERE "workspaceId" = ? AND "ownerId" = ? AND "contactId" IN (${marks}) AND "sentAt" IS NOT NULL
     GROUP BY "contactId"`,
    [workspaceId, owner, ...ids],
  );
  for (const row of sent) entry(String(row.contactId)).askedAt = tx.date(row.at);
  const introducers = [
    ...new Set(
      contacts
        .filter((c) => ids.includes(c.id) && c.referredById && !names.has(c.referredById))
        .map((c) => c.referredById as string),
    ),
  ];
  if (introducers.length > 0) {
    const rows = await tx.all<{ id: string; name: string }>(
      `SELECT "id", "name" FROM "Contact" WHERE "workspaceId" = ? AND "ownerId" = ?
         AND "id" IN (${introducers.map(() => '?').join(', ')})`,
      [workspaceId, owner, ...introducers],
    );
    for (const row of rows) names.set(row.id, row.name);
  }
  return { reached, names };
}
