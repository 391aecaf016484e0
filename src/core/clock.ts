// The one source of "now": services and jobs take a Clock, so tests and the sandbox can move time.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
