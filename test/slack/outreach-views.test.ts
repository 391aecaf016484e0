// The outreach view builders are pure: ids are where the readers look, and no input (however long or
// odd) can push a view or message past Slack's limits.
import { describe, expect, it } from 'vitest';
import type { AskCheck } from '../../src/coaching/ask-checker';
import type { GoalProgress } from '../../src/coaching/goals';
import type { AskData, ContactData } from '../../src/coaching/types';
import { validateMessageBlocks, validateView } from '../../src/sandbox';
import { OPEN } from '../../src/slack/views/action-ids';
import {
  ASK_ACTIONS,
  ASK_BLOCKS,
  buildAskDraftMessage,
  buildAskEditModal,
  buildAskModal,
  NEW_PERSON,
  readAskEditMetadata,
  readAskForm,
  readAskMetadata,
} from '../../src/slack/views/ask';
import type { StateValues } from '../../src/slack/views/form';
import {
  buildGoalModal,
  buildGoalSavedModal,
  buildGoalSetMessage,
  GOAL_BLOCKS,
  readGoalForm,
} from '../../src/slack/views/goal';
import { codeSections, packSections } from '../../src/slack/views/kit';
import {
  buildPickContactModal,
  noSuchContactMessage,
  PICK_FOR_PREP_CALLBACK_ID,
} from '../../src/slack/views/pick-contact';
import {
  buildOwnQuestionsModal,
  buildPrepMessage,
  buildScheduledMessage,
  buildScheduleModal,
  OWN_QUESTIONS,
  PREP_ACTIONS,
  readOwnQuestionsForm,
  readPrepState,
  readScheduleForm,
  SCHEDULE_BLOCKS,
} from '../../src/slack/views/prep';
import { REPLY_ACTIONS } from '../../src/slack/views/reply';
import * as fx from '../support/coaching-fixtures';
import { everyString, visibleText } from '../support/slack-play';

const NOW = new Date('2026-03-02T14:00:00Z');
const LONG = 'Ünïcode <!channel> & *bold* '.repeat(400);

function contact(i: number, long = false): ContactData {
  return fx.contact({
    id: `c${i}`,
    name: long ? `Person ${i} ${LONG}` : `Person ${i}`,
    role: long ? LONG : 'UX Researcher',
    company: long ? LONG : 'Acme',
    industry: 'Healthcare',
    why: long ? LONG : 'Moved from teaching into research.',
    stageAt: NOW,
    createdAt: NOW,
  });
}

function ask(text: string, sentAt: Date | null = null): AskData {
  return fx.ask({ id: 'a1', contactId: 'c1', text, createdAt: NOW, sentAt });
}

const ALL_ISSUES: AskCheck = {
  ok: false,
  wordCount: 400,
  issues: (['empty', 'job_ask', 'too_long', 'no_time_box', 'not_specific', 'multiple_requests'] as const).map(
    (code) => ({
      code,
      message: `${code}: ${LONG.slice(0, 300)}`,
      fix: `Fix ${code}: ${LONG.slice(0, 300)}`,
    }),
  ),
};

function text(values: Record<string, string | null>): StateValues {
  const state: StateValues = {};
  for (const [blockId, value] of Object.entries(values))
    state[blockId] = { value: { type: 'plain_text_input', value } };
  return state;
}

function select(blockId: string, actionId: string, value: string | null): StateValues {
  return {
    [blockId]: { [actionId]: { type: 'static_select', selected_option: value === null ? null : { value } } },
  };
}

