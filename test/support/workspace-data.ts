// A workspace with a row in every table, and every row of the database read back by who it belongs to:
// the tables, their columns and their foreign keys come from the database's own catalog, so a table
// added later is looked at without this file knowing its name.
import type { Db } from '../../src/db/client';
import { createAskDraft } from '../../src/services/ask';
import { logConversation } from '../../src/services/log';
import { ensureMember } from '../../src/store/members';
import { claimRequestAlone } from '../../src/store/requests';

export type Kind = 'sqlite' | 'postgres';

/** Row ids of a seeded workspace. */
export interface SeededWorkspace {
  workspaceId: string;
  /** The two members' Slack user ids and Member row ids. */
  members: { userId: string; memberId: string }[];
}

/**
 * Fills every table for `workspaceId`, for each of `userIds`: an ask draft (contact and ask), a logged
 * chat with a referral, skills and keywords (its submission recorded), a nudge about the chat, a
 * recorded event; and for the workspace an installation and a cohort with every member in it.
 */
export async function seedWorkspace(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
  now: Date,
): Promise<SeededWorkspace> {
  const members: SeededWorkspace['members'] = [];
  for (const [i, userId] of userIds.entries()) {
    const scope = { workspaceId, userId };
    const asked = await createAskDraft(
      db,
      scope,
      {
        person: { kind: 'new', name: `Rosa Delgado ${i}`, role: 'Data Analyst', company: 'Contoso' },
        about: 'moving from retail management into analytics',
        why: 'She moved from store operations into analytics',
        minutes: 20,
        channel: 'email',
      },
      now,
      'Sam',
    );
    if (!asked.ok) throw new Error('seedWorkspace: the ask draft was refused');
    const logged = await logConversation(
      db,
      scope,
      {
        person: `Rosa Delgado ${i}`,
        date: now.toISOString().slice(0, 10),
        minutes: 25,
        format: 'video',
        learned: 'private notes of the chat',
        skills: ['SQL window functions'],
        keywords: ['cohort analysis'],
        action: 'rebuild my dashboard project',
        referrals: [{ name: `Imani Brooks ${i}`, role: 'Analytics Lead', company: 'Contoso' }],
        thanked: false,
      },
      now,
      `submission:V${workspaceId}${userId}:h1`,
    );
    if (!logged.ok) throw new Error(`seedWorkspace: ${logged.problem}`);
    const member = await ensureMember(db, scope);
    // Referral history and the development plan (rows the log itself may not make yet).
    const [rosa, imani] = await Promise.all([
      db.contact.findFirstOrThrow({ where: { ownerId: member.id, name: `Rosa Delgado ${i}` } }),
      db.contact.findFirstOrThrow({ where: { ownerId: member.id, name: `Imani Brooks ${i}` } }),
    ]);
    await db.contactSuggestion.upsert({
      where: { contactId_suggestedById: { contactId: imani.id, suggestedById: rosa.id } },
      create: { workspaceId, ownerId: member.id, contactId: imani.id, suggestedById: rosa.id },
      update: {},
    });
    const skill = await db.skill.findFirstOrThrow({ where: { ownerId: member.id } });
    await db.skillMention.upsert({
      where: {
        skillId_conversationId: { skillId: skill.id, conversationId: logged.summary.card.conversationId },
      },
      create: {
        workspaceId,
        ownerId: member.id,
        skillId: skill.id,
        conversationId: logged.summary.card.conversationId,
      },
      update: {},
    });
    await db.nudge.create({
      data: {
        workspaceId,
        memberId: member.id,
        kind: 'thank_you',
        subjectId: logged.summary.card.conversationId,
        dedupeKey: `${member.id}:thank_you:${logged.summary.card.conversationId}:1`,
        dueAt: now,
      },
    });
    await claimRequestAlone(db, `event:Ev${workspaceId}${userId}`, workspaceId, now);
    members.push({ userId, memberId: member.id });
  }
  await db.installation.create({
    data: { workspaceId, botUserId: `U${workspaceId}BOT`, data: 'sealed installation', createdAt: now },
  });
  const cohort = await db.cohort.create({
    data: {
      workspaceId,
      channelId: `C${workspaceId}`,
      name: 'Spring cohort',
      createdByUserId: userIds[0] ?? 'U0',
    },
  });
  for (const { memberId } of members) {
    await db.cohortMembership.create({ data: { cohortId: cohort.id, memberId } });
  }
  await db.cohortPost.create({
    data: { workspaceId, cohortId: cohort.id, kind: 'digest', week: '2026-W01', status: 'sent', sentAt: now },
  });
  const [first, second] = members;
  if (first && second) {
    // Each asks the other, so deleting either member leaves the other's request gone too.
    for (const [requester, classmate] of [
      [first, second],
      [second, first],
    ] as const) {
      await db.introRequest.create({
        data: {
          workspaceId,
          cohortId: cohort.id,
          requesterId: requester.memberId,
          classmateId: classmate.memberId,
          query: 'Northwind',
          matches: 1,
        },
      });
    }
  }
  return { workspaceId, members };
}

