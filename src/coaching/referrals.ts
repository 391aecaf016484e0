// Parsers for what members paste into text boxes: the people someone suggested, and lists of skills
// or keywords. Both are forgiving about format and never throw.
import { nameKey } from './names';
import { clipChars, squish, stripTrailingPunctuation } from './text';

export interface ParsedReferral {
  name: string;
  role: string | null;
  company: string | null;
}

export interface ParseError {
  error: string;
  /** 1-based line number in the pasted text. */
  line: number;
}

const NAME_MAX_CHARS = 80;
const NAME_MAX_WORDS = 6;
const FIELD_MAX_CHARS = 120;
export const LIST_ITEM_MAX_CHARS = 60;

const EXAMPLE = '"Jane Doe — UX researcher, Acme"';

/**
 * One person per line, in any of these shapes:
 *   Jane Doe — UX researcher, Acme     (em dash, en dash, " - ", colon or comma after the name)
 *   Jane Doe (UX researcher at Acme)
 *   Jane Doe
 * Bullets and numbering are ignored, as are blank lines. Repeated names (ignoring case) are merged.
 * Returns the first problem found, with its line number, when a line is clearly not a person.
 */
export function parseReferrals(text: string): ParsedReferral[] | ParseError {
  const people: ParsedReferral[] = [];
  const byKey = new Map<string, ParsedReferral>();
  const lines = text.split(/\r\n|\r|\n/);

  for (let index = 0; index < lines.length; index += 1) {
    const raw = squish(stripBullet(lines[index] ?? ''));
    if (raw === '') continue;
    const parsed = parseLine(raw);
    if ('error' in parsed) return { error: parsed.error, line: index + 1 };

    const key = nameKey(parsed.name);
    const existing = byKey.get(key);
    if (existing) {
      existing.role ??= parsed.role;
      existing.company ??= parsed.company;
      continue;
    }
    byKey.set(key, parsed);
    people.push(parsed);
  }
  return people;
}

export function isParseError(result: ParsedReferral[] | ParseError): result is ParseError {
  return !Array.isArray(result);
}

function stripBullet(line: string): string {
  return line.replace(/^\s*(?:[-*•‣◦·]|\d{1,3}[.)])\s+/u, '');
}

type LineResult = ParsedReferral | { error: string };

const LINK_OR_EMAIL = /^(?:https?:\/\/|www\.)|^[^\s@]+@[^\s@]+\.[^\s@]+/i;
const LINK_OR_EMAIL_ERROR =
  'This looks like an email address or link; add the person’s name first, then the details.';

function parseLine(line: string): LineResult {
  if (LINK_OR_EMAIL.test(line)) return { error: LINK_OR_EMAIL_ERROR };
  if (/^[—–:,]/.test(line)) return { error: `A name is missing here. Try ${EXAMPLE}.` };
  const { name, rest } = splitName(line);
  const cleanName = stripTrailingPunctuation(squish(name.replace(/^["'“‘]+|["'”’]+$/gu, '')));

  if (rest === null && line.length > NAME_MAX_CHARS) {
    return {
      error: `This line looks like a sentence rather than a name. Put one person per line, like ${EXAMPLE}.`,
    };
  }
  const problem = nameProblem(cleanName);
  if (problem) return { error: problem };

  const { role, company } = rest === null ? { role: null, company: null } : splitRoleCompany(rest);
  if ((role?.length ?? 0) > FIELD_MAX_CHARS || (company?.length ?? 0) > FIELD_MAX_CHARS) {
    return { error: `The role or company for ${cleanName} is very long; a few words is plenty.` };
  }
  return { name: cleanName, role, company };
}

/** Splits "Name <separator> details"; rest is null when the line is only a name. */
function splitName(line: string): { name: string; rest: string | null } {
  const parenthesised = /^([^()]+?)\s*\(([^()]*)\)\s*$/.exec(line);
  if (parenthesised?.[1] !== undefined) {
    return { name: parenthesised[1], rest: parenthesised[2] ?? '' };
  }
  // Dashes need spaces around a hyphen (so "Mary-Jane" stays whole); em and en dashes do not.
  const separators = [/\s*[—–]\s*/, /\s+-\s+/, /\s*:\s*/, /\s*,\s*/];
  for (const separator of separators) {
    const found = separator.exec(line);
    if (found && found.index > 0) {
      return { name: line.slice(0, found.index), rest: line.slice(found.index + found[0].length) };
    }
  }
  return { name: line, rest: null };
}

function nameProblem(name: string): string | null {
  if (name === '') return `A name is missing here. Try ${EXAMPLE}.`;
  if (!/\p{L}/u.test(name)) return `"${clipChars(name, 30)}" doesn't look like a name. Try ${EXAMPLE}.`;
  if (/@|https?:\/\/|www\./i.test(name)) return LINK_OR_EMAIL_ERROR;
  if (name.length > NAME_MAX_CHARS || name.split(' ').length > NAME_MAX_WORDS) {
    return `"${clipChars(name, 40)}…" is long for a name. Put one person per line, like ${EXAMPLE}.`;
  }
  return null;
}

/** "UX researcher, Acme", "UX researcher at Acme", "UX researcher @ Acme" or just "UX researcher". */
function splitRoleCompany(rest: string): { role: string | null; company: string | null } {
  const text = stripTrailingPunctuation(squish(rest));
  if (text === '') return { role: null, company: null };
  const at = /^(.*\S)\s+(?:at|@)\s+(\S.*)$/i.exec(text);
  if (at?.[1] && at[2]) return { role: field(at[1]), company: field(at[2]) };
  const parts = text.split(/\s*,\s*|\s+-\s+|\s*[—–]\s*/);
  if (parts.length > 1) {
    const company = parts.pop() ?? '';
    return { role: field(parts.join(', ')), company: field(company) };
  }
  return { role: field(text), company: null };
}

function field(value: string): string | null {
  const clean = stripTrailingPunctuation(squish(value));
  return clean === '' ? null : clean;
}

/**
 * Skills or keywords separated by commas, semicolons or new lines: trimmed, bullets removed, empty
 * items dropped, duplicates (ignoring case) removed, each cut to 60 characters.
 */
export function parseList(text: string): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(/[,;\n\r]+/)) {
    const clean = stripTrailingPunctuation(squish(stripBullet(piece)).replace(/^[-*•]\s*/, ''));
    if (clean === '' || !/[\p{L}\p{N}]/u.test(clean)) continue;
    const item = clipChars(clean, LIST_ITEM_MAX_CHARS);
    const key = nameKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}
