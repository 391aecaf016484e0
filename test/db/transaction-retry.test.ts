// `$transaction` is retried, whole, when it lost a race with a concurrent transaction (and only then):
// the error classification, the bounded backoff, and real conflicts on Postgres (a serialization
// failure and a deadlock), each shown first to happen without the retry.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../../src/db/client';
import { PrismaClient as PostgresClient } from '../../src/db/generated/postgres/client';
import { isTransactionConflict, type RetryPolicy, retryConflicts } from '../../src/db/retry';
import { POSTGRES_URL, postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../support/db';

/** An error shaped like the one Prisma raises for `code` (as the driver adapter reports it). */
function driverError(originalCode: string, prismaCode = 'P2010') {
  return Object.assign(new Error(`driver said ${originalCode}`), {
    code: prismaCode,
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'sqlite', originalCode } } },
  });
}

describe('isTransactionConflict', () => {
  it.each([
    [
      'SQLite stale snapshot, as Prisma raises it',
      Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }),
    ],
    ['SQLite busy after the lock wait (P1008 over SQLITE_BUSY)', driverError('SQLITE_BUSY', 'P1008')],
    ['SQLite locked', driverError('SQLITE_LOCKED')],
    ['the raw better-sqlite3 error', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['Postgres serialization failure (P2034)', Object.assign(new Error('x'), { code: 'P2034' })],
    [
      'Postgres deadlock inside the adapter error',
      {
        name: 'DriverAdapterError',
        cause: { kind: 'postgres', code: '40P01', message: 'deadlock detected' },
      },
    ],
    ['a conflict wrapped as the cause of another error', new Error('outer', { cause: { code: '40001' } })],
  ])('retries: %s', (_name, error) => {
    expect(isTransactionConflict(error)).toBe(true);
  });

  it.each([
    ['a unique constraint violation', Object.assign(new Error('x'), { code: 'P2002' })],
    [
      'a Postgres socket timeout (P1008 without a driver code)',
      Object.assign(new Error('x'), {
        code: 'P1008',
        meta: { driverAdapterError: { cause: { kind: 'SocketTimeout' } } },
      }),
    ],
    ['an expired transaction (P2028)', Object.assign(new Error('x'), { code: 'P2028' })],
    ['a lost connection', Object.assign(new Error('x'), { code: 'ECONNRESET' })],
    ['SQLite disk I/O', driverError('SQLITE_IOERR')],
    ['an error of the caller', new Error('contact not found for this member')],
    ['not an error at all', 'SQLITE_BUSY'],
    [
      'a cycle of causes',
      (() => {
        const e = new Error('loop') as Error & { cause?: unknown };
        e.cause = e;
        return e;
      })(),
    ],
  ])('does not retry: %s', (_name, error) => {
    expect(isTransactionConflict(error)).toBe(false);
  });
});

