// Where the running code comes from: the TypeScript sources (through tsx, as in tests and `npm run
// coach`), or the compiled build that `npm start` runs (dist/, made by scripts/build.mjs, which defines
// __COACH_COMPILED__). The two differ only in where files next to the code are.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __COACH_COMPILED__: boolean | undefined;

/** True in the compiled build (dist/), false when running the TypeScript sources. */
export const COMPILED: boolean = typeof __COACH_COMPILED__ === 'boolean' && __COACH_COMPILED__;

/**
 * The project's root (where prisma/ is): two levels above this file in the sources (src/core/), one
 * above the build's files (dist/ holds them all in one folder).
 */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), COMPILED ? '..' : '../..');
