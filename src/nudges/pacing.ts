// Pacing at Slack's pace: chat.postMessage allows about one message per second per channel (each DM
// is its own channel; short bursts are fine) under a workspace-wide limit above that, which Slack
// does not publish and which answers 429 with Retry-After when crossed.
//
// - Workspace rate: `allowance` sends per `windowMs`, one every windowMs / allowance, counted in
//   Workspace.sendWindowFrom/sendCount so every worker process and replica shares it (an in-process token bucket would let N
//   workers send N times as fast). The allowance starts generous (`perWindow`) and adapts: a 429
//   halves it (down to one per window) and it recovers by one every `recoverMs` without a 429.
//   A 429's Retry-After (and a revoked token) is recorded in the same columns as a full window
//   ending then, so every worker skips the workspace until then; a worker that finds such a block it
//   did not cause halves its allowance too, so the backoff is shared through the database as well.
// - Channel pace: one message per `channelGapMs` per member's DM (see deliver.ts, which sends
//   round-robin across members and skips a member whose channel is not ready yet).
import type { Db } from '../db/client';
import { reserveSendSlot, sendWindowState } from '../store/nudges';

export interface PaceOptions {
  /** Length of one workspace window (ms). Default 1000. */
  windowMs: number;
  /** Sends allowed per window per workspace at first and at most (the adaptive rate's ceiling). Default 10. */
  perWindow: number;
  /** Longest the sweep waits for a slot before leaving the workspace for the next sweep. Default 5 s. */
  maxWaitMs: number;
  /** Least time between two messages to one member's DM channel (ms). Default 1000. */
  channelGapMs: number;
  /** After this long without a 429 the allowance grows by one per window (ms). Default 30 s. */
  recoverMs: number;
}

export const DEFAULT_PACE: PaceOptions = {
  windowMs: 1000,
  perWindow: 10,
  maxWaitMs: 5000,
  channelGapMs: 1000,
  recoverMs: 30_000,
};

export type Slot = { ok: true } | { ok: false; retryAt: Date };

export interface Pacer {
  /**
   * Waits (briefly) for a send slot in the workspace; `retryAt` when the wait would be too long or
   * would end after `by` (the sweep's budget).
   */
  acquire(workspaceId: string, by?: Date): Promise<Slot>;
  /** Slack answered 429 for the workspace: halve its rate (the block itself is recorded by the caller). */
  rateLimited(workspaceId: string, until: Date): void;
  /** The workspace's current allowance per window (for reports and tests). */
  allowance(workspaceId: string): number;
  /** Least time between two messages to one DM channel; 0 when unpaced. */
  readonly channelGapMs: number;
}

export const unpaced: Pacer = {
  acquire: async () => ({ ok: true }),
  rateLimited: () => undefined,
  allowance: () => Number.POSITIVE_INFINITY,
  channelGapMs: 0,
};

interface RateState {
  allowance: number;
  /** When the allowance last changed (or was confirmed), on the sweep's clock. */
  changedAt: number;
  /** The end of the last block this process has reacted to (so one block halves once). */
  blockSeen: number | null;
}

// Per database (one per test; one per process in production) and workspace, kept across sweeps so a
// 429 in one sweep still counts in the next.
const rates = new WeakMap<object, Map<string, RateState>>();

function rateState(db: Db, workspaceId: string, options: PaceOptions, now: number): RateState {
  let byWorkspace = rates.get(db);
  if (!byWorkspace) {
    byWorkspace = new Map();
    rates.set(db, byWorkspace);
  }
  let state = byWorkspace.get(workspaceId);
  if (!state || state.allowance > options.perWindow) {
    state = { allowance: options.perWindow, changedAt: now, blockSeen: null };
    byWorkspace.set(workspaceId, state);
  }
  return state;
}

function halve(state: RateState, now: number, blockEnd: number, windowMs: number): void {
  // Once per block: the 429s of requests already in flight, and the block another worker recorded
  // for the same 429, do not cut again.
  if (state.blockSeen !== null && (state.blockSeen >= blockEnd || now < state.blockSeen + windowMs)) return;
  state.blockSeen = blockEnd;
  state.allowance = Math.max(1, Math.floor(state.allowance / 2));
  state.changedAt = now;
}

export function createPacer(
  db: Db,
  options: PaceOptions,
  clock: () => Date,
  sleep: (ms: number) => Promise<void>,
): Pacer {
  const state = (workspaceId: string) => {
    const now = clock().getTime();
    const s = rateState(db, workspaceId, options, now);
    // Recover slowly: one more per window for each quiet `recoverMs`.
    if (s.allowance < options.perWindow && now - s.changedAt >= options.recoverMs) {
      s.allowance += 1;
      s.changedAt = now;
    }
    return s;
  };
  return {
    channelGapMs: options.channelGapMs,
    allowance: (workspaceId) => state(workspaceId).allowance,
    rateLimited(workspaceId, until) {
      halve(state(workspaceId), clock().getTime(), until.getTime(), options.windowMs);
    },
    async acquire(workspaceId, by) {
      for (;;) {
        const rate = state(workspaceId);
        // Spread evenly: one send per windowMs / allowance (a burst at each window's start would
        // meet Slack's sliding window still full from the last one).
        const slotMs = options.windowMs / rate.allowance;
        if (await reserveSendSlot(db, workspaceId, clock(), slotMs, 1, options.windowMs)) return { ok: true };
        const window = await sendWindowState(db, workspaceId, slotMs, options.windowMs);
        const ends = window.ends ?? new Date(clock().getTime() + options.windowMs);
        // Another worker met a 429 (or a revoked token): back off here as well.
        if (window.blocked) halve(rate, clock().getTime(), ends.getTime(), options.windowMs);
        const wait = ends.getTime() - clock().getTime();
        if (wait > options.maxWaitMs || (by && ends.getTime() > by.getTime()))
          return { ok: false, retryAt: ends };
        await sleep(Math.max(wait, 1));
      }
    },
  };
}
