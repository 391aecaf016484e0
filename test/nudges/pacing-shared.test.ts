// The workspace pace shared through the database by several workers (each its own database client,
// as separate processes have), taking slots at the same time: no two get the same instant, the
// slots stay one 1/rate apart, and a 429 one of them meets slows every one of them, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createPacer, DEFAULT_PACE, type Slot, workspacePace } from '../../src/nudges/pacing';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

describe.each(DATABASE_KINDS)('the workspace pace shared by several workers on $kind', ({ create }) => {
  let testDb: TestDatabase;
  const workers: Database[] = [];
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    testDb = await create();
    cleanup.add(() => testDb.drop());
    for (let i = 0; i < 3; i++) {
      const client = await openDatabase(testDb.url, { migrate: i === 0, poolSize: 4 });
      workers.push(client);
    }
    await workers[0]!.db.workspace.createMany({ data: [{ id: 'T1' }, { id: 'T2' }] });
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
  });

  // One clock for all (as the machines' clocks agree); waiting for a slot does not really wait here.
  const base = Date.now();
  let offset = 0;
  const clock = () => new Date(base + offset);
  const noWait = async () => undefined;

  it('no two workers take the same slot: each one 1/rate after the last', async () => {
    const pacers = workers.map((w) => createPacer(w.db, DEFAULT_PACE, clock, noWait));
    const taken: Slot[] = [];
    await Promise.all(
      pacers.map(async (pacer) => {
        for (let i = 0; i < 20; i++) taken.push(await pacer.acquire('T1'));
      }),
    );
    expect(taken.every((s) => s.ok)).toBe(true);
    const slots = taken.flatMap((s) => (s.ok ? [s] : []));
    // 60 slots at 10 a second, every index once, 100 ms apart.
    expect(new Set(slots.map((s) => s.index)).size).toBe(60);
    const times = slots.map((s) => s.at.getTime()).sort((a, b) => a - b);
    expect(new Set(times).size).toBe(60);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect((times[59] as number) - (times[0] as number)).toBe(59 * 100);
  });

  it('a 429 met by one worker (and by another’s request in flight) slows them all, once', async () => {
    offset = 0;
    const pacers = workers.map((w) => createPacer(w.db, DEFAULT_PACE, clock, noWait));
    const slots: Extract<Slot, { ok: true }>[] = [];
    for (let i = 0; i < 30; i++) {
      const slot = await pacers[i % 3]!.acquire('T2');
      if (!slot.ok) throw new Error('a slot should be free');
      slots.push(slot);
    }
    // Slots 0…2.9 s; the 30th (at 2.9 s) met a 429 with Retry-After 3 s, answered at 3 s.
    offset = 3000;
    await pacers[0]!.rateLimited('T2', slots[29]!, new Date(base + 6000));
    const once = await workspacePace(workers[1]!.db, 'T2');
    expect(once.lo).toBeCloseTo(29 / 6, 6);
    // Another worker's request in flight (its slot before the block) meets the same 429: no second cut.
    await pacers[1]!.rateLimited('T2', slots[28]!, new Date(base + 6010));
    const still = await workspacePace(workers[2]!.db, 'T2');
    expect(still.rate).toBe(once.rate);
    expect(still.blockEnd).toBe(base + 6010);
    // Every worker's next slot is after the block, and then 1/rate apart.
    const next = await pacers[2]!.acquire('T2');
    const after = await pacers[1]!.acquire('T2');
    if (!next.ok || !after.ok) throw new Error('slots after the block should be free');
    expect(next.at.getTime()).toBeGreaterThan(base + 6010);
    expect(after.at.getTime() - next.at.getTime()).toBeGreaterThanOrEqual(1000 / once.rate);
  });

  it('a Retry-After longer than the wait allowed hands the workspace back until its end', async () => {
    const pacer = createPacer(workers[0]!.db, { ...DEFAULT_PACE, maxWaitMs: 1000 }, clock, noWait);
    offset = 100_000;
    const first = await pacer.acquire('T2');
    if (!first.ok) throw new Error('a slot should be free');
    await pacer.rateLimited('T2', first, new Date(base + 130_000));
    const blocked = await createPacer(workers[1]!.db, DEFAULT_PACE, clock, noWait).acquire('T2');
    expect(blocked).toEqual({
      ok: false,
      retryAt: expect.any(Date),
      reason: 'waiting out Slack’s Retry-After',
    });
    expect(blocked.ok ? 0 : blocked.retryAt.getTime()).toBeGreaterThanOrEqual(base + 130_000);
  });
});
