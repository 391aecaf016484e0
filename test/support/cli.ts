// The `coach` command as an operator runs it: a separate process, only the environment given.
import { execFile } from 'node:child_process';
import { onTestFinished } from 'vitest';

export interface CoachRun {
  /** Exit code (0 on success). */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/coach.js …args` with `env` (and PATH) and waits for it to exit. Call it inside a
 * test: the process is killed when the test ends first (a failed assertion, a timeout), or after
 * `timeoutMs`, so none outlives its test.
 */
export function runCoach(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CoachRun> {
  const controller = new AbortController();
  onTestFinished(() => controller.abort());
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/coach.js', ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, signal: controller.signal, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') return resolve({ code, stdout, stderr });
        reject(new Error(`coach ${args.join(' ')} did not exit normally: ${error.message}\n${stderr}`));
      },
    );
  });
}
