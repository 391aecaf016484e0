/** Injected failures per Web API method: rate limits, HTTP 5xx, hanging requests, Slack errors. */
import type { ServerResponse } from 'node:http';
import type { Fault } from './types';

interface ActiveFault {
  fault: Fault;
  /** Calls still to affect; undefined = until cleared. */
  remaining?: number;
}

export class FaultRegistry {
  private readonly active = new Map<string, ActiveFault>();
  private readonly hung = new Map<string, Set<ServerResponse>>();
  /** Accepted calls per limit key ("method team" and "method team channel"), for `limit` faults. */
  private readonly accepted = new Map<string, number[]>();

  set(method: string, fault: Fault): void {
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
      throw new Error('fault.times must be a positive integer');
    }
    this.active.set(method, { fault, remaining: fault.times });
  }

  /** Removes faults (all, or one method's) and releases the requests they hold by destroying them. */
  clear(method?: string): void {
    if (method === undefined) this.active.clear();
    else this.active.delete(method);
    for (const [hungMethod, responses] of this.hung) {
      if (method !== undefined && hungMethod !== method) continue;
      for (const res of responses) res.destroy();
      this.hung.delete(hungMethod);
    }
  }

  /** The fault that applies to this call of `method`, counting it against `times`. */
  take(method: string): Fault | undefined {
    const entry = this.active.get(method);
    if (!entry) return undefined;
    if (entry.remaining !== undefined) {
      entry.remaining -= 1;
      if (entry.remaining <= 0) this.active.delete(method);
    }
    return entry.fault;
  }

  /**
   * For a `limit` fault: milliseconds until this call would fit (0: it fits, and is counted as
   * accepted). Sliding windows per workspace and per channel.
   */
  admit(
    method: string,
    fault: Extract<Fault, { kind: 'limit' }>,
    teamId: string,
    channel: string | undefined,
    now: number,
  ): number {
    const checks: { key: string; max: number; windowMs: number }[] = [];
    if (fault.perWorkspace) checks.push({ key: `${method} ${teamId}`, ...fault.perWorkspace });
    if (fault.perChannel && channel)
      checks.push({ key: `${method} ${teamId} ${channel}`, ...fault.perChannel });
    let wait = 0;
    for (const c of checks) {
      const times = (this.accepted.get(c.key) ?? []).filter((t) => t > now - c.windowMs);
      this.accepted.set(c.key, times);
      if (times.length >= c.max)
        wait = Math.max(wait, (times[times.length - c.max] as number) + c.windowMs - now);
    }
    if (wait > 0) return wait;
    for (const c of checks) this.accepted.get(c.key)?.push(now);
    return 0;
  }

  /** Keeps a response open without answering until clear()/close(). */
  hold(method: string, res: ServerResponse): void {
    const set = this.hung.get(method) ?? new Set<ServerResponse>();
    set.add(res);
    this.hung.set(method, set);
    res.on('close', () => set.delete(res));
  }
}
