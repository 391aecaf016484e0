// `/coach people [stage]`: everyone on the list by stage, each with their next step and a menu of what
// to do. Fits one message (50 blocks) for any number of people: long stages are summarised and paged.
import type { KnownBlock, Overflow, SectionBlock } from '@slack/types';
import type { PipelineStage } from '../../coaching/pipeline';
import { stageEmoji, stageLabel } from '../../coaching/stages';
import { type ContactData, STAGES, type Stage } from '../../coaching/types';
import type { Message } from '../surfaces';
import { restoreButton } from './archive';
import { context, divider, esc, header, LIMITS, option, overflow, roleAndCompany, section } from './kit';

export const PEOPLE_ACTIONS = {
  /** The overflow menu on each person; option values are encoded with `encodePersonChoice`. */
  menu: 'after_chat.person_menu',
} as const;

export const PERSON_CHOICES = ['log', 'ask', 'prep', 'thanks', 'archive'] as const;
export type PersonChoice = (typeof PERSON_CHOICES)[number];

const CHOICE_LABELS: Record<PersonChoice, string> = {
  log: 'Log a conversation',
  ask: 'Draft an ask',
  prep: 'Prepare questions',
  thanks: 'Thank-you draft',
  archive: 'Archive',
};

/** People shown with their own line in one message; the rest are counted. */
export const PEOPLE_PER_MESSAGE = 36;
/** Without a stage filter each stage shows at most this many, so every stage gets a look in. */
export const PEOPLE_PER_STAGE_OVERVIEW = 6;

export interface PeopleFilter {
  stage: Stage | null;
  /** 1-based page within a stage. */
  page: number;
}

export type StageFilterResult = { ok: true; filter: PeopleFilter } | { ok: false; message: string };

const STAGE_WORDS: Record<string, Stage> = {
  target: 'target',
  targets: 'target',
  'to reach out to': 'target',
  asked: 'asked',
  ask: 'asked',
  scheduled: 'scheduled',
  booked: 'scheduled',
  'chat booked': 'scheduled',
  met: 'met',
  thanked: 'thanked',
  archived: 'archived',
  archive: 'archived',
};

