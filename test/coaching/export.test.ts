import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMAT, toCsvFiles, toExportJson } from '../../src/coaching/export';
import {
  ask,
  contact,
  conversation,
  daysAfter,
  keyword,
  skill,
  snapshot,
  T0,
} from '../support/coaching-fixtures';

const snap = snapshot({
  contacts: [
    contact({ id: 'b', name: 'Sam "Sammy" Lee', referredById: 'a', createdAt: daysAfter(T0, 1) }),
    contact({
      id: 'a',
      name: 'Jane Doe',
      role: 'UX researcher',
      company: 'Acme, Inc.',
      why: 'line one\nline two',
    }),
    contact({ id: 'c', name: '=HYPERLINK("http://x")', createdAt: daysAfter(T0, 2) }),
  ],
  asks: [ask({ id: 'k1', contactId: 'a', text: 'Hi Jane,\n\nA 20-minute chat?', sentAt: T0 })],
  conversations: [
    conversation({ id: 'v1', contactId: 'a', heldAt: T0, notes: '- bullet note', action: 'Rewrite' }),
  ],
  skills: [skill({ id: 's1', name: 'SQL', sourceConversationId: 'v1' })],
  keywords: [keyword({ id: 'w1', term: 'affinity mapping', sourceConversationId: 'v1' })],
});
const member = { memberId: 'm1', slackUserId: 'U1', workspaceId: 'T1', exportedAt: daysAfter(T0, 10) };

// A small RFC 4180 reader for checking round trips.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('buildExport / toExportJson', () => {
  it('holds everything, oldest first, with dates as ISO strings and referrer names', () => {
    const doc = buildExport(snap, member);
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.exportedAt).toBe('2025-03-13T09:00:00.000Z');
    expect(doc.member).toEqual({ memberId: 'm1', slackUserId: 'U1', workspaceId: 'T1' });
    expect(doc.contacts.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(doc.contacts[1]?.referredByName).toBe('Jane Doe');
    expect(doc.contacts[0]?.createdAt).toBe('2025-03-03T09:00:00.000Z');
    expect(doc.asks[0]?.sentAt).toBe('2025-03-03T09:00:00.000Z');
    expect(doc.asks[0]?.repliedAt).toBeNull();
    expect(doc.prefs.pausedUntil).toBeNull();
  });

  it('serialises to JSON that parses back to the same document', () => {
    const text = toExportJson(snap, member);
    expect(JSON.parse(text)).toEqual(buildExport(snap, member));
    expect(text.endsWith('\n')).toBe(true);
  });

  it('fills missing member info with null', () => {
    expect(buildExport(snapshot(), { exportedAt: T0 }).member).toEqual({
      memberId: null,
      slackUserId: null,
      workspaceId: null,
    });
  });
});

describe('toCsvFiles', () => {
  const files = toCsvFiles(snap);
  const file = (name: string) => parseCsv(files.find((f) => f.filename === name)?.content ?? '');

  it('writes the five files', () => {
    expect(files.map((f) => f.filename)).toEqual([
      'contacts.csv',
      'conversations.csv',
      'asks.csv',
      'skills.csv',
      'keywords.csv',
    ]);
  });

  it('starts each file with a byte order mark so spreadsheets read accents', () => {
    for (const f of files) expect(f.content.startsWith('\uFEFF')).toBe(true);
  });

  it('quotes commas, quotes and new lines so they survive a round trip', () => {
    const rows = file('contacts.csv');
    expect(rows[0]?.slice(0, 4)).toEqual(['id', 'name', 'role', 'company']);
    expect(rows[1]?.slice(0, 6)).toEqual([
      'a',
      'Jane Doe',
      'UX researcher',
      'Acme, Inc.',
      '',
      'line one\nline two',
    ]);
    expect(rows[2]?.[1]).toBe('Sam "Sammy" Lee');
    expect(rows[2]?.[10]).toBe('Jane Doe');
    expect(rows[1]?.[8]).toBe('2025-03-03T09:00:00.000Z');
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toHaveLength(rows[0]?.length ?? 0);
  });

  it('keeps cells that look like formulas as text', () => {
    expect(file('contacts.csv')[3]?.[1]).toBe('\'=HYPERLINK("http://x")');
    expect(file('conversations.csv')[1]?.[7]).toBe("'- bullet note");
  });

  it('names the person behind each conversation, ask, skill and keyword', () => {
    expect(file('conversations.csv')[1]?.slice(0, 3)).toEqual(['v1', 'a', 'Jane Doe']);
    expect(file('asks.csv')[1]?.slice(0, 3)).toEqual(['k1', 'a', 'Jane Doe']);
    expect(file('asks.csv')[1]?.[6]).toBe('Hi Jane,\n\nA 20-minute chat?');
    expect(file('skills.csv')[1]).toEqual(['s1', 'SQL', 'gap', 'v1', 'Jane Doe', '2025-03-03T09:00:00.000Z']);
    expect(file('keywords.csv')[1]).toEqual([
      'w1',
      'affinity mapping',
      'v1',
      'Jane Doe',
      '2025-03-03T09:00:00.000Z',
    ]);
  });

  it('writes headers only for an empty snapshot', () => {
    for (const f of toCsvFiles(snapshot())) expect(parseCsv(f.content)).toHaveLength(1);
  });
});
