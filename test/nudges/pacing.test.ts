// The workspace pace's rules, pure: slots spread evenly, what a 429 teaches, probing one learnt
// window at a time, recovery. Then the rules against a simulated Slack (a sliding window answering
// 429 with Retry-After rounded up to whole seconds, as Slack and the stand-in do) with several
// workers sharing one pacing row, on a virtual clock: the allowed rate reached, and no 429 right
// after a Retry-After was waited out.
import { describe, expect, it } from 'vitest';
import {
  advancePace,
  afterRateLimited,
  DEFAULT_PACE,
  initialPace,
  type PaceOptions,
  type PaceState,
  parsePace,
  planSlot,
  rateLimitedRow,
} from '../../src/nudges/pacing';
import type { SendPaceRow } from '../../src/store/nudges';

const T0 = new Date('2026-03-11T10:00:00Z').getTime();
const EMPTY: SendPaceRow = { streamFrom: null, streamCount: 0, nextAt: null, pace: null };

/** Takes `n` slots one after another, as workers would, each at the moment the previous one frees. */
function takeSlots(row: SendPaceRow, n: number, now: number, options: PaceOptions = DEFAULT_PACE) {
  const slots: number[] = [];
  let current = row;
  for (let i = 0; i < n; i++) {
    const slot = planSlot(current, Math.max(now, current.nextAt?.getTime() ?? now), options);
    slots.push(slot.at);
    current = slot.row;
  }
  return { slots, row: current };
}

/** The state after the burst that ends a fresh stream: 50 accepted from T0, a 429 at +5 s, Retry-After 5 s. */
function learnt(): PaceState {
  return afterRateLimited(
    initialPace(DEFAULT_PACE),
    { from: T0, count: 51 },
    { slotAt: T0 + 5000, slotIndex: 51, at: T0 + 5010, until: T0 + 10_010 },
    DEFAULT_PACE,
  );
}

/** A window of the learnt length at the current rate, every slot taken. */
function fullWindow(state: PaceState, count: number): { state: PaceState; count: number } {
  const at = (state.since as number) + (state.slackWindowMs as number);
  const used = count + Math.ceil((state.rate * (state.slackWindowMs as number)) / 1000);
  return { state: advancePace(state, { from: T0, count: used }, at, DEFAULT_PACE), count: used };
}

/** A pace settled 2 % under the rate known to pass (5), with the last 429 at T0. */
const SETTLED: PaceState = {
  rate: 4.9,
  lo: 5,
  hi: 5.1,
  slackWindowMs: 10_000,
  probing: false,
  since: T0,
  sinceCount: 0,
  limitedAt: T0,
};

