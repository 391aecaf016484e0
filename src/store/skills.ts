// Skills gaps found in conversations: the member's development plan (gap → learning → done).
import { nameKey } from '../coaching/names';
import type { SkillData, SkillStatus } from '../coaching/types';
import type { Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toSkill } from './mappers';

/** The database or an open transaction: skills are saved together with the conversation they came from. */
type DbOrTx = Prisma.TransactionClient;

/**
 * Adds skills the member does not have yet (one per name key); names already in the plan keep their
 * status and source. Returns only the skills created.
 */
export async function addSkills(
  db: DbOrTx,
  member: Member,
  names: readonly string[],
  sourceConversationId: string | null,
  now: Date,
): Promise<SkillData[]> {
  const wanted = uniqueByKey(names);
  if (wanted.length === 0) return [];
  const existing = await db.skill.findMany({
    where: { ownerId: member.id, nameKey: { in: wanted.map((w) => w.key) } },
    select: { nameKey: true },
  });
  const have = new Set(existing.map((s) => s.nameKey));
  const created: SkillData[] = [];
  for (const { name, key } of wanted) {
    if (have.has(key)) continue;
    const row = await db.skill.create({
      data: {
        workspaceId: member.workspaceId,
        ownerId: member.id,
        name,
        nameKey: key,
        status: 'gap',
        sourceConversationId,
        createdAt: now,
      },
    });
    created.push(toSkill(row));
  }
  return created;
}

export async function listSkills(db: DbOrTx, member: Member): Promise<SkillData[]> {
  const rows = await db.skill.findMany({
    where: { workspaceId: member.workspaceId, ownerId: member.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toSkill);
}

/** Sets a skill's status; null when the skill is not the member's. */
export async function setSkillStatus(
  db: DbOrTx,
  member: Member,
  id: string,
  status: SkillStatus,
): Promise<SkillData | null> {
  const result = await db.skill.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
    data: { status },
  });
  if (result.count !== 1) return null;
  const row = await db.skill.findFirst({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
  });
  return row ? toSkill(row) : null;
}

export function getSkill(db: DbOrTx, member: Member, id: string): Promise<SkillData | null> {
  return db.skill
    .findFirst({ where: { id, workspaceId: member.workspaceId, ownerId: member.id } })
    .then((row) => (row ? toSkill(row) : null));
}

function uniqueByKey(names: readonly string[]): { name: string; key: string }[] {
  const seen = new Set<string>();
  const out: { name: string; key: string }[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = nameKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ name, key });
  }
  return out;
}
