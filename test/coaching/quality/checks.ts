// Reusable checks for the texts a student sends: each returns the problems it found, quoting the
// sentence, so a failing test shows exactly what the student would have read. An empty list is a pass.
import nlp from 'compromise';

export interface Problem {
  check: string;
  /** The sentence or line at fault, as the text has it. */
  at: string;
  detail?: string;
}

type TermJson = { text: string; normal: string; tags: string[] };

function problem(check: string, at: string, detail?: string): Problem {
  return detail ? { check, at, detail } : { check, at };
}

function straight(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

// ---------------------------------------------------------------------------------------------
// Splitting a message.

const GREETING = /^(?:hi|hello|dear|hey)\b[^\n]*,$/i;
const SIGN_OFF =
  /^(?:thank you|thanks(?: so much| again)?|best(?: wishes)?|all the best|warm regards|kind regards|regards|cheers|with thanks|many thanks|gratefully|warmly|sincerely)[,!.]?$/i;

/** The lines a draft has, blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The message without its greeting, subject, sign-off and signature: the lines that are prose. */
export function proseOf(text: string): string {
  const lines = linesOf(text).filter((l) => !/^subject:/i.test(l));
  if (lines[0] && GREETING.test(lines[0])) lines.shift();
  const signOffAt = lines.findIndex((l) => SIGN_OFF.test(l));
  if (signOffAt >= 0 && signOffAt >= lines.length - 2) lines.splice(signOffAt);
  return lines.join('\n');
}

/** Sentences of the prose, as compromise splits them (it knows "Dr." does not end one). */
export function sentencesOf(text: string): string[] {
  const cached = sentenceCache.get(text);
  if (cached) return cached;
  const out: string[] = [];
  for (const line of linesOf(proseOf(text))) {
    // A numbered list item is one sentence of its own.
    const item = line.replace(/^\d+[.)]\s+/, '');
    for (const s of nlp(item).sentences().out('array') as string[]) {
      const clean = s.trim();
      if (clean) out.push(clean);
    }
  }
  sentenceCache.set(text, out);
  return out;
}

// The suite reads the same texts many times; parsing each once keeps it fast.
const sentenceCache = new Map<string, string[]>();
const termCache = new Map<string, TermJson[]>();

function termsOf(sentence: string): TermJson[] {
  const cached = termCache.get(sentence);
  if (cached) return cached;
  const json = nlp(sentence).json() as { terms: TermJson[] }[];
  const terms = json.flatMap((s) => s.terms);
  termCache.set(sentence, terms);
  return terms;
}

