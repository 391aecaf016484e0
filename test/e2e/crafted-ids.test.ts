// Ids that come back from Slack's client are re-checked against the requesting member. Alice plays her
// real buttons, menus and forms over signed HTTP, each crafted to name an id of Bob's (same
// workspace) or of Otto's (another workspace) instead of her own: a contact, an ask, a conversation,
// a skill, a nudge, and the message a form names in its private_metadata. Every time Bob's and
// Otto's rows stay as they were, nothing of theirs reaches anything Alice is sent, nobody else is
// sent anything, and Alice gets the usual "not found" answer (never an error).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/core/scope';
import type { RecordedCall } from '../../src/sandbox';
import {
  type ClickedAction,
  type ClickWhere,
  type DriverResponse,
  fillView,
  type StateValues,
  type ViewLike,
} from '../../src/sandbox/slack-driver';
import { createAskDraft, markAskAsSent } from '../../src/services/ask';
import { logConversation } from '../../src/services/log';
import { addTarget } from '../../src/services/targets';
import type { AppDeps } from '../../src/slack/deps';
import { registerListeners } from '../../src/slack/listeners';
import { NOT_ON_LIST } from '../../src/slack/listeners/actions/prep-buttons';
import { DRAFT_ASK_SHORTCUT } from '../../src/slack/listeners/shortcuts/outreach';
import { OPEN } from '../../src/slack/views/action-ids';
import {
  ADD_TARGET_ACTIONS,
  ADD_TARGET_BLOCKS,
  ADD_TARGET_CALLBACK_ID,
} from '../../src/slack/views/add-target';
import { ARCHIVE_ACTIONS } from '../../src/slack/views/archive';
import {
  ASK_ACTIONS,
  ASK_BLOCKS,
  ASK_CALLBACK_ID,
  ASK_EDIT_CALLBACK_ID,
  askNotFoundText,
} from '../../src/slack/views/ask';
import { COHORT_DIGEST_ACTIONS } from '../../src/slack/views/cohort-digest';
import { COHORT_SETUP_CALLBACK_ID } from '../../src/slack/views/cohort-setup';
import { COHORT_SHARING_ACTIONS, COHORT_SHARING_CALLBACK_ID } from '../../src/slack/views/cohort-sharing';
import { FORGET_CALLBACK_ID } from '../../src/slack/views/data';
import { GOAL_CALLBACK_ID } from '../../src/slack/views/goal';
import { INTRO_ACTIONS } from '../../src/slack/views/intros';
import {
  LOG_CALLBACK_ID,
  LOG_PICK_BLOCK,
  LOG_PICK_CALLBACK_ID,
  LOG_SHORTCUT_CALLBACK_ID,
} from '../../src/slack/views/log';
import { NOT_YOUR_NUDGE, NUDGE_ACTION_IDS, NUDGE_ACTIONS_BLOCK_ID } from '../../src/slack/views/nudge';
import {
  decodePersonChoice,
  PEOPLE_ACTIONS,
  PERSON_CHOICES,
  personNotFoundText,
} from '../../src/slack/views/people';
import { PICK_CONTACT_BLOCKS, PICK_FOR_PREP_CALLBACK_ID } from '../../src/slack/views/pick-contact';
import {
  PREP_ACTIONS,
  PREP_QUESTIONS_CALLBACK_ID,
  PREP_SCHEDULE_CALLBACK_ID,
} from '../../src/slack/views/prep';
import { REPLY_ACTIONS } from '../../src/slack/views/reply';
import { SETTINGS_CALLBACK_ID } from '../../src/slack/views/settings';
import { SKILL_PLAN_CALLBACK_ID, SKILLS_ACTIONS, skillNotFoundText } from '../../src/slack/views/skills';
import { THANKS_ACTIONS, THANKS_EDIT_CALLBACK_ID } from '../../src/slack/views/thanks';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { ALICE, BOB, HOUR, OTHER_TEAM, OTTO, TEAM } from '../support/fixtures';
import { errorsLogged, type Harness, startHarness, TestClock } from '../support/harness';
import { chatLog, memoryLog, sweepAt } from '../support/nudges';
import { seedTarget } from '../support/seed';
import {
  blocksOf,
  dmTo,
  type Element,
  ephemeral,
  everyString,
  findElement,
  messageOf,
  nudgeIdOf,
  nudgePosts,
  openHome,
  openModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York; the thank-you nudge comes 23 hours later (Wed 09:00).
const START = new Date('2026-03-10T14:00:00Z');

/** The ids a member's buttons and forms can carry. */
interface Ids {
  contact: string;
  ask: string;
  conversation: string;
  skill: string;
  thankYouNudge: string;
  followUpNudge: string;
}

/** Someone whose ids Alice's crafted payloads name. */
interface Victim {
  label: string;
  scope: Scope;
  memberId: string;
  ids: Ids;
  contactName: string;
  /** Words of their data (names, roles, reasons, notes, skills, words) that must never reach Alice. */
  secrets: string[];
  /** Their Slack user id, and their DM channel when the stand-in has one: Alice's requests never reach them. */
  addresses: string[];
}

/** Alice's own ids, which her real payloads carry. */
interface Mine {
  memberId: string;
  /** Jane Doe, whom she logged a chat with; Lena Ortiz, whom she drafted an ask to and prepares for. */
  contact: string;
  lena: string;
  ask: string;
  thankYouNudge: string;
}

interface Story {
  h: Harness;
  alice: Mine;
  bob: Victim;
  otto: Victim;
  /** Bob's prep DM: a message of the app's in Bob's DM, which a crafted form could name. */
  bobMessage: { channel: string; ts: string };
  /** Alice's real messages and views with the elements she clicks, by where they are. */
  surfaces: { where: ClickWhere; blocks: unknown[] }[];
}

/** Data of someone who is not Alice, put in through the services (their words are distinctive). */
async function seedVictim(
  h: Harness,
  label: string,
  scope: Scope,
  words: { first: string; last: string; friend: string; tag: string },
): Promise<Victim> {
  const now = h.clock.now();
  const contactName = `${words.first} ${words.last}`;
  const person = {
    name: contactName,
    role: `${words.tag}role Analyst`,
    company: `${words.tag}corp Labs`,
    why: `${words.tag}why: left pharma for design`,
  };
  const added = await addTarget(h.db, scope, person, now);
  const friend = await addTarget(h.db, scope, { name: words.friend, role: 'Designer' }, now);
  if (!added.ok || !friend.ok) throw new Error(`seedVictim: ${label} has these people already`);
  const ask = (contactId: string) =>
    createAskDraft(
      h.db,
      scope,
      {
        person: { kind: 'existing', contactId },
        about: `${words.tag}about: moving into research`,
        why: null,
        minutes: 20,
        channel: 'email',
      },
      now,
      null,
    );
  const draft = await ask(added.contact.id);
  const sent = await ask(friend.contact.id);
  if (!draft.ok || !sent.ok) throw new Error(`seedVictim: ${label}'s asks`);
  await markAskAsSent(h.db, scope, sent.draft.ask.id, now);
  const logged = await logConversation(
    h.db,
    scope,
    chatLog({
      person: contactName,
      date: '2026-03-09',
      action: `${words.tag}action: follow the reading list`,
      learned: `${words.tag}note: salary bands at ${words.tag}corp`,
      skills: [`${words.tag}skill Cartography`],
      keywords: [`${words.tag}word-lattice`],
    }),
    now,
  );
  if (!logged.ok) throw new Error(`seedVictim: ${label}'s chat`);
  const member = await h.db.member.findFirstOrThrow({
    where: { workspaceId: scope.workspaceId, slackUserId: scope.userId },
  });
  const skill = await h.db.skill.findFirstOrThrow({ where: { ownerId: member.id } });
  const nudge = (kind: string, subjectId: string) =>
    h.db.nudge.create({
      data: {
        workspaceId: scope.workspaceId,
        memberId: member.id,
        kind,
        subjectId,
        dedupeKey: `${member.id}:${kind}:${subjectId}:crafted-ids`,
        dueAt: now,
        status: 'sent',
        sentAt: now,
      },
    });
  const thankYou = await nudge('thank_you', logged.summary.card.conversationId);
  const followUp = await nudge('follow_up', sent.draft.ask.id);
  return {
    label,
    scope,
    memberId: member.id,
    contactName,
    ids: {
      contact: added.contact.id,
      ask: draft.draft.ask.id,
      conversation: logged.summary.card.conversationId,
      skill: skill.id,
      thankYouNudge: thankYou.id,
      followUpNudge: followUp.id,
    },
    secrets: [
      words.first,
      words.last,
      words.friend,
      ...['role', 'corp', 'why', 'about', 'action', 'note', 'skill', 'word'].map((w) => `${words.tag}${w}`),
    ],
    addresses: [scope.userId],
  };
}

/**
 * Alice's side, played through the app: a logged chat (its thank-you nudge comes from a sweep), an
 * ask draft, a prep DM, her people, skills and thank-you replies and her Home tab. Bob and Otto have
 * data of their own, and Bob a prep DM.
 */
async function tellStory(h: Harness): Promise<Story> {
  const jane = await seedTarget(h, ALICE.id, {
    name: 'Jane Doe',
    role: 'UX Researcher',
    company: 'Acme Health',
  });
  await seedTarget(h, ALICE.id, { name: 'Jane Smith', role: 'Data Analyst', company: 'Northwind' });
  const lena = await seedTarget(h, ALICE.id, {
    name: 'Lena Ortiz',
    role: 'Product Designer',
    company: 'Fabrikam',
    why: 'She moved from retail management into product design',
  });
  const log = await openModal(h, ALICE.id, 'log Jane Doe');
  h.standIn.clearCalls();
  const logged = await h.driver.submitView(
    ALICE.id,
    log,
    fillView(log, {
      Person: 'Jane Doe',
      "Skills I'm missing (comma separated)": 'SQL',
      "One thing I'll act on": 'rebuild my portfolio case study',
    }),
  );
  expect(logged.status).toBe(200);
  const loggedDm = await dmTo(h, ALICE.id);
  await h.settle();

  h.standIn.clearCalls();
  await sweepAt(h, new Date(START.getTime() + 23 * HOUR), { log: memoryLog('warn').log });
  const aliceMember = await h.db.member.findFirstOrThrow({
    where: { workspaceId: TEAM.id, slackUserId: ALICE.id },
  });
  const aliceNudge = await h.db.nudge.findFirstOrThrow({
    where: { memberId: aliceMember.id, kind: 'thank_you' },
  });
  const nudgeDm = nudgePosts(h).find((c) => nudgeIdOf(c) === aliceNudge.id);
  if (!nudgeDm) throw new Error('no thank-you nudge DM for Alice');

  const ask = await openModal(h, ALICE.id, 'ask Lena Ortiz');
  h.standIn.clearCalls();
  const drafted = await h.driver.submitView(ALICE.id, ask, fillView(ask, { Channel: 'Email' }));
  expect(drafted.status).toBe(200);
  const askDraft = await dmTo(h, ALICE.id);
  h.standIn.clearCalls();
  await h.driver.command(ALICE.id, 'prep Lena Ortiz');
  const prepDm = await dmTo(h, ALICE.id);
  const people = await ephemeral(h, ALICE.id, 'people');
  const skills = await ephemeral(h, ALICE.id, 'skills');
  const thanks = await ephemeral(h, ALICE.id, 'thanks');
  await h.settle();
  const home = viewOf(await openHome(h, ALICE.id));
  await h.settle();

  const bob = await seedVictim(
    h,
    'Bob',
    { workspaceId: TEAM.id, userId: BOB.id },
    {
      first: 'Quentin',
      last: 'Bobsworth',
      friend: 'Ursula Bobfriend',
      tag: 'bob',
    },
  );
  h.standIn.clearCalls();
  await h.driver.command(BOB.id, 'prep Quentin Bobsworth');
  const bobPrep = messageOf(await dmTo(h, BOB.id));
  bob.addresses.push(bobPrep.channelId);
  const otto = await seedVictim(
    h,
    'Otto',
    { workspaceId: OTHER_TEAM.id, userId: OTTO.id },
    {
      first: 'Ottoline',
      last: 'Farrowmere',
      friend: 'Viggo Ottfriend',
      tag: 'otto',
    },
  );
  await h.settle();

  const aliceAsk = await h.db.ask.findFirstOrThrow({ where: { ownerId: aliceMember.id } });

  const aliceDm = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
  const inEphemeral = (blocks: unknown[]): ClickWhere => ({
    message: { channelId: aliceDm, ts: '1773151200.000100', isEphemeral: true, blocks },
  });
  const inDm = (call: RecordedCall) => ({ where: { message: messageOf(call) }, blocks: blocksOf(call) });
  return {
    h,
    alice: {
      memberId: aliceMember.id,
      contact: jane,
      lena,
      ask: aliceAsk.id,
      thankYouNudge: aliceNudge.id,
    },
    bob,
    otto,
    bobMessage: { channel: bobPrep.channelId, ts: bobPrep.ts },
    surfaces: [
      inDm(nudgeDm),
      inDm(askDraft),
      inDm(prepDm),
      inDm(loggedDm),
      { where: inEphemeral(thanks.blocks), blocks: thanks.blocks },
      { where: inEphemeral(people.blocks), blocks: people.blocks },
      { where: inEphemeral(skills.blocks), blocks: skills.blocks },
      { where: { view: home }, blocks: home.blocks },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// What a crafted request may and may not do.

/** Every row of the member's, as text: compared before and after each crafted request. */
async function rowsOf(h: Harness, memberId: string): Promise<string> {
  const owner = { where: { ownerId: memberId }, orderBy: { id: 'asc' as const } };
  return JSON.stringify({
    member: await h.db.member.findUnique({ where: { id: memberId } }),
    contacts: await h.db.contact.findMany(owner),
    asks: await h.db.ask.findMany(owner),
    conversations: await h.db.conversation.findMany(owner),
    skills: await h.db.skill.findMany(owner),
    keywords: await h.db.keyword.findMany(owner),
    nudges: await h.db.nudge.findMany({ where: { memberId }, orderBy: { id: 'asc' } }),
  });
}

/** Ids of the victim's rows that Alice's rows point at (a log, ask or link attached across owners). */
async function linksAcross(h: Harness, aliceId: string, victimId: string): Promise<string[]> {
  const theirs = { where: { ownerId: victimId }, select: { id: true } };
  const victimIds = new Set(
    [
      ...(await h.db.contact.findMany(theirs)),
      ...(await h.db.ask.findMany(theirs)),
      ...(await h.db.conversation.findMany(theirs)),
      ...(await h.db.skill.findMany(theirs)),
      ...(await h.db.nudge.findMany({ where: { memberId: victimId }, select: { id: true } })),
    ].map((r) => r.id),
  );
  const mine = { where: { ownerId: aliceId } };
  const pointers = [
    ...(await h.db.contact.findMany(mine)).map((r) => r.referredById),
    ...(await h.db.ask.findMany(mine)).map((r) => r.contactId),
    ...(await h.db.conversation.findMany(mine)).map((r) => r.contactId),
    ...(await h.db.skill.findMany(mine)).map((r) => r.sourceConversationId),
    ...(await h.db.keyword.findMany(mine)).map((r) => r.sourceConversationId),
    ...(await h.db.nudge.findMany({ where: { memberId: aliceId } })).map((r) => r.subjectId),
  ];
  return pointers.filter((id): id is string => id !== null && victimIds.has(id));
}

/** What Slack shows the victim: the messages of their DM and their Home tab. */
function slackSideOf(h: Harness, victim: Victim): string {
  return JSON.stringify({
    messages: victim.addresses.slice(1).map((channel) => h.standIn.messages(channel)),
    home: h.standIn.homeView(victim.scope.workspaceId, victim.scope.userId) ?? null,
  });
}

const SHOWN = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']);
const VIEWS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The text Alice sees in the answer to her request and in everything the app sent Slack after it. */
function shownToAlice(h: Harness, res: DriverResponse): string {
  const parts: string[] = [];
  const body = res.json as { view?: unknown; errors?: Record<string, string>; text?: string } | undefined;
  if (body?.view) parts.push(visibleText(body.view));
  if (body?.errors) parts.push(...Object.values(body.errors));
  if (body?.text) parts.push(visibleText(body));
  for (const call of h.standIn.calls) {
    if (SHOWN.has(call.method)) {
      parts.push(visibleText({ text: call.args.text, blocks: parsed(call.args.blocks) }));
    }
    if (VIEWS.has(call.method) && call.args.view) parts.push(visibleText(parsed(call.args.view)));
  }
  return parts.join('\n');
}

/**
 * Sends one crafted request as Alice and checks it changed nothing of the victim's, showed nothing of
 * theirs (`typed`: words Alice typed herself, which she may see again), sent them nothing, and that
 * Alice was answered with `answer`.
 */
async function expectRefused(
  s: Story,
  victim: Victim,
  send: () => Promise<DriverResponse>,
  answer: string,
  typed: string[] = [],
): Promise<void> {
  const { h } = s;
  await h.settle();
  const rows = await rowsOf(h, victim.memberId);
  const slack = slackSideOf(h, victim);
  const links = await linksAcross(h, s.alice.memberId, victim.memberId);
  const errorsBefore = errorsLogged(h).length;
  h.standIn.clearCalls();
  const res = await send();
  await h.settle();
  const who = `crafted with ${victim.label}'s id`;
  expect(res.status, who).toBe(200);
  expect(await rowsOf(h, victim.memberId), `${who}: their rows`).toBe(rows);
  expect(slackSideOf(h, victim), `${who}: their DM and Home tab`).toBe(slack);
  expect(
    await linksAcross(h, s.alice.memberId, victim.memberId),
    `${who}: Alice's rows point at theirs`,
  ).toEqual(links);

  const shown = shownToAlice(h, res);
  const everything = everyString([res.json ?? res.text, h.standIn.calls.map((c) => c.args)]).toLowerCase();
  const secrets = victim.secrets.filter((w) => !typed.some((t) => t.toLowerCase().includes(w.toLowerCase())));
  for (const secret of secrets) {
    expect(shown.toLowerCase(), `${who}: Alice sees "${secret}"`).not.toContain(secret.toLowerCase());
    expect(everything, `${who}: "${secret}" is in what Alice is sent`).not.toContain(secret.toLowerCase());
  }
  for (const address of victim.addresses) {
    expect(everything, `${who}: a call names ${address}`).not.toContain(address.toLowerCase());
  }
  expect(shown, `${who}: Alice's answer`).toContain(answer);
  expect(shown).not.toMatch(/went wrong|out of date|older message/i);
  expect(errorsLogged(h).slice(errorsBefore)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Alice's real clicks, crafted.

/** Alice's element with this action id, where it is, as Slack reports a click on it. */
function realClick(
  s: Story,
  actionId: string,
): { where: ClickWhere; element: Element & { block_id?: string } } {
  for (const surface of s.surfaces) {
    const element = findElement(surface.blocks, actionId);
    if (element) return { where: surface.where, element };
  }
  throw new Error(`Alice has no element ${actionId}`);
}

/** Replaces Alice's id in a value with someone else's (failing if hers is not in it). */
function swap(value: string | undefined, mine: string, theirs: string): string {
  if (!value?.includes(mine)) throw new Error(`"${value}" does not carry ${mine}`);
  return value.split(mine).join(theirs);
}

function option(value: string) {
  return { value, text: { type: 'plain_text', text: 'x' } };
}

interface ClickCase {
  name: string;
  actionId: string;
  /** What Slack reports for the click, crafted: from Alice's real element, with the victim's id. */
  craft: (real: Element, victim: Ids, alice: Story['alice']) => Partial<ClickedAction>;
  answer: string;
}

const value = (pick: (ids: Ids) => string) => (_real: Element, victim: Ids) => ({ value: pick(victim) });

const CLICKS: ClickCase[] = [
  {
    name: 'OPEN.log with a contact id',
    actionId: OPEN.log,
    craft: value((v) => v.contact),
    answer: 'Log a conversation',
  },
  {
    name: 'OPEN.thanks with a contact id',
    actionId: OPEN.thanks,
    craft: value((v) => v.contact),
    answer: 'on your list',
  },
  {
    name: 'OPEN.people with a contact id',
    actionId: OPEN.people,
    craft: value((v) => v.contact),
    answer: personNotFoundText(),
  },
  {
    name: 'OPEN.addTarget with a contact id',
    actionId: OPEN.addTarget,
    craft: value((v) => v.contact),
    answer: 'Add a target',
  },
  {
    name: 'OPEN.ask with a contact id',
    actionId: OPEN.ask,
    craft: value((v) => v.contact),
    answer: 'Draft an ask',
  },
  {
    name: 'OPEN.prep with a contact id',
    actionId: OPEN.prep,
    craft: value((v) => v.contact),
    answer: NOT_ON_LIST,
  },
  {
    name: 'Mark thank-you sent with a conversation id',
    actionId: THANKS_ACTIONS.markSent,
    craft: value((v) => v.conversation),
    answer: "couldn't find that conversation",
  },
  {
    name: 'Edit or try another version of the thank-you with a conversation id',
    actionId: THANKS_ACTIONS.edit,
    craft: value((v) => v.conversation),
    answer: "couldn't find that conversation",
  },
  {
    name: 'the skill button with a skill id',
    actionId: SKILLS_ACTIONS.advance,
    craft: value((v) => v.skill),
    answer: skillNotFoundText(),
  },
  {
    name: 'the development plan’s skill menu with a skill id',
    actionId: SKILLS_ACTIONS.edit,
    craft: (_real, v) => ({ type: 'static_select', selected_option: option(v.skill) }),
    answer: skillNotFoundText(),
  },
  {
    name: 'Edit with an ask id',
    actionId: ASK_ACTIONS.edit,
    craft: value((v) => v.ask),
    answer: askNotFoundText(),
  },
  {
    name: 'Another version with an ask id',
    actionId: ASK_ACTIONS.another,
    craft: (real, v, a) => ({ value: swap(real.value, a.ask, v.ask) }),
    answer: askNotFoundText(),
  },
  {
    name: 'Mark as sent with an ask id',
    actionId: ASK_ACTIONS.markSent,
    craft: value((v) => v.ask),
    answer: askNotFoundText(),
  },
  {
    name: 'Add your own questions with a contact id in its state',
    actionId: PREP_ACTIONS.ownQuestions,
    craft: (real, v, a) => ({ value: swap(real.value, a.lena, v.contact) }),
    answer: NOT_ON_LIST,
  },
  {
    name: 'Schedule with a contact id',
    actionId: PREP_ACTIONS.schedule,
    craft: value((v) => v.contact),
    answer: NOT_ON_LIST,
  },
  ...PERSON_CHOICES.map(
    (choice): ClickCase => ({
      name: `the person menu's "${choice}" with a contact id`,
      actionId: PEOPLE_ACTIONS.menu,
      craft: (real, v) => {
        const mine = real.options?.find((o) => decodePersonChoice(o.value)?.choice === choice)?.value;
        const contactId = decodePersonChoice(mine)?.contactId ?? '';
        return { type: 'overflow', selected_option: option(swap(mine, contactId, v.contact)) };
      },
      answer: {
        log: 'Log a conversation',
        ask: 'Draft an ask',
        prep: personNotFoundText(),
        thanks: 'on your list',
        archive: personNotFoundText(),
      }[choice],
    }),
  ),
  {
    name: 'nudge Done with a nudge id',
    actionId: NUDGE_ACTION_IDS.done,
    craft: value((v) => v.thankYouNudge),
    answer: NOT_YOUR_NUDGE,
  },
  {
    name: 'nudge Stop these with a nudge id',
    actionId: NUDGE_ACTION_IDS.stop,
    craft: value((v) => v.thankYouNudge),
    answer: NOT_YOUR_NUDGE,
  },
  {
    name: 'nudge Snooze with a nudge id in the option',
    actionId: NUDGE_ACTION_IDS.snooze,
    craft: (real, v, a) => ({
      type: 'static_select',
      selected_option: option(swap(real.options?.[0]?.value, a.thankYouNudge, v.thankYouNudge)),
    }),
    answer: NOT_YOUR_NUDGE,
  },
  {
    name: 'nudge Mark sent with a thank-you nudge id',
    actionId: NUDGE_ACTION_IDS.thanksSent,
    craft: value((v) => v.thankYouNudge),
    answer: NOT_YOUR_NUDGE,
  },
];

/** Buttons only follow-up nudges have: Alice's thank-you nudge DM is where the click is crafted. */
const FOLLOW_UP_CLICKS: ClickCase[] = [
  {
    name: 'nudge Got a reply with a follow-up nudge id',
    actionId: NUDGE_ACTION_IDS.gotReply,
    craft: value((v) => v.followUpNudge),
    answer: NOT_YOUR_NUDGE,
  },
  {
    name: 'nudge Mark followed up with a follow-up nudge id',
    actionId: NUDGE_ACTION_IDS.followedUp,
    craft: value((v) => v.followUpNudge),
    answer: NOT_YOUR_NUDGE,
  },
];

/** The ask modal's person picker (a click inside a modal Alice opened). */
const ASK_PICKER = 'the ask modal’s person picker with a contact id';

// ---------------------------------------------------------------------------------------------
// Alice's real forms, crafted.

/** A select in the submitted state set to `value` (a choice the modal never offered). */
function choose(
  values: StateValues,
  block: { blockId: string; actionId: string },
  value: string,
): StateValues {
  return {
    ...values,
    [block.blockId]: { [block.actionId]: { type: 'static_select', selected_option: option(value) } },
  };
}

/** The metadata of a view, parsed, changed and written back. */
function withMetadata(
  view: ViewLike,
  change: (metadata: Record<string, unknown>) => Record<string, unknown>,
): ViewLike {
  const metadata = JSON.parse(view.private_metadata || '{}') as Record<string, unknown>;
  return { ...view, private_metadata: JSON.stringify(change(metadata)) };
}

/** Opens a modal by clicking Alice's real element. */
async function modalFromClick(s: Story, actionId: string): Promise<ViewLike> {
  const { where, element } = realClick(s, actionId);
  s.h.standIn.clearCalls();
  const res = await s.h.driver.blockAction(
    ALICE.id,
    { action_id: actionId, block_id: element.block_id, value: element.value },
    where,
  );
  expect(res.status).toBe(200);
  return viewOf(await s.h.standIn.waitForCall('views.update'));
}

interface FormCase {
  name: string;
  callbackId: string;
  /** Alice's real modal, freshly opened. */
  open: (s: Story) => Promise<ViewLike>;
  /** The submission, crafted to name the victim's id. */
  craft: (
    view: ViewLike,
    victim: Victim,
    s: Story,
  ) => { view: ViewLike; values: StateValues; typed?: string[] };
  answer: (victim: Victim) => string;
  /** Removes what Alice's own part of the submission saved, so later cases start alike. */
  after?: (s: Story, victim: Victim) => Promise<void>;
}

const FORMS: FormCase[] = [
  {
    name: 'Plan a skill, a skill id in private_metadata',
    callbackId: SKILL_PLAN_CALLBACK_ID,
    open: async (s) => {
      const { where, element } = realClick(s, SKILLS_ACTIONS.edit);
      s.h.standIn.clearCalls();
      const picked = element.options?.[0]?.value ?? '';
      await s.h.driver.blockAction(
        ALICE.id,
        {
          action_id: SKILLS_ACTIONS.edit,
          block_id: element.block_id,
          type: 'static_select',
          selected_option: option(picked),
        },
        where,
      );
      return viewOf(await s.h.standIn.waitForCall('views.update'));
    },
    craft: (view, victim) => ({
      view: withMetadata(view, (m) => ({ ...m, skillId: victim.ids.skill })),
      values: fillView(view, { 'Something to learn it from': 'https://mode.com/sql-tutorial' }),
    }),
    answer: () => skillNotFoundText(),
  },
  {
    name: 'Your thank-you, a conversation id in private_metadata',
    callbackId: THANKS_EDIT_CALLBACK_ID,
    open: (s) => modalFromClick(s, THANKS_ACTIONS.edit),
    craft: (view, victim) => ({
      view: withMetadata(view, (m) => ({ ...m, c: victim.ids.conversation })),
      values: fillView(view, { 'Your thank-you': 'Hi, thank you so much for your time.' }),
    }),
    answer: () => "couldn't find that conversation",
  },
  {
    name: 'Add a target, "suggested by" a contact id',
    callbackId: ADD_TARGET_CALLBACK_ID,
    open: (s) => openModal(s.h, ALICE.id, 'add'),
    craft: (view, victim) => ({
      view,
      values: choose(
        fillView(view, {
          Name: `Nina ${victim.label}ward`,
          Role: 'Analyst',
          Company: 'Contoso',
          Industry: 'retail',
          'Why them (their path)': 'moved from retail into analytics',
        }),
        ADD_TARGET_BLOCKS.referredBy,
        victim.ids.contact,
      ),
    }),
    answer: (victim) => `Nina ${victim.label}ward`,
  },
  {
    name: 'Draft an ask for a contact id',
    callbackId: ASK_CALLBACK_ID,
    open: (s) => openModal(s.h, ALICE.id, 'ask'),
    craft: (view, victim) => ({
      view,
      values: choose(fillView(view, { Channel: 'Email' }), ASK_BLOCKS.person, victim.ids.contact),
    }),
    answer: () => 'find that person on your list',
  },
  {
    name: 'Edit your ask, an ask id in private_metadata',
    callbackId: ASK_EDIT_CALLBACK_ID,
    open: (s) => modalFromClick(s, ASK_ACTIONS.edit),
    craft: (view, victim) => ({
      view: withMetadata(view, (m) => ({ ...m, askId: victim.ids.ask })),
      values: fillView(view, { 'Your message': 'Hi, would you have 20 minutes for a short chat?' }),
    }),
    answer: () => askNotFoundText(),
  },
  {
    name: 'Prepare questions for a contact id',
    callbackId: PICK_FOR_PREP_CALLBACK_ID,
    open: (s) => openModal(s.h, ALICE.id, 'prep'),
    craft: (view, victim) => ({
      view,
      values: choose(fillView(view, {}), PICK_CONTACT_BLOCKS.contact, victim.ids.contact),
    }),
    answer: () => 'find that person on your list',
  },
  {
    name: 'Your own questions, a contact id in private_metadata',
    callbackId: PREP_QUESTIONS_CALLBACK_ID,
    open: (s) => modalFromClick(s, PREP_ACTIONS.ownQuestions),
    craft: (view, victim) => ({
      view: withMetadata(view, (m) => ({ ...m, contactId: victim.ids.contact })),
      values: fillView(view, { 'Your questions (one a line)': 'What surprised you in your first year?' }),
    }),
    answer: () => NOT_ON_LIST,
  },
  {
    name: 'Schedule the chat, a contact id in private_metadata',
    callbackId: PREP_SCHEDULE_CALLBACK_ID,
    open: (s) => modalFromClick(s, PREP_ACTIONS.schedule),
    craft: (view, victim) => ({
      view: withMetadata(view, (m) => ({ ...m, contactId: victim.ids.contact })),
      values: fillView(view, { Date: '2026-03-20', Time: '15:00' }),
    }),
    answer: () => 'find this person on your list',
  },
  {
    name: '"Which one?" of the log, a contact id picked',
    callbackId: LOG_PICK_CALLBACK_ID,
    open: (s) => openModal(s.h, ALICE.id, 'log Jane'),
    craft: (view, victim) => ({
      view,
      values: choose(fillView(view, {}), LOG_PICK_BLOCK, victim.ids.contact),
    }),
    answer: () => 'Log a conversation',
  },
  {
    // Alice types the victim's contact's name herself: the id must not attach her log to their contact.
    name: 'Log a conversation, a contact id in private_metadata',
    callbackId: LOG_CALLBACK_ID,
    open: (s) => openModal(s.h, ALICE.id, 'log Lena Ortiz'),
    craft: (view, victim) => ({
      view: withMetadata(view, () => ({ contactId: victim.ids.contact })),
      values: fillView(view, {
        Person: victim.contactName,
        Role: '',
        Company: '',
        "One thing I'll act on": 'send the thank-you tonight',
      }),
      typed: [victim.contactName],
    }),
    answer: (victim) => victim.contactName,
    after: async (s, victim) => {
      const mine = { ownerId: s.alice.memberId, contact: { name: victim.contactName } };
      await s.h.db.conversation.deleteMany({ where: mine });
      await s.h.db.contact.deleteMany({ where: { ownerId: s.alice.memberId, name: victim.contactName } });
    },
  },
];

/** Listeners whose requests carry no id of anyone's (the member's scope is all they use). */
const WITHOUT_IDS = {
  action: [
    OPEN.settings,
    COHORT_SHARING_ACTIONS.open,
    /** "Add <name>" carries only a name the member typed. */
    ADD_TARGET_ACTIONS.named,
    // The people list's paging and stage menu carry a stage and a page; the plan's buttons nothing.
    PEOPLE_ACTIONS.page,
    PEOPLE_ACTIONS.next,
    PEOPLE_ACTIONS.everyone,
    PEOPLE_ACTIONS.filter,
    SKILLS_ACTIONS.open,
    SKILLS_ACTIONS.keywords,
  ],
  view: [GOAL_CALLBACK_ID, SETTINGS_CALLBACK_ID, FORGET_CALLBACK_ID, COHORT_SHARING_CALLBACK_ID],
  /** Global shortcuts only: a message shortcut would carry a message from the client, and need a case. */
  shortcut: [LOG_SHORTCUT_CALLBACK_ID, DRAFT_ASK_SHORTCUT],
};

/**
 * Listeners whose ids are not a member's own rows but a channel and people, re-checked by their own
 * tests: the cohort setup form (a channel and facilitators; test/e2e/cohort-setup.test.ts submits a
 * facilitator's form as a student, and for a channel of another workspace's cohort); "Nudge kindly" (a
 * cohort and a student; test/e2e/cohort-digest.test.ts presses it as a student, for a student who shares
 * nothing, for another workspace's cohort and for someone outside the cohort); the warm-intro buttons
 * (an intro request; test/e2e/warm-intros.test.ts sends Accept, Decline and the pick from someone the
 * request is not addressed to, from the requester, and with made-up ids). Undo on Mark as sent, Got a
 * reply under a sent ask, "They said no for now" and its Undo, Archive's Undo and Restore
 * (test/e2e/no-dead-ends.test.ts presses Alice's own buttons carrying Bob's ask and contact).
 */
const CHECKED_ELSEWHERE = {
  view: [COHORT_SETUP_CALLBACK_ID],
  action: [
    ASK_ACTIONS.undoSent,
    REPLY_ACTIONS.gotReply,
    REPLY_ACTIONS.declined,
    REPLY_ACTIONS.undoDeclined,
    ARCHIVE_ACTIONS.undo,
    ARCHIVE_ACTIONS.restore,
    COHORT_DIGEST_ACTIONS.nudgeKindly,
    INTRO_ACTIONS.accept,
    INTRO_ACTIONS.decline,
    INTRO_ACTIONS.pick,
    // Undo (after Done / Stop these) and Show (in a folded backlog): test/e2e/nudge-journey.test.ts.
    NUDGE_ACTION_IDS.undo,
    NUDGE_ACTION_IDS.show,
  ],
};

/** Every listener the app registers, by kind. */
function registeredListeners(): Record<string, string[]> {
  const ids: Record<string, string[]> = { action: [], view: [], shortcut: [], command: [], event: [] };
  const recorder = Object.fromEntries(
    Object.keys(ids).map((kind) => [kind, (id: unknown) => ids[kind]?.push(String(id))]),
  );
  registerListeners(recorder as never, {} as AppDeps);
  return ids;
}

for (const { kind, create } of DATABASE_KINDS) {
  describe(`ids from Slack's client, re-checked against the member (${kind})`, () => {
    let database: TestDatabase;
    let s: Story;

    beforeAll(async () => {
      database = await create();
      const h = await startHarness({ database, clock: new TestClock(START) });
      s = await tellStory(h);
    });
    afterAll(async () => {
      await s?.h.stop();
      await database?.drop();
    });

    const victims = () => [s.bob, s.otto];

    it('has a crafted case here for every listener that reads an id from the request', () => {
      const covered = {
        action: new Set([
          ...CLICKS.map((c) => c.actionId),
          ...FOLLOW_UP_CLICKS.map((c) => c.actionId),
          THANKS_ACTIONS.another,
          THANKS_ACTIONS.restore,
          ASK_BLOCKS.person.actionId,
          ...WITHOUT_IDS.action,
          ...CHECKED_ELSEWHERE.action,
        ]),
        view: new Set([...FORMS.map((f) => f.callbackId), ...WITHOUT_IDS.view, ...CHECKED_ELSEWHERE.view]),
        shortcut: new Set(WITHOUT_IDS.shortcut),
      };
      const registered = registeredListeners();
      for (const listenerKind of ['action', 'view', 'shortcut'] as const) {
        const missing = (registered[listenerKind] ?? []).filter((id) => !covered[listenerKind].has(id));
        expect(missing, `${listenerKind} listeners without a crafted case`).toEqual([]);
      }
    });

    for (const c of CLICKS) {
      it(`block action: ${c.name}`, async () => {
        for (const victim of victims()) {
          const { where, element } = realClick(s, c.actionId);
          const action: ClickedAction = {
            action_id: c.actionId,
            block_id: element.block_id,
            type: element.type,
            ...c.craft(element, victim.ids, s.alice),
          };
          await expectRefused(s, victim, () => s.h.driver.blockAction(ALICE.id, action, where), c.answer);
        }
      });
    }

    for (const c of FOLLOW_UP_CLICKS) {
      it(`block action: ${c.name}`, async () => {
        for (const victim of victims()) {
          const { where } = realClick(s, NUDGE_ACTION_IDS.done);
          const action: ClickedAction = {
            action_id: c.actionId,
            block_id: NUDGE_ACTIONS_BLOCK_ID,
            type: 'button',
            ...c.craft({}, victim.ids, s.alice),
          };
          await expectRefused(s, victim, () => s.h.driver.blockAction(ALICE.id, action, where), c.answer);
        }
      });
    }

    for (const actionId of [THANKS_ACTIONS.another, THANKS_ACTIONS.restore]) {
      it(`block action: ${actionId} in the thank-you modal, a conversation id in private_metadata`, async () => {
        for (const victim of victims()) {
          const view = await modalFromClick(s, THANKS_ACTIONS.edit);
          const crafted = withMetadata(view, (m) => ({
            ...m,
            c: victim.ids.conversation,
            k: 'My own words.',
          }));
          const state = fillView(view, { 'Your thank-you': 'Hi, thank you so much for your time.' });
          const action: ClickedAction = {
            action_id: actionId,
            block_id: 'thanks_versions',
            type: 'button',
            value: '0',
          };
          await expectRefused(
            s,
            victim,
            () => s.h.driver.blockAction(ALICE.id, action, { view: crafted, state }),
            "couldn't find that conversation",
          );
        }
      });
    }

    it(`block action: ${ASK_PICKER}`, async () => {
      for (const victim of victims()) {
        const view = await openModal(s.h, ALICE.id, 'ask');
        const state = choose(fillView(view, {}), ASK_BLOCKS.person, victim.ids.contact);
        const action: ClickedAction = {
          action_id: ASK_BLOCKS.person.actionId,
          block_id: ASK_BLOCKS.person.blockId,
          type: 'static_select',
          selected_option: option(victim.ids.contact),
        };
        await expectRefused(
          s,
          victim,
          () => s.h.driver.blockAction(ALICE.id, action, { view, state }),
          'Draft an ask',
        );
      }
    });

    for (const f of FORMS) {
      it(`view submission: ${f.name}`, async () => {
        for (const victim of victims()) {
          const view = await f.open(s);
          expect(view.callback_id).toBe(f.callbackId);
          const crafted = f.craft(view, victim, s);
          try {
            await expectRefused(
              s,
              victim,
              () => s.h.driver.submitView(ALICE.id, crafted.view, crafted.values),
              f.answer(victim),
              crafted.typed,
            );
          } finally {
            await f.after?.(s, victim);
          }
        }
      });
    }

    it("view submission: Edit your ask naming a message in Bob's DM in private_metadata", async () => {
      const view = await modalFromClick(s, ASK_ACTIONS.edit);
      const crafted = withMetadata(view, (m) => ({ ...m, ...s.bobMessage }));
      const values = fillView(view, { 'Your message': 'Hi Lena, would you have 20 minutes next week?' });
      // Alice's own ask is saved; its draft comes to her as a new DM, and Bob's message stays his.
      await expectRefused(
        s,
        s.bob,
        () => s.h.driver.submitView(ALICE.id, crafted, values),
        'Hi Lena, would you have 20 minutes',
      );
      expect(s.h.standIn.callsTo('chat.update')).toEqual([]);
    });

    it("view submission: Your own questions naming a message in Bob's DM in private_metadata", async () => {
      const view = await modalFromClick(s, PREP_ACTIONS.ownQuestions);
      const crafted = withMetadata(view, (m) => ({ ...m, ...s.bobMessage }));
      const values = fillView(view, {
        'Your questions (one a line)': 'What does a good first week look like?',
      });
      await expectRefused(
        s,
        s.bob,
        () => s.h.driver.submitView(ALICE.id, crafted, values),
        'What does a good first week look like?',
      );
      expect(s.h.standIn.callsTo('chat.update')).toEqual([]);
    });
  });
}
