// Large databases for the benchmarks, seeded in seconds: every table is filled by one
// INSERT … SELECT over a generated series (a recursive CTE on SQLite, generate_series on Postgres),
// through the raw drivers (better-sqlite3, pg), so no row goes through Prisma. Values are written the
// way Prisma writes them (DateTime: ISO text with +00:00 on SQLite, timestamp(3) in UTC on Postgres),
// so the app's queries compare them as usual.
//
// Every member is "quiet": nothing is due for them now or within the planner's horizon, and planning
// them changes nothing. Member i (id m00000000…):
// - slackTz UTC (no users.info when planned), data last changed 60 days ago;
// - `contactsPerMember` contacts: the first met and thanked 60 days ago (the loop closed then), the
//   others still targets;
// - one conversation with that first contact, held 61 days ago, thanked and its loop closed;
// - one nudge: even i, the conversation's thank-you, sent back then; odd i, a keep-in-touch for the
//   first contact, pending and due in 40 days (the rules want it in about 32: it stays as it is).
import Database from 'better-sqlite3';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export interface Shape {
  workspaceId: string;
  members: number;
  contactsPerMember: number;
  /** The moment the data is quiet at (a Thursday afternoon keeps the weekly summary out of the horizon). */
  now: Date;
}

const DAY = 86_400_000;
/** Digits of the numbered ids (m00000042, c00000420, v00000042, n00000042). */
const WIDTH = 8;

export const memberId = (i: number) => `m${String(i).padStart(WIDTH, '0')}`;
export const contactId = (j: number) => `c${String(j).padStart(WIDTH, '0')}`;
export const conversationId = (i: number) => `v${String(i).padStart(WIDTH, '0')}`;
export const nudgeId = (i: number) => `n${String(i).padStart(WIDTH, '0')}`;
export const slackUserIdOf = (i: number) => `U${String(i).padStart(WIDTH, '0')}`;

/** The raw driver of a database URL (file:… is SQLite), for statements the benchmarks run themselves. */
export interface RawDb {
  dialect: Dialect;
  exec(sql: string, params?: unknown[]): Promise<void>;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A DateTime as a literal of this dialect. */
  date(d: Date): string;
  /** `n` as a zero-padded id suffix (an SQL expression over an integer expression). */
  pad(expr: string): string;
  /** `INSERT INTO table (columns) SELECT select FROM <series i = 0 … n-1>`. */
  insertSeries(table: string, columns: string[], select: string[], n: number): Promise<void>;
  close(): Promise<void>;
}

