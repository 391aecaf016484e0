// "Log a conversation": the modal, the "Which one?" picker before it, and the DM that confirms a log
// with the thank-you draft.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { alreadyReached, type LoggedReferral, type LoggedSummary } from '../../coaching/logging';
import { isParseError, type ParsedReferral, parseList, parseReferrals } from '../../coaching/referrals';
import { stageLabel } from '../../coaching/stages';
import { firstName, plural } from '../../coaching/text';
import { formatLocal, formatWhen } from '../../coaching/time';
import { FORMATS, type Format } from '../../coaching/types';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { optionalText, pickedDate, readForm, readJson, type StateValues } from './form';
import {
  button,
  checkboxesInput,
  clip,
  context,
  datepickerInput,
  esc,
  LIMITS,
  modal,
  option,
  section,
  selectInput,
  textInput,
} from './kit';
import { thankYouBlocks } from './thanks';

export const LOG_CALLBACK_ID = 'log_conversation';
export const LOG_PICK_CALLBACK_ID = 'log_pick_person';
/** The global shortcut (manifest.yml) that opens the log modal. */
export const LOG_SHORTCUT_CALLBACK_ID = 'log_conversation_shortcut';

export const LOG_BLOCKS = {
  person: { blockId: 'log_person', actionId: 'value' },
  role: { blockId: 'log_role', actionId: 'value' },
  company: { blockId: 'log_company', actionId: 'value' },
  date: { blockId: 'log_date', actionId: 'value' },
  minutes: { blockId: 'log_minutes', actionId: 'value' },
  format: { blockId: 'log_format', actionId: 'value' },
  learned: { blockId: 'log_learned', actionId: 'value' },
  skills: { blockId: 'log_skills', actionId: 'value' },
  keywords: { blockId: 'log_keywords', actionId: 'value' },
  action: { blockId: 'log_action', actionId: 'value' },
  referrals: { blockId: 'log_referrals', actionId: 'value' },
  thanked: { blockId: 'log_thanked', actionId: 'value' },
} as const;

export const LOG_PICK_BLOCK = { blockId: 'log_pick', actionId: 'value' } as const;
/** The picker's option for "nobody on my list: add them". */
export const PICK_NEW_PERSON = '__new__';

const B = LOG_BLOCKS;
const FORMAT_LABELS: Record<Format, string> = { coffee: 'Coffee', phone: 'Phone', video: 'Video' };
export const MINUTES_RANGE = { min: 5, max: 240 } as const;
const THANKED_VALUE = 'sent';

export interface LogPerson {
  id?: string | null;
  name: string;
  role?: string | null;
  company?: string | null;
}

export interface LogModalInput {
  person?: LogPerson | null;
  /** The member's local date today (YYYY-MM-DD): the datepicker's default. */
  today: string;
  minutes?: number;
  format?: Format;
}

/** Coffee, phone or video: the options of a format menu. */
export function formatOptions(): PlainTextOption[] {
  return FORMATS.map((f) => option(FORMAT_LABELS[f], f));
}

const LogMetadata = z.object({ contactId: z.string().max(64) });

export function parseLogMetadata(raw: string | undefined): { contactId?: string } {
  return readJson(raw, LogMetadata) ?? {};
}

