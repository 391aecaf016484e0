// When requests start. Node accepts one waiting connection per turn of its event loop, and a turn lasts
// as long as the work of the requests started in it: under a burst on 50 new connections, a turn that
// starts every request that has arrived is 50 requests long, and each new connection waits a whole such
// turn before it is even accepted (in the ack bench, a connection's first answer took up to 2 s while
// the others took 80 ms). So requests wait here, in the order they arrived, and a turn starts them
// one after another only until it has run for TURN_BUDGET_MS, then leaves the rest to the next turn.
// Right after a connection is accepted more are usually waiting, so for a moment each turn starts one
// request: new connections are then accepted as fast as established ones are served.

/** How long one turn of the event loop goes on starting waiting requests. */
export const TURN_BUDGET_MS = 4;
/** After a connection is accepted, turns start one request each for this long. */
export const CONNECTING_MS = 50;

/** A FIFO of requests waiting to start, released within a budget per event-loop turn. */
export class Turns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;
  private turnStart = 0;
  private connectingUntil = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Resolves when the request may start: after the ones that asked before, in this turn or a later one. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** A connection was accepted: others may be waiting behind it. */
  connected(): void {
    this.connectingUntil = this.now() + CONNECTING_MS;
  }

  /** Requests waiting for their turn. */
  get length(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate queued while immediates run waits for the next turn of the loop.
    setImmediate(this.take);
  }

  private readonly take = (): void => {
    this.scheduled = false;
    this.turnStart = this.now();
    this.release();
  };

  private readonly release = (): void => {
    this.waiting.shift()?.();
    if (this.waiting.length === 0) return;
    // The released request runs in the microtasks after this one; a tick queued from here runs only once
    // they are all done (its synchronous work, up to its first real wait), so the budget sees its cost.
    queueMicrotask(() => process.nextTick(this.continueTurn));
  };

  private readonly continueTurn = (): void => {
    if (this.waiting.length === 0) return;
    const now = this.now();
    if (now >= this.connectingUntil && now - this.turnStart < TURN_BUDGET_MS) this.release();
    else this.schedule();
  };
}
