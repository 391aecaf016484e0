// Ack latency: how fast the app acknowledges what Slack sends it, against a bare Bolt app measured in the
// same run on the same machine. Three processes besides this one (the load generator): the Slack
// stand-in, the app started as in production (`npm start`: built, then `dist/cli.mjs start`, HTTP mode),
// and the bare Bolt app.
// Rounds alternate between the app and the baseline (A B B A A B …), each after the machine has gone
// quiet, so drift and neighbours' load fall on both sides alike.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MintedIds, memberFor, RequestFactory, type SignedRequest } from './ack/bodies';
import {
  appScript,
  bareBoltChild,
  Child,
  childEnv,
  freePort,
  machineBusySeconds,
  ownCpuSeconds,
  REPO_ROOT,
  waitHealthy,
  waitIdle,
} from './ack/children';
import { percentile, type RoundResult, runRound } from './ack/load';
import { summariseProfile, summariseQueries } from './ack/profile';
import type { CallsMessage, FromStandIn, MintedMessage, ReadyMessage, ToStandIn } from './ack/protocol';
import { compareStored, createPostgresDatabase, storedConversations } from './ack/stored';
import { BENCH_SIGNING_SECRET, BENCH_TEAM } from './ack/workspace';
import type { Check } from './checks';

export type AckPart = 'help' | 'sqlite' | 'postgres';
export const ACK_PARTS: readonly AckPart[] = ['help', 'sqlite', 'postgres'];

export interface AckOptions {
  parts: readonly AckPart[];
  rounds: number;
  /** Length of one measured round. */
  seconds: number;
  /** Length of each side's warm-up (not counted) before a scenario's rounds. */
  warmupSeconds: number;
  connections: number;
  /** Server where a fresh database is created for the Postgres run (and dropped after). */
  postgresUrl: string;
  /** Profile the app (CPU profile and query trace) and keep the files here. */
  profileDir?: string;
  /** Another checkout to run the app from (e.g. to compare commits); default this one. */
  appDir?: string;
}

const TARGETS = {
  helpP99Ratio: 1.3,
  submitP99Ratio: 5,
  submitP99Ms: 1000,
  submitPerSecond: 300,
};

export function ackOptionsFromEnv(parts: readonly AckPart[], profileDir?: string): AckOptions {
  const num = (key: string, fallback: number) => {
    const value = Number(process.env[key] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${key} must be a positive number`);
    return value;
  };
  return {
    parts,
    rounds: Math.ceil(num('BENCH_ACK_ROUNDS', 3)),
    seconds: num('BENCH_ACK_SECONDS', 5),
    warmupSeconds: num('BENCH_ACK_WARMUP_SECONDS', 2),
    connections: Math.ceil(num('BENCH_ACK_CONNECTIONS', 50)),
    postgresUrl: process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
    ...(profileDir ? { profileDir } : {}),
    ...(process.env.BENCH_APP_DIR ? { appDir: resolve(process.env.BENCH_APP_DIR) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every child process and temporary resource is released in `finally`, and on Ctrl-C.

class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> | void }[] = [];
  readonly children = new Set<Child>();
  /** Last resort if this process exits without running the steps (an uncaught error): no orphans. */
  private readonly onExit = () => {
    for (const child of this.children) child.kill();
  };

  constructor() {
    process.on('exit', this.onExit);
  }

  add(label: string, run: () => Promise<void> | void): void {
    this.steps.unshift({ label, run });
  }

  child(child: Child): Child {
    this.children.add(child);
    return child;
  }

  /** Stops the children, then releases what they used (databases, directories), newest first. */
  async run(): Promise<void> {
    await Promise.all([...this.children].map((c) => c.stop()));
    this.children.clear();
    for (const step of this.steps.splice(0)) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup: ${step.label} failed: ${String(error)}`);
      }
    }
    process.off('exit', this.onExit);
  }

  /** Kills the children at once and runs the other steps, for an interrupted bench. */
  async abort(): Promise<void> {
    for (const child of this.children) child.kill();
    await this.run();
  }
}

