// Tearing down what a test started (apps, stand-ins, servers, databases, child processes) whatever
// happened in the test: every step runs, last added first, even when an earlier step failed.
import { afterAll, afterEach } from 'vitest';

export class Cleanup {
  private readonly steps: (() => unknown)[] = [];

  /** Adds a step; steps run in reverse order of adding. */
  add(step: () => unknown): void {
    this.steps.push(step);
  }

  /** Runs (and forgets) every step; rethrows what failed once all have run. */
  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several cleanup steps failed');
  }
}

/** A Cleanup run after each test of the file (or, with `'all'`, once after the file's tests). */
export function useCleanup(when: 'each' | 'all' = 'each'): Cleanup {
  const cleanup = new Cleanup();
  (when === 'each' ? afterEach : afterAll)(() => cleanup.run());
  return cleanup;
}
