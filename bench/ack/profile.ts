// Where the app's time went under load: self time by function and by area from a V8 CPU profile
// (`--cpu-prof`), and the query trace (query-trace.ts) of the same run.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './children';
import type { QueryTrace } from './query-trace';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function place(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  return path.startsWith(REPO_ROOT) ? relative(REPO_ROOT, path) : path;
}

/** src/<dir>, a package, node internals, or one of V8's pseudo-frames. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const path = place(url);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith('node:')) return 'node internals';
  if (path.startsWith('src/')) return path.split('/').slice(0, 2).join('/');
  return path;
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`.padStart(6);

export function summariseProfile(dir: string, top = 15): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return [`no CPU profile in ${dir}`];
  const profile = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    busy += us;
    const where = place(frame.url);
    const fn = `${frame.functionName || '(anonymous)'}${where ? ` ${where}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const a = area(frame.url, frame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
  }
  // Inclusive time of the app's own functions: every sample counts for each src/ function on its stack
  // (after an await, the stack starts where the async function resumed).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const where = place(frame.url);
      if (!where.startsWith('src/') || !frame.functionName) continue;
      const key = `${frame.functionName} ${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });
  const wall = profile.endTime - profile.startTime;
  const lines = [
    `CPU profile ${files[0]}: ${(busy / 1e6).toFixed(1)} s on the main thread over ${(wall / 1e6).toFixed(1)} s (idle excluded)`,
    'self time by area:',
  ];
  for (const [a, us] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 12))
    lines.push(`  ${pct(us, busy)}  ${a}`);
  if (byArea.has('bench/ack/query-trace.ts'))
    lines.push(
      '  (query-trace.ts wraps the native SQLite calls: its self time is mostly the statements themselves)',
    );
  lines.push(`top ${top} functions by self time:`);
  for (const [fn, us] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, top))
    lines.push(`  ${pct(us, busy)}  ${fn}`);
  lines.push(`top ${top} of the app's functions by inclusive time (what they and their callees cost):`);
  for (const [fn, us] of [...inclusive].sort((x, y) => y[1] - x[1]).slice(0, top))
    lines.push(`  ${pct(us, busy)}  ${fn}`);
  return lines;
}

export function summariseQueries(file: string, requests: number, top = 12): string[] {
  let trace: QueryTrace;
  try {
    trace = JSON.parse(readFileSync(file, 'utf8')) as QueryTrace;
  } catch {
    return [`no query trace at ${file}`];
  }
  const total = trace.statements.reduce((n, [, s]) => n + s.count, 0);
  const ms = trace.statements.reduce((n, [, s]) => n + s.ms, 0);
  const tx = trace.transactions;
  const waits = trace.poolWaits;
  const per = (n: number) => (requests > 0 ? (n / requests).toFixed(1) : '-');
  const avg = (total: number, n: number) => (n ? (total / n).toFixed(1) : '0');
  const lines = [
    `statements: ${total} (${per(total)} per stored submission), ${(ms / 1000).toFixed(1)} s executing in the driver`,
    `transactions: ${tx.count} (${per(tx.count)} per submission), open ${avg(tx.openMs, tx.count)} ms on average ` +
      `(max ${tx.maxOpenMs.toFixed(0)} ms)`,
    ...(waits.count
      ? [
          `waits for a pool connection: ${waits.count}, ${avg(waits.ms, waits.count)} ms on average (max ${waits.maxMs.toFixed(0)} ms)`,
        ]
      : []),
    `top ${top} statements by time (count, per submission, total ms, how many inside a transaction):`,
  ];
  for (const [sql, s] of [...trace.statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
    const text = sql.length > 150 ? `${sql.slice(0, 150)}…` : sql;
    lines.push(
      `  ${String(s.count).padStart(7)} ${per(s.count).padStart(6)} ${s.ms.toFixed(0).padStart(7)}  ${s.inTransaction ? `${s.inTransaction} tx` : '-'}  ${text}`,
    );
  }
  return lines;
}