describe('retryConflicts', () => {
  const policy: RetryPolicy = { attempts: 4, baseDelayMs: 10, maxDelayMs: 25 };

  it('runs again after conflicts, waiting a jittered, capped, growing backoff', async () => {
    const waits: number[] = [];
    let runs = 0;
    const result = await retryConflicts(
      async () => {
        runs++;
        if (runs < 4) throw driverError('SQLITE_BUSY_SNAPSHOT');
        return 'stored';
      },
      policy,
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(result).toBe('stored');
    expect(runs).toBe(4);
    expect(waits).toHaveLength(3);
    [10, 20, 25].forEach((ceiling, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(0);
      expect(waits[i]).toBeLessThanOrEqual(ceiling);
    });
  });

  it('gives up after the last attempt with the conflict itself', async () => {
    let runs = 0;
    const conflict = driverError('SQLITE_BUSY', 'P1008');
    await expect(
      retryConflicts(
        async () => {
          runs++;
          throw conflict;
        },
        policy,
        async () => undefined,
      ),
    ).rejects.toBe(conflict);
    expect(runs).toBe(4);
  });

  it('never retries any other error', async () => {
    let runs = 0;
    await expect(
      retryConflicts(
        async () => {
          runs++;
          throw Object.assign(new Error('unique'), { code: 'P2002' });
        },
        policy,
        async () => undefined,
      ),
    ).rejects.toThrow('unique');
    expect(runs).toBe(1);
  });
});

describe('the app database retries $transaction (SQLite)', () => {
  let file: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    file = sqliteTestDatabase();
    database = await openDatabase(file.url);
  });
  afterEach(async () => {
    await database?.close();
    await file?.drop();
  });

  it('re-runs the whole callback on a conflict; the failed attempts leave nothing behind', async () => {
    let runs = 0;
    const result = await database.db.$transaction(async (tx) => {
      runs++;
      await tx.workspace.create({ data: { id: `T0RUN${runs}` } });
      if (runs < 3) throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
      return runs;
    });
    expect(result).toBe(3);
    const ids = await database.db.workspace.findMany({ select: { id: true } });
    expect(ids).toEqual([{ id: 'T0RUN3' }]);
  });

  it('runs the callback once when it fails for another reason', async () => {
    let runs = 0;
    await expect(
      database.db.$transaction(async (tx) => {
        runs++;
        await tx.workspace.create({ data: { id: 'T0ONCE' } });
        await tx.workspace.create({ data: { id: 'T0ONCE' } });
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(runs).toBe(1);
    expect(await database.db.workspace.count()).toBe(0);
  });

  it('keeps the array form working', async () => {
    const [created, count] = await database.db.$transaction([
      database.db.workspace.create({ data: { id: 'T0BATCH' } }),
      database.db.workspace.count(),
    ]);
    expect(created.id).toBe('T0BATCH');
    expect(count).toBe(1);
  });
});

describe.runIf(POSTGRES_URL)('the app database retries $transaction (Postgres)', () => {
  let testDb: TestDatabase;
  let app: Database;
  /** The same generated client and adapter, without the retry: shows the conflict really happens. */
  let bare: Db;

  beforeAll(async () => {
    testDb = await postgresTestDatabase();
    app = await openDatabase(testDb.url, { poolSize: 4 });
    bare = new PostgresClient({
      adapter: new PrismaPg({ connectionString: testDb.url, max: 4 }),
    }) as unknown as Db;
  });
  afterAll(async () => {
    await app?.close();
    await bare?.$disconnect();
    await testDb?.drop();
  });
  beforeEach(async () => {
    await app.db.workspace.deleteMany();
    await app.db.workspace.createMany({ data: [{ id: 'T0A' }, { id: 'T0B' }] });
  });

  /** Resolves once `parties` callers have arrived (later arrivals, e.g. retries, pass straight through). */
  function meetingPoint(parties: number) {
    let arrived = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return () => {
      arrived++;
      if (arrived === parties) open();
      return opened;
    };
  }

  /** Two Serializable transactions that both read the counter, then both write it. */
  function lostUpdateRace(db: Db) {
    const meet = meetingPoint(2);
    const increment = () =>
      db.$transaction(
        async (tx) => {
          const row = await tx.workspace.findUniqueOrThrow({ where: { id: 'T0A' } });
          await meet();
          await tx.workspace.update({ where: { id: 'T0A' }, data: { sendCount: row.sendCount + 1 } });
        },
        { isolationLevel: 'Serializable' },
      );
    return Promise.allSettled([increment(), increment()]);
  }

  /** Two transactions that lock the same two rows in opposite orders. */
  function deadlockRace(db: Db) {
    const meet = meetingPoint(2);
    const both = (first: string, second: string) =>
      db.$transaction(async (tx) => {
        await tx.workspace.update({ where: { id: first }, data: { sendCount: { increment: 1 } } });
        await meet();
        await tx.workspace.update({ where: { id: second }, data: { sendCount: { increment: 1 } } });
      });
    return Promise.allSettled([both('T0A', 'T0B'), both('T0B', 'T0A')]);
  }

  const counts = async () =>
    (await app.db.workspace.findMany({ orderBy: { id: 'asc' } })).map((w) => [w.id, w.sendCount]);

  it('a serialization failure (40001) fails one of two transactions without the retry…', async () => {
    const results = await lostUpdateRace(bare);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isTransactionConflict((rejected[0] as PromiseRejectedResult).reason)).toBe(true);
    expect(await counts()).toEqual([
      ['T0A', 1],
      ['T0B', 0],
    ]);
  });

  it('…and with it both commit, the counter counts both', async () => {
    const results = await lostUpdateRace(app.db);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await counts()).toEqual([
      ['T0A', 2],
      ['T0B', 0],
    ]);
  });

  it('a deadlock (40P01) fails one of two transactions without the retry…', async () => {
    const results = await deadlockRace(bare);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isTransactionConflict((rejected[0] as PromiseRejectedResult).reason)).toBe(true);
  });

  it('…and with it both commit', async () => {
    const results = await deadlockRace(app.db);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await counts()).toEqual([
      ['T0A', 2],
      ['T0B', 2],
    ]);
  });
});
