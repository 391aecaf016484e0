// The ledger of requests from Slack already applied (see HandledRequest in the schema).
import { AlreadyHandled } from '../core/errors';
import type { Db, Prisma } from '../db/client';

type DbOrTx = Db | Prisma.TransactionClient;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/**
 * Records the request key; throws AlreadyHandled when it is there already. Called as the first write
 * of the transaction that applies the request, so the key and the change commit together (a crash
 * leaves neither) and a concurrent second copy waits for the first and then fails here.
 */
async function claimRequest(db: DbOrTx, key: string, workspaceId: string | null, now: Date): Promise<void> {
  try {
    await db.handledRequest.create({ data: { key, workspaceId, handledAt: now } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AlreadyHandled(key);
    throw error;
  }
}

/** Records the key on its own; false when it was recorded already (for requests whose effect is a message). */
export async function claimRequestAlone(
  db: Db,
  key: string,
  workspaceId: string | null,
  now: Date,
): Promise<boolean> {
  try {
    await claimRequest(db, key, workspaceId, now);
    return true;
  } catch (error) {
    if (error instanceof AlreadyHandled) return false;
    throw error;
  }
}

export async function wasHandled(db: DbOrTx, key: string): Promise<boolean> {
  const row = await db.handledRequest.findUnique({ where: { key }, select: { key: true } });
  return row !== null;
}

/** Forgets keys older than Slack could retry or replay them. */
export function pruneHandledRequests(db: Db, before: Date): Promise<{ count: number }> {
  return db.handledRequest.deleteMany({ where: { handledAt: { lt: before } } });
}

/** Who applies a request: its ledger key and workspace (null key: nothing to de-duplicate). */
export interface Once {
  key: string | null;
  workspaceId: string;
  now: Date;
}

class Rollback<T> {
  constructor(readonly result: T) {}
}

/**
 * Runs `work` in one transaction that first claims the request key. A result with `ok: false` (the
 * member is shown an error and will submit again) rolls everything back, the claim included; a second
 * copy of an applied request throws AlreadyHandled and changes nothing.
 */
export async function applyOnce<T>(
  db: Db,
  once: Once | null | undefined,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      if (once?.key) await claimRequest(tx, once.key, once.workspaceId, once.now);
      const result = await work(tx);
      if ((result as { ok?: unknown } | null)?.ok === false) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}
