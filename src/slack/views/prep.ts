// Preparing for a chat: the questions DM, the modal for the member's own questions, and booking the chat.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { weekProgressLine } from '../../coaching/goals';
import { formatLocal } from '../../coaching/time';
import { type ContactData, type ConversationData, FORMATS } from '../../coaching/types';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import {
  MessageRef,
  pickedDate,
  pickedTime,
  readForm,
  readJson,
  type StateValues,
  wholeNumber,
} from './form';
import {
  actions,
  button,
  checkboxesInput,
  context,
  datepickerInput,
  esc,
  header,
  LIMITS,
  messageText,
  modal,
  packSections,
  plain,
  section,
  selectInput,
  textInput,
  timepickerInput,
} from './kit';
import { formatOptions } from './log';

export const PREP_QUESTIONS_CALLBACK_ID = 'prep_own_questions';
export const PREP_SCHEDULE_CALLBACK_ID = 'prep_schedule';

/** Buttons under the prep DM. */
export const PREP_ACTIONS = {
  /** Value: PrepState as JSON (the contact and the member's own questions so far). */
  ownQuestions: 'prep.own_questions',
  /** Value: the contact id. */
  schedule: 'prep.schedule',
} as const;

export const PREP_ACTIONS_BLOCK = 'prep_actions';

export const PREP_QUESTION_BLOCKS = {
  keep: { blockId: 'prep_keep', actionId: 'value' },
  own: { blockId: 'prep_own', actionId: 'value' },
} as const;

export const SCHEDULE_BLOCKS = {
  date: { blockId: 'schedule_date', actionId: 'value' },
  time: { blockId: 'schedule_time', actionId: 'value' },
  minutes: { blockId: 'schedule_minutes', actionId: 'value' },
  format: { blockId: 'schedule_format', actionId: 'value' },
} as const;

/** The member's own questions are few and short, so they fit in a button value (2,000 characters). */
export const OWN_QUESTIONS = { max: 5, maxLength: 150 } as const;

/** How many questions a prep list holds in all (the member's own and "who else" included). */
export const QUESTIONS_IN_ALL = { min: 5, max: 7 } as const;

export interface PrepQuestionView {
  text: string;
  own: boolean;
  searchable: string | null;
  better?: string | null;
}

export interface PrepMessageInput {
  contact: ContactData;
  reminder: string;
  questions: PrepQuestionView[];
  own: string[];
  /** Ids of the suggested questions the member left out. */
  skip?: string[];
}

const PrepState = z.object({
  contactId: z.string().min(1),
  own: z.array(z.string().max(OWN_QUESTIONS.maxLength)).max(OWN_QUESTIONS.max),
  skip: z.array(z.string().max(40)).max(10).optional(),
});
export type PrepState = z.infer<typeof PrepState>;

export function readPrepState(value: string | undefined): PrepState | null {
  return readJson(value, PrepState);
}

