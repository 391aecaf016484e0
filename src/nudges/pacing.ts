// Pacing at Slack's pace: chat.postMessage allows about one message per second per channel (each DM
// is its own channel; short bursts are fine) under a workspace-wide limit above that, which Slack
// does not publish and which answers 429 with Retry-After (whole seconds) when crossed.
//
// - Channel pace: one message per `channelGapMs` per member's DM (see deliver.ts, which sends
//   round-robin across members and skips a member whose channel is not ready yet).
// - Workspace rate, shared by every worker through the workspace's row (an in-process bucket would
//   let N workers send N times as fast): sends are spread evenly, one slot every 1/rate, each slot
//   taken by one compare-and-set of the row, so two workers never take the same instant and jitter
//   between them cannot bunch sends. A slot may be taken ahead (up to `maxWaitMs`); the worker waits
//   for it and gives it up when a 429 was recorded meanwhile.
// - The rate adapts. It starts generous (`perWindow` per `windowMs`). Slack's first 429 after the
//   workspace was quiet tells more than "slower": that stream of sends began with Slack's window
//   empty, so all Slack accepted of it fit in one window, which ends no later than the Retry-After
//   (rounded up to a second). So the rate known to pass (`lo`) is the sends accepted over the time
//   from the stream's start to the Retry-After's end, and the rate that met the 429 is known to fail
//   (`hi`). The sends settle just under `lo` (2 %, room for jitter) for one learnt window, then probe
//   towards `hi` (halfway, at most 6 % up), one window at a time: a probe that held for a whole
//   window makes the rate its sends went out at `lo` (when they used the window), one that met a 429
//   becomes `hi`, until the two are within 3 %. A 429 at the settled rate (a lower limit) lowers it by
//   3 %. Settled and quiet for `recoverMs`, `hi` grows by 5 % and probing resumes (recover slowly).
// - No request meets a 429 again right after a Retry-After was waited out: after a block the sends
//   resume one slot late at the settled rate (Slack's window is full at the block's end, and the
//   sends it holds expire unevenly), and a probe starts a learnt window later at the earliest; the
//   learnt window is never shorter than Slack's. A window of a few seconds is not probed at all (a
//   failed probe's Retry-After of a second would cost too much of it).
// - One 429 changes the rate once, however many workers or requests in flight meet it: a 429 for a
//   slot taken before the last block's end only lengthens the block.
import { z } from 'zod';
import type { Db } from '../db/client';
import { blockWorkspaceSends, readSendPace, type SendPaceRow, writeSendPace } from '../store/nudges';

export interface PaceOptions {
  /** The unit of the rate: sends per this many ms. Default 1000. */
  windowMs: number;
  /** Sends per window per workspace at first and at most (the adaptive rate's ceiling). Default 10. */
  perWindow: number;
  /** Longest the sweep waits for a slot (or a Retry-After) before leaving the workspace for the next sweep. Default 10 s. */
  maxWaitMs: number;
  /** Least time between two messages to one member's DM channel (ms). Default 1000. */
  channelGapMs: number;
  /** Settled this long without a 429, the rate's ceiling grows by 5 % and probing resumes (ms). Default 5 min. */
  recoverMs: number;
  /**
   * A pause this long starts a new stream of sends (Slack's window is empty again), until a 429 has
   * taught the window's length (ms). Default 60 s, the longest window Slack's limits use.
   */
  idleMs: number;
}

export const DEFAULT_PACE: PaceOptions = {
  windowMs: 1000,
  perWindow: 10,
  maxWaitMs: 10_000,
  channelGapMs: 1000,
  recoverMs: 5 * 60_000,
  idleMs: 60_000,
};

/** Settled, the rate stays this far under the rate known to pass (room for jitter). */
const SETTLE = 0.98;
/** Probing stops when the rate known to fail is within this factor of the rate known to pass. */
const CLOSE_ENOUGH = 1.03;
/** A probe goes halfway to the rate known to fail, and at most this far above the rate known to pass. */
const MAX_PROBE = 1.06;
/** A 429 at the settled rate: the rate known to pass becomes this share of it. */
const BACK_OFF = 0.97;
/** Recovery: the ceiling grows by this factor every `recoverMs` settled without a 429. */
const RECOVER_STEP = 1.05;
/** A window teaches something only when its sends went out at this share of the rate at least. */
const USED = 0.9;
/** Slack's Retry-After is in whole seconds, rounded up. */
const RETRY_AFTER_STEP_MS = 1000;
/**
 * A window shorter than this is not probed after it is learnt (a failed probe costs a Retry-After of
 * a second at least, too dear in a window of a few seconds): its rate only recovers slowly.
 */
