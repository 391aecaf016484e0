// The student's own words, woven into drafts grammatically. Pure: text in, text out.
//
// - `toReader(note, reader, options)`: a note the student wrote about a person ("she taught herself to
//   code and now builds checkout services at Shopify") turned into words to that person ("you taught
//   yourself to code and now build checkout services"). she/he/they, her/him/his/their, the reflexives
//   and the reader's own name become you/your/yourself; verbs agree with "you" (builds → build, was →
//   were, has → have, "Does she…?" → "Do you…?"); a first-person note stays first person ("I admire
//   how he went…" → "I admire how you went…"); a fragment gets a subject ("ran kitchens" → "you ran
//   kitchens", "Her switch from…" → "your switch from…"); the first letter is lower-cased where it joins a
//   sentence (proper nouns, "I" and acronyms kept); a company or role the surrounding sentence already
//   names (`alreadySaid`) is not said again; question marks are kept; nothing is clipped mid-sentence.
//   Returns null when the note cannot be turned safely (two people in it, a note-to-self like "ask her
//   about…", a form it does not know): the caller then leaves it out or quotes it.
//   `turnToReader` gives the same text with its `kind`, so the caller can pick a frame for it.
// - `clipAtBoundary(text, maxWords)`: shortens at a sentence or clause boundary, never mid-clause, and
//   never ends on a dangling "a", "to", "and"…; '' when not even one clause fits.
// - `aboutClause(about)`: the "About you" text in any form → `clause` (reads after "I'm ", or null when
//   it cannot) and `sentence` (its own sentence). Null when it is empty or asks for a job.
// - `readerName(name)`: names as people write them → `greeting` ("Dr. Khan", "Aisha"), `first`
//   ("Aisha") and `full` ("Dr. Aisha Khan", without a parenthesis or a trailing ", PhD").
// - `sentenceCase(text)`: the first letter capitalised, for text that starts a sentence.
import { findJobAsk } from './ask-checker';
import { firstTags, tagSentences, toInfinitive } from './tagger';
import { countWords, squish, stripTrailingPunctuation } from './text';

export interface Reader {
  name: string;
  role?: string | null;
  company?: string | null;
}

export interface ToReaderOptions {
  /** Words the surrounding sentence already says (the company, the role): not repeated. */
  alreadySaid?: (string | null | undefined)[];
  /** Longest result, in words; longer notes are shortened at a boundary (null if none fits). */
  maxWords?: number;
}

/**
 * - `clause`: one sentence with its own subject ("you ran kitchens for ten years", "I admire how you
 *   went…"): reads after "because " or, capitalised, on its own.
 * - `phrase`: a noun phrase ("your switch from audit to forecasting"): reads after "because of " or
 *   before "stands out to me".
 * - `question`: ends in "?" ("do you still mentor juniors?"): its own sentence.
 * - `sentences`: more than one sentence: stands on its own, capitalised.
 */
export type ReaderTextKind = 'clause' | 'phrase' | 'question' | 'sentences';

export interface ReaderText {
  text: string;
  kind: ReaderTextKind;
}

/** The note turned into words to the reader, or null when that cannot be done safely. */
export function toReader(note: string, reader: Reader, options: ToReaderOptions = {}): string | null {
  return turnToReader(note, reader, options)?.text ?? null;
}

interface Term {
  text: string;
  post: string;
  implicit: string | null;
  tags: Set<string>;
}

const PRONOUN_FAMILIES: Record<string, string> = {
  she: 'she',
  her: 'she',
  hers: 'she',
  herself: 'she',
  he: 'he',
  him: 'he',
  his: 'he',
  himself: 'he',
  they: 'they',
  them: 'they',
  their: 'they',
  theirs: 'they',
  themselves: 'they',
  themself: 'they',
};
const SUBJECTS = new Set(['she', 'he', 'they']);
const REFLEXIVES = new Set(['herself', 'himself', 'themselves', 'themself']);
const OTHER_SUBJECTS = new Set(['i', 'we', 'it', 'you', 'who', 'that', 'which', 'this', 'there']);
const AGREEMENT: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
};
const CONTRACTED: Record<string, string> = {
  has: "'ve",
  have: "'ve",
  is: "'re",
  are: "'re",
  would: "'d",
  had: "'d",
  will: "'ll",
};
// Words a note-to-self starts with ("ask her about mentoring"): not something to say to the person.
const NOTE_TO_SELF =
  /^(?:ask|mention|check|find|follow|remember|look|see|try|email|message|dm|ping|reach|contact|connect|thank|bring|talk|read|watch|research|google)\b/i;

