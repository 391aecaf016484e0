// Small typed helpers for Block Kit. Every builder in this folder is pure: data in, blocks out.
// Text is clipped to Slack's limits here, so long user input can never make a view invalid.
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  Datepicker,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  Overflow,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  StaticSelect,
  Timepicker,
} from '@slack/types';

export const LIMITS = {
  text: 3000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  modalTitle: 24,
  label: 2000,
  placeholder: 150,
  messageBlocks: 50,
  viewBlocks: 100,
  privateMetadata: 3000,
  contextElements: 10,
  selectOptions: 100,
  overflowOptions: 5,
  checkboxOptions: 10,
} as const;

export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A message's top-level `text` (the notification and fallback), kept to 2,900 string units (UTF-16,
 * as `String.length` counts) so it stays under chat.update's limit whatever the text holds.
 */
export function messageText(text: string): string {
  return text.length > 2900 ? `${text.slice(0, 2899)}…` : text;
}

export function plain(text: string, max: number = LIMITS.text): PlainTextElement {
  return { type: 'plain_text', text: clip(text || ' ', max), emoji: true };
}

/** `{ placeholder }` for an element, or nothing when there is none. */
function placeholder(text: string | undefined): { placeholder?: PlainTextElement } {
  return text ? { placeholder: plain(text, LIMITS.placeholder) } : {};
}

export function mrkdwn(text: string, max: number = LIMITS.text): MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text || ' ', max) };
}

/** Escapes user text for mrkdwn so names like "<!channel>" or "*x*" are shown, not interpreted. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.header) };
}

export function section(text: string, extra: Partial<SectionBlock> = {}): SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...extra };
}

export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value?: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    ...(value !== undefined ? { value: clip(value, LIMITS.buttonValue) } : {}),
    ...(style ? { style } : {}),
  };
}

export function actions(blockId: string, elements: ActionsBlockElement[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: clip(value, LIMITS.optionValue) };
}

/** A static select menu; the initial option is the one with that value, if there is one. */
export function staticSelect(
  actionId: string,
  options: PlainTextOption[],
  opts: { initial?: string | null; placeholder?: string } = {},
): StaticSelect {
  const initial = options.find((o) => o.value === opts.initial);
  return {
    type: 'static_select',
    action_id: actionId,
    options: options.slice(0, LIMITS.selectOptions),
    ...(initial ? { initial_option: initial } : {}),
    ...placeholder(opts.placeholder),
  };
}

export function overflow(actionId: string, options: PlainTextOption[]): Overflow {
  return { type: 'overflow', action_id: actionId, options: options.slice(0, LIMITS.overflowOptions) };
}

/** Text shown as a mrkdwn quote, escaped line by line. */
export function quote(text: string): string {
  return esc(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Someone's role and company, whichever are known: "UX Researcher, Acme" (empty when neither is). */
export function roleAndCompany(person: { role?: string | null; company?: string | null }): string {
  return [person.role, person.company].filter(Boolean).join(', ');
}

/** "Jane Doe (UX Researcher, Acme)", or just the name: plain text, for menus and message text. */
export function personLabel(person: { name: string; role?: string | null; company?: string | null }): string {
  const where = roleAndCompany(person);
  return where ? `${person.name} (${where})` : person.name;
}

// ---------------------------------------------------------------------------------------------
// Long text in sections.

/** Room left in a section for wrapping (code fences, a leading line). */
const SECTION_ROOM = LIMITS.text - 20;

/** Lines of mrkdwn packed into as few sections as fit Slack's 3,000-character limit. */
export function packSections(lines: readonly string[], max = 40): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let current = '';
  for (const raw of lines) {
    for (const line of splitLong(raw, SECTION_ROOM)) {
      const next = current ? `${current}\n${line}` : line;
      if (next.length > SECTION_ROOM && current) {
        blocks.push(section(current));
        current = line;
      } else {
        current = next;
      }
    }
  }
  if (current) blocks.push(section(current));
  return blocks.slice(0, max);
}

/** User text shown verbatim in code blocks (easy to copy), escaped and split to fit. */
export function codeSections(text: string, max = 4): SectionBlock[] {
  const escapedLines = (text.trim() || ' ').split('\n').map(esc);
  const chunks: string[] = [];
  let current: string | null = null;
  for (const line of escapedLines) {
    for (const piece of splitLong(line, SECTION_ROOM)) {
      const next: string = current === null ? piece : `${current}\n${piece}`;
      if (next.length > SECTION_ROOM && current !== null) {
        chunks.push(current);
        current = piece;
      } else {
        current = next;
      }
    }
  }
  if (current !== null) chunks.push(current);
  return chunks.slice(0, max).map((chunk) => section(`\`\`\`${chunk}\`\`\``));
}

function splitLong(line: string, max: number): string[] {
  if (line.length <= max) return [line];
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += max) parts.push(line.slice(i, i + max));
  return parts;
}

