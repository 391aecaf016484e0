// Warm intros between classmates, end to end over signed HTTP against the Slack stand-in: Alice asks
// `/coach who-knows Acme`; only the classmates of her own cohort who take intro requests and have met
// someone there are asked; each answers with the buttons in their DM, as they would. Alice hears only
// that the request went out, then either the person a classmate chose to introduce (name, role, a
// draft, the person on her list linked to that classmate) or one kind no. The week's timeout runs
// through the scheduler's own tick at TestClock times.
import { describe, expect, it } from 'vitest';
import { INTRO_RULES } from '../../src/coaching/intros';
import type { Stage } from '../../src/coaching/types';
import { runIntroTimeouts } from '../../src/nudges/intro-timeouts';
import type { NudgeScheduler } from '../../src/nudges/scheduler';
import type { RecordedCall, StandInUser } from '../../src/sandbox';
import type { ClickedAction } from '../../src/sandbox/slack-driver';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_ACTIONS } from '../../src/slack/views/ask';
import { INTRO_ACTIONS } from '../../src/slack/views/intros';
import { leaveCohort } from '../../src/store/cohorts';
import { createContact } from '../../src/store/contacts';
import { ensureMember, updateMember } from '../../src/store/members';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, DAY, HOUR, MINUTE, OTHER_TEAM, OTTO, RAVI, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { deliveryClient, memoryLog } from '../support/nudges';
import { seedTarget } from '../support/seed';
import {
  blocksOf,
  type Element,
  elementsOf,
  ephemeral,
  everyString,
  findElement,
  messageOf,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York.
const START = new Date('2026-03-10T14:00:00Z');

/** The facilitator of the spring cohort: takes intro requests, has met two people at Acme. */
const FAY: StandInUser = { id: 'U0FAY', teamId: TEAM.id, name: 'fay', realName: 'Fay Okafor', tz: 'UTC' };
/** Takes intro requests, but has only met someone at "Acmeville Bank" and has an Acme name still to ask. */
const DANA: StandInUser = { id: 'U0DANA', teamId: TEAM.id, name: 'dana', realName: 'Dana Cruz', tz: 'UTC' };
/** Takes intro requests and knows someone at Acme, but left the spring cohort. */
const LEO: StandInUser = { id: 'U0LEO', teamId: TEAM.id, name: 'leo', realName: 'Leo Park', tz: 'UTC' };
/** In the autumn cohort (same workspace, not Alice's): takes intro requests, knows someone at Acme. */
const EVAN: StandInUser = { id: 'U0EVAN', teamId: TEAM.id, name: 'evan', realName: 'Evan Ross', tz: 'UTC' };
/** In no cohort at all. */
const NORA: StandInUser = { id: 'U0NORA', teamId: TEAM.id, name: 'nora', realName: 'Nora Lind', tz: 'UTC' };

const USERS = [ALICE, BOB, RAVI, FAY, DANA, LEO, EVAN, NORA];
/** Everyone who must never get a DM about Alice's requests. */
const NEVER_ASKED = [RAVI.id, DANA.id, LEO.id, EVAN.id, NORA.id, OTTO.id, ALICE.id];

const ALICE_ABOUT = 'moving from teaching to UX research';

interface Story {
  /** Contact ids by name, of whoever has them. */
  contacts: Map<string, string>;
}

async function person(
  h: Harness,
  workspaceId: string,
  userId: string,
  contact: { name: string; role?: string; company?: string; stage: Stage },
  story: Story,
) {
  const member = await ensureMember(h.db, { workspaceId, userId });
  const created = await createContact(h.db, member, contact, h.clock.now());
  story.contacts.set(`${userId}:${contact.name}`, created.id);
}

/**
 * The spring cohort (Fay facilitates; Alice, Bob, Ravi, Dana and Leo are students), the autumn cohort
 * (Evan) in the same workspace, and a cohort in another workspace where Otto knows someone at Acme
 * and a member has Alice's Slack user id.
 */
async function tellStory(h: Harness): Promise<Story> {
  const story: Story = { contacts: new Map() };
  const now = h.clock.now();
  // The workspaces' rows (the app creates them on a member's first request).
  await ensureMember(h.db, { workspaceId: TEAM.id, userId: ALICE.id });
  await ensureMember(h.db, { workspaceId: OTHER_TEAM.id, userId: OTTO.id });
  const spring = await seedCohort(h.db, {
    workspaceId: TEAM.id,
    channelId: 'C0SPRING',
    facilitators: [FAY.id],
    students: [ALICE.id, BOB.id, RAVI.id, DANA.id, LEO.id],
    sharing: {
      [FAY.id]: { introsOpen: true },
      [BOB.id]: { introsOpen: true },
      [RAVI.id]: { introsOpen: false },
      [DANA.id]: { introsOpen: true },
      [LEO.id]: { introsOpen: true },
    },
    now,
  });
  await leaveCohort(h.db, spring.cohortId, spring.memberIds.get(LEO.id) ?? '', now);
  await seedCohort(h.db, {
    workspaceId: TEAM.id,
    channelId: 'C0AUTUMN',
    facilitators: [],
    students: [EVAN.id],
    settings: { name: 'Autumn cohort' },
    sharing: { [EVAN.id]: { introsOpen: true } },
    now,
  });
  await seedCohort(h.db, {
    workspaceId: OTHER_TEAM.id,
    channelId: 'C0SPRING',
    facilitators: [],
    students: [ALICE.id, OTTO.id],
    sharing: { [OTTO.id]: { introsOpen: true } },
    now,
  });
  await person(
    h,
    TEAM.id,
    BOB.id,
    { name: 'Jane Doe', role: 'UX Researcher', company: 'Acme Health', stage: 'met' },
    story,
  );
  await person(
    h,
    TEAM.id,
    BOB.id,
    { name: 'Sam Lee', role: 'Designer', company: 'Initech', stage: 'thanked' },
    story,
  );
  await person(
    h,
    TEAM.id,
    FAY.id,
    { name: 'Priya Shah', role: 'Engineer', company: 'Acmé', stage: 'thanked' },
    story,
  );
  await person(
    h,
    TEAM.id,
    FAY.id,
    { name: 'Tom Berg', role: 'Product Manager', company: 'ACME Corp.', stage: 'met' },
    story,
  );
  await person(
    h,
    TEAM.id,
    RAVI.id,
    { name: 'Ana Ruiz', role: 'Analyst', company: 'Acme', stage: 'met' },
    story,
  );
  await person(
    h,
    TEAM.id,
    DANA.id,
    { name: 'Kim Wu', role: 'Teller', company: 'Acmeville Bank', stage: 'met' },
    story,
  );
  await person(
    h,
    TEAM.id,
    DANA.id,
    { name: 'Raj Iyer', role: 'Recruiter', company: 'Acme', stage: 'target' },
    story,
  );
  await person(
    h,
    TEAM.id,
    LEO.id,
    { name: 'Lou Diaz', role: 'Engineer', company: 'Acme', stage: 'met' },
    story,
  );
  await person(
    h,
    TEAM.id,
    EVAN.id,
    { name: 'Eve Stone', role: 'Engineer', company: 'Acme', stage: 'met' },
    story,
  );
  await person(
    h,
    OTHER_TEAM.id,
    OTTO.id,
    { name: 'Olga Berg', role: 'Engineer', company: 'Acme', stage: 'met' },
    story,
  );
  await updateMember(h.db, { workspaceId: TEAM.id, userId: ALICE.id }, { about: ALICE_ABOUT });
  return story;
}

/** `/coach who-knows …` as `userId`, with the work after the ack done. */
async function whoKnows(h: Harness, userId: string, text: string) {
  const answer = await ephemeral(h, userId, `who-knows ${text}`.trim());
  await h.settle();
  return answer;
}

function dmsTo(h: Harness, userId: string): RecordedCall[] {
  return h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);
}