// ---------------------------------------------------------------------------------------------
// The stand-in child, over IPC.

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class StandInChild {
  private nextId = 1;
  private readonly pending = new Map<number, (message: FromStandIn) => void>();

  private constructor(
    readonly child: Child,
    readonly ready: ReadyMessage,
  ) {
    child.proc.on('message', (message: FromStandIn) => {
      if (message.type === 'ready') return;
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    });
  }

  static async start(cleanup: Cleanup): Promise<StandInChild> {
    const child = cleanup.child(
      new Child({ name: 'Slack stand-in', args: ['bench/ack/stand-in.ts'], ipc: true }),
    );
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      new Promise<ReadyMessage>((resolve) => {
        child.proc.on('message', (m: FromStandIn) => {
          if (m.type === 'ready') resolve(m);
        });
      }),
      child.failIfExits(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the Slack stand-in did not start within 60 s:\n${child.tail()}`)),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return new StandInChild(child, ready);
  }

  private ask<T extends FromStandIn>(message: DistributiveOmit<ToStandIn, 'id'>): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => resolve(m as T));
      this.child.proc.send({ ...message, id }, (error) => error && reject(error));
    });
  }

  mint(users: string[], responseUrls: boolean): Promise<MintedMessage> {
    return this.ask<MintedMessage>({ type: 'mint', users, responseUrls });
  }

  calls(): Promise<CallsMessage> {
    return this.ask<CallsMessage>({ type: 'calls' });
  }
}

// ---------------------------------------------------------------------------------------------
// Targets: the app and the baseline.

type Kind = 'help' | 'submit';

interface Target {
  label: string;
  child: Child;
  url: string;
}

interface Side {
  target: Target;
  latencies: number[];
  seconds: number;
  acknowledged: number;
  answered: number;
  cpuSeconds: number;
  roundP99: number[];
  other: Map<string, number>;
  errors: number;
  timeouts: number;
  sent: number;
  /** Seconds the side (and the stand-in) kept working after its rounds' last answers. */
  tailSeconds: number;
  /** CPU seconds other processes on the machine used during this side's rounds. */
  othersSeconds: number;
  lost: number;
  cutRounds: number;
  /** Acknowledgements per second in the side's last round (warm-up included): sizes the next one. */
  rate: number;
  /** Every acknowledged submission's marker, warm-up included. */
  markers: string[];
  /** Every submission answered with anything but an acknowledgement, warm-up included. */
  refused: Set<string>;
  /** Every submission built for this side (a superset of those sent). */
  built: Set<string>;
}

function newSide(target: Target): Side {
  return {
    target,
    latencies: [],
    seconds: 0,
    acknowledged: 0,
    answered: 0,
    cpuSeconds: 0,
    roundP99: [],
    other: new Map(),
    errors: 0,
    timeouts: 0,
    sent: 0,
    othersSeconds: 0,
    tailSeconds: 0,
    lost: 0,
    cutRounds: 0,
    rate: 0,
    markers: [],
    refused: new Set(),
    built: new Set(),
  };
}

/** Starting guesses of acknowledgements per second, to size the warm-up pools. */
const GUESS: Record<Kind, { app: number; bare: number }> = {
  help: { app: 3500, bare: 3500 },
  submit: { app: 1000, bare: 2000 },
};

class AckBench {
  private next = 0;
  private readonly ids: MintedIds;
  private readonly factory: RequestFactory;
  readonly checks: Check[] = [];
  /** Seconds spent preparing requests and waiting for quiet before rounds. */
  readonly overhead = { building: 0, quiet: 0 };

  constructor(
    private readonly options: AckOptions,
    private readonly cleanup: Cleanup,
    private readonly standIn: StandInChild,
    private readonly bare: Target,
  ) {
    this.ids = new MintedIds(standIn.ready.dms);
    this.factory = new RequestFactory(this.ids, standIn.ready.logView);
  }

  async startApp(label: string, databaseUrl: string): Promise<Target & { profile?: string; trace?: string }> {
    const port = await freePort();
    const profileDir = this.options.profileDir ? join(this.options.profileDir, label) : undefined;
    const trace = profileDir ? join(profileDir, 'queries.json') : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    // As `npm start` runs it (compiled); with --profile from the sources, for the query trace's loader.
    const app = profileDir ? { script: 'src/cli.ts', compiled: false } : appScript(this.options.appDir);
    const child = this.cleanup.child(
      new Child({
        name: `app (${label})`,
        args: [app.script, 'start'],
        compiled: app.compiled,
        ...(this.options.appDir ? { cwd: this.options.appDir } : {}),
        env: childEnv({
          SLACK_BOT_TOKEN: BENCH_TEAM.botToken,
          SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
          SLACK_API_URL: this.standIn.ready.apiUrl,
          DATABASE_URL: databaseUrl,
          SCHEDULER_ENABLED: 'false',
          LOG_LEVEL: 'warn',
          PORT: String(port),
          HOST: '127.0.0.1',
          ...(trace ? { BENCH_QUERY_TRACE: trace } : {}),
        }),
        ...(profileDir
          ? {
              nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
              preload: [pathToFileURL(join(REPO_ROOT, 'bench/ack/query-trace.ts')).href],
            }
          : {}),
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(child, `${url}/healthz`);
    return {
      label: 'app',
      child,
      url,
      ...(profileDir ? { profile: profileDir } : {}),
      ...(trace ? { trace } : {}),
    };
  }

  /** Builds `size` distinct requests, with trigger ids (and response URLs) minted by the stand-in. */
  private async pool(kind: Kind, size: number, side: Side): Promise<SignedRequest[]> {
    const start = this.next;
    this.next += size;
    const users = Array.from({ length: size }, (_, i) => memberFor(start + i));
    const minted = await this.standIn.mint(users, kind === 'help');
    this.ids.load(users, minted.triggers, minted.responseUrls);
    const timestamp = Math.floor(Date.now() / 1000);
    const pool: SignedRequest[] = new Array(size);
    for (let i = 0; i < size; i++) {
      const request =
        kind === 'help'
          ? this.factory.helpCommand(start + i, timestamp)
          : this.factory.logSubmission(start + i, timestamp);
      if (request.marker) side.built.add(request.marker);
      pool[i] = request;
    }
    return pool;
  }

  private async round(
    kind: Kind,
    side: Side,
    app: Target,
    size: number,
    limitSeconds: number,
  ): Promise<RoundResult & { cpuSeconds: number; othersSeconds: number }> {
    const building = performance.now();
    const pool = await this.pool(kind, Math.max(size, this.options.connections * 2), side);
    this.overhead.building += (performance.now() - building) / 1000;
    const watch = [side.target.child, this.standIn.child];
    const ours = [app.child, this.bare.child, this.standIn.child];
    const ourCpu = () => ours.reduce((sum, c) => sum + c.cpuSeconds(), ownCpuSeconds());
    // Nothing left over from the previous round (on either side) may run into this one.
    this.overhead.quiet += (await waitIdle(ours)) / 1000;
    const cpuBefore = side.target.child.cpuSeconds();
    const machineBefore = machineBusySeconds();
    const oursBefore = ourCpu();
    const result = await runRound({
      url: side.target.url,
      pool,
      limitSeconds,
      connections: this.options.connections,
      // A submission is acknowledged with an empty body; anything else (e.g. response_action: errors)
      // means the bench sent something the app refused.
      acceptable: kind === 'submit' ? (body) => body === '' : () => true,
    });
    // CPU the rest of the machine (other processes) used while this round ran.
    const othersSeconds = machineBusySeconds() - machineBefore - (ourCpu() - oursBefore);
    // Work the round caused after its acks (DMs, App Home) is the app's cost too: wait for it.
    side.tailSeconds += (await waitIdle(watch)) / 1000;
    const cpuSeconds = side.target.child.cpuSeconds() - cpuBefore;
    if (result.acknowledged > 0) side.rate = result.acknowledged / result.seconds;
    side.markers.push(...result.acknowledgedMarkers);
    for (const marker of result.refusedMarkers) side.refused.add(marker);
    return { ...result, cpuSeconds, othersSeconds };
  }

  private record(side: Side, result: RoundResult & { cpuSeconds: number; othersSeconds: number }): void {
    side.othersSeconds += Math.max(0, result.othersSeconds);
    side.latencies.push(...result.latencies);
    side.seconds += result.seconds;
    side.sent += result.sent;
    side.acknowledged += result.acknowledged;
    side.answered += result.answered;
    side.cpuSeconds += result.cpuSeconds;
    side.roundP99.push(percentile(result.latencies, 99));
    side.errors += result.errors;
    side.timeouts += result.timeouts;
    side.lost += result.lost;
    if (result.cutShort) side.cutRounds++;
    for (const [k, n] of result.other) side.other.set(k, (side.other.get(k) ?? 0) + n);
  }

  /**
   * A timed warm-up per side (JIT, connection pools, caches; not counted, and it gives the rate that
   * sizes the rounds), then alternating measured rounds: A B, B A, A B, … Each measured round sends
   * about `seconds` worth of requests at the side's last rate and waits for every answer.
   */
  async scenario(kind: Kind, app: Target): Promise<{ app: Side; bare: Side }> {
    const { rounds, seconds, warmupSeconds, connections } = this.options;
    const sides = { app: newSide(app), bare: newSide(this.bare) };
    await this.standIn.calls(); // start counting the app's Web API calls from here
    for (const key of ['app', 'bare'] as const) {
      const side = sides[key];
      const size = Math.ceil(GUESS[kind][key] * warmupSeconds);
      const result = await this.round(kind, side, app, size, warmupSeconds);
      if (result.acknowledged === 0 && result.answered > 0) {
        const other = [...result.other].map(([k, n]) => `${n}× ${k}`).join(', ');
        throw new Error(
          `${side.target.label} acknowledged nothing in the warm-up (${other}):\n${side.target.child.tail()}`,
        );
      }
      // Nothing answered yet: slower than the warm-up is long; the first round starts small.
      if (result.acknowledged === 0) side.rate = connections / (2 * warmupSeconds);
    }
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
      for (const key of order) {
        const side = sides[key];
        const size = Math.round(side.rate * seconds);
        // The limit leaves room for the slowest answer (the 10 s timeout) after the last request.
        this.record(side, await this.round(kind, side, app, size, 2 * seconds + 11));
      }
    }
    return sides;
  }

  async help(app: Target): Promise<void> {
    const sides = await this.scenario('help', app);
    this.print('/coach help', sides);
    const ratio = p99(sides.app) / p99(sides.bare);
    this.checks.push(
      {
        name: '/coach help ack: app p99 vs bare Bolt p99',
        ok: ratio <= TARGETS.helpP99Ratio,
        measured: `${ratio.toFixed(2)}×`,
        target: `≤ ${TARGETS.helpP99Ratio}×`,
        detail: `${ms(p99(sides.app))} vs ${ms(p99(sides.bare))}`,
      },
      ...this.answeredEverything('/coach help', sides),
    );
  }

  /** Runs the submission scenario; returns how many conversations the app stored in it. */
  async submissions(database: 'SQLite' | 'Postgres', app: Target, databaseUrl: string): Promise<number> {
    const sides = await this.scenario('submit', app);
    const calls = await this.standIn.calls();
    this.print(`log-modal submission, ${database}`, sides);
    const apiCalls = Object.entries(calls.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(', ');
    console.log(`  Web API calls the app made meanwhile: ${apiCalls || 'none'}`);
    const failures = Object.entries(calls.failures);
    if (failures.length > 0)
      console.log(`  …answered with errors: ${failures.map(([k, n]) => `${k} ×${n}`).join(', ')}`);

    const ratio = p99(sides.app) / p99(sides.bare);
    const rate = sides.app.acknowledged / sides.app.seconds;
    const stored = compareStored(
      sides.app.markers,
      sides.app.refused,
      sides.app.built,
      await storedConversations(databaseUrl),
    );
    const exact = stored.storedOnce === stored.acknowledged && stored.doubled === 0 && stored.foreign === 0;
    const name = `log-modal submission (${database})`;
    this.checks.push(
      {
        name: `${name}: app p99 vs bare Bolt p99`,
        ok: ratio <= TARGETS.submitP99Ratio,
        measured: `${ratio.toFixed(1)}×`,
        target: `≤ ${TARGETS.submitP99Ratio}×`,
        detail: `${ms(p99(sides.app))} vs ${ms(p99(sides.bare))}`,
      },
      {
        name: `${name}: app p99`,
        ok: p99(sides.app) < TARGETS.submitP99Ms,
        measured: ms(p99(sides.app)),
        target: `< ${TARGETS.submitP99Ms} ms`,
      },
    );
    if (database === 'SQLite') {
      this.checks.push({
        name: `${name}: sustained throughput`,
        ok: rate >= TARGETS.submitPerSecond,
        measured: `${rate.toFixed(0)} submissions/s`,
        target: `≥ ${TARGETS.submitPerSecond}/s`,
        detail: `${this.options.connections} connections`,
      });
    }
    this.checks.push(
      {
        name: `${name}: stored exactly once`,
        ok: exact,
        measured: `${stored.storedOnce} of ${stored.acknowledged} acknowledged (warm-ups included)`,
        target: 'all, once each',
        detail:
          [
            stored.missing ? `${stored.missing} missing` : '',
            stored.doubled ? `${stored.doubled} stored twice or more` : '',
            stored.foreign ? `${stored.foreign} conversations no submission explains` : '',
            stored.storedRefused
              ? `${stored.storedRefused} stored although the member was answered with an error`
              : '',
            stored.storedUnanswered
              ? `plus ${stored.storedUnanswered} stored whose answer never came (cut off when a warm-up ended, or timed out)`
              : '',
          ]
            .filter(Boolean)
            .join('; ') || undefined,
      },
      ...this.answeredEverything(name, sides),
    );
    return stored.stored;
  }

  /** Every request must have been acknowledged: by the app (a target), and by the baseline (or the bench is wrong). */
  private answeredEverything(name: string, sides: { app: Side; bare: Side }): Check[] {
    return (['app', 'bare'] as const).map((key) => {
      const side = sides[key];
      const bad = [...side.other].map(([k, n]) => `${n}× ${k}`);
      if (side.errors) bad.push(`${side.errors} connection errors`);
      if (side.timeouts) bad.push(`${side.timeouts} timeouts (10 s)`);
      if (side.lost) bad.push(`${side.lost} requests lost with their connection`);
      if (side.cutRounds) bad.push(`${side.cutRounds} round(s) still unanswered at the time limit`);
      return {
        name: `${name}: ${key === 'app' ? 'app' : 'bare Bolt (bench validity)'} acknowledged every request`,
        ok: bad.length === 0,
        measured: `${side.acknowledged} of ${side.answered} answers`,
        target: 'all 2xx acks',
        ...(bad.length ? { detail: bad.join(', ') } : {}),
      };
    });
  }

  private print(title: string, sides: { app: Side; bare: Side }): void {
    const { rounds, seconds, connections, warmupSeconds } = this.options;
    console.log(
      `\n${title}: ${connections} connections, ${rounds} rounds of about ${seconds} s per side, alternating, ` +
        `each waiting for every answer (after ${warmupSeconds} s of warm-up per side, not counted)`,
    );
    console.log(
      `  ${'side'.padEnd(10)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'acks/s'.padStart(8)} ` +
        `${'acks'.padStart(7)} ${'seconds'.padStart(7)} ${'CPU/req'.padStart(10)}  p99 by round`,
    );
    for (const side of [sides.app, sides.bare]) {
      const label = side === sides.app ? 'app' : 'bare Bolt';
      const rate = side.acknowledged / side.seconds;
      // CPU per request sent, work after the ack included (the app's DMs and App Home).
      const cpu = side.sent ? (1000 * side.cpuSeconds) / side.sent : Number.NaN;
      console.log(
        `  ${label.padEnd(10)} ${ms(percentile(side.latencies, 50)).padStart(9)} ${ms(p99(side)).padStart(9)} ` +
          `${rate.toFixed(0).padStart(8)} ${String(side.acknowledged).padStart(7)} ${side.seconds.toFixed(1).padStart(7)} ` +
          `${`${cpu.toFixed(2)} ms`.padStart(10)}  ${side.roundP99.map(ms).join(' · ')}`,
      );
    }
    const ratios = sides.app.roundP99.map((p, i) => (p / sides.bare.roundP99[i]!).toFixed(2));
    console.log(`  app p99 / bare Bolt p99, round by round: ${ratios.join(' · ')}`);
    console.log(
      `  after their last answers, the app's rounds kept it busy ${sides.app.tailSeconds.toFixed(1)} s more in all ` +
        `(work queued after acks), the baseline's ${sides.bare.tailSeconds.toFixed(1)} s`,
    );
    const others = (side: Side) => (side.seconds > 0 ? side.othersSeconds / side.seconds : Number.NaN);
    if (Number.isFinite(others(sides.app)))
      console.log(
        `  other processes on this machine used ${others(sides.app).toFixed(2)} cores during the app's rounds, ` +
          `${others(sides.bare).toFixed(2)} during the baseline's (of ${availableParallelism()})`,
      );
  }
}

