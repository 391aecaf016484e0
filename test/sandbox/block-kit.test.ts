import { describe, expect, it } from 'vitest';
import { isViewTooLarge, validateMessageBlocks, validateView } from '../../src/sandbox';

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const x = (n: number) => 'x'.repeat(n);
const option = (text: string, value = 'v') => ({ text: pt(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const section = (text: string) => ({ type: 'section', text: md(text) });
const button = (extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: pt('Go'),
  action_id: 'go',
  ...extra,
});
const actions = (...elements: unknown[]) => [{ type: 'actions', elements }];
const accessory = (element: unknown) => [{ type: 'section', text: md('t'), accessory: element }];
const input = (element: unknown, extra: Record<string, unknown> = {}) => [
  { type: 'input', label: pt('Label'), element, ...extra },
];
const confirm = (extra: Record<string, unknown> = {}) => ({
  title: pt('Sure?'),
  text: pt('Really'),
  confirm: pt('Yes'),
  deny: pt('No'),
  ...extra,
});

/** Valid message blocks, one per block and element type the app may use. */
const validMessages: [string, unknown[]][] = [
  ['section with mrkdwn text', [section('hello')]],
  ['section with 3000 characters', [section(x(3000))]],
  [
    'section with 10 fields of 2000',
    [{ type: 'section', fields: Array.from({ length: 10 }, () => md(x(2000))) }],
  ],
  ['divider and header', [{ type: 'divider' }, { type: 'header', text: { ...pt(x(150)), emoji: true } }]],
  [
    'context with text and image',
    [
      {
        type: 'context',
        elements: [md('a'), { type: 'image', image_url: 'https://e.x/i.png', alt_text: 'i' }],
      },
    ],
  ],
  [
    'actions with buttons',
    actions(
      button({ style: 'primary', value: x(2000), url: `https://e.x/${x(100)}` }),
      button({ action_id: 'b2', style: 'danger', confirm: confirm({ style: 'danger' }) }),
    ),
  ],
  [
    'static_select with 100 options',
    actions({
      type: 'static_select',
      action_id: 's',
      placeholder: pt(x(150)),
      options: options(100),
      initial_option: option('o1', 'v1'),
    }),
  ],
  [
    'static_select with option groups',
    actions({
      type: 'static_select',
      action_id: 's',
      option_groups: [{ label: pt('g'), options: options(2) }],
    }),
  ],
  [
    'multi_static_select',
    actions({
      type: 'multi_static_select',
      action_id: 's',
      options: options(3),
      initial_options: options(1),
      max_selected_items: 2,
    }),
  ],
  [
    'users, conversations and channels selects',
    actions(
      { type: 'users_select', action_id: 'u', initial_user: 'U1' },
      {
        type: 'conversations_select',
        action_id: 'c',
        filter: { include: ['public', 'im'], exclude_bot_users: true },
      },
      { type: 'channels_select', action_id: 'ch' },
    ),
  ],
  [
    'overflow with 2 and 5 options',
    actions(
      { type: 'overflow', action_id: 'o', options: options(2) },
      {
        type: 'overflow',
        action_id: 'o2',
        options: [...options(4), { text: pt('web'), value: 'w', url: 'https://e.x' }],
      },
    ),
  ],
  [
    'date, time and datetime pickers',
    actions(
      { type: 'datepicker', action_id: 'd', initial_date: '2024-02-29' },
      { type: 'timepicker', action_id: 't', initial_time: '23:59', timezone: 'Europe/Berlin' },
      { type: 'datetimepicker', action_id: 'dt', initial_date_time: 1700000000 },
    ),
  ],
  [
    'checkboxes and radio buttons with 10 mrkdwn options',
    actions(
      {
        type: 'checkboxes',
        action_id: 'c',
        options: Array.from({ length: 10 }, (_, i) => ({
          text: md(`*${i}*`),
          value: `v${i}`,
          description: pt('d'),
        })),
      },
      { type: 'radio_buttons', action_id: 'r', options: options(10), initial_option: option('o0', 'v0') },
    ),
  ],
  [
    'section accessories: button, image, overflow',
    [
      ...accessory(button()),
      ...accessory({ type: 'image', image_url: 'https://e.x/i.png', alt_text: 'a' }).map((b) => ({
        ...b,
        block_id: 'img',
      })),
      { ...accessory({ type: 'overflow', options: options(2) })[0], block_id: 'ovf' },
    ],
  ],
  ['image block', [{ type: 'image', image_url: 'https://e.x/i.png', alt_text: x(2000), title: pt('t') }]],
  [
    'rich_text (lenient)',
    [
      {
        type: 'rich_text',
        elements: [
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'hi', style: { bold: true } }] },
        ],
      },
    ],
  ],
  ['markdown block', [{ type: 'markdown', text: '**bold**' }]],
  // Slack documents no minimum for a button value, only the 2000 maximum.
  ['button with an empty value', actions(button({ value: '' }))],
  [
    'input block in a message',
    input({ type: 'plain_text_input', action_id: 'p' }, { dispatch_action: true }),
  ],
  [
    '50 blocks with unique block ids',
    Array.from({ length: 50 }, (_, i) => ({ type: 'divider', block_id: `b${i}` })),
  ],
];

