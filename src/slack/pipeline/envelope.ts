// What a signed request must look like before Bolt sees it. Bolt reads fields such as `ssl_check`,
// `actions[0]` and `view.state` without checking them, so a signed `null` or an `actions` string would
// throw inside it. Anything that fails here is answered 400 (malformed) and never dispatched.
// Only the fields Bolt and the listeners read are checked; everything else passes through unchanged.
import { parse as parseForm } from 'node:querystring';
import { z } from 'zod';

const id = z.string().min(1).max(255);
const optionalId = id.optional();

const teamRef = z.looseObject({ id: optionalId, enterprise_id: z.string().nullish() }).nullish();
const userRef = z.looseObject({ id, team_id: z.string().optional() });
// Bolt reads `channel.id` whenever `channel` is there: a null would throw inside it.
const channelRef = z.looseObject({ id: optionalId }).optional();

const viewShape = z.looseObject({
  id,
  callback_id: z.string().max(255).optional(),
  hash: z.string().max(255).optional(),
  private_metadata: z.string().max(3000).optional(),
  state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.unknown())) }).optional(),
});

/** A picked option: listeners read its `value` as the id they put there. */
const option = z.looseObject({ value: z.string().max(2000) });

const action = z.looseObject({
  action_id: id,
  block_id: z.string().max(255).optional(),
  action_ts: z.string().max(64).optional(),
  value: z.string().max(2000).optional(),
  type: z.string().max(64).optional(),
  selected_option: option.nullish(),
});

/**
 * Where Bolt's `respond` posts. Slack always sends an https address; anything that is not a web
 * address at all would only fail inside a listener.
 */
const responseUrl = z.string().max(2000).refine(isWebAddress, 'not a web address');

function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

const interactive = {
  user: userRef,
  team: teamRef,
  enterprise: z.looseObject({ id: optionalId }).nullish(),
  trigger_id: z.string().max(255).optional(),
  response_url: responseUrl.optional(),
};

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  ...interactive,
  actions: z.array(action).min(1).max(25),
  channel: channelRef,
  container: z.looseObject({ type: z.string().optional() }).optional(),
  message: z
    .looseObject({ ts: z.string().max(64).optional(), blocks: z.array(z.unknown()).optional() })
    .optional(),
  view: viewShape.optional(),
});

const viewEvent = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  ...interactive,
  view: viewShape,
});

const shortcut = z.looseObject({
  type: z.enum(['shortcut', 'message_action']),
  ...interactive,
  callback_id: z.string().max(255),
  // Slack always sends one; an empty one would only fail at views.open.
  trigger_id: z.string().min(1).max(255),
  channel: channelRef,
});

const suggestion = z.looseObject({
  type: z.literal('block_suggestion'),
  ...interactive,
  action_id: id,
  value: z.string().max(2000).optional(),
});

/**
 * A slash command is a flat form of strings, and the request Slack sends most: its fields are checked
 * one by one, without a schema run, and a reason is only put into words for a form that fails.
 * [field, least length, greatest length, may be absent]
 */
const COMMAND_FIELDS: readonly (readonly [string, number, number, boolean])[] = [
  ['command', 1, 64, false],
  ['text', 0, 4000, true],
  ['user_id', 1, 255, false],
  ['team_id', 1, 255, false],
  ['channel_id', 0, 255, true],
  ['trigger_id', 0, 255, true],
  ['response_url', 0, 2000, true],
];

function commandProblem(body: Record<string, unknown>): string | undefined {
  for (const [name, least, most, optional] of COMMAND_FIELDS) {
    const value = body[name];
    if (value === undefined && optional) continue;
    if (typeof value === 'string' && value.length >= least && value.length <= most) continue;
    const expected =
      least > 0 ? `a string of ${least} to ${most} characters` : `a string of at most ${most} characters`;
    return `${name}: expected ${expected}, got ${typeof value === 'string' ? `${value.length} characters` : describeType(value)}`;
  }
  if (typeof body.response_url === 'string' && !isWebAddress(body.response_url)) {
    return 'response_url: not a web address';
  }
  return undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: z.string().max(255).optional(),
  event_id: z.string().max(255).optional(),
  // Bolt reads `authorizations[0]`, and `user`, `channel`, `item` and `subteam` of the event, as
  // objects where they are not strings: a null there would throw inside it.
  authorizations: z.array(z.looseObject({})).optional(),
  event: z.looseObject({
    type: z.string().min(1).max(255),
    user: z.union([z.string().min(1), z.looseObject({ id: id })]).optional(),
    channel: z.union([z.string(), z.looseObject({})]).optional(),
    item: z.looseObject({}).optional(),
    subteam: z.looseObject({}).optional(),
  }),
});

