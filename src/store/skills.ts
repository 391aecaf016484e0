import type { SkillData, SkillStatus } from '../coaching/types';
import type { Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toSkill } from './mappers';

type DbOrTx = Prisma.TransactionClient;

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
