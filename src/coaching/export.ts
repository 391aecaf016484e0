// A member's own data, exported: one JSON document, or one CSV file per kind of record.
import { stringify } from 'csv-stringify/sync';
import type {
  AskData,
  ContactData,
  ConversationData,
  KeywordData,
  MemberPrefs,
  MemberSnapshot,
  SkillData,
} from './types';

export const EXPORT_FORMAT = 'networking-coach-export';
export const EXPORT_VERSION = 1;

export interface ExportMemberInfo {
  memberId?: string | null;
  slackUserId?: string | null;
  workspaceId?: string | null;
  exportedAt: Date;
}

/** Dates become ISO strings, so the document is plain JSON. */
export type Jsonified<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  member: { memberId: string | null; slackUserId: string | null; workspaceId: string | null };
  prefs: Jsonified<MemberPrefs>;
  /**
   * Each person with their first introducer (referredById, referredByName) and everyone who suggested
   * them later, oldest first.
   */
  contacts: (Jsonified<ContactData> & {
    referredByName: string | null;
    alsoSuggestedBy: { id: string; name: string; conversationId: string | null; suggestedAt: string }[];
  })[];
  asks: Jsonified<AskData>[];
  conversations: Jsonified<ConversationData>[];
  skills: Jsonified<SkillData>[];
  keywords: Jsonified<KeywordData>[];
}

function jsonify<T extends object>(row: T): Jsonified<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as Jsonified<T>;
}

function byCreated<T extends { createdAt: Date; id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** Later introducers of each person (by contact id), oldest first, with the conversation and the day. */
function laterSuggestions(snapshot: MemberSnapshot): Map<string, NonNullable<MemberSnapshot['suggestions']>> {
  const ids = new Set(snapshot.contacts.map((c) => c.id));
  const out = new Map<string, NonNullable<MemberSnapshot['suggestions']>>();
  const sorted = [...(snapshot.suggestions ?? [])].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.suggestedById.localeCompare(b.suggestedById),
  );
  for (const s of sorted) {
    if (!ids.has(s.contactId) || !ids.has(s.suggestedById)) continue;
    const list = out.get(s.contactId) ?? [];
    list.push(s);
    out.set(s.contactId, list);
  }
  return out;
}

/** Everything the member has, as a JSON-ready object (rows oldest first). */
export function buildExport(snapshot: MemberSnapshot, member: ExportMemberInfo): ExportDocument {
  const names = new Map(snapshot.contacts.map((c) => [c.id, c.name]));
  const later = laterSuggestions(snapshot);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: member.exportedAt.toISOString(),
    member: {
      memberId: member.memberId ?? null,
      slackUserId: member.slackUserId ?? null,
      workspaceId: member.workspaceId ?? null,
    },
    prefs: jsonify(snapshot.prefs),
    contacts: byCreated(snapshot.contacts).map((c) => ({
      ...jsonify(c),
      referredByName: c.referredById ? (names.get(c.referredById) ?? null) : null,
      alsoSuggestedBy: (later.get(c.id) ?? []).map((s) => ({
        id: s.suggestedById,
        name: names.get(s.suggestedById) ?? '',
        conversationId: s.conversationId,
        suggestedAt: s.createdAt.toISOString(),
      })),
    })),
    asks: byCreated(snapshot.asks).map(jsonify),
    conversations: byCreated(snapshot.conversations).map(jsonify),
    skills: byCreated(snapshot.skills).map(jsonify),
    keywords: byCreated(snapshot.keywords).map(jsonify),
  };
}

/** The export as pretty-printed JSON text. */
export function toExportJson(snapshot: MemberSnapshot, member: ExportMemberInfo): string {
  return `${JSON.stringify(buildExport(snapshot, member), null, 2)}\n`;
}

export interface ExportFile {
  filename: string;
  content: string;
}

type Cell = string | number | boolean | Date | null;