const p99 = (side: Side) => percentile(side.latencies, 99);

function ms(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export async function ackBench(options: AckOptions): Promise<Check[]> {
  const cleanup = new Cleanup();
  const interrupted = async () => {
    console.error('\ninterrupted: stopping the bench processes');
    await cleanup.abort();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  try {
    const standIn = await StandInChild.start(cleanup);
    const barePort = await freePort();
    const bareChild = cleanup.child(bareBoltChild(standIn.ready.apiUrl, barePort));
    const bare: Target = { label: 'bare Bolt', child: bareChild, url: `http://127.0.0.1:${barePort}` };
    await waitHealthy(bareChild, `${bare.url}/healthz`);
    const bench = new AckBench(options, cleanup, standIn, bare);
    if (options.appDir) console.log(`the app runs from ${options.appDir}`);

    const run = async (
      label: string,
      databaseUrl: string,
      /** Returns how many submissions the app stored. */
      work: (app: Target) => Promise<number>,
    ): Promise<void> => {
      const app = await bench.startApp(label, databaseUrl);
      let stored = 0;
      try {
        stored = await work(app);
      } finally {
        await app.child.stop();
        cleanup.children.delete(app.child);
        reportWarnings(app.child);
      }
      if (app.profile) {
        console.log(`\nprofile of the app under load (${label}; kept in ${app.profile}):`);
        for (const line of summariseProfile(app.profile)) console.log(`  ${line}`);
        for (const line of summariseQueries(app.trace!, stored)) console.log(`  ${line}`);
      }
    };

    if (options.parts.includes('help') || options.parts.includes('sqlite')) {
      const dir = mkdtempSync(join(tmpdir(), 'coach-bench-ack-'));
      cleanup.add('remove the SQLite directory', () => rmSync(dir, { recursive: true, force: true }));
      const url = `file:${join(dir, 'coach.db')}`;
      await run('sqlite', url, async (app) => {
        if (options.parts.includes('help')) await bench.help(app);
        if (!options.parts.includes('sqlite')) return 0;
        return bench.submissions('SQLite', app, url);
      });
    }
    if (options.parts.includes('postgres')) {
      let database: { url: string; drop: () => Promise<void> } | undefined;
      try {
        database = await createPostgresDatabase(options.postgresUrl);
      } catch (error) {
        bench.checks.push({
          name: 'log-modal submission (Postgres)',
          ok: false,
          measured: 'not run',
          target: 'a reachable server',
          detail: `cannot create a database at TEST_DATABASE_URL (or the default local server): ${String(error)}`,
        });
      }
      if (database) {
        cleanup.add('drop the Postgres database', database.drop);
        const url = database.url;
        await run('postgres', url, async (app) => bench.submissions('Postgres', app, url));
      }
    }
    console.log(
      `\nack bench: ${((performance.now() - started) / 1000).toFixed(0)} s (of which preparing requests ` +
        `${bench.overhead.building.toFixed(0)} s, waiting for quiet ${bench.overhead.quiet.toFixed(0)} s); load average ` +
        `${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${availableParallelism()} cores\n`,
    );
    return bench.checks;
  } finally {
    await cleanup.run();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

function reportWarnings(child: Child): void {
  if (child.warnings.size === 0) return;
  console.log(`  ${child.name} logged:`);
  for (const [message, n] of [...child.warnings].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${String(n).padStart(6)}× ${message}`);
}
