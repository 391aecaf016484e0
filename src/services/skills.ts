// The development plan (skills to build: who named them, where to learn them, by when) and the field's
// vocabulary (resume keywords).
import {
  type DevelopmentPlanGroup,
  type DevelopmentPlanItem,
  developmentPlan,
  nextSkillStatus,
} from '../coaching/skills';
import { firstName } from '../coaching/text';
import { isoLocalDate } from '../coaching/time';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { listContacts } from '../store/contacts';
import { conversationsById } from '../store/conversations';
import { listKeywords } from '../store/keywords';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member } from '../store/members';
import { applyOnce } from '../store/requests';
import {
  getSkill,
  listPlanSkills,
  type SkillPlanChange,
  setSkillStatus,
  updateSkillPlan,
} from '../store/skills';

async function planFor(db: Db, member: Member, now: Date): Promise<DevelopmentPlanGroup[]> {
  const [skills, contacts, conversations] = await Promise.all([
    listPlanSkills(db, member),
    listContacts(db, member, { includeArchived: true }),
    conversationsById(db, member),
  ]);
  const tz = toPrefs(member).tz;
  return developmentPlan(skills, conversations, new Map(contacts.map((c) => [c.id, c])), {
    tz,
    today: isoLocalDate(now, tz),
  });
}

/** The development plan: each skill with who named it, its status, resource and date. */
export async function skillsPlan(
  db: Db,
  scope: Scope,
  now: Date = new Date(),
): Promise<DevelopmentPlanGroup[]> {
  return planFor(db, await ensureMember(db, scope), now);
}

/** Moves a skill one step on (gap → learning → done; done reopens). Null when it is not the member's. */
export async function advanceSkill(
  db: Db,
  scope: Scope,
  skillId: string,
  now: Date = new Date(),
): Promise<DevelopmentPlanGroup[] | null> {
  const member = await ensureMember(db, scope);
  const skill = await getSkill(db, member, skillId);
  if (!skill) return null;
  await setSkillStatus(db, member, skillId, nextSkillStatus(skill.status));
  return planFor(db, member, now);
}

export interface SkillForEditing {
  item: DevelopmentPlanItem;
  /** The member's today, YYYY-MM-DD: a target date is checked against it. */
  today: string;
}

/** One skill of the plan, for its edit modal; null when it is not the member's. */
export async function skillForEditing(
  db: Db,
  scope: Scope,
  skillId: string,
  now: Date,
): Promise<SkillForEditing | null> {
  const member = await ensureMember(db, scope);
  const plan = await planFor(db, member, now);
  const item = plan.flatMap((g) => g.items).find((i) => i.skill.id === skillId);
  return item ? { item, today: isoLocalDate(now, toPrefs(member).tz) } : null;
}

export type SkillPlanResult =
  | { ok: true; plan: DevelopmentPlanGroup[]; skillName: string }
  | { ok: false; problem: 'not_found' };

/** Saves a skill's status, resource link and target date (once per submission, `key`). */
export async function saveSkillPlan(
  db: Db,
  scope: Scope,
  skillId: string,
  change: SkillPlanChange,
  now: Date,
  key: string | null = null,
): Promise<SkillPlanResult> {
  const member = await ensureMember(db, scope);
  const saved = await applyOnce(
    db,
    { key, workspaceId: scope.workspaceId, now },
    async (tx): Promise<{ ok: true; name: string } | { ok: false; problem: 'not_found' }> => {
      const skill = await getSkill(tx, member, skillId);
      if (!skill || !(await updateSkillPlan(tx, member, skillId, change)))
        return { ok: false, problem: 'not_found' };
      return { ok: true, name: skill.name };
    },
  );
  if (!saved.ok) return saved;
  return { ok: true, plan: await planFor(db, member, now), skillName: saved.name };
}

export interface KeywordEntry {
  term: string;
  /** First name of the person it came from, if known. */
  from: string | null;
}

export async function fieldKeywords(db: Db, scope: Scope): Promise<KeywordEntry[]> {
  const member = await ensureMember(db, scope);
  const [keywords, contacts, conversations] = await Promise.all([
    listKeywords(db, member),
    listContacts(db, member, { includeArchived: true }),
    conversationsById(db, member),
  ]);
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return keywords.map((k) => {
    const conversation = k.sourceConversationId ? conversations.get(k.sourceConversationId) : undefined;
    const name = conversation ? names.get(conversation.contactId) : undefined;
    return { term: k.term, from: name ? firstName(name) : null };
  });
}
