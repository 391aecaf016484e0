// The workload of the concurrency tests: interactive transactions that read first and write after an
// await, the shape of recordConversationLog. Each one reads a shared counter (the sendCount of one
// workspace row), yields to the event loop, adds a row of its own and writes the counter back plus one.
// A lost write shows as a missing row or a counter behind the number of committed transactions.
import type { Db } from '../../../src/db/client';

export const COUNTER_ID = 'T0COUNTER';

export interface WorkloadResult {
  committed: number;
  /** The error code (or message) of every transaction that failed. */
  failures: string[];
}

/** Creates the counter row the workload increments. */
export async function createCounter(db: Db): Promise<void> {
  await db.workspace.create({ data: { id: COUNTER_ID, sendCount: 0 } });
}

/** `transactions` read-then-write transactions, `lanes` at a time, rows named `<name>-<n>`. */
export async function readThenWrite(
  db: Db,
  name: string,
  transactions: number,
  lanes = 3,
): Promise<WorkloadResult> {
  const result: WorkloadResult = { committed: 0, failures: [] };
  let next = 0;
  const lane = async () => {
    while (next < transactions) {
      const n = next++;
      try {
        await db.$transaction(async (tx) => {
          const counter = await tx.workspace.findUniqueOrThrow({ where: { id: COUNTER_ID } });
          // Let everyone else run between the read and the write, as a real request handler would.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
          await tx.workspace.create({ data: { id: `${name}-${n}` } });
          await tx.workspace.update({
            where: { id: COUNTER_ID },
            data: { sendCount: counter.sendCount + 1 },
          });
        });
        result.committed++;
      } catch (error) {
        const e = error as { code?: unknown; message?: unknown };
        result.failures.push(String(e.code ?? e.message));
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return result;
}
