// Work that is not the answer to a request (DMs, App Home refreshes) runs after the ack, off the request
// path: a small queue with bounded concurrency, so a burst of submissions is acknowledged first and its
// follow-up work drains behind it. App Home publishes have a lane of their own (HomeRefresher): one at a
// time, coalesced per member, within a budget that tightens as members wait.
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../core/scope';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { describeError } from './pipeline/dispatch';

/** How many requests waiting for their ack make the process busy. */
const BUSY_REQUESTS = 8;

export class AfterAck {
  private running = 0;
  private readonly queue: { label: string; work: () => Promise<unknown> }[] = [];
  private idle: (() => void)[] = [];
  private requestsInFlight: () => number = () => 0;

  constructor(
    private readonly log: Log,
    private readonly concurrency = 4,
  ) {}

  /**
   * Follows the receiver's load: while many requests wait for their acks, follow-up work yields to
   * them (one task at a time, never none, so a burst is acknowledged first and its DMs follow it);
   * `requestDone` lets the queue speed up again.
   */
  yieldTo(requestsInFlight: () => number): void {
    this.requestsInFlight = requestsInFlight;
  }

  /** A request finished: more follow-up work may start now. */
  requestDone(): void {
    this.pump();
  }

  /** Queues `work`; a failure is logged (scrubbed), never thrown at the caller. */
  run(label: string, work: () => Promise<unknown>): void {
    this.queue.push({ label, work });
    this.pump();
  }

  get pending(): number {
    return this.running + this.queue.length;
  }

  /** Resolves when everything queued so far (and anything it queued) has finished. */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    const limit = this.requestsInFlight() >= BUSY_REQUESTS ? 1 : this.concurrency;
    while (this.running < limit && this.queue.length > 0) this.start();
  }

  private start(): void {
    const next = this.queue.shift()!;
    this.running++;
    void next
      .work()
      .catch((error: unknown) =>
        this.log.warn(
          { work: next.label, err: scrubTokens(describeError(error)) },
          'work after the ack failed',
        ),
      )
      .finally(() => {
        this.running--;
        this.pump();
        if (this.pending === 0) {
          const waiting = this.idle;
          this.idle = [];
          for (const resolve of waiting) resolve();
        }
      });
  }
}

type Publish = (client: WebClient, scope: Scope) => Promise<void>;

function first<T>(map: Map<string, T>): T | undefined {
  return map.values().next().value;
}

export interface HomeRefresherOptions {
  /** A member's changes within this long become one publish; also the least time between two of theirs. */
  windowMs?: number;
  /** How much longer the window is for every other member waiting for a publish. */
  stretchMs?: number;
  /** The longest the window grows to, however many members wait. */
  maxWindowMs?: number;
  /** Milliseconds now (tests move it with fake timers). */
  now?: () => number;
}

interface Member {
  key: string;
  client: WebClient;
  scope: Scope;
  /** Since when the member's oldest unpublished change has waited (for a change made during a publish: its end). */
  since: number;
  /** The member is looking at the Home tab: published before anyone else, without waiting for the window. */
  soon: boolean;
  publishing: boolean;
  /** A change arrived during the publish: one more publish after it. */
  again: boolean;
}

/**
 * App Home publishes within a budget. Each one builds a whole snapshot (several queries) and calls
 * views.publish, so they get a lane of their own beside the requests being acknowledged:
 *
 * - one publish in flight at a time, process-wide;
 * - a member's changes within a window become one publish, and a member is published at most once a
 *   window; the window (400 ms) grows by 25 ms for every other member waiting, up to 3 s, so under a
 *   burst each publish covers more changes instead of there being more publishes;
 * - members are served oldest change first; a member who opens the Home tab (`soon`) goes first;
 * - no change is lost: a change made during a member's publish gets one more publish after it, and
 *   `flush()` publishes everything waiting at once (shutdown, and tests' `settle()`).
 */
