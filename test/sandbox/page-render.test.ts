// The sandbox page's DOM-free logic: a modal's values as Slack reports them (from the initial_* fields,
// and carried over a views.update), times in a member's zone, and what a typed line means.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atBottom,
  carryValues,
  clockSummary,
  dayOf,
  errorsKey,
  formatDayTime,
  initialValue,
  initialValues,
  messageTime,
  modalKey,
  readTyped,
  statefulElements,
} from '../../src/sandbox/page/client/model';
import type { PageModal } from '../../src/sandbox/page/protocol';

const opt = (text: string, value: string) => ({ text: { type: 'plain_text', text, emoji: true }, value });

const view = {
  type: 'modal',
  title: { type: 'plain_text', text: 'Log a conversation' },
  blocks: [
    { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Hi' } },
    {
      type: 'input',
      block_id: 'name',
      label: { type: 'plain_text', text: 'Name' },
      element: { type: 'plain_text_input', action_id: 'name_input', initial_value: 'Jane' },
    },
    {
      type: 'input',
      block_id: 'notes',
      optional: true,
      label: { type: 'plain_text', text: 'Notes' },
      element: { type: 'plain_text_input', action_id: 'notes_input', multiline: true },
    },
    {
      type: 'input',
      block_id: 'person',
      label: { type: 'plain_text', text: 'Person' },
      dispatch_action: true,
      element: {
        type: 'static_select',
        action_id: 'person_select',
        options: [opt('Jane Doe', 'c1'), opt('Someone new', 'new')],
        initial_option: { text: { type: 'plain_text', text: 'Jane Doe' }, value: 'c1' },
      },
    },
    {
      type: 'input',
      block_id: 'when',
      label: { type: 'plain_text', text: 'Date' },
      element: { type: 'datepicker', action_id: 'date', initial_date: '2026-03-10' },
    },
    {
      type: 'input',
      block_id: 'at',
      label: { type: 'plain_text', text: 'Time' },
      element: { type: 'timepicker', action_id: 'time' },
    },
    {
      type: 'input',
      block_id: 'skills',
      label: { type: 'plain_text', text: 'Skills' },
      element: {
        type: 'checkboxes',
        action_id: 'skills',
        options: [opt('Listening', 'listen'), opt('Asking', 'ask'), opt('Thanking', 'thank')],
        initial_options: [opt('Asking', 'ask')],
      },
    },
    {
      type: 'input',
      block_id: 'welcome',
      label: { type: 'plain_text', text: 'Welcome new members' },
      element: { type: 'radio_buttons', action_id: 'welcome', options: [opt('Yes', 'yes'), opt('No', 'no')] },
    },
    {
      type: 'input',
      block_id: 'facilitators',
      label: { type: 'plain_text', text: 'Facilitators' },
      element: { type: 'multi_users_select', action_id: 'facilitators', initial_users: ['U1', 'U2'] },
    },
    {
      type: 'input',
      block_id: 'channel',
      label: { type: 'plain_text', text: 'Channel' },
      element: { type: 'conversations_select', action_id: 'channel', initial_conversation: 'C1' },
    },
    {
      type: 'input',
      block_id: 'count',
      label: { type: 'plain_text', text: 'How many' },
      element: { type: 'number_input', action_id: 'count', is_decimal_allowed: false, initial_value: '3' },
    },
    {
      type: 'actions',
      block_id: 'more',
      elements: [
        { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } },
        { type: 'users_select', action_id: 'who' },
      ],
    },
  ],
};

describe('initial values', () => {
  it('reads every input as Slack reports it in view_submission', () => {
    expect(initialValues(view)).toEqual({
      name: { name_input: { type: 'plain_text_input', value: 'Jane' } },
      notes: { notes_input: { type: 'plain_text_input', value: null } },
      person: {
        person_select: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Jane Doe', emoji: true }, value: 'c1' },
        },
      },
      when: { date: { type: 'datepicker', selected_date: '2026-03-10' } },
      at: { time: { type: 'timepicker', selected_time: null } },
      skills: { skills: { type: 'checkboxes', selected_options: [opt('Asking', 'ask')] } },
      welcome: { welcome: { type: 'radio_buttons', selected_option: null } },
      facilitators: { facilitators: { type: 'multi_users_select', selected_users: ['U1', 'U2'] } },
      channel: { channel: { type: 'conversations_select', selected_conversation: 'C1' } },
      count: { count: { type: 'number_input', value: '3' } },
      more: { who: { type: 'users_select', selected_user: null } },
    });
  });

  it('leaves out buttons and blocks without inputs', () => {
    const found = statefulElements(view.blocks).map((e) => `${e.blockId}.${e.actionId}`);
    expect(found).not.toContain('more.go');
    expect(found.some((f) => f.startsWith('intro.'))).toBe(false);
    expect(found).toContain('more.who');
  });

  it('reports an option from an option group', () => {
    const element = {
      type: 'static_select',
      action_id: 'a',
      option_groups: [{ label: { type: 'plain_text', text: 'G' }, options: [opt('One', '1')] }],
      initial_option: opt('One', '1'),
    };
    expect(initialValue(element)).toEqual({ type: 'static_select', selected_option: opt('One', '1') });
  });

  it('names blocks and actions without ids by their place', () => {
    const values = initialValues({
      blocks: [
        { type: 'input', label: { type: 'plain_text', text: 'X' }, element: { type: 'plain_text_input' } },
      ],
    });
    expect(values).toEqual({ 'block-0': { 'action-0-0': { type: 'plain_text_input', value: null } } });
  });

  it('reads a view with no blocks as no values', () => {
    expect(initialValues({ type: 'modal' })).toEqual({});
  });
});

