// One worker of the delivery bench, in a process of its own as each `coach worker` is: once told to
// start, it sweeps back to back (each sweep planning its rolling pass first, as the scheduler's do)
// on the bench's clock until no thank-you is left to send, then reports its sweeps and the 429s it
// met. Started by bench/delivery.ts over IPC; not meant to be run by hand.
import type { WebClient } from '@slack/web-api';
import { openDatabase } from '../src/db/client';
import { createLogger } from '../src/log';
import type { PlanCursor } from '../src/nudges/plan';
import { createDeliveryClient } from '../src/nudges/slack';
import { runSweep } from '../src/nudges/sweep';

export interface WorkerStart {
  databaseUrl: string;
  apiUrl: string;
  token: string;
  /** The sweeps' clock: `now` at `epoch` (Date.now() of every process on this machine). */
  now: number;
  epoch: number;
  /** Date.now() after which the worker gives up. */
  deadline: number;
}

export interface RateLimitSeen {
  /** When the request went out, and when its 429 came back (Date.now()). */
  sentAt: number;
  at: number;
  retryAfterMs: number;
}

export interface WorkerResult {
  /** Each sweep: from and to (s on the bench's clock) and how many it sent. */
  sweeps: { from: number; to: number; sent: number }[];
  limited: RateLimitSeen[];
}

async function work(start: WorkerStart): Promise<WorkerResult> {
  const database = await openDatabase(start.databaseUrl, { migrate: false, poolSize: 4 });
  const limited: RateLimitSeen[] = [];
  const real = createDeliveryClient({ token: start.token, slackApiUrl: start.apiUrl });
  const slack = {
    ...real,
    chat: {
      postMessage: async (args: Parameters<WebClient['chat']['postMessage']>[0]) => {
        const sentAt = Date.now();
        try {
          return await real.chat.postMessage(args);
        } catch (error) {
          const e = error as { code?: string; retryAfter?: number };
          if (e.code === 'slack_webapi_rate_limited_error')
            limited.push({ sentAt, at: Date.now(), retryAfterMs: (e.retryAfter ?? 0) * 1000 });
          throw error;
        }
      },
    },
  } as unknown as WebClient;
  const log = createLogger('silent');
  const now = () => new Date(start.now + (Date.now() - start.epoch));
  const seconds = () => (Date.now() - start.epoch) / 1000;
  const left = () =>
    database.db.nudge.count({ where: { kind: 'thank_you', status: { in: ['pending', 'sending'] } } });
  const cursor: PlanCursor = { afterId: null };
  const sweeps: WorkerResult['sweeps'] = [];
  try {
    for (;;) {
      const from = seconds();
      const report = await runSweep({
        now: now(),
        db: database.db,
        slack,
        log,
        plan: { cursor },
        deliver: {},
      });
      sweeps.push({ from, to: seconds(), sent: report.sent.length });
      if (report.sent.length === 0) {
        if ((await left()) === 0 || Date.now() > start.deadline) break;
        // Nothing this worker could send now: back a moment later, as the next tick would.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await database.close();
  }
  return { sweeps, limited };
}

const send = (message: unknown) => process.send?.(message);
process.once('message', (start: WorkerStart) => {
  work(start).then(
    (result) => {
      send({ result });
      process.disconnect?.();
    },
    (error: unknown) => {
      send({ error: String(error) });
      process.disconnect?.();
    },
  );
});
send({ ready: true });
