// Memory and start: the app started as in production (`npm start`: built, then `dist/cli.mjs start`, HTTP mode, the scheduler on
// as by default, `LOG_LEVEL=warn`) on a database of 100,000 members and 1,000,000 contacts (plus a
// conversation and a nudge per member; bench/bulk-seed.ts), on SQLite and on Postgres, against the
// Slack stand-in (in this process) and a bare Bolt app (bench/ack/bare-bolt.ts) started the same way.
// - Cold start to first ack: from spawning the process to the first 2xx answer to a signed
//   `/coach help`, posted every 5 ms from the spawn on (a fresh request each time). App and bare Bolt
//   alternate (A B, B A, …) after one start each that is not counted (the loader's compile cache and
//   the page cache are warm, as on a restart); the median of each, and their ratio. Target ≤ 1.5 s.
// - Memory: the app's resident set (VmRSS from /proc), sampled every 100 ms from its first ack on
//   while it serves an App Home open and a `/coach help` for each of 100 members (every Home
//   published) and until its scheduler's next sweep has run (cron fires on the minute): the largest
//   seen, target ≤ 200 MB. Also printed: the peak of its whole life (VmHWM, the start included) and
//   the bare Bolt app's after the same /coach helps.
// Settings: BENCH_START_MEMBERS (100000), BENCH_START_CONTACTS (contacts per member, 10),
// BENCH_START_RUNS (measured starts per side, 5), BENCH_START_DATABASES ("sqlite,postgres"),
// TEST_DATABASE_URL (the Postgres server; a fresh database, dropped after).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { createSlackStandIn, type SlackStandIn } from '../src/sandbox';
import { SlackDriver, signature } from '../src/sandbox/slack-driver';
import { appScript, bareBoltChild, Child, childEnv, freePort, sleep, waitIdle } from './ack/children';
import { createPostgresDatabase } from './ack/stored';
import { BENCH_SIGNING_SECRET, BENCH_TEAM, BENCH_USERS } from './ack/workspace';
import { bulkSeed, type Dialect, formatSeed, memberId, openRaw } from './bulk-seed';
import type { Check } from './checks';

const TARGETS = { coldStartMs: 1500, rssMb: 200 };
const LABEL: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'Postgres' };

export interface StartOptions {
  members: number;
  contactsPerMember: number;
  runs: number;
  databases: Dialect[];
  postgresUrl: string;
}

