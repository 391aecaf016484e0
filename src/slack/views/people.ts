// `/coach people [stage]`: everyone on the list by stage, each with their next step and a menu of what
// to do. Fits one message (50 blocks) for any number of people: long stages are summarised and paged.
import type { KnownBlock, Overflow, SectionBlock } from '@slack/types';
import type { PipelineStage } from '../../coaching/pipeline';
import { stageEmoji, stageFromWords, stageLabel } from '../../coaching/stages';
import { type ContactData, STAGES, type Stage } from '../../coaching/types';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { restoreButton } from './archive';
import {
  actions,
  button,
  context,
  divider,
  esc,
  header,
  LIMITS,
  option,
  overflow,
  roleAndCompany,
  section,
  staticSelect,
} from './kit';

export const PEOPLE_ACTIONS = {
  /** The overflow menu on each person; option values are encoded with `encodePersonChoice`. */
  menu: 'after_chat.person_menu',
  /**
   * Buttons that show another list ("See all", Previous, First page); the value is the list to show
   * (`encodeListValue`). Next and Last page, and See everyone, have their own ids so a row of them is
   * valid Block Kit (ids are unique within a block).
   */
  page: 'people.page',
  next: 'people.page_next',
  everyone: 'people.everyone',
  /** The stage menu above the list; option values are `encodeListValue` too. */
  filter: 'people.filter',
} as const;

export const PEOPLE_BLOCK_IDS = { filter: 'people_filter', pages: 'people_pages' } as const;

export const PERSON_CHOICES = ['log', 'ask', 'prep', 'thanks', 'archive'] as const;
export type PersonChoice = (typeof PERSON_CHOICES)[number];

const CHOICE_LABELS: Record<PersonChoice, string> = {
  log: 'Log a conversation',
  ask: 'Draft an ask',
  prep: 'Prepare questions',
  thanks: 'Thank-you draft',
  archive: 'Archive',
};

/** People shown with their own line on one page of a stage. */
export const PEOPLE_PER_MESSAGE = 36;
/** Without a stage filter each stage shows at most this many, so every stage gets a look in. */
export const PEOPLE_PER_STAGE_OVERVIEW = 6;

export interface PeopleFilter {
  stage: Stage | null;
  /** 1-based page within a stage. */
  page: number;
}

export type StageFilterResult = { ok: true; filter: PeopleFilter } | { ok: false; message: string };

/** Reads "asked", "Chat booked 2", "all" or nothing. Unknown stages get a message naming the ones shown. */
export function readPeopleArgs(args: string): StageFilterResult {
  const words = args.trim().split(/\s+/).filter(Boolean);
  let page = 1;
  const last = words[words.length - 1];
  if (last && /^\d{1,4}$/.test(last)) {
    page = Math.max(1, Number(last));
    words.pop();
  }
  const text = words.join(' ');
  if (text === '' || text.toLowerCase() === 'all' || text.toLowerCase() === 'everyone')
    return { ok: true, filter: { stage: null, page: 1 } };
  const stage = stageFromWords(text);
  if (!stage) {
    return {
      ok: false,
      message:
        `I don't know the stage “${text}”. Pick one from the menu below, or type one as it is shown: ` +
        `${STAGES.map((s) => `“${stageLabel(s)}”`).join(', ')} — for example \`/coach people chat booked\`.`,
    };
  }
  return { ok: true, filter: { stage, page } };
}

/** A list to show, as a button or menu value: "stage|page", or "|1" for everyone. */
export function encodeListValue(filter: PeopleFilter): string {
  return `${filter.stage ?? ''}|${filter.page}`;
}

