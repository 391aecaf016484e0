// The development plan: skills a conversation showed are missing, tracked gap → learning → done,
// each remembering where it came from.
import { firstName } from './text';
import { formatLocal } from './time';
import type { ContactData, ConversationData, SkillData, SkillStatus } from './types';
import { SKILL_STATUSES } from './types';

/** A Map or a plain object keyed by id. */
export type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

/** A skill with its plan: where to learn it, by when, and every conversation that named it. */
export type PlanSkill = SkillData & {
  /** A course, a book, a video: where the member means to learn it. */
  resourceUrl?: string | null;
  /** Local date, YYYY-MM-DD. */
  targetDate?: string | null;
  /** Every conversation that named it (its source among them, for skills logged before this was kept). */
  mentionedIn?: readonly string[];
};

export interface DevelopmentPlanItem {
  skill: PlanSkill;
  /** "from a chat with Jane (Mar 3)", or null when the skill was added by hand. */
  source: string | null;
  /** How many conversations named it. */
  mentions: number;
  /** First names of the people who named it, earliest first, each once. */
  who: string[];
  resourceUrl: string | null;
  targetDate: string | null;
  /** "by Apr 30" (or "was due Apr 30" once past, while still open); null without a date. */
  targetLabel: string | null;
}

export interface DevelopmentPlanGroup {
  status: SkillStatus;
  label: string;
  items: DevelopmentPlanItem[];
}

const STATUS_LABELS: Record<SkillStatus, string> = {
  gap: 'To build',
  learning: 'Learning now',
  done: 'Done',
};

const NEXT_STATUS: Record<SkillStatus, SkillStatus> = { gap: 'learning', learning: 'done', done: 'gap' };

const ACTION_LABELS: Record<SkillStatus, string> = {
  gap: 'Start learning',
  learning: 'Mark as done',
  done: 'Reopen',
};

export function skillStatusLabel(status: SkillStatus): string {
  return STATUS_LABELS[status];
}

/** The status one click moves a skill to: gap → learning → done, and done back to gap (reopen). */
export function nextSkillStatus(status: SkillStatus): SkillStatus {
  return NEXT_STATUS[status];
}

/** The button text for moving a skill on from `status`. */
export function skillActionLabel(status: SkillStatus): string {
  return ACTION_LABELS[status];
}

function lookup<T>(table: Lookup<T>, id: string): T | undefined {
  if (table instanceof Map) return table.get(id);
  const record = table as Readonly<Record<string, T>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Where a skill came from, in words; null when it has no source conversation we know of. */
export function skillSource(
  skill: SkillData,
  conversationsById: Lookup<ConversationData>,
  contactsById: Lookup<ContactData>,
  tz?: string | null,
): string | null {
  if (!skill.sourceConversationId) return null;
  const conversation = lookup(conversationsById, skill.sourceConversationId);
  if (!conversation) return null;
  const when = formatLocal(
    conversation.heldAt ?? conversation.scheduledAt ?? conversation.createdAt,
    tz,
    'monthDay',
  );
  const contact = lookup(contactsById, conversation.contactId);
  return contact ? `from a chat with ${firstName(contact.name)} (${when})` : `from a chat on ${when}`;
}

/** The conversations that named a skill, as far as we still know them, earliest first. */
function mentionsOf(skill: PlanSkill, conversationsById: Lookup<ConversationData>): ConversationData[] {
  const ids = [...new Set([...(skill.mentionedIn ?? []), skill.sourceConversationId ?? ''])].filter(Boolean);
  const whenOf = (c: ConversationData) => (c.heldAt ?? c.scheduledAt ?? c.createdAt).getTime();
  return ids
    .map((id) => lookup(conversationsById, id))
    .filter((c): c is ConversationData => c !== undefined && !c.cancelledAt)
    .sort((a, b) => whenOf(a) - whenOf(b) || a.id.localeCompare(b.id));
}

/** "by Apr 30", or "was due Apr 30" for an open skill whose date has passed (`today`: YYYY-MM-DD). */
export function skillTargetLabel(
  targetDate: string | null | undefined,
  status: SkillStatus,
  today?: string,
): string | null {
  if (!targetDate || !/^\d{4}-\d{2}-\d{2}$/.test(targetDate)) return null;
  const day = formatLocal(new Date(`${targetDate}T12:00:00Z`), 'UTC', 'monthDay');
  return status !== 'done' && today && targetDate < today ? `was due ${day}` : `by ${day}`;
}

/**
 * The plan in three groups (to build, learning now, done), each skill with the conversations that named
 * it; within a group the most often named first, then the oldest. Empty groups are kept.
 */
export function developmentPlan(
  skills: readonly PlanSkill[],
  conversationsById: Lookup<ConversationData>,
  contactsById: Lookup<ContactData>,
  options: { tz?: string | null; today?: string } = {},
): DevelopmentPlanGroup[] {
  const items = skills.map((skill): DevelopmentPlanItem => {
    const named = mentionsOf(skill, conversationsById);
    const who = [
      ...new Set(
        named
          .map((c) => lookup(contactsById, c.contactId))
          .filter((c): c is ContactData => c !== undefined)
          .map((c) => firstName(c.name)),
      ),
    ];
    return {
      skill,
      source: skillSource(skill, conversationsById, contactsById, options.tz),
      mentions: named.length,
      who,
      resourceUrl: skill.resourceUrl ?? null,
      targetDate: skill.targetDate ?? null,
      targetLabel: skillTargetLabel(skill.targetDate, skill.status, options.today),
    };
  });
  return SKILL_STATUSES.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    items: items
      .filter((i) => i.skill.status === status)
      .sort(
        (a, b) =>
          b.mentions - a.mentions ||
          a.skill.createdAt.getTime() - b.skill.createdAt.getTime() ||
          a.skill.name.localeCompare(b.skill.name),
      ),
  }));
}

/** "Named in 3 conversations: Jane, Marcus and Priya"; the source line for one; null for none. */
export function skillMentionsLine(item: DevelopmentPlanItem): string | null {
  if (item.mentions === 0) return item.source;
  if (item.mentions === 1) return item.source ?? (item.who[0] ? `from a chat with ${item.who[0]}` : null);
  const names =
    item.who.length <= 1
      ? item.who.join('')
      : `${item.who.slice(0, -1).join(', ')} and ${item.who[item.who.length - 1]}`;
  return `named in ${item.mentions} conversations${names ? `: ${names}` : ''}`;
}

/** A resource link the plan accepts: http(s), a host with a dot, no spaces. */
export function isResourceUrl(text: string): boolean {
  if (text.length > 500 || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
