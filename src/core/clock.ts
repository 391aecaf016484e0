// The one source of "now": services and jobs take a Clock, so tests and the sandbox can move time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that runs with another (the real time by default) plus an offset that only moves forward. */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** How far ahead of the base clock this one is (ms). */
  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward by `ms` (a negative or non-finite amount is refused). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`OffsetClock: cannot advance by ${ms} ms`);
    this.offsetMs += ms;
    return this.now();
  }
}