describe('the workspace pace', () => {
  it('starts generous and spreads sends evenly: one slot every 1/rate, never two at once', () => {
    const { slots } = takeSlots(EMPTY, 5, T0);
    expect(slots.map((s) => s - T0)).toEqual([0, 100, 200, 300, 400]);
    // Two workers that read the same row plan the same slot; only one compare-and-set can win it,
    // and the loser plans again from the winner's row.
    const a = planSlot(EMPTY, T0, DEFAULT_PACE);
    const b = planSlot(a.row, T0 + 1, DEFAULT_PACE);
    expect(b.at - a.at).toBe(100);
    expect(b.index).toBe(2);
  });

  it('a pause longer than the window starts a new stream (Slack’s window is empty again)', () => {
    const { row } = takeSlots(EMPTY, 3, T0);
    const soon = planSlot(row, T0 + 5000, DEFAULT_PACE);
    expect(soon.index).toBe(4);
    const later = planSlot(row, T0 + 61_000, DEFAULT_PACE);
    expect(later.index).toBe(1);
    expect(later.row.streamFrom?.getTime()).toBe(T0 + 61_000);
  });

  it('the first 429 of a stream: known to pass = accepted over the time to the Retry-After’s end', () => {
    const state = learnt();
    // 50 accepted in at most 10.01 s; the burst's 10 a second met the 429.
    expect(state.lo).toBeCloseTo(50 / 10.01, 6);
    expect(state.hi).toBe(10);
    expect(state.slackWindowMs).toBe(10_010);
    expect(state.rate).toBeCloseTo((50 / 10.01) * 0.98, 6);
    expect(state.probing).toBe(false);
    expect(state.blockEnd).toBe(T0 + 10_010);
  });

  it('one 429 changes the rate once: a request sent before the block only lengthens it', () => {
    const state = learnt();
    const again = afterRateLimited(
      state,
      { from: T0, count: 52 },
      { slotAt: T0 + 5100, slotIndex: 52, at: T0 + 5110, until: T0 + 11_110 },
      DEFAULT_PACE,
    );
    expect(again).toEqual({ ...state, blockEnd: T0 + 11_110 });
  });

  it('after a 429 the slots resume at the Retry-After’s end, at the learnt rate', () => {
    const state = learnt();
    const row: SendPaceRow = {
      streamFrom: new Date(T0),
      streamCount: 52,
      nextAt: new Date(T0 + 10_010),
      pace: JSON.stringify(state),
    };
    const slot = planSlot(row, T0 + 5020, DEFAULT_PACE);
    expect(slot.at).toBe(T0 + 10_010);
    expect(slot.blocked).toBe(true);
    // One every 1/rate, in whole milliseconds rounded up (never faster than the rate).
    const gap = (slot.row.nextAt?.getTime() as number) - slot.at;
    expect(gap).toBe(Math.ceil(1000 / state.rate));
  });

  it('holds the settled rate for a whole learnt window, then probes towards the rate known to fail', () => {
    const state = learnt();
    const settled = state.rate;
    // Any time within the window after the block: unchanged.
    expect(advancePace(state, { from: T0, count: 90 }, T0 + 20_000, DEFAULT_PACE).rate).toBe(settled);
    const { state: probing } = fullWindow(state, 51);
    expect(probing.probing).toBe(true);
    // Halfway, and at most 6 % above what is known to pass.
    const lo = state.lo as number;
    expect(probing.rate).toBeCloseTo(Math.min((lo + (state.hi as number)) / 2, lo * 1.06), 6);
    expect(probing.rate).toBeGreaterThan(lo);
  });

  it('probes up until one meets a 429, then halves the gap; stops within 3 %, settling just under', () => {
    // Slack's limit: 5.3 a second. A probe above it meets a 429 three seconds into its window.
    const limit = 5.3;
    let { state, count } = fullWindow(learnt(), 51);
    const probes: number[] = [];
    for (let i = 0; i < 12 && state.probing; i++) {
      probes.push(state.rate);
      if (state.rate <= limit) {
        const before = state.rate;
        ({ state, count } = fullWindow(state, count));
        expect(state.lo).toBeCloseTo(before, 6);
      } else {
        const at = (state.since as number) + 3000;
        count += Math.round(state.rate * 3);
        state = afterRateLimited(
          state,
          { from: T0, count },
          { slotAt: at, slotIndex: count, at: at + 10, until: at + 1010 },
          DEFAULT_PACE,
        );
        ({ state, count } = fullWindow(state, count));
      }
    }
    expect(state.probing).toBe(false);
    expect(probes.some((p) => p > limit)).toBe(true);
    expect(state.lo).toBeLessThanOrEqual(limit);
    expect((state.hi as number) / (state.lo as number)).toBeLessThanOrEqual(1.03);
    expect(state.rate).toBeCloseTo((state.lo as number) * 0.98, 6);
  });

  it('a probe whose sends went out slower than it allowed: what passes is the rate they went out at', () => {
    const { state: probing, count } = fullWindow(learnt(), 51);
    const windowMs = probing.slackWindowMs as number;
    const at = (probing.since as number) + windowMs;
    // 95 % of the probe's slots were taken (a worker fell behind): the probe itself is not proven.
    const sent = Math.round(0.95 * probing.rate * (windowMs / 1000));
    const after = advancePace(probing, { from: T0, count: count + sent }, at, DEFAULT_PACE);
    expect(after.lo).toBeCloseTo((sent * 1000) / windowMs, 6);
    expect(after.lo).toBeLessThan(probing.rate);
  });

  it('a probe that meets a 429 is known to fail: back to just under the rate known to pass', () => {
    const { state: probing, count } = fullWindow(learnt(), 51);
    const at = (probing.since as number) + 3000;
    const after = afterRateLimited(
      probing,
      { from: T0, count: count + 15 },
      { slotAt: at, slotIndex: count + 15, at: at + 10, until: at + 1010 },
      DEFAULT_PACE,
    );
    expect(after.hi).toBe(probing.rate);
    expect(after.lo).toBe(probing.lo);
    expect(after.rate).toBeCloseTo((probing.lo as number) * 0.98, 6);
    expect(after.probing).toBe(false);
  });

  it('a 429 at the settled rate lowers it by 3 %', () => {
    const settled: PaceState = { ...SETTLED, blockEnd: T0 - 60_000, limitedAt: T0 - 60_000 };
    const after = afterRateLimited(
      settled,
      { from: T0 - 100_000, count: 400 },
      { slotAt: T0 + 500, slotIndex: 400, at: T0 + 510, until: T0 + 1510 },
      DEFAULT_PACE,
    );
    expect(after.lo).toBeCloseTo(4.9 * 0.97, 6);
    expect(after.hi).toBe(4.9);
    expect(after.rate).toBeCloseTo(4.9 * 0.97 * 0.98, 6);
  });

  it('a window with too few sends teaches nothing: a probe is not known to pass unless it was used', () => {
    const { state: probing, count } = fullWindow(learnt(), 51);
    const at = (probing.since as number) + (probing.slackWindowMs as number);
    const idle = advancePace(probing, { from: T0, count: count + 3 }, at, DEFAULT_PACE);
    expect(idle.lo).toBe(probing.lo);
    expect(idle.rate).toBe(probing.rate);
    expect(idle.since).toBe(at);
  });

  it('recovers slowly: settled and quiet for recoverMs, the ceiling grows by 5 % and probing resumes', () => {
    const settled = SETTLED;
    const busy = { from: T0 - 1000, count: 1000 };
    const soon = advancePace(settled, busy, T0 + 10_000, DEFAULT_PACE);
    expect(soon.probing).toBe(false);
    expect(soon.hi).toBe(5.1);
    const later = advancePace({ ...settled, since: T0 + 290_000 }, busy, T0 + 300_000, DEFAULT_PACE);
    expect(later.hi).toBeCloseTo(5.1 * 1.05, 6);
    expect(later.probing).toBe(true);
    // Never above the configured ceiling.
    const top = advancePace(
      { ...settled, lo: 10, hi: 10, rate: 9.8, since: T0 + 290_000 },
      busy,
      T0 + 300_000,
      DEFAULT_PACE,
    );
    expect(top.hi).toBe(10);
    expect(top.probing).toBe(false);
  });

  it('a 429 with too few sends to measure halves the rate; a stored state that cannot be read starts again', () => {
    const after = afterRateLimited(
      initialPace(DEFAULT_PACE),
      { from: T0, count: 1 },
      { slotAt: T0, slotIndex: 1, at: T0 + 10, until: T0 + 2010 },
      DEFAULT_PACE,
    );
    expect(after.lo).toBe(5);
    expect(after.slackWindowMs).toBe(DEFAULT_PACE.idleMs);
    expect(parsePace('{"rate":"fast"}', DEFAULT_PACE)).toEqual(initialPace(DEFAULT_PACE));
    expect(parsePace('not json', DEFAULT_PACE)).toEqual(initialPace(DEFAULT_PACE));
    expect(parsePace(JSON.stringify({ rate: 99, probing: false }), DEFAULT_PACE).rate).toBe(10);
  });
});

