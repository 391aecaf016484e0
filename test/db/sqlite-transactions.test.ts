// Writes on one SQLite file from several connections: the app and `coach sweep` processes. Interactive
// transactions that read first and write later must never fail with SQLITE_BUSY* nor lose a write,
// and a query outside a transaction must never be undone by someone else's rollback.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { COUNTER_ID, createCounter, readThenWrite, type WorkloadResult } from './support/read-then-write';
import { WRITER_SCRIPT } from './support/writer';

async function counterAndRows(db: Database['db']) {
  const counter = await db.workspace.findUniqueOrThrow({ where: { id: COUNTER_ID } });
  const rows = await db.workspace.count({ where: { id: { not: COUNTER_ID } } });
  return { counter: counter.sendCount, rows };
}

describe('SQLite transactions from several connections', () => {
  let file: TestDatabase;
  let one: Database;
  let two: Database;

  beforeEach(async () => {
    file = sqliteTestDatabase();
    one = await openDatabase(file.url);
    two = await openDatabase(file.url, { migrate: false });
    await createCounter(one.db);
  });
  afterEach(async () => {
    await one?.close();
    await two?.close();
    await file?.drop();
  });

  it('two clients (two connections) running read-then-write transactions at once: no SQLITE_BUSY, no lost write', async () => {
    const [a, b] = await Promise.all([readThenWrite(one.db, 'one', 60), readThenWrite(two.db, 'two', 60)]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(a.committed + b.committed).toBe(120);
    expect(await counterAndRows(one.db)).toEqual({ counter: 120, rows: 120 });
  });

  it('two processes doing the same: every transaction commits, every row and increment is there', async () => {
    await one.close();
    await two.close();
    const writers = [startWriter(file.url, 'p1', 150), startWriter(file.url, 'p2', 150)];
    try {
      await Promise.all(writers.map((w) => w.ready));
      // Both are connected and idle: start them together so their transactions overlap.
      for (const w of writers) w.child.stdin.write('go\n');
      const results = await Promise.all(writers.map((w) => w.result));
      expect(results.flatMap((r) => r.failures)).toEqual([]);
      expect(results.map((r) => r.committed)).toEqual([150, 150]);
    } finally {
      for (const w of writers) w.child.kill();
    }
    one = await openDatabase(file.url, { migrate: false });
    two = await openDatabase(file.url, { migrate: false });
    expect(await counterAndRows(one.db)).toEqual({ counter: 300, rows: 300 });
  }, 60_000);

  it('a query outside a transaction is not undone when a transaction open at the same time rolls back', async () => {
    const rolledBack = one.db
      .$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: 'T0INSIDE' } });
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('the member cancelled');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Same client, same connection, while the transaction above is open.
    await one.db.workspace.create({ data: { id: 'T0OUTSIDE' } });
    expect(await rolledBack).toBe('the member cancelled');
    const ids = (await two.db.workspace.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map(
      (w) => w.id,
    );
    expect(ids).toEqual([COUNTER_ID, 'T0OUTSIDE']);
  });

  it('keeps working after a transaction fails, and answers other isolation levels as Prisma does', async () => {
    await expect(
      one.db.$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: COUNTER_ID } }); // duplicate key
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    // The SQLite client's types allow only Serializable; at run time another level is refused (P2023).
    const readCommitted = { isolationLevel: 'ReadCommitted' } as unknown as {
      isolationLevel: 'Serializable';
    };
    await expect(
      one.db.$transaction(async (tx) => tx.workspace.count(), readCommitted),
    ).rejects.toMatchObject({
      code: 'P2023',
    });
    await one.db.$transaction(async (tx) => {
      await tx.workspace.create({ data: { id: 'T0AFTER' } });
    });
    expect(await two.db.workspace.count()).toBe(2);
  });
});

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  result: Promise<WorkloadResult>;
}

function startWriter(url: string, name: string, transactions: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER_SCRIPT, url, name, String(transactions)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout });
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const result = new Promise<WorkloadResult>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') onReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as WorkloadResult);
    });
    child.on('exit', (code) => reject(new Error(`writer ${name} exited with ${code}: ${stderr}`)));
  });
  // A writer that dies before it is ready fails the test instead of hanging it.
  return { child, ready: Promise.race([ready, result.then(() => undefined)]), result };
}

describe('the database queue', () => {
  it('serves waiting request work before background work, and never starves the background', async () => {
    const { FifoLock } = await import('../../src/db/sqlite-adapter');
    const lock = new FifoLock();
    const order: string[] = [];
    const release = await lock.acquire('background');
    const waits = [
      ...Array.from({ length: 3 }, (_, i) => lock.run(async () => void order.push(`bg${i}`))),
      ...Array.from({ length: 10 }, (_, i) => lock.run(async () => void order.push(`rq${i}`), 'request')),
    ];
    release();
    await Promise.all(waits);
    // Eight request turns, then one background turn, then the rest in the same way.
    expect(order).toEqual([
      'rq0',
      'rq1',
      'rq2',
      'rq3',
      'rq4',
      'rq5',
      'rq6',
      'rq7',
      'bg0',
      'rq8',
      'rq9',
      'bg1',
      'bg2',
    ]);
  });
});
