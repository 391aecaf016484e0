// People joining and leaving a cohort's channel, end to end: a joiner becomes a student and gets one
// welcome DM whose buttons work, however often Slack delivers the join (the same event again, another
// event for the same join, two at once); bots never join; leaving stops them being counted; a
// facilitator coming back stays one; a welcome that could not be sent is sent by a later delivery.
import { describe, expect, it } from 'vitest';
import { OPEN } from '../../src/slack/views/action-ids';
import { COHORT_SHARING_ACTIONS } from '../../src/slack/views/cohort-sharing';
import { addChannel, CHANNEL, COHORT_PEOPLE, dmsTo, FRAN, join, leave, roster } from '../support/cohort-play';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, HELPER_BOT, TEAM } from '../support/fixtures';
import { errorsLogged, useHarness } from '../support/harness';
import { findElement, messageOf, viewOf, visibleText } from '../support/slack-play';

describe.each(DATABASE_KINDS)('a cohort channel’s members on $kind', ({ create }) => {
  const h = useHarness({ database: create, users: COHORT_PEOPLE });

  async function cohort(settings: { welcomeJoiners?: boolean; weeklyGoal?: number } = {}) {
    addChannel(h, [FRAN.id, ALICE.id]);
    return seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: CHANNEL,
      facilitators: [FRAN.id],
      students: [ALICE.id],
      settings: { name: 'Spring UX cohort', weeklyGoal: 2, ...settings },
    });
  }

  it('welcomes a joiner once, with buttons that start the work and change what they share', async () => {
    await cohort();
    await join(h, BOB.id, { eventId: 'Ev0JOIN1' });
    expect((await roster(h))[BOB.id]).toBe('student');
    const [welcome, ...more] = dmsTo(h, BOB.id);
    expect(more).toEqual([]);
    if (!welcome) throw new Error('no welcome DM');
    const text = visibleText({ text: welcome.args.text, blocks: welcome.args.blocks });
    expect(text).toContain('Welcome to *Spring UX cohort*');
    expect(text).toContain('2 conversations a week');
    expect(text).toContain(`<@${FRAN.id}> runs it`);
    expect(text).toContain('counts only');
    expect(text).toContain('stay private');

    // Bob presses "Add a target" in the DM, as he would in Slack: the add modal opens.
    const message = messageOf(welcome);
    const add = findElement(message.blocks, OPEN.addTarget);
    h.standIn.clearCalls();
    await h.driver.blockAction(
      BOB.id,
      { action_id: OPEN.addTarget, block_id: add?.block_id, value: add?.value },
      { message },
    );
    expect(visibleText(viewOf(await h.standIn.waitForCall('views.update')))).toContain('Add a target');
    const ask = findElement(message.blocks, OPEN.ask);
    h.standIn.clearCalls();
    await h.driver.blockAction(
      BOB.id,
      { action_id: OPEN.ask, block_id: ask?.block_id, value: ask?.value },
      { message },
    );
    expect(visibleText(viewOf(await h.standIn.waitForCall('views.update')))).toContain('Draft an ask');
    const share = findElement(message.blocks, COHORT_SHARING_ACTIONS.open);
    h.standIn.clearCalls();
    await h.driver.blockAction(
      BOB.id,
      { action_id: COHORT_SHARING_ACTIONS.open, block_id: share?.block_id, value: share?.value },
      { message },
    );
    expect(visibleText(viewOf(await h.standIn.waitForCall('views.update')))).toContain('What my cohort sees');
    await h.settle();
    h.standIn.clearCalls();

    // Slack redelivers the same event, then sends another event for the same join: no second DM.
    await join(h, BOB.id, { eventId: 'Ev0JOIN1', retryNum: 1 });
    await join(h, BOB.id, { eventId: 'Ev0JOIN2' });
    expect(dmsTo(h, BOB.id)).toEqual([]);
    expect(await h.db.cohortMembership.count({ where: { member: { slackUserId: BOB.id } } })).toBe(1);
    expect(errorsLogged(h)).toEqual([]);
  });

  it('sends one welcome when two deliveries of the join arrive at once (two replicas)', async () => {
    await cohort();
    h.standIn.addMember(CHANNEL, BOB.id);
    const event = {
      type: 'member_joined_channel',
      user: BOB.id,
      channel: CHANNEL,
      channel_type: 'C',
      team: TEAM.id,
    };
    const answers = await Promise.all([
      h.driver.event(event, { eventId: 'Ev0TWIN1' }),
      h.driver.event(event, { eventId: 'Ev0TWIN2' }),
      h.driver.event(event, { eventId: 'Ev0TWIN3' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await h.settle();
    expect(dmsTo(h, BOB.id)).toHaveLength(1);
    expect((await roster(h))[BOB.id]).toBe('student');
    expect(errorsLogged(h)).toEqual([]);
  });

  it('leaves bots out, the app itself included', async () => {
    await cohort();
    await join(h, HELPER_BOT.id);
    await join(h, TEAM.botUserId);
    expect(await roster(h)).toEqual({ [ALICE.id]: 'student', [FRAN.id]: 'facilitator' });
    expect(h.standIn.callsTo('chat.postMessage')).toEqual([]);
    // The app knows its own user without asking Slack.
    expect(h.standIn.callsTo('users.info').filter((c) => c.args.user === TEAM.botUserId)).toEqual([]);
  });

  it('stops counting someone who leaves; coming back counts them again without a second welcome', async () => {
    await cohort();
    await join(h, BOB.id);
    await leave(h, BOB.id);
    expect((await roster(h))[BOB.id]).toBeUndefined();
    const people = await h.db.cohortMembership.findMany({
      where: { leftAt: null, cohort: { channelId: CHANNEL } },
    });
    expect(people).toHaveLength(2);
    await join(h, BOB.id);
    expect((await roster(h))[BOB.id]).toBe('student');
    expect(dmsTo(h, BOB.id)).toHaveLength(1);
  });

  it('keeps a facilitator a facilitator when they leave and come back, without a welcome', async () => {
    await cohort();
    await leave(h, FRAN.id);
    expect((await roster(h))[FRAN.id]).toBeUndefined();
    await join(h, FRAN.id);
    expect((await roster(h))[FRAN.id]).toBe('facilitator');
    expect(dmsTo(h, FRAN.id)).toEqual([]);
  });

  it('adds a joiner without a DM when the cohort does not welcome joiners', async () => {
    await cohort({ welcomeJoiners: false });
    await join(h, BOB.id);
    expect((await roster(h))[BOB.id]).toBe('student');
    expect(dmsTo(h, BOB.id)).toEqual([]);
  });

  it('gives the welcome back when the DM fails, so a later delivery of the join sends it', async () => {
    await cohort();
    h.standIn.faults.set('chat.postMessage', { kind: 'slack_error', error: 'ratelimited', times: 1 });
    await join(h, BOB.id, { eventId: 'Ev0FAIL1' });
    expect(dmsTo(h, BOB.id)).toEqual([]);
    expect((await roster(h))[BOB.id]).toBe('student');
    await join(h, BOB.id, { eventId: 'Ev0FAIL2' });
    expect(dmsTo(h, BOB.id)).toHaveLength(1);
    await join(h, BOB.id, { eventId: 'Ev0FAIL3' });
    expect(dmsTo(h, BOB.id)).toHaveLength(1);
  });

  it('ignores channels without a cohort, and another workspace’s cohort on the same channel id', async () => {
    addChannel(h, [ALICE.id]);
    await h.db.workspace.create({ data: { id: 'T0OTHER' } });
    await seedCohort(h.db, {
      workspaceId: 'T0OTHER',
      channelId: CHANNEL,
      facilitators: [FRAN.id],
      students: [],
    });
    await join(h, BOB.id);
    expect(await h.db.cohortMembership.count({ where: { member: { slackUserId: BOB.id } } })).toBe(0);
    expect(h.standIn.callsTo('users.info')).toEqual([]);
    expect(dmsTo(h, BOB.id)).toEqual([]);
  });
});
