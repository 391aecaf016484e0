// The development plan (skills to build) and the field's vocabulary (resume keywords).
import { type DevelopmentPlanGroup, developmentPlan, nextSkillStatus } from '../coaching/skills';
import { firstName } from '../coaching/text';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { listContacts } from '../store/contacts';
import { conversationsById } from '../store/conversations';
import { listKeywords } from '../store/keywords';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member } from '../store/members';
import { getSkill, listSkills, setSkillStatus } from '../store/skills';

async function planFor(db: Db, member: Member): Promise<DevelopmentPlanGroup[]> {
  const [skills, contacts, conversations] = await Promise.all([
    listSkills(db, member),
    listContacts(db, member, { includeArchived: true }),
    conversationsById(db, member),
  ]);
  return developmentPlan(skills, conversations, new Map(contacts.map((c) => [c.id, c])), {
    tz: toPrefs(member).tz,
  });
}

export async function skillsPlan(db: Db, scope: Scope): Promise<DevelopmentPlanGroup[]> {
  return planFor(db, await ensureMember(db, scope));
}

/** Moves a skill one step on (gap → learning → done; done reopens). Null when it is not the member's. */
export async function advanceSkill(
  db: Db,
  scope: Scope,
  skillId: string,
): Promise<DevelopmentPlanGroup[] | null> {
  const member = await ensureMember(db, scope);
  const skill = await getSkill(db, member, skillId);
  if (!skill) return null;
  await setSkillStatus(db, member, skillId, nextSkillStatus(skill.status));
  return planFor(db, member);
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