// Spreadsheet apps run cells that start with these characters as formulas; a leading apostrophe
// keeps pasted text (a name like "=cmd|…") as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csv(header: readonly string[], rows: readonly Cell[][]): string {
  return stringify([[...header], ...rows], {
    bom: true,
    cast: {
      date: (value) => value.toISOString(),
      boolean: (value) => (value ? 'true' : 'false'),
      string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
    },
  });
}

/** contacts.csv, conversations.csv, asks.csv, skills.csv and keywords.csv, rows oldest first. */
export function toCsvFiles(snapshot: MemberSnapshot): ExportFile[] {
  const names = new Map(snapshot.contacts.map((c) => [c.id, c.name]));
  const nameOf = (id: string | null): string | null => (id ? (names.get(id) ?? null) : null);
  const later = laterSuggestions(snapshot);
  const alsoNames = (id: string): string =>
    (later.get(id) ?? []).map((s) => names.get(s.suggestedById) ?? '').join('; ');
  const conversationContact = new Map(snapshot.conversations.map((c) => [c.id, c.contactId]));
  const sourceName = (conversationId: string | null): string | null =>
    conversationId ? nameOf(conversationContact.get(conversationId) ?? null) : null;

  return [
    {
      filename: 'contacts.csv',
      content: csv(
        [
          'id',
          'name',
          'role',
          'company',
          'industry',
          'why',
          'link',
          'stage',
          'stage_at',
          'referred_by_id',
          'referred_by_name',
          'also_suggested_by',
          'last_touch_at',
          'created_at',
        ],
        byCreated(snapshot.contacts).map((c) => [
          c.id,
          c.name,
          c.role,
          c.company,
          c.industry,
          c.why,
          c.link,
          c.stage,
          c.stageAt,
          c.referredById,
          nameOf(c.referredById),
          alsoNames(c.id),
          c.lastTouchAt,
          c.createdAt,
        ]),
      ),
    },
    {
      filename: 'conversations.csv',
      content: csv(
        [
          'id',
          'contact_id',
          'contact_name',
          'scheduled_at',
          'held_at',
          'minutes_requested',
          'format',
          'notes',
          'insights',
          'action',
          'thank_you_sent_at',
          'loop_closed_at',
          'cancelled_at',
          'created_at',
        ],
        byCreated(snapshot.conversations).map((c) => [
          c.id,
          c.contactId,
          nameOf(c.contactId),
          c.scheduledAt,
          c.heldAt,
          c.minutesRequested,
          c.format,
          c.notes,
          c.insights,
          c.action,
          c.thankYouSentAt,
          c.loopClosedAt,
          c.cancelledAt,
          c.createdAt,
        ]),
      ),
    },
    {
      filename: 'asks.csv',
      content: csv(
        [
          'id',
          'contact_id',
          'contact_name',
          'channel',
          'minutes',
          'variant',
          'text',
          'created_at',
          'sent_at',
          'replied_at',
          'followed_up_at',
        ],
        byCreated(snapshot.asks).map((a) => [
          a.id,
          a.contactId,
          nameOf(a.contactId),
          a.channel,
          a.minutes,
          a.variant,
          a.text,
          a.createdAt,
          a.sentAt,
          a.repliedAt,
          a.followedUpAt,
        ]),
      ),
    },
    {
      filename: 'skills.csv',
      content: csv(
        ['id', 'name', 'status', 'source_conversation_id', 'source_contact_name', 'created_at'],
        byCreated(snapshot.skills).map((s) => [
          s.id,
          s.name,
          s.status,
          s.sourceConversationId,
          sourceName(s.sourceConversationId),
          s.createdAt,
        ]),
      ),
    },
    {
      filename: 'keywords.csv',
      content: csv(
        ['id', 'term', 'source_conversation_id', 'source_contact_name', 'created_at'],
        byCreated(snapshot.keywords).map((k) => [
          k.id,
          k.term,
          k.sourceConversationId,
          sourceName(k.sourceConversationId),
          k.createdAt,
        ]),
      ),
    },
  ];
}