interface ForeignKey {
  column: string;
  refTable: string;
  refColumn: string;
}

export interface Table {
  name: string;
  columns: string[];
  foreignKeys: ForeignKey[];
}

/** Every table of the app (not the migrations' ledger), with its columns and foreign keys. */
export async function listTables(db: Db, kind: Kind): Promise<Table[]> {
  if (kind === 'sqlite') {
    const names = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
    );
    const tables: Table[] = [];
    for (const { name } of names) {
      const columns = await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${name}")`);
      const keys = await db.$queryRawUnsafe<{ table: string; from: string; to: string }[]>(
        `PRAGMA foreign_key_list("${name}")`,
      );
      tables.push({
        name,
        columns: columns.map((c) => c.name),
        foreignKeys: keys.map((k) => ({ column: k.from, refTable: k.table, refColumn: k.to })),
      });
    }
    return tables;
  }
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name::text, column_name::text FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  const keys = await db.$queryRawUnsafe<
    { table_name: string; column_name: string; ref_table: string; ref_column: string }[]
  >(
    `SELECT kcu.table_name::text, kcu.column_name::text, ccu.table_name::text AS ref_table,
            ccu.column_name::text AS ref_column
     FROM information_schema.table_constraints tc
     JOIN information_schema.key_column_usage kcu
       ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
     JOIN information_schema.constraint_column_usage ccu
       ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
     WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`,
  );
  const byName = new Map<string, Table>();
  for (const c of columns) {
    const table = byName.get(c.table_name) ?? { name: c.table_name, columns: [], foreignKeys: [] };
    table.columns.push(c.column_name);
    byName.set(c.table_name, table);
  }
  for (const k of keys) {
    byName.get(k.table_name)?.foreignKeys.push({
      column: k.column_name,
      refTable: k.ref_table,
      refColumn: k.ref_column,
    });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

type Row = Record<string, unknown>;

/** Whose rows to find: a workspace's (by its id, its workspaceId columns and their children) or a member's. */
export type Root = { workspaceId: string } | { memberId: string };

/** A row as comparable text (BigInt and Date values included). */
function rowText(row: Row): string {
  return JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

const keyOf = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

/**
 * Every row of every table, split by whether it belongs to `root`: for a workspace, its Workspace row,
 * every row whose workspaceId is it, and (transitively) every row with a foreign key to one of those;
 * for a member, their Member row and every row reaching it through foreign keys.
 */
export async function rowsByOwner(
  db: Db,
  tables: Table[],
  root: Root,
): Promise<{ theirs: Map<string, string[]>; others: Map<string, string[]> }> {
  const rows = new Map<string, Row[]>();
  for (const table of tables)
    rows.set(table.name, await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${table.name}"`));
  const belongs = new Map<string, Set<Row>>(tables.map((t) => [t.name, new Set<Row>()]));
  const isRoot = (table: Table, row: Row) =>
    'workspaceId' in root
      ? (table.name === 'Workspace' && row.id === root.workspaceId) ||
        (table.columns.includes('workspaceId') && row.workspaceId === root.workspaceId)
      : table.name === 'Member' && row.id === root.memberId;
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of tables) {
      const mine = belongs.get(table.name) as Set<Row>;
      for (const row of rows.get(table.name) ?? []) {
        if (mine.has(row)) continue;
        const viaParent = table.foreignKeys.some((fk) => {
          const value = row[fk.column];
          if (value === null || value === undefined) return false;
          return [...(belongs.get(fk.refTable) ?? [])].some(
            (parent) => keyOf(parent[fk.refColumn]) === keyOf(value),
          );
        });
        if (isRoot(table, row) || viaParent) {
          mine.add(row);
          changed = true;
        }
      }
    }
  }
  const theirs = new Map<string, string[]>();
  const others = new Map<string, string[]>();
  for (const table of tables) {
    const mine = belongs.get(table.name) as Set<Row>;
    const all = rows.get(table.name) ?? [];
    theirs.set(
      table.name,
      all
        .filter((r) => mine.has(r))
        .map(rowText)
        .sort(),
    );
    others.set(
      table.name,
      all
        .filter((r) => !mine.has(r))
        .map(rowText)
        .sort(),
    );
  }
  return { theirs, others };
}

/**
 * Tables none of whose rows could be told to belong to a workspace: neither the Workspace table, nor
 * with a workspaceId column, nor with a foreign key to such a table. Deleting a workspace cannot be
 * shown complete for them, so a test names them.
 */
export function tablesWithoutWorkspace(tables: Table[]): string[] {
  const known = new Set(
    tables.filter((t) => t.name === 'Workspace' || t.columns.includes('workspaceId')).map((t) => t.name),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const table of tables) {
      if (known.has(table.name)) continue;
      if (table.foreignKeys.some((fk) => known.has(fk.refTable))) {
        known.add(table.name);
        changed = true;
      }
    }
  }
  return tables.filter((t) => !known.has(t.name)).map((t) => t.name);
}
