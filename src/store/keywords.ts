import type { KeywordData } from '../coaching/types';
import type { Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toKeyword } from './mappers';

type DbOrTx = Prisma.TransactionClient;

export async function listKeywords(db: DbOrTx, member: Member): Promise<KeywordData[]> {
  const rows = await db.keyword.findMany({
    where: { workspaceId: member.workspaceId, ownerId: member.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toKeyword);
}
