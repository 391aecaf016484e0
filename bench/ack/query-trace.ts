// Preloaded into the app's process by `npm run bench -- ack --profile` (never otherwise): counts and
// times every statement at the database driver (better-sqlite3, pg), so it sees every query whatever
// Prisma adapter sits above; measures how long transactions stay open, and on Postgres how long callers
// wait for a pool connection. Written to BENCH_QUERY_TRACE when the process exits.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type pg from 'pg';

interface Stat {
  count: number;
  ms: number;
  inTransaction: number;
}

const statements = new Map<string, Stat>();
const transactions = { count: 0, openMs: 0, maxOpenMs: 0 };
const poolWaits = { count: 0, ms: 0, maxMs: 0 };
/** When the transaction open on a connection began. */
const openSince = new WeakMap<object, number>();

/** One key per statement shape: placeholder lists collapsed, whitespace squeezed. */
function shape(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/(\?|\$\d+)(\s*,\s*(\?|\$\d+))+/g, '…')
    .trim();
}

function record(connection: object, sql: string, ms: number): void {
  const key = shape(sql);
  const stat = statements.get(key) ?? { count: 0, ms: 0, inTransaction: 0 };
  stat.count++;
  stat.ms += ms;
  const now = performance.now();
  if (/^BEGIN\b/i.test(key)) {
    openSince.set(connection, now);
  } else if (/^(COMMIT|ROLLBACK)\b/i.test(key)) {
    const since = openSince.get(connection);
    if (since !== undefined) {
      const open = now - since;
      transactions.count++;
      transactions.openMs += open;
      transactions.maxOpenMs = Math.max(transactions.maxOpenMs, open);
      openSince.delete(connection);
    }
  } else if (openSince.has(connection)) {
    stat.inTransaction++;
  }
  statements.set(key, stat);
}

type SqliteDatabase = new (path: string) => { prepare(sql: string): object; close(): void };

/**
 * A driver as the app (started in the current directory) and Prisma's adapter for it load it; the
 * adapter may have a copy of its own.
 */
function drivers<T>(name: string, adapter: string): T[] {
  const app = createRequire(join(process.cwd(), 'package.json'));
  const found = new Set<T>();
  const places: string[] = [join(process.cwd(), 'package.json')];
  try {
    places.push(app.resolve(adapter));
  } catch {
    // adapter not installed
  }
  for (const from of places) {
    try {
      found.add(createRequire(from)(name) as T);
    } catch {
      // not installed there
    }
  }
  return [...found];
}

// better-sqlite3: statements are synchronous; time run/all/get.
for (const Database of drivers<SqliteDatabase>('better-sqlite3', '@prisma/adapter-better-sqlite3')) {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'all', 'get'] as const) {
    const original = proto[method] as (
      this: { source: string; database: object },
      ...a: unknown[]
    ) => unknown;
    proto[method] = function (this: { source: string; database: object }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        record(this.database, this.source, performance.now() - started);
      }
    };
  }
  const dbProto = Database.prototype as unknown as Record<string, unknown>;
  const exec = dbProto.exec as (this: object, sql: string) => unknown;
  dbProto.exec = function (this: object, sql: string) {
    const started = performance.now();
    try {
      return exec.call(this, sql);
    } finally {
      record(this, sql, performance.now() - started);
    }
  };
}

// pg: time each query on its connection, and the wait for a connection from the pool.
for (const driver of drivers<typeof pg>('pg', '@prisma/adapter-pg')) {
  type Callback = (...a: unknown[]) => void;
  const clientProto = driver.Client.prototype as unknown as Record<string, unknown>;
  const query = clientProto.query as (this: object, ...a: unknown[]) => unknown;
  clientProto.query = function (this: object, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const sql = typeof config === 'string' ? config : (config?.text ?? '');
    const started = performance.now();
    const done = () => record(this, sql, performance.now() - started);
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as Callback;
      args[last] = (...r: unknown[]) => {
        done();
        callback(...r);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args) as Promise<unknown> | undefined;
    result?.then?.(done, done);
    return result;
  };

  const poolProto = driver.Pool.prototype as unknown as Record<string, unknown>;
  const connect = poolProto.connect as (this: object, ...a: unknown[]) => unknown;
  const waited = (started: number) => {
    const ms = performance.now() - started;
    poolWaits.count++;
    poolWaits.ms += ms;
    poolWaits.maxMs = Math.max(poolWaits.maxMs, ms);
  };
  poolProto.connect = function (this: object, ...args: unknown[]) {
    const started = performance.now();
    if (typeof args[0] === 'function') {
      const callback = args[0] as Callback;
      return connect.call(this, (...r: unknown[]) => {
        waited(started);
        callback(...r);
      });
    }
    const result = connect.apply(this, args) as Promise<unknown>;
    result.then(
      () => waited(started),
      () => undefined,
    );
    return result;
  };
}

export interface QueryTrace {
  statements: [string, Stat][];
  transactions: typeof transactions;
  poolWaits: typeof poolWaits;
}

const file = process.env.BENCH_QUERY_TRACE;
if (file) {
  process.once('exit', () => {
    const trace: QueryTrace = { statements: [...statements], transactions, poolWaits };
    writeFileSync(file, JSON.stringify(trace));
  });
}