export function buildPrepMessage(input: PrepMessageInput): Message {
  const lines = input.questions.map((q, i) => {
    const mark = q.own ? ' _(yours)_' : '';
    const instead = q.better
      ? ` Ask instead: “${esc(q.better)}”`
      : ' Ask what it is like from the inside instead.';
    const flag = q.searchable
      ? `\n      :mag: _A quick search answers this: ${esc(q.searchable)}${instead}_`
      : '';
    return `*${i + 1}.* ${esc(q.text)}${mark}${flag}`;
  });
  const skip = (input.skip ?? []).slice(0, 10);
  const state: PrepState = {
    contactId: input.contact.id,
    own: input.own.slice(0, OWN_QUESTIONS.max).map((q) => q.slice(0, OWN_QUESTIONS.maxLength)),
    ...(skip.length > 0 ? { skip } : {}),
  };
  const blocks: KnownBlock[] = [
    header(`Questions for ${input.contact.name}`),
    section(`:mag: *Research first.* ${esc(input.reminder)}`),
    ...packSections(lines),
    context(
      'Listen far more than you talk, and offer to wrap up when your time is up. The last question matters most: every name they suggest can become your next conversation.',
    ),
    actions(PREP_ACTIONS_BLOCK, [
      button('Schedule the chat', PREP_ACTIONS.schedule, input.contact.id, 'primary'),
      button(
        input.own.length > 0 || skip.length > 0 ? 'Edit your questions' : 'Add your own question',
        PREP_ACTIONS.ownQuestions,
        JSON.stringify(state),
      ),
    ]),
  ];
  const text = `Questions for ${input.contact.name}:\n${input.questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n')}`;
  return {
    text: messageText(text),
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

// ---------------------------------------------------------------------------------------------
// The member's own questions.

const QuestionsMetadata = MessageRef.extend({ contactId: z.string().min(1) });
export type PrepQuestionsMetadata = z.infer<typeof QuestionsMetadata>;

/** A question as a checkbox option: the first 75 characters as its text, the rest as its description. */
function questionOption(id: string, text: string): PlainTextOption {
  const words = text.split(' ');
  let head = '';
  while (words.length > 0 && `${head} ${words[0]}`.trim().length <= LIMITS.optionText) {
    head = `${head} ${words.shift()}`.trim();
  }
  const rest = words.join(' ');
  return {
    text: plain(head || text, LIMITS.optionText),
    value: id,
    ...(rest ? { description: plain(rest, LIMITS.optionText) } : {}),
  };
}

export function buildOwnQuestionsModal(input: {
  contactName: string;
  own: string[];
  /** The questions suggested for this person ("who else" aside) and the ids left out so far. */
  suggested?: { id: string; text: string }[];
  skip?: string[];
  metadata: PrepQuestionsMetadata;
}): ModalView {
  const suggested = (input.suggested ?? []).slice(0, LIMITS.checkboxOptions);
  const keep = suggested.map((q) => q.id).filter((id) => !input.skip?.includes(id));
  return modal({
    callbackId: PREP_QUESTIONS_CALLBACK_ID,
    title: 'Your own questions',
    submit: 'Save my list',
    privateMetadata: JSON.stringify(input.metadata),
    blocks: [
      section(
        `Anything you really want to ask *${esc(input.contactName)}*? The best questions are about their judgment and experience; I'll flag any that a quick search would answer and suggest a better one.`,
      ),
      ...(suggested.length > 0
        ? [
            checkboxesInput(
              PREP_QUESTION_BLOCKS.keep.blockId,
              PREP_QUESTION_BLOCKS.keep.actionId,
              'My questions to keep',
              suggested.map((q) => questionOption(q.id, q.text)),
              {
                optional: true,
                initial: keep,
                hint: `Keep ${QUESTIONS_IN_ALL.min}–${QUESTIONS_IN_ALL.max} questions in all, yours included, for 20–30 minutes. "Who else would you suggest I talk to?" always comes last.`,
              },
            ),
          ]
        : []),
      textInput(
        PREP_QUESTION_BLOCKS.own.blockId,
        PREP_QUESTION_BLOCKS.own.actionId,
        'Your questions (one a line)',
        {
          optional: true,
          multiline: true,
          initial: input.own.join('\n'),
          maxLength: 1000,
          placeholder: 'e.g. What surprised you most in your first year?',
          hint: `Up to ${OWN_QUESTIONS.max}. They go before the closing "who else" question.`,
        },
      ),
    ],
  });
}

/** The inline error when the list would be longer or shorter than 5–7 questions. */
export function listSizeError(problem: {
  untick: number;
  add: number;
  min: number;
  max: number;
}): Record<string, string> {
  const range = `Keep ${problem.min}–${problem.max} questions`;
  if (problem.untick > 0) {
    const n = problem.untick;
    return {
      [PREP_QUESTION_BLOCKS.keep.blockId]:
        `${range}: untick ${n} (or remove ${n === 1 ? 'one' : n} of your own).`,
    };
  }
  return {
    [PREP_QUESTION_BLOCKS.keep.blockId]:
      `${range}: tick ${problem.add} more, or add ${problem.add === 1 ? 'one' : 'some'} of your own.`,
  };
}

export function readOwnQuestionsMetadata(privateMetadata: string | undefined): PrepQuestionsMetadata | null {
  return readJson(privateMetadata, QuestionsMetadata);
}

export function readOwnQuestionsForm(
  values: StateValues,
):
  | { ok: true; data: { own: string[]; keep: string[] | null } }
  | { ok: false; errors: Record<string, string> } {
  const form = readForm(values, {
    own: { ...PREP_QUESTION_BLOCKS.own, schema: z.string().optional() },
    keep: { ...PREP_QUESTION_BLOCKS.keep, schema: z.array(z.string()).optional() },
  });
  if (!form.ok) return form;
  const own = (form.data.own ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
  const blockId = PREP_QUESTION_BLOCKS.own.blockId;
  if (own.length > OWN_QUESTIONS.max) {
    return {
      ok: false,
      errors: {
        [blockId]: `Keep it to ${OWN_QUESTIONS.max} of your own; with the others that is plenty for 20 minutes.`,
      },
    };
  }
  const long = own.findIndex((q) => q.length > OWN_QUESTIONS.maxLength);
  if (long >= 0) {
    return {
      ok: false,
      errors: {
        [blockId]: `Question ${long + 1} is long; keep each under ${OWN_QUESTIONS.maxLength} characters so it is easy to ask.`,
      },
    };
  }
  // No keep block in the form (none was shown): every suggestion stays.
  return { ok: true, data: { own, keep: form.data.keep ?? null } };
}

// ---------------------------------------------------------------------------------------------
// Booking the chat.

const ScheduleMetadata = z.object({ contactId: z.string().min(1) });

export const SCHEDULE_MINUTES = { min: 10, max: 90 } as const;

export function buildScheduleModal(input: {
  contact: ContactData;
  minutes: number;
  tz: string;
  today: string;
}): ModalView {
  const S = SCHEDULE_BLOCKS;
  return modal({
    callbackId: PREP_SCHEDULE_CALLBACK_ID,
    title: 'Schedule the chat',
    submit: 'Save',
    privateMetadata: JSON.stringify({ contactId: input.contact.id }),
    blocks: [
      section(`When are you meeting *${esc(input.contact.name)}*?`),
      datepickerInput(S.date.blockId, S.date.actionId, 'Date', {
        initial: input.today,
        placeholder: 'Pick a date',
      }),
      timepickerInput(S.time.blockId, S.time.actionId, 'Time', {
        placeholder: 'Pick a time',
        hint: `Your time (${input.tz}).`,
      }),
      textInput(S.minutes.blockId, S.minutes.actionId, 'Minutes', {
        initial: String(input.minutes),
        maxLength: 2,
        hint: 'What you asked for. Offer to wrap up when it is up.',
      }),
      selectInput(S.format.blockId, S.format.actionId, 'Format', formatOptions(), { initial: 'video' }),
    ],
  });
}

export function readScheduleMetadata(privateMetadata: string | undefined): { contactId: string } | null {
  return readJson(privateMetadata, ScheduleMetadata);
}

export function readScheduleForm(values: StateValues) {
  const S = SCHEDULE_BLOCKS;
  return readForm(values, {
    date: { ...S.date, schema: pickedDate('Pick the day you are meeting.', 'Pick a date.') },
    time: { ...S.time, schema: pickedTime('Pick the time you are meeting.', 'Pick a time.') },
    minutes: {
      ...S.minutes,
      schema: wholeNumber(
        SCHEDULE_MINUTES.min,
        SCHEDULE_MINUTES.max,
        `Between ${SCHEDULE_MINUTES.min} and ${SCHEDULE_MINUTES.max} minutes; 20–30 is typical.`,
      ),
    },
    format: { ...S.format, schema: z.enum(FORMATS, { error: 'Pick coffee, phone or video.' }) },
  });
}

export function scheduleInPastError(tz: string): Record<string, string> {
  return {
    [SCHEDULE_BLOCKS.time.blockId]: `That time has already passed (${tz}). Pick when you are meeting.`,
  };
}

export function scheduleInvalidError(): Record<string, string> {
  return { [SCHEDULE_BLOCKS.date.blockId]: 'That date does not look right. Pick it from the calendar.' };
}

export function scheduleContactMissingError(): Record<string, string> {
  return { [SCHEDULE_BLOCKS.date.blockId]: "I can't find this person on your list any more." };
}

export function buildScheduledMessage(input: {
  contact: ContactData;
  conversation: ConversationData;
  tz: string;
  week: { thisWeek: number; goal: number };
}): Message {
  const { contact, conversation, tz } = input;
  const when = conversation.scheduledAt ? formatLocal(conversation.scheduledAt, tz, 'dateTime') : 'soon';
  const what =
    conversation.format === 'coffee'
      ? 'Coffee'
      : conversation.format === 'phone'
        ? 'Phone call'
        : 'Video call';
  const name = esc(contact.name);
  return {
    text: `Booked: ${what.toLowerCase()} with ${contact.name}, ${when} (${tz}), ${conversation.minutesRequested} minutes.`,
    blocks: [
      section(
        `:calendar: *Booked:* ${what.toLowerCase()} with *${name}*, ${when} (${esc(tz)}), ${conversation.minutesRequested} minutes.`,
      ),
      context(
        `Keep an eye on the clock and offer to wrap up at ${conversation.minutesRequested} minutes. ${weekProgressLine(input.week.thisWeek, input.week.goal)}.`,
      ),
      actions('scheduled_next', [
        button('Prep questions', OPEN.prep, contact.id, 'primary'),
        button('Log it afterwards', OPEN.log, contact.id),
      ]),
    ],
  };
}