export class HomeRefresher {
  /** Every member waiting for a publish or being published, by workspace/user. */
  private readonly members = new Map<string, Member>();
  /** Waiting members in the order their oldest change arrived (Map keeps insertion order). */
  private readonly queue = new Map<string, Member>();
  /** Waiting members who opened the Home tab, in the order they did. */
  private readonly urgent = new Map<string, Member>();
  private inFlight: Member | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private flushing = 0;
  private idle: (() => void)[] = [];
  private readonly windowMs: number;
  private readonly stretchMs: number;
  private readonly maxWindowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly log: Log,
    private readonly publish: Publish,
    options: HomeRefresherOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 400;
    this.stretchMs = options.stretchMs ?? 25;
    this.maxWindowMs = Math.max(this.windowMs, options.maxWindowMs ?? 3000);
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Asks for a fresh Home; returns at once (the publish starts later, from a timer). `soon` serves the
   * member first and without waiting for more changes (they just opened the tab).
   */
  request(client: WebClient, scope: Scope, options: { soon?: boolean } = {}): void {
    const key = `${scope.workspaceId}/${scope.userId}`;
    const soon = options.soon === true;
    const known = this.members.get(key);
    if (!known) {
      const member: Member = { key, client, scope, since: this.now(), soon, publishing: false, again: false };
      this.members.set(key, member);
      (soon ? this.urgent : this.queue).set(key, member);
    } else {
      known.client = client;
      if (known.publishing) {
        known.again = true;
        if (soon) known.soon = true;
        return;
      }
      if (soon && !known.soon) {
        known.soon = true;
        this.queue.delete(key);
        this.urgent.set(key, known);
      }
    }
    if (!this.inFlight) this.arm();
  }

  /** Publishes everything waiting now, one at a time, and resolves once nothing waits. */
  async flush(): Promise<void> {
    this.flushing++;
    try {
      this.pump();
      await this.whenIdle();
    } finally {
      this.flushing--;
    }
  }

  /** Members waiting for a publish or being published. */
  get waiting(): number {
    return this.members.size;
  }

  /** How long a member's changes wait now: longer the more members are waiting. */
  private window(): number {
    const others = Math.max(0, this.queue.size + this.urgent.size - 1);
    return Math.min(this.maxWindowMs, this.windowMs + this.stretchMs * others);
  }

  /** The member to publish now, if anyone is due. */
  private due(): Member | undefined {
    const urgent = first(this.urgent);
    if (urgent) return urgent;
    const oldest = first(this.queue);
    if (!oldest) return undefined;
    return this.flushing > 0 || this.now() >= oldest.since + this.window() ? oldest : undefined;
  }

  /** Starts the next publish if the lane is free and someone is due, or sets the timer for when they are. */
  private pump(): void {
    if (this.inFlight) return;
    const next = this.due();
    if (next) {
      this.clearTimer();
      void this.run(next);
      return;
    }
    this.arm();
  }

  /** Sets the one timer for the moment the next member is due (at once for `soon` or a flush). */
  private arm(): void {
    const oldest = first(this.queue);
    let delay: number;
    if (this.urgent.size > 0 || (this.flushing > 0 && oldest)) delay = 0;
    else if (oldest) delay = Math.max(0, oldest.since + this.window() - this.now());
    else return;
    const at = this.now() + delay;
    if (this.timer && this.timerAt <= at) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  private async run(member: Member): Promise<void> {
    this.inFlight = member;
    this.queue.delete(member.key);
    this.urgent.delete(member.key);
    member.publishing = true;
    member.soon = false;
    member.again = false;
    try {
      await this.publish(member.client, member.scope);
    } catch (error) {
      this.log.warn(
        { work: 'app home publish', err: scrubTokens(describeError(error)) },
        'work after the ack failed',
      );
    } finally {
      this.inFlight = undefined;
      member.publishing = false;
      if (member.again) {
        // Waits its window again, behind everyone who was already waiting (unless they opened the tab).
        member.again = false;
        member.since = this.now();
        (member.soon ? this.urgent : this.queue).set(member.key, member);
      } else {
        this.members.delete(member.key);
      }
      this.pump();
      if (this.members.size === 0) {
        const waiting = this.idle;
        this.idle = [];
        for (const resolve of waiting) resolve();
      }
    }
  }

  private whenIdle(): Promise<void> {
    if (this.members.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