/** `toReader` with the kind of text it gave, so the caller can frame it. */
export function turnToReader(note: string, reader: Reader, options: ToReaderOptions = {}): ReaderText | null {
  let clean = squish(note.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"'));
  clean = clean.replace(/\s*(?:\.\.\.|…)$/u, '').replace(/^[-–—*•:;,\s]+/u, '');
  const question = /\?\s*$/.test(clean);
  clean = stripTrailingPunctuation(clean);
  if (countWords(clean) === 0 || clean.includes('"') || /[[\]{}<>]/.test(clean)) return null;
  if (NOTE_TO_SELF.test(clean)) return null;

  clean = replaceReaderName(clean, reader);
  clean = dropAlreadySaid(clean, options.alreadySaid ?? []);
  if (countWords(clean) === 0) return null;
  // "…; writes the HIPAA training": each part on its own, so a part without a subject gets one.
  clean = clean.replace(/\s*;\s*/g, '. ');

  const sentences = tagSentences(clean);
  const families = new Set<string>();
  for (const sentence of sentences) {
    for (const term of sentence) {
      const family = PRONOUN_FAMILIES[pronounWord(term.text)];
      if (family) families.add(family);
    }
  }
  // "she worked with him at Google": two people, and no telling which one is the reader.
  if (families.size > 1) return null;
  // "explaining new rules and how to apply them": a they after a plural noun may mean that noun.
  if (families.has('they')) {
    for (const sentence of sentences) {
      let plural = false;
      for (const term of sentence) {
        const tags = term.tags;
        if (PRONOUN_FAMILIES[pronounWord(term.text)] === 'they' && plural) return null;
        if (tags.has('Plural') && tags.has('Noun') && !tags.has('Pronoun')) plural = true;
      }
    }
  }

  const out: string[] = [];
  let firstKind: ReaderTextKind | null = null;
  for (const [index, sentence] of sentences.entries()) {
    const terms: Term[] = sentence.map((t) => ({
      text: t.text,
      post: t.post,
      implicit: t.implicit ?? null,
      tags: new Set(t.tags),
    }));
    const turned = turnSentence(terms);
    if (turned === null) return null;
    if (index === 0) firstKind = turned.kind;
    out.push(index === 0 ? turned.text : sentenceCase(turned.text.trimStart()));
  }
  let text = squish(out.join(' '));
  text = stripTrailingPunctuation(text);
  if (countWords(text) === 0) return null;
  if (options.maxWords !== undefined && countWords(text) > options.maxWords) {
    text = stripTrailingPunctuation(clipAtBoundary(text, options.maxWords));
    if (countWords(text) === 0) return null;
  }
  if (question) text = `${text}?`;
  const several = /[.!?]\s+\S/.test(text.replace(/\?$/, ''));
  const kind: ReaderTextKind = question ? 'question' : several ? 'sentences' : (firstKind ?? 'clause');
  return { text: joinCase(text, sentences[0]?.[0]), kind };
}

function pronounWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’](?:s|re|ve|d|ll)$/, '')
    .replace(/[^a-z]/g, '');
}

