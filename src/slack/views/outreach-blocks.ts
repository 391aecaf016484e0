// Block helpers shared by the outreach views (ask, prep, goal): long text split over several
// sections, date and time pickers, and small JSON metadata read back safely.
import type { InputBlock, ModalView, SectionBlock } from '@slack/types';
import { z } from 'zod';
import { esc, LIMITS, modal, plain, section } from './kit';

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

export function datepickerInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: { initial?: string | null; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, LIMITS.label),
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.label) } : {}),
    element: {
      type: 'datepicker',
      action_id: actionId,
      ...(opts.initial ? { initial_date: opts.initial } : {}),
      placeholder: plain('Pick a date', LIMITS.placeholder),
    },
  };
}

export function timepickerInput(
  blockId: string,
  actionId: string,
  label: string,
  opts: { initial?: string | null; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, LIMITS.label),
    ...(opts.hint ? { hint: plain(opts.hint, LIMITS.label) } : {}),
    element: {
      type: 'timepicker',
      action_id: actionId,
      ...(opts.initial ? { initial_time: opts.initial } : {}),
      placeholder: plain('Pick a time', LIMITS.placeholder),
    },
  };
}

/** Parses private_metadata (or a button value) written by one of our builders; null when it is not. */
export function readJson<T>(text: string | undefined | null, schema: z.ZodType<T>): T | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A whole number typed into a text input, within a range; one clear message for anything else. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** A modal that only says something (the thing asked for is gone or not the member's). */
export function noticeModal(title: string, text: string): ModalView {
  return modal({ callbackId: 'outreach_notice', title, blocks: [section(text)], close: 'Close' });
}