/**
 * The events this app listens to, with the fields their listeners read, as Slack always sends them:
 * a member's own event names them by id, and a channel event its channel.
 */
const memberInChannel = z.looseObject({ user: id, channel: id });
const EVENT_FIELDS: Readonly<Record<string, z.ZodType>> = {
  app_home_opened: z.looseObject({ user: id, tab: z.string().max(64).optional() }),
  member_joined_channel: memberInChannel,
  member_left_channel: memberInChannel,
};

const urlVerification = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().max(500),
});

export type Envelope =
  | { kind: 'ssl_check' }
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'dispatch'; body: Record<string, unknown> }
  | { kind: 'malformed'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Classifies a parsed body: answered here, dispatched to the app, or refused as malformed. */
export function checkEnvelope(body: unknown): Envelope {
  if (!isRecord(body)) return { kind: 'malformed', reason: 'the body is not an object' };
  if (body.ssl_check !== undefined) return { kind: 'ssl_check' };
  if (body.type === 'url_verification') {
    const parsed = urlVerification.safeParse(body);
    return parsed.success
      ? { kind: 'url_verification', challenge: parsed.data.challenge }
      : { kind: 'malformed', reason: 'url_verification without a challenge' };
  }
  if ('command' in body) {
    const problem = commandProblem(body);
    return problem ? { kind: 'malformed', reason: problem } : { kind: 'dispatch', body };
  }
  const schema = schemaFor(body);
  if (!schema) {
    // A kind of request this app never registered for: acknowledged, and nothing runs.
    return { kind: 'dispatch', body };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return malformed(parsed.error, []);
  if (schema === eventCallback) {
    const event = body.event as { type: string };
    const fields = Object.hasOwn(EVENT_FIELDS, event.type) ? EVENT_FIELDS[event.type] : undefined;
    const checked = fields?.safeParse(event);
    if (checked && !checked.success) return malformed(checked.error, ['event']);
  }
  return { kind: 'dispatch', body };
}

function malformed(error: z.ZodError, under: PropertyKey[]): Envelope {
  const issue = error.issues[0];
  const path = [...under, ...(issue?.path ?? [])].map(String).join('.');
  return { kind: 'malformed', reason: `${path || 'body'}: ${issue?.message ?? 'invalid'}` };
}

function schemaFor(body: Record<string, unknown>): z.ZodType | undefined {
  // Bolt tells a request's kind by these fields before its type, so they pick the schema first.
  if (body.event !== undefined) return eventCallback;
  if (body.name !== undefined) return suggestion;
  if (body.actions !== undefined || body.type === 'dialog_submission') return blockActions;
  switch (body.type) {
    case 'block_actions':
      return blockActions;
    case 'view_submission':
    case 'view_closed':
      return viewEvent;
    case 'shortcut':
    case 'message_action':
      return shortcut;
    case 'block_suggestion':
      return suggestion;
    case 'event_callback':
      return eventCallback;
    default:
      return undefined;
  }
}

/** Parses a raw request body the way Slack sends it: JSON, a form with a `payload`, or a slash command form. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return JSON.parse(raw);
  if (type === 'application/x-www-form-urlencoded') {
    const form = parseForm(raw, undefined, undefined, { maxKeys: 0 });
    const payload = form.payload;
    if (payload !== undefined) return JSON.parse(Array.isArray(payload) ? (payload[0] ?? '') : payload);
    // A field sent more than once keeps its last value; every value is a string.
    const fields: Record<string, string> = {};
    for (const key of Object.keys(form)) {
      const value = form[key];
      fields[key] = Array.isArray(value) ? (value[value.length - 1] ?? '') : (value ?? '');
    }
    return fields;
  }
  throw new Error(`unsupported content type ${type || '(none)'}`);
}