const SHORT_WINDOW_MS = 5 * RETRY_AFTER_STEP_MS;
/** Fewer accepted sends than this before a stream's first 429: too few to measure, so halve. */
const MIN_SAMPLE = 5;
/** Compare-and-set attempts before giving up on a slot for now. */
const MAX_RACES = 25;

const paceSchema = z.object({
  /** Sends per second now. */
  rate: z.number().positive(),
  /** Highest rate known to pass, and lowest known to fail (sends per second). */
  lo: z.number().positive().optional(),
  hi: z.number().positive().optional(),
  /** Slack's window is at most this long (ms), learnt from a 429. */
  slackWindowMs: z.number().positive().optional(),
  /** The rate is a probe between lo and hi. */
  probing: z.boolean(),
  /** The current observation window: since when (epoch ms), and the stream's count then. */
  since: z.number().optional(),
  sinceCount: z.number().int().nonnegative().optional(),
  /** The end of the last 429's block (epoch ms). */
  blockEnd: z.number().optional(),
  /** The last 429, or the last time the ceiling grew (epoch ms). */
  limitedAt: z.number().optional(),
});

export type PaceState = z.infer<typeof paceSchema>;

/** The current stream of sends: its first slot (epoch ms) and how many slots it has taken. */
export interface Stream {
  from: number | null;
  count: number;
}

function ceiling(options: PaceOptions): number {
  return (options.perWindow * 1000) / options.windowMs;
}

export function initialPace(options: PaceOptions): PaceState {
  return { rate: ceiling(options), probing: false };
}

/** The stored state, or the generous start when there is none (or it cannot be read). */
export function parsePace(stored: string | null, options: PaceOptions): PaceState {
  if (stored === null) return initialPace(options);
  try {
    const parsed = paceSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return { ...parsed.data, rate: Math.min(parsed.data.rate, ceiling(options)) };
  } catch {
    // not JSON: start again
  }
  return initialPace(options);
}

function settleOrProbe(state: PaceState & { lo: number; hi: number }): PaceState {
  if (state.hi > state.lo * CLOSE_ENOUGH) {
    return { ...state, rate: Math.min((state.lo + state.hi) / 2, state.lo * MAX_PROBE), probing: true };
  }
  return { ...state, rate: state.lo * SETTLE, probing: false };
}

/**
 * The state as of `now`: when a learnt window has passed since the last change, with its slots used,
 * a probe that held becomes the rate known to pass (the rate the window's sends went out at, at most
 * the probe's) and the next probe (or the settled rate) starts; settled and quiet for `recoverMs`,
 * the ceiling grows. A window with too few sends teaches nothing.
 */
export function advancePace(state: PaceState, stream: Stream, now: number, options: PaceOptions): PaceState {
  const { slackWindowMs, since, lo, hi } = state;
  if (slackWindowMs === undefined || since === undefined || lo === undefined || hi === undefined)
    return state;
  if (now < since + slackWindowMs) return state;
  // What went out in the window, not what was allowed: a worker that fell behind its slots sent less.
  const measured = ((stream.count - (state.sinceCount ?? 0)) * 1000) / (now - since);
  const next: PaceState = { ...state, since: now, sinceCount: stream.count };
  if (measured < USED * state.rate) return next;
  const known = state.probing ? Math.max(lo, Math.min(state.rate, measured)) : lo;
  let failing = Math.max(hi, known);
  let limitedAt = state.limitedAt;
  if (!state.probing && failing <= known * CLOSE_ENOUGH && now - (limitedAt ?? 0) >= options.recoverMs) {
    failing = Math.max(known, Math.min(ceiling(options), failing * RECOVER_STEP));
    limitedAt = now;
  }
  return settleOrProbe({
    ...next,
    lo: known,
    hi: failing,
    ...(limitedAt !== undefined ? { limitedAt } : {}),
  });
}

