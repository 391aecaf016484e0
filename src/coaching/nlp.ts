// The English tagger's library (compromise), loaded on first use rather than at start: a process does
// without it until it first drafts or reads a note, and starts without its load time. Its bundled
// CommonJS build is one file (about 0.5 s and 20 MB to load on a small machine); the ES module build is
// over 400 files, each resolved and loaded apart (about a second and 35 MB). Same version, same model,
// same tags.
import { createRequire } from 'node:module';
import type compromise from 'compromise';

type Nlp = typeof compromise;

let loaded: Nlp | undefined;

/** compromise's `nlp`, loaded the first time it is asked for. */
export function nlp(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}
