// A cohort's week end to end: the app over signed HTTP against the Slack stand-in, the weekly jobs run
// as the scheduler runs them, at TestClock times. Five students with every sharing choice (Alice named,
// Bob and Dana counts, Ravi and Eve none) and a facilitator, Fran. The digest posts at 09:00 in the
// cohort's timezone and names only Alice; nobody's notes or contacts ever reach the channel. Fran
// previews it and sees each student who shares; a student sees only their own week. Quiet students who
// share come to Fran in a DM, and "Nudge kindly" sends them one kind DM however often it is pressed.
import { describe, expect, it } from 'vitest';
import { runCohortJobs } from '../../src/nudges/cohort-digests';
import { startScheduler } from '../../src/nudges/scheduler';
import { type RecordedCall, type StandInUser, validateMessageBlocks } from '../../src/sandbox';
import { createAskDraft, markAskAsSent } from '../../src/services/ask';
import { OPEN } from '../../src/slack/views/action-ids';
import { COHORT_DIGEST_ACTIONS, encodeNudgeTarget } from '../../src/slack/views/cohort-digest';
import { COHORT_HOME_BLOCK_ID } from '../../src/slack/views/cohort-status';
import { seedCohort } from '../support/cohorts';
import { ALICE, BOB, COHORT, DAY, HOUR, MINUTE, OTHER_TEAM, RAVI, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { deliveryClient, memoryLog } from '../support/nudges';
import { seedChat, seedTarget } from '../support/seed';
import {
  blocksOf,
  dmTo,
  everyString,
  findElement,
  findElements,
  messageOf,
  openHome,
  visibleText,
} from '../support/slack-play';

const FRAN: StandInUser = {
  id: 'U0FRAN',
  teamId: TEAM.id,
  name: 'fran',
  realName: 'Fran Okafor',
  tz: 'America/New_York',
};
const DANA: StandInUser = {
  id: 'U0DANA',
  teamId: TEAM.id,
  name: 'dana',
  realName: 'Dana Wu',
  tz: 'America/Chicago',
};
const EVE: StandInUser = {
  id: 'U0EVE',
  teamId: TEAM.id,
  name: 'eve',
  realName: 'Eve Adler',
  tz: 'Europe/Paris',
};

// The week of the digest: Monday 9 March 2026, 09:00 in New York (EDT), to Monday 16 March, 09:00
// (13:00 UTC), when it posts.
const DIGEST_AT = new Date('2026-03-16T13:00:00Z');
const JOINED = new Date('2026-02-20T12:00:00Z');

/** Words of the students' own data: none may ever reach the channel or a facilitator. */
const SECRETS = [
  'Zelda',
  'Quorra',
  'Yusuf Pemberton',
  'Wilhelmina',
  'Stroud',
  'Xavier Lindqvist',
  'Ottilie',
  'Farquhar',
  'Fennimore',
  'pineapple-note',
  'walnut-note',
  'juniper-note',
  'rewrite the portfolio',
];

const scopeOf = (userId: string) => ({ workspaceId: TEAM.id, userId });

async function sentAsk(h: Harness, userId: string, contactId: string): Promise<void> {
  const draft = await createAskDraft(
    h.db,
    scopeOf(userId),
    { person: { kind: 'existing', contactId }, about: null, why: null, minutes: 20, channel: 'email' },
    h.clock.now(),
    null,
  );
  if (!draft.ok) throw new Error('sentAsk: no draft');
  await markAskAsSent(h.db, scopeOf(userId), draft.draft.ask.id, h.clock.now());
}

/**
 * The cohort and its week: Alice (named) has her first conversation, thanks on time and is suggested
 * someone; Bob (counts) does the same; Ravi (none) sends two asks and has a chat; Dana (counts) and Eve
 * (none) have done nothing since they joined; Fran (facilitator) logs a chat of her own.
 */
async function seedWeek(h: Harness, settings: { tz?: string; digestHour?: number } = {}) {
  h.standIn.addChannel({ ...COHORT, members: [...COHORT.members, RAVI.id, FRAN.id, DANA.id, EVE.id] });
  const cohort = await seedCohort(h.db, {
    workspaceId: TEAM.id,
    channelId: COHORT.id,
    facilitators: [FRAN.id],
    students: [ALICE.id, BOB.id, RAVI.id, DANA.id, EVE.id],
    settings: {
      name: 'Spring cohort',
      tz: settings.tz ?? 'America/New_York',
      digestHour: settings.digestHour ?? 9,
    },
    sharing: {
      [ALICE.id]: { sharing: 'named' },
      [BOB.id]: { sharing: 'counts' },
      [RAVI.id]: { sharing: 'none' },
      [DANA.id]: { sharing: 'counts' },
      [EVE.id]: { sharing: 'none' },
    },
    now: JOINED,
  });
  h.clock.set('2026-03-10T15:00:00Z');
  const zelda = await seedTarget(h, ALICE.id, {
    name: 'Zelda Quorra',
    role: 'UX Researcher',
    company: 'Acme',
  });
  await sentAsk(h, ALICE.id, zelda);
  await seedChat(h, ALICE.id, {
    person: 'Zelda Quorra',
    date: '2026-03-10',
    action: 'rewrite the portfolio case study',
    learned: 'pineapple-note: salary bands are wide',
    thanked: true,
    referrals: [{ name: 'Yusuf Pemberton', role: null, company: null }],
  });
  h.clock.set('2026-03-11T16:00:00Z');
  await seedChat(h, BOB.id, {
    person: 'Wilhelmina Stroud',
    date: '2026-03-11',
    action: 'rewrite the portfolio intro',
    learned: 'walnut-note: hiring freezes in spring',
    thanked: true,
    referrals: [{ name: 'Xavier Lindqvist', role: null, company: null }],
  });
  h.clock.set('2026-03-12T17:00:00Z');
  const ottilie = await seedTarget(h, RAVI.id, { name: 'Ottilie Farquhar', role: 'Data Analyst' });
  const other = await seedTarget(h, RAVI.id, { name: 'Fennimore Quince', role: 'Analyst' });
  await sentAsk(h, RAVI.id, ottilie);
  await sentAsk(h, RAVI.id, other);
  await seedChat(h, RAVI.id, {
    person: 'Ottilie Farquhar',
    date: '2026-03-12',
    action: 'learn SQL window functions',
    learned: 'juniper-note: certifications matter less',
  });
  await seedChat(h, FRAN.id, { person: 'Imogen Hart', date: '2026-03-12', action: 'share the reading list' });
  return cohort;
}

/** One pass of the weekly jobs at `when`, as the scheduler's tick runs it (the clock moved there first). */
async function weeklyJobsAt(h: Harness, when: Date) {
  h.clock.set(when);
  return runCohortJobs({ now: when, db: h.db, slack: deliveryClient(h), log: memoryLog('silent').log });
}

const channelPosts = (h: Harness) =>
  h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === COHORT.id && c.response?.ok);

