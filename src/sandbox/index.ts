/**
 * A local, in-process stand-in for the Slack Web API (plus response URLs, file upload URLs and Socket Mode).
 * Sandbox mode runs the app against it, and tests use it to observe every call the app makes.
 */
import { FaultRegistry } from './faults';
import type { JsonObject } from './json';
import { buildMethodTable } from './methods';
import { readView, storedView } from './methods/views';
import { CallRecorder } from './recorder';
import { ResponseUrls } from './response-url';
import { StandInHttpServer } from './server';
import { SocketModeEndpoint } from './socket-mode';
import { SandboxState } from './state';
import type {
  Fault,
  OAuthCodeOptions,
  RecordedCall,
  ScheduledMessage,
  SocketEnvelope,
  StandInChannel,
  StandInTeam,
  StandInUser,
  StoredFile,
  StoredMessage,
  StoredView,
  TokenRevocationError,
} from './types';
import { MAX_VIEW_STACK } from './view-store';

export { isViewTooLarge, validateMessageBlocks, validateView } from './block-kit';
export type { JsonObject } from './json';
export type {
  Fault,
  OAuthCodeOptions,
  RecordedCall,
  ScheduledMessage,
  SocketEnvelope,
  StandInChannel,
  StandInTeam,
  StandInUser,
  StoredFile,
  StoredMessage,
  StoredView,
  TokenRevocationError,
} from './types';

export interface CreateSlackStandInOptions {
  teams?: StandInTeam[];
  users?: StandInUser[];
  channels?: StandInChannel[];
  /** Milliseconds since the epoch; drives trigger expiry, message timestamps and time zones. Default `Date.now`. */
  clock?: () => number;
}

export interface SlackStandInFaults {
  /** Makes calls to `method` (or `response_url`) fail; `times` limits how many calls are affected. */
  set(method: string, fault: Fault): void;
  /** Removes faults (all, or one method's) and destroys requests held by `hang`. */
  clear(method?: string): void;
}

export interface SlackStandInSocket {
  /** Sends an envelope over the app's Socket Mode connection; resolves with the payload of its ack. */
  deliver(envelope: SocketEnvelope, timeoutMs?: number): Promise<JsonObject>;
  /** Sends a raw frame, e.g. `{ type: 'disconnect', reason: 'refresh_requested' }`. */
  send(frame: JsonObject): void;
  /** Resolves once an app has connected (immediately if one is). */
  waitForConnection(timeoutMs?: number): Promise<void>;
  readonly connectionCount: number;
}

export interface SlackStandIn {
  listen(port?: number, host?: string): Promise<{ url: string; apiUrl: string }>;
  close(): Promise<void>;
  /** Every Web API call (and response_url POST) in order. */
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  clearCalls(): void;
  /** Resolves with the first recorded call to `method` matching `predicate`, now or later; rejects after `timeoutMs` (2000). */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;

  /** Calls `listener` after every call recorded from now on (the state has changed by then); returns the unsubscribe. */
  onCall(listener: (call: RecordedCall) => void): () => void;

  addTeam(team: StandInTeam): void;
  addUser(user: StandInUser): void;
  addChannel(channel: StandInChannel): void;
  addMember(channelId: string, userId: string): void;
  /** Takes someone out of a channel (as leaving it does); the app hears of it only from an event. */
  removeMember(channelId: string, userId: string): void;
  /** Makes a token fail with `error` (default `token_revoked`; a bot token of an uninstalled app gets `account_inactive`). */
  revokeToken(token: string, error?: TokenRevocationError): void;
  /** Registers an app-level token (xapp-…) for apps.connections.open. */
  addAppToken(token: string, appId?: string): void;
  /**
   * Registers an OAuth code that oauth.v2.access exchanges (once) for `team`'s bot token, installing the
   * team; with `tokenRotation`, for an expiring bot token and a refresh token instead (see OAuthCodeOptions).
   */
  registerOAuthCode(code: string, team: StandInTeam, options?: OAuthCodeOptions): void;
  /** When set, oauth.v2.access checks the client id and secret. */
  setOAuthClient(clientId: string, clientSecret: string): void;

