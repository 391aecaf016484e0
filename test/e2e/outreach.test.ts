// The outreach flows end to end over signed HTTP against the Slack stand-in: add targets, draft an
// ask (check it, reword it, edit it, mark it sent), prepare questions, book the chat, set goals, and
// keep one member's data away from another. Every test starts from a fresh app; most start from
// Alice's three targets (Sam Lee; Jane Doe, whom Sam suggested; Jane Smith), put in directly.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { scheduleChat } from '../../src/services/prep';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_ACTIONS, ASK_BLOCKS, ASK_CALLBACK_ID, ASK_EDIT_CALLBACK_ID } from '../../src/slack/views/ask';
import { GOAL_BLOCKS } from '../../src/slack/views/goal';
import { PICK_CONTACT_BLOCKS } from '../../src/slack/views/pick-contact';
import { PREP_ACTIONS, SCHEDULE_BLOCKS } from '../../src/slack/views/prep';
import { ALICE, BOB, TEAM } from '../support/fixtures';
import { errorsLogged, type Harness, useHarness } from '../support/harness';
import { seedTarget } from '../support/seed';
import {
  blocksOf,
  dmTo,
  ephemeral,
  everyString,
  findElement,
  homeOf,
  inputByLabel as inputBlock,
  openHome,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Monday 2 March 2026, 09:00 in New York (EST, UTC-5; DST starts on 8 March).
const START = '2026-03-02T14:00:00Z';

/** Alice's list as the /coach add test leaves it: Sam Lee, Jane Doe (suggested by Sam) and Jane Smith. */
async function seedTargets(h: Harness) {
  const sam = await seedTarget(h, ALICE.id, {
    name: 'Sam Lee',
    role: 'Research Manager',
    company: 'Acme Health',
    industry: 'Healthcare',
    why: 'Leads the research team I would love to join one day.',
  });
  const jane = await seedTarget(h, ALICE.id, {
    name: 'Jane Doe',
    role: 'UX Researcher',
    company: 'Acme Health',
    industry: 'Healthcare',
    why: 'She moved from teaching into UX research two years ago.',
    referredById: sam,
  });
  const janeSmith = await seedTarget(h, ALICE.id, {
    name: 'Jane Smith',
    role: 'Data Analyst',
    company: 'Globex',
    industry: 'Finance',
    why: 'Switched from nursing to analytics.',
  });
  return { sam, jane, janeSmith };
}

/** Alice drafts her ask to Jane Doe through the ask modal; returns the stored ask and where its DM is. */
async function draftAskToJane(h: Harness) {
  const view = await openModal(h, ALICE.id, 'ask jane doe');
  const res = await submitModal(h, ALICE.id, view, {
    'About you': 'moving from teaching to UX research',
    Channel: 'LinkedIn',
  });
  expect(res.text).toBe('');
  const dm = await dmTo(h, ALICE.id);
  expect(dm.response?.ok).toBe(true);
  const ask = await h.db.ask.findFirstOrThrow({ where: { contact: { name: 'Jane Doe' } } });
  return { dm, ask: ask.id, where: { channelId: String(dm.response?.channel), ts: String(dm.response?.ts) } };
}

const JOB_ASK =
  'Hi Jane, I am moving from teaching to UX research. Are you hiring? I would love it if you could refer me for a role on your team.';

/** Opens the Edit modal from the draft's DM; returns the modal. */
async function openEdit(h: Harness, draft: Awaited<ReturnType<typeof draftAskToJane>>): Promise<ViewLike> {
  h.standIn.clearCalls();
  await h.driver.blockAction(
    ALICE.id,
    { action_id: ASK_ACTIONS.edit, value: draft.ask },
    { message: draft.where },
  );
  return viewOf(await h.standIn.waitForCall('views.update'));
}

/** Alice asks for prep questions for Jane Doe; returns the prep DM. */
/** The values of the suggested questions in the own-questions modal's "keep" checkboxes. */
function keptOptions(view: ViewLike): string[] {
  const element = inputBlock(view, 'My questions to keep')?.element as
    | { options?: { value: string }[] }
    | undefined;
  return (element?.options ?? []).map((o) => o.value);
}

async function prepForJane(h: Harness): Promise<RecordedCall> {
  h.standIn.clearCalls();
  const res = await h.driver.command(ALICE.id, 'prep jane d');
  expect(res.json).toMatchObject({ response_type: 'ephemeral' });
  return dmTo(h, ALICE.id);
}

describe('outreach flows', () => {
  const h = useHarness({ start: START });
  // Every view and message of every test passed the stand-in's Block Kit checks: nothing logged an error.
  afterEach(() => {
    expect(errorsLogged(h)).toEqual([]);
  });

  it('adds targets with /coach add (one suggested by another)', async () => {
    async function addTarget(name: string, answers: Record<string, string>): Promise<string> {
      const view = await openModal(h, ALICE.id, `add ${name}`);
      const res = await submitModal(h, ALICE.id, view, answers);
      expect(res.text).toBe('');
      await dmTo(h, ALICE.id, (c) => String(c.args.text).includes(name));
      const row = await h.db.contact.findFirstOrThrow({ where: { name, owner: { slackUserId: ALICE.id } } });
      return row.id;
    }
    const sam = await addTarget('Sam Lee', {
      Role: 'Research Manager',
      Company: 'Acme Health',
      Industry: 'Healthcare',
      'Why them (their path)': 'Leads the research team I would love to join one day.',
    });
    const view = await openModal(h, ALICE.id, 'add Jane Doe');
    const res = await submitModal(h, ALICE.id, view, {
      Role: 'UX Researcher',
      Company: 'Acme Health',
      Industry: 'Healthcare',
      'Why them (their path)': 'She moved from teaching into UX research two years ago.',
      'Suggested by': sam,
    });
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id, (c) => String(c.args.text).includes('Jane Doe'));
    expect(String(dm.args.text)).toContain('2 of 8');
    const jane = await h.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
    expect(jane.referredById).toBe(sam);
    await addTarget('Jane Smith', {
      Role: 'Data Analyst',
      Company: 'Globex',
      Industry: 'Finance',
      'Why them (their path)': 'Switched from nursing to analytics.',
    });
    expect(await h.db.contact.count({ where: { owner: { slackUserId: ALICE.id } } })).toBe(3);
  });

  it('opens the add-target modal from the "Add a target" button', async () => {
    await seedTargets(h);
    await openHome(h, ALICE.id);
    const home = await homeOf(h, ALICE.id);
    h.standIn.clearCalls();
    await h.driver.blockAction(ALICE.id, { action_id: OPEN.addTarget, value: '' }, { view: home });
    const view = viewOf(await h.standIn.waitForCall('views.update'));
    expect(view.callback_id).toBe('add_target');
  });

  it('prefills the ask modal for exactly one match, and validates every field', async () => {
    const ids = await seedTargets(h);
    const view = await openModal(h, ALICE.id, 'ask JANE D');
    expect(view.callback_id).toBe(ASK_CALLBACK_ID);
    const person = inputBlock(view, 'Person');
    expect(person?.element?.initial_option?.value).toBe(ids.jane);
    expect(inputBlock(view, 'Why them')?.element?.initial_value).toContain('teaching into UX research');
    expect(inputBlock(view, 'Minutes to ask for')?.element?.initial_value).toBe('20');

    const bad = await submitModal(h, ALICE.id, view, { 'Minutes to ask for': '90' });
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: { [ASK_BLOCKS.minutes.blockId]: expect.stringContaining('10 to 45') },
    });
    const worse = await submitModal(h, ALICE.id, view, { 'Minutes to ask for': 'twenty' });
    expect(worse.json).toMatchObject({
      response_action: 'errors',
      errors: { [ASK_BLOCKS.minutes.blockId]: expect.any(String) },
    });
    expect(await h.db.ask.count()).toBe(0);
  });

  it('offers "Which one?" when a name fits several people', async () => {
    const ids = await seedTargets(h);
    const view = await openModal(h, ALICE.id, 'ask jane');
    const picker = inputBlock(view, 'Which one?');
    expect(picker?.element?.options?.map((o) => o.value)).toEqual([ids.jane, ids.janeSmith, 'new']);
    expect(picker?.element?.initial_option).toBeUndefined();
    const res = await submitModal(h, ALICE.id, view, {});
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: { [ASK_BLOCKS.person.blockId]: expect.any(String) },
    });
  });

  it('brings in the picked person’s reason when the picker changes', async () => {
    const ids = await seedTargets(h);
    const view = await openModal(h, ALICE.id, 'ask');
    h.standIn.clearCalls();
    const picker = inputBlock(view, 'Person');
    const option = picker?.element?.options?.find((o) => o.value === ids.janeSmith);
    const state = fillView(view, { Person: ids.janeSmith });
    await h.driver.blockAction(
      ALICE.id,
      {
        action_id: ASK_BLOCKS.person.actionId,
        block_id: ASK_BLOCKS.person.blockId,
        type: 'static_select',
        selected_option: option,
      },
      { view: { ...view, state: { values: state } }, state },
    );
    const updated = viewOf(await h.standIn.waitForCall('views.update', (c) => c.args.view_id === view.id));
    expect(inputBlock(updated, 'Why them')?.element?.initial_value).toContain('nursing to analytics');
  });

  it('DMs a draft under 120 words with the checker’s verdict and stores the ask', async () => {
    const ids = await seedTargets(h);
    const { dm } = await draftAskToJane(h);
    const blocks = blocksOf(dm);
    const all = visibleText(dm.args);
    expect(all).toContain('Sam Lee suggested I reach out');
    expect(all).toContain('```');
    expect(all).toContain('✓ Ready to send');
    for (const id of [ASK_ACTIONS.edit, ASK_ACTIONS.another, ASK_ACTIONS.markSent])
      expect(findElement(blocks, id)).toBeDefined();

    const ask = await h.db.ask.findFirstOrThrow({ where: { contactId: ids.jane } });
    expect(ask).toMatchObject({ channel: 'linkedin', minutes: 20, variant: 0, sentAt: null });
    expect(ask.text.split(/\s+/).length).toBeLessThanOrEqual(120);
    expect(ask.text).toContain('Sam Lee suggested I reach out');
    expect(ask.text).toMatch(/20[- ]minute/);
    const member = await h.db.member.findFirstOrThrow({ where: { slackUserId: ALICE.id } });
    expect(member.about).toBe('moving from teaching to UX research');
  });

  it('signs the draft with the real name from Slack, and never keeps a job ask typed into About you', async () => {
    await seedTargets(h);
    const { dm } = await draftAskToJane(h);
    const first = await h.db.ask.findFirstOrThrow({ where: { contact: { name: 'Jane Doe' } } });
    expect(first.text).toMatch(/\nAlice Chen$/);
    expect(visibleText(dm.args)).toContain('Alice Chen');

    h.standIn.clearCalls();
    const view = await openModal(h, ALICE.id, 'ask jane doe');
    const res = await submitModal(h, ALICE.id, view, {
      'About you': 'career changer looking for a job in UX, please refer me',
      Channel: 'LinkedIn',
    });
    expect(res.text).toBe('');
    const second = visibleText((await dmTo(h, ALICE.id)).args);
    expect(second).toContain("didn't keep it for next time");
    expect(second).not.toContain('refer me');
    const member = await h.db.member.findFirstOrThrow({ where: { slackUserId: ALICE.id } });
    expect(member.about).toBe('moving from teaching to UX research');

    h.standIn.clearCalls();
    const next = await openModal(h, ALICE.id, 'ask jane doe');
    expect(inputBlock(next, 'About you')?.element?.initial_value).toBe('moving from teaching to UX research');
  });

  it('"Another version" rewords the draft in place', async () => {
    await seedTargets(h);
    const draft = await draftAskToJane(h);
    h.standIn.clearCalls();
    const before = await h.db.ask.findUniqueOrThrow({ where: { id: draft.ask } });
    await h.driver.blockAction(
      ALICE.id,
      { action_id: ASK_ACTIONS.another, value: draft.ask },
      { message: draft.where },
    );
    const update = await h.standIn.waitForCall('chat.update');
    expect(update.response?.ok).toBe(true);
    expect(update.args).toMatchObject({ channel: draft.where.channelId, ts: draft.where.ts });
    const after = await h.db.ask.findUniqueOrThrow({ where: { id: draft.ask } });
    expect(after.variant).toBe(1);
    expect(after.text).not.toBe(before.text);
    expect(visibleText(update.args)).toContain(after.text.split('\n')[2]?.slice(0, 30) ?? 'missing');
  });

  it('keeps Alice’s draft away from Bob, even when he replays her button values', async () => {
    const ids = await seedTargets(h);
    const draft = await draftAskToJane(h);
    h.standIn.clearCalls();
    const bobDm = h.standIn.dmChannelFor(TEAM.id, BOB.id);
    await h.driver.blockAction(
      BOB.id,
      { action_id: ASK_ACTIONS.markSent, value: draft.ask },
      { message: { channelId: bobDm, ts: draft.where.ts } },
    );
    const reply = await h.standIn.waitForCall('response_url');
    expect(visibleText(reply.args)).toContain("couldn't find that draft");
    await h.driver.blockAction(
      BOB.id,
      { action_id: ASK_ACTIONS.another, value: draft.ask },
      { message: { channelId: bobDm, ts: draft.where.ts } },
    );
    const second = await h.standIn.waitForCall('response_url', (c) => c !== reply);
    expect(everyString(second.args)).not.toContain('Jane');
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    const ask = await h.db.ask.findUniqueOrThrow({ where: { id: draft.ask } });
    expect(ask).toMatchObject({ sentAt: null, variant: 0 });
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: ids.jane } })).stage).toBe('target');

    // Bob's own modal lists none of Alice's people.
    const view = await openModal(h, BOB.id, 'ask jane');
    expect(inputBlock(view, 'Person')).toBeUndefined();
    expect(inputBlock(view, 'Name')?.element?.initial_value).toBe('jane');
    const sent = everyString(view);
    for (const id of Object.values(ids)) expect(sent).not.toContain(id);
    expect(sent).not.toContain('Jane Doe');
  });

  it('Edit re-checks the member’s own words: a job ask is flagged with its fix', async () => {
    await seedTargets(h);
    const draft = await draftAskToJane(h);
    const modal = await openEdit(h, draft);
    expect(modal.callback_id).toBe(ASK_EDIT_CALLBACK_ID);
    const empty = await submitModal(h, ALICE.id, modal, { 'Your message': '' });
    expect(empty.json).toMatchObject({
      response_action: 'errors',
      errors: { ask_edit_text: expect.any(String) },
    });

    const res = await submitModal(h, ALICE.id, modal, { 'Your message': JOB_ASK });
    expect(res.text).toBe('');
    const update = await h.standIn.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: draft.where.channelId, ts: draft.where.ts });
    const all = visibleText(update.args);
    expect(all).toContain('request for a job');
    expect(all).toContain('Ask only to learn about their path');
    expect(everyString(update.args)).not.toContain('✓ Ready to send');
    expect(findElement(blocksOf(update), ASK_ACTIONS.markSent)).toBeDefined();
    expect((await h.db.ask.findUniqueOrThrow({ where: { id: draft.ask } })).text).toBe(JOB_ASK);
  });

  it('"Mark as sent" works even with issues: stage → asked, sentAt set, message updated in place', async () => {
    const ids = await seedTargets(h);
    const draft = await draftAskToJane(h);
    const modal = await openEdit(h, draft);
    await submitModal(h, ALICE.id, modal, { 'Your message': JOB_ASK });
    const flagged = await h.standIn.waitForCall('chat.update');
    expect(visibleText(flagged.args)).toContain('request for a job');

    h.standIn.clearCalls();
    h.clock.set('2026-03-02T15:00:00Z');
    await h.driver.blockAction(
      ALICE.id,
      { action_id: ASK_ACTIONS.markSent, value: draft.ask },
      { message: draft.where },
    );
    const update = await h.standIn.waitForCall('chat.update');
    const text = visibleText(update.args);
    expect(text).toContain('Marked as sent');
    expect(text).toContain('remind you once');
    expect(findElement(blocksOf(update), ASK_ACTIONS.markSent)).toBeUndefined();
    const ask = await h.db.ask.findUniqueOrThrow({ where: { id: draft.ask } });
    expect(ask.sentAt?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: ids.jane } })).stage).toBe('asked');
    await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === ALICE.id);
  });

  it('drafts for someone new: the typed name is prefilled and they join the list', async () => {
    await seedTargets(h);
    const view = await openModal(h, ALICE.id, 'ask Priya Patel');
    expect(inputBlock(view, 'Name')?.element?.initial_value).toBe('Priya Patel');
    expect(inputBlock(view, 'Person')?.element?.initial_option?.value).toBe('new');
    const noName = await submitModal(h, ALICE.id, view, { Name: '' });
    expect(noName.json).toMatchObject({
      response_action: 'errors',
      errors: { [ASK_BLOCKS.newName.blockId]: expect.any(String) },
    });
    const res = await submitModal(h, ALICE.id, view, {
      Role: 'Product Designer',
      Company: 'Initech',
      'Why them': 'Her talk on research ops',
      Channel: 'Email',
    });
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id);
    expect(visibleText(dm.args)).toContain('4 of 8 people on your list');
    const priya = await h.db.contact.findFirstOrThrow({ where: { name: 'Priya Patel' } });
    const ask = await h.db.ask.findFirstOrThrow({ where: { contactId: priya.id } });
    expect(ask.channel).toBe('email');
    expect(ask.text.startsWith('Subject: ')).toBe(true);
  });

  it('opens the ask modal from the shortcut and from a Draft-the-ask button', async () => {
    const ids = await seedTargets(h);
    h.standIn.clearCalls();
    await h.driver.shortcut(ALICE.id, 'draft_ask_shortcut');
    const fromShortcut = viewOf(await h.standIn.waitForCall('views.update'));
    expect(fromShortcut.callback_id).toBe(ASK_CALLBACK_ID);

    await openHome(h, ALICE.id);
    const home = await homeOf(h, ALICE.id);
    h.standIn.clearCalls();
    await h.driver.blockAction(ALICE.id, { action_id: OPEN.ask, value: ids.janeSmith }, { view: home });
    const fromButton = viewOf(await h.standIn.waitForCall('views.update'));
    expect(inputBlock(fromButton, 'Person')?.element?.initial_option?.value).toBe(ids.janeSmith);
  });

  it('/coach prep DMs 5–7 questions ending with "who else", after a research reminder', async () => {
    const ids = await seedTargets(h);
    const prepDm = await prepForJane(h);
    const lines = String(prepDm.args.text)
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBeLessThanOrEqual(7);
    expect(lines.at(-1)).toMatch(/who else/i);
    expect(visibleText(prepDm.args)).toContain('Research first');
    expect(findElement(blocksOf(prepDm), PREP_ACTIONS.schedule)?.value).toBe(ids.jane);
  });

  it('/coach prep answers kindly for unknown names and asks "Which one?" for several', async () => {
    const ids = await seedTargets(h);
    const none = await ephemeral(h, ALICE.id, 'prep Xavier');
    expect(visibleText(none)).toContain('No one called "Xavier" on your list yet');
    expect(visibleText(none)).toContain('Add Xavier');
    const view = await openModal(h, ALICE.id, 'prep jane');
    const picker = inputBlock(view, 'Which one?');
    expect(picker?.element?.options?.map((o) => o.value)).toEqual([ids.jane, ids.janeSmith]);
    const res = await submitModal(h, ALICE.id, view, { 'Which one?': ids.janeSmith });
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id);
    expect(String(dm.args.text)).toContain('Jane Smith');
    expect(PICK_CONTACT_BLOCKS.contact.blockId).toBe(picker?.block_id);
  });

  it('adds the member’s own questions before "who else", flagging what a search answers', async () => {
    await seedTargets(h);
    const prepDm = await prepForJane(h);
    h.standIn.clearCalls();
    const where = { channelId: String(prepDm.response?.channel), ts: String(prepDm.response?.ts) };
    const own = findElement(blocksOf(prepDm), PREP_ACTIONS.ownQuestions);
    await h.driver.blockAction(
      ALICE.id,
      { action_id: PREP_ACTIONS.ownQuestions, value: own?.value },
      { message: where },
    );
    const modal = viewOf(await h.standIn.waitForCall('views.update'));
    const tooMany = Array.from({ length: 6 }, (_, i) => `Question ${i}?`).join('\n');
    const bad = await submitModal(h, ALICE.id, modal, { 'Your questions (one a line)': tooMany });
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { prep_own: expect.any(String) } });
    const mine = 'What does your company do?\nWhat surprised you in your first year?';
    // Five suggestions, two of her own and "who else" make eight: she is asked to untick one.
    const eight = await submitModal(h, ALICE.id, modal, { 'Your questions (one a line)': mine });
    expect(eight.json).toEqual({
      response_action: 'errors',
      errors: { prep_keep: 'Keep 5–7 questions: untick 1 (or remove one of your own).' },
    });
    const suggested = keptOptions(modal);
    expect(suggested).toHaveLength(5);
    const res = await submitModal(h, ALICE.id, modal, {
      'Your questions (one a line)': mine,
      'My questions to keep': suggested.slice(1),
    });
    expect(res.text).toBe('');
    const update = await h.standIn.waitForCall('chat.update');
    const lines = String(update.args.text)
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toMatch(/who else/i);
    expect(lines.at(-2)).toContain('What surprised you');
    const seen = visibleText(update.args);
    expect(seen).toContain('A quick search answers this');
    expect(seen).toContain('Ask instead: “What surprised you about how Acme Health works from the inside?”');
  });

  it('/coach prep with three of her own questions: 9 would be too many, so she picks which to keep', async () => {
    await seedTargets(h);
    const prepDm = await prepForJane(h);
    const before = String(prepDm.args.text)
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(before).toHaveLength(6);
    h.standIn.clearCalls();
    const where = { channelId: String(prepDm.response?.channel), ts: String(prepDm.response?.ts) };
    const own = findElement(blocksOf(prepDm), PREP_ACTIONS.ownQuestions);
    await h.driver.blockAction(
      ALICE.id,
      { action_id: PREP_ACTIONS.ownQuestions, value: own?.value },
      { message: where },
    );
    const modal = viewOf(await h.standIn.waitForCall('views.update'));
    expect(visibleText(modal)).toContain('Keep 5–7 questions in all');
    const three =
      'What does Duolingo do?\nHow did teaching prepare you for research?\nWhat was your first study like?';
    const nine = await submitModal(h, ALICE.id, modal, { 'Your questions (one a line)': three });
    expect(nine.json).toEqual({
      response_action: 'errors',
      errors: { prep_keep: 'Keep 5–7 questions: untick 2 (or remove 2 of your own).' },
    });
    await h.settle();
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    // Unticking everything is too few: she is told how many to add back.
    const two = await submitModal(h, ALICE.id, modal, {
      'Your questions (one a line)': three,
      'My questions to keep': [],
    });
    expect(two.json).toEqual({
      response_action: 'errors',
      errors: { prep_keep: 'Keep 5–7 questions: tick 1 more, or add one of your own.' },
    });
    const suggested = keptOptions(modal);
    const res = await submitModal(h, ALICE.id, modal, {
      'Your questions (one a line)': three,
      'My questions to keep': suggested.slice(0, 3),
    });
    expect(res.text).toBe('');
    const update = await h.standIn.waitForCall('chat.update');
    const lines = String(update.args.text)
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(7);
    expect(lines.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(lines.slice(3, 6).map((l) => l.replace(/^\d+\. /, ''))).toEqual(three.split('\n'));
    expect(lines.at(-1)).toMatch(/who else/i);
    for (const dropped of before.slice(3, 5)) expect(lines).not.toContain(dropped);
    const seen = visibleText(update.args);
    expect(seen).toContain('Ask instead: “What surprised you about how Duolingo works from the inside?”');

    // Editing again shows her choice: the two she unticked stay unticked.
    h.standIn.clearCalls();
    const edit = findElement(update.args.blocks as never, PREP_ACTIONS.ownQuestions);
    await h.driver.blockAction(
      ALICE.id,
      { action_id: PREP_ACTIONS.ownQuestions, value: edit?.value },
      { message: where },
    );
    const again = viewOf(await h.standIn.waitForCall('views.update'));
    const keep = inputBlock(again, 'My questions to keep')?.element as
      | { initial_options?: { value: string }[] }
      | undefined;
    expect(keep?.initial_options?.map((o) => o.value)).toEqual(suggested.slice(0, 3));
  });

  it('books the chat in Alice’s timezone: the conversation is stored in UTC and Jane moves to scheduled', async () => {
    const ids = await seedTargets(h);
    const prepDm = await prepForJane(h);
    h.standIn.clearCalls();
    const where = { channelId: String(prepDm.response?.channel), ts: String(prepDm.response?.ts) };
    await h.driver.blockAction(
      ALICE.id,
      { action_id: PREP_ACTIONS.schedule, value: ids.jane },
      { message: where },
    );
    const modal = viewOf(await h.standIn.waitForCall('views.update'));
    expect(inputBlock(modal, 'Minutes')?.element?.initial_value).toBe('20');
    expect(visibleText(modal)).toContain('America/New_York');

    const past = await submitModal(h, ALICE.id, modal, { Date: '2026-03-01', Time: '10:00' });
    expect(past.json).toMatchObject({
      response_action: 'errors',
      errors: { [SCHEDULE_BLOCKS.time.blockId]: expect.any(String) },
    });
    const long = await submitModal(h, ALICE.id, modal, { Date: '2026-03-05', Time: '14:30', Minutes: '200' });
    expect(long.json).toMatchObject({
      response_action: 'errors',
      errors: { [SCHEDULE_BLOCKS.minutes.blockId]: expect.any(String) },
    });
    expect(await h.db.conversation.count()).toBe(0);

    const res = await submitModal(h, ALICE.id, modal, {
      Date: '2026-03-05',
      Time: '14:30',
      Format: 'Coffee',
    });
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id);
    expect(String(dm.args.text)).toContain('Thu 5 Mar, 14:30');
    const conversation = await h.db.conversation.findFirstOrThrow({ where: { contactId: ids.jane } });
    expect(conversation.scheduledAt?.toISOString()).toBe('2026-03-05T19:30:00.000Z');
    expect(conversation).toMatchObject({ format: 'coffee', minutesRequested: 20, heldAt: null });
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: ids.jane } })).stage).toBe('scheduled');
    const member = await h.db.member.findFirstOrThrow({ where: { slackUserId: ALICE.id } });
    expect(member.slackTz).toBe('America/New_York');
  });

  it('keeps prep and booking away from Bob, even with Alice’s contact id', async () => {
    const ids = await seedTargets(h);
    h.standIn.clearCalls();
    const bobDm = h.standIn.dmChannelFor(TEAM.id, BOB.id);
    const none = await h.driver.command(BOB.id, 'prep jane');
    expect(none.json).toMatchObject({ response_type: 'ephemeral' });
    expect(everyString(none.json)).not.toContain('Jane Doe');
    await h.driver.blockAction(
      BOB.id,
      { action_id: OPEN.prep, value: ids.jane },
      { message: { channelId: bobDm, ts: '1.000001' } },
    );
    const reply = await h.standIn.waitForCall('response_url');
    expect(everyString(reply.args)).not.toContain('Jane');
    await h.driver.blockAction(
      BOB.id,
      { action_id: PREP_ACTIONS.schedule, value: ids.jane },
      { message: { channelId: bobDm, ts: '1.000001' } },
    );
    const modal = viewOf(await h.standIn.waitForCall('views.update'));
    expect(everyString(modal.blocks)).not.toContain('Jane');
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await h.db.conversation.count()).toBe(0);
  });

  it('/coach goal sets the list goal with progress, and refuses numbers out of range', async () => {
    await seedTargets(h);
    const res = await h.driver.command(ALICE.id, 'goal 6');
    expect(res.json).toMatchObject({ response_type: 'ephemeral' });
    expect(visibleText(res.json)).toContain('3 of 6 people on your list');
    const bad = await h.driver.command(ALICE.id, 'goal 100');
    expect(visibleText(bad.json)).toContain('1 to 50');
    const word = await h.driver.command(ALICE.id, 'goal lots');
    expect(visibleText(word.json)).toContain('/coach goal 8');
    const member = await h.db.member.findFirstOrThrow({ where: { slackUserId: ALICE.id } });
    expect(member.targetGoal).toBe(6);
  });

  it('/coach goal with no number opens a modal for both goals, validated', async () => {
    const ids = await seedTargets(h);
    // One chat booked this week, and the list goal set to 6 beforehand.
    const booked = await scheduleChat(
      h.db,
      { workspaceId: TEAM.id, userId: ALICE.id },
      { contactId: ids.jane, date: '2026-03-05', time: '14:30', minutes: 20, format: 'coffee' },
      h.clock.now(),
    );
    expect(booked.ok).toBe(true);
    await h.driver.command(ALICE.id, 'goal 6');

    const view = await openModal(h, ALICE.id, 'goal');
    expect(inputBlock(view, 'People on your list')?.element?.initial_value).toBe('6');
    const bad = await submitModal(h, ALICE.id, view, {
      'People on your list': '0',
      'Conversations a week': '21',
    });
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [GOAL_BLOCKS.targets.blockId]: expect.any(String),
        [GOAL_BLOCKS.weekly.blockId]: expect.any(String),
      },
    });
    const res = await submitModal(h, ALICE.id, view, {
      'People on your list': '10',
      'Conversations a week': '3',
    });
    const body = res.json as { response_action: string; view: unknown };
    expect(body.response_action).toBe('update');
    const saved = visibleText(body.view);
    expect(saved).toContain('3 of 10 people on your list');
    expect(saved).toContain('1 of 3 conversations this week');
    const member = await h.db.member.findFirstOrThrow({ where: { slackUserId: ALICE.id } });
    expect(member).toMatchObject({ targetGoal: 10, weeklyConversationGoal: 3 });
    const bob = await h.db.member.findFirst({ where: { slackUserId: BOB.id } });
    expect(bob?.targetGoal ?? 8).toBe(8);
  });
});
