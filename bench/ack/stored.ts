// What the app stored: conversations counted by their action text (each submission's marker), read
// straight from the database the app wrote.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

const QUERY = 'SELECT "action" AS action, COUNT(*) AS n FROM "Conversation" GROUP BY "action"';

export async function storedConversations(databaseUrl: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (databaseUrl.startsWith('file:')) {
    const db = new Database(databaseUrl.slice('file:'.length), { readonly: true, fileMustExist: true });
    try {
      for (const row of db.prepare(QUERY).all() as { action: string | null; n: number }[])
        counts.set(row.action ?? '', Number(row.n));
    } finally {
      db.close();
    }
    return counts;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ action: string | null; n: string }>(QUERY);
    for (const row of rows) counts.set(row.action ?? '', Number(row.n));
  } finally {
    await client.end();
  }
  return counts;
}

export interface StoredCheck {
  acknowledged: number;
  storedOnce: number;
  missing: number;
  doubled: number;
  /** Stored although the member was answered with an error (e.g. Bolt's 404 after 3 s). */
  storedRefused: number;
  /** Stored, but no answer arrived (cut off when a warm-up ended, or timed out). */
  storedUnanswered: number;
  /** Conversations that match no submission of this run. */
  foreign: number;
  /** All conversations of this run. */
  stored: number;
}

export function compareStored(
  acknowledged: string[],
  refused: Set<string>,
  built: Set<string>,
  stored: Map<string, number>,
): StoredCheck {
  const acked = new Set(acknowledged);
  const result: StoredCheck = {
    acknowledged: acked.size,
    storedOnce: 0,
    missing: 0,
    // A request is sent once, so it can be acknowledged only once.
    doubled: acknowledged.length - acked.size,
    storedRefused: 0,
    storedUnanswered: 0,
    foreign: 0,
    stored: 0,
  };
  for (const marker of acked) {
    const n = stored.get(marker) ?? 0;
    if (n === 1) result.storedOnce++;
    else if (n === 0) result.missing++;
    else result.doubled++;
  }
  for (const [marker, n] of stored) {
    if (!built.has(marker)) {
      result.foreign += n;
      continue;
    }
    result.stored += n;
    if (acked.has(marker)) continue;
    if (n > 1) result.doubled++;
    else if (refused.has(marker)) result.storedRefused++;
    else result.storedUnanswered++;
  }
  return result;
}

/** A fresh database on the server `baseUrl` points at; `drop` removes it. */
export async function createPostgresDatabase(
  baseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `coach_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // CREATE DATABASE copies template1 and fails while another copy is in progress: take turns with
    // the Postgres tests, which use the same lock.
    await admin.query('SELECT pg_advisory_lock(7270001)');
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
