// Where the after-log thank-you is drafted. The draft is the costliest thing a submission causes (the
// English tagger's passes over the student's words, about a millisecond and a half), so the app writes
// it on a worker thread: the event loop stays free to acknowledge a cohort's burst of submissions, and
// the drafts use the machine's other core. `inThreadDrafter` drafts on the caller's thread (tests,
// DRAFT_THREADS=0); a worker that cannot start or fails falls back to it, so a draft is never lost.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import { draftThankYou, type ThankYouInput } from '../coaching/thanks';
import { COMPILED } from '../core/build';
import type { Log } from '../log';

export interface Drafter {
  thankYou(input: ThankYouInput): Promise<string>;
  close(): Promise<void>;
}

export function inThreadDrafter(): Drafter {
  return {
    thankYou: async (input) => draftThankYou(input),
    close: async () => undefined,
  };
}

export interface WorkerDrafterOptions {
  /** Worker threads (at least 1). */
  threads: number;
  /** A worker idle this long exits; the next draft starts one again. */
  idleTimeoutMs?: number;
  /** A draft not back from its worker within this long is written on the calling thread instead. */
  timeoutMs?: number;
  /** The worker's module (default: the draft worker next to this file). */
  workerFile?: string;
}

/** Long enough for a worker's first start on a busy machine (it loads the coaching modules). */
const DRAFT_TIMEOUT_MS = 15_000;

// From the TypeScript sources (tsx), a worker loads the same sources through tsx's loader; the compiled
// build has the worker's own file next to the rest (dist/draft-worker.mjs).
function workerFile(): string {
  return new URL(COMPILED ? './draft-worker.mjs' : './draft-worker.ts', import.meta.url).href;
}

function tsxLoaderArgs(): string[] {
  if (COMPILED) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

/** How much lower the draft workers' priority is than the process's (Linux only; see draft-worker.ts). */
export const DRAFT_NICE = 10;

export function workerDrafter(
  log: Log,
  options: WorkerDrafterOptions,
): Drafter & { workerThread(): Promise<{ threadId: number; nice: number } | null> } {
  const fallback = inThreadDrafter();
  let pool: Piscina | undefined;
  let failed = false;
  const start = (): Piscina | undefined => {
    if (failed) return undefined;
    if (!pool) {
      try {
        // The pool's library loads with the first draft, not at start.
        const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
        pool = new Pool({
          filename: options.workerFile ?? workerFile(),
          minThreads: 0,
          maxThreads: Math.max(1, options.threads),
          idleTimeout: options.idleTimeoutMs ?? 60_000,
          execArgv: tsxLoaderArgs(),
          workerData: { nice: DRAFT_NICE },
        });
        // A worker that dies outside a task (its file cannot load, say) must not end the process: drafts
        // go on in this thread from then on.
        pool.on('error', (error: unknown) => {
          failed = true;
          log.warn(
            { err: (error as Error).name },
            'a draft worker failed; drafts are written on the main thread',
          );
          const broken = pool;
          pool = undefined;
          void broken?.destroy().catch(() => undefined);
        });
      } catch (error) {
        failed = true;
        log.warn({ err: (error as Error).name }, 'drafts are written on the main thread: no worker');
        return undefined;
      }
    }
    return pool;
  };
  return {
    async thankYou(input) {
      const workers = start();
      if (!workers) return fallback.thankYou(input);
      try {
        // A worker that never answers (its file cannot load, it hangs) must not hold the DM back.
        const signal = AbortSignal.timeout(options.timeoutMs ?? DRAFT_TIMEOUT_MS);
        return (await workers.run(input, { signal })) as string;
      } catch (error) {
        // The error's name only: its message may quote the student's words.
        log.warn({ err: (error as Error).name }, 'a draft worker failed; drafted on the main thread');
        return fallback.thankYou(input);
      }
    },
    /** The thread a worker drafts on and its nice value; null when drafts are written on this thread. */
    async workerThread() {
      const workers = start();
      return workers
        ? ((await workers.run(null, { name: 'workerThread' })) as { threadId: number; nice: number })
        : null;
    },
    async close() {
      const running = pool;
      pool = undefined;
      await running?.destroy();
    },
  };
}