// ---- against a simulated Slack -------------------------------------------------------------------

interface SimResult {
  /** Accepted after the first window, per second, over Slack's allowed rate. */
  fraction: number;
  limited: number;
  /** 429s for requests sent within one window after a Retry-After ended (or before it ended). */
  repeated: number;
  sent: number;
}

/** A seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `workers` senders share one pacing row (each plan is taken by compare and set: in virtual time one
 * at a time) and send `messages` messages to a Slack allowing `max` per sliding `windowMs`, each
 * request reaching Slack 3–30 ms after its slot (sometimes 100–250 ms, a busy machine) and each
 * worker taking 40–120 ms between sends.
 */
function simulate(seed: number, workers: number, max: number, windowMs: number, messages: number): SimResult {
  const rnd = random(seed);
  let row = EMPTY;
  const accepted: number[] = [];
  const limits: { sentAt: number; at: number; ends: number }[] = [];
  const ready = Array.from({ length: workers }, () => T0 + rnd() * 5);
  let left = messages;
  while (left > 0) {
    const w = ready.indexOf(Math.min(...ready));
    const now = ready[w] as number;
    const slot = planSlot(row, now, DEFAULT_PACE);
    if (slot.at - now > DEFAULT_PACE.maxWaitMs) {
      ready[w] = now + 50;
      continue;
    }
    row = slot.row;
    const delay = 3 + rnd() * 27 + (rnd() < 0.05 ? 100 + rnd() * 150 : 0);
    const arrives = slot.at + delay;
    const inWindow = accepted.filter((t) => t > arrives - windowMs);
    if (inWindow.length >= max) {
      const wait = (inWindow[inWindow.length - max] as number) + windowMs - arrives;
      const until = arrives + 2 + Math.max(1, Math.ceil(wait / 1000)) * 1000;
      limits.push({ sentAt: arrives, at: arrives + 2, ends: until });
      row = rateLimitedRow(
        row,
        { slotAt: slot.at, slotIndex: slot.index, at: arrives + 2, until },
        DEFAULT_PACE,
      );
      ready[w] = arrives + 5;
    } else {
      accepted.push(arrives);
      left -= 1;
      ready[w] = arrives + 2 + 40 + rnd() * 80;
    }
  }
  const first = accepted[0] as number;
  const last = accepted[accepted.length - 1] as number;
  const after = accepted.filter((t) => t >= first + windowMs).length;
  const fraction = after / ((last - first - windowMs) / 1000) / ((max * 1000) / windowMs);
  let repeated = 0;
  for (let i = 1; i < limits.length; i++) {
    const previous = limits[i - 1] as (typeof limits)[number];
    const next = limits[i] as (typeof limits)[number];
    if (next.sentAt > previous.at && next.sentAt <= previous.ends + windowMs) repeated += 1;
  }
  return { fraction, limited: limits.length, repeated, sent: accepted.length };
}

