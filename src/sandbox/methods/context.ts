/** What a Web API method handler receives, and helpers to read arguments and build answers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject } from '../json';
import type { SandboxState } from '../state';
import type { ApiResponse, StandInTeam } from '../types';

export interface BotAuth {
  kind: 'bot';
  token: string;
  team: StandInTeam;
}

export interface AppAuth {
  kind: 'app';
  token: string;
  appId?: string;
}

export interface NoAuth {
  kind: 'none';
}

export interface MethodContext<A> {
  args: JsonObject;
  auth: A;
  state: SandboxState;
  /** `http://127.0.0.1:PORT` of the running stand-in. */
  baseUrl: string;
  headers: IncomingHttpHeaders;
}

type Handler<A> = (ctx: MethodContext<A>) => ApiResponse;

/**
 * `json`: whether Slack accepts an `application/json` body for the method (`json_input_supported` in the
 * docs.slack.dev method metadata; Slack's Web API reference). For other methods a JSON body is not read.
 */
export type MethodSpec =
  | { auth: 'bot'; json: boolean; handle: Handler<BotAuth> }
  | { auth: 'app'; json: boolean; handle: Handler<AppAuth> }
  | { auth: 'none'; json: boolean; handle: Handler<NoAuth> };

export function ok(body: Record<string, unknown> = {}): ApiResponse {
  return { ok: true, ...body };
}

export function fail(error: string, extra: Record<string, unknown> = {}): ApiResponse {
  return { ok: false, error, ...extra };
}

/** views.* and other schema failures: `invalid_arguments` with `[ERROR]` lines (Slack's Block Kit reference). */
export function invalidArguments(messages: string[]): ApiResponse {
  return fail('invalid_arguments', { response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } });
}

/** A string argument; numbers are accepted as their decimal text (form bodies carry everything as text). */
export function argString(args: JsonObject, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function argBool(args: JsonObject, key: string): boolean | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** An integer argument; `NaN` when present but not an integer. */
export function argInt(args: JsonObject, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) ? n : Number.NaN;
}
