// The HTTP side of the app: POST /slack/events (every Slack request), plus plain routes (health,
// OAuth, sandbox). It reads the raw body within a size limit, verifies Slack's signature, checks the
// envelope before Bolt sees it, and hands the request to `dispatch`, which guarantees an answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import { isValidSlackRequest } from '@slack/bolt';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { Log } from '../log';
import { scrubTokens } from '../log';
import { dispatch } from './pipeline/dispatch';
import { checkEnvelope, parseBody } from './pipeline/envelope';
import { Turns } from './pipeline/turns';

/** Slack's payloads are far smaller; anything bigger is not from Slack. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const EVENTS_PATH = '/slack/events';

export interface CoachReceiverOptions {
  signingSecret: string;
  log: Log;
  routes?: CustomRoute[];
  /** Milliseconds the dispatcher waits for a listener's ack before answering for it. */
  ackDeadlineMs?: number;
  /** Called each time a request has been answered (work after the ack may speed up). */
  onAnswered?: () => void;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the sender gets its 413 rather than a reset
      // connection; a sender that goes on far past it is cut off.
      if (size > limit * 8) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new BodyTooLarge());
      else resolve((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function writeAnswer(res: ServerResponse, response: unknown): void {
  if (res.headersSent) return;
  if (response === undefined || response === null || response === '') {
    res.writeHead(200);
    res.end();
  } else if (typeof response === 'string') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(response);
  } else {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(response));
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function methods(route: CustomRoute): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
}

export class CoachReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly routes: CustomRoute[];
  private readonly inFlight = new Set<Promise<unknown>>();
  private unanswered = 0;
  /** Requests start one per event-loop turn, so new connections are accepted between them. */
  private readonly turns = new Turns();

  constructor(private readonly options: CoachReceiverOptions) {
    this.routes = options.routes ?? [];
  }

  init(app: App): void {
    this.app = app;
  }

  /** Adds a route after construction (OAuth and sandbox pages register theirs once the app exists). */
  addRoute(route: CustomRoute): void {
    this.routes.push(route);
  }

  async start(port: number, host?: string): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 65_000;
    server.on('connection', () => this.turns.connected());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    }
    // Work after the ack (DMs, Home refreshes) finishes before the database closes.
    await Promise.allSettled([...this.inFlight]);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (path === EVENTS_PATH) {
      if (req.method !== 'POST') {
        plain(res, 405, 'Use POST.');
        return;
      }
      const done = this.handleSlack(req, res).catch((error: unknown) => {
        this.options.log.error({ err: scrubTokens(String(error)) }, 'request handling failed');
        plain(res, 500, 'Internal error.');
      });
      this.track(done);
      return;
    }
    const route = this.routes.find((r) => r.path === path && methods(r).includes(req.method ?? 'GET'));
    if (!route) {
      plain(res, 404, 'Not found.');
      return;
    }
    try {
      const result = route.handler(Object.assign(req, { params: {} }), res) as unknown;
      if (result instanceof Promise) {
        this.track(
          result.catch((error: unknown) => {
            this.options.log.error({ err: scrubTokens(String(error)), path }, 'route failed');
            plain(res, 500, 'Internal error.');
          }),
        );
      }
    } catch (error) {
      this.options.log.error({ err: scrubTokens(String(error)), path }, 'route failed');
      plain(res, 500, 'Internal error.');
    }
  }

  /** Requests received and not answered yet. */
  get awaitingAck(): number {
    return this.unanswered + this.turns.length;
  }

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Resolves when every request received so far has been handled, work after its ack included. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handleSlack(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: string;
    try {
      raw = await readBody(req, BODY_LIMIT_BYTES);
    } catch (error) {
      return error instanceof BodyTooLarge
        ? plain(res, 413, 'Body too large.')
        : plain(res, 400, 'Bad body.');
    }
    await this.turns.next();
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const signature = header(req, 'x-slack-signature') ?? '';
    const valid =
      Number.isFinite(timestamp) &&
      isValidSlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      });
    if (!valid) return plain(res, 401, 'Invalid signature.');

    let body: unknown;
    try {
      body = parseBody(raw, header(req, 'content-type'));
    } catch {
      return plain(res, 400, 'Malformed body.');
    }
    const envelope = checkEnvelope(body);
    switch (envelope.kind) {
      case 'malformed':
        this.options.log.warn({ reason: envelope.reason }, 'refused a malformed signed request');
        return plain(res, 400, 'Malformed body.');
      case 'ssl_check':
        return writeAnswer(res, undefined);
      case 'url_verification':
        return writeAnswer(res, { challenge: envelope.challenge });
      case 'dispatch':
        break;
    }
    const app = this.app;
    if (!app) return plain(res, 503, 'Starting.');
    const retryNum = Number(header(req, 'x-slack-retry-num'));
    this.unanswered++;
    let answered = false;
    const answer = (response: unknown) => {
      writeAnswer(res, response);
      if (answered) return;
      answered = true;
      this.unanswered--;
      this.options.onAnswered?.();
    };
    await dispatch(
      app,
      {
        body: envelope.body,
        retryNum: Number.isFinite(retryNum) ? retryNum : undefined,
        retryReason: header(req, 'x-slack-retry-reason'),
      },
      answer,
      { log: this.options.log, deadlineMs: this.options.ackDeadlineMs },
    );
  }
}
