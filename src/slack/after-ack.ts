// Work that is not the answer to a request (DMs, App Home refreshes) runs after the ack, off the request
// path: a small queue with bounded concurrency, so a burst of submissions is acknowledged first and its
// follow-up work drains behind it. App Home publishes are coalesced per member: several changes in a
// moment become one views.publish.
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../core/scope';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { describeError } from './pipeline/dispatch';

export class AfterAck {
  private running = 0;
  private readonly queue: { label: string; work: () => Promise<unknown> }[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private readonly log: Log,
    private readonly concurrency = 4,
  ) {}

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
    while (this.running < this.concurrency && this.queue.length > 0) {
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
}

type Publish = (client: WebClient, scope: Scope) => Promise<void>;

interface Slot {
  client: WebClient;
  scope: Scope;
  timer?: NodeJS.Timeout;
  publishing: boolean;
  again: boolean;
}

/** One App Home publish per member per window, however many changes asked for it. */
export class HomeRefresher {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly after: AfterAck,
    private readonly publish: Publish,
    private readonly windowMs = 400,
  ) {}

  /** Asks for a fresh Home; `soon` publishes without waiting for more changes (the member just opened it). */
  request(client: WebClient, scope: Scope, options: { soon?: boolean } = {}): void {
    const key = `${scope.workspaceId}/${scope.userId}`;
    const slot = this.slots.get(key);
    if (slot) {
      slot.client = client;
      if (slot.publishing) slot.again = true;
      return;
    }
    const fresh: Slot = { client, scope, publishing: false, again: false };
    this.slots.set(key, fresh);
    this.schedule(key, fresh, options.soon ? 0 : this.windowMs);
  }

  private schedule(key: string, slot: Slot, delay: number): void {
    slot.timer = setTimeout(() => this.fire(key, slot), delay);
  }

  private fire(key: string, slot: Slot): void {
    slot.timer = undefined;
    slot.publishing = true;
    this.after.run('app home publish', async () => {
      try {
        await this.publish(slot.client, slot.scope);
      } finally {
        slot.publishing = false;
        if (slot.again) {
          slot.again = false;
          this.schedule(key, slot, this.windowMs);
        } else {
          this.slots.delete(key);
        }
      }
    });
  }

  /** Publishes everything waiting now (at shutdown, so no change is left unpublished). */
  async flush(): Promise<void> {
    for (let round = 0; round < 3 && this.slots.size > 0; round++) {
      for (const [key, slot] of this.slots) {
        if (slot.timer) {
          clearTimeout(slot.timer);
          this.fire(key, slot);
        }
      }
      await this.after.drain();
    }
  }

  get waiting(): number {
    return this.slots.size;
  }
}
