/** Public data types of the local Slack Web API stand-in. */
import type { JsonObject, JsonValue } from './json';

export interface StandInUser {
  id: string;
  teamId: string;
  name: string;
  realName?: string;
  /** IANA time zone, e.g. `Europe/Berlin`. Defaults to `America/Los_Angeles`. */
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
  email?: string;
  /** A workspace admin (users.info `is_admin`). An owner is an admin too, as in Slack. */
  isAdmin?: boolean;
  /** A workspace owner (users.info `is_owner`). */
  isOwner?: boolean;
}

export interface StandInTeam {
  id: string;
  name: string;
  domain?: string;
  botToken: string;
  botUserId: string;
  botId: string;
  appId?: string;
  /** Whether the app's Home tab is enabled (views.publish answers `not_enabled` when false). Default true. */
  homeTabEnabled?: boolean;
  enterpriseId?: string;
}

export interface StandInChannel {
  id: string;
  teamId: string;
  name: string;
  members: string[];
  isPrivate?: boolean;
}

/** Body of a Web API answer. */
export interface ApiResponse {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

export interface RecordedCall {
  /** Web API method name, or `response_url` for a POST to a response URL. */
  method: string;
  /** Parsed arguments (without `token`); `blocks`, `view`, `attachments`, `metadata` and `files` JSON-decoded. */
  args: JsonObject;
  token?: string;
  teamId?: string;
  /**
   * The JSON body sent back; `null` when no answer was given (a `hang` or `reset` fault). For a
   * `lost_answer` fault, the answer the call produced (it ran) though it never reached the app.
   */
  response: ApiResponse | null;
  /** HTTP status sent back; 0 when no answer was given. */
  status: number;
  /** Clock time (ms) when the request arrived. */
  at: number;
  /** Set when an injected fault produced the answer. */
  fault?: Fault['kind'];
}

export type MessageSource =
  | 'chat.postMessage'
  | 'chat.postEphemeral'
  | 'chat.scheduleMessage'
  | 'files.completeUploadExternal'
  | 'response_url';

export interface StoredMessage {
  channel: string;
  ts: string;
  teamId: string;
  /** Author: the bot user id for everything the app posts. */
  user: string;
  botId: string;
  appId?: string;
  text: string;
  blocks?: JsonObject[];
  attachments?: JsonValue[];
  metadata?: JsonObject;
  threadTs?: string;
  /** True for ephemeral messages; `recipient` is then the only user who sees it. */
  ephemeral: boolean;
  recipient?: string;
  source: MessageSource;
  fileIds?: string[];
  /** Set by chat.update or a response_url `replace_original`. */
  editedTs?: string;
}

/** A view as Slack returns it from views.* methods. */
export interface StoredView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  title?: JsonObject | null;
  close?: JsonObject | null;
  submit?: JsonObject | null;
  blocks: JsonObject[];
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: JsonObject };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string | null;
  app_installed_team_id: string;
  bot_id: string;
}

export interface StoredFile {
  id: string;
  teamId: string;
  filename: string;
  /** Length announced to files.getUploadURLExternal. */
  length: number;
  title?: string;
  altText?: string;
  snippetType?: string;
  /** Bytes received at the upload URL, once uploaded. */
  data?: Buffer;
  completed: boolean;
  /** Channels the file was shared into by files.completeUploadExternal. */
  channels: string[];
  created: number;
}

export interface ScheduledMessage {
  id: string;
  channel: string;
  teamId: string;
  postAt: number;
  text: string;
  blocks?: JsonObject[];
  threadTs?: string;
}

export type Fault =
  | { kind: 'ratelimit'; retryAfter: number; times?: number }
  | { kind: 'error'; status: 500 | 502 | 503; times?: number }
  /** Holds the request open without an answer (the call never runs) until clear()/close(). */
  | { kind: 'hang'; times?: number }
  /** Destroys the connection without an answer: the call never runs (the app sees a reset socket). */
  | { kind: 'reset'; times?: number }
  /**
   * The call runs (a message is posted, as Slack accepted it) but its answer never reaches the app:
   * the request is held open until clear()/close() (`by: 'hang'`) or its connection is destroyed
   * (`by: 'reset'`). Recorded with the answer it would have given and status 0.
   */
  | { kind: 'lost_answer'; by: 'hang' | 'reset'; times?: number }
  | { kind: 'slack_error'; error: string; times?: number }
  /**
   * Slack's rate limits, enforced: at most `perChannel.max` calls per channel (`args.channel`) and
   * `perWorkspace.max` per team in any sliding `windowMs`; a call over either answers 429 with the
   * Retry-After (whole seconds) until a slot frees. Calls within the limits run as usual.
   */
  | {
      kind: 'limit';
      perChannel?: { max: number; windowMs: number };
      perWorkspace?: { max: number; windowMs: number };
      times?: number;
    };

export type TokenRevocationError = 'token_revoked' | 'account_inactive' | 'invalid_auth';

export interface OAuthCodeOptions {
  /** Id of the installing user (authed_user.id). Defaults to the first human user of the team, else `U0INSTALLER`. */
  userId?: string;
  /** Bot scopes granted. */
  scopes?: string[];
  /** When set, oauth.v2.access must receive the same `redirect_uri`. */
  redirectUri?: string;
  /**
   * Token rotation on (Slack's "Using token rotation"): the code is exchanged for an expiring bot token
   * (`xoxe.xoxb-…`), a refresh token (`xoxe-1-…`) and `expires_in`. oauth.v2.access with
   * `grant_type=refresh_token` swaps a refresh token, once, for a new pair; a bot token past its expiry
   * (by the stand-in's clock) answers `token_expired`. `true` means Slack's 12 hours (43200 s).
   */
  tokenRotation?: boolean | { expiresInSeconds?: number };
}

/** A Socket Mode frame the stand-in sends to the app. `envelope_id` is generated when omitted. */
export interface SocketEnvelope {
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: JsonObject;
  envelope_id?: string;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}