export function startOptionsFromEnv(): StartOptions {
  const whole = (key: string, fallback: number, least: number) => {
    const value = Number((process.env[key] || String(fallback)).replace(/_/g, ''));
    if (!Number.isInteger(value) || value < least)
      throw new Error(`${key} must be a whole number ≥ ${least}`);
    return value;
  };
  const databases = (process.env.BENCH_START_DATABASES || 'sqlite,postgres')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of databases)
    if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_START_DATABASES: unknown database ${d}`);
  return {
    members: whole('BENCH_START_MEMBERS', 100_000, BENCH_USERS.length),
    contactsPerMember: whole('BENCH_START_CONTACTS', 10, 1),
    runs: whole('BENCH_START_RUNS', 5, 1),
    databases: databases as Dialect[],
    postgresUrl: process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
  };
}

interface Side {
  label: 'app' | 'bare Bolt';
  spawn: (port: number) => Child;
}

/** Resident set and its peak, in MB, from /proc/<pid>/status. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** The largest resident set seen, sampled every 100 ms until stopped. */
class RssSampler {
  max = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(pid: number) {
    this.timer = setInterval(() => {
      try {
        this.max = Math.max(this.max, memoryOf(pid).rss);
      } catch {
        // the process has exited
      }
    }, 100);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const mb = (n: number) => `${n.toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

class StartBench {
  private readonly driverFor: (port: number) => SlackDriver;
  /** The app as `npm start` runs it: built once, started from dist/. */
  private readonly appScript = appScript();

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly apiUrl: string,
  ) {
    this.driverFor = (port) =>
      new SlackDriver({
        appUrl: `http://127.0.0.1:${port}`,
        signingSecret: BENCH_SIGNING_SECRET,
        slack: standIn,
        teamId: BENCH_TEAM.id,
        teamDomain: BENCH_TEAM.domain,
        appId: BENCH_TEAM.appId,
      });
  }

  app(databaseUrl: string, dialect: Dialect): Side {
    return {
      label: 'app',
      spawn: (port) =>
        new Child({
          name: `app (${LABEL[dialect]})`,
          args: [this.appScript.script, 'start'],
          compiled: this.appScript.compiled,
          env: childEnv({
            SLACK_BOT_TOKEN: BENCH_TEAM.botToken,
            SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
            SLACK_API_URL: this.apiUrl,
            DATABASE_URL: databaseUrl,
            LOG_LEVEL: 'warn',
            PORT: String(port),
            HOST: '127.0.0.1',
          }),
        }),
    };
  }

  bare(): Side {
    return {
      label: 'bare Bolt',
      spawn: (port) => bareBoltChild(this.apiUrl, port),
    };
  }

  /** A signed `/coach help` as Slack sends it (fresh trigger id and response URL), posted once. */
  private async help(port: number, user: string): Promise<number> {
    const body = new URLSearchParams(this.driverFor(port).commandFields(user, 'help')).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(BENCH_SIGNING_SECRET, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Spawns the side and posts `/coach help` every 5 ms until one is acknowledged (2xx). */
  async coldStart(side: Side): Promise<{ ms: number; child: Child; port: number }> {
    const port = await freePort();
    const user = BENCH_USERS[0]!.id;
    const started = performance.now();
    const child = side.spawn(port);
    const exited = child.failIfExits();
    exited.catch(() => undefined);
    try {
      for (;;) {
        if (!child.running) await exited;
        const status = await this.help(port, user).catch(() => 0);
        if (status >= 200 && status < 300) return { ms: performance.now() - started, child, port };
        if (status !== 0)
          throw new Error(`${side.label} answered ${status} to /coach help:\n${child.tail()}`);
        if (performance.now() - started > 60_000)
          throw new Error(`${side.label} acknowledged nothing within 60 s:\n${child.tail()}`);
        await sleep(5);
      }
    } catch (error) {
      await child.stop();
      throw error;
    }
  }

  /** An App Home open and a /coach help for each bench member, eight at a time; every Home published. */
  async serve(child: Child, port: number, homes: boolean): Promise<number> {
    const driver = this.driverFor(port);
    this.standIn.clearCalls();
    let bad = 0;
    const queue = [...BENCH_USERS];
    const one = async () => {
      for (let user = queue.shift(); user; user = queue.shift()) {
        const dm = this.standIn.dmChannelFor(BENCH_TEAM.id, user.id);
        if (homes) {
          const home = await driver.event({
            type: 'app_home_opened',
            user: user.id,
            channel: dm,
            tab: 'home',
          });
          if (home.status !== 200) bad++;
        }
        const help = await driver.command(user.id, 'help');
        if (help.status !== 200) bad++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, one));
    if (bad > 0) throw new Error(`${bad} requests were not acknowledged:\n${child.tail()}`);
    if (homes) {
      // The Home is published after the ack, coalesced per member: wait until each member's is there.
      const deadline = Date.now() + 60_000;
      const published = () =>
        new Set(this.standIn.callsTo('views.publish').map((c) => String(c.args?.user_id ?? ''))).size;
      while (published() < BENCH_USERS.length) {
        if (Date.now() > deadline)
          throw new Error(
            `only ${published()} of ${BENCH_USERS.length} App Homes were published:\n${child.tail()}`,
          );
        await sleep(50);
      }
    }
    await waitIdle([child]);
    return homes ? 2 * BENCH_USERS.length : BENCH_USERS.length;
  }
}

async function prepareDatabase(
  dialect: Dialect,
  options: StartOptions,
): Promise<{ url: string; seed: string; release: () => Promise<void> }> {
  let url: string;
  let release: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'coach-bench-start-'));
    url = `file:${join(dir, 'coach.db')}`;
    release = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const created = await createPostgresDatabase(options.postgresUrl);
    url = created.url;
    release = created.drop;
  }
  try {
    await (await openDatabase(url)).close(); // applies the migrations
    const raw = await openRaw(url);
    try {
      const seed = await bulkSeed(raw, {
        workspaceId: BENCH_TEAM.id,
        members: options.members,
        contactsPerMember: options.contactsPerMember,
        now: new Date(),
      });
      // The first members are the stand-in's, so their requests find their data.
      for (const [i, user] of BENCH_USERS.entries())
        await raw.exec(`UPDATE "Member" SET "slackUserId" = $1 WHERE "id" = $2`, [user.id, memberId(i)]);
      return { url, seed: formatSeed(seed), release };
    } finally {
      await raw.close();
    }
  } catch (error) {
    await release();
    throw error;
  }
}

