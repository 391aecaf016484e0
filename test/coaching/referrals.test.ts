import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isParseError,
  LIST_ITEM_MAX_CHARS,
  type ParsedReferral,
  parseList,
  parseReferrals,
} from '../../src/coaching/referrals';

const person = (name: string, role: string | null = null, company: string | null = null): ParsedReferral => ({
  name,
  role,
  company,
});

describe('parseReferrals', () => {
  it.each<[string, string, ParsedReferral]>([
    ['em dash', 'Jane Doe — UX researcher, Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['em dash without spaces', 'Jane Doe—UX researcher, Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['en dash', 'Jane Doe – UX researcher, Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['spaced hyphen', 'Jane Doe - UX researcher, Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['colon', 'Jane Doe: UX researcher at Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['comma', 'Jane Doe, UX researcher, Acme', person('Jane Doe', 'UX researcher', 'Acme')],
    ['parentheses', 'Jane Doe (UX researcher at Acme)', person('Jane Doe', 'UX researcher', 'Acme')],
    ['parentheses with @', 'Jane Doe (designer @ Initech)', person('Jane Doe', 'designer', 'Initech')],
    ['name alone', 'Jane Doe', person('Jane Doe')],
    ['role only', 'Jane Doe — UX researcher', person('Jane Doe', 'UX researcher')],
    ['hyphenated name', 'Mary-Jane Watson - PM, Acme', person('Mary-Jane Watson', 'PM', 'Acme')],
    ['a comma inside the role', 'Lee Ng — VP, Design, Acme', person('Lee Ng', 'VP, Design', 'Acme')],
    ['dashes throughout', 'Lee Ng – Senior PM – Acme', person('Lee Ng', 'Senior PM', 'Acme')],
    ['dash bullet', '- Jane Doe — PM, Acme', person('Jane Doe', 'PM', 'Acme')],
    ['round bullet', '• Jane Doe', person('Jane Doe')],
    ['star bullet', '* Jane Doe', person('Jane Doe')],
    ['numbered', '1. Jane Doe', person('Jane Doe')],
    ['numbered with parenthesis', '12) Jane Doe', person('Jane Doe')],
    ['initial is not a bullet', 'J. Smith — PM', person('J. Smith', 'PM')],
    [
      'extra spaces and trailing full stop',
      '   Jane    Doe  —  PM ,  Acme. ',
      person('Jane Doe', 'PM', 'Acme'),
    ],
    ['quotes around the name', '"Jane Doe" — PM', person('Jane Doe', 'PM')],
    ['accents', 'José Álvarez — diseñador, Acme', person('José Álvarez', 'diseñador', 'Acme')],
  ])('%s', (_label, line, expected) => {
    expect(parseReferrals(line)).toEqual([expected]);
  });

  it('reads several lines, skipping blank ones', () => {
    const text = '\n- Jane Doe — PM, Acme\n\n  \n• Sam Lee\r\n3. Priya (data analyst at Globex)\n';
    expect(parseReferrals(text)).toEqual([
      person('Jane Doe', 'PM', 'Acme'),
      person('Sam Lee'),
      person('Priya', 'data analyst', 'Globex'),
    ]);
  });

  it('merges repeated names, ignoring case, and fills in details from later lines', () => {
    expect(parseReferrals('Jane Doe\njane  doe — PM, Acme\nJANE DOE — CEO')).toEqual([
      person('Jane Doe', 'PM', 'Acme'),
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseReferrals('')).toEqual([]);
    expect(parseReferrals('\n \n')).toEqual([]);
  });

  it('rejects a sentence with the line it is on', () => {
    const text =
      'Jane Doe\nShe said I should really talk to her old manager who now runs the research team somewhere big';
    const result = parseReferrals(text);
    expect(isParseError(result)).toBe(true);
    expect(result).toEqual({ error: expect.stringContaining('one person per line'), line: 2 });
  });

  it('counts blank lines when reporting the line number', () => {
    const result = parseReferrals('Jane\n\n\n12345');
    expect(result).toEqual({ error: expect.stringContaining("doesn't look like a name"), line: 4 });
  });

  it.each([
    ['an email address', 'jane@acme.com', 'email address'],
    ['a link', 'https://linkedin.com/in/jane', 'link'],
    ['too many words for a name', 'talk to someone on the research team there, PM', 'long for a name'],
    ['a missing name', '— PM, Acme', 'name is missing'],
    ['a very long role', `Jane — ${'very '.repeat(40)}senior`, 'very long'],
  ])('rejects %s helpfully', (_label, line, message) => {
    const result = parseReferrals(line);
    expect(isParseError(result)).toBe(true);
    if (isParseError(result)) {
      expect(result.error).toContain(message);
      expect(result.line).toBe(1);
    }
  });

  it('never throws, and always returns valid people or a line number inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const result = parseReferrals(text);
        if (isParseError(result)) {
          expect(result.line).toBeGreaterThanOrEqual(1);
          expect(result.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
          expect(result.error.length).toBeGreaterThan(0);
        } else {
          for (const p of result) {
            expect(p.name.trim()).toBe(p.name);
            expect(p.name.length).toBeGreaterThan(0);
            expect(p.name.length).toBeLessThanOrEqual(80);
          }
          const keys = result.map((p) => p.name.toLowerCase());
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
    );
  });

  it('parses any list of plain names back', () => {
    const name = fc
      .tuple(
        fc.constantFrom('Jane', 'Sam', 'Priya', 'Lee', 'Ana'),
        fc.constantFrom('Doe', 'Ng', 'Patel', 'Smith'),
      )
      .map(([a, b]) => `${a} ${b}`);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 10 }), (names) => {
        const result = parseReferrals(names.map((n) => `- ${n} — PM, Acme`).join('\n'));
        expect(result).toEqual(names.map((n) => person(n, 'PM', 'Acme')));
      }),
    );
  });
});

describe('parseList', () => {
  it.each([
    ['commas', 'SQL, Figma, user interviews', ['SQL', 'Figma', 'user interviews']],
    ['new lines', 'SQL\nFigma\r\nuser interviews', ['SQL', 'Figma', 'user interviews']],
    ['semicolons', 'SQL; Figma', ['SQL', 'Figma']],
    ['bullets', '- SQL\n• Figma\n1. Python', ['SQL', 'Figma', 'Python']],
    ['duplicates ignoring case', 'SQL, sql, Sql ,  SQL', ['SQL']],
    ['empty items', ', ,SQL,,\n\n', ['SQL']],
    ['punctuation-only items', 'SQL, -, ., Figma', ['SQL', 'Figma']],
    ['inner spacing', '  user    research  ', ['user research']],
    ['nothing', '', []],
  ])('%s', (_label, text, expected) => {
    expect(parseList(text)).toEqual(expected);
  });

  it('cuts items to 60 characters', () => {
    const long = `${'stakeholder '.repeat(10)}management`;
    const [item] = parseList(long);
    expect(item?.length).toBeLessThanOrEqual(LIST_ITEM_MAX_CHARS);
    expect(item?.startsWith('stakeholder stakeholder')).toBe(true);
  });

  it('always returns trimmed, unique, non-empty items within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const items = parseList(text);
        for (const item of items) {
          expect(item).toBe(item.trim());
          expect(item.length).toBeGreaterThan(0);
          expect(item.length).toBeLessThanOrEqual(LIST_ITEM_MAX_CHARS);
        }
        const keys = items.map((i) => i.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