export function buildLogModal(input: LogModalInput): ModalView {
  const person = input.person;
  return modal({
    callbackId: LOG_CALLBACK_ID,
    title: 'Log a conversation',
    submit: 'Save',
    privateMetadata: JSON.stringify(person?.id ? { contactId: person.id } : {}),
    blocks: [
      section('While it is fresh: what you learned, and the *one thing* you will act on.'),
      textInput(B.person.blockId, B.person.actionId, 'Person', { initial: person?.name, maxLength: 100 }),
      textInput(B.role.blockId, B.role.actionId, 'Role', {
        optional: true,
        initial: person?.role,
        maxLength: 100,
        placeholder: 'e.g. UX Researcher',
      }),
      textInput(B.company.blockId, B.company.actionId, 'Company', {
        optional: true,
        initial: person?.company,
        maxLength: 100,
      }),
      datepickerInput(B.date.blockId, B.date.actionId, 'Date', { initial: input.today }),
      textInput(B.minutes.blockId, B.minutes.actionId, 'Minutes', {
        initial: String(input.minutes ?? 20),
        maxLength: 3,
        hint: 'How long you talked.',
      }),
      selectInput(B.format.blockId, B.format.actionId, 'Format', formatOptions(), {
        initial: input.format ?? 'video',
      }),
      textInput(B.learned.blockId, B.learned.actionId, 'What I learned', {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: 'The surprises: how they broke in, what a typical day looks like, what really matters.',
      }),
      textInput(B.skills.blockId, B.skills.actionId, "Skills I'm missing (comma separated)", {
        optional: true,
        maxLength: 1000,
        placeholder: 'e.g. usability testing, SQL',
        hint: 'They go into your development plan (/coach skills).',
      }),
      textInput(B.keywords.blockId, B.keywords.actionId, 'Words of the field (comma separated)', {
        optional: true,
        maxLength: 1000,
        placeholder: 'e.g. discovery, synthesis, stakeholder interviews',
        hint: 'The words they used. They make good resume keywords (/coach keywords).',
      }),
      textInput(B.action.blockId, B.action.actionId, "One thing I'll act on", {
        maxLength: 300,
        placeholder: 'e.g. redo my portfolio case study around one research question',
        hint: 'Your thank-you will name it.',
      }),
      textInput(B.referrals.blockId, B.referrals.actionId, 'Who else they suggested', {
        optional: true,
        multiline: true,
        maxLength: 2000,
        placeholder: 'Jane Doe — UX researcher, Acme',
        hint: 'One per line: "Name — role, company". Each becomes a new target, linked to this person.',
      }),
      checkboxesInput(
        B.thanked.blockId,
        B.thanked.actionId,
        'Thank-you already sent',
        [option('Yes, I sent it', THANKED_VALUE)],
        { optional: true },
      ),
    ],
  });
}

/** "Which one?" — shown first when the typed name matches several people. */
export function buildPickPersonModal(input: { typed: string; matches: LogPerson[] }): ModalView {
  const options = input.matches
    .filter((m): m is LogPerson & { id: string } => Boolean(m.id))
    .slice(0, 99)
    .map((m) => option([m.name, m.role, m.company].filter(Boolean).join(' · '), m.id));
  options.push(option(`Someone new: ${input.typed}`, PICK_NEW_PERSON));
  return modal({
    callbackId: LOG_PICK_CALLBACK_ID,
    title: 'Log a conversation',
    submit: 'Next',
    privateMetadata: JSON.stringify({ typed: input.typed.slice(0, 200) }),
    blocks: [
      section(`A few people on your list match “${esc(input.typed)}”.`),
      selectInput(LOG_PICK_BLOCK.blockId, LOG_PICK_BLOCK.actionId, 'Which one?', options),
    ],
  });
}

export function readPickForm(values: StateValues) {
  return readForm(values, {
    choice: { ...LOG_PICK_BLOCK, schema: z.string({ error: 'Pick the person you talked to.' }) },
  });
}

const PickMetadata = z.object({ typed: z.string() });

export function parsePickMetadata(raw: string | undefined): { typed: string } {
  return { typed: readJson(raw, PickMetadata)?.typed ?? '' };
}

/** How many people, skills and words one log may add: a conversation names a handful, never hundreds. */
const LOG_LIST_LIMITS = { referrals: 10, skills: 15, keywords: 15 } as const;

const referralsSchema = z
  .string()
  .max(2000, 'Please keep this under 2,000 characters.')
  .optional()
  .transform((text, ctx): ParsedReferral[] => {
    if (!text) return [];
    const parsed = parseReferrals(text);
    if (isParseError(parsed)) {
      ctx.addIssue({ code: 'custom', message: `Line ${parsed.line}: ${parsed.error}` });
      return z.NEVER;
    }
    if (parsed.length > LOG_LIST_LIMITS.referrals) {
      ctx.addIssue({
        code: 'custom',
        message: `Up to ${LOG_LIST_LIMITS.referrals} people at a time, please (this has ${parsed.length}). Add the rest with /coach add.`,
      });
      return z.NEVER;
    }
    return parsed;
  });