  /** A trigger_id as Slack puts in an interaction payload: valid 3 s by the clock, single use. */
  issueTriggerId(teamId: string, userId: string): string;
  /** A response_url for an interaction in `channelId` by `userId`; `messageTs` is the message it came from (for replace/delete_original). */
  responseUrl(teamId: string, channelId: string, userId: string, messageTs?: string): string;

  /** Messages posted into a conversation, ephemerals included (flagged), oldest first. */
  messages(channelId: string): StoredMessage[];
  scheduledMessages(channelId?: string): ScheduledMessage[];
  /** The bot's IM with the user (D…), created on demand. */
  dmChannelFor(teamId: string, userId: string): string;
  /** The user's modal stack, root first. */
  openViews(userId: string): StoredView[];
  /** Closes the user's modals (the whole stack, or only the top view). */
  closeViews(userId: string, options?: { onlyTop?: boolean }): void;
  homeView(teamId: string, userId: string): StoredView | undefined;
  /**
   * Does to the user's modal stack what Slack does with the app's answer to a submission of `viewId`:
   * no `response_action` closes that view (and any above it), `clear` the whole stack, `update` replaces
   * it, `push` adds a view on top, `errors` keeps it open and hands back the errors by block id.
   */
  answerSubmission(
    teamId: string,
    userId: string,
    viewId: string,
    answer: unknown,
  ): { ok: true; errors?: Record<string, string> } | { ok: false; error: string };
  /** Closes one of the user's modals (with any pushed above it); false when the user has no such view. */
  closeView(userId: string, viewId: string): boolean;
  /** A new message timestamp, in order with those of the messages the stand-in stores. */
  nextTs(): string;
  /** The members of a channel (empty for an unknown one). */
  channelMembers(channelId: string): string[];
  files(): StoredFile[];

  readonly faults: SlackStandInFaults;
  readonly socket: SlackStandInSocket;
}