function wordOf(t: TermJson | undefined): string {
  return (t?.normal ?? '').replace(/[^\p{L}\p{N}'-]/gu, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Pronouns: the text speaks to the reader, so nothing in it calls them "she" or "he".

const THIRD_SINGULAR = new Set(['she', 'he', 'her', 'his', 'him', 'herself', 'himself', 'hers']);
const THEY_FORMS = new Set(['they', 'their', 'them', 'themselves', 'theirs', "they're", "they've"]);

/**
 * No she/he/her/his/him about anyone (a draft to one person has no one else to call that), and no
 * they/their/them unless a plural noun before it in the sentence is what it stands for ("customers…
 * they"). `allowThey` lists sentences' plural antecedents the text may legitimately use.
 */
export function thirdPersonAboutReader(text: string): Problem[] {
  const found: Problem[] = [];
  for (const sentence of sentencesOf(text)) {
    const terms = termsOf(straight(sentence));
    terms.forEach((term, i) => {
      const w = wordOf(term);
      if (THIRD_SINGULAR.has(w)) {
        found.push(problem('third-person', sentence, `"${term.text.replace(/[^\p{L}']/gu, '')}"`));
        return;
      }
      if (THEY_FORMS.has(w)) {
        const antecedent = terms
          .slice(0, i)
          .some((t) => t.tags.includes('Plural') && !THEY_FORMS.has(wordOf(t)));
        if (!antecedent) {
          found.push(problem('third-person', sentence, `"${term.text.replace(/[^\p{L}']/gu, '')}"`));
        }
      }
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Verbs agree with "you".

const WRONG_AFTER_YOU = new Set(['is', 'was', 'has', 'does', "isn't", "wasn't", "hasn't", "doesn't"]);
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'who', 'that', 'which']);

function isThirdSingularVerb(term: TermJson): boolean {
  const w = wordOf(term);
  if (WRONG_AFTER_YOU.has(w)) return true;
  return (
    term.tags.includes('Verb') &&
    term.tags.includes('PresentTense') &&
    !term.tags.includes('Infinitive') &&
    !term.tags.includes('Gerund') &&
    /[^s]s$/.test(w)
  );
}

/**
 * "you builds", "you was", "you has", "you really leads", and a verb sharing "you" after "and"
 * ("you taught yourself to code and now builds…"). Uses compromise's part-of-speech tags.
 */
export function youAgreement(text: string): Problem[] {
  const found: Problem[] = [];
  for (const sentence of sentencesOf(text)) {
    const terms = termsOf(straight(sentence));
    let subject: string | null = null;
    for (let i = 0; i < terms.length; i += 1) {
      const term = terms[i] as TermJson;
      const w = wordOf(term);
      // The word before this one, adverbs skipped ("you really builds", "and now builds").
      let j = i - 1;
      while (j >= 0 && (terms[j]?.tags.includes('Adverb') || SKIPPED.has(wordOf(terms[j])))) j -= 1;
      const before = wordOf(terms[j]);
      if (SUBJECTS.has(w)) {
        // "Thank you", "to you", "with you": "you" as an object leads no verb.
        if (!(w === 'you' && isObjectYou(terms[i - 1]))) subject = w;
        continue;
      }
      // A noun right after "and"/"but" starts a new clause with its own subject.
      if (CONJUNCTIONS.has(before) && term.tags.includes('Noun')) {
        subject = 'noun';
        continue;
      }
      if (subject !== 'you') continue;
      const leads = before === 'you' || CONJUNCTIONS.has(before);
      // Right after subject "you", compromise can read a verb as a noun ("you mentors grads").
      const nounRead =
        before === 'you' && /[^s]s$/.test(w) && !YOU_PLURALS.has(w) && !term.tags.includes('Adverb');
      if (leads && (isThirdSingularVerb(term) || nounRead)) {
        found.push(problem('you-agreement', sentence, `"${term.text.replace(/[^\p{L}']/gu, '')}"`));
      }
    }
  }
  return found;
}

const OBJECT_BEFORE_YOU = new Set(['thank', 'to', 'with', 'for', 'of', 'from', 'at', 'about', 'than', 'by']);
const CLAUSE_OPENERS = new Set([
  'that',
  'because',
  'if',
  'when',
  'how',
  'while',
  'since',
  'as',
  'where',
  'what',
  'why',
  'so',
]);

// "Thank you", "to you", "whenever suits you": after a verb or preposition, "you" is the object.
function isObjectYou(prev: TermJson | undefined): boolean {
  const w = wordOf(prev);
  if (!prev || CLAUSE_OPENERS.has(w)) return false;
  return OBJECT_BEFORE_YOU.has(w) || prev.tags.includes('Verb') || prev.tags.includes('Preposition');
}
const CONJUNCTIONS = new Set(['and', 'but', 'or']);
const YOU_PLURALS = new Set(['guys', 'folks', 'kids', 'students', 'readers', 'teams', 'two', 'others']);
const SKIPPED = new Set(['now', 'then', 'also', 'still', 'just', 'since']);

// ---------------------------------------------------------------------------------------------
// Clipped or broken sentences.

const DANGLING = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'our',
  'their',
  'its',
  'and',
  'or',
  'but',
  'nor',
  'because',
  'although',
  'while',
  'if',
  'of',
  'than',
  'into',
  'onto',
  'between',
  'among',
  'as',
  'such',
  'very',
]);

/** No "…", no sentence ending on an article, conjunction or a preposition nothing can follow. */
export function clipped(text: string): Problem[] {
  const found: Problem[] = [];
  if (/…|\.\.\./.test(text)) {
    for (const line of linesOf(text).filter((l) => /…|\.\.\./.test(l))) {
      found.push(problem('clipped', line, 'an ellipsis'));
    }
  }
  for (const sentence of sentencesOf(text)) {
    const words = straight(sentence)
      .replace(/[.!?"')\]]+$/u, '')
      .split(/\s+/);
    const last = (words[words.length - 1] ?? '').toLowerCase().replace(/[^\p{L}']/gu, '');
    if (DANGLING.has(last)) found.push(problem('clipped', sentence, `ends on "${last}"`));
    // A clause of the sentence ending on one too: "…: more than a; I'm starting…".
    for (const part of straight(sentence).split(/[;:]/).slice(0, -1)) {
      const end = (part.trim().split(/\s+/).pop() ?? '').toLowerCase().replace(/[^\p{L}']/gu, '');
      if (DANGLING.has(end)) found.push(problem('clipped', sentence, `a clause ends on "${end}"`));
    }
  }
  return found;
}

/**
 * A note pasted after a colon without a subject: "…stands out to me: was a special-education
 * teacher", "…: ran kitchens for ten years". The word after the colon is a finite verb.
 */
export function missingSubject(text: string): Problem[] {
  const found: Problem[] = [];
  for (const sentence of sentencesOf(text)) {
    const clauses = [
      sentence,
      ...straight(sentence)
        .split(/[:;]\s+|,\s+(?:and|but)\s+/)
        .slice(1),
    ];
    clauses.forEach((clause, index) => {
      const terms = termsOf(clause);
      const first = terms[0];
      if (!first) return;
      if (index === 0 && first.tags.includes('Imperative')) return;
      const finite =
        first.tags.includes('Verb') &&
        !first.tags.includes('Infinitive') &&
        !first.tags.includes('Gerund') &&
        !first.tags.includes('Modal') &&
        !first.tags.includes('Imperative') &&
        (first.tags.includes('PastTense') ||
          first.tags.includes('PresentTense') ||
          first.tags.includes('Copula'));
      if (finite && !/^(?:thank|thanks|please|let|hope|looking)$/i.test(wordOf(first))) {
        found.push(
          problem('missing-subject', sentence, `starts "${clause.split(/\s+/).slice(0, 3).join(' ')}"`),
        );
      }
    });
  }
  return found;
}

/**
 * A capital kept where the student's words join a sentence: "…most: Diary studies…", "…you
 * suggested: Write up…". Names the text may capitalise (people, companies, roles) are allowed.
 */
export function strayCapital(text: string, properWords: readonly string[] = []): Problem[] {
  const allowed = new Set(
    properWords
      .flatMap((p) => straight(p).split(/[\s/-]+/))
      .map((w) => w.replace(/[^\p{L}\p{N}']/gu, '').toLowerCase())
      .filter(Boolean),
  );
  const found: Problem[] = [];
  for (const sentence of sentencesOf(text)) {
    for (const match of straight(sentence).matchAll(/[:;]\s+(\p{Lu}[\p{L}'-]*)/gu)) {
      const word = match[1] ?? '';
      const key = word.replace(/'s$/, '').toLowerCase();
      if (word === 'I' || word.startsWith("I'") || /^\p{Lu}{2,}/u.test(word) || allowed.has(key)) continue;
      found.push(problem('stray-capital', sentence, `"${word}" after a colon`));
    }
  }
  return found;
}

/** A sentence starts with a capital (or a digit): "…leaving the lab. you have spoken…" does not. */
export function lowercaseStart(text: string): Problem[] {
  const found: Problem[] = [];
  for (const line of linesOf(proseOf(text))) {
    const item = line.replace(/^\d+[.)]\s+/, '');
    const starts = [
      item,
      ...[...item.matchAll(/(?<!\b(?:e\.g|i\.e|vs|etc|Dr|Mr|Mrs|Ms|St))[.!?]\s+(.*)/g)].map(
        (m) => m[1] ?? '',
      ),
    ];
    for (const start of starts) {
      if (/^["'(]?\p{Ll}/u.test(start) && !/^(?:iOS|iPhone|iPad|eBay|e\.g\.)/.test(start)) {
        found.push(problem('lowercase-start', line, `"${start.split(/\s+/).slice(0, 3).join(' ')}"`));
      }
    }
  }
  return found;
}

/**
 * Clauses strung on commas with no "and" before the last: "you have designed…, you write…, you
 * mentored…." (what a note shortened in the middle of a list leaves).
 */
export function runOnList(text: string): Problem[] {
  return sentencesOf(text)
    .filter((s) => {
      const clauses = straight(s).split(/,\s+/);
      if (clauses.length < 3) return false;
      const openers = clauses.slice(1).map((c) => c.split(/\s+/)[0]?.toLowerCase() ?? '');
      return openers.filter((w) => w === 'you' || w === 'i').length >= 2 && !/,\s+(?:and|or|but)\s/.test(s);
    })
    .map((s) => problem('run-on', s));
}

const CAUSATIVE = new Set([
  'let',
  'lets',
  'make',
  'makes',
  'help',
  'helps',
  'have',
  'watch',
  'see',
  'hear',
  'saw',
]);

/**
 * A singular noun with a bare verb: "when a model go wrong", "the team build". What turning every
 * verb to agree with "you" does to the verbs of other subjects.
 */
export function nounAgreement(text: string): Problem[] {
  const found: Problem[] = [];
  for (const sentence of sentencesOf(text)) {
    const terms = termsOf(straight(sentence));
    for (let i = 2; i < terms.length; i += 1) {
      const verb = terms[i] as TermJson;
      const noun = terms[i - 1] as TermJson;
      const det = wordOf(terms[i - 2]);
      const bare =
        verb.tags.includes('Infinitive') && !verb.tags.includes('Noun') && !/s$/.test(wordOf(verb));
      const singular =
        noun.tags.includes('Singular') && !noun.tags.includes('Pronoun') && !noun.tags.includes('ProperNoun');
      if (bare && singular && /^(?:a|an|the|this|that|every|each|one)$/.test(det)) {
        if (CAUSATIVE.has(wordOf(terms[i - 3]))) continue;
        found.push(problem('noun-agreement', sentence, `"${det} ${noun.text} ${verb.text}"`));
      }
    }
  }
  return found;
}

/**
 * A "they"/"them" the note used for something else (rules, stakeholders), turned into "you" in the
 * draft: "explaining them to product teams" → "explaining you to product teams". Only the uses
 * after a noun or a verb: "and they…" and a leading "They…" are about the person.
 */
export function pronounOverturned(note: string, draft: string): Problem[] {
  const found: Problem[] = [];
  const terms = termsOf(straight(note));
  const text = straight(draft).toLowerCase();
  terms.forEach((term, i) => {
    const w = wordOf(term);
    if (w !== 'them' && w !== 'they') return;
    const prev = terms[i - 1];
    const next = terms[i + 1];
    if (!prev || !next) return;
    const pw = wordOf(prev);
    if (['and', 'but', 'or', 'because', 'so', 'said', 'says'].includes(pw)) return;
    const afterNounOrVerb = prev.tags.includes('Noun') || prev.tags.includes('Verb');
    const pluralBefore = terms
      .slice(0, i)
      .some((t) => t.tags.includes('Plural') && !THEY_FORMS.has(wordOf(t)));
    if (!afterNounOrVerb || !pluralBefore) return;
    const turned = `${pw} you ${wordOf(next)}`;
    if (text.includes(turned))
      found.push(problem('pronoun-overturned', turned, `"${pw} ${w} ${wordOf(next)}" in the note`));
  });
  return found;
}

const STOP = new Set([
  'about',
  'after',
  'before',
  'their',
  'there',
  'which',
  'would',
  'could',
  'should',
  'where',
  'because',
  'really',
  'every',
  'other',
  'people',
  'things',
  'think',
  'matters',
  'taught',
  'learned',
]);

/** The text refers to what was said: at least one distinctive word of the note is in it. */
export function refersTo(note: string, text: string): Problem[] {
  const words = straight(note)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter((w) => w.length >= 5 && !STOP.has(w));
  const lower = straight(text).toLowerCase();
  const stem = (w: string) => (w.length > 6 ? w.slice(0, -2) : w);
  return words.some((w) => lower.includes(stem(w)))
    ? []
    : [problem('refers-to', proseOf(text).split('\n')[0] ?? '', `nothing of "${note.slice(0, 60)}"`)];
}

// ---------------------------------------------------------------------------------------------
// Names and companies said once.

function countOf(haystack: string, needle: string): number {
  const n = straight(needle).trim();
  if (n.length < 2) return 0;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (straight(haystack).match(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'giu')) ?? []).length;
}

/**
 * Each name, company or role at most once a sentence; a person's full name (`people`) in one
 * sentence of a paragraph only: the next mention is their first name or "you".
 */
export function repeatedNames(
  text: string,
  names: readonly string[],
  people: readonly string[] = [],
): Problem[] {
  const found: Problem[] = [];
  const clean = [...names, ...people].map((n) => n.trim()).filter((n) => n.length >= 2);
  for (const sentence of sentencesOf(text)) {
    for (const name of new Set(clean)) {
      if (countOf(sentence, name) > 1) found.push(problem('repeated-name', sentence, `"${name}" twice`));
    }
  }
  for (const paragraph of proseOf(text).split(/\n/)) {
    for (const name of people.filter((n) => n.trim().includes(' '))) {
      const inSentences = sentencesOf(paragraph).filter((s) => countOf(s, name) > 0).length;
      if (inSentences > 1) found.push(problem('repeated-name', paragraph, `"${name}" in two sentences`));
    }
  }
  return found;
}

/** An email subject that the body's first sentence says again adds nothing. */
export function subjectRepeatedInBody(subject: string | null, body: string): Problem[] {
  if (!subject) return [];
  const first = sentencesOf(body)[0] ?? '';
  const key = (s: string) =>
    straight(s)
      .toLowerCase()
      .replace(/[^\p{L}\p{N} ]/gu, '')
      .replace(/\s+/g, ' ')
      .trim();
  return key(first).includes(key(subject))
    ? [problem('subject-repeated', first, `subject "${subject}"`)]
    : [];
}

// ---------------------------------------------------------------------------------------------
// Small slips.

/** "I'm I manage…", "I am I…", "I'm I'm…". */
export function doubledI(text: string): Problem[] {
  return linesOf(text)
    .filter((l) => /\bI(?:'m|\u2019m| am)\s+(?:I\b|i\b|I'|I\u2019)/.test(l))
    .map((l) => problem('doubled-I', l));
}

/** "[one line on how it went]", "{background}", "<name>", "TODO", "XXX". */
export function placeholders(text: string): Problem[] {
  return linesOf(text)
    .filter((l) => /\[[^\]]*\]|\{[^}]*\}|<[^>]+>|\bTODO\b|\bXXX\b|\bTBD\b/.test(l))
    .map((l) => problem('placeholder', l));
}

const TITLES = /^(?:dr|mr|mrs|ms|mx|prof|sir|dame|rev|jr|sr|ii|iii|iv|phd|md|jd)\.?$/i;

/** The first line greets by a name the person goes by: one of `allowed`, never "Hi Dr.," or a handle. */
export function greeting(text: string, allowed: readonly string[]): Problem[] {
  const first = linesOf(text)[0] ?? '';
  // On its own line, or opening a one-line note ("Hi Jim, I'm…").
  const found = /^(?:Hi|Hello|Dear|Hey)\s+(.+?),(?:\s|$)/.exec(first);
  if (!found) return [problem('greeting', first, 'no "Hi <name>," line')];
  const name = found[1] ?? '';
  const bare = name.split(/\s+/).every((w) => TITLES.test(w));
  if (bare || /[()@]/.test(name)) return [problem('greeting', first, `greets "${name}"`)];
  if (!allowed.some((a) => straight(a) === straight(name))) {
    return [problem('greeting', first, `greets "${name}", expected one of ${allowed.join(' / ')}`)];
  }
  return [];
}

/** The last line is the student's real name (or its first word), never their Slack handle. */
export function signedBy(text: string, realName: string, handle?: string): Problem[] {
  const last = linesOf(text).pop() ?? '';
  const first = realName.split(/\s+/)[0] ?? realName;
  if (last === realName || last === first) return [];
  const detail = handle && last.includes(handle) ? 'signed with the handle' : `expected "${realName}"`;
  return [problem('signature', last, detail)];
}

// ---------------------------------------------------------------------------------------------
// The ask.

const LEARNING =
  /\b(?:learn(?:ing)?|hear (?:how|what|about|more)|understand|find out|curious (?:how|what|about)|ask you (?:how|what|about)|how you (?:made|got|went|moved|handled|approached|think))\b/i;

/** The ask says what the student hopes to learn. */
export function learningPurpose(text: string): Problem[] {
  return LEARNING.test(proseOf(text))
    ? []
    : [problem('learning-purpose', proseOf(text).split('\n')[0] ?? '')];
}

const NUMBER_WORDS: Record<string, number> = { twenty: 20, 'twenty-five': 25, thirty: 30, 'forty-five': 45 };

/** Every time the ask names asks for exactly the minutes the student chose. */
export function asksForMinutes(text: string, minutes: number): Problem[] {
  const named = [
    ...straight(text).matchAll(
      /\b(\d{1,3}|twenty|twenty-five|thirty|forty-five)[-\s]?(?:min\b|mins\b|minutes?\b)/gi,
    ),
  ].map((m) => Number(m[1]) || NUMBER_WORDS[(m[1] ?? '').toLowerCase()] || 0);
  if (named.length === 0) return [problem('minutes', proseOf(text), 'no time asked for')];
  const wrong = named.filter((n) => n !== minutes);
  return wrong.length > 0
    ? [problem('minutes', proseOf(text), `asks for ${wrong.join(', ')} not ${minutes}`)]
    : [];
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** At most `limit` words in the message (subject not counted). */
export function withinWords(text: string, limit: number): Problem[] {
  const n = wordCount(text);
  return n > limit ? [problem('too-long', linesOf(text)[0] ?? '', `${n} words`)] : [];
}

// ---------------------------------------------------------------------------------------------
// Everything a sent text must pass.

export interface TextContext {
  /** Companies and roles the text must not say twice in one sentence. */
  names: readonly string[];
  /** People's full names: once a sentence, and in one sentence of a paragraph. */
  people?: readonly string[];
  /** Words the text may capitalise mid-sentence. */
  properWords?: readonly string[];
  /** When set, the greeting must use one of these. */
  greetings?: readonly string[];
  /** When set, the last line must be this real name. */
  signedBy?: { realName: string; handle?: string };
}

/** Every check that applies to any text sent to a person. */
export function readerProblems(text: string, ctx: TextContext): Problem[] {
  return [
    ...thirdPersonAboutReader(text),
    ...youAgreement(text),
    ...clipped(text),
    ...missingSubject(text),
    ...lowercaseStart(text),
    ...runOnList(text),
    ...nounAgreement(text),
    ...strayCapital(text, [...(ctx.properWords ?? []), ...ctx.names, ...(ctx.people ?? [])]),
    ...repeatedNames(text, ctx.names, ctx.people),
    ...doubledI(text),
    ...placeholders(text),
    ...(ctx.greetings ? greeting(text, ctx.greetings) : []),
    ...(ctx.signedBy ? signedBy(text, ctx.signedBy.realName, ctx.signedBy.handle) : []),
  ];
}

/** Problems as lines for a failure message: check, detail and the quoted text. */
export function describe(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.check}${p.detail ? ` (${p.detail})` : ''}: “${p.at}”`);
}
