/** The ordered log of Web API calls, and waiting for a call without polling. */
import type { RecordedCall } from './types';

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
}

const DEFAULT_WAIT_MS = 2000;

export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(call: RecordedCall) => void>();

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const listener of this.listeners) {
      try {
        listener(call);
      } catch {
        // A listener's failure is its own: the call stays recorded and the others still hear of it.
      }
    }
    for (const waiter of this.waiters) {
      if (waiter.method === call.method && waiter.predicate(call)) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  /** Calls `listener` with every call recorded from now on; returns the function that stops it. */
  onRecord(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<RecordedCall> {
    const existing = this.calls.find((c) => c.method === method && predicate(c));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`No call to ${method} matching the predicate within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
