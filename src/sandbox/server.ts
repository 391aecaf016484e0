/**
 * HTTP plumbing of the stand-in: routing, authentication, injected faults and call recording.
 * Web API answers are always HTTP 200 `{ok, …}` except rate limits: 429 with `Retry-After` and
 * `{"ok":false,"error":"ratelimited"}` (Slack's Web API reference).
 */
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultRegistry } from './faults';
import type { JsonObject } from './json';
import { fail, type MethodSpec } from './methods/context';
import type { CallRecorder } from './recorder';
import { parseApiRequest, readBody } from './request';
import { parseResponseUrlBody, type ResponseUrls } from './response-url';
import type { SocketModeEndpoint } from './socket-mode';
import type { SandboxState } from './state';
import type { ApiResponse, Fault, RecordedCall } from './types';
import { receiveUpload } from './uploads';

export interface ServerParts {
  state: SandboxState;
  recorder: CallRecorder;
  faults: FaultRegistry;
  methods: ReadonlyMap<string, MethodSpec>;
  responseUrls: ResponseUrls;
  socket: SocketModeEndpoint;
}

type PendingCall = Omit<RecordedCall, 'response' | 'status'>;

const JSON_TYPE = 'application/json; charset=utf-8';
const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: ApiResponse,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': JSON_TYPE, ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export class StandInHttpServer {
  private server?: Server;
  private base?: string;

  constructor(private readonly parts: ServerParts) {}

  /** `http://HOST:PORT` once listening. */
  get baseUrl(): string {
    if (!this.base) throw new Error('The Slack stand-in is not listening; call listen() first');
    return this.base;
  }

  async listen(port: number, host: string): Promise<string> {
    if (this.server) throw new Error('The Slack stand-in is already listening');
    const server = createServer((req, res) => {
      void this.route(req, res);
    });
    server.on('upgrade', (req, socket, head: Buffer) => {
      if (!this.parts.socket.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.server = server;
    this.base = `http://${hostInUrl}:${address.port}`;
    return this.base;
  }

  async close(): Promise<void> {
    this.parts.faults.clear();
    this.parts.socket.close();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const path = url.pathname;
      if (path.startsWith('/api/')) {
        await this.handleApi(req, res, decodeURIComponent(path.slice('/api/'.length)), url.searchParams);
        return;
      }
      const responseUrl = /^\/response_url\/([0-9a-f]+)$/.exec(path);
      if (responseUrl?.[1] && req.method === 'POST') {
        await this.handleResponseUrl(req, res, responseUrl[1]);
        return;
      }
      const upload = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(path);
      if (upload?.[1] && req.method === 'POST') {
        const answer = await receiveUpload(
          this.parts.state,
          upload[1],
          req.headers['content-type'],
          await readBody(req),
        );
        sendText(res, answer.status, answer.text);
        return;
      }
      sendText(res, 404, 'Not Found');
    } catch {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal Server Error');
    }
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, method: string, query: URLSearchParams) {
    const spec = this.parts.methods.get(method);
    const parsed = await parseApiRequest({
      contentType: req.headers['content-type'],
      body: await readBody(req),
      query,
      jsonAllowed: spec?.json ?? true,
    });
    const token = bearerToken(req.headers) ?? parsed.fieldToken;
    const teamId = this.parts.state.teamIdForToken(token);
    const call: PendingCall = {
      method,
      args: parsed.args,
      ...(token ? { token } : {}),
      ...(teamId ? { teamId } : {}),
      at: this.parts.state.clock(),
    };
    const fault = this.parts.faults.take(method);
    if (fault && fault.kind === 'limit') {
      const channel = typeof parsed.args.channel === 'string' ? parsed.args.channel : undefined;
      const wait = this.parts.faults.admit(method, fault, teamId ?? '', channel, call.at);
      if (wait > 0) {
        const body = { ok: false, error: 'ratelimited' };
        sendJson(res, 429, body, { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
        this.parts.recorder.record({ ...call, response: body, status: 429, fault: fault.kind });
        return;
      }
    } else if (fault && fault.kind !== 'lost_answer') {
      this.applyFault(fault, call, res);
      return;
    }
    let response: ApiResponse;
    if (!spec) response = fail('unknown_method', { req_method: method });
    else if (parsed.error) response = fail(parsed.error);
    else response = this.invoke(spec, token, parsed.args, req.headers);
    if (fault?.kind === 'lost_answer') {
      // The call took effect; its answer is lost on the way back.
      this.loseAnswer(fault, res, method);
      this.parts.recorder.record({ ...call, response, status: 0, fault: fault.kind });
      return;
    }
    sendJson(res, 200, response);
    this.parts.recorder.record({ ...call, response, status: 200 });
  }

  /** Authenticates per the method's token kind, then runs it (Slack's Web API reference: not_authed, invalid_auth, …). */
  private invoke(
    spec: MethodSpec,
    token: string | undefined,
    args: JsonObject,
    headers: IncomingHttpHeaders,
  ) {
    const { state } = this.parts;
    const base = { args, state, baseUrl: this.baseUrl, headers };
    if (spec.auth === 'none') return spec.handle({ ...base, auth: { kind: 'none' } });
    if (!token) return fail('not_authed');
    const status = state.tokenStatus(token);
    if (status.kind === 'revoked') return fail(status.error);
    if (status.kind === 'expired') return fail('token_expired');
    if (status.kind === 'unknown') return fail('invalid_auth');
    if (spec.auth === 'bot') {
      if (status.kind !== 'bot') return fail('not_allowed_token_type');
      return spec.handle({ ...base, auth: { kind: 'bot', token, team: status.team } });
    }
    if (status.kind !== 'app') return fail('not_allowed_token_type');
    return spec.handle({
      ...base,
      auth: { kind: 'app', token, ...(status.appId ? { appId: status.appId } : {}) },
    });
  }

  private applyFault(fault: Fault, call: PendingCall, res: ServerResponse): void {
    const record = (response: ApiResponse | null, status: number) =>
      this.parts.recorder.record({ ...call, response, status, fault: fault.kind });
    switch (fault.kind) {
      case 'ratelimit': {
        const body = { ok: false, error: 'ratelimited' };
        sendJson(res, 429, body, { 'retry-after': String(fault.retryAfter) });
        record(body, 429);
        return;
      }
      case 'error':
        sendText(res, fault.status, STATUS_TEXT[fault.status] ?? 'Error');
        record(null, fault.status);
        return;
      case 'hang':
        this.parts.faults.hold(call.method, res);
        record(null, 0);
        return;
      case 'reset':
        res.socket?.destroy();
        record(null, 0);
        return;
      case 'lost_answer':
        // Handled by the callers: the call runs first.
        return;
      case 'slack_error': {
        const body = { ok: false, error: fault.error };
        sendJson(res, 200, body);
        record(body, 200);
        return;
      }
    }
  }

  private async handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const body = parseResponseUrlBody((await readBody(req)).toString('utf8'));
    const call: PendingCall = { method: 'response_url', args: body ?? {}, at: this.parts.state.clock() };
    const fault = this.parts.faults.take('response_url');
    if (fault && fault.kind !== 'lost_answer') {
      this.applyFault(fault, call, res);
      return;
    }
    const answer = this.parts.responseUrls.handle(id, body);
    const recorded = { ...call, ...(answer.teamId ? { teamId: answer.teamId } : {}), response: answer.body };
    if (fault?.kind === 'lost_answer') {
      this.loseAnswer(fault, res);
      this.parts.recorder.record({ ...recorded, status: 0, fault: fault.kind });
      return;
    }
    sendJson(res, answer.status, answer.body);
    this.parts.recorder.record({ ...recorded, status: answer.status });
  }

  /** A `lost_answer` fault, after the call ran: hold the request open, or drop its connection. */
  private loseAnswer(
    fault: Extract<Fault, { kind: 'lost_answer' }>,
    res: ServerResponse,
    method = 'response_url',
  ) {
    if (fault.by === 'hang') this.parts.faults.hold(method, res);
    else res.socket?.destroy();
  }
}
