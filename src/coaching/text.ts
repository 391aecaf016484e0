// Small text helpers shared by the drafts, the checker and the parsers.

/** Collapses runs of whitespace to one space and trims. */
export function squish(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Counts words the way a reader would: tokens with at least one letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  }
  return count;
}

/** Keeps the first `max` words of `text`, adding "…" when something was cut. */
export function clipWords(text: string, max: number): string {
  const words = squish(text).split(' ').filter(Boolean);
  if (words.length <= max) return words.join(' ');
  return `${words.slice(0, Math.max(0, max)).join(' ')}…`;
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is close enough. */
export function clipChars(text: string, max: number): string {
  const clean = squish(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace >= max * 0.6 ? cut.slice(0, lastSpace) : cut).trim();
}

/** Removes trailing sentence punctuation so a phrase can be embedded in a new sentence. */
export function stripTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,;:!?…]+$/u, '');
}

/**
 * The given name ("Jane" for "Jane Doe", "Aisha" for "Dr. Aisha Khan (Clinical UX)"); the whole trimmed
 * name if it has one word. For a greeting that keeps a title ("Dr. Khan") use `readerName` in voice.ts.
 */
export function firstName(name: string): string {
  const clean = squish(name.replace(/\([^)]*\)?/g, ' '));
  const words = clean.split(' ').filter(Boolean);
  while (
    words.length > 1 &&
    /^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev)\.?$/i.test(words[0] ?? '')
  ) {
    words.shift();
  }
  return words[0] ?? clean;
}

/** "Sam", "Sam and Priya", "Sam, Priya and Lee". */
export function joinAnd(items: readonly string[]): string {
  const clean = items.map(squish).filter(Boolean);
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}

/** "1 person", "3 people" style plurals. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// Letters whose spoken name starts with a vowel sound, for acronyms ("an SRE", "an HR lead").
const VOWEL_SOUND_LETTERS = new Set(['a', 'e', 'f', 'h', 'i', 'l', 'm', 'n', 'o', 'r', 's', 'x']);
// Words spelled with a vowel but spoken with a consonant sound ("a UX designer"), and the reverse.
const CONSONANT_SOUND_PREFIXES = ['uni', 'use', 'user', 'usa', 'ux', 'eu', 'one', 'once', 'ui'];
const VOWEL_SOUND_PREFIXES = ['hour', 'honest', 'honor', 'honour', 'heir'];

/** Adds "a" or "an" in front of a role ("a UX researcher", "an engineer", "an SRE"). */
export function withArticle(phrase: string): string {
  const clean = squish(phrase);
  if (clean === '') return clean;
  if (/^(a|an|the|my|your|our|their|his|her)\s/i.test(clean)) return clean;
  return `${indefiniteArticle(clean)} ${clean}`;
}

function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = phrase.split(/[\s/-]/)[0] ?? '';
  const lower = word.toLowerCase();
  const isAcronym = word.length > 1 && word === word.toUpperCase() && /^[A-Z]+$/.test(word);
  if (isAcronym && !['UX', 'UI', 'US', 'USA'].includes(word)) {
    return VOWEL_SOUND_LETTERS.has(lower[0] ?? '') ? 'an' : 'a';
  }
  if (CONSONANT_SOUND_PREFIXES.some((p) => lower.startsWith(p))) return 'a';
  if (VOWEL_SOUND_PREFIXES.some((p) => lower.startsWith(p))) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** A small stable string hash (FNV-1a, 32 bit) for deterministic choices from a seed. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A non-negative index into a list of `length` items for any integer-ish `value`. */
export function cycleIndex(value: number, length: number): number {
  if (length <= 0) return 0;
  const whole = Number.isFinite(value) ? Math.trunc(value) : 0;
  return ((whole % length) + length) % length;
}

/** Straight quotes for matching: people paste curly apostrophes from word processors. */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}
