// Events API de-duplication: Slack retries deliveries, and several replicas may receive one event.
import type { Db } from '../db/client';

/** Records the event id; true the first time it is seen, false for a repeat. */
export async function claimEvent(db: Db, eventId: string, workspaceId: string | undefined): Promise<boolean> {
  const result = await db.processedEvent
    .createMany({ data: [{ eventId, workspaceId: workspaceId ?? null }] })
    .catch((error: { code?: string }) => {
      if (error.code === 'P2002') return { count: 0 };
      throw error;
    });
  return result.count === 1;
}

/** Forgets ids older than the retry window (Slack retries for minutes, not days). */
export function pruneEvents(db: Db, before: Date): Promise<{ count: number }> {
  return db.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } });
}