function listSchema(limit: number, what: string) {
  return z
    .string()
    .max(1000, 'Please keep this under 1,000 characters.')
    .optional()
    .transform((text, ctx) => {
      const items = text ? parseList(text) : [];
      if (items.length > limit) {
        ctx.addIssue({
          code: 'custom',
          message: `Up to ${limit} ${what} at a time, please (this has ${items.length}).`,
        });
        return z.NEVER;
      }
      return items;
    });
}

/** Reads and checks the log modal (a day still ahead is caught by the service, in the member's timezone). */
export function readLogForm(values: StateValues) {
  return readForm(values, {
    person: {
      ...B.person,
      schema: z
        .string({ error: 'Who did you talk to? Add their name.' })
        .max(100, 'Please keep the name under 100 characters.')
        .refine((v) => /\p{L}/u.test(v), 'That does not look like a name.'),
    },
    role: { ...B.role, schema: optionalText(100, 'the role') },
    company: { ...B.company, schema: optionalText(100, 'the company') },
    date: { ...B.date, schema: pickedDate('Pick the day you talked.') },
    minutes: {
      ...B.minutes,
      schema: z
        .string({ error: 'About how many minutes did you talk?' })
        .regex(/^\d{1,3}$/, 'Minutes as a whole number, like 20.')
        .transform(Number)
        .refine(
          (n) => n >= MINUTES_RANGE.min && n <= MINUTES_RANGE.max,
          `Between ${MINUTES_RANGE.min} and ${MINUTES_RANGE.max} minutes, please.`,
        ),
    },
    format: { ...B.format, schema: z.enum(FORMATS, { error: 'Coffee, phone or video?' }) },
    learned: { ...B.learned, schema: optionalText(2000, 'your notes') },
    skills: { ...B.skills, schema: listSchema(LOG_LIST_LIMITS.skills, 'skills') },
    keywords: { ...B.keywords, schema: listSchema(LOG_LIST_LIMITS.keywords, 'words') },
    action: {
      ...B.action,
      schema: z
        .string({ error: 'Name the one thing you will act on — your thank-you will mention it.' })
        .max(300, 'Keep it to one thing, in under 300 characters.'),
    },
    referrals: { ...B.referrals, schema: referralsSchema },
    thanked: {
      ...B.thanked,
      schema: z
        .array(z.string())
        .optional()
        .transform((v) => (v ?? []).includes(THANKED_VALUE)),
    },
  });
}

/** A problem the service found with an otherwise valid form, on the block it belongs to. */
export function logProblemErrors(problem: 'future_date'): Record<string, string> {
  switch (problem) {
    case 'future_date':
      return { [B.date.blockId]: 'That day is still ahead. Log the conversation once it has happened.' };
  }
}

// ---------------------------------------------------------------------------------------------
// The DM after a log.

export const LOGGED_BLOCK_IDS = { referrals: 'logged_referrals' } as const;
/** Buttons for drafting asks to suggested people; the rest are summarised. */
export const MAX_REFERRAL_BUTTONS = 5;

/**
 * The people this contact suggested: new targets and people on the list not reached yet each get a
 * Draft ask button; someone already met or asked gets no cold ask, only a note that this contact
 * suggested them too and a button to their record.
 */
