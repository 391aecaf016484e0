// One round of load: autocannon keeps `connections` requests in flight and sends each request of a pool
// built beforehand exactly once. A round ends when the pool is used up and every request has been
// answered (so no slow answer is left out of the figures), or when `limitSeconds` is up (then requests
// still in flight are cut off; warm-ups end that way).
import autocannon from 'autocannon';
import type { SignedRequest } from './bodies';

export interface RoundResult {
  /** Milliseconds, one per answered request. */
  latencies: number[];
  /** From the first request to the last answer. */
  seconds: number;
  sent: number;
  answered: number;
  /** 2xx with the body the request type expects (see `acceptable`). */
  acknowledged: number;
  /** Markers of the acknowledged requests that carry one. */
  acknowledgedMarkers: string[];
  /** Markers of requests answered with anything but an acknowledgement. */
  refusedMarkers: string[];
  /** Status (or "200 <body>") of answers that were not an acknowledgement, with counts. */
  other: Map<string, number>;
  errors: number;
  timeouts: number;
  /** True when the time limit ended the round with requests in flight. */
  cutShort: boolean;
  /** Sent, but neither answered nor timed out, in a round that was not cut short (a dropped connection). */
  lost: number;
}

export interface RoundOptions {
  url: string;
  pool: SignedRequest[];
  limitSeconds: number;
  connections: number;
  /** Whether a 2xx answer's body is an acknowledgement (e.g. a submission's ack is empty). */
  acceptable: (body: string) => boolean;
}

export function runRound(options: RoundOptions): Promise<RoundResult> {
  const { pool } = options;
  if (pool.length < options.connections) throw new Error('the pool is smaller than the connection count');
  const latencies: number[] = [];
  const acknowledgedMarkers: string[] = [];
  const refusedMarkers: string[] = [];
  const other = new Map<string, number>();
  let acknowledged = 0;
  let next = 0;
  let stoppedByTimer = false;

  return new Promise((resolve, reject) => {
    const started = performance.now();
    let lastAnswer = started;
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        // Each connection sends its share of the pool, then closes once its last answer is in.
        amount: pool.length,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/slack/events',
            setupRequest: (request, context) => {
              const item = pool[next++];
              if (!item) throw new Error('request pool overrun');
              context.marker = item.marker;
              return { ...request, headers: item.headers, body: item.body };
            },
            onResponse: (status, body, context) => {
              if (status >= 200 && status < 300 && options.acceptable(body)) {
                acknowledged++;
                if (typeof context.marker === 'string') acknowledgedMarkers.push(context.marker);
              } else {
                if (typeof context.marker === 'string') refusedMarkers.push(context.marker);
                const key =
                  status >= 200 && status < 300 ? `${status} ${body.slice(0, 120)}` : String(status);
                other.set(key, (other.get(key) ?? 0) + 1);
              }
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error);
        const unanswered = next - latencies.length - result.timeouts;
        const cutShort = stoppedByTimer && unanswered > 0;
        resolve({
          latencies,
          seconds: (lastAnswer - started) / 1000,
          sent: next,
          answered: latencies.length,
          acknowledged,
          acknowledgedMarkers,
          refusedMarkers,
          other,
          errors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          cutShort,
          lost: cutShort ? 0 : Math.max(0, unanswered),
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      lastAnswer = performance.now();
    });
    const timer = setTimeout(() => {
      stoppedByTimer = true;
      instance.stop();
    }, options.limitSeconds * 1000);
  });
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