export interface RateLimitEvent {
  /** The slot the refused request was sent in (epoch ms), and its place in the stream (1 = first). */
  slotAt: number;
  slotIndex: number;
  /** When the 429 came back, and when its Retry-After ends (epoch ms). */
  at: number;
  until: number;
}

/** The state after Slack refused a request with 429 (see the top of this file). */
export function afterRateLimited(
  state: PaceState,
  stream: Stream,
  event: RateLimitEvent,
  options: PaceOptions,
): PaceState {
  // Sent before the last block was recorded: the same 429, met again.
  if (state.blockEnd !== undefined && event.slotAt < state.blockEnd) {
    return { ...state, blockEnd: Math.max(state.blockEnd, event.until) };
  }
  const rate = state.rate;
  const firstOfStream =
    stream.from !== null && (state.blockEnd === undefined || state.blockEnd <= stream.from);
  const accepted = event.slotIndex - 1;
  let lo: number;
  let hi: number;
  let slackWindowMs = state.slackWindowMs;
  if (firstOfStream && stream.from !== null && accepted >= MIN_SAMPLE) {
    const span = event.until - stream.from;
    lo = Math.min((accepted * 1000) / span, BACK_OFF * rate);
    hi = span >= SHORT_WINDOW_MS ? rate : lo;
    slackWindowMs = Math.min(slackWindowMs ?? Number.POSITIVE_INFINITY, span);
  } else if (firstOfStream) {
    lo = rate / 2;
    hi = rate;
  } else if (state.probing && state.lo !== undefined) {
    lo = state.lo;
    hi = rate;
  } else {
    lo = BACK_OFF * rate;
    hi = rate;
  }
  return {
    rate: lo * SETTLE,
    lo,
    hi: Math.max(hi, lo),
    slackWindowMs: slackWindowMs ?? options.idleMs,
    probing: false,
    since: event.until,
    sinceCount: stream.count,
    blockEnd: event.until,
    limitedAt: event.at,
  };
}

/**
 * The row after a 429: the rate adapted, and no slot before the Retry-After's end. A new block
 * resumes one slot after it: at its end Slack's window is still full but for a slot or two, and the
 * sends it holds (a burst, or a probe's) expire unevenly, so the first sends back keep a slot's lead.
 */
export function rateLimitedRow(row: SendPaceRow, event: RateLimitEvent, options: PaceOptions): SendPaceRow {
  const before = parsePace(row.pace, options);
  const stream: Stream = { from: row.streamFrom?.getTime() ?? null, count: row.streamCount };
  const state = afterRateLimited(before, stream, event, options);
  const sameBlock = before.blockEnd !== undefined && event.slotAt < before.blockEnd;
  const resume = sameBlock ? event.until : Math.ceil(event.until + 1000 / state.rate);
  return {
    ...row,
    nextAt: new Date(Math.max(row.nextAt?.getTime() ?? 0, resume)),
    pace: JSON.stringify(state),
  };
}

export interface PlannedSlot {
  /** When the send may go (epoch ms) and its place in the stream. */
  at: number;
  index: number;
  /** Whether a 429's block has not ended yet. */
  blocked: boolean;
  /** The row to write to take it. */
  row: SendPaceRow;
}

/** The next slot as of `now`, from the workspace's row (pure: the pacer takes it with a compare-and-set). */
export function planSlot(row: SendPaceRow, now: number, options: PaceOptions): PlannedSlot {
  let state = parsePace(row.pace, options);
  const nextAt = row.nextAt?.getTime() ?? null;
  const quiet = state.slackWindowMs ?? options.idleMs;
  const fresh = nextAt === null || row.streamFrom === null || now - nextAt >= quiet;
  const at = fresh ? now : Math.max(nextAt, now);
  const stream: Stream = fresh
    ? { from: at, count: 0 }
    : { from: row.streamFrom?.getTime() ?? at, count: row.streamCount };
  if (fresh && state.since !== undefined) state = { ...state, since: at, sinceCount: 0 };
  state = advancePace(state, stream, at, options);
  const index = stream.count + 1;
  return {
    at,
    index,
    blocked: state.blockEnd !== undefined && state.blockEnd > now,
    row: {
      streamFrom: new Date(stream.from ?? at),
      streamCount: index,
      // Whole milliseconds, rounded up: the stored slots never run faster than the rate.
      nextAt: new Date(Math.ceil(at + 1000 / Math.min(state.rate, ceiling(options)))),
      pace: JSON.stringify(state),
    },
  };
}

