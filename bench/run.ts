// Benchmarks: each compares against a baseline measured in the same run and prints its targets.
// `npm run bench` runs them all and exits non-zero when a target is missed; name some to run only
// those: `npm run bench -- sweep`, `npm run bench -- start`, `npm run bench -- ack` (or one part:
// ack:help, ack:sqlite, ack:postgres). `--profile[=dir]` also profiles the app under the ack bench's load.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACK_PARTS, type AckPart, ackBench, ackOptionsFromEnv } from './ack';
import { type Check, printChecks } from './checks';
import { deliveryBench } from './delivery';
import { startBench, startOptionsFromEnv } from './start';
import { sweepOptionsFromEnv, sweepScaling } from './sweep';

const USAGE = `usage: npm run bench -- [sweep] [start] [delivery] [ack | ack:help | ack:sqlite | ack:postgres] [--profile[=dir]]`;

const args = process.argv.slice(2);
let profileDir: string | undefined;
const names: string[] = [];
for (const arg of args) {
  if (arg === '--profile') profileDir = mkdtempSync(join(tmpdir(), 'coach-bench-profile-'));
  else if (arg.startsWith('--profile=')) profileDir = resolve(arg.slice('--profile='.length));
  else if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else names.push(arg);
}

const runSweep = names.length === 0 || names.includes('sweep');
const runStart = names.length === 0 || names.includes('start');
const runDelivery = names.length === 0 || names.includes('delivery');
const ackParts: AckPart[] =
  names.length === 0 || names.includes('ack')
    ? [...ACK_PARTS]
    : ACK_PARTS.filter((part) => names.includes(`ack:${part}`));
const unknown = names.filter(
  (n) =>
    n !== 'sweep' &&
    n !== 'start' &&
    n !== 'delivery' &&
    n !== 'ack' &&
    !ACK_PARTS.some((p) => n === `ack:${p}`),
);
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}\n${USAGE}`);
  process.exit(2);
}

// Settings from the environment, checked before anything runs.
let sweepOptions: ReturnType<typeof sweepOptionsFromEnv> | undefined;
let startOptions: ReturnType<typeof startOptionsFromEnv> | undefined;
try {
  if (runSweep) sweepOptions = sweepOptionsFromEnv();
  if (runStart) startOptions = startOptionsFromEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const checks: Check[] = [];
if (sweepOptions) checks.push(...(await sweepScaling(sweepOptions)));
if (startOptions) checks.push(...(await startBench(startOptions)));
if (runDelivery) checks.push(...(await deliveryBench()));
if (ackParts.length > 0) {
  if (profileDir)
    console.log(`profiling the app under load (figures are not comparable with unprofiled runs)`);
  checks.push(...(await ackBench(ackOptionsFromEnv(ackParts, profileDir))));
}
const failed = printChecks(checks);
process.exit(failed === 0 ? 0 : 1);
