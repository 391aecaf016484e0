/**
 * Socket Mode endpoint (Slack's Socket Mode docs): apps.connections.open hands out a one-time `ws://…/socket/<id>` URL;
 * on connect the stand-in sends `{"type":"hello",…}`; frames are `{envelope_id, type, payload,
 * accepts_response_payload}` and the app acks with `{envelope_id, payload?}`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { randomHex } from './ids';
import { isJsonObject, type JsonObject, tryParseJson } from './json';
import type { SocketEnvelope } from './types';

const DEFAULT_ACK_TIMEOUT_MS = 3000;
/** The Socket Mode client reconnects when the server stays silent for 30 s; ping well within that. */
const PING_INTERVAL_MS = 10_000;

interface PendingAck {
  resolve: (payload: JsonObject) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class SocketModeEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Map<string, string | undefined>();
  private readonly connections: WebSocket[] = [];
  private readonly pending = new Map<string, PendingAck>();
  private readonly connectionWaiters = new Set<() => void>();
  private pingTimer?: NodeJS.Timeout;

  constructor(private readonly baseUrl: () => string) {}

  get connectionCount(): number {
    return this.connections.length;
  }

  issueUrl(appId?: string): string {
    const id = randomHex(16);
    this.tickets.set(id, appId);
    return `${this.baseUrl().replace(/^http/, 'ws')}/socket/${id}`;
  }

  /** Handles an HTTP upgrade; returns false when the path is not a Socket Mode URL. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const match = /^\/socket\/([0-9a-f]+)$/.exec(new URL(req.url ?? '/', 'http://stand-in').pathname);
    if (!match?.[1]) return false;
    const id = match[1];
    if (!this.tickets.has(id)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return true;
    }
    const appId = this.tickets.get(id);
    this.tickets.delete(id);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, appId));
    return true;
  }

  private onConnection(ws: WebSocket, appId: string | undefined): void {
    this.connections.push(ws);
    ws.on('message', (data) => this.onMessage(data));
    ws.on('close', () => {
      const index = this.connections.indexOf(ws);
      if (index >= 0) this.connections.splice(index, 1);
    });
    this.startPinging();
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections.length,
        debug_info: { host: 'stand-in', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: appId ?? null },
      }),
    );
    for (const notify of this.connectionWaiters) notify();
    this.connectionWaiters.clear();
  }

  private onMessage(data: RawData): void {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : data;
    const text = bytes.toString('utf8');
    const frame = tryParseJson(text);
    if (!isJsonObject(frame) || typeof frame.envelope_id !== 'string') return;
    const waiting = this.pending.get(frame.envelope_id);
    if (!waiting) return;
    this.pending.delete(frame.envelope_id);
    clearTimeout(waiting.timer);
    waiting.resolve(isJsonObject(frame.payload) ? frame.payload : {});
  }

  private startPinging(): void {
    if (this.pingTimer) return;
    this.pingTimer = setInterval(() => {
      for (const ws of this.connections) ws.ping();
    }, PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  /** Resolves once an app is connected (immediately if one is). */
  waitForConnection(timeoutMs = 2000): Promise<void> {
    if (this.connections.length > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const notify = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.connectionWaiters.delete(notify);
        reject(new Error(`No Socket Mode connection within ${timeoutMs} ms`));
      }, timeoutMs);
      this.connectionWaiters.add(notify);
    });
  }

  /** Sends an envelope to the newest connection and resolves with the payload of the app's ack. */
  deliver(envelope: SocketEnvelope, timeoutMs = DEFAULT_ACK_TIMEOUT_MS): Promise<JsonObject> {
    const envelopeId = envelope.envelope_id ?? randomUUID();
    const frame: JsonObject = {
      envelope_id: envelopeId,
      type: envelope.type,
      payload: envelope.payload,
      accepts_response_payload: envelope.accepts_response_payload ?? envelope.type !== 'events_api',
      ...(envelope.type === 'events_api'
        ? { retry_attempt: envelope.retry_attempt ?? 0, retry_reason: envelope.retry_reason ?? '' }
        : {}),
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`No ack for envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
      try {
        this.send(frame);
      } catch (error) {
        clearTimeout(timer);
        this.pending.delete(envelopeId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Sends a raw frame (e.g. `{"type":"disconnect","reason":"refresh_requested"}`) to the newest connection. */
  send(frame: JsonObject): void {
    const ws = this.connections.at(-1);
    if (!ws) throw new Error('No Socket Mode connection');
    ws.send(JSON.stringify(frame));
  }

  close(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    for (const ws of this.connections) ws.terminate();
    this.connections.length = 0;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`Stand-in closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    this.wss.close();
  }
}
