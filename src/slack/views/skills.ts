// `/coach skills` (the development plan: gap → learning → done, each skill with how many conversations
// named it and who, a resource and a date, edited in a modal) and `/coach keywords` (the field's
// vocabulary, for the resume). Both fit one message for any amount.
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import {
  type DevelopmentPlanGroup,
  type DevelopmentPlanItem,
  isResourceUrl,
  skillActionLabel,
  skillMentionsLine,
  skillStatusLabel,
} from '../../coaching/skills';
import { plural } from '../../coaching/text';
import { SKILL_STATUSES, type SkillStatus } from '../../coaching/types';
import type { KeywordEntry } from '../../services/skills';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { readForm, readJson, type StateValues } from './form';
import {
  actions,
  button,
  clip,
  context,
  datepickerInput,
  divider,
  esc,
  header,
  LIMITS,
  modal,
  option,
  packLines,
  section,
  selectInput,
  staticSelect,
  textInput,
} from './kit';

export const SKILLS_ACTIONS = {
  /** Value: the skill id. Moves it one step on. */
  advance: 'after_chat.skill_advance',
  /** A menu of the skills; the option value is the skill id. Opens its plan in a modal. */
  edit: 'skills.edit',
  /** Shows the development plan (App Home, the words of the field). No value. */
  open: 'open.skills',
  /** Shows the words of the field. No value. */
  keywords: 'open.keywords',
} as const;

export const SKILLS_BLOCK_IDS = { more: 'skills_more' } as const;

/** Skills with their own line and button in each group; the rest are named in one line. */
export const SKILLS_PER_GROUP = 12;
/** Sections of keyword lines in one message (about 2,900 characters each). */
const KEYWORD_SECTIONS = 12;

const GROUP_EMOJI: Record<string, string> = {
  gap: ':seedling:',
  learning: ':books:',
  done: ':white_check_mark:',
};