export function createSlackStandIn(opts: CreateSlackStandInOptions = {}): SlackStandIn {
  const state = new SandboxState(opts.clock ?? Date.now);
  for (const team of opts.teams ?? []) state.addTeam(team);
  for (const user of opts.users ?? []) state.addUser(user);
  for (const channel of opts.channels ?? []) state.addChannel(channel);

  const recorder = new CallRecorder();
  const faults = new FaultRegistry();
  const responseUrls = new ResponseUrls(state);
  const socket = new SocketModeEndpoint(() => http.baseUrl);
  const http = new StandInHttpServer({
    state,
    recorder,
    faults,
    methods: buildMethodTable((appId) => socket.issueUrl(appId)),
    responseUrls,
    socket,
  });

  return {
    async listen(port = 0, host = '127.0.0.1') {
      const url = await http.listen(port, host);
      return { url, apiUrl: `${url}/api/` };
    },
    close: () => http.close(),
    calls: recorder.calls,
    callsTo: (method) => recorder.callsTo(method),
    clearCalls: () => recorder.clear(),
    waitForCall: (method, predicate, timeoutMs) => recorder.waitForCall(method, predicate, timeoutMs),
    onCall: (listener) => recorder.onRecord(listener),

    addTeam: (team) => state.addTeam(team),
    addUser: (user) => state.addUser(user),
    addChannel: (channel) => state.addChannel(channel),
    addMember: (channelId, userId) => state.addMember(channelId, userId),
    removeMember: (channelId, userId) => state.removeMember(channelId, userId),
    revokeToken: (token, error = 'token_revoked') => state.revokeToken(token, error),
    addAppToken: (token, appId) => state.addAppToken(token, appId),
    registerOAuthCode: (code, team, options = {}) => {
      const rotation = options.tokenRotation;
      const seconds = typeof rotation === 'object' ? rotation.expiresInSeconds : undefined;
      if (seconds !== undefined && (!Number.isInteger(seconds) || seconds <= 0)) {
        throw new Error(
          `registerOAuthCode: expiresInSeconds must be a positive whole number, not ${seconds}`,
        );
      }
      state.oauthCodes.set(code, { team: { ...team }, options, used: false });
    },
    setOAuthClient: (clientId, clientSecret) => {
      state.oauthClient = { clientId, clientSecret };
    },

    issueTriggerId(teamId, userId) {
      if (!state.userInTeam(teamId, userId))
        throw new Error(`issueTriggerId: no user ${userId} in team ${teamId}`);
      return state.views.issueTrigger(teamId, userId);
    },
    responseUrl: (teamId, channelId, userId, messageTs) =>
      `${http.baseUrl}${responseUrls.create(teamId, channelId, userId, messageTs)}`,

    messages: (channelId) => state.messages(channelId),
    scheduledMessages: (channelId) =>
      state.scheduled.filter((m) => channelId === undefined || m.channel === channelId),
    dmChannelFor: (teamId, userId) => state.dmChannelFor(teamId, userId),
    openViews: (userId) => state.views.stack(userId),
    closeViews: (userId, options = {}) => state.views.close(userId, !options.onlyTop),
    homeView: (teamId, userId) => state.views.home(teamId, userId),
    answerSubmission: (teamId, userId, viewId, answer) =>
      answerSubmission(state, teamId, userId, viewId, answer),
    closeView: (userId, viewId) => state.views.remove(userId, viewId),
    nextTs: () => state.ids.ts(),
    channelMembers: (channelId) => [...(state.channels.get(channelId)?.members ?? [])],
    files: () => [...state.files.values()],

    faults: {
      set: (method, fault) => faults.set(method, fault),
      clear: (method) => faults.clear(method),
    },
    socket: {
      deliver: (envelope, timeoutMs) => socket.deliver(envelope, timeoutMs),
      send: (frame) => socket.send(frame),
      waitForConnection: (timeoutMs) => socket.waitForConnection(timeoutMs),
      get connectionCount() {
        return socket.connectionCount;
      },
    },
  };
}

function answerSubmission(
  state: SandboxState,
  teamId: string,
  userId: string,
  viewId: string,
  answer: unknown,
): { ok: true; errors?: Record<string, string> } | { ok: false; error: string } {
  const team = state.requireTeam(teamId);
  const stack = state.views.stack(userId);
  const index = stack.findIndex((v) => v.id === viewId);
  const current = stack[index];
  if (!current) return { ok: false, error: 'not_found' };
  const body = answer && typeof answer === 'object' ? (answer as JsonObject) : {};
  const action = body.response_action;
  if (action === 'errors') {
    const raw = body.errors && typeof body.errors === 'object' ? (body.errors as JsonObject) : {};
    const errors: Record<string, string> = {};
    for (const [blockId, message] of Object.entries(raw)) errors[blockId] = String(message);
    return { ok: true, errors };
  }
  if (action === 'clear') {
    state.views.close(userId, true);
    return { ok: true };
  }
  if (action === 'update' || action === 'push') {
    const input = readView({ view: body.view ?? null }, 'modal');
    if (!input.ok) return { ok: false, error: String(input.response.error ?? 'invalid_arguments') };
    if (action === 'update') {
      const view = storedView(state, team, input.view, {
        id: current.id,
        rootViewId: current.root_view_id,
        previousViewId: current.previous_view_id,
      });
      state.views.replace({ view: current, userId, kind: 'modal' }, view);
      return { ok: true };
    }
    if (stack.length >= MAX_VIEW_STACK) return { ok: false, error: 'push_limit_reached' };
    const top = stack.at(-1) ?? current;
    const view = storedView(state, team, input.view, {
      id: state.ids.next('V'),
      rootViewId: current.root_view_id,
      previousViewId: top.id,
    });
    state.views.push(userId, view);
    return { ok: true };
  }
  state.views.remove(userId, viewId);
  return { ok: true };
}