/** The list a Next/Previous button or the stage menu asks for; everyone for anything unreadable. */
export function decodeListValue(value: string | undefined): PeopleFilter {
  const [stage, page] = (value ?? '').split('|');
  const validStage = (STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : null;
  const n = Number(page);
  return { stage: validStage, page: validStage && Number.isInteger(n) && n > 1 ? Math.min(n, 9999) : 1 };
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

/** The stage menu: everyone, or one stage by the label shown, with how many are there. */
function filterMenu(stages: readonly PipelineStage[], filter: PeopleFilter): KnownBlock {
  const total = stages.filter((s) => s.stage !== 'archived').reduce((sum, s) => sum + s.count, 0);
  const everyone = encodeListValue({ stage: null, page: 1 });
  const options = [
    option(`Everyone (${total})`, everyone),
    ...stages.map((s) =>
      option(`${stageLabel(s.stage)} (${s.count})`, encodeListValue({ stage: s.stage, page: 1 })),
    ),
  ];
  return actions(PEOPLE_BLOCK_IDS.filter, [
    staticSelect(PEOPLE_ACTIONS.filter, options, {
      initial: filter.stage ? encodeListValue({ stage: filter.stage, page: 1 }) : everyone,
      placeholder: 'Show a stage',
    }),
  ]);
}

function pageButton(
  text: string,
  filter: PeopleFilter,
  style?: 'primary',
  actionId: string = PEOPLE_ACTIONS.page,
) {
  return button(text, actionId, encodeListValue(filter), style);
}

function everyoneButton(style?: 'primary') {
  return button('See everyone', PEOPLE_ACTIONS.everyone, encodeListValue({ stage: null, page: 1 }), style);
}

/** One stage, a page at a time, with Previous and Next. */
function stagePage(stage: PipelineStage, filter: PeopleFilter & { stage: Stage }): KnownBlock[] {
  const blocks: KnownBlock[] = [divider(), section(`*${stage.emoji} ${stage.label}* (${stage.count})`)];
  if (stage.count === 0) {
    blocks.push(
      context('Nobody at this stage right now.'),
      actions(PEOPLE_BLOCK_IDS.pages, [everyoneButton('primary')]),
    );
    return blocks;
  }
  const pages = Math.ceil(stage.count / PEOPLE_PER_MESSAGE);
  if (filter.page > pages) {
    blocks.push(
      context(`There are ${stage.count} here, on ${pages === 1 ? 'one page' : `${pages} pages`}.`),
      actions(PEOPLE_BLOCK_IDS.pages, [
        pageButton('First page', { stage: filter.stage, page: 1 }, 'primary'),
        ...(pages > 1
          ? [pageButton('Last page', { stage: filter.stage, page: pages }, undefined, PEOPLE_ACTIONS.next)]
          : []),
      ]),
    );
    return blocks;
  }
  const start = (filter.page - 1) * PEOPLE_PER_MESSAGE;
  const page = stage.contacts.slice(start, start + PEOPLE_PER_MESSAGE);
  for (const entry of page) blocks.push(personBlock(entry, filter));
  if (pages > 1) {
    blocks.push(
      context(`Page ${filter.page} of ${pages} · ${start + 1}–${start + page.length} of ${stage.count}`),
    );
  }
  const moves = [
    ...(filter.page > 1 ? [pageButton('Previous', { stage: filter.stage, page: filter.page - 1 })] : []),
    ...(filter.page < pages
      ? [pageButton('Next', { stage: filter.stage, page: filter.page + 1 }, 'primary', PEOPLE_ACTIONS.next)]
      : []),
    everyoneButton(),
  ];
  blocks.push(actions(PEOPLE_BLOCK_IDS.pages, moves));
  return blocks;
}

/** Everyone, a few of each stage, with a button to see the whole of a stage. */
function overview(stages: readonly PipelineStage[], filter: PeopleFilter): KnownBlock[] {
  const shown = stages.filter((s) => s.stage !== 'archived' && s.count > 0);
  const archived = stages.find((s) => s.stage === 'archived')?.count ?? 0;
  // Every stage's heading and "see all" line fit, and the people share what is left of the message.
  const fixed = 4 + 3 * shown.length + (archived > 0 ? 1 : 0);
  let budget = Math.min(PEOPLE_PER_MESSAGE, LIMITS.messageBlocks - fixed);
  const perStage = Math.max(
    1,
    Math.min(PEOPLE_PER_STAGE_OVERVIEW, Math.floor(budget / Math.max(1, shown.length))),
  );
  const blocks: KnownBlock[] = [];
  for (const stage of shown) {
    blocks.push(divider(), section(`*${stage.emoji} ${stage.label}* (${stage.count})`));
    const page = stage.contacts.slice(0, Math.max(0, Math.min(perStage, budget)));
    budget -= page.length;
    for (const entry of page) blocks.push(personBlock(entry, filter));
    const after = stage.count - page.length;
    if (after > 0) {
      blocks.push(
        section(`…and ${after} more`, {
          accessory: pageButton(`See all ${stage.count}`, { stage: stage.stage, page: 1 }),
        }),
      );
    }
  }
  if (archived > 0) {
    blocks.push(
      section(`${stageEmoji('archived')} ${archived} archived`, {
        accessory: pageButton('See archived', { stage: 'archived', page: 1 }),
      }),
    );
  }
  return blocks;
}

/**
 * The whole list, or one page of a stage, inside one message: a stage menu on top, Previous and Next
 * under a stage. `notice` goes first (e.g. a stage word that was not understood).
 */
export function buildPeopleMessage(
  stages: readonly PipelineStage[],
  filter: PeopleFilter,
  notice?: string,
): Message {
  const total = stages.filter((s) => s.stage !== 'archived').reduce((sum, s) => sum + s.count, 0);
  const archivedCount = stages.find((s) => s.stage === 'archived')?.count ?? 0;
  const blocks: KnownBlock[] = [
    ...(notice ? [section(esc(notice))] : []),
    header(filter.stage ? `Your people: ${stageLabel(filter.stage)}` : 'Your people'),
  ];

  if (total === 0 && archivedCount === 0) {
    blocks.push(
      section(
        'Nobody on your list yet. Start with 5–10 people a step or two ahead of you: people whose path you would like to hear about.',
      ),
      actions(PEOPLE_BLOCK_IDS.pages, [button('Add a person', OPEN.addTarget, '', 'primary')]),
    );
    return { text: 'Nobody on your list yet. Add the first person with `/coach add`.', blocks };
  }

  blocks.push(context(countsLine(stages)), filterMenu(stages, filter));
  if (filter.stage) {
    const stage = stages.find((s) => s.stage === filter.stage);
    if (stage) blocks.push(...stagePage(stage, { ...filter, stage: filter.stage }));
  } else {
    if (total === 0) {
      blocks.push(
        section('Everyone on your list is archived. Bring someone back, or add someone new.'),
        actions(PEOPLE_BLOCK_IDS.pages, [
          button('Add a person', OPEN.addTarget, '', 'primary'),
          pageButton('See archived', { stage: 'archived', page: 1 }),
        ]),
      );
    }
    blocks.push(...overview(stages, filter));
  }

  const text = filter.stage
    ? `${stageLabel(filter.stage)}: ${stages.find((s) => s.stage === filter.stage)?.count ?? 0} people.`
    : `${total} people on your list.`;
  return { text: notice ? `${notice} ${text}` : text, blocks: blocks.slice(0, LIMITS.messageBlocks) };
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
        (referrerName ? ` · suggested by ${esc(referrerName)}` : ''),
    ),
    actions(PEOPLE_BLOCK_IDS.pages, [everyoneButton()]),
  ];
  return { text: `${contact.name}: ${entry.next.label}`, blocks };
}

export function personNotFoundText(): string {
  return "I couldn't find that person on your list any more. See everyone with `/coach people`.";
}
