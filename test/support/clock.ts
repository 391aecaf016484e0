// The one clock tests move by hand: the app's Clock (Date) and the stand-in's clock (milliseconds).
import type { Clock } from '../../src/core/clock';

export class TestClock implements Clock {
  private current: number;
  constructor(start: Date | string | number = new Date()) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  /** The time in milliseconds, as the stand-in's `clock` option reads it. */
  readonly nowMs = (): number => this.current;
  set(at: Date | string | number): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
