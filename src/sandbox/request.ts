/**
 * Decoding a Web API request the way Slack does (Slack's Web API reference):
 * arguments from the query string and from a form, JSON or multipart body; `blocks`, `view`, `attachments`,
 * `metadata` and `files` arrive as JSON text in form fields and are decoded. A `token` form field is accepted;
 * in a JSON body it is not (Slack reads the token of JSON requests from the Authorization header only).
 */
import type { IncomingMessage } from 'node:http';
import { isJsonObject, type JsonObject, type JsonValue, tryParseJson } from './json';

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata', 'files'] as const;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ParsedRequest {
  args: JsonObject;
  /** Token sent as a `token` field (query or form). */
  fieldToken?: string;
  /** A Slack error for a body that cannot be read. */
  error?: string;
}

export interface RawRequest {
  contentType: string | undefined;
  body: Buffer;
  query: URLSearchParams;
  /** Whether the method accepts `application/json` bodies. */
  jsonAllowed: boolean;
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function fromPairs(pairs: Iterable<[string, string]>): JsonObject {
  const args: JsonObject = {};
  for (const [key, value] of pairs) args[key] = value;
  return args;
}

async function readMultipart(raw: RawRequest): Promise<JsonObject> {
  const form = await new Response(new Uint8Array(raw.body), {
    headers: { 'content-type': raw.contentType ?? '' },
  }).formData();
  const args: JsonObject = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') args[key] = value;
  }
  return args;
}

async function readBodyArgs(
  raw: RawRequest,
): Promise<{ args: JsonObject; fromJson: boolean; error?: string }> {
  if (raw.body.length === 0) return { args: {}, fromJson: false };
  const type = mediaType(raw.contentType);
  if (type === 'application/x-www-form-urlencoded') {
    return { args: fromPairs(new URLSearchParams(raw.body.toString('utf8'))), fromJson: false };
  }
  if (type === 'application/json') {
    if (!raw.jsonAllowed) return { args: {}, fromJson: true };
    const parsed = tryParseJson(raw.body.toString('utf8'));
    if (parsed === undefined) return { args: {}, fromJson: true, error: 'invalid_json' };
    if (!isJsonObject(parsed)) return { args: {}, fromJson: true, error: 'json_not_object' };
    return { args: parsed, fromJson: true };
  }
  if (type === 'multipart/form-data') {
    try {
      return { args: await readMultipart(raw), fromJson: false };
    } catch {
      return { args: {}, fromJson: false, error: 'invalid_form_data' };
    }
  }
  return { args: {}, fromJson: false, error: 'invalid_post_type' };
}

function decodeJsonFields(args: JsonObject): void {
  for (const key of JSON_FIELDS) {
    const value = args[key];
    if (typeof value !== 'string') continue;
    const parsed: JsonValue | undefined = tryParseJson(value);
    if (parsed !== undefined) args[key] = parsed;
  }
}

export async function parseApiRequest(raw: RawRequest): Promise<ParsedRequest> {
  const body = await readBodyArgs(raw);
  const queryArgs = fromPairs(raw.query);
  const queryToken = typeof queryArgs.token === 'string' ? queryArgs.token : undefined;
  const bodyToken = !body.fromJson && typeof body.args.token === 'string' ? body.args.token : undefined;
  const args: JsonObject = { ...queryArgs, ...body.args };
  delete args.token;
  decodeJsonFields(args);
  const fieldToken = bodyToken ?? queryToken;
  return { args, ...(fieldToken ? { fieldToken } : {}), ...(body.error ? { error: body.error } : {}) };
}
