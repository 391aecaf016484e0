// The development plan: skills a conversation showed are missing, tracked gap → learning → done,
// each remembering where it came from.
import { firstName } from './text';
import { formatLocal } from './time';
import type { ContactData, ConversationData, SkillData, SkillStatus } from './types';
import { SKILL_STATUSES } from './types';

/** A Map or a plain object keyed by id. */
export type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

export interface DevelopmentPlanItem {
  skill: SkillData;
  /** "from a chat with Jane (Mar 3)", or null when the skill was added by hand. */
  source: string | null;
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

/** The plan in three groups (to build, learning now, done), each oldest first. Empty groups are kept. */
export function developmentPlan(
  skills: readonly SkillData[],
  conversationsById: Lookup<ConversationData>,
  contactsById: Lookup<ContactData>,
  options: { tz?: string | null } = {},
): DevelopmentPlanGroup[] {
  return SKILL_STATUSES.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    items: skills
      .filter((s) => s.status === status)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.name.localeCompare(b.name))
      .map((skill) => ({ skill, source: skillSource(skill, conversationsById, contactsById, options.tz) })),
  }));
}