async function measure(
  bench: StartBench,
  dialect: Dialect,
  options: StartOptions,
  children: Set<Child>,
): Promise<Check[]> {
  const database = await prepareDatabase(dialect, options);
  const sizes = `${options.members.toLocaleString('en')} members and ${(options.members * options.contactsPerMember).toLocaleString('en')} contacts`;
  console.log(`start, ${LABEL[dialect]}: ${sizes}, ${database.seed}`);
  try {
    const sides = [bench.app(database.url, dialect), bench.bare()];
    const starts = new Map<Side, number[]>(sides.map((s) => [s, []]));
    const once = async (side: Side) => {
      const { ms, child } = await bench.coldStart(side);
      children.add(child);
      await child.stop();
      children.delete(child);
      return ms;
    };
    for (const side of sides) await once(side); // warm-up, not counted
    for (let r = 0; r < options.runs; r++) {
      for (const side of r % 2 === 0 ? sides : [...sides].reverse()) starts.get(side)!.push(await once(side));
    }
    const [app, bare] = sides as [Side, Side];
    const appMs = median(starts.get(app)!);
    const bareMs = median(starts.get(bare)!);

    // Memory: sampled every 100 ms from the first ack on, while the app serves the requests and
    // until its scheduler's next sweep has run; and the peak of the whole life (start included).
    const run = await bench.coldStart(app);
    children.add(run.child);
    const sampler = new RssSampler(run.child.pid);
    let afterRequests: number;
    let afterSweep: number;
    let lifePeak: number;
    let served: number;
    try {
      served = await bench.serve(run.child, run.port, true);
      afterRequests = memoryOf(run.child.pid).rss;
      // node-cron fires on the minute: wait past the next one, then for the sweep to finish.
      await sleep(60_000 - (Date.now() % 60_000) + 1_000);
      await waitIdle([run.child]);
      afterSweep = memoryOf(run.child.pid).rss;
      lifePeak = memoryOf(run.child.pid).peak;
      if (run.child.warnings.size > 0)
        console.log(`  the app logged: ${[...run.child.warnings].map(([k, n]) => `${n}× ${k}`).join('; ')}`);
    } finally {
      sampler.stop();
      await run.child.stop();
      children.delete(run.child);
    }
    const bareRun = await bench.coldStart(bare);
    children.add(bareRun.child);
    let bareMemory: { rss: number; peak: number };
    try {
      await bench.serve(bareRun.child, bareRun.port, false);
      bareMemory = memoryOf(bareRun.child.pid);
    } finally {
      await bareRun.child.stop();
      children.delete(bareRun.child);
    }
    const running = Math.max(sampler.max, afterRequests, afterSweep);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    return [
      {
        name: `cold start to first ack (${LABEL[dialect]}, ${sizes})`,
        ok: appMs <= TARGETS.coldStartMs,
        measured: `${appMs.toFixed(0)} ms, ${(appMs / bareMs).toFixed(2)}× bare Bolt's ${bareMs.toFixed(0)} ms`,
        target: `≤ ${TARGETS.coldStartMs} ms`,
        detail: `median of ${options.runs} each; app ${list(starts.get(app)!)} ms, bare Bolt ${list(starts.get(bare)!)} ms`,
      },
      {
        name: `memory of the running app (${LABEL[dialect]}, ${sizes})`,
        ok: running <= TARGETS.rssMb,
        measured: `${mb(running)} RSS at most while serving`,
        target: `≤ ${TARGETS.rssMb} MB`,
        detail:
          `${mb(afterRequests)} after ${served} requests (an App Home and a /coach help for ` +
          `${BENCH_USERS.length} members), ${mb(afterSweep)} after a scheduler sweep, ${mb(lifePeak)} at ` +
          `the peak of its start; bare Bolt ${mb(bareMemory.rss)} after ${BENCH_USERS.length} /coach helps ` +
          `(${mb(bareMemory.peak)} at its peak)`,
      },
    ];
  } finally {
    await database.release();
  }
}

export async function startBench(options: StartOptions): Promise<Check[]> {
  const children = new Set<Child>();
  const onExit = () => {
    for (const child of children) child.kill();
  };
  process.on('exit', onExit);
  const standIn = createSlackStandIn({ teams: [BENCH_TEAM], users: BENCH_USERS });
  const checks: Check[] = [];
  try {
    const { apiUrl } = await standIn.listen(0, '127.0.0.1');
    const bench = new StartBench(standIn, apiUrl);
    for (const dialect of options.databases) {
      try {
        checks.push(...(await measure(bench, dialect, options, children)));
      } catch (error) {
        checks.push({
          name: `memory and start (${LABEL[dialect]})`,
          ok: false,
          measured: 'not run',
          target: `≤ ${TARGETS.coldStartMs} ms to first ack, ≤ ${TARGETS.rssMb} MB`,
          detail: String(error instanceof Error ? error.message : error),
        });
      }
    }
    return checks;
  } finally {
    for (const child of children) await child.stop();
    await standIn.close();
    process.off('exit', onExit);
  }
}
