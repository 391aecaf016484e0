import { describe, expect, it } from 'vitest';
import { TURN_BUDGET_MS, Turns } from '../../src/slack/pipeline/turns';

/**
 * Queues `count` requests; each, when it starts, spends `costMs` of the fake clock and queues an
 * immediate (which runs in the next turn of the event loop), so the order shows which turn each ran in.
 */
async function run(turns: Turns, clock: { now: number }, count: number, costMs: number): Promise<string[]> {
  const order: string[] = [];
  const started = Array.from({ length: count }, (_, i) =>
    turns.next().then(() => {
      order.push(`start ${i + 1}`);
      clock.now += costMs;
      setImmediate(() => order.push(`next turn after ${i + 1}`));
    }),
  );
  await Promise.all(started);
  await new Promise((resolve) => setImmediate(resolve));
  return order;
}

describe('Turns: when waiting requests start', () => {
  it('starts them in the order they arrived, several in one turn while within the budget', async () => {
    const clock = { now: 0 };
    const turns = new Turns(() => clock.now);
    expect(await run(turns, clock, 3, 0)).toEqual([
      'start 1',
      'start 2',
      'start 3',
      'next turn after 1',
      'next turn after 2',
      'next turn after 3',
    ]);
    expect(turns.length).toBe(0);
  });

  it('leaves the rest to the next turn once a turn has run for its budget', async () => {
    const clock = { now: 0 };
    const turns = new Turns(() => clock.now);
    // Each request costs 60 % of the budget: the second one ends the turn.
    expect(await run(turns, clock, 3, TURN_BUDGET_MS * 0.6)).toEqual([
      'start 1',
      'start 2',
      'next turn after 1',
      'next turn after 2',
      'start 3',
      'next turn after 3',
    ]);
  });

  it('starts one request per turn just after a connection is accepted, so the next one is accepted soon', async () => {
    const clock = { now: 0 };
    const turns = new Turns(() => clock.now);
    turns.connected();
    expect(await run(turns, clock, 3, 0)).toEqual([
      'start 1',
      'next turn after 1',
      'start 2',
      'next turn after 2',
      'start 3',
      'next turn after 3',
    ]);
  });
});
