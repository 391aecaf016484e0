// Small typed helpers for Block Kit. Every builder in this folder is pure: data in, blocks out.
// Text is clipped to Slack's limits here, so long user input can never make a view invalid.
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
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
} as const;

export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function plain(text: string, max: number = LIMITS.text): PlainTextElement {
  return { type: 'plain_text', text: clip(text || ' ', max), emoji: true };
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

export function actions(blockId: string, elements: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}

export function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, LIMITS.optionText), value: clip(value, LIMITS.optionValue) };
}

interface InputOptions {
  optional?: boolean;
  hint?: string;
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
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, LIMITS.label),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.label) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: actionId,
      multiline: opts.multiline ?? false,
      ...(opts.initial ? { initial_value: clip(opts.initial, opts.maxLength ?? 3000) } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, LIMITS.placeholder) } : {}),
      ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
    },
  };
}

export function selectInput(
  blockId: string,
  actionId: string,
  label: string,
  options: PlainTextOption[],
  opts: InputOptions & { initial?: string | null; placeholder?: string } = {},
): InputBlock {
  const initial = options.find((o) => o.value === opts.initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, LIMITS.label),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.label) } : {}),
    element: {
      type: 'static_select',
      action_id: actionId,
      options: options.slice(0, 100),
      ...(initial ? { initial_option: initial } : {}),
      ...(opts.placeholder ? { placeholder: plain(opts.placeholder, LIMITS.placeholder) } : {}),
    },
  };
}

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

/** A modal shown for the moment it takes to load data (trigger ids expire in 3 s; views.open goes first). */
export function loadingModal(title: string): ModalView {
  return modal({ callbackId: 'loading', title, blocks: [section(':hourglass_flowing_sand: One moment…')] });
}