/** Reads "asked", "asked 2", "all" or nothing. Unknown stages get a message listing the valid ones. */
export function readPeopleArgs(args: string): StageFilterResult {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  let page = 1;
  const last = words[words.length - 1];
  if (last && /^\d{1,4}$/.test(last)) {
    page = Math.max(1, Number(last));
    words.pop();
  }
  const text = words.join(' ');
  if (text === '' || text === 'all')
    return { ok: true, filter: { stage: null, page: text === '' && page > 1 ? 1 : page } };
  const stage = STAGE_WORDS[text];
  if (!stage) {
    return {
      ok: false,
      message:
        `I don't know the stage “${text}”. Try one of: ${STAGES.map((s) => `\`${s}\``).join(', ')} ` +
        '— for example `/coach people asked`. With no stage you see everyone.',
    };
  }
  return { ok: true, filter: { stage, page } };
}

/** Option values carry the choice, the person and the list being looked at (so it can be redrawn). */
export function encodePersonChoice(choice: PersonChoice, contactId: string, filter: PeopleFilter): string {
  return [choice, contactId, filter.stage ?? '', String(filter.page)].join('|');
}

export function decodePersonChoice(
  value: string | undefined,
): { choice: PersonChoice; contactId: string; filter: PeopleFilter } | null {
  const [choice, contactId, stage, page] = (value ?? '').split('|');
  if (!choice || !contactId || !(PERSON_CHOICES as readonly string[]).includes(choice)) return null;
  const validStage = (STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : null;
  return {
    choice: choice as PersonChoice,
    contactId,
    filter: { stage: validStage, page: Math.max(1, Number(page) || 1) },
  };
}

function personMenu(contact: ContactData, filter: PeopleFilter): Overflow {
  const choices = PERSON_CHOICES.filter((c) => !(c === 'archive' && contact.stage === 'archived'));
  return overflow(
    PEOPLE_ACTIONS.menu,
    choices.map((c) => option(CHOICE_LABELS[c], encodePersonChoice(c, contact.id, filter))),
  );
}

function whoLine(contact: ContactData): string {
  const where = roleAndCompany(contact);
  return `*${esc(contact.name)}*${where ? ` — ${esc(where)}` : ''}`;
}

export function personBlock(entry: PipelineStage['contacts'][number], filter: PeopleFilter): SectionBlock {
  return section(`${whoLine(entry.contact)}\n_Next:_ ${esc(entry.next.label)}`, {
    block_id: `person|${entry.contact.id}`,
    // An archived person's one step is to come back; the menu's steps are for people on the list.
    accessory:
      entry.contact.stage === 'archived'
        ? restoreButton(entry.contact.id, filter)
        : personMenu(entry.contact, filter),
  });
}

function countsLine(stages: readonly PipelineStage[]): string {
  return stages.map((s) => `${stageEmoji(s.stage)} ${stageLabel(s.stage)}: *${s.count}*`).join('  ·  ');
}

/** The whole list, or one stage of it, inside one message. */
export function buildPeopleMessage(stages: readonly PipelineStage[], filter: PeopleFilter): Message {
  const total = stages.filter((s) => s.stage !== 'archived').reduce((sum, s) => sum + s.count, 0);
  const blocks: KnownBlock[] = [
    header(filter.stage ? `Your people: ${stageLabel(filter.stage)}` : 'Your people'),
    context(countsLine(stages)),
  ];

  if (total === 0 && !filter.stage) {
    blocks.push(
      section(
        'Nobody on your list yet. Start with 5–10 people a step or two ahead of you: `/coach add` adds one.',
      ),
    );
    return { text: 'Nobody on your list yet. `/coach add <name>` adds the first person.', blocks };
  }

  const shown = filter.stage
    ? stages.filter((s) => s.stage === filter.stage)
    : stages.filter((s) => s.stage !== 'archived' && s.count > 0);
  let budget = PEOPLE_PER_MESSAGE;
  for (const stage of shown) {
    blocks.push(divider(), section(`*${stage.emoji} ${stage.label}* (${stage.count})`));
    if (stage.count === 0) {
      blocks.push(context('Nobody at this stage right now.'));
      continue;
    }
    const perStage = filter.stage ? PEOPLE_PER_MESSAGE : PEOPLE_PER_STAGE_OVERVIEW;
    const take = Math.max(0, Math.min(perStage, budget));
    const start = filter.stage ? (filter.page - 1) * perStage : 0;
    const page = stage.contacts.slice(start, start + take);
    budget -= page.length;
    for (const entry of page) blocks.push(personBlock(entry, filter));
    const after = stage.count - start - page.length;
    if (page.length === 0 && start > 0) {
      blocks.push(
        context(
          `That page is empty: there are ${stage.count} in this stage. Try \`/coach people ${stage.stage}\`.`,
        ),
      );
    } else if (after > 0) {
      const more = filter.stage
        ? `…and ${after} more — \`/coach people ${stage.stage} ${filter.page + 1}\``
        : `…and ${after} more — \`/coach people ${stage.stage}\``;
      blocks.push(context(more));
    }
  }
  const archived = stages.find((s) => s.stage === 'archived')?.count ?? 0;
  if (!filter.stage && archived > 0)
    blocks.push(context(`${archived} archived — \`/coach people archived\``));

  const text = filter.stage
    ? `${stageLabel(filter.stage)}: ${stages.find((s) => s.stage === filter.stage)?.count ?? 0} people.`
    : `${total} people on your list.`;
  return { text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

/** One person on their own (the OPEN.people button with a contact id). */
export function buildPersonMessage(
  entry: PipelineStage['contacts'][number],
  referrerName: string | null,
): Message {
  const { contact } = entry;
  const filter: PeopleFilter = { stage: contact.stage, page: 1 };
  const blocks: KnownBlock[] = [
    personBlock(entry, filter),
    context(
      `${stageEmoji(contact.stage)} ${stageLabel(contact.stage)}` +
        (referrerName ? ` · suggested by ${esc(referrerName)}` : '') +
        ` · everyone: \`/coach people\``,
    ),
  ];
  return { text: `${contact.name}: ${entry.next.label}`, blocks };
}

export function personNotFoundText(): string {
  return "I couldn't find that person on your list any more. See everyone with `/coach people`.";
}
