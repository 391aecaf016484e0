// App Home publishes within a budget (HomeRefresher), on fake timers with a fake publish that takes a
// set time: coalescing, one publish in flight, fairness, `soon` first, no lost update, flush.
import { Writable } from 'node:stream';
import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scope } from '../../src/core/scope';
import { createLogger } from '../../src/log';
import { HomeRefresher, type HomeRefresherOptions } from '../../src/slack/after-ack';

const client = {} as WebClient;
const member = (userId: string): Scope => ({ workspaceId: 'T1', userId });

interface Publish {
  user: string;
  start: number;
  end?: number;
}

/** A refresher whose publishes take `publishMs` of fake time each, recorded in order. */
function refresher(
  options: HomeRefresherOptions & {
    publishMs?: number;
    during?: (user: string, n: number) => void;
    fail?: string;
  } = {},
) {
  const publishes: Publish[] = [];
  const lines: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const sink = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const home = new HomeRefresher(
    createLogger('warn', sink),
    async (_client, scope) => {
      const record: Publish = { user: scope.userId, start: Date.now() };
      publishes.push(record);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        options.during?.(scope.userId, publishes.length);
        if (options.publishMs) await new Promise((resolve) => setTimeout(resolve, options.publishMs));
        if (options.fail === scope.userId) throw new Error('views.publish failed: xoxb-1-2-secret');
      } finally {
        inFlight--;
        record.end = Date.now();
      }
    },
    options,
  );
  const ask = (user: string, soon = false) => home.request(client, member(user), { soon });
  return {
    home,
    ask,
    publishes,
    lines,
    users: () => publishes.map((p) => p.user),
    mostInFlight: () => mostInFlight,
  };
}

const T0 = new Date('2026-03-10T14:00:00Z').getTime();

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const at = (publish: Publish | undefined) => (publish ? publish.start - T0 : undefined);