/** The one DM `userId` got since the calls were last cleared. */
function onlyDmTo(h: Harness, userId: string): RecordedCall {
  const dms = dmsTo(h, userId);
  expect(dms, `DMs to ${userId}`).toHaveLength(1);
  return dms[0] as RecordedCall;
}

/** The message as it is in Slack now (after updates in place). */
function current(h: Harness, call: RecordedCall) {
  const { channelId, ts } = messageOf(call);
  const stored = h.standIn.messages(channelId).find((m) => m.ts === ts);
  if (!stored) throw new Error('message not found');
  return { channelId, ts, blocks: (stored.blocks ?? []) as unknown[], text: stored.text };
}

/** Clicks `actionId` (or picks `option` from its menu) on the message as it is now, as `userId`. */
async function press(
  h: Harness,
  userId: string,
  call: RecordedCall,
  actionId: string,
  options: { option?: string; action?: Partial<ClickedAction> } = {},
) {
  const message = current(h, call);
  const element = findElement(message.blocks, actionId) as (Element & { block_id?: string }) | undefined;
  if (!element && !options.action) throw new Error(`no ${actionId} on the message`);
  const chosen = options.option
    ? element?.options?.find((o) => o.text?.text === options.option || o.value === options.option)
    : undefined;
  if (options.option && !chosen) throw new Error(`no option ${options.option}`);
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    userId,
    {
      action_id: actionId,
      block_id: element?.block_id,
      type: element?.type,
      ...(chosen ? { selected_option: chosen } : { value: element?.value }),
      ...options.action,
    },
    { message },
  );
  expect(res.status).toBe(200);
  await h.settle();
}