/** Invalid message blocks and the exact Slack-style message expected. */
const invalidMessages: [string, unknown, string][] = [
  [
    'more than 50 blocks',
    Array.from({ length: 51 }, () => ({ type: 'divider' })),
    'no more than 50 items allowed [json-pointer:/blocks]',
  ],
  ['blocks not an array', { type: 'divider' }, 'must provide an array [json-pointer:/blocks]'],
  ['block not an object', ['divider'], 'must provide an object [json-pointer:/blocks/0]'],
  [
    'unknown block type',
    [{ type: 'sections' }],
    'failed to match all allowed schemas [json-pointer:/blocks/0]',
  ],
  [
    'unknown block type (wording)',
    [{ type: 'sections' }],
    'unsupported type: sections [json-pointer:/blocks/0/type]',
  ],
  [
    'block_id over 255',
    [{ type: 'divider', block_id: x(256) }],
    'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
  ],
  [
    'duplicate block_id',
    [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'a' },
    ],
    'duplicate block_id: a [json-pointer:/blocks/1/block_id]',
  ],
  [
    'unknown block property',
    [{ type: 'divider', color: 'red' }],
    'invalid additional property: color [json-pointer:/blocks/0]',
  ],
  [
    'section text over 3000',
    [section(x(3001))],
    'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
  ],
  ['section text empty', [section('')], 'must be more than 0 characters [json-pointer:/blocks/0/text/text]'],
  [
    'section text whitespace only',
    [section('   ')],
    'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
  ],
  [
    'section without text or fields',
    [{ type: 'section' }],
    'missing required field: text [json-pointer:/blocks/0]',
  ],
  [
    'section with 11 fields',
    [{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }],
    'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
  ],
  [
    'section field over 2000',
    [{ type: 'section', fields: [md(x(2001))] }],
    'must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]',
  ],
  [
    'text object of unknown type',
    [{ type: 'section', text: { type: 'markdown', text: 'a' } }],
    'failed to match all allowed schemas [json-pointer:/blocks/0/text]',
  ],
  [
    'emoji on mrkdwn',
    [{ type: 'section', text: { ...md('a'), emoji: true } }],
    'invalid additional property: emoji [json-pointer:/blocks/0/text]',
  ],
  [
    'verbatim not boolean',
    [{ type: 'section', text: { ...md('a'), verbatim: 'yes' } }],
    'must provide a boolean [json-pointer:/blocks/0/text/verbatim]',
  ],
  [
    'header with mrkdwn',
    [{ type: 'header', text: md('a') }],
    'must be a valid enum value [json-pointer:/blocks/0/text/type]',
  ],
  [
    'header over 150',
    [{ type: 'header', text: pt(x(151)) }],
    'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
  ],
  ['header without text', [{ type: 'header' }], 'missing required field: text [json-pointer:/blocks/0]'],
  [
    'context with 11 elements',
    [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }],
    'no more than 10 items allowed [json-pointer:/blocks/0/elements]',
  ],
  [
    'context without elements',
    [{ type: 'context', elements: [] }],
    'must provide at least 1 items [json-pointer:/blocks/0/elements]',
  ],
  [
    'actions with 26 elements',
    actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` }))),
    'no more than 25 items allowed [json-pointer:/blocks/0/elements]',
  ],
  [
    'actions with duplicate action_id',
    actions(button(), button()),
    'duplicate action_id: go [json-pointer:/blocks/0/elements/1/action_id]',
  ],
  [
    'plain_text_input in actions',
    actions({ type: 'plain_text_input', action_id: 'p' }),
    'failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]',
  ],
  [
    'unknown element type',
    actions({ type: 'slider', action_id: 's' }),
    'failed to match all allowed schemas [json-pointer:/blocks/0/elements/0]',
  ],
  [
    'action_id over 255',
    actions(button({ action_id: x(256) })),
    'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
  ],
  [
    'button text over 75',
    actions(button({ text: pt(x(76)) })),
    'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
  ],
  [
    'button text mrkdwn',
    actions(button({ text: md('a') })),
    'must be a valid enum value [json-pointer:/blocks/0/elements/0/text/type]',
  ],
  [
    'button without text',
    actions({ type: 'button', action_id: 'b' }),
    'missing required field: text [json-pointer:/blocks/0/elements/0]',
  ],
  [
    'button value over 2000',
    actions(button({ value: x(2001) })),
    'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
  ],
  [
    'button url over 3000',
    actions(button({ url: x(3001) })),
    'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]',
  ],
  [
    'button style',
    actions(button({ style: 'secondary' })),
    'must be a valid enum value [json-pointer:/blocks/0/elements/0/style]',
  ],
  [
    'confirm title over 100',
    actions(button({ confirm: confirm({ title: pt(x(101)) }) })),
    'must be less than 101 characters [json-pointer:/blocks/0/elements/0/confirm/title/text]',
  ],
  [
    'confirm text over 300',
    actions(button({ confirm: confirm({ text: md(x(301)) }) })),
    'must be less than 301 characters [json-pointer:/blocks/0/elements/0/confirm/text/text]',
  ],
  [
    'confirm button over 30',
    actions(button({ confirm: confirm({ confirm: pt(x(31)) }) })),
    'must be less than 31 characters [json-pointer:/blocks/0/elements/0/confirm/confirm/text]',
  ],
  [
    'confirm deny over 30',
    actions(button({ confirm: confirm({ deny: pt(x(31)) }) })),
    'must be less than 31 characters [json-pointer:/blocks/0/elements/0/confirm/deny/text]',
  ],
  [
    'option text over 75',
    actions({ type: 'static_select', action_id: 's', options: [option(x(76))] }),
    'must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/text/text]',
  ],
  [
    'option value over 150',
    actions({ type: 'static_select', action_id: 's', options: [option('a', x(151))] }),
    'must be less than 151 characters [json-pointer:/blocks/0/elements/0/options/0/value]',
  ],
  [
    'option description over 75',
    actions({ type: 'static_select', action_id: 's', options: [{ ...option('a'), description: pt(x(76)) }] }),
    'must be less than 76 characters [json-pointer:/blocks/0/elements/0/options/0/description/text]',
  ],
  [
    'select option in mrkdwn',
    actions({ type: 'static_select', action_id: 's', options: [{ text: md('a'), value: 'a' }] }),
    'must be a valid enum value [json-pointer:/blocks/0/elements/0/options/0/text/type]',
  ],
  [
    'static_select with 101 options',
    actions({ type: 'static_select', action_id: 's', options: options(101) }),
    'no more than 100 items allowed [json-pointer:/blocks/0/elements/0/options]',
  ],
  [
    'static_select without options',
    actions({ type: 'static_select', action_id: 's' }),
    'missing required field: options [json-pointer:/blocks/0/elements/0]',
  ],
  [
    'select placeholder over 150',
    actions({ type: 'users_select', action_id: 'u', placeholder: pt(x(151)) }),
    'must be less than 151 characters [json-pointer:/blocks/0/elements/0/placeholder/text]',
  ],
  [
    'overflow with 1 option',
    actions({ type: 'overflow', action_id: 'o', options: options(1) }),
    'must provide at least 2 items [json-pointer:/blocks/0/elements/0/options]',
  ],
  [
    'overflow with 6 options',
    actions({ type: 'overflow', action_id: 'o', options: options(6) }),
    'no more than 5 items allowed [json-pointer:/blocks/0/elements/0/options]',
  ],
  [
    'url on a select option',
    actions({ type: 'static_select', action_id: 's', options: [{ ...option('a'), url: 'https://e.x' }] }),
    'invalid additional property: url [json-pointer:/blocks/0/elements/0/options/0]',
  ],
  [
    'checkboxes with 11 options',
    actions({ type: 'checkboxes', action_id: 'c', options: options(11) }),
    'no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]',
  ],
  [
    'radio buttons with 11 options',
    actions({ type: 'radio_buttons', action_id: 'r', options: options(11) }),
    'no more than 10 items allowed [json-pointer:/blocks/0/elements/0/options]',
  ],
  [
    'datepicker initial_date format',
    actions({ type: 'datepicker', action_id: 'd', initial_date: '2024-2-3' }),
    'must be a valid date in YYYY-MM-DD format [json-pointer:/blocks/0/elements/0/initial_date]',
  ],
  [
    'datepicker impossible date',
    actions({ type: 'datepicker', action_id: 'd', initial_date: '2023-02-29' }),
    'must be a valid date in YYYY-MM-DD format [json-pointer:/blocks/0/elements/0/initial_date]',
  ],
  [
    'timepicker initial_time format',
    actions({ type: 'timepicker', action_id: 't', initial_time: '9:30' }),
    'must be a valid time in HH:mm format [json-pointer:/blocks/0/elements/0/initial_time]',
  ],
  [
    'timepicker 24:00',
    actions({ type: 'timepicker', action_id: 't', initial_time: '24:00' }),
    'must be a valid time in HH:mm format [json-pointer:/blocks/0/elements/0/initial_time]',
  ],
  [
    'input without label',
    [{ type: 'input', element: { type: 'plain_text_input' } }],
    'missing required field: label [json-pointer:/blocks/0]',
  ],
  [
    'input label over 2000',
    input({ type: 'plain_text_input' }, { label: pt(x(2001)) }),
    'must be less than 2001 characters [json-pointer:/blocks/0/label/text]',
  ],
  [
    'input hint over 2000',
    input({ type: 'plain_text_input' }, { hint: pt(x(2001)) }),
    'must be less than 2001 characters [json-pointer:/blocks/0/hint/text]',
  ],
  [
    'input optional not boolean',
    input({ type: 'plain_text_input' }, { optional: 'yes' }),
    'must provide a boolean [json-pointer:/blocks/0/optional]',
  ],
  [
    'input without element',
    [{ type: 'input', label: pt('L') }],
    'missing required field: element [json-pointer:/blocks/0]',
  ],
  [
    'button as input element',
    input(button()),
    'failed to match all allowed schemas [json-pointer:/blocks/0/element]',
  ],
  [
    'plain_text_input placeholder over 150',
    input({ type: 'plain_text_input', placeholder: pt(x(151)) }),
    'must be less than 151 characters [json-pointer:/blocks/0/element/placeholder/text]',
  ],
  [
    'plain_text_input max_length over 3000',
    input({ type: 'plain_text_input', max_length: 3001 }),
    'must be at most 3000 [json-pointer:/blocks/0/element/max_length]',
  ],
  [
    'plain_text_input max_length 0',
    input({ type: 'plain_text_input', max_length: 0 }),
    'must be at least 1 [json-pointer:/blocks/0/element/max_length]',
  ],
  [
    'plain_text_input min over max',
    input({ type: 'plain_text_input', min_length: 10, max_length: 5 }),
    'min_length must be less than or equal to max_length [json-pointer:/blocks/0/element/min_length]',
  ],
  [
    'number_input without is_decimal_allowed',
    input({ type: 'number_input' }),
    'missing required field: is_decimal_allowed [json-pointer:/blocks/0/element]',
  ],
  [
    'number_input decimal when not allowed',
    input({ type: 'number_input', is_decimal_allowed: false, initial_value: '1.5' }),
    'must be an integer [json-pointer:/blocks/0/element/initial_value]',
  ],
  [
    'image block without alt_text',
    [{ type: 'image', image_url: 'https://e.x/i.png' }],
    'missing required field: alt_text [json-pointer:/blocks/0]',
  ],
  [
    'image block without image_url',
    [{ type: 'image', alt_text: 'a' }],
    'missing required field: image_url [json-pointer:/blocks/0]',
  ],
  [
    'image url over 3000',
    [{ type: 'image', image_url: x(3001), alt_text: 'a' }],
    'must be less than 3001 characters [json-pointer:/blocks/0/image_url]',
  ],
  [
    'image element without alt_text in context',
    [{ type: 'context', elements: [{ type: 'image', image_url: 'https://e.x' }] }],
    'missing required field: alt_text [json-pointer:/blocks/0/elements/0]',
  ],
  [
    'markdown block over 12000',
    [{ type: 'markdown', text: x(12001) }],
    'must be less than 12001 characters [json-pointer:/blocks/0/text]',
  ],
  [
    'rich_text without elements',
    [{ type: 'rich_text' }],
    'missing required field: elements [json-pointer:/blocks/0]',
  ],
];

describe('validateMessageBlocks', () => {
  it.each(validMessages)('accepts %s', (_name, blocks) => {
    expect(validateMessageBlocks(blocks)).toEqual([]);
  });

  it.each(invalidMessages)('rejects %s', (_name, blocks, message) => {
    expect(validateMessageBlocks(blocks)).toContain(message);
  });

  it('counts characters, not UTF-16 units, against limits', () => {
    expect(validateMessageBlocks([section('😀'.repeat(3000))])).toEqual([]);
    expect(validateMessageBlocks([section('😀'.repeat(3001))])).toHaveLength(1);
  });
});

const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: pt('Add a contact'),
  blocks: [],
  ...extra,
});

const validViews: [string, unknown][] = [
  ['a minimal modal', modal()],
  [
    'a modal with input and submit',
    modal({
      submit: pt(x(24)),
      close: pt('Cancel'),
      blocks: input({ type: 'plain_text_input', action_id: 'name' }),
    }),
  ],
  [
    'a modal with every option set',
    modal({
      private_metadata: x(3000),
      callback_id: x(255),
      external_id: 'ext-1',
      clear_on_close: true,
      notify_on_close: true,
    }),
  ],
  ['a modal with 100 blocks', modal({ blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })) })],
  ['a home view', { type: 'home', blocks: [section('Welcome')], private_metadata: 'm', callback_id: 'home' }],
];

const invalidViews: [string, unknown, string][] = [
  [
    'modal without title',
    { type: 'modal', blocks: [] },
    'missing required field: title [json-pointer:/view]',
  ],
  [
    'modal title over 24',
    modal({ title: pt(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/title/text]',
  ],
  [
    'modal title in mrkdwn',
    modal({ title: md('a') }),
    'must be a valid enum value [json-pointer:/view/title/type]',
  ],
  [
    'submit over 24',
    modal({ submit: pt(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/submit/text]',
  ],
  [
    'close over 24',
    modal({ close: pt(x(25)) }),
    'must be less than 25 characters [json-pointer:/view/close/text]',
  ],
  [
    'input block without submit',
    modal({ blocks: [section('a'), ...input({ type: 'plain_text_input' })] }),
    'must define `submit` to use an `input` block in modals [json-pointer:/view/blocks/1/input]',
  ],
  [
    'private_metadata over 3000',
    modal({ private_metadata: x(3001) }),
    'must be less than 3001 characters [json-pointer:/view/private_metadata]',
  ],
  [
    'callback_id over 255',
    modal({ callback_id: x(256) }),
    'must be less than 256 characters [json-pointer:/view/callback_id]',
  ],
  [
    'more than 100 blocks',
    modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }),
    'no more than 100 items allowed [json-pointer:/view/blocks]',
  ],
  [
    'a block error inside a view',
    modal({ blocks: [section(x(3001))] }),
    'must be less than 3001 characters [json-pointer:/view/blocks/0/text/text]',
  ],
  [
    'duplicate block ids in a view',
    modal({
      blocks: [
        { type: 'divider', block_id: 'd' },
        { type: 'divider', block_id: 'd' },
      ],
    }),
    'duplicate block_id: d [json-pointer:/view/blocks/1/block_id]',
  ],
  [
    'view without blocks',
    { type: 'modal', title: pt('t') },
    'missing required field: blocks [json-pointer:/view]',
  ],
  [
    'unknown view type',
    { type: 'sheet', blocks: [] },
    'must be a valid enum value [json-pointer:/view/type]',
  ],
  [
    'a returned view sent back (id, hash)',
    modal({ id: 'V1', hash: 'h' }),
    'invalid additional property: id [json-pointer:/view]',
  ],
  [
    'title on a home view',
    { type: 'home', title: pt('t'), blocks: [] },
    'invalid additional property: title [json-pointer:/view]',
  ],
  ['view not an object', 'modal', 'must provide an object [json-pointer:/view]'],
];

describe('validateView', () => {
  it.each(validViews)('accepts %s', (_name, view) => {
    expect(validateView(view)).toEqual([]);
  });

  it.each(invalidViews)('rejects %s', (_name, view, message) => {
    expect(validateView(view)).toContain(message);
  });

  it('leads a rejected view with the union failure on /view, as Slack does', () => {
    expect(validateView(modal({ title: pt(x(25)) }))).toEqual([
      'failed to match all allowed schemas [json-pointer:/view]',
      'must be less than 25 characters [json-pointer:/view/title/text]',
    ]);
  });

  it('flags views over 250 kB', () => {
    const big = modal({ blocks: Array.from({ length: 90 }, () => section(x(2900))) });
    expect(isViewTooLarge(big)).toBe(true);
    expect(isViewTooLarge(modal({ blocks: [section(x(2900))] }))).toBe(false);
  });
});
