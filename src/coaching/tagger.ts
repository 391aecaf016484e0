// The English tagger (compromise) behind one small interface: sentences of terms, each with its tags.
// Reads compromise's parsed terms directly rather than through `.json()`, which builds text, offsets
// and ids for every term that the coaching rules never read (most of the tagger's cost in a draft).
import { nlp } from './nlp';

export interface TaggedTerm {
  /** The term as written, without surrounding punctuation or spaces. */
  text: string;
  /** What follows it (punctuation and spaces). */
  post: string;
  /** The word a contraction stands for ("is" for the "'s" of "she's"), when it is one. */
  implicit?: string;
  /** The tagger's tags; read-only (copy before changing). */
  tags: ReadonlySet<string>;
}

interface RawTerm {
  text: string;
  post: string;
  implicit?: string;
  tags: Set<string>;
}

// The steps of compromise's parse that set tags; the rest of `nlp(text)` (chunks, ids, freezing,
// typeahead) is for its higher-level methods, which the coaching rules do not call.
const TAGGING_STEPS = ['alias', 'machine', 'index', 'lexicon', 'preTagger', 'contractionTwo', 'postTagger'];

/** The sentences of `text`, each a list of tagged terms. */
export function tagSentences(text: string): TaggedTerm[][] {
  const doc = nlp().tokenize(text);
  doc.compute(TAGGING_STEPS);
  const docs = (doc as unknown as { docs: RawTerm[][] }).docs;
  return docs.map((sentence) =>
    sentence.map((t) => ({
      text: t.text,
      post: t.post,
      ...(t.implicit ? { implicit: t.implicit } : {}),
      tags: t.tags,
    })),
  );
}

/** The tags of the first term of `text` (empty when it has none). */
export function firstTags(text: string): ReadonlySet<string> {
  return tagSentences(text)[0]?.[0]?.tags ?? new Set<string>();
}

// Lone words recur from draft to draft ("builds", "Research"): their answers are kept, a bounded number.
const WORD_MEMO_SIZE = 5000;

function memo<T>(compute: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    const hit = known.get(word);
    if (hit !== undefined) return hit;
    const value = compute(word);
    if (known.size >= WORD_MEMO_SIZE) known.delete(known.keys().next().value as string);
    known.set(word, value);
    return value;
  };
}

/** The tags `word` gets as a lone word. */
export const wordTags: (word: string) => ReadonlySet<string> = memo((word) => firstTags(word));

/** The base form of a verb ("builds" → "build"), or '' when the tagger finds no verb. */
export const toInfinitive: (verb: string) => string = memo((verb) =>
  nlp()(verb).verbs().toInfinitive().text(),
);

/** Whether `word` (lower-case) is in the tagger's lexicon of known words. */
export function inLexicon(word: string): boolean {
  const lexicon = (nlp().model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  return word in lexicon;
}
