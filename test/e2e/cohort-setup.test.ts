// `/coach cohort setup` end to end: a facilitator sets a channel's cohort up (everyone in the channel
// joins, bots left out, every page of members read), an admin may change it, a student may not (at the
// modal, nor with a crafted submission), the app must be in the channel, and a second copy of a
// submission changes nothing. On SQLite and (when configured) Postgres.
import { describe, expect, it } from 'vitest';
import type { StandInUser } from '../../src/sandbox';
import { fillView } from '../../src/sandbox/slack-driver';
import { MEMBERS_PAGE } from '../../src/slack/channels';
import { COHORT_SETUP_BLOCKS } from '../../src/slack/views/cohort-setup';
import {
  ADA,
  addChannel,
  CHANNEL,
  COHORT_PEOPLE,
  cohortModalIn,
  dmsTo,
  FRAN,
  GUS,
  OWEN,
  postsIn,
  roster,
} from '../support/cohort-play';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, HELPER_BOT, TEAM } from '../support/fixtures';
import { errorsLogged, useHarness } from '../support/harness';
import { everyString, inputByLabel, submitModal, visibleText } from '../support/slack-play';

/** More students than one page of conversations.members holds. */
const MANY: StandInUser[] = Array.from({ length: MEMBERS_PAGE + 3 }, (_, i) => ({
  id: `U0S${String(i).padStart(4, '0')}`,
  teamId: TEAM.id,
  name: `student${i}`,
}));

const SETTINGS = {
  'Cohort name': 'Spring UX cohort',
  'Weekly conversations per student': '2',
  'Digest day': 'Wednesday',
  'Digest time': '10:30',
};

