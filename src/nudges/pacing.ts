// Pacing: Slack allows about one message per second per channel plus a workspace-wide limit, so the
// sender stays under it instead of collecting 429s. The budget (at most `perWindow` sends per
// `windowMs` per workspace) lives in Workspace.sendWindowFrom/sendCount, so every worker process and
// replica shares it; an in-process token bucket would let N workers send N times as fast.
// A 429's Retry-After and a revoked token are recorded in the same columns (a full window that ends
// at the retry time), so the other workers skip the workspace until then as well.
import type { Db } from '../db/client';
import { reserveSendSlot, sendWindowEnds } from '../store/nudges';

export interface PaceOptions {
  /** Length of one window (ms). Default 1000. */
  windowMs: number;
  /** Sends allowed per window per workspace. Default 1. */
  perWindow: number;
  /** Longest the sweep waits for a slot before leaving the workspace for the next sweep. Default 5 s. */
  maxWaitMs: number;
}

export const DEFAULT_PACE: PaceOptions = { windowMs: 1000, perWindow: 1, maxWaitMs: 5000 };

export type Slot = { ok: true } | { ok: false; retryAt: Date };

export interface Pacer {
  /**
   * Waits (briefly) for a send slot in the workspace; `retryAt` when the wait would be too long or
   * would end after `by` (the sweep's budget).
   */
  acquire(workspaceId: string, by?: Date): Promise<Slot>;
}

export const unpaced: Pacer = { acquire: async () => ({ ok: true }) };

export function createPacer(
  db: Db,
  options: PaceOptions,
  clock: () => Date,
  sleep: (ms: number) => Promise<void>,
): Pacer {
  return {
    async acquire(workspaceId, by) {
      for (;;) {
        if (await reserveSendSlot(db, workspaceId, clock(), options.windowMs, options.perWindow))
          return { ok: true };
        const ends =
          (await sendWindowEnds(db, workspaceId, options.windowMs)) ??
          new Date(clock().getTime() + options.windowMs);
        const wait = ends.getTime() - clock().getTime();
        if (wait > options.maxWaitMs || (by && ends.getTime() > by.getTime()))
          return { ok: false, retryAt: ends };
        await sleep(Math.max(wait, 1));
      }
    },
  };
}