describe('the workspace pace against a simulated Slack (sliding window, Retry-After in whole seconds)', () => {
  it.each([1, 2, 4])(
    '%i worker(s): ≥ 90 % of the allowed rate, no 429 again right after a Retry-After',
    (workers) => {
      for (let seed = 1; seed <= 20; seed++) {
        // 50 per 10 s, as the delivery bench; 800 messages, close to three minutes at the limit.
        const result = simulate(seed * 7919 + workers, workers, 50, 10_000, 800);
        const context = `seed ${seed}: ${JSON.stringify(result)}`;
        expect(result.sent, context).toBe(800);
        expect(result.fraction, context).toBeGreaterThanOrEqual(0.9);
        expect(result.fraction, context).toBeLessThanOrEqual(1);
        expect(result.repeated, context).toBe(0);
        // The burst's 429, and a few probes'.
        expect(result.limited, context).toBeLessThanOrEqual(5);
      }
    },
  );

  it('a per-minute window (300 a minute) is reached as well', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const result = simulate(seed, 2, 300, 60_000, 1500);
      const context = `seed ${seed}: ${JSON.stringify(result)}`;
      expect(result.fraction, context).toBeGreaterThanOrEqual(0.9);
      expect(result.repeated, context).toBe(0);
    }
  });
});
