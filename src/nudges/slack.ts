// The Slack side of delivery: a WebClient that never retries behind our back, and what each error
// means for the outbox (Slack's Web API reference).
import { LogLevel, WebClient } from '@slack/web-api';
import type { Log } from '../log';
import { scrubTokens, slackLogger } from '../log';

export interface DeliveryClientOptions {
  token: string;
  slackApiUrl?: string;
  /** Per-request timeout; a hung request is abandoned and retried by the outbox later. */
  timeoutMs?: number;
  log?: Log;
}

/**
 * A WebClient for the outbox: no hidden retries (`retries: 0`) and 429s thrown at once
 * (`rejectRateLimitedCalls`), so the sweep sees every failure and decides itself when to try again.
 */
export function createDeliveryClient(options: DeliveryClientOptions): WebClient {
  return new WebClient(options.token, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 10_000,
    ...(options.log ? { logger: slackLogger(options.log, 'nudge-sender'), logLevel: LogLevel.WARN } : {}),
  });
}

/** A delivery client per workspace: one client for single-workspace modes, a lookup for many. */
export type SlackForWorkspace = (
  workspaceId: string,
) => WebClient | undefined | Promise<WebClient | undefined>;

export function slackResolver(slack: WebClient | SlackForWorkspace): SlackForWorkspace {
  return typeof slack === 'function' ? slack : () => slack;
}

/** Errors that mean the token is no good: every send in the workspace would fail the same way. */
const TOKEN_ERRORS: ReadonlySet<string> = new Set([
  'token_revoked',
  'token_expired',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'team_added_to_org',
  'org_login_required',
]);

/** Slack-side hiccups reported as ok:false; worth another try later. */
const TRANSIENT_PLATFORM_ERRORS: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
]);

export type SendFailure =
  | { kind: 'ratelimited'; retryAfterMs: number; message: string }
  | { kind: 'transient'; message: string }
  | { kind: 'permanent'; message: string; tokenLevel: boolean };

const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/** What a failed Slack call means for the nudge. Messages carry error codes only, never tokens or text. */
export function classifySendError(error: unknown): SendFailure {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    original?: { message?: string; code?: string };
    message?: string;
  };
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : undefined;
      return {
        kind: 'ratelimited',
        retryAfterMs: seconds !== undefined ? seconds * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS,
        message: `ratelimited (Retry-After ${seconds ?? '?'} s)`,
      };
    }
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (TOKEN_ERRORS.has(code)) return { kind: 'permanent', message: code, tokenLevel: true };
      if (TRANSIENT_PLATFORM_ERRORS.has(code)) return { kind: 'transient', message: code };
      // Unknown ok:false answers are treated as permanent: retrying the same request gets the same answer.
      return { kind: 'permanent', message: code, tokenLevel: false };
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      if (status === 429)
        return { kind: 'ratelimited', retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS, message: 'HTTP 429' };
      return { kind: 'transient', message: `HTTP ${status}` };
    }
    case 'slack_webapi_request_error': {
      const cause = e.original?.code ?? e.original?.message ?? 'request failed';
      return { kind: 'transient', message: `request error: ${scrubTokens(String(cause)).slice(0, 200)}` };
    }
    default:
      return { kind: 'transient', message: scrubTokens(String(e?.message ?? error)).slice(0, 200) };
  }
}

/** The metadata event type of a nudge DM; its payload's `nudge_ids` lists the nudges it carries. */
export const NUDGE_EVENT_TYPE = 'coach_nudge';

/** Message metadata for a nudge DM (Slack's message metadata: an event type and a flat payload). */
export function nudgeMetadata(nudgeIds: readonly string[]) {
  return { event_type: NUDGE_EVENT_TYPE, event_payload: { nudge_ids: nudgeIds.join(',') } };
}

/** How far back in the member's DM to look for a message whose answer was lost (newest first). */
const HISTORY_LOOKBACK = 100;

export type DeliveredLookup =
  | { ok: true; found: Map<string, { channel: string; ts: string }> }
  | { ok: false; error: string };

/**
 * Which of `nudgeIds` a message in the member's DM already carries (by its metadata), with that
 * message's channel and ts: for nudges an earlier attempt may have sent although its answer never
 * came back (the sender died after Slack accepted the message, or the request timed out). Reads the
 * DM's latest messages (`im:history`); `ok: false` when it could not, and the caller sends as before.
 */
export async function findDeliveredNudges(
  client: WebClient,
  member: { slackUserId: string; dmChannelId?: string | null },
  nudgeIds: readonly string[],
): Promise<DeliveredLookup> {
  try {
    let channel = member.dmChannelId ?? undefined;
    if (!channel) {
      const opened = await client.conversations.open({ users: member.slackUserId });
      channel = opened.channel?.id;
    }
    if (!channel) return { ok: false, error: 'no DM channel' };
    const history = await client.conversations.history({
      channel,
      limit: HISTORY_LOOKBACK,
      include_all_metadata: true,
    });
    const wanted = new Set(nudgeIds);
    const found = new Map<string, { channel: string; ts: string }>();
    for (const message of history.messages ?? []) {
      const metadata = message.metadata;
      if (metadata?.event_type !== NUDGE_EVENT_TYPE || !message.ts) continue;
      const ids = (metadata.event_payload as { nudge_ids?: unknown } | undefined)?.nudge_ids;
      if (typeof ids !== 'string') continue;
      for (const id of ids.split(',')) {
        if (wanted.has(id) && !found.has(id)) found.set(id, { channel, ts: message.ts });
      }
    }
    return { ok: true, found };
  } catch (error) {
    const failure = classifySendError(error);
    return { ok: false, error: failure.message };
  }
}
