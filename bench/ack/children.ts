// Child processes of the benches: the app as `npm start` runs it (compiled), the rest through tsx; their
// output kept for error reports, their CPU time read from /proc, and always stopped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SIGNING_SECRET, BENCH_TEAM } from './workspace';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TAIL_BYTES = 16_384;

export interface ChildOptions {
  name: string;
  /** Script and arguments, relative to the repository root. */
  args: string[];
  /** The whole environment of the child (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Modules to load after the TypeScript loader, before the script. */
  preload?: string[];
  ipc?: boolean;
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** The script is compiled JavaScript: no TypeScript loader (as `npm start` runs the app). */
  compiled?: boolean;
}

/**
 * The app as `npm start` runs it: built (scripts/build.mjs) and started from dist/cli.mjs. A checkout
 * from before the build existed (BENCH_APP_DIR) runs its sources.
 */
export function appScript(dir: string = REPO_ROOT): { script: string; compiled: boolean } {
  if (!existsSync(join(dir, 'scripts', 'build.mjs'))) return { script: 'src/cli.ts', compiled: false };
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
  return { script: 'dist/cli.mjs', compiled: true };
}

export class Child {
  readonly proc: ChildProcess;
  private out = '';
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  /** Log lines at warn level or above (pino JSON lines), counted by message. */
  readonly warnings = new Map<string, number>();

  constructor(readonly options: ChildOptions) {
    const preload = (options.preload ?? []).flatMap((p) => ['--import', p]);
    const loader = options.compiled ? [] : ['--import', 'tsx'];
    const args = [...(options.nodeArgs ?? []), ...loader, ...preload, ...options.args];
    this.proc = spawn(process.execPath, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
    });
    let partial = '';
    this.proc.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      this.keep(text);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.countWarning(line);
    });
    this.proc.stderr?.on('data', (chunk: Buffer) => this.keep(chunk.toString()));
    this.exited = new Promise((resolve) => {
      this.proc.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines the child printed. */
  tail(): string {
    return this.out.trim();
  }

  private keep(text: string): void {
    this.out = (this.out + text).slice(-TAIL_BYTES);
  }

  private countWarning(line: string): void {
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.level! >= 50 ? 'error' : 'warn'}: ${(entry.msg ?? '').slice(0, 160)}`;
        this.warnings.set(key, (this.warnings.get(key) ?? 0) + 1);
      }
    } catch {
      // not a log line
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills at once (used when the bench itself is interrupted). */
  kill(): void {
    if (this.running) this.proc.kill('SIGKILL');
  }

  /** Rejects if the child exits first, with what it printed. */
  failIfExits(): Promise<never> {
    return this.exited.then((code) => {
      throw new Error(`${this.name} exited (code ${code}) before it was ready:\n${this.tail()}`);
    });
  }

  /** CPU seconds (user + system) the child has used so far; NaN where /proc is not available. */
  cpuSeconds(): number {
    return cpuSecondsOf(this.pid);
  }
}

const CLOCK_TICKS = 100;

export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `GET url` until it answers 200; fails early if the child exits. */
export async function waitHealthy(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const exited = child.failIfExits();
  exited.catch(() => undefined);
  for (;;) {
    if (!child.running) await exited;
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`${child.name} did not answer 200 on ${url} within ${timeoutMs} ms:\n${child.tail()}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every child has been (nearly) idle for two samples in a row, so work left over from one
 * round (listeners still running after their ack, Web API calls) does not run into the next.
 */
export async function waitIdle(children: Child[], maxMs = 30_000): Promise<number> {
  const started = Date.now();
  const sampleMs = 250;
  const idleShare = 0.05;
  let quiet = 0;
  let last = children.map((c) => c.cpuSeconds());
  if (last.some(Number.isNaN)) {
    await sleep(1000);
    return Date.now() - started;
  }
  while (quiet < 2 && Date.now() - started < maxMs) {
    await sleep(sampleMs);
    const now = children.map((c) => c.cpuSeconds());
    const busy = now.some((s, i) => s - last[i]! > (sampleMs / 1000) * idleShare);
    quiet = busy ? 0 : quiet + 1;
    last = now;
  }
  return Date.now() - started;
}

/** CPU seconds the whole machine has been busy (all cores), from /proc/stat; NaN elsewhere. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds this process has used. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The app's configuration (src/config.ts): none of the caller's may leak into a child. */
const APP_ENV = /^(SLACK_|DATABASE_|SCHEDULER_|SANDBOX_|DRAFT_|PORT$|HOST$|LOG_LEVEL$)/;

/** This process's environment without the app's settings, plus `vars`. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (APP_ENV.test(key)) delete env[key];
  return { ...env, ...vars };
}

/** The bare Bolt app (bench/ack/bare-bolt.ts), the benches' baseline, against the stand-in at `apiUrl`. */
export function bareBoltChild(apiUrl: string, port: number): Child {
  return new Child({
    name: 'bare Bolt app',
    args: ['bench/ack/bare-bolt.ts'],
    env: childEnv({
      SLACK_BOT_TOKEN: BENCH_TEAM.botToken,
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: apiUrl,
      BOT_ID: BENCH_TEAM.botId,
      BOT_USER_ID: BENCH_TEAM.botUserId,
      PORT: String(port),
      HOST: '127.0.0.1',
    }),
  });
}
