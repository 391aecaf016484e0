/** Identifier factories: Slack-shaped ids, message timestamps, trigger ids and view hashes. */
import { randomBytes } from 'node:crypto';

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export class IdFactory {
  private readonly counters = new Map<string, number>();
  private lastTsSecond = 0;
  private tsSequence = 0;

  constructor(private readonly clock: () => number) {}

  /** `D000000001`-style ids: a Slack type prefix (C, D, G, V, F, Q, ...) and a per-prefix counter. */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(10, '0')}`;
  }

  /** Message timestamps like `1700000000.000100`: unique and strictly increasing per stand-in. */
  ts(): string {
    const second = Math.max(Math.floor(this.clock() / 1000), this.lastTsSecond);
    if (second === this.lastTsSecond) {
      this.tsSequence += 1;
    } else {
      this.lastTsSecond = second;
      this.tsSequence = 1;
    }
    if (this.tsSequence > 999_999) {
      this.lastTsSecond += 1;
      this.tsSequence = 1;
    }
    return `${this.lastTsSecond}.${String(this.tsSequence).padStart(6, '0')}`;
  }

  /** Trigger ids look like `132456.7890123.abcdef` (Slack docs, views.open `invalid_trigger_id`). */
  trigger(): string {
    return `${this.next('trigger').slice('trigger'.length)}.${Math.floor(this.clock() / 1000)}.${randomHex(16)}`;
  }

  /** View hashes look like `1569362015.55b5e41b` (views.push docs example). */
  viewHash(): string {
    return `${Math.floor(this.clock() / 1000)}.${randomHex(4)}`;
  }

  /** Short random block ids, like the ones Slack assigns (`2WGp9`). */
  blockId(): string {
    return randomBytes(4).toString('base64url').slice(0, 5);
  }
}