function actionIds(blocks: unknown[]): string[] {
  return (blocks as { type: string; elements?: { action_id?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ''));
}

describe('ask views', () => {
  it('the ask modal stays valid with 150 long-named contacts and long prefills', () => {
    const view = buildAskModal({
      options: Array.from({ length: 150 }, (_, i) => contact(i, true)),
      selectedId: 'c149',
      newPerson: false,
      ambiguous: false,
      newName: LONG,
      about: LONG,
      why: LONG,
      minutes: 20,
      channel: 'linkedin',
      senderFirstName: LONG,
    });
    expect(validateView(view)).toEqual([]);
    const picker = view.blocks.find((b) => b.block_id === ASK_BLOCKS.person.blockId) as {
      element: { options: unknown[] };
    };
    expect(picker.element.options).toHaveLength(100);
    expect(readAskMetadata(view.private_metadata).senderFirstName?.length).toBeLessThanOrEqual(100);
  });

  it('shows the name fields only for someone new, and "Which one?" for an ambiguous name', () => {
    const ambiguous = buildAskModal({
      options: [contact(1), contact(2)],
      selectedId: null,
      newPerson: false,
      ambiguous: true,
      newName: null,
      about: null,
      why: null,
      minutes: 20,
      channel: 'email',
      senderFirstName: null,
    });
    expect(validateView(ambiguous)).toEqual([]);
    expect(visibleText(ambiguous.blocks)).toContain('Which one?');
    expect(ambiguous.blocks.some((b) => b.block_id === ASK_BLOCKS.newName.blockId)).toBe(false);

    const fresh = buildAskModal({ ...ambiguousInput(), options: [], newPerson: true, newName: 'Priya' });
    expect(fresh.blocks.some((b) => b.block_id === ASK_BLOCKS.person.blockId)).toBe(false);
    expect(fresh.blocks.some((b) => b.block_id === ASK_BLOCKS.newName.blockId)).toBe(true);
  });

  it('reads an existing contact, someone new, and reports missing or bad fields on their blocks', () => {
    const base = {
      ...text({ ask_about: 'moving into UX', 'ask_why.c1': 'her path', ask_minutes: '25' }),
      ...select(ASK_BLOCKS.channel.blockId, 'value', 'email'),
    };
    const existing = readAskForm({
      ...base,
      ...select(ASK_BLOCKS.person.blockId, ASK_BLOCKS.person.actionId, 'c1'),
    });
    expect(existing).toEqual({
      ok: true,
      data: {
        person: { kind: 'existing', contactId: 'c1' },
        about: 'moving into UX',
        why: 'her path',
        minutes: 25,
        channel: 'email',
      },
    });

    const noChoice = readAskForm({
      ...base,
      ...select(ASK_BLOCKS.person.blockId, ASK_BLOCKS.person.actionId, null),
    });
    expect(noChoice).toMatchObject({
      ok: false,
      errors: { [ASK_BLOCKS.person.blockId]: expect.any(String) },
    });

    const newNoName = readAskForm({
      ...base,
      ...select(ASK_BLOCKS.person.blockId, ASK_BLOCKS.person.actionId, NEW_PERSON),
      ...text({ ask_new_name: null, ask_new_role: null, ask_new_company: null, ask_minutes: '300' }),
    });
    expect(newNoName).toMatchObject({
      ok: false,
      errors: {
        [ASK_BLOCKS.newName.blockId]: 'Please add their name.',
        [ASK_BLOCKS.minutes.blockId]: expect.stringContaining('10 to 45'),
      },
    });

    const newPerson = readAskForm({
      ...base,
      ...text({ ask_new_name: '  Priya Patel ', ask_new_role: 'Designer', ask_new_company: null }),
    });
    expect(newPerson).toMatchObject({
      ok: true,
      data: { person: { kind: 'new', name: 'Priya Patel', role: 'Designer', company: null } },
    });
  });

  it('the draft DM stays valid for huge, hostile text and every issue, and escapes it', () => {
    const message = buildAskDraftMessage({
      ask: ask(`${LONG}\n${LONG}`),
      contact: contact(1, true),
      check: ALL_ISSUES,
      tz: 'UTC',
    });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    expect(everyString(message.blocks)).not.toContain('<!channel>');
    expect(visibleText(message.blocks)).toContain('&lt;!channel&gt;');
    expect(actionIds(message.blocks ?? [])).toEqual([
      ASK_ACTIONS.edit,
      ASK_ACTIONS.another,
      ASK_ACTIONS.markSent,
    ]);
  });

  it('a clean draft shows one ✓ line; a sent one has no buttons and promises one reminder', () => {
    const ok: AskCheck = { ok: true, issues: [], wordCount: 70 };
    const draft = buildAskDraftMessage({
      ask: ask('Hi Jane, …'),
      contact: contact(1),
      check: ok,
      tz: 'UTC',
      addedToList: { have: 3, goal: 8 },
    });
    const json = visibleText(draft.blocks);
    expect(json).toContain('✓ Ready to send');
    expect(json).toContain('3 of 8 people on your list');
    const sent = buildAskDraftMessage({
      ask: ask('Hi Jane, …', NOW),
      contact: contact(1),
      check: ok,
      tz: 'America/New_York',
    });
    // Sent: the next step is the reply (no Undo once the moment has passed).
    expect(actionIds(sent.blocks ?? [])).toEqual([REPLY_ACTIONS.gotReply]);
    expect(visibleText(sent.blocks)).toContain('Mon 2 Mar');
    expect(visibleText(sent.blocks)).toContain('remind you once');
  });

  it('the edit modal carries where the draft lives, and is valid at full length', () => {
    const view = buildAskEditModal({
      contactName: LONG,
      text: LONG,
      metadata: { askId: 'a1', channel: 'D1', ts: '1.2' },
    });
    expect(validateView(view)).toEqual([]);
    expect(readAskEditMetadata(view.private_metadata)).toEqual({ askId: 'a1', channel: 'D1', ts: '1.2' });
    expect(readAskEditMetadata('{"askId":1}')).toBeNull();
    expect(readAskEditMetadata('not json')).toBeNull();
  });
});

function ambiguousInput() {
  return {
    options: [contact(1)],
    selectedId: null,
    newPerson: false,
    ambiguous: false,
    newName: null,
    about: null,
    why: null,
    minutes: 20,
    channel: 'linkedin' as const,
    senderFirstName: null,
  };
}

describe('prep views', () => {
  const questions = [
    ...Array.from({ length: 5 }, (_, i) => ({
      text: `Question ${i} ${LONG.slice(0, 500)}`,
      own: false,
      searchable: null,
    })),
    ...Array.from({ length: OWN_QUESTIONS.max }, () => ({
      text: '"Quoted" \\ question'.repeat(8),
      own: true,
      searchable: LONG.slice(0, 200),
    })),
    { text: 'Who else would you suggest I talk to?', own: false, searchable: null },
  ];

  it('the prep DM is valid with long questions, and its button value round-trips the member’s own questions', () => {
    const own = Array.from({ length: OWN_QUESTIONS.max }, () =>
      '"Quoted" \\ question'.repeat(8).slice(0, OWN_QUESTIONS.maxLength),
    );
    const message = buildPrepMessage({
      contact: contact(1, true),
      reminder: 'Research first.',
      questions,
      own,
    });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    const buttons = (message.blocks ?? []).flatMap((b) =>
      'elements' in b ? (b.elements as { action_id: string; value: string }[]) : [],
    );
    const ownButton = buttons.find((b) => b.action_id === PREP_ACTIONS.ownQuestions);
    expect(ownButton?.value.length).toBeLessThanOrEqual(2000);
    expect(readPrepState(ownButton?.value)).toEqual({ contactId: 'c1', own });
    expect(buttons.find((b) => b.action_id === PREP_ACTIONS.schedule)?.value).toBe('c1');
    const questionText = visibleText(message.blocks);
    expect(questionText.lastIndexOf('Who else')).toBeGreaterThan(questionText.lastIndexOf('(yours)'));
    expect(questionText).toContain(`*${questions.length}.* Who else`);
  });

  it('reads own questions one a line, strips bullets, and refuses too many or too long', () => {
    expect(
      readOwnQuestionsForm(text({ prep_own: '- What surprised you?\n\n2. How did you start?' })),
    ).toEqual({
      ok: true,
      data: { own: ['What surprised you?', 'How did you start?'], keep: null },
    });
    expect(readOwnQuestionsForm(text({ prep_own: null }))).toEqual({
      ok: true,
      data: { own: [], keep: null },
    });
    expect(
      readOwnQuestionsForm({
        ...text({ prep_own: 'Why?' }),
        prep_keep: { value: { type: 'checkboxes', selected_options: [{ value: 'td-last-week' }] } },
      }),
    ).toEqual({ ok: true, data: { own: ['Why?'], keep: ['td-last-week'] } });
    expect(readOwnQuestionsForm(text({ prep_own: 'a?\nb?\nc?\nd?\ne?\nf?' }))).toMatchObject({
      ok: false,
      errors: { prep_own: expect.any(String) },
    });
    expect(readOwnQuestionsForm(text({ prep_own: 'x'.repeat(151) }))).toMatchObject({
      ok: false,
      errors: { prep_own: expect.stringContaining('150') },
    });
    expect(readPrepState('{"contactId":"c1","own":["a","b","c","d","e","f"]}')).toBeNull();
  });

  it('own-questions, schedule and pick modals are valid for long names and many contacts', () => {
    const own = buildOwnQuestionsModal({
      contactName: LONG,
      own: ['a', 'b'],
      metadata: { contactId: 'c1', channel: 'D1', ts: '1.2' },
    });
    expect(validateView(own)).toEqual([]);
    const schedule = buildScheduleModal({
      contact: contact(1, true),
      minutes: 20,
      tz: 'America/New_York',
      today: '2026-03-02',
    });
    expect(validateView(schedule)).toEqual([]);
    expect(schedule.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining(Object.values(SCHEDULE_BLOCKS).map((b) => b.blockId)),
    );
    const pick = buildPickContactModal({
      callbackId: PICK_FOR_PREP_CALLBACK_ID,
      title: 'Prepare questions for everyone on the list',
      intro: LONG,
      contacts: Array.from({ length: 150 }, (_, i) => contact(i, true)),
      ambiguous: true,
      submit: 'Send me questions please, thanks',
    });
    expect(validateView(pick)).toEqual([]);
    expect(noSuchContactMessage('<!here>', 'prep').text).not.toContain('<!here>');
  });

  it('reads the schedule form and reports each bad field on its block', () => {
    const good = {
      [SCHEDULE_BLOCKS.date.blockId]: { value: { type: 'datepicker', selected_date: '2026-03-05' } },
      [SCHEDULE_BLOCKS.time.blockId]: { value: { type: 'timepicker', selected_time: '14:30' } },
      ...text({ [SCHEDULE_BLOCKS.minutes.blockId]: '30' }),
      ...select(SCHEDULE_BLOCKS.format.blockId, 'value', 'phone'),
    };
    expect(readScheduleForm(good)).toEqual({
      ok: true,
      data: { date: '2026-03-05', time: '14:30', minutes: 30, format: 'phone' },
    });
    const bad = readScheduleForm({
      ...good,
      [SCHEDULE_BLOCKS.time.blockId]: { value: { type: 'timepicker', selected_time: null } },
      ...text({ [SCHEDULE_BLOCKS.minutes.blockId]: '5' }),
    });
    expect(bad).toMatchObject({
      ok: false,
      errors: {
        [SCHEDULE_BLOCKS.time.blockId]: expect.any(String),
        [SCHEDULE_BLOCKS.minutes.blockId]: expect.any(String),
      },
    });
  });

  it('the booking confirmation names the local time and the weekly pace', () => {
    const conversation = fx.conversation({
      id: 'v1',
      contactId: 'c1',
      scheduledAt: new Date('2026-03-05T19:30:00Z'),
      minutesRequested: 25,
      format: 'coffee',
      createdAt: NOW,
    });
    const message = buildScheduledMessage({
      contact: contact(1, true),
      conversation,
      tz: 'America/New_York',
      week: { thisWeek: 1, goal: 2 },
    });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(message.text).toContain('Thu 5 Mar, 14:30');
    expect(visibleText(message.blocks)).toContain('1 of 2 conversations this week');
  });
});

describe('goal views', () => {
  const progress: GoalProgress = { have: 3, targetGoal: 8, thisWeek: 1, weeklyGoal: 2 };

  it('the modal, saved view and reply are valid and show progress', () => {
    const modal = buildGoalModal(progress);
    expect(validateView(modal)).toEqual([]);
    expect(visibleText(modal.blocks)).toContain('3 of 8 people on your list');
    expect(validateView(buildGoalSavedModal(progress))).toEqual([]);
    const reply = buildGoalSetMessage(progress);
    expect(validateMessageBlocks(reply.blocks)).toEqual([]);
    expect(reply.text).toContain('3 of 8 people on your list');
    expect(actionIds(reply.blocks ?? [])).toEqual([OPEN.addTarget, OPEN.people]);
    expect(actionIds(buildGoalSavedModal(progress).blocks)).toEqual([OPEN.addTarget, OPEN.people]);
    expect(actionIds(buildGoalSetMessage({ ...progress, have: 8 }).blocks ?? [])).toEqual([
      OPEN.addTarget,
      OPEN.people,
    ]);
  });

  it('reads both goals within range, with a clear message on each block otherwise', () => {
    expect(readGoalForm(text({ goal_targets: '10', goal_weekly: '0' }))).toEqual({
      ok: true,
      data: { targetGoal: 10, weeklyConversationGoal: 0 },
    });
    expect(readGoalForm(text({ goal_targets: '51', goal_weekly: 'two' }))).toMatchObject({
      ok: false,
      errors: {
        [GOAL_BLOCKS.targets.blockId]: expect.stringContaining('1 to 50'),
        [GOAL_BLOCKS.weekly.blockId]: expect.stringContaining('0 to 20'),
      },
    });
  });
});

describe('outreach block helpers', () => {
  it('codeSections escapes and splits long text into valid sections', () => {
    const blocks = codeSections('<@U1> & friends\n'.repeat(500));
    expect(blocks.length).toBeGreaterThan(1);
    expect(validateMessageBlocks(blocks)).toEqual([]);
    expect(everyString(blocks)).not.toContain('<@U1>');
  });

  it('packSections packs lines without breaking the 3,000-character limit', () => {
    const blocks = packSections(Array.from({ length: 30 }, () => 'x'.repeat(500)));
    expect(validateMessageBlocks(blocks)).toEqual([]);
    expect(blocks.length).toBeGreaterThan(4);
  });
});