/** Room for one packed section of lines. */
const PACKED_SECTION_CHARS = 2900;

/**
 * Lines packed into as few sections as fit (each under Slack's 3000 characters); lines that do not fit
 * in `maxSections` are counted in `omitted`.
 */
export function packLines(
  lines: readonly string[],
  maxSections: number,
): { blocks: SectionBlock[]; omitted: number } {
  const sections: string[] = [];
  let current = '';
  let used = 0;
  for (const raw of lines) {
    const line = clip(raw, PACKED_SECTION_CHARS);
    if (current && current.length + 1 + line.length > PACKED_SECTION_CHARS) {
      if (sections.length + 1 >= maxSections) break;
      sections.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
    used += 1;
  }
  if (current && sections.length < maxSections) sections.push(current);
  return { blocks: sections.map((text) => section(text)), omitted: lines.length - used };
}

// ---------------------------------------------------------------------------------------------
// Inputs. Each is addressed by its block id and action id (see ./form.ts for reading them back).

interface InputOptions {
  optional?: boolean;
  hint?: string;
}

/** An input block around any element. */
export function input(
  blockId: string,
  label: string,
  element: InputBlockElement,
  opts: InputOptions = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, LIMITS.label),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.label) } : {}),
    element,
  };
}

export function textInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: InputOptions & {
    initial?: string | null;
    placeholder?: string;
    multiline?: boolean;
    maxLength?: number;
  } = {},
): InputBlock {
  return input(
    blockId,
    label,
    {
      type: 'plain_text_input',
      action_id: actionId,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: clip(opts.initial, opts.maxLength ?? LIMITS.text) } : {}),
      ...placeholder(opts.placeholder),
      ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
    },
    opts,
  );
}

export function selectInput(
  blockId: string,
  actionId: string,
  label: string,
  options: PlainTextOption[],
  opts: InputOptions & { initial?: string | null; placeholder?: string } = {},
): InputBlock {
  return input(blockId, label, staticSelect(actionId, options, opts), opts);
}

type PickerOptions = InputOptions & { initial?: string | null; placeholder?: string };

/** A date picker; `initial` is YYYY-MM-DD. */
export function datepickerInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: PickerOptions = {},
): InputBlock {
  const initial = opts.initial ? { initial_date: opts.initial } : {};
  const element: Datepicker = {
    type: 'datepicker',
    action_id: actionId,
    ...initial,
    ...placeholder(opts.placeholder),
  };
  return input(blockId, label, element, opts);
}

/** A time picker; `initial` is HH:mm. */
export function timepickerInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: PickerOptions = {},
): InputBlock {
  const initial = opts.initial ? { initial_time: opts.initial } : {};
  const element: Timepicker = {
    type: 'timepicker',
    action_id: actionId,
    ...initial,
    ...placeholder(opts.placeholder),
  };
  return input(blockId, label, element, opts);
}

/** Checkboxes; the options whose values are in `initial` start ticked. */
export function checkboxesInput(
  blockId: string,
  actionId: string,
  label: string,
  options: PlainTextOption[],
  opts: InputOptions & { initial?: readonly string[] } = {},
): InputBlock {
  const shown = options.slice(0, LIMITS.checkboxOptions);
  const ticked = shown.filter((o) => o.value !== undefined && opts.initial?.includes(o.value));
  return input(
    blockId,
    label,
    {
      type: 'checkboxes',
      action_id: actionId,
      options: shown,
      ...(ticked.length > 0 ? { initial_options: ticked } : {}),
    },
    opts,
  );
}

// ---------------------------------------------------------------------------------------------
// Modals.

/** Notices have no submit button, so no listener handles this id. */
export const NOTICE_CALLBACK_ID = 'outreach_notice';

export function modal(opts: {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  submit?: string;
  close?: string;
  privateMetadata?: string;
  externalId?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: opts.callbackId,
    title: plain(opts.title, LIMITS.modalTitle),
    ...(opts.submit ? { submit: plain(opts.submit, LIMITS.modalTitle) } : {}),
    close: plain(opts.close ?? 'Cancel', LIMITS.modalTitle),
    blocks: opts.blocks.slice(0, LIMITS.viewBlocks),
    ...(opts.privateMetadata ? { private_metadata: opts.privateMetadata } : {}),
  };
}

/** A modal that only says something: no submit, one button to close it. */
export function noticeModal(
  title: string,
  content: string | KnownBlock[],
  opts: { callbackId?: string; close?: string } = {},
): ModalView {
  return modal({
    callbackId: opts.callbackId ?? NOTICE_CALLBACK_ID,
    title,
    blocks: typeof content === 'string' ? [section(content)] : content,
    close: opts.close ?? 'Close',
  });
}

/** A modal shown for the moment it takes to load data (trigger ids expire in 3 s; views.open goes first). */
export function loadingModal(title: string): ModalView {
  return modal({ callbackId: 'loading', title, blocks: [section(':hourglass_flowing_sand: One moment…')] });
}
