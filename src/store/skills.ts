import type { PlanSkill } from '../coaching/skills';
import type { SkillData, SkillStatus } from '../coaching/types';
import type { Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toSkill } from './mappers';

type DbOrTx = Prisma.TransactionClient;

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

type SkillRow = Parameters<typeof toSkill>[0] & { mentions?: { conversationId: string }[] };

function toPlanSkill(row: SkillRow): PlanSkill {
  return {
    ...toSkill(row),
    resourceUrl: row.resourceUrl,
    targetDate: row.targetDate,
    mentionedIn: (row.mentions ?? []).map((m) => m.conversationId),
  };
}

/** The member's skills with their plan and every conversation that named them. */
export async function listPlanSkills(db: DbOrTx, member: Member): Promise<PlanSkill[]> {
  const rows = await db.skill.findMany({
    where: { workspaceId: member.workspaceId, ownerId: member.id },
    include: {
      mentions: {
        where: { workspaceId: member.workspaceId, ownerId: member.id },
        select: { conversationId: true },
      },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toPlanSkill);
}

export interface SkillPlanChange {
  status: SkillStatus;
  resourceUrl: string | null;
  /** Local date, YYYY-MM-DD. */
  targetDate: string | null;
}

/** Saves a skill's status, resource and date; false when the skill is not the member's. */
export async function updateSkillPlan(
  db: DbOrTx,
  member: Member,
  id: string,
  change: SkillPlanChange,
): Promise<boolean> {
  const result = await db.skill.updateMany({
    where: { id, workspaceId: member.workspaceId, ownerId: member.id },
    data: change,
  });
  return result.count === 1;
}