describe('values over an update', () => {
  it('keeps what the member entered where the same input remains, and starts new inputs afresh', () => {
    const typed = initialValues(view);
    typed.name = { name_input: { type: 'plain_text_input', value: 'Janet' } };
    typed.skills = { skills: { type: 'checkboxes', selected_options: [] } };
    const updated = {
      ...view,
      blocks: [
        view.blocks[1],
        {
          type: 'input',
          block_id: 'skills',
          label: { type: 'plain_text', text: 'Skills' },
          // Same ids, another element type: starts from its own initial value.
          element: { type: 'static_select', action_id: 'skills', options: [opt('A', 'a')] },
        },
        {
          type: 'input',
          block_id: 'role',
          label: { type: 'plain_text', text: 'Role' },
          element: { type: 'plain_text_input', action_id: 'role', initial_value: 'UX' },
        },
      ],
    };
    expect(carryValues(typed, updated)).toEqual({
      name: { name_input: { type: 'plain_text_input', value: 'Janet' } },
      skills: { skills: { type: 'static_select', selected_option: null } },
      role: { role: { type: 'plain_text_input', value: 'UX' } },
    });
  });

  it('tells a new view or hash apart from new errors', () => {
    const modal: PageModal = { id: 'V1', hash: 'h1', view, errors: {} };
    expect(modalKey({ ...modal, hash: 'h2' })).not.toBe(modalKey(modal));
    expect(modalKey({ ...modal, errors: { name: 'Please add a name.' } })).toBe(modalKey(modal));
    expect(errorsKey({ ...modal, errors: { name: 'Please add a name.' } })).not.toBe(errorsKey(modal));
    expect(errorsKey({ ...modal, errors: { a: '1', b: '2' } })).toBe(
      errorsKey({ ...modal, errors: { b: '2', a: '1' } }),
    );
    expect(modalKey(undefined)).toBe('');
  });
});

describe('times', () => {
  const now = '2026-03-10T19:05:00.000Z';

  it('shows the simulated time in the member’s zone', () => {
    expect(formatDayTime(new Date(now), 'America/New_York')).toBe('Tue 10 Mar, 15:05');
    expect(formatDayTime(new Date(now), 'Europe/London')).toBe('Tue 10 Mar, 19:05');
    expect(formatDayTime(new Date(now), 'Asia/Tokyo')).toBe('Wed 11 Mar, 04:05');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(formatDayTime(new Date(now), 'Not/AZone')).toBe('Tue 10 Mar, 19:05');
  });

  it('shows a message from the same day by its time, and from another day with the day', () => {
    const sameDay = String(Date.parse('2026-03-10T14:30:00Z') / 1000);
    const dayBefore = `${Date.parse('2026-03-09T14:30:00Z') / 1000}.000200`;
    expect(messageTime(sameDay, now, 'Europe/London')).toBe('14:30');
    expect(messageTime(dayBefore, now, 'Europe/London')).toBe('Mon 9 Mar, 14:30');
    expect(messageTime('not a ts', now, 'UTC')).toBe('');
  });

  it('knows the simulated day in the member’s zone', () => {
    expect(dayOf(new Date('2026-03-10T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03-11');
    expect(dayOf(new Date('2026-03-10T23:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-10');
  });

  it('says what the clock did', () => {
    expect(clockSummary({ now, sent: 2 }, 'UTC')).toBe('It is now Tue 10 Mar, 19:05. 2 messages went out.');
    expect(clockSummary({ now, sent: 1 }, 'UTC')).toBe('It is now Tue 10 Mar, 19:05. 1 message went out.');
    expect(clockSummary({ now, sent: 0 }, 'UTC')).toBe('It is now Tue 10 Mar, 19:05. No messages went out.');
    expect(clockSummary({}, 'UTC')).toBe('Time moved on.');
  });
});

describe('the composer', () => {
  it('runs lines that start with a slash as commands', () => {
    expect(readTyped('  /coach log Jane  ')).toEqual({ kind: 'command', text: '/coach log Jane' });
  });

  it('does not send chat (the app does not read DMs)', () => {
    expect(readTyped('hello coach')).toEqual({ kind: 'chat' });
    expect(readTyped('   \n')).toEqual({ kind: 'empty' });
  });

  it('knows when a list is scrolled to its bottom', () => {
    expect(atBottom(600, 1000, 400)).toBe(true);
    expect(atBottom(595, 1000, 400)).toBe(true);
    expect(atBottom(300, 1000, 400)).toBe(false);
  });
});

describe('the page code', () => {
  it('never turns text into markup (no innerHTML, outerHTML, insertAdjacentHTML or document.write)', () => {
    const dir = join(import.meta.dirname, '../../src/sandbox/page/client');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('render.ts');
    for (const file of files) {
      // Comments may name them (dom.ts says why they are not used); code may not.
      const code = readFileSync(join(dir, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write/);
    }
  });
});