export async function openRaw(url: string): Promise<RawDb> {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Positional `$1` placeholders (as pg has them) become `?` here, so callers write one statement.
    const prepare = (sql: string) => db.prepare(sql.replace(/\$\d+/g, '?'));
    return {
      dialect: 'sqlite',
      exec: async (sql, params) => {
        if (params) prepare(sql).run(...params);
        else db.exec(sql);
      },
      all: async <T>(sql: string, params: unknown[] = []) => prepare(sql).all(...params) as T[],
      date: (d) => `'${d.toISOString().replace('Z', '+00:00')}'`,
      pad: (expr) => `printf('%0${WIDTH}d', ${expr})`,
      insertSeries: async (table, columns, select, n) => {
        if (n <= 0) return;
        db.exec(
          `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1})
           INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
           SELECT ${select.join(', ')} FROM s`,
        );
      },
      close: async () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    dialect: 'postgres',
    exec: async (sql, params) => {
      await client.query(sql, params);
    },
    all: async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as unknown as T[],
    date: (d) => `'${d.toISOString().replace('T', ' ').replace('Z', '')}'::timestamp(3)`,
    pad: (expr) => `lpad((${expr})::text, ${WIDTH}, '0')`,
    insertSeries: async (table, columns, select, n) => {
      if (n <= 0) return;
      await client.query(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT ${select.join(', ')} FROM generate_series(0, ${n - 1}) AS s(i)`,
      );
    },
    close: () => client.end(),
  };
}

export interface SeedTimings {
  /** Seconds per table. */
  tables: Record<string, number>;
  total: number;
}

/** Fills an empty, migrated database with `shape` (see the top of this file). */
export async function bulkSeed(raw: RawDb, shape: Shape): Promise<SeedTimings> {
  const { workspaceId: ws, members, contactsPerMember: cpm, now } = shape;
  const at = (days: number) => raw.date(new Date(now.getTime() + days * DAY));
  const held = at(-61);
  const touched = at(-60);
  const created = at(-70);
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const started = performance.now();
  const tables: Record<string, number> = {};
  const timed = async (table: string, run: () => Promise<void>) => {
    const t = performance.now();
    await run();
    tables[table] = (performance.now() - t) / 1000;
  };

  await raw.exec(
    `INSERT INTO "Workspace" ("id", "name", "installedAt", "sendCount") VALUES (${q(ws)}, 'Bench', ${created}, 0)`,
  );
  await timed('Member', () =>
    raw.insertSeries(
      'Member',
      ['id', 'workspaceId', 'slackUserId', 'slackTz', 'createdAt', 'updatedAt'],
      [`'m' || ${raw.pad('i')}`, q(ws), `'U' || ${raw.pad('i')}`, `'UTC'`, created, touched],
      members,
    ),
  );
  // Contact j belongs to member j / cpm; each member's first contact is the one they met.
  const first = `i % ${cpm} = 0`;
  await timed('Contact', () =>
    raw.insertSeries(
      'Contact',
      [
        'id',
        'workspaceId',
        'ownerId',
        'name',
        'nameKey',
        'role',
        'company',
        'stage',
        'stageAt',
        'lastTouchAt',
        'createdAt',
        'updatedAt',
      ],
      [
        `'c' || ${raw.pad('i')}`,
        q(ws),
        `'m' || ${raw.pad(`i / ${cpm}`)}`,
        `'Person ' || i`,
        `'person ' || i`,
        `'UX Researcher'`,
        `'Acme Health'`,
        `CASE WHEN ${first} THEN 'thanked' ELSE 'target' END`,
        `CASE WHEN ${first} THEN ${touched} ELSE ${created} END`,
        `CASE WHEN ${first} THEN ${touched} ELSE NULL END`,
        created,
        touched,
      ],
      members * cpm,
    ),
  );
  await timed('Conversation', () =>
    raw.insertSeries(
      'Conversation',
      [
        'id',
        'workspaceId',
        'ownerId',
        'contactId',
        'heldAt',
        'minutesRequested',
        'format',
        'insights',
        'action',
        'thankYouSentAt',
        'loopClosedAt',
        'createdAt',
        'updatedAt',
      ],
      [
        `'v' || ${raw.pad('i')}`,
        q(ws),
        `'m' || ${raw.pad('i')}`,
        `'c' || ${raw.pad(`i * ${cpm}`)}`,
        held,
        '20',
        `'video'`,
        `'Portfolios should show one research question from start to finish.'`,
        `'rebuild the case study around one question'`,
        at(-60.9),
        touched,
        held,
        touched,
      ],
      members,
    ),
  );
  // The keep-in-touch's occurrence is the local date of the contact's last touch (UTC here).
  const touchDate = new Date(now.getTime() - 60 * DAY).toISOString().slice(0, 10);
  const even = 'i % 2 = 0';
  await timed('Nudge', () =>
    raw.insertSeries(
      'Nudge',
      [
        'id',
        'workspaceId',
        'memberId',
        'kind',
        'subjectId',
        'dedupeKey',
        'dueAt',
        'status',
        'attempts',
        'sentAt',
        'createdAt',
        'updatedAt',
      ],
      [
        `'n' || ${raw.pad('i')}`,
        q(ws),
        `'m' || ${raw.pad('i')}`,
        `CASE WHEN ${even} THEN 'thank_you' ELSE 'keep_in_touch' END`,
        `CASE WHEN ${even} THEN 'v' || ${raw.pad('i')} ELSE 'c' || ${raw.pad(`i * ${cpm}`)} END`,
        `CASE WHEN ${even}
           THEN 'm' || ${raw.pad('i')} || ':thank_you:v' || ${raw.pad('i')} || ':v' || ${raw.pad('i')}
           ELSE 'm' || ${raw.pad('i')} || ':keep_in_touch:c' || ${raw.pad(`i * ${cpm}`)} || ':${touchDate}' END`,
        `CASE WHEN ${even} THEN ${at(-60.9)} ELSE ${at(40)} END`,
        `CASE WHEN ${even} THEN 'sent' ELSE 'pending' END`,
        `CASE WHEN ${even} THEN 1 ELSE 0 END`,
        `CASE WHEN ${even} THEN ${at(-60.9)} ELSE NULL END`,
        held,
        touched,
      ],
      members,
    ),
  );
  // Postgres' autovacuum vacuums and analyzes tables this size soon after a bulk load: do it now, so
  // plans are the ones a live database gets and no vacuum runs behind the measurements. (SQLite is
  // left as the app leaves it: no ANALYZE.)
  if (raw.dialect === 'postgres') await timed('VACUUM ANALYZE', () => raw.exec('VACUUM ANALYZE'));
  return { tables, total: (performance.now() - started) / 1000 };
}

export function formatSeed(t: SeedTimings): string {
  return `seeded in ${t.total.toFixed(1)} s (${Object.entries(t.tables)
    .map(([k, s]) => `${k} ${s.toFixed(1)} s`)
    .join(', ')})`;
}
