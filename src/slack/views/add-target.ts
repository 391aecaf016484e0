// "Add a target" modal and the DM that confirms it.
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { listSizeNote } from '../../coaching/goals';
import { stageLabel } from '../../coaching/stages';
import type { ContactData } from '../../coaching/types';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { readForm, type StateValues } from './form';
import {
  actions,
  button,
  context,
  esc,
  modal,
  option,
  personLabel,
  roleAndCompany,
  section,
  selectInput,
  textInput,
} from './kit';

export const ADD_TARGET_CALLBACK_ID = 'add_target';

/** "Add <name>" where a typed name was not on the list; the value is the name (typed by the member). */
export const ADD_TARGET_ACTIONS = { named: 'add_target.named' } as const;

/** The longest name a target can have, so a name in a button value always fits the form. */
export const TARGET_NAME_MAX = 100;

/** A button that opens "Add a target" with `name` filled in. */
export function addNamedButton(name: string) {
  const clean = name.trim().slice(0, TARGET_NAME_MAX);
  return button(clean ? `Add ${clean}` : 'Add someone', ADD_TARGET_ACTIONS.named, clean, 'primary');
}

export const ADD_TARGET_BLOCKS = {
  name: { blockId: 'target_name', actionId: 'value' },
  role: { blockId: 'target_role', actionId: 'value' },
  company: { blockId: 'target_company', actionId: 'value' },
  industry: { blockId: 'target_industry', actionId: 'value' },
  why: { blockId: 'target_why', actionId: 'value' },
  link: { blockId: 'target_link', actionId: 'value' },
  referredBy: { blockId: 'target_referred_by', actionId: 'value' },
} as const;

const B = ADD_TARGET_BLOCKS;

export function buildAddTargetModal(input: {
  name?: string;
  referredById?: string | null;
  contacts: ContactData[];
}): ModalView {
  const referrers = input.contacts.slice(-100).map((c) => option(c.name, c.id));
  return modal({
    callbackId: ADD_TARGET_CALLBACK_ID,
    title: 'Add a target',
    submit: 'Add',
    blocks: [
      section('Someone one or two steps ahead of you on the path you want. Aim for 5–10 people.'),
      textInput(B.name.blockId, B.name.actionId, 'Name', { initial: input.name, maxLength: 100 }),
      textInput(B.role.blockId, B.role.actionId, 'Role', {
        placeholder: 'e.g. UX Researcher',
        maxLength: 100,
      }),
      textInput(B.company.blockId, B.company.actionId, 'Company', { maxLength: 100 }),
      textInput(B.industry.blockId, B.industry.actionId, 'Industry', {
        placeholder: 'e.g. healthcare',
        maxLength: 100,
      }),
      textInput(B.why.blockId, B.why.actionId, 'Why them (their path)', {
        multiline: true,
        maxLength: 500,
        placeholder: 'e.g. moved from teaching into research two years ago',
        hint: 'The specific reason you chose this person. Your ask will open with it.',
      }),
      textInput(B.link.blockId, B.link.actionId, 'Link', {
        optional: true,
        placeholder: 'LinkedIn or website',
      }),
      ...(referrers.length > 0
        ? [
            selectInput(B.referredBy.blockId, B.referredBy.actionId, 'Suggested by', referrers, {
              optional: true,
              initial: input.referredById,
              hint: 'If someone you talked to suggested this person.',
            }),
          ]
        : []),
    ],
  });
}

const required = (what: string, max = 100) =>
  z.string({ error: `Please add ${what}.` }).max(max, `Please keep ${what} under ${max} characters.`);

const optionalLink = z
  .string()
  .max(500, 'That link is too long.')
  .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
  .refine((v) => {
    try {
      return Boolean(new URL(v).hostname.includes('.'));
    } catch {
      return false;
    }
  }, 'That does not look like a link. Try something like linkedin.com/in/their-name.')
  .optional();

export function readAddTargetForm(values: StateValues) {
  return readForm(values, {
    name: { ...B.name, schema: required('their name') },
    role: { ...B.role, schema: required('their role') },
    company: { ...B.company, schema: required('their company') },
    industry: { ...B.industry, schema: required('their industry') },
    why: { ...B.why, schema: required('why you chose them', 500) },
    link: { ...B.link, schema: optionalLink },
    referredById: { ...B.referredBy, schema: z.string().optional() },
  });
}

export function buildTargetAddedMessage(
  contact: ContactData,
  progress: { have: number; goal: number },
  referrer?: ContactData | null,
): Message {
  const who = roleAndCompany(contact);
  const sizeNote = listSizeNote(progress.have);
  const text = `Added ${personLabel(contact)} to your targets — ${progress.have} of ${progress.goal} on your list.`;
  return {
    text,
    blocks: [
      section(`:dart: Added *${esc(contact.name)}*${who ? ` (${esc(who)})` : ''} to your targets.`),
      context(
        `${progress.have} of ${progress.goal} people on your list · stage: ${stageLabel(contact.stage)}` +
          (referrer ? ` · suggested by ${esc(referrer.name)}` : ''),
      ),
      ...(sizeNote ? [context(`:seedling: ${sizeNote}`)] : []),
      actions('target_added', [
        button('Draft the ask', OPEN.ask, contact.id, 'primary'),
        button('Add another', OPEN.addTarget, ''),
      ]),
    ],
  };
}

export function duplicateNameError(existing: ContactData): Record<string, string> {
  return {
    [B.name.blockId]:
      `${existing.name} is already on your list (${stageLabel(existing.stage)}). Use a different name, or find them with /coach people.`,
  };
}
