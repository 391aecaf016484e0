// Plays Slack's side of the conversation with the app: builds payloads shaped like Slack's (see
// test/fixtures/slack), signs them with the signing secret (v0, HMAC-SHA256 over the raw body) and
// posts them to the app's /slack/events endpoint. Tests use it, and so does sandbox mode.
import { createHmac, randomUUID } from 'node:crypto';

/** What the driver needs from the Slack stand-in: trigger ids, response URLs and DM ids Slack would mint. */
export interface DriverSlack {
  issueTriggerId(teamId: string, userId: string): string;
  responseUrl(teamId: string, channelId: string, userId: string, messageTs?: string): string;
  dmChannelFor(teamId: string, userId: string): string;
}

export interface DriverOptions {
  appUrl: string;
  signingSecret: string;
  slack: DriverSlack;
  teamId: string;
  teamDomain?: string;
  appId?: string;
  /** Seconds since the epoch used in signatures (defaults to the real clock: Bolt rejects stale ones). */
  nowSeconds?: () => number;
}

export interface DriverResponse {
  status: number;
  text: string;
  /** The parsed body when it is JSON. */
  json: unknown;
}

export interface ViewLike {
  id: string;
  callback_id?: string;
  private_metadata?: string;
  hash?: string;
  title?: unknown;
  blocks: unknown[];
  state?: { values: StateValues };
  root_view_id?: string | null;
  previous_view_id?: string | null;
  external_id?: string;
  type?: string;
}

/** The element a click is on, as Slack reports it in `actions[0]`. */
export interface ClickedAction {
  action_id: string;
  block_id?: string;
  type?: string;
  value?: string;
  selected_option?: unknown;
  selected_date?: string;
}

/** Where a click happened: a message (DM or channel) or a view (modal or Home). */
export type ClickWhere =
  | {
      message: {
        channelId: string;
        ts: string;
        blocks?: unknown[];
        text?: string;
        isEphemeral?: boolean;
        /** The response_url can replace or delete this message, as Slack's can (off by default). */
        withOriginal?: boolean;
      };
    }
  | { view: ViewLike; state?: StateValues };

export type StateValues = Record<string, Record<string, Record<string, unknown>>>;
export type Answer = string | string[] | boolean | null;