/** The ephemeral answers a click got (through its response_url). */
function ephemeralsSince(h: Harness): string[] {
  return h.standIn.callsTo('response_url').map((c) => visibleText(c.args));
}

async function requests(h: Harness) {
  return h.db.introRequest.findMany({
    include: { classmate: true, requester: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

const SENT = (phrase: string) =>
  `I've asked classmates who might know ${phrase}. If one of them can introduce you, I'll send you the details in a DM.`;
const KIND_NO_START =
  'No introduction to someone at Acme this time: none of your classmates could make one right now.';

describe.each(DATABASE_KINDS)('warm intros on $kind', ({ create }) => {
  const h = useHarness({ start: START, database: create, users: USERS });

  it('asks only open classmates of her own cohorts who have met someone there, and tells her the same whoever matched', async () => {
    await tellStory(h);
    h.standIn.clearCalls();
    const nobody = await whoKnows(h, ALICE.id, 'Globex');
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);

    h.standIn.clearCalls();
    const several = await whoKnows(h, ALICE.id, 'Acme');
    const asked = h.standIn.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(asked.sort()).toEqual([BOB.id, FAY.id].sort());
    for (const userId of NEVER_ASKED) expect(dmsTo(h, userId)).toHaveLength(0);

    // The requester's answer: word for word the same, whether nobody or two classmates were asked.
    expect(visibleText(several)).toContain(SENT('someone at Acme'));
    expect(visibleText(several)).toContain('`/coach ask` drafts a cold ask');
    expect(visibleText(nobody)).toBe(visibleText(several).replace('Acme', 'Globex'));
    expect(everyString(nobody)).toBe(everyString(several).replaceAll('Acme', 'Globex'));
    for (const name of ['Bob', 'Fay', 'Jane', 'Priya', 'Tom', '<@']) {
      expect(everyString(several)).not.toContain(name);
    }

    // Each classmate's DM: who asks, for whom, how many of their own people fit, and those names.
    const bob = visibleText(onlyDmTo(h, BOB.id).args);
    expect(bob).toContain(
      ':wave: <@U0ALICE> is looking for someone at Acme — you know 1 person there. Would you introduce them?',
    );
    expect(bob).toContain('From your list (only you see this): Jane Doe (UX Researcher, Acme Health).');
    expect(bob).not.toContain('Sam Lee');
    expect(bob).toContain('Accept\nDecline');
    const fay = visibleText(onlyDmTo(h, FAY.id).args);
    expect(fay).toContain(
      '<@U0ALICE> is looking for someone at Acme — you know 2 people there. Would you introduce them?',
    );
    expect(fay).toContain('Priya Shah (Engineer, Acmé); Tom Berg (Product Manager, ACME Corp.)');

    const rows = (await requests(h)).map((r) => [r.query, r.classmate.slackUserId, r.matches, r.status]);
    expect(rows.sort()).toEqual([
      ['Acme', BOB.id, 1, 'pending'],
      ['Acme', FAY.id, 2, 'pending'],
      // Nobody to ask: a row of her own, so the request counts and ends like any other.
      ['Globex', ALICE.id, 0, 'pending'],
    ]);
  });

  it('words a role as a role, for the requester and the classmate', async () => {
    await tellStory(h);
    h.standIn.clearCalls();
    const answer = await whoKnows(h, ALICE.id, 'product manager');
    expect(visibleText(answer)).toContain(SENT('a product manager'));
    expect(visibleText(onlyDmTo(h, FAY.id).args)).toContain(
      '<@U0ALICE> is looking for a product manager — you know 1 person in that role. Would you introduce them?',
    );
    expect(dmsTo(h, BOB.id)).toHaveLength(0);
  });

  it('Accept: Alice gets the name, the role and a draft that reads well; the person is on her list, suggested by Bob', async () => {
    const story = await tellStory(h);
    h.standIn.clearCalls();
    await whoKnows(h, ALICE.id, 'Acme');
    const bobDm = onlyDmTo(h, BOB.id);
    const fayDm = onlyDmTo(h, FAY.id);

    await press(h, BOB.id, bobDm, INTRO_ACTIONS.accept);
    const bobNow = visibleText(current(h, bobDm));
    expect(bobNow).toBe(
      ":white_check_mark: Thank you! I've sent <@U0ALICE> Jane Doe's name, role and company, and a draft that mentions you. A quick note to Jane saying <@U0ALICE> will be in touch makes it a warm intro.",
    );
    expect(elementsOf(current(h, bobDm).blocks)).toHaveLength(0);

    const news = onlyDmTo(h, ALICE.id);
    const text = visibleText(news.args);
    expect(text).toContain(
      ":handshake: Good news: your classmate <@U0BOB> can introduce you to *Jane Doe*, UX Researcher at Acme Health. I've added Jane to your list as your classmate's suggestion.",
    );
    const draft = [
      'Hi Jane,',
      "Bob, from my cohort, suggested I reach out to you. I'm moving from teaching to UX research. Your work as a UX Researcher at Acme Health is what I'd like to understand better.",
      "I'd love to learn how you approach research day to day and how you got into it.",
      "Would you be open to a 20-minute coffee, phone call or video chat, whenever suits you? I'm happy to fit around your schedule. No worries at all if now isn't a good time.",
      'Thank you,\nAlice',
    ].join('\n\n');
    expect(text).toContain(draft);
    expect(text).toContain('✓ Ready to send');
    expect(text).not.toContain('…');
    expect(text.match(/Bob, from my cohort/g)).toHaveLength(1);
    // Nothing of Bob's list but the one person he chose.
    expect(everyString(news.args)).not.toContain('Sam Lee');
    expect(everyString(news.args)).not.toContain('Initech');

    const alice = await ensureMember(h.db, { workspaceId: TEAM.id, userId: ALICE.id });
    const hers = await h.db.contact.findMany({ where: { ownerId: alice.id }, orderBy: { name: 'asc' } });
    expect(hers.map((c) => [c.name, c.role, c.company, c.stage])).toEqual([
      ['Bob Meyer', 'Classmate in Spring cohort', null, 'archived'],
      ['Jane Doe', 'UX Researcher', 'Acme Health', 'target'],
    ]);
    expect(hers[1]?.referredById).toBe(hers[0]?.id);
    const row = (await requests(h)).find((r) => r.classmate.slackUserId === BOB.id);
    expect(row).toMatchObject({
      status: 'accepted',
      contactId: story.contacts.get(`${BOB.id}:Jane Doe`),
      createdContactId: hers[1]?.id,
    });
    expect(row?.requesterToldAt).not.toBeNull();

    const chain = await ephemeral(h, ALICE.id, 'chain jane');
    expect(visibleText(chain)).toContain('Bob Meyer → Jane Doe');

    // Alice's draft buttons work as on any draft: another version, edit, mark as sent.
    await press(h, ALICE.id, news, ASK_ACTIONS.another);
    const another = visibleText(current(h, news));
    expect(another).toContain('Bob Meyer suggested I get in touch.');
    await press(h, ALICE.id, news, ASK_ACTIONS.edit);
    expect(visibleText(h.standIn.callsTo('views.open')[0]?.args.view)).toContain('Edit your ask');
    await press(h, ALICE.id, news, ASK_ACTIONS.markSent);
    expect(visibleText(current(h, news))).toContain('Marked as sent');

    // A second click on Bob's Accept: already answered, nothing new for Alice.
    await press(h, BOB.id, bobDm, INTRO_ACTIONS.accept, {
      action: { value: row?.id, block_id: 'intro_actions', type: 'button' },
    });
    expect(ephemeralsSince(h)).toEqual([
      'You already accepted this request on Tue 10 Mar and introduced Jane Doe, so nothing changed.',
    ]);
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);
    expect(await h.db.contact.count({ where: { ownerId: alice.id } })).toBe(2);

    // Fay declines later: an accept counts, so Alice hears no "no".
    await press(h, FAY.id, fayDm, INTRO_ACTIONS.decline);
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);
  });

  it('Accept with several people who fit: the classmate picks one in the DM', async () => {
    await tellStory(h);
    // Alice had Tom on her list already (nobody suggested him): he keeps his record.
    const tom = await seedTarget(h, ALICE.id, { name: 'Tom Berg', company: 'ACME' });
    h.standIn.clearCalls();
    await whoKnows(h, ALICE.id, 'Acme');
    const fayDm = onlyDmTo(h, FAY.id);
    await press(h, FAY.id, fayDm, INTRO_ACTIONS.accept);
    const pick = current(h, fayDm);
    expect(visibleText(pick)).toContain(
      "Who would you introduce to <@U0ALICE>? They'll get only that person's name, role and company.",
    );
    expect(findElement(pick.blocks, INTRO_ACTIONS.pick)?.options?.map((o) => o.text?.text)).toEqual([
      'Priya Shah (Engineer, Acmé)',
      'Tom Berg (Product Manager, ACME Corp.)',
    ]);
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);

    await press(h, FAY.id, fayDm, INTRO_ACTIONS.pick, { option: 'Tom Berg (Product Manager, ACME Corp.)' });
    const news = visibleText(onlyDmTo(h, ALICE.id).args);
    expect(news).toContain(
      'your classmate <@U0FAY> can introduce you to *Tom Berg*, Product Manager at ACME Corp.',
    );
    expect(news).toContain("Tom was already on your list, so I've kept that record.");
    expect(news).toContain('Hi Tom,\n\nFay, from my cohort, suggested I reach out to you.');
    expect(news).not.toContain('Priya');
    expect(visibleText(current(h, fayDm))).toContain(
      "I've sent <@U0ALICE> Tom Berg's name, role and company",
    );
    const alice = await ensureMember(h.db, { workspaceId: TEAM.id, userId: ALICE.id });
    const hers = await h.db.contact.findMany({ where: { ownerId: alice.id }, orderBy: { name: 'asc' } });
    expect(hers.map((c) => [c.name, c.role])).toEqual([
      ['Fay Okafor', 'Classmate in Spring cohort'],
      ['Tom Berg', 'Product Manager'],
    ]);
    expect(hers[1]).toMatchObject({ id: tom, referredById: hers[0]?.id, stage: 'target', company: 'ACME' });
    expect(news).toContain("Your work as a Product Manager at ACME is what I'd like to understand better.");
    expect(news).toContain('Product Manager at ACME Corp. Tom was already on your list');
  });

  it('Decline from every classmate asked: one kind no, once', async () => {
    await tellStory(h);
    h.standIn.clearCalls();
    await whoKnows(h, ALICE.id, 'Acme');
    const bobDm = onlyDmTo(h, BOB.id);
    const fayDm = onlyDmTo(h, FAY.id);

    await press(h, BOB.id, bobDm, INTRO_ACTIONS.decline);
    expect(visibleText(current(h, bobDm))).toBe(
      "No problem: <@U0ALICE> won't learn that you were asked. If you'd rather not get intro requests, change that any time with `/coach cohort sharing`.",
    );
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);

    await press(h, FAY.id, fayDm, INTRO_ACTIONS.decline);
    const no = onlyDmTo(h, ALICE.id);
    const text = visibleText(no.args);
    expect(text).toContain(KIND_NO_START);
    expect(text).toContain('It happens, and it says nothing about you.');
    for (const name of ['Bob', 'Fay', 'Jane', 'Priya', 'Tom'])
      expect(everyString(no.args)).not.toContain(name);

    // Its button opens "Add a target".
    await press(h, ALICE.id, no, OPEN.addTarget);
    expect(visibleText(h.standIn.callsTo('views.update')[0]?.args.view)).toContain('Add a target');

    // A second Decline, and the scheduler's tick: still one kind no.
    const bobRow = (await requests(h)).find((r) => r.classmate.slackUserId === BOB.id);
    await press(h, BOB.id, bobDm, INTRO_ACTIONS.decline, {
      action: { value: bobRow?.id, block_id: 'intro_actions', type: 'button' },
    });
    expect(ephemeralsSince(h)).toEqual([
      'You already declined this request on Tue 10 Mar, so nothing changed. Thanks for letting me know.',
    ]);
    h.standIn.clearCalls();
    await runIntroTimeouts({
      now: h.clock.now(),
      db: h.db,
      slack: deliveryClient(h),
      log: memoryLog('silent').log,
    });
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);
    expect((await requests(h)).every((r) => r.requesterToldAt !== null)).toBe(true);
  });

  it('refuses a crafted Accept or Decline from anyone the request is not addressed to', async () => {
    await tellStory(h);
    h.standIn.clearCalls();
    await whoKnows(h, ALICE.id, 'Acme');
    await whoKnows(h, ALICE.id, 'Globex');
    const bobDm = onlyDmToOf(h, BOB.id);
    const rows = await requests(h);
    const bobs = rows.find((r) => r.classmate.slackUserId === BOB.id);
    const own = rows.find((r) => r.query === 'Globex');
    const fayContact = rows.find((r) => r.classmate.slackUserId === FAY.id);
    expect(bobs && own && fayContact).toBeTruthy();

    const crafted: [string, string, Partial<ClickedAction>][] = [
      [DANA.id, INTRO_ACTIONS.accept, { value: bobs?.id }],
      [ALICE.id, INTRO_ACTIONS.accept, { value: bobs?.id }],
      [ALICE.id, INTRO_ACTIONS.accept, { value: own?.id }],
      [DANA.id, INTRO_ACTIONS.decline, { value: bobs?.id }],
      [
        DANA.id,
        INTRO_ACTIONS.pick,
        {
          type: 'static_select',
          selected_option: { value: `${bobs?.id}|x`, text: { type: 'plain_text', text: 'x' } },
        },
      ],
      [RAVI.id, INTRO_ACTIONS.accept, { value: 'not-an-id' }],
    ];
    for (const [userId, actionId, action] of crafted) {
      await press(h, userId, bobDm, actionId, {
        action: { action_id: actionId, block_id: 'intro_actions', ...action },
      });
      expect(ephemeralsSince(h)).toEqual([
        "I couldn't find that intro request among yours, so nothing changed. Requests for you come as DMs from me, each with its own Accept and Decline.",
      ]);
      expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
      expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    }
    // A pick naming someone else's person: Bob is shown his own people to choose from, nothing more.
    await press(h, BOB.id, bobDm, INTRO_ACTIONS.pick, {
      action: {
        type: 'static_select',
        block_id: 'intro_actions',
        selected_option: {
          value: `${bobs?.id}|${(await h.db.contact.findFirstOrThrow({ where: { name: 'Priya Shah' } })).id}`,
          text: { type: 'plain_text', text: 'x' },
        },
      },
    });
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);
    expect(visibleText(current(h, bobDm))).not.toContain('Priya');
    expect((await requests(h)).map((r) => r.status)).toEqual(rows.map(() => 'pending'));
    const alice = await ensureMember(h.db, { workspaceId: TEAM.id, userId: ALICE.id });
    expect(await h.db.contact.count({ where: { ownerId: alice.id } })).toBe(0);
  });

  it(`keeps to ${INTRO_RULES.perDay} requests a day, and never sends the same one again while it is open`, async () => {
    await tellStory(h);
    h.standIn.clearCalls();
    await whoKnows(h, ALICE.id, 'Acme');
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(2);

    h.standIn.clearCalls();
    const again = await whoKnows(h, ALICE.id, 'acme.');
    expect(visibleText(again)).toContain("I've already asked classmates who might know someone at acme.");
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);

    for (const company of ['Globex', 'Initech', 'Umbrella', 'Hooli']) {
      h.clock.advance(HOUR);
      expect(visibleText(await whoKnows(h, ALICE.id, company))).toContain(SENT(`someone at ${company}`));
    }
    const refused = await whoKnows(h, ALICE.id, 'Stark');
    expect(refused.text).toBe(
      "You've sent 5 intro requests in the last day, which is as many as I pass on, so your classmates aren't flooded. You can ask again in about 20 hours. Meanwhile, `/coach ask` drafts a cold ask to anyone on your list.",
    );
    h.clock.set(new Date(START.getTime() + DAY));
    expect(visibleText(await whoKnows(h, ALICE.id, 'Stark'))).toContain(SENT('someone at Stark'));
  });

  it('answers with usage without a query, and points at cohorts when she is in none', async () => {
    await tellStory(h);
    expect((await whoKnows(h, ALICE.id, '')).text).toContain(
      'Tell me a company or a role, like `/coach who-knows Acme`',
    );
    expect((await whoKnows(h, NORA.id, 'Acme')).text).toBe(
      "You're not in a cohort yet, so there are no classmates I can ask. Once your cohort's channel is set up with `/coach cohort setup`, try `/coach who-knows` again; `/coach cohort` shows what cohorts do.",
    );
    expect(await h.db.introRequest.count()).toBe(0);
    const help = await ephemeral(h, ALICE.id, 'help');
    expect(visibleText(help)).toContain('/coach who-knows <company or role>');
  });
});