/** A link Slack shows as the site's name; characters that would break the link are encoded. */
function resourceLink(url: string): string {
  let label = url;
  try {
    label = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // stored links are checked when saved; an odd one still shows as itself
  }
  const safe = url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${safe}|${esc(label)}>`;
}

function skillLine(item: DevelopmentPlanItem): string {
  const mentioned = skillMentionsLine(item);
  const plan = [
    ...(item.resourceUrl ? [`:link: ${resourceLink(item.resourceUrl)}`] : []),
    ...(item.targetLabel ? [`:calendar: ${esc(item.targetLabel)}`] : []),
  ];
  return (
    `*${esc(item.skill.name)}*${mentioned ? ` — ${esc(mentioned)}` : ''}` +
    (plan.length > 0 ? `\n${plan.join('  ·  ')}` : '')
  );
}

export function buildSkillsMessage(plan: readonly DevelopmentPlanGroup[], notice?: string): Message {
  const total = plan.reduce((sum, g) => sum + g.items.length, 0);
  if (total === 0) {
    const text =
      'Your development plan is empty. When a conversation shows a skill you are missing, add it under “Skills I’m missing” as you log the chat, and it lands here.';
    return {
      text,
      blocks: [
        header('Your development plan'),
        section(text),
        actions(SKILLS_BLOCK_IDS.more, [button('Log a conversation', OPEN.log, '', 'primary')]),
      ],
    };
  }
  const blocks: KnownBlock[] = [
    ...(notice ? [section(notice)] : []),
    header('Your development plan'),
    context(
      'Skills your conversations showed you need, the most often named first. Give each a resource and a date, and move it on as you work on it.',
    ),
  ];
  for (const group of plan) {
    blocks.push(
      divider(),
      section(`${GROUP_EMOJI[group.status] ?? ''} *${group.label}* (${group.items.length})`),
    );
    if (group.items.length === 0) {
      blocks.push(context(group.status === 'learning' ? 'Pick one skill to start on.' : 'None yet.'));
      continue;
    }
    for (const item of group.items.slice(0, SKILLS_PER_GROUP)) {
      blocks.push(
        section(skillLine(item), {
          block_id: `skill|${item.skill.id}`,
          accessory: button(skillActionLabel(item.skill.status), SKILLS_ACTIONS.advance, item.skill.id),
        }),
      );
    }
    const rest = group.items.slice(SKILLS_PER_GROUP);
    if (rest.length > 0) {
      blocks.push(
        context(clip(`…and ${rest.length} more: ${rest.map((i) => esc(i.skill.name)).join(', ')}`, 2000)),
      );
    }
  }
  const everySkill = plan.flatMap((g) => g.items);
  blocks.push(
    divider(),
    actions(SKILLS_BLOCK_IDS.more, [
      staticSelect(
        SKILLS_ACTIONS.edit,
        everySkill.map((i) => option(i.skill.name, i.skill.id)),
        { placeholder: 'Add a resource or a date…' },
      ),
      button('Words of your field', SKILLS_ACTIONS.keywords, ''),
    ]),
  );
  const [gap, learning, done] = plan.map((g) => g.items.length);
  const summary = `Your development plan: ${gap ?? 0} to build, ${learning ?? 0} learning, ${done ?? 0} done.`;
  // The edit menu and its row always come last, whatever the limit cuts.
  const fitted =
    blocks.length > LIMITS.messageBlocks
      ? [...blocks.slice(0, LIMITS.messageBlocks - 2), ...blocks.slice(-2)]
      : blocks;
  return { text: notice ? `${notice} ${summary}` : summary, blocks: fitted };
}

// ---------------------------------------------------------------------------------------------
// A skill's plan, in a modal.

export const SKILL_PLAN_CALLBACK_ID = 'skill_plan';

export const SKILL_PLAN_BLOCKS = {
  status: { blockId: 'skill_status', actionId: 'value' },
  resource: { blockId: 'skill_resource', actionId: 'value' },
  date: { blockId: 'skill_date', actionId: 'value' },
} as const;

/** How far ahead a target date may be. */
const MAX_YEARS_AHEAD = 3;

const PlanMetadata = z.object({
  skillId: z.string().min(1).max(100),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type SkillPlanMetadata = z.infer<typeof PlanMetadata>;

export function buildSkillPlanModal(item: DevelopmentPlanItem, today: string): ModalView {
  const B = SKILL_PLAN_BLOCKS;
  const mentioned = skillMentionsLine(item);
  return modal({
    callbackId: SKILL_PLAN_CALLBACK_ID,
    title: 'Plan a skill',
    submit: 'Save',
    privateMetadata: JSON.stringify({ skillId: item.skill.id, today } satisfies SkillPlanMetadata),
    blocks: [
      section(`*${esc(item.skill.name)}*${mentioned ? `\n${esc(mentioned)}` : ''}`),
      selectInput(
        B.status.blockId,
        B.status.actionId,
        'Where you are with it',
        SKILL_STATUSES.map((s) => option(skillStatusLabel(s), s)),
        { initial: item.skill.status },
      ),
      textInput(B.resource.blockId, B.resource.actionId, 'Something to learn it from', {
        optional: true,
        initial: item.resourceUrl,
        maxLength: 500,
        placeholder: 'https://…',
        hint: 'A link to a course, a book, a video or a project brief. Leave it empty if you have none yet.',
      }),
      datepickerInput(B.date.blockId, B.date.actionId, 'Aim to have it by', {
        optional: true,
        initial: item.targetDate,
        placeholder: 'No date yet',
        hint: 'A date a few weeks out keeps it moving. Leave it empty for no date.',
      }),
    ],
  });
}

export function readSkillPlanMetadata(privateMetadata: string | undefined): SkillPlanMetadata | null {
  return readJson(privateMetadata, PlanMetadata);
}

export interface SkillPlanForm {
  status: SkillStatus;
  resourceUrl: string | null;
  targetDate: string | null;
}

function addYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

function realDate(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

/** Reads the plan modal: every field is checked and every problem reported at once. */
export function readSkillPlanForm(values: StateValues, today: string) {
  const B = SKILL_PLAN_BLOCKS;
  const form = readForm(values, {
    status: { ...B.status, schema: z.enum(SKILL_STATUSES, { error: 'Pick where you are with it.' }) },
    resourceUrl: {
      ...B.resource,
      schema: z
        .string()
        .max(500, 'Please keep the link under 500 characters.')
        .refine(
          isResourceUrl,
          'That does not look like a link. Paste the whole address, starting with https://',
        )
        .optional(),
    },
    targetDate: {
      ...B.date,
      schema: z
        .string()
        .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && realDate(d), 'Please pick a date from the calendar.')
        .refine((d) => d >= today, 'Pick a date from today on, or leave it empty.')
        .refine(
          (d) => d <= addYears(today, MAX_YEARS_AHEAD),
          `Pick a date within ${MAX_YEARS_AHEAD} years — a nearer one keeps it moving.`,
        )
        .optional(),
    },
  });
  if (!form.ok) return form;
  const data: SkillPlanForm = {
    status: form.data.status,
    resourceUrl: form.data.resourceUrl ?? null,
    targetDate: form.data.targetDate ?? null,
  };
  return { ok: true as const, data };
}

/** The line on top of the plan after saving one skill's plan. */
export function skillPlanSavedNotice(item: DevelopmentPlanItem | undefined, name: string): string {
  const parts = [
    item ? skillStatusLabel(item.skill.status) : null,
    item?.resourceUrl ? 'a resource' : null,
    item?.targetLabel ?? null,
  ].filter(Boolean);
  return `:white_check_mark: Saved *${esc(name)}*${parts.length > 0 ? `: ${esc(parts.join(' · '))}` : ''}.`;
}

export function skillNotFoundText(): string {
  return "I couldn't find that skill any more. `/coach skills` shows your plan as it is now.";
}

export function buildKeywordsMessage(keywords: readonly KeywordEntry[]): Message {
  if (keywords.length === 0) {
    const text =
      'No words collected yet. When you log a conversation, note the words they used under “Words of the field” — they make strong resume keywords.';
    return {
      text,
      blocks: [
        header('Words of your field'),
        section(text),
        actions(SKILLS_BLOCK_IDS.more, [
          button('Log a conversation', OPEN.log, '', 'primary'),
          button('Your development plan', SKILLS_ACTIONS.open, ''),
        ]),
      ],
    };
  }
  const lines = keywords.map((k) => `• *${esc(k.term)}*${k.from ? ` — from ${esc(k.from)}` : ''}`);
  const packed = packLines(lines, KEYWORD_SECTIONS);
  const blocks: KnownBlock[] = [
    header('Words of your field'),
    context(
      `${plural(keywords.length, 'word', 'words')} from your conversations. Use the ones that fit your experience in your resume and profile.`,
    ),
    section(`*All together, ready to copy:*\n${esc(keywords.map((k) => k.term).join(', '))}`),
    divider(),
    ...packed.blocks,
    ...(packed.omitted > 0 ? [context(`…and ${packed.omitted} more — \`/coach export\` has them all.`)] : []),
  ];
  const more = actions(SKILLS_BLOCK_IDS.more, [button('Your development plan', SKILLS_ACTIONS.open, '')]);
  return {
    text: `${keywords.length} words of your field.`,
    blocks: [...blocks.slice(0, LIMITS.messageBlocks - 1), more],
  };
}
