import { describe, expect, it } from 'vitest';
import { OffsetClock } from '../../src/core/clock';
import { TestClock } from '../support/clock';

describe('OffsetClock', () => {
  it('runs with its base clock, plus whatever it was moved forward', () => {
    const base = new TestClock('2026-03-10T14:00:00Z');
    const clock = new OffsetClock(base);
    expect(clock.now().toISOString()).toBe('2026-03-10T14:00:00.000Z');
    expect(clock.advance(90 * 60_000).toISOString()).toBe('2026-03-10T15:30:00.000Z');
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-03-10T15:31:00.000Z');
    expect(clock.offset).toBe(90 * 60_000);
  });

  it('never moves back', () => {
    const clock = new OffsetClock(new TestClock('2026-03-10T14:00:00Z'));
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.offset).toBe(0);
  });

  it('follows the real time by default', () => {
    const clock = new OffsetClock();
    clock.advance(24 * 3600_000);
    const ahead = clock.now().getTime() - Date.now();
    expect(ahead).toBeGreaterThan(24 * 3600_000 - 1000);
    expect(ahead).toBeLessThanOrEqual(24 * 3600_000);
  });
});
