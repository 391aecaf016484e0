// Words of the field, for the member's resume.
import { nameKey } from '../coaching/names';
import type { KeywordData } from '../coaching/types';
import type { Prisma } from '../db/client';
import type { Member } from '../db/generated/sqlite/client';
import { toKeyword } from './mappers';

type DbOrTx = Prisma.TransactionClient;

/** Adds terms the member does not have yet (one per term key). Returns only the keywords created. */
export async function addKeywords(
  db: DbOrTx,
  member: Member,
  terms: readonly string[],
  sourceConversationId: string | null,
  now: Date,
): Promise<KeywordData[]> {
  const seen = new Set<string>();
  const wanted: { term: string; key: string }[] = [];
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, ' ').trim();
    const key = nameKey(term);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    wanted.push({ term, key });
  }
  if (wanted.length === 0) return [];
  const existing = await db.keyword.findMany({
    where: { ownerId: member.id, termKey: { in: wanted.map((w) => w.key) } },
    select: { termKey: true },
  });
  const have = new Set(existing.map((k) => k.termKey));
  const created: KeywordData[] = [];
  for (const { term, key } of wanted) {
    if (have.has(key)) continue;
    const row = await db.keyword.create({
      data: {
        workspaceId: member.workspaceId,
        ownerId: member.id,
        term,
        termKey: key,
        sourceConversationId,
        createdAt: now,
      },
    });
    created.push(toKeyword(row));
  }
  return created;
}

export async function listKeywords(db: DbOrTx, member: Member): Promise<KeywordData[]> {
  const rows = await db.keyword.findMany({
    where: { workspaceId: member.workspaceId, ownerId: member.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toKeyword);
}