function referralBlocks(summary: LoggedSummary, contactName: string, tz: string): KnownBlock[] {
  const referrals = summary.referrals;
  if (referrals.length === 0) return [];
  const name = esc(contactName);
  const who = esc(firstName(contactName) || contactName);
  const toAsk = referrals.filter((r) => !alreadyReached(r));
  const reached = referrals.filter((r) => alreadyReached(r));
  const added = toAsk.filter((r) => r.created).map((r) => esc(r.name));
  const waiting = toAsk.filter((r) => !r.created);
  const lines = [
    added.length > 0
      ? `:seedling: ${plural(added.length, 'new target', 'new targets')}, suggested by ${name}: ${added.join(', ')}.`
      : null,
    ...waiting.map((r) =>
      r.link === 'also' && r.introducedBy
        ? `*${esc(r.name)}* is already on your list: ${esc(r.introducedBy)} suggested them first, and ${who} suggested them too.`
        : `*${esc(r.name)}* is already on your list, and now linked to ${who}, who suggested them.`,
    ),
    toAsk.length > 0 ? '*Draft asks for the people suggested* — mention who sent you:' : null,
  ].filter(Boolean);
  const blocks: KnownBlock[] = [];
  if (lines.length > 0) blocks.push(section(lines.join('\n'), { block_id: LOGGED_BLOCK_IDS.referrals }));
  // One section per person: Slack wants action ids unique inside one actions block. People already
  // reached come after the asks, each with what the student has done with them and a way to their record.
  const shown = [...toAsk, ...reached].slice(0, MAX_REFERRAL_BUTTONS);
  for (const r of shown) {
    const ask = !alreadyReached(r);
    blocks.push(
      section(ask ? `:dart: *${esc(r.name)}*` : `:handshake: ${reachedLine(r, who, tz)}`, {
        block_id: `referral|${r.id}`,
        accessory: ask
          ? button('Draft ask', OPEN.ask, r.id)
          : button(clip(`See ${firstName(r.name) || r.name}`, 70), OPEN.people, r.id),
      }),
    );
  }
  const unshown = reached.filter((r) => !shown.includes(r));
  if (unshown.length > 0) {
    blocks.push(
      context(
        `Already met or asked, and suggested by ${who} too: ${unshown.map((r) => esc(r.name)).join(', ')}.`,
      ),
    );
  }
  if (toAsk.length > shown.filter((r) => !alreadyReached(r)).length) {
    blocks.push(
      context(
        `…and ${toAsk.length - shown.filter((r) => !alreadyReached(r)).length} more to reach out to. Find them with \`/coach people target\` or \`/coach chain ${esc(contactName)}\`.`,
      ),
    );
  }
  return blocks;
}

/** Someone already met or asked: what the student has done with them, and that this contact suggested them too. */
function reachedLine(r: LoggedReferral, who: string, tz: string): string {
  const person = esc(r.name);
  const first = esc(firstName(r.name) || r.name);
  if (r.metAt) {
    return (
      `*${person}* is already on your list (you met on ${formatLocal(r.metAt, tz, 'date')}), so there is no ` +
      `ask to send: ${who} suggested ${first} too. Next time you write to ${first}, mention it: a shared contact warms the thread.`
    );
  }
  if (r.askedAt) {
    return (
      `*${person}* is already on your list (you asked on ${formatLocal(r.askedAt, tz, 'date')}): ` +
      `${who} suggested ${first} too, so no new ask. If ${first} replies, mention that ${who} sent you as well.`
    );
  }
  return `*${person}* is already on your list (${stageLabel(r.stage).toLowerCase()}): ${who} suggested ${first} too.`;
}

export function buildLoggedMessage(summary: LoggedSummary, now: Date): Message {
  const { card } = summary;
  const name = esc(card.contactName);
  const blocks: KnownBlock[] = [
    section(
      `:coffee: Logged your conversation with *${name}* (${formatWhen(card.heldAt, card.tz, now)}) — ` +
        `stage: ${stageLabel(summary.contactStage)}.${summary.createdContact ? ' They are new on your list.' : ''}\n` +
        `*Your one thing:* ${esc(card.action)}`,
    ),
    ...thankYouBlocks(card, now),
  ];

  blocks.push(...referralBlocks(summary, card.contactName, card.tz));

  const extras = [
    summary.skillsAdded.length > 0
      ? `${plural(summary.skillsAdded.length, 'skill', 'skills')} added to your plan (\`/coach skills\`)`
      : null,
    summary.keywordsAdded.length > 0
      ? `${plural(summary.keywordsAdded.length, 'word', 'words')} added to your resume keywords (\`/coach keywords\`)`
      : null,
  ].filter((x): x is string => Boolean(x));
  if (extras.length > 0) blocks.push(context(`${extras.join(' · ')}.`));

  const text = card.thankYouSentAt
    ? `Logged your conversation with ${card.contactName}. Thank-you already sent.`
    : `Logged your conversation with ${card.contactName}. Your thank-you draft is ready: send it within 24 hours.`;
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