describe('HomeRefresher', () => {
  it('turns several changes within the window into one publish, at the end of the window', async () => {
    const r = refresher();
    r.ask('U1');
    await vi.advanceTimersByTimeAsync(100);
    r.ask('U1');
    await vi.advanceTimersByTimeAsync(200);
    r.ask('U1');
    await vi.advanceTimersByTimeAsync(99);
    expect(r.publishes).toHaveLength(0);
    expect(r.home.waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.users()).toEqual(['U1']);
    expect(at(r.publishes[0])).toBe(400);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.publishes).toHaveLength(1);
    expect(r.home.waiting).toBe(0);
  });

  it('returns at once: nothing is published on the caller’s stack, even for `soon`', async () => {
    const r = refresher();
    r.ask('U1', true);
    expect(r.publishes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.users()).toEqual(['U1']);
  });

  it('gives a change made during a publish exactly one more publish, a window after it', async () => {
    const r = refresher({ publishMs: 100 });
    r.ask('U1');
    await vi.advanceTimersByTimeAsync(450); // publishing from 400 to 500
    expect(r.publishes).toHaveLength(1);
    r.ask('U1');
    r.ask('U1');
    await vi.advanceTimersByTimeAsync(50); // the first publish ends at 500
    expect(r.publishes[0]?.end).toBe(T0 + 500);
    await vi.advanceTimersByTimeAsync(399);
    expect(r.publishes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.publishes).toHaveLength(2);
    expect(at(r.publishes[1])).toBe(900);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.publishes).toHaveLength(2);
    expect(r.home.waiting).toBe(0);
  });

  it('publishes one member at a time, whatever the number waiting', async () => {
    const r = refresher({ publishMs: 30 });
    for (let i = 0; i < 20; i++) r.ask(`U${i}`);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(r.publishes).toHaveLength(20);
    expect(r.mostInFlight()).toBe(1);
    for (let i = 1; i < r.publishes.length; i++) {
      expect(r.publishes[i]!.start).toBeGreaterThanOrEqual(r.publishes[i - 1]!.end!);
    }
  });

  it('serves members oldest change first, so one who keeps changing things cannot starve the others', async () => {
    const r = refresher({ publishMs: 100 });
    r.ask('A');
    await vi.advanceTimersByTimeAsync(10);
    r.ask('B');
    await vi.advanceTimersByTimeAsync(10);
    r.ask('C');
    // A changes something every 50 ms, for 3 s.
    for (let t = 0; t < 3000; t += 50) {
      r.ask('A');
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.users().slice(0, 4)).toEqual(['A', 'B', 'C', 'A']);
    // A's last change, made after its previous publish started, was published too.
    const lastA = r.publishes.filter((p) => p.user === 'A').at(-1)!;
    expect(lastA.start).toBeGreaterThanOrEqual(T0 + 20 + 3000);
    expect(r.home.waiting).toBe(0);
  });

  it('serves a member who opens the Home tab first, without waiting for the window', async () => {
    const r = refresher({ publishMs: 100 });
    r.ask('A');
    r.ask('B');
    await vi.advanceTimersByTimeAsync(10);
    r.ask('C', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.users()).toEqual(['C']);
    expect(at(r.publishes[0])).toBe(10);
    // During a publish, someone else waiting and due, and a member opening the tab: the tab goes first.
    await vi.advanceTimersByTimeAsync(500); // A started at 425 (window 425 with B waiting), ends 525
    expect(r.users()).toEqual(['C', 'A']);
    r.ask('D', true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.users()).toEqual(['C', 'A', 'D', 'B']);
  });

  it('moves a waiting member to the front when they open the tab', async () => {
    const r = refresher({ publishMs: 100 });
    r.ask('A');
    r.ask('B');
    await vi.advanceTimersByTimeAsync(100);
    r.ask('B', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(r.users()).toEqual(['B']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.users()).toEqual(['B', 'A']);
  });

  it('stretches the window while members wait, up to its limit', async () => {
    const r = refresher({ publishMs: 10 });
    for (let i = 0; i < 41; i++) r.ask(`U${i}`);
    // 400 ms, plus 25 ms for each of the 40 others waiting.
    await vi.advanceTimersByTimeAsync(1399);
    expect(r.publishes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(at(r.publishes[0])).toBe(1400);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.publishes).toHaveLength(41);

    const many = refresher({ publishMs: 10 });
    const start = Date.now();
    for (let i = 0; i < 500; i++) many.ask(`U${i}`);
    await vi.advanceTimersByTimeAsync(2999);
    expect(many.publishes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(many.publishes[0]?.start).toBe(start + 3000);
  });

  it('keeps a member’s publishes a window apart, however often they change things', async () => {
    const r = refresher({ publishMs: 20 });
    for (let t = 0; t < 5000; t += 10) {
      r.ask('A');
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.publishes.length).toBeGreaterThan(5);
    expect(r.publishes.length).toBeLessThanOrEqual(Math.ceil(5000 / 420) + 1);
    for (let i = 1; i < r.publishes.length; i++) {
      expect(r.publishes[i]!.start - r.publishes[i - 1]!.end!).toBeGreaterThanOrEqual(400);
    }
    // The last change (at 4990) is in a publish that started after it.
    expect(r.publishes.at(-1)!.start).toBeGreaterThanOrEqual(T0 + 4990);
  });

  it('flush publishes everyone waiting, one at a time, a change made meanwhile included', async () => {
    const r = refresher({
      during: (user, n) => {
        if (user === 'U0' && n === 1) r.ask('U0'); // a change while U0's first publish runs
      },
    });
    for (let i = 0; i < 5; i++) r.ask(`U${i}`);
    expect(r.home.waiting).toBe(5);
    await r.home.flush(); // no time passes: nobody's window had ended
    expect(Date.now()).toBe(T0);
    expect(r.users()).toEqual(['U0', 'U1', 'U2', 'U3', 'U4', 'U0']);
    expect(r.mostInFlight()).toBe(1);
    expect(r.home.waiting).toBe(0);
    await r.home.flush(); // nothing waiting: resolves at once
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.publishes).toHaveLength(6);
  });

  it('flush during a publish waits for it: still one publish at a time', async () => {
    const r = refresher({ publishMs: 100 });
    r.ask('A');
    r.ask('B');
    r.ask('C');
    await vi.advanceTimersByTimeAsync(460); // A publishing since 450 (window 450 with B and C waiting)
    expect(r.users()).toEqual(['A']);
    let flushed = false;
    const flush = r.home.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.users()).toEqual(['A']);
    await vi.advanceTimersByTimeAsync(300);
    await flush;
    expect(flushed).toBe(true);
    expect(r.users()).toEqual(['A', 'B', 'C']);
    expect(r.mostInFlight()).toBe(1);
    expect(r.publishes.map(at)).toEqual([450, 550, 650]);
  });

  it('logs a failed publish (token scrubbed) and goes on with the next member', async () => {
    const r = refresher({ fail: 'A' });
    r.ask('A');
    r.ask('B');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.users()).toEqual(['A', 'B']);
    expect(r.home.waiting).toBe(0);
    const out = r.lines.join('');
    expect(out).toContain('app home publish');
    expect(out).toContain('views.publish failed');
    expect(out).not.toContain('xoxb-1-2-secret');
  });
});

describe('work after the ack under load', () => {
  it('runs one task at a time while many requests wait for their acks, and speeds up after', async () => {
    const { AfterAck } = await import('../../src/slack/after-ack');
    const { createLogger } = await import('../../src/log');
    const queue = new AfterAck(createLogger('silent'), 4);
    let waitingForAck = 20;
    queue.yieldTo(() => waitingForAck);
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    for (let i = 0; i < 6; i++) {
      queue.run('task', async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
      });
    }
    expect(running).toBe(1);
    waitingForAck = 0;
    queue.requestDone();
    expect(running).toBe(4);
    while (gates.length > 0) {
      gates.shift()?.();
      await Promise.resolve();
      await Promise.resolve();
    }
    await queue.drain();
    expect(most).toBe(4);
  });
});
