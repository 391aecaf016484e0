// What a member's cohort sees of them, end to end: `/coach cohort sharing` opens the choice (counts
// only by default, intros off), saving says what changed, and the App Home's "Your cohort" shows it
// (only to members in a cohort), with a button that opens the choice again. Workspaces stay apart.
import { describe, expect, it } from 'vitest';
import { COHORT_SHARING_ACTIONS, HOME_COHORT_BLOCK_ID } from '../../src/slack/views/cohort-sharing';
import { addChannel, CHANNEL, COHORT_PEOPLE, FRAN } from '../support/cohort-play';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import {
  findElement,
  homeOf,
  openHome,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

describe.each(DATABASE_KINDS)('what I share with my cohort, on $kind', ({ create }) => {
  const h = useHarness({ database: create, users: COHORT_PEOPLE });

  async function cohort() {
    addChannel(h, [FRAN.id, ALICE.id]);
    return seedCohort(h.db, {
      workspaceId: TEAM.id,
      channelId: CHANNEL,
      facilitators: [FRAN.id],
      students: [ALICE.id],
      settings: { name: 'Spring UX cohort' },
    });
  }

  const choiceOf = (userId: string, workspaceId = TEAM.id) =>
    h.db.member.findUniqueOrThrow({
      where: { workspaceId_slackUserId: { workspaceId, slackUserId: userId } },
      select: { cohortSharing: true, introsOpen: true },
    });

  it('saves the choice, says what changed, and shows it on the Home tab', async () => {
    await cohort();
    const view = await openModal(h, ALICE.id, 'cohort sharing');
    const shown = visibleText(view);
    expect(shown).toContain('Counts only (the default)');
    expect(shown).toContain('*Spring UX cohort*');
    expect(shown).toContain('stay private');
    const radios = view.blocks.find(
      (b) => (b as { block_id?: string }).block_id === 'cohort_sharing_choice',
    ) as {
      element: { initial_option?: { value: string } };
    };
    expect(radios.element.initial_option?.value).toBe('counts');

    const res = await submitModal(h, ALICE.id, view, {
      'What my cohort sees': 'named',
      'Warm intros': true,
    });
    expect(res.json).toMatchObject({ response_action: 'update' });
    const said = visibleText((res.json as { view: unknown }).view);
    expect(said).toContain('now sees *counts, and your name in shout-outs*');
    expect(said).toContain('(before: counts only)');
    expect(said).toContain('Classmates may now ask you for warm intros');
    expect(await choiceOf(ALICE.id)).toEqual({ cohortSharing: 'named', introsOpen: true });

    const home = visibleText(await homeOf(h, ALICE.id));
    expect(home).toContain('*Your cohort*: *Spring UX cohort*');
    expect(home).toContain('What your cohort sees: *counts, and your name in shout-outs*');
    expect(home).toContain('Warm intros: *on* (classmates may ask you)');

    // Saving the same again says nothing changed.
    const again = await openModal(h, ALICE.id, 'cohort sharing');
    const same = await submitModal(h, ALICE.id, again, {});
    expect(visibleText((same.json as { view: unknown }).view)).toContain('Nothing changed');
  });

  it('opens the choice from the Home tab button, and back to counts only says so', async () => {
    await cohort();
    await h.db.member.updateMany({ where: { slackUserId: ALICE.id }, data: { cohortSharing: 'none' } });
    const home = await openHome(h, ALICE.id);
    const published = (home.args.view as { blocks: unknown[] }).blocks;
    expect(visibleText(published)).toContain('only part of the anonymous totals');
    const change = findElement(published, COHORT_SHARING_ACTIONS.open);
    expect(change?.block_id).toBe(HOME_COHORT_BLOCK_ID);
    h.standIn.clearCalls();
    const homeView = h.standIn.homeView(TEAM.id, ALICE.id);
    if (!homeView) throw new Error('no Home');
    await h.driver.blockAction(
      ALICE.id,
      { action_id: COHORT_SHARING_ACTIONS.open, block_id: change?.block_id, value: change?.value },
      { view: homeView as never },
    );
    const view = viewOf(await h.standIn.waitForCall('views.update'));
    const res = await submitModal(h, ALICE.id, view, { 'What my cohort sees': 'counts' });
    expect(visibleText((res.json as { view: unknown }).view)).toContain('(before: nothing');
    expect(await choiceOf(ALICE.id)).toEqual({ cohortSharing: 'counts', introsOpen: false });
  });

  it('shows no cohort section to someone in no cohort, and the modal says when the choice applies', async () => {
    await cohort();
    const home = visibleText(((await openHome(h, BOB.id)).args.view as { blocks: unknown[] }).blocks);
    expect(home).not.toContain('Your cohort');
    expect(visibleText(await openModal(h, BOB.id, 'cohort sharing'))).toContain("You're not in a cohort yet");
  });

  it('changes the member of this workspace only', async () => {
    await cohort();
    await h.db.workspace.create({ data: { id: 'T0OTHER' } });
    await seedCohort(h.db, {
      workspaceId: 'T0OTHER',
      channelId: CHANNEL,
      facilitators: [FRAN.id],
      students: [ALICE.id],
      settings: { name: 'Their cohort' },
    });
    const view = await openModal(h, ALICE.id, 'cohort sharing');
    expect(visibleText(view)).not.toContain('Their cohort');
    await submitModal(h, ALICE.id, view, { 'What my cohort sees': 'none', 'Warm intros': true });
    expect(await choiceOf(ALICE.id)).toEqual({ cohortSharing: 'none', introsOpen: true });
    expect(await choiceOf(ALICE.id, 'T0OTHER')).toEqual({ cohortSharing: 'counts', introsOpen: false });
    const home = visibleText(await homeOf(h, ALICE.id));
    expect(home).toContain('Spring UX cohort');
    expect(home).not.toContain('Their cohort');
  });
});