export function signature(secret: string, timestamp: number | string, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export class SlackDriver {
  private readonly nowSeconds: () => number;
  private lastMicros = 0;

  constructor(private readonly options: DriverOptions) {
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  /** A Slack-style `action_ts` ("1700000000.123456"), unique per click as Slack's are. */
  actionTs(): string {
    const micros = Math.max(this.nowSeconds() * 1_000_000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  get teamId(): string {
    return this.options.teamId;
  }

  /** Posts a raw body, signed unless `signature` is given (for tests of rejected signatures). */
  async post(
    rawBody: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
    extra: { timestamp?: number; signature?: string; headers?: Record<string, string> } = {},
  ): Promise<DriverResponse> {
    const timestamp = extra.timestamp ?? this.nowSeconds();
    const res = await fetch(new URL('/slack/events', this.options.appUrl), {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': extra.signature ?? signature(this.options.signingSecret, timestamp, rawBody),
        ...extra.headers,
      },
      body: rawBody,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  }

  private postPayload(payload: object): Promise<DriverResponse> {
    return this.post(this.formBody(payload), 'application/x-www-form-urlencoded');
  }

  private team() {
    return { id: this.options.teamId, domain: this.options.teamDomain ?? 'sandbox' };
  }

  private user(userId: string) {
    return {
      id: userId,
      username: userId.toLowerCase(),
      name: userId.toLowerCase(),
      team_id: this.options.teamId,
    };
  }

  /** The form fields of a slash command, as Slack sends them. */
  commandFields(userId: string, text: string, opts: { channelId?: string; command?: string } = {}) {
    const { teamId } = this.options;
    const channelId = opts.channelId ?? this.options.slack.dmChannelFor(teamId, userId);
    return {
      token: 'legacy-verification-token',
      team_id: teamId,
      team_domain: this.options.teamDomain ?? 'sandbox',
      channel_id: channelId,
      channel_name: channelId.startsWith('D') ? 'directmessage' : 'channel',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: opts.command ?? '/coach',
      text,
      api_app_id: this.options.appId ?? 'A0SANDBOX',
      is_enterprise_install: 'false',
      response_url: this.options.slack.responseUrl(teamId, channelId, userId),
      trigger_id: this.options.slack.issueTriggerId(teamId, userId),
    };
  }

  command(
    userId: string,
    text: string,
    opts: { channelId?: string; command?: string } = {},
  ): Promise<DriverResponse> {
    return this.post(
      new URLSearchParams(this.commandFields(userId, text, opts)).toString(),
      'application/x-www-form-urlencoded',
    );
  }

  /** A click on an interactive element in a message (DM or channel) or in a view (modal or Home). */
  blockAction(userId: string, action: ClickedAction, where: ClickWhere): Promise<DriverResponse> {
    return this.post(this.blockActionBody(userId, action, where), 'application/x-www-form-urlencoded');
  }

  /** The form body Slack posts for a click, for sending the very same bytes more than once. */
  blockActionBody(userId: string, action: ClickedAction, where: ClickWhere): string {
    const { teamId } = this.options;
    const base = {
      type: 'block_actions',
      user: this.user(userId),
      api_app_id: this.options.appId ?? 'A0SANDBOX',
      token: 'legacy-verification-token',
      trigger_id: this.options.slack.issueTriggerId(teamId, userId),
      team: this.team(),
      is_enterprise_install: false,
      enterprise: null,
      actions: [
        {
          type: action.type ?? (action.selected_option ? 'static_select' : 'button'),
          block_id: action.block_id ?? 'actions',
          action_ts: this.actionTs(),
          ...action,
        },
      ],
    };
    if ('message' in where) {
      const m = where.message;
      return this.formBody({
        ...base,
        container: {
          type: 'message',
          message_ts: m.ts,
          channel_id: m.channelId,
          is_ephemeral: m.isEphemeral ?? false,
        },
        channel: { id: m.channelId, name: m.channelId.startsWith('D') ? 'directmessage' : 'channel' },
        ...(m.isEphemeral
          ? {}
          : { message: { type: 'message', ts: m.ts, text: m.text ?? '', blocks: m.blocks ?? [] } }),
        state: { values: {} },
        response_url: this.options.slack.responseUrl(
          teamId,
          m.channelId,
          userId,
          m.withOriginal ? m.ts : undefined,
        ),
      });
    }
    const view = where.view;
    return this.formBody({
      ...base,
      container: { type: 'view', view_id: view.id },
      view: { ...view, team_id: teamId, state: { values: where.state ?? view.state?.values ?? {} } },
    });
  }

  /** Submits a modal with the given state (see fillView). */
  submitView(userId: string, view: ViewLike, values: StateValues): Promise<DriverResponse> {
    return this.post(this.viewSubmissionBody(userId, view, values), 'application/x-www-form-urlencoded');
  }

  /** The form body Slack posts for a submission, for sending the very same bytes more than once. */
  viewSubmissionBody(userId: string, view: ViewLike, values: StateValues): string {
    return this.formBody({
      type: 'view_submission',
      team: this.team(),
      user: this.user(userId),
      api_app_id: this.options.appId ?? 'A0SANDBOX',
      token: 'legacy-verification-token',
      trigger_id: this.options.slack.issueTriggerId(this.options.teamId, userId),
      view: { ...view, team_id: this.options.teamId, type: 'modal', state: { values } },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  private formBody(payload: object): string {
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }

  closeView(userId: string, view: ViewLike, isCleared = false): Promise<DriverResponse> {
    return this.postPayload({
      type: 'view_closed',
      team: this.team(),
      user: this.user(userId),
      api_app_id: this.options.appId ?? 'A0SANDBOX',
      token: 'legacy-verification-token',
      view: { ...view, team_id: this.options.teamId, type: 'modal', state: view.state ?? { values: {} } },
      response_urls: [],
      is_cleared: isCleared,
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  shortcut(userId: string, callbackId: string): Promise<DriverResponse> {
    return this.postPayload({
      type: 'shortcut',
      token: 'legacy-verification-token',
      action_ts: this.actionTs(),
      team: this.team(),
      user: { id: userId, username: userId.toLowerCase(), team_id: this.options.teamId },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: callbackId,
      trigger_id: this.options.slack.issueTriggerId(this.options.teamId, userId),
    });
  }

  /** An Events API delivery; `retryNum` adds Slack's retry headers. */
  event(
    event: { type: string } & Record<string, unknown>,
    opts: { eventId?: string; retryNum?: number } = {},
  ): Promise<DriverResponse> {
    const body = {
      token: 'legacy-verification-token',
      team_id: this.options.teamId,
      api_app_id: this.options.appId ?? 'A0SANDBOX',
      event: { event_ts: `${this.nowSeconds()}.000200`, ...event },
      type: 'event_callback',
      event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      event_time: this.nowSeconds(),
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.options.teamId,
          user_id: 'U0BOT',
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    const headers: Record<string, string> =
      opts.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return this.post(JSON.stringify(body), 'application/json', { headers });
  }
}

interface InputBlockLike {
  type: string;
  block_id?: string;
  label?: { text?: string };
  element?: Record<string, unknown> & { type?: string; action_id?: string };
}

interface OptionLike {
  text?: { text?: string };
  value?: string;
}

function findOption(element: Record<string, unknown>, wanted: string, label: string): OptionLike {
  const options = (element.options as OptionLike[] | undefined) ?? [];
  const option = options.find(
    (o) => o.value === wanted || o.text?.text?.toLowerCase() === wanted.toLowerCase(),
  );
  if (!option) throw new Error(`"${label}" has no option "${wanted}"`);
  return { text: option.text, value: option.value };
}

/** The value Slack reports for an input the user did not touch: its initial value, if any. */
function initialState(element: Record<string, unknown>): Record<string, unknown> {
  const type = element.type as string;
  switch (type) {
    case 'datepicker':
      return { type, selected_date: element.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: element.initial_time ?? null };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: element.initial_option ?? null };
    case 'checkboxes':
    case 'multi_static_select':
      return { type, selected_options: element.initial_options ?? [] };
    case 'users_select':
      return { type, selected_user: element.initial_user ?? null };
    case 'multi_users_select':
      return { type, selected_users: element.initial_users ?? [] };
    case 'conversations_select':
      return { type, selected_conversation: element.initial_conversation ?? null };
    default:
      return { type, value: element.initial_value ?? null };
  }
}

function answerState(
  element: Record<string, unknown>,
  answer: Answer,
  label: string,
): Record<string, unknown> {
  const type = element.type as string;
  switch (type) {
    case 'datepicker':
      return { type, selected_date: answer };
    case 'timepicker':
      return { type, selected_time: answer };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: answer === null ? null : findOption(element, String(answer), label) };
    case 'checkboxes':
    case 'multi_static_select': {
      const wanted =
        answer === true
          ? [(element.options as OptionLike[])[0]?.value ?? '']
          : answer === false || answer === null
            ? []
            : Array.isArray(answer)
              ? answer
              : [answer];
      return { type, selected_options: wanted.map((w) => findOption(element, w, label)) };
    }
    case 'users_select':
      return { type, selected_user: answer };
    case 'multi_users_select':
      return {
        type,
        selected_users: Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [],
      };
    case 'conversations_select':
      return { type, selected_conversation: answer };
    default:
      return { type, value: answer === null ? null : String(answer) };
  }
}

/**
 * Fills a modal the way a person would: by the labels they see. Inputs not named keep their initial
 * values, as in Slack. Naming a label the view does not have is an error (the test is wrong).
 */
export function fillView(view: ViewLike, answers: Record<string, Answer>): StateValues {
  const values: StateValues = {};
  const used = new Set<string>();
  for (const raw of view.blocks) {
    const block = raw as InputBlockLike;
    if (block.type !== 'input' || !block.element || !block.block_id || !block.element.action_id) continue;
    const label = block.label?.text ?? '';
    const answer = Object.hasOwn(answers, label) ? answers[label] : undefined;
    if (answer !== undefined) used.add(label);
    values[block.block_id] = {
      [block.element.action_id]:
        answer === undefined ? initialState(block.element) : answerState(block.element, answer, label),
    };
  }
  const unknown = Object.keys(answers).filter((l) => !used.has(l));
  if (unknown.length > 0)
    throw new Error(`The view has no input labelled ${unknown.map((l) => `"${l}"`).join(', ')}`);
  return values;
}