export type Slot =
  | { ok: true; at: Date; index: number }
  | {
      ok: false;
      retryAt: Date;
      /** A 429's block lasts; the workspace's rate allows no send soon; or none before the sweep's end. */
      reason: 'waiting out Slack’s Retry-After' | 'send budget used up' | 'sweep budget reached';
    };

export interface Pacer {
  /**
   * Takes the workspace's next send slot and waits for it; `retryAt` when it is more than
   * `maxWaitMs` away or after `by` (the sweep's budget).
   */
  acquire(workspaceId: string, by?: Date): Promise<Slot>;
  /** Slack answered 429 to the send in `slot`: blocks the workspace until `until` and adapts its rate. */
  rateLimited(workspaceId: string, slot: Extract<Slot, { ok: true }>, until: Date): Promise<void>;
  /** Least time between two messages to one DM channel; 0 when unpaced. */
  readonly channelGapMs: number;
}

/** No workspace rate (tests with thousands of nudges); a 429 still stops the workspace until its end. */
export function createUnpaced(db: Db, clock: () => Date): Pacer {
  const blocks = new Map<string, number>();
  return {
    channelGapMs: 0,
    async acquire(workspaceId) {
      const until = blocks.get(workspaceId);
      if (until !== undefined && until > clock().getTime())
        return { ok: false, retryAt: new Date(until), reason: 'waiting out Slack’s Retry-After' };
      return { ok: true, at: clock(), index: 0 };
    },
    async rateLimited(workspaceId, _slot, until) {
      blocks.set(workspaceId, Math.max(blocks.get(workspaceId) ?? 0, until.getTime()));
      await blockWorkspaceSends(db, workspaceId, until);
    },
  };
}

export function createPacer(
  db: Db,
  options: PaceOptions,
  clock: () => Date,
  sleep: (ms: number) => Promise<void>,
): Pacer {
  return {
    channelGapMs: options.channelGapMs,
    async acquire(workspaceId, by) {
      for (let race = 0; race < MAX_RACES; race++) {
        const now = clock().getTime();
        const row = await readSendPace(db, workspaceId);
        if (!row) return { ok: true, at: new Date(now), index: 0 };
        const slot = planSlot(row, now, options);
        const tooLong = slot.at - now > options.maxWaitMs;
        if (tooLong || (by && slot.at > by.getTime())) {
          const reason = slot.blocked
            ? 'waiting out Slack’s Retry-After'
            : tooLong
              ? 'send budget used up'
              : 'sweep budget reached';
          return { ok: false, retryAt: new Date(slot.at), reason };
        }
        if (!(await writeSendPace(db, workspaceId, row, slot.row))) continue;
        if (slot.at > now) {
          await sleep(slot.at - now);
          // Another worker met a 429 while this one waited: the slot is void, take one after the block.
          const after = await readSendPace(db, workspaceId);
          const blockEnd = after ? parsePace(after.pace, options).blockEnd : undefined;
          if (blockEnd !== undefined && blockEnd > slot.at) continue;
        }
        return { ok: true, at: new Date(slot.at), index: slot.index };
      }
      return {
        ok: false,
        retryAt: new Date(clock().getTime() + options.windowMs),
        reason: 'send budget used up',
      };
    },
    async rateLimited(workspaceId, slot, until) {
      for (let race = 0; race < MAX_RACES; race++) {
        const row = await readSendPace(db, workspaceId);
        if (!row) return;
        const event = {
          slotAt: slot.at.getTime(),
          slotIndex: slot.index,
          at: clock().getTime(),
          until: until.getTime(),
        };
        if (await writeSendPace(db, workspaceId, row, rateLimitedRow(row, event, options))) return;
      }
      // Lost every race: the block at least holds for everyone.
      await blockWorkspaceSends(db, workspaceId, until);
    },
  };
}

/** The workspace's pace as stored (reports and the bench): sends per second now, known to pass and to fail. */
export async function workspacePace(
  db: Db,
  workspaceId: string,
  options: PaceOptions = DEFAULT_PACE,
): Promise<PaceState> {
  const row = await readSendPace(db, workspaceId);
  return parsePace(row?.pace ?? null, options);
}