/** One tick of the scheduler, as cron would run it, at the harness's clock. */
async function tick(h: Harness) {
  h.standIn.clearCalls();
  await (h.coach.scheduler as NudgeScheduler).task.execute();
  await h.settle();
}

/** The DM `userId` got about a request, among all calls so far. */
function onlyDmToOf(h: Harness, userId: string): RecordedCall {
  const dms = h.standIn.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === userId);
  const found = dms.find((c) => findElement(blocksOf(c), INTRO_ACTIONS.decline));
  if (!found) throw new Error(`no intro DM to ${userId}`);
  return found;
}

describe('the week without an answer (the scheduler)', () => {
  const h = useHarness({ start: START, users: USERS, env: { SCHEDULER_ENABLED: 'true' } });

  it('closes the requests after 7 days and sends one kind no for each, once', async () => {
    await tellStory(h);
    await whoKnows(h, ALICE.id, 'Acme');
    await whoKnows(h, ALICE.id, 'Globex');
    const bobDm = onlyDmToOf(h, BOB.id);

    h.clock.set(new Date(START.getTime() + INTRO_RULES.expireAfterMs - MINUTE));
    await tick(h);
    expect(kindNos(h)).toHaveLength(0);
    expect((await requests(h)).every((r) => r.status === 'pending')).toBe(true);

    h.clock.set(new Date(START.getTime() + INTRO_RULES.expireAfterMs + MINUTE));
    await tick(h);
    expect(kindNos(h).map((c) => visibleText(c.args).split(':')[0])).toEqual([
      'No introduction to someone at Acme this time',
      'No introduction to someone at Globex this time',
    ]);
    expect((await requests(h)).every((r) => r.status === 'expired' && r.requesterToldAt !== null)).toBe(true);

    await tick(h);
    expect(kindNos(h)).toHaveLength(0);

    // Bob's Accept a week late: closed, nothing for Alice.
    await press(h, BOB.id, bobDm, INTRO_ACTIONS.accept);
    expect(visibleText(current(h, bobDm))).toBe(
      "This request closed after a week without an answer, so there's nothing to do. Thanks for being open to intros; if you'd still like to help, message your classmate directly any time.",
    );
    expect(dmsTo(h, ALICE.id)).toHaveLength(0);
  });

  it('a kind no Slack could not take is sent on a later tick, still once', async () => {
    await tellStory(h);
    await whoKnows(h, ALICE.id, 'Acme');
    const [bobDm, fayDm] = [onlyDmToOf(h, BOB.id), onlyDmToOf(h, FAY.id)];
    await press(h, BOB.id, bobDm, INTRO_ACTIONS.decline);
    h.standIn.faults.set('chat.postMessage', { kind: 'slack_error', error: 'internal_error', times: 1 });
    await press(h, FAY.id, fayDm, INTRO_ACTIONS.decline);
    h.standIn.faults.clear();
    expect(kindNos(h)).toHaveLength(1); // tried, refused by Slack
    expect((await requests(h)).every((r) => r.requesterToldAt === null)).toBe(true);

    await tick(h);
    expect(kindNos(h).map((c) => c.response?.ok)).toEqual([true]);
    expect((await requests(h)).every((r) => r.requesterToldAt !== null)).toBe(true);
    await tick(h);
    expect(kindNos(h)).toHaveLength(0);
  });
});

function kindNos(h: Harness): RecordedCall[] {
  return dmsTo(h, ALICE.id).filter((c) => visibleText(c.args).startsWith('No introduction'));
}