// "Priya moved…" / "Priya's talk" → "she moved…" / "her talk", so the pronoun rules turn them.
function replaceReaderName(text: string, reader: Reader): string {
  const names = readerName(reader.name);
  const forms = [names.full, names.first, names.greeting, withoutTitle(names.full)]
    .filter((n) => n && n.length >= 2)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const form of new Set(forms)) {
    if (!result.includes(form)) continue;
    const escaped = escapeRegExp(form);
    result = result
      .replace(new RegExp(`(^|[^\\p{L}])${escaped}'s(?![\\p{L}])`, 'gu'), '$1their')
      .replace(new RegExp(`(^|[^\\p{L}])${escaped}(?![\\p{L}'])`, 'gu'), '$1they');
  }
  return result;
}

function withoutTitle(full: string): string {
  return full.replace(TITLE_PREFIX, '');
}

// " at Shopify", " as a Backend Engineer" when the sentence around it says so already.
function dropAlreadySaid(text: string, said: (string | null | undefined)[]): string {
  let result = text;
  for (const phrase of said) {
    const clean = phrase ? stripTrailingPunctuation(squish(phrase)) : '';
    if (countWords(clean) === 0) continue;
    const escaped = escapeRegExp(clean);
    result = result.replace(
      new RegExp(
        `[,]?\\s+(?:at|with|for|in|on|as(?:\\s+(?:a|an|the))?)\\s+(?:the\\s+)?${escaped}(?![\\p{L}'])`,
        'giu',
      ),
      '',
    );
  }
  // "…in Stripe's support queue and … for Stripe's largest accounts": the second one is "its".
  for (const phrase of said) {
    const clean = phrase ? stripTrailingPunctuation(squish(phrase)) : '';
    if (countWords(clean) === 0) continue;
    let seen = 0;
    result = result.replace(new RegExp(`${escapeRegExp(clean)}'s(?![\\p{L}])`, 'gu'), (found) => {
      seen += 1;
      return seen === 1 ? found : 'its';
    });
  }
  return squish(result);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function turnSentence(terms: Term[]): ReaderText | null {
  const words: string[] = [];
  let kind: ReaderTextKind = 'clause';
  // Whether the subject of the clause being read is the reader (for "…and now builds").
  let readerSubject = false;
  // Whether the clause's subject is the reader, so a verb after "and"/"but" agrees too.
  let clauseIsReader = false;
  const first = terms[0];
  if (!first) return { text: '', kind };
  const firstLower = first.text.toLowerCase();
  const startsWithVerb =
    first.tags.has('Verb') &&
    !first.tags.has('Gerund') &&
    !first.tags.has('QuestionWord') &&
    !first.tags.has('Imperative') &&
    !first.tags.has('Auxiliary');
  const startsPossessive = ['her', 'his', 'their'].includes(firstLower);

  if (startsWithVerb) {
    // "ran kitchens for ten years" → "you ran kitchens…"; "was a teacher" → "you were a teacher".
    if (first.tags.has('Infinitive') && !first.tags.has('PastTense')) return null;
    words.push('you ');
    readerSubject = true;
    clauseIsReader = true;
  } else if (
    first.tags.has('Noun') &&
    !first.tags.has('ProperNoun') &&
    !first.tags.has('Pronoun') &&
    !first.tags.has('Possessive') &&
    !first.tags.has('Plural') &&
    hasFiniteVerb(terms)
  ) {
    // "paralegal turned compliance manager": who they were, with no telling the tense.
    return null;
  } else if (startsPossessive) {
    kind = hasFiniteVerb(terms) ? 'clause' : 'phrase';
  } else if (first.tags.has('Gerund') && !first.tags.has('Imperative')) {
    // "teaching product to designers" → "how you've been teaching product to designers".
    words.push("how you've been ");
    first.text = first.text.toLowerCase();
    kind = 'phrase';
  } else if (first.tags.has('Imperative')) {
    return null;
  } else if (!terms.some((t) => t.tags.has('Verb'))) {
    // A noun phrase with no verb: "Great talk on research ops at Config" → "your great talk…".
    if (terms.some((t) => PRONOUN_FAMILIES[pronounWord(t.text)] || t.text.toLowerCase() === 'you')) {
      kind = 'phrase';
    } else if (first.tags.has('Determiner') || first.tags.has('ProperNoun')) {
      kind = 'phrase';
    } else if (first.tags.has('Actor') || first.tags.has('Value') || first.tags.has('Preposition')) {
      return null;
    } else {
      words.push('your ');
      if (!first.tags.has('ProperNoun') && !first.tags.has('Acronym')) first.text = first.text.toLowerCase();
      kind = 'phrase';
    }
  }

  let unsafe = false;
  let subjectPronounSeen = false;
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i] as Term;
    const next = terms[i + 1];
    const lower = term.text.toLowerCase();
    const word = pronounWord(term.text);
    if (/[.!?;]$/.test(terms[i - 1]?.text ?? '') || /[.!?;]/.test(terms[i - 1]?.post ?? ''))
      subjectPronounSeen = false;
    const post = term.post;

    // Contractions come as "she's" + an empty term that holds "has"/"is".
    if (SUBJECTS.has(word) && /['’]/.test(term.text)) {
      const implied = next && next.text === '' ? (next.implicit ?? '') : '';
      const ending =
        CONTRACTED[implied] ?? (/'s$/i.test(term.text) ? "'re" : term.text.slice(term.text.search(/['’]/)));
      words.push(`you${ending}${(next && next.text === '' ? next.post : post) || ' '}`);
      if (next && next.text === '') i += 1;
      readerSubject = false;
      clauseIsReader = true;
      continue;
    }
    if (term.text === '') continue;

    let replaced: string | null = null;
    if (SUBJECTS.has(word)) {
      subjectPronounSeen = true;
      replaced = 'you';
      readerSubject = true;
      clauseIsReader = true;
      // "Does she…?" → "Do you…?"
      const previous = words.length - 1;
      const before = words[previous];
      if (before !== undefined) {
        const bare = before.trim().toLowerCase();
        if (AGREEMENT[bare])
          words[previous] =
            matchCase(before.trim(), AGREEMENT[bare] as string) + before.slice(before.trimEnd().length);
      }
    } else if (REFLEXIVES.has(word)) {
      replaced = 'yourself';
    } else if (word === 'his' || word === 'their' || word === 'her') {
      // "taught her SQL" (her = the reader) and "thanked her manager" (her = the reader's) read the same
      // way to a tagger: after a verb and before a noun, "her" cannot be turned safely.
      const previousTerm = terms[i - 1];
      if (
        word === 'her' &&
        previousTerm !== undefined &&
        TWO_OBJECT_VERBS.has(previousTerm.text.toLowerCase()) &&
        next?.tags.has('Noun') &&
        !next.tags.has('Pronoun')
      ) {
        unsafe = true;
      }
      const possessive =
        word !== 'her' ||
        (next !== undefined &&
          !next.tags.has('Preposition') &&
          !next.tags.has('Conjunction') &&
          !next.tags.has('Determiner') &&
          !(next.tags.has('Verb') && !next.tags.has('Gerund')) &&
          !next.tags.has('Pronoun') &&
          !/^(?:and|or|but|to|for|about|with|at|in|on|from|as)$/i.test(next.text));
      replaced = possessive ? 'your' : 'you';
      if (possessive) {
        readerSubject = false;
        clauseIsReader = false;
      }
    } else if (word === 'him' || word === 'them') {
      // "He asked him to stay": two people, and only one of them is the reader.
      if (subjectPronounSeen) unsafe = true;
      replaced = 'you';
    } else if (word === 'hers' || word === 'theirs') {
      replaced = 'yours';
    } else if (OTHER_SUBJECTS.has(lower)) {
      readerSubject = false;
      clauseIsReader = false;
    } else if (COORDINATORS.has(lower)) {
      if (clauseIsReader) readerSubject = true;
    } else if (
      readerSubject &&
      !term.tags.has('Verb') &&
      /^you\s*$/.test(words[words.length - 1] ?? '') &&
      term.tags.has('Plural') &&
      /[a-z]s$/.test(lower)
    ) {
      // "she mentors bootcamp grads": right after a subject a plural "noun" can only be the verb.
      replaced = thirdPersonToBase(lower);
      readerSubject = false;
    } else if (term.tags.has('Verb') && readerSubject && !term.tags.has('Adverb')) {
      replaced = agree(term);
      // Only the verb right after the subject agrees; "and now builds" starts another one.
      readerSubject = false;
    } else if (term.tags.has('Noun') && !term.tags.has('Pronoun') && next?.tags.has('Verb')) {
      // "your team builds…": the team is the subject now.
      if (!term.tags.has('Gerund') && !readerSubject) clauseIsReader = false;
      // "…only when a model goes wrong": a noun after a determiner is the next verb's subject.
      if (!term.tags.has('Gerund') && terms[i - 1]?.tags.has('Determiner')) {
        readerSubject = false;
        clauseIsReader = false;
      }
    }
    const text =
      replaced === null ? term.text : matchCase(term.text, replaced) + trailingPunctuation(term.text);
    words.push(`${text}${post || ' '}`);
  }
  if (unsafe) return null;
  return { text: words.join(''), kind };
}

const COORDINATORS = new Set(['and', 'but', 'or', 'then', 'yet']);

/**
 * Verbs that take two objects ("taught her SQL", "gave her a chance"): after one of them, "her" before
 * a noun may be the reader or the reader's ("taught her class"), so the note is not turned.
 */
const TWO_OBJECT_VERBS = new Set(
  'teach teaches taught give gives gave given tell tells told show shows showed shown send sends sent offer offers offered bring brings brought buy buys bought lend lends lent hand hands handed pay pays paid get gets got make makes made find finds found cost costs owe owes owed promise promises promised ask asks asked earn earns earned win wins won leave leaves left save saves saved'.split(
    ' ',
  ),
);

function hasFiniteVerb(terms: Term[]): boolean {
  return terms.some(
    (t, i) =>
      t.tags.has('Verb') &&
      !t.tags.has('Gerund') &&
      !(t.tags.has('Infinitive') && terms[i - 1]?.text.toLowerCase() === 'to') &&
      !(t.tags.has('Participle') && !terms[i - 1]?.tags.has('Auxiliary')),
  );
}

// "builds" → "build", "was" → "were"; other forms (past, gerund, infinitive) agree already.
function agree(term: Term): string | null {
  const lower = term.text.toLowerCase().replace(/[^a-z']/g, '');
  if (AGREEMENT[lower]) return AGREEMENT[lower] as string;
  if (
    term.tags.has('PresentTense') &&
    !term.tags.has('Infinitive') &&
    !term.tags.has('Gerund') &&
    /s$/.test(lower)
  ) {
    const infinitive = toInfinitive(lower);
    return infinitive && infinitive !== lower ? infinitive : null;
  }
  return null;
}

function thirdPersonToBase(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|ss|x|z|o)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

function trailingPunctuation(text: string): string {
  return /[^\p{L}\p{N}']+$/u.exec(text)?.[0] ?? '';
}

function matchCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? sentenceCase(replacement) : replacement;
}

// Lower-case the first word where the text joins a sentence; keep "I", names and acronyms. `known` is
// the first word as the note's own parse tagged it (in its sentence), used when the word is unchanged.
function joinCase(text: string, known?: { text: string; tags: ReadonlySet<string> }): string {
  const first = text.split(/\s+/)[0] ?? '';
  if (first === 'I' || /^I'/.test(first)) return text;
  if (!/^[A-Z][a-z'’-]*[,;:]?$/.test(first)) return text;
  const word = first.replace(/[,;:]$/, '');
  if (!['You', 'Your', 'Yourself'].includes(word)) {
    const tags = known && known.text === word ? known.tags : firstTags(text);
    if (tags.has('ProperNoun')) return text;
  }
  return first.charAt(0).toLowerCase() + text.slice(1);
}

/** The first letter upper-cased, for text that starts a sentence. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Shortening.

const DANGLING = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'to',
  'of',
  'for',
  'with',
  'at',
  'in',
  'on',
  'from',
  'by',
  'as',
  'my',
  'your',
  'their',
  'his',
  'her',
  'our',
  'that',
  'which',
  'who',
  'while',
  'because',
  'so',
  'than',
  'into',
  'about',
  'is',
  'are',
  'was',
  'were',
  'very',
  'more',
  'most',
]);

/**
 * At most `maxWords` words, cut at a sentence end or, inside a sentence, at a clause boundary (a comma,
 * semicolon, dash, or before "and", "but", "while", "which"…). Never ends on a dangling word; '' when
 * not even the first clause fits.
 */
export function clipAtBoundary(text: string, maxWords: number): string {
  const clean = squish(text);
  if (countWords(clean) <= maxWords) return clean;
  const sentences = clean.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()) ?? [clean];
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const n = countWords(sentence);
    if (used + n > maxWords) {
      if (kept.length === 0) {
        const clause = firstClauses(sentence, maxWords - used);
        if (clause) kept.push(clause);
      }
      break;
    }
    kept.push(sentence);
    used += n;
  }
  return kept.join(' ');
}

const CLAUSE_BREAK =
  /(?:[,;:]|\s[-–—])\s+|\s+(?=(?:and|but|while|which|because|so|though|although|whereas|then|where|when)\s)/gi;

function firstClauses(sentence: string, maxWords: number): string {
  const end = /[.!?]+$/.exec(sentence)?.[0] ?? '.';
  const body = sentence.replace(/[.!?]+$/, '');
  let best = '';
  for (const match of body.matchAll(CLAUSE_BREAK)) {
    const candidate = trimDangling(body.slice(0, match.index));
    if (countWords(candidate) > maxWords) break;
    if (countWords(candidate) >= 3) best = candidate;
  }
  if (!best) return '';
  // "a, b, c" cut after "b" reads as a list with no "and": keep only the first clause then.
  if (/,/.test(best)) {
    const first = trimDangling(body.split(/[,;:]/)[0] ?? '');
    if (countWords(first) >= 3) best = first;
  }
  return `${best}${end === '?' ? '.' : end.charAt(0)}`;
}

function trimDangling(text: string): string {
  const words = squish(text)
    .replace(/[\s,;:–—-]+$/u, '')
    .split(' ');
  while (words.length > 0 && DANGLING.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  return words.join(' ').replace(/[\s,;:–—-]+$/u, '');
}

// ---------------------------------------------------------------------------------------------
// "About you".

export interface AboutText {
  /** Reads after "I'm " ("a nurse moving into health tech"); null when it cannot ("I manage…"). */
  clause: string | null;
  /** Its own sentence, capitalised and ended ("I manage a retail store and I'm moving into…"). */
  sentence: string;
}

const ABOUT_MAX_WORDS = 24;

/** The "About you" text as a clause after "I'm " and as a sentence; null when empty or a job ask. */
export function aboutClause(about: string | null | undefined): AboutText | null {
  if (!about) return null;
  let clean = squish(about.replace(/[\u2018\u2019\u02bc]/g, "'")).replace(/\s*(?:\.\.\.|…)$/u, '');
  clean = stripTrailingPunctuation(clean);
  if (countWords(clean) === 0 || findJobAsk(clean)) return null;
  if (countWords(clean) > ABOUT_MAX_WORDS) {
    clean = stripTrailingPunctuation(clipAtBoundary(clean, ABOUT_MAX_WORDS));
    if (countWords(clean) === 0) return null;
  }
  const lead = /^(?:i'm|i\s+am|im)\s+/i.exec(clean);
  if (lead) {
    const rest = clean.slice(lead[0].length);
    const clause = joinCase(rest);
    return { clause, sentence: `I'm ${clause}.` };
  }
  // Its own first-person sentence: "I manage a retail store and I'm moving into customer success."
  if (/^(?:i|my|i've|i'd|i'll|after|for|since|over|with)\b/i.test(clean)) {
    return { clause: null, sentence: `${sentenceCase(clean)}.` };
  }
  const terms = tagSentences(clean)[0] ?? [];
  const tags = new Set(terms[0]?.tags ?? []);
  const hasVerb = terms.some((t) => t.tags.has('Verb'));
  // "nurse moving into UX": a noun, whatever the tagger made of it alone.
  if (/^[\p{L}-]+\s+[\p{L}-]+ing\b/u.test(clean) && !tags.has('Pronoun') && !tags.has('PastTense')) {
    tags.clear();
    tags.add('Noun');
  }
  // "moving from teaching to UX research", "currently a teacher", "based in Austin, learning UX".
  if (
    tags.has('Gerund') ||
    tags.has('Adverb') ||
    tags.has('Determiner') ||
    tags.has('Participle') ||
    /^(?:a|an|the|currently|now|still|also)\b/i.test(clean)
  ) {
    const clause = joinCase(clean);
    return { clause, sentence: `I'm ${clause}.` };
  }
  // "Career changer from finance", "nurse moving into UX", "former teacher" → "a career changer…".
  if (tags.has('Noun') || tags.has('Adjective') || tags.has('Acronym')) {
    if (tags.has('Plural') && !hasVerb) return { clause: null, sentence: `${sentenceCase(clean)}.` };
    const phrase = joinCase(clean);
    const article = /^[aeiou]/i.test(phrase) && !/^(?:u[nsx]|eu|one)/i.test(phrase) ? 'an' : 'a';
    const clause = `${article} ${phrase}`;
    return { clause, sentence: `I'm ${clause}.` };
  }
  return { clause: null, sentence: `${sentenceCase(clean)}.` };
}

// ---------------------------------------------------------------------------------------------
// Names.

export interface ReaderNames {
  /** After "Hi ": "Dr. Khan" for a titled name, else the first name. */
  greeting: string;
  /** The given name: "Aisha", "Jim", "María". */
  first: string;
  /** The name as written, without a parenthesis or trailing credentials: "Dr. Aisha Khan". */
  full: string;
}

const TITLES = /^(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|revd|fr|capt|col|gen|lt|sgt)\.?$/i;
const TITLE_PREFIX =
  /^(?:(?:dr|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|revd|fr|capt|col|gen|lt|sgt)\.?\s+)+/i;
const SUFFIXES = /^(?:jr|sr|ii|iii|iv|v|phd|md|mba|rn|np|dds|esq|cpa|pe|ma|msc|bsc)\.?$/i;

/** Names as people write them: titles, suffixes, particles, apostrophes, one word, a parenthesis. */
export function readerName(name: string | null | undefined): ReaderNames {
  let clean = squish((name ?? '').replace(/\([^)]*\)?/g, ' ').replace(/\[[^\]]*\]?/g, ' '));
  clean = clean.replace(/^@+/, '');
  // "Aisha Khan, PhD" / "Aisha Khan - Clinical UX": what follows is not the name.
  clean = squish(clean.split(/\s*,\s*|\s+[-–—|]\s+/)[0] ?? '');
  const tokens = clean.split(' ').filter(Boolean);
  while (tokens.length > 1 && SUFFIXES.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  const full = tokens.join(' ');
  const titles: string[] = [];
  while (tokens.length > 1 && TITLES.test(tokens[0] ?? '')) titles.push(tokens.shift() as string);
  const first = tokens[0] ?? '';
  if (titles.length > 0 && tokens.length > 1) {
    const title = titles[0] as string;
    const shown = /\.$/.test(title) || !/^(?:dr|mr|mrs|ms|mx|prof)$/i.test(title) ? title : `${title}.`;
    return { greeting: `${shown} ${surname(tokens)}`, first, full };
  }
  return { greeting: first, first, full };
}

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'del',
  'della',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
  'y',
]);

// "María de la Cruz" → "de la Cruz"; "Ludwig van Beethoven" → "van Beethoven"; "Aisha Khan" → "Khan".
function surname(tokens: string[]): string {
  let start = tokens.length - 1;
  while (start > 1 && PARTICLES.has((tokens[start - 1] ?? '').toLowerCase())) start -= 1;
  return tokens.slice(start).join(' ');
}