/** A `/coach …` command typed in `channelId`; the private answer, its Block Kit checked. */
async function commandIn(h: Harness, userId: string, text: string, channelId = COHORT.id) {
  const res = await h.driver.command(userId, text, { channelId });
  expect(res.status).toBe(200);
  const body = res.json as { response_type?: string; text: string; blocks?: unknown[] };
  expect(body.response_type).toBe('ephemeral');
  expect(validateMessageBlocks(body.blocks ?? [])).toEqual([]);
  return { text: visibleText(body), all: everyString(body) };
}

function expectNothingPrivate(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('cohort digests and the facilitator view', () => {
  const h = useHarness({ start: '2026-03-10T15:00:00Z', users: [ALICE, BOB, RAVI, FRAN, DANA, EVE] });

  it('posts the digest at 09:00 cohort time, names only who chose it, and carries no note or contact name', async () => {
    await seedWeek(h);
    // 08:59 in New York: nothing yet.
    await weeklyJobsAt(h, new Date(DIGEST_AT.getTime() - MINUTE));
    expect(channelPosts(h)).toHaveLength(0);

    await weeklyJobsAt(h, DIGEST_AT);
    const [post, ...more] = channelPosts(h);
    expect(more).toHaveLength(0);
    if (!post) throw new Error('no digest');
    const text = visibleText({ text: post.args.text, blocks: blocksOf(post) });
    // Everyone in the totals (Fran is a facilitator, not counted): three chats, three asks, two on-time thank-yous.
    expect(text).toContain('Spring cohort: the week together');
    expect(text).toContain('Since Mon 9 Mar, 09:00 · 5 students');
    expect(text).toContain('*Conversations*\n3');
    expect(text).toContain('*Asks sent*\n3');
    expect(text).toContain('*Thank-yous within 24 hours*\n2');
    expect(text).toContain('*New introductions*\n2');
    expect(text).toContain('3 of 5 students met the weekly goal of 1 conversation.');
    expect(text).toContain('Longest chain of introductions in the cohort so far: 2 people');
    // Alice chose to be named; Bob (counts) and Ravi (none) did as much, and are never named.
    expect(text).toContain(
      `<@${ALICE.id}> had a first conversation, sent a thank-you within 24 hours and got a new introduction`,
    );
    for (const quiet of [BOB, RAVI, DANA, EVE, FRAN]) expect(everyString(post.args)).not.toContain(quiet.id);
    // Three of five have started and nobody reaches out cold yet.
    expect(text).toContain('Where we are: Ready to reach out cold');
    expect(text).toContain('`/coach cohort status`');
    expectNothingPrivate(everyString(post.args));

    const row = await h.db.cohortPost.findFirstOrThrow({ where: { kind: 'digest' } });
    expect(row).toMatchObject({ status: 'sent', week: '2026-W12', messageTs: post.response?.ts });
    // The rest of the week: nothing more.
    await weeklyJobsAt(h, new Date(DIGEST_AT.getTime() + HOUR));
    await weeklyJobsAt(h, new Date(DIGEST_AT.getTime() + 3 * DAY));
    expect(channelPosts(h)).toHaveLength(1);
  });

  it('keeps to the cohort’s own timezone', async () => {
    // 09:00 in Kolkata on Monday is 03:30 UTC.
    await seedWeek(h, { tz: 'Asia/Kolkata' });
    await weeklyJobsAt(h, new Date('2026-03-16T03:29:00Z'));
    expect(channelPosts(h)).toHaveLength(0);
    await weeklyJobsAt(h, new Date('2026-03-16T03:30:00Z'));
    expect(channelPosts(h)).toHaveLength(1);
  });

  it('posts from the scheduler’s own tick', async () => {
    await seedWeek(h);
    h.clock.set(DIGEST_AT);
    const scheduler = startScheduler({
      db: h.db,
      slack: deliveryClient(h),
      log: memoryLog('silent').log,
      clock: h.clock,
      schedule: '0 0 1 1 *',
      deliver: { pace: false },
    });
    try {
      await scheduler.task.execute();
      await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === COHORT.id);
    } finally {
      await scheduler.stop();
    }
    expect(channelPosts(h)).toHaveLength(1);
  });

  it('gives a facilitator a private preview of the week so far; a student is told only facilitators can', async () => {
    await seedWeek(h);
    h.clock.set('2026-03-13T15:00:00Z');
    const preview = await commandIn(h, FRAN.id, 'cohort digest');
    expect(preview.text).toContain('Preview, only you can see this.');
    expect(preview.text).toContain('it posts here on Mon 16 Mar, 09:00 (America/New_York)');
    expect(preview.text).toContain('*Conversations*\n3');
    expect(preview.text).toContain(`<@${ALICE.id}> had a first conversation`);
    expect(preview.all).not.toContain(BOB.id);
    expectNothingPrivate(preview.all);
    expect(channelPosts(h)).toHaveLength(0);

    const student = await commandIn(h, BOB.id, 'cohort digest');
    expect(student.text).toContain("Only the cohort's facilitators can preview the digest.");
    expect(student.text).toContain('Mondays at 09:00 (America/New_York)');
    expect(student.text).not.toContain('Conversations');

    const elsewhere = await commandIn(h, FRAN.id, 'cohort digest', h.standIn.dmChannelFor(TEAM.id, FRAN.id));
    expect(elsewhere.text).toContain('`/coach cohort setup`');
    const status = await commandIn(h, ALICE.id, 'cohort status', 'C0NOCOHORT');
    expect(status.text).toContain('`/coach cohort setup`');
  });

  it('shows a facilitator each student who shares, who is quiet, and totals that give no private student away', async () => {
    await seedWeek(h);
    h.clock.set('2026-03-13T15:00:00Z');
    const { text, all } = await commandIn(h, FRAN.id, 'cohort status');
    expect(text).toContain('Spring cohort: the week so far');
    // Everyone's totals (3 conversations, 3 asks) minus the sharers' own lines would give away what the
    // two private students did together: with fewer than three private students, the totals are the sharers'.
    expect(text).toContain(
      '*Students who share (3 students)*\n2 conversations · 1 ask sent · 2 thank-yous within 24 hours',
    );
    expect(text).not.toContain('3 conversations');
    expect(text).not.toContain('*Everyone');
    expect(text).toContain(
      `<@${ALICE.id}>: 1 conversation · 1 ask sent · 1 thank-you within 24 hours · 1 new introduction · :white_check_mark: goal met`,
    );
    expect(text).toContain(`<@${BOB.id}>: 1 conversation · 0 asks sent`);
    expect(text).toContain(`<@${DANA.id}>: 0 conversations`);
    expect(text).toContain(
      `*Quiet for 14 days or more (1)*\n• <@${DANA.id}>: nothing yet since joining 21 days ago`,
    );
    expect(text).toContain(
      "2 students keep their progress private, so they are left out here; the channel's digest counts them in the cohort's totals.",
    );
    // Ravi and Eve chose "none": in the totals only, never by name.
    expect(all).not.toContain(RAVI.id);
    expect(all).not.toContain(EVE.id);
    expectNothingPrivate(all);
  });

  it('shows a student only their own week and the cohort’s totals', async () => {
    await seedWeek(h);
    h.clock.set('2026-03-13T15:00:00Z');
    const bob = await commandIn(h, BOB.id, 'cohort status');
    expect(bob.text).toContain('Spring cohort: your week so far');
    expect(bob.text).toContain(
      '*You*\n1 conversation · 0 asks sent · 1 thank-you within 24 hours · 1 new introduction',
    );
    expect(bob.text).toContain('You met the weekly goal of 1 conversation.');
    expect(bob.text).toContain('*Everyone (5 students)*');
    expect(bob.text).toContain('the channel never sees your name');
    for (const other of [ALICE, RAVI, DANA, EVE, FRAN]) expect(bob.all).not.toContain(other.id);
    expectNothingPrivate(bob.all);

    const eve = await commandIn(h, EVE.id, 'cohort status');
    expect(eve.text).toContain("The weekly goal is 1 conversation; you're at 0.");
    expect(eve.text).toContain("only the cohort's anonymous totals");
  });

  it('DMs each facilitator the quiet students who share; "Nudge kindly" sends one kind DM however often pressed', async () => {
    await seedWeek(h);
    await weeklyJobsAt(h, DIGEST_AT);
    const note = await dmTo(h, FRAN.id);
    const noteText = visibleText({ text: note.args.text, blocks: blocksOf(note) });
    expect(validateMessageBlocks(blocksOf(note))).toEqual([]);
    expect(noteText).toContain('1 student has been quiet for two weeks or more');
    expect(noteText).toContain(`<@${DANA.id}>: nothing yet since joining 24 days ago`);
    // Eve is as quiet, but keeps her progress private.
    expect(everyString(note.args)).not.toContain(EVE.id);
    expectNothingPrivate(everyString(note.args));
    const buttons = findElements(blocksOf(note), COHORT_DIGEST_ACTIONS.nudgeKindly);
    expect(buttons).toHaveLength(1);
    const nudge = buttons[0];
    if (!nudge) throw new Error('no Nudge kindly button');

    const press = async () => {
      h.standIn.clearCalls();
      const res = await h.driver.blockAction(
        FRAN.id,
        { action_id: COHORT_DIGEST_ACTIONS.nudgeKindly, block_id: nudge.block_id, value: nudge.value },
        { message: messageOf(note) },
      );
      expect(res.status).toBe(200);
      await h.settle();
    };
    await press();
    const kind = h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === DANA.id);
    expect(kind).toHaveLength(1);
    const dm = kind[0] as RecordedCall;
    const dmText = visibleText({ text: dm.args.text, blocks: blocksOf(dm) });
    expect(dmText).toContain('Checking in.');
    expect(dmText).toContain('Add one person who is a step or two ahead');
    expect(findElement(blocksOf(dm), OPEN.addTarget)).toBeDefined();
    expect(validateMessageBlocks(blocksOf(dm))).toEqual([]);
    expect(everyString(dm.args)).not.toContain(FRAN.id);
    // Fran's note says what happened in place of the button.
    const updated = h.standIn.callsTo('chat.update')[0];
    expect(visibleText({ blocks: blocksOf(updated as RecordedCall) })).toContain(
      `I sent <@${DANA.id}> a kind nudge.`,
    );

    // Pressed again (a stale copy of the note, or a double click): no second DM.
    await press();
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === DANA.id)).toHaveLength(0);
    const again = h.standIn.callsTo('chat.update')[0];
    expect(visibleText({ blocks: blocksOf(again as RecordedCall) })).toContain(
      'already got a kind nudge this week',
    );
    expect(await h.db.cohortPost.count({ where: { kind: 'kind_nudge', status: 'sent' } })).toBe(1);

    // The weekly note itself comes once.
    h.standIn.clearCalls();
    await weeklyJobsAt(h, new Date(DIGEST_AT.getTime() + HOUR));
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('"Nudge kindly" sends nothing to a student who paused their nudges, and says so', async () => {
    await seedWeek(h);
    await h.db.member.updateMany({
      where: { workspaceId: TEAM.id, slackUserId: DANA.id },
      data: { pausedUntil: new Date(DIGEST_AT.getTime() + 7 * DAY) },
    });
    await weeklyJobsAt(h, DIGEST_AT);
    const note = await dmTo(h, FRAN.id);
    const nudge = findElements(blocksOf(note), COHORT_DIGEST_ACTIONS.nudgeKindly)[0];
    if (!nudge) throw new Error('no Nudge kindly button');
    h.standIn.clearCalls();
    const res = await h.driver.blockAction(
      FRAN.id,
      { action_id: COHORT_DIGEST_ACTIONS.nudgeKindly, block_id: nudge.block_id, value: nudge.value },
      { message: messageOf(note) },
    );
    expect(res.status).toBe(200);
    await h.settle();
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === DANA.id)).toHaveLength(0);
    const updated = h.standIn.callsTo('chat.update')[0];
    expect(visibleText({ blocks: blocksOf(updated as RecordedCall) })).toContain(
      `<@${DANA.id}> has paused their nudges for now, so I won't send one.`,
    );
  });

  it('sends no note when nobody who shares is quiet', async () => {
    await seedWeek(h);
    h.clock.set('2026-03-13T10:00:00Z');
    await seedTarget(h, DANA.id, { name: 'Someone New' });
    await weeklyJobsAt(h, DIGEST_AT);
    expect(channelPosts(h)).toHaveLength(1);
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === FRAN.id)).toHaveLength(0);
    expect(await h.db.cohortPost.findFirst({ where: { kind: 'stalled' } })).toMatchObject({
      status: 'skipped',
    });
  });

  it('refuses a crafted "Nudge kindly" naming a cohort or student the clicker does not facilitate', async () => {
    const cohort = await seedWeek(h);
    const dana = cohort.memberIds.get(DANA.id) ?? '';
    const eve = cohort.memberIds.get(EVE.id) ?? '';
    // Another workspace's cohort, with a quiet student of its own.
    await h.db.workspace.create({ data: { id: OTHER_TEAM.id } });
    const other = await seedCohort(h.db, {
      workspaceId: OTHER_TEAM.id,
      channelId: 'C0OTHERCOHORT',
      facilitators: ['U0OTHERFAC'],
      students: ['U0OTTO'],
      now: JOINED,
    });
    const otto = other.memberIds.get('U0OTTO') ?? '';
    h.clock.set(DIGEST_AT);
    const crafted = [
      { who: ALICE.id, value: encodeNudgeTarget(cohort.cohortId, dana) }, // a student, not a facilitator
      { who: FRAN.id, value: encodeNudgeTarget(cohort.cohortId, eve) }, // a student who shares nothing
      { who: FRAN.id, value: encodeNudgeTarget(other.cohortId, otto) }, // another workspace's cohort
      { who: FRAN.id, value: encodeNudgeTarget(cohort.cohortId, otto) }, // not a student of this cohort
      { who: FRAN.id, value: 'not a target' },
    ];
    for (const { who, value } of crafted) {
      h.standIn.clearCalls();
      const dm = h.standIn.dmChannelFor(TEAM.id, who);
      const res = await h.driver.blockAction(
        who,
        { action_id: COHORT_DIGEST_ACTIONS.nudgeKindly, value },
        { message: { channelId: dm, ts: '1773666000.000100', blocks: [] } },
      );
      expect(res.status).toBe(200);
      await h.settle();
      const shown = h.standIn.callsTo('response_url').map((c) => String(c.args.text));
      expect(shown.join('\n')).toContain("I can't find that student in a cohort you facilitate.");
      expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
      expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    }
    expect(await h.db.cohortPost.count({ where: { kind: 'kind_nudge' } })).toBe(0);
  });

  it('shows a facilitator their cohorts on the App Home, and a student none of it', async () => {
    await seedWeek(h);
    h.clock.set('2026-03-13T15:00:00Z');
    const fran = await openHome(h, FRAN.id);
    const view = fran.args.view as { blocks: { block_id?: string }[] };
    expect(view.blocks.some((b) => b.block_id === COHORT_HOME_BLOCK_ID)).toBe(true);
    const text = visibleText(view);
    expect(text).toContain('*Cohorts you facilitate*');
    expect(text).toContain('*Spring cohort* · <#C0COHORT>');
    expect(text).toContain('Since Mon 9 Mar, 09:00: 3 conversations');
    expect(text).toContain('3 conversations · 3 asks sent');
    expect(text).toContain(
      '3 of 5 students met the weekly goal of 1 conversation · 1 student quiet for 14+ days',
    );
    expectNothingPrivate(everyString(view));

    const alice = await openHome(h, ALICE.id);
    const aliceView = alice.args.view as { blocks: { block_id?: string }[] };
    expect(aliceView.blocks.some((b) => b.block_id === COHORT_HOME_BLOCK_ID)).toBe(false);
  });
});