describe.each(DATABASE_KINDS)('/coach cohort setup on $kind', ({ create }) => {
  const h = useHarness({ database: create, users: [...COHORT_PEOPLE, ...MANY] });

  it('sets up the cohort for a facilitator: every person in the channel (all pages) joins, bots do not', async () => {
    addChannel(h, [FRAN.id, ALICE.id, HELPER_BOT.id, BOB.id, ...MANY.map((u) => u.id)]);
    const view = await cohortModalIn(h, FRAN.id, 'setup');
    const shown = visibleText(view);
    expect(shown).toContain('Set up a cohort');
    expect(shown).toContain(`<@${FRAN.id}>`); // whoever sets it up facilitates it
    expect(shown).toContain('America/Chicago'.replace('_', ' ')); // Fran's own timezone
    expect(shown).not.toContain("I'm not in this channel");
    const channel = inputByLabel(view, 'Channel')?.element as Record<string, unknown>;
    expect(channel).toMatchObject({ initial_conversation: CHANNEL, default_to_current_conversation: true });

    const res = await submitModal(h, FRAN.id, view, SETTINGS);
    expect(res.json).toMatchObject({ response_action: 'update' });
    const saved = visibleText((res.json as { view: unknown }).view);
    expect(saved).toContain('Spring UX cohort* is set up');
    expect(saved).toContain('2 conversations a week');
    expect(saved).toContain('Wednesdays at 10:30 (America/Chicago)');
    await h.settle();

    const cohort = await h.db.cohort.findFirstOrThrow({
      where: { workspaceId: TEAM.id, channelId: CHANNEL },
    });
    expect(cohort).toMatchObject({
      name: 'Spring UX cohort',
      weeklyGoal: 2,
      digestWeekday: 3,
      digestHour: 10,
      digestMinute: 30,
      tz: 'America/Chicago',
      welcomeJoiners: true,
      createdByUserId: FRAN.id,
    });
    const people = await roster(h);
    expect(people[FRAN.id]).toBe('facilitator');
    expect(people[ALICE.id]).toBe('student');
    expect(people[BOB.id]).toBe('student');
    expect(people[MANY.at(-1)?.id as string]).toBe('student');
    expect(people[HELPER_BOT.id]).toBeUndefined();
    expect(people[TEAM.botUserId]).toBeUndefined();
    expect(Object.keys(people)).toHaveLength(3 + MANY.length);
    const pages = h.standIn.callsTo('conversations.members');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.some((c) => typeof c.args.cursor === 'string' && c.args.cursor !== '')).toBe(true);

    // One short note in the channel; nobody present at setup gets a welcome DM.
    const [note, ...more] = postsIn(h);
    expect(more).toEqual([]);
    const text = visibleText({ text: note?.args.text, blocks: note?.args.blocks });
    expect(text).toContain('Spring UX cohort');
    expect(text).toContain('private');
    expect(text).toContain('/coach cohort sharing');
    expect(text).toContain(`<@${FRAN.id}>`);
    expect(dmsTo(h, ALICE.id)).toEqual([]);
    expect(dmsTo(h, BOB.id)).toEqual([]);
    expect(errorsLogged(h)).toEqual([]);
  });

  it('lets a workspace admin (or owner) who facilitates nothing change the cohort', async () => {
    addChannel(h, [FRAN.id, ALICE.id, BOB.id]);
    await seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: CHANNEL,
      facilitators: [FRAN.id],
      students: [ALICE.id, BOB.id],
    });

    const view = await cohortModalIn(h, ADA.id, 'setup');
    const shown = visibleText(view);
    expect(shown).toContain('Cohort settings');
    expect(shown).toContain('Spring cohort'); // the cohort's own settings, not a new cohort's
    expect(shown).toContain(`<@${FRAN.id}>`);
    expect(shown).not.toContain(`<@${ADA.id}>`);
    await submitModal(h, ADA.id, view, { 'Weekly conversations per student': '3' });
    await h.settle();
    expect(await h.db.cohort.findFirstOrThrow({ where: { channelId: CHANNEL } })).toMatchObject({
      name: 'Spring cohort',
      weeklyGoal: 3,
    });
    expect(await roster(h)).toEqual({ [ALICE.id]: 'student', [BOB.id]: 'student', [FRAN.id]: 'facilitator' });
    expect(postsIn(h)).toEqual([]); // a change is not announced again

    const owners = await cohortModalIn(h, OWEN.id, 'setup');
    await submitModal(h, OWEN.id, owners, { 'Digest day': 'Friday' });
    expect((await h.db.cohort.findFirstOrThrow({ where: { channelId: CHANNEL } })).digestWeekday).toBe(5);
  });

  it('tells a student who can change the cohort, and a crafted submission from them changes nothing', async () => {
    addChannel(h, [FRAN.id, GUS.id, ALICE.id, BOB.id]);
    await seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: CHANNEL,
      facilitators: [FRAN.id, GUS.id],
      students: [ALICE.id, BOB.id],
    });
    const refused = await cohortModalIn(h, ALICE.id, 'setup');
    const said = visibleText(refused);
    expect(said).toContain(`<@${FRAN.id}> and <@${GUS.id}>`);
    expect(said).toContain('or a workspace admin');
    expect(refused.blocks.some((b) => (b as { type: string }).type === 'input')).toBe(false);

    // Alice submits the facilitator's form as if it were hers, naming herself the facilitator.
    const frans = await cohortModalIn(h, FRAN.id, 'setup');
    const before = await h.db.cohort.findFirstOrThrow({ where: { channelId: CHANNEL } });
    h.standIn.clearCalls();
    const res = await h.driver.submitView(
      ALICE.id,
      frans,
      fillView(frans, {
        'Cohort name': 'Alice’s cohort',
        Facilitators: [ALICE.id],
        'Welcome new members': 'no',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(visibleText((res.json as { view: unknown }).view)).toContain(`<@${FRAN.id}> and <@${GUS.id}>`);
    await h.settle();
    expect(await h.db.cohort.findFirstOrThrow({ where: { channelId: CHANNEL } })).toEqual(before);
    expect(await roster(h)).toEqual({
      [ALICE.id]: 'student',
      [BOB.id]: 'student',
      [FRAN.id]: 'facilitator',
      [GUS.id]: 'facilitator',
    });
    expect(postsIn(h)).toEqual([]);
    // The refused copy did not use up the submission: Fran's own save of the same form still works.
    await submitModal(h, FRAN.id, frans, { 'Cohort name': 'Spring cohort, renamed' });
    expect((await h.db.cohort.findFirstOrThrow({ where: { channelId: CHANNEL } })).name).toBe(
      'Spring cohort, renamed',
    );
  });

  it('refuses a crafted submission for a channel without a cohort from someone not in it', async () => {
    addChannel(h, [FRAN.id, ALICE.id]);
    addChannel(h, [FRAN.id], { id: 'C0OTHER', name: 'other' });
    const view = await cohortModalIn(h, ALICE.id, 'setup');
    const res = await submitModal(h, ALICE.id, view, { ...SETTINGS, Channel: 'C0OTHER' });
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [COHORT_SETUP_BLOCKS.channel.blockId]: expect.stringContaining('Only someone in that channel'),
      },
    });
    expect(await h.db.cohort.count()).toBe(0);
  });

  it('says how to add the app when it is not in the channel, on the channel block', async () => {
    addChannel(h, [FRAN.id, ALICE.id], { id: 'C0LOBBY', name: 'lobby', appIn: false });
    addChannel(h, [FRAN.id], { id: 'C0SECRET', name: 'secret', appIn: false, isPrivate: true });
    const view = await cohortModalIn(h, FRAN.id, 'setup', 'C0LOBBY');
    expect(visibleText(view)).toContain('/invite @Networking Coach');
    for (const channel of ['C0LOBBY', 'C0SECRET']) {
      const res = await submitModal(h, FRAN.id, view, { ...SETTINGS, Channel: channel });
      expect(res.json).toMatchObject({ response_action: 'errors' });
      const errors = (res.json as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors)).toEqual([COHORT_SETUP_BLOCKS.channel.blockId]);
      expect(errors[COHORT_SETUP_BLOCKS.channel.blockId]).toContain('/invite @Networking Coach');
    }
    expect(await h.db.cohort.count()).toBe(0);
  });

  it('keeps the typing and says what is wrong: a bad goal, no facilitator, a bot as facilitator', async () => {
    addChannel(h, [FRAN.id, ALICE.id, HELPER_BOT.id]);
    const view = await cohortModalIn(h, FRAN.id, 'setup');
    const res = await submitModal(h, FRAN.id, view, {
      ...SETTINGS,
      'Weekly conversations per student': '9',
      Facilitators: [],
    });
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [COHORT_SETUP_BLOCKS.goal.blockId]: 'Pick 1 to 7 conversations a week.',
        [COHORT_SETUP_BLOCKS.facilitators.blockId]: expect.stringContaining('at least one facilitator'),
      },
    });
    const bot = await submitModal(h, FRAN.id, view, { ...SETTINGS, Facilitators: [FRAN.id, HELPER_BOT.id] });
    expect(bot.json).toMatchObject({
      response_action: 'errors',
      errors: { [COHORT_SETUP_BLOCKS.facilitators.blockId]: expect.stringContaining('helper') },
    });
    expect(await h.db.cohort.count()).toBe(0);
  });

  it('makes a facilitator taken off the list a student while they are in the channel, and drops one who is not', async () => {
    addChannel(h, [FRAN.id, GUS.id, ALICE.id]);
    await seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: CHANNEL,
      facilitators: [FRAN.id, GUS.id, BOB.id], // Bob is not in the channel
      students: [ALICE.id],
    });
    const view = await cohortModalIn(h, FRAN.id, 'setup');
    await submitModal(h, FRAN.id, view, { Facilitators: [FRAN.id] });
    await h.settle();
    expect(await roster(h)).toEqual({ [ALICE.id]: 'student', [FRAN.id]: 'facilitator', [GUS.id]: 'student' });
    // Gus no longer facilitates: he may not change it now.
    expect(visibleText(await cohortModalIn(h, GUS.id, 'setup'))).toContain('can be changed only by');
  });

  it('applies a submission once: the same submission delivered twice sets up one cohort and posts one note', async () => {
    addChannel(h, [FRAN.id, ALICE.id]);
    const view = await cohortModalIn(h, FRAN.id, 'setup');
    const body = h.driver.viewSubmissionBody(FRAN.id, view, fillView(view, SETTINGS));
    const [first, second] = await Promise.all([
      h.driver.post(body, 'application/x-www-form-urlencoded'),
      h.driver.post(body, 'application/x-www-form-urlencoded'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.settle();
    expect(await h.db.cohort.count()).toBe(1);
    expect(postsIn(h)).toHaveLength(1);
    expect(errorsLogged(h)).toEqual([]);
  });

  it('answers in a DM with where to type it', async () => {
    const res = await h.driver.command(FRAN.id, 'cohort setup');
    expect((res.json as { text: string }).text).toContain("your cohort's channel");
    expect(h.standIn.callsTo('views.open')).toEqual([]);
  });

  it('keeps two workspaces apart: the same channel id and people elsewhere are left alone', async () => {
    const OTHER = 'T0OTHER';
    addChannel(h, [FRAN.id, ALICE.id]);
    await h.db.workspace.create({ data: { id: OTHER } });
    const theirs = await seedCohort(h.db, {
      workspaceId: OTHER,
      channelId: CHANNEL,
      facilitators: [ALICE.id],
      students: [FRAN.id],
      settings: { name: 'Their cohort' },
    });
    const view = await cohortModalIn(h, FRAN.id, 'setup');
    expect(visibleText(view)).toContain('Set up a cohort'); // theirs is not this workspace's cohort
    expect(everyString(view)).not.toContain('Their cohort');
    await submitModal(h, FRAN.id, view, SETTINGS);
    await h.settle();
    expect(await roster(h)).toEqual({ [ALICE.id]: 'student', [FRAN.id]: 'facilitator' });
    expect(await roster(h, OTHER)).toEqual({ [ALICE.id]: 'facilitator', [FRAN.id]: 'student' });
    expect(await h.db.cohort.findFirstOrThrow({ where: { id: theirs.cohortId } })).toMatchObject({
      name: 'Their cohort',
      workspaceId: OTHER,
    });
  });
});
