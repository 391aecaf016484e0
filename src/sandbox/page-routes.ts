// Sandbox mode only: the routes of the sandbox's browser page (see ./page/protocol.ts). The page never
// posts to /slack/events itself: each click, submission, command and event goes out through the
// SlackDriver as a signed request, as Slack would send it, and what Slack would do with the app's
// answer (a command's immediate reply, a submission's response_action) is applied to the stand-in here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROJECT_ROOT } from '../core/build';
import type { SlackStandIn, StandInTeam, StandInUser, StoredMessage, StoredView } from './index';
import type {
  ActionBody,
  ActionWhere,
  ClockBody,
  CloseBody,
  CommandBody,
  Json,
  PageMessage,
  PageModal,
  PageState,
  PageUser,
  PageValues,
  SubmitBody,
  UserBody,
} from './page/protocol';
import { pageHtml } from './page/shell';
import type { ClickedAction, ClickWhere, DriverResponse, SlackDriver, ViewLike } from './slack-driver';
import { tryCommand } from './try-route';

const BODY_LIMIT = 1024 * 1024;
const PING_MS = 15_000;
const MAX_ADVANCE_MINUTES = 60 * 24 * 14;
/** Commands' immediate answers kept for the page (the oldest go first). */
const MAX_ACK_MESSAGES = 1000;
const CLIENT_ENTRY = 'src/sandbox/page/client/main.ts';
/** Web API reads that change nothing the page shows. */
const READ_ONLY = /^conversations\.(info|members|list|history|replies)$/;

export interface PageRoutesOptions {
  standIn: SlackStandIn;
  /** The driver, once the app listens (undefined before: the routes answer 503). */
  driver: () => SlackDriver | undefined;
  team: StandInTeam;
  /** The workspace's people (the bot is not one of them). */
  users: StandInUser[];
  facilitatorId: string;
  channel: { id: string; name: string };
  botName: string;
  /** The app's clock (the simulated time). */
  now: () => Date;
  /** Moves the clock forward and runs the nudge sweep and cohort jobs as of the new time. */
  advanceClock(minutes: number): Promise<{ now: Date; sent: number }>;
  /** Seeds the demo; answers a sentence saying what is there. */
  seedDemo(): Promise<string>;
}

export interface PageRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

export interface PageRoutes {
  routes: PageRoute[];
  /** Ends the event streams (an open stream would keep the server from closing). */
  close(): void;
}

/** A failure with the HTTP status it is answered with. */
class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A command's immediate answer (the ack body): Slack shows it only to the member, where they typed. */
interface AckMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Json[];
  /** Undefined for `response_type: "in_channel"`. */
  recipient?: string;
}

/** A request body as it arrives: the protocol's fields, each still to be checked. */
type Unchecked<T> = { [K in keyof T]?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new RouteError(413, 'That request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new RouteError(400, 'The body is not JSON.');
  }
  if (!isObject(parsed)) throw new RouteError(400, 'The body must be a JSON object.');
  return parsed;
}

/** Message timestamps in order: seconds, then the part after the dot. */
function compareTs(a: string, b: string): number {
  const [as = '0', af = ''] = a.split('.');
  const [bs = '0', bf = ''] = b.split('.');
  return Number(as) - Number(bs) || af.padEnd(6, '0').localeCompare(bf.padEnd(6, '0'));
}

function readValues(raw: unknown): PageValues {
  if (raw === undefined) return {};
  if (!isObject(raw)) throw new RouteError(400, '`values` must be an object.');
  for (const block of Object.values(raw)) {
    if (!isObject(block) || !Object.values(block).every(isObject))
      throw new RouteError(400, '`values` must map block ids to action ids to value objects.');
  }
  return raw as PageValues;
}

function readAction(raw: unknown): ClickedAction {
  if (
    !isObject(raw) ||
    typeof raw.action_id !== 'string' ||
    typeof raw.block_id !== 'string' ||
    typeof raw.type !== 'string'
  ) {
    throw new RouteError(400, '`action` must be an object with string action_id, block_id and type.');
  }
  return raw as unknown as ClickedAction;
}

function ackFailure(ack: DriverResponse): RouteError {
  return new RouteError(502, `The app answered ${ack.status}.`);
}

export function sandboxPageRoutes(options: PageRoutesOptions): PageRoutes {
  const { standIn, team } = options;
  const people = new Map(options.users.map((u) => [u.id, u]));
  const ackMessages: AckMessage[] = [];
  /** Inline errors of a modal's last submission, while the modal is the one they were for (same hash). */
  const viewErrors = new Map<string, { hash: string; errors: Record<string, string> }>();

  // ---- server-sent events -----------------------------------------------------------------
  const streams = new Set<ServerResponse>();
  let changePending = false;
  const changed = () => {
    if (changePending || streams.size === 0) return;
    changePending = true;
    setImmediate(() => {
      changePending = false;
      for (const res of streams) res.write('event: change\ndata: {}\n\n');
    });
  };
  const ping = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, PING_MS);
  ping.unref();
  const stopListening = standIn.onCall((call) => {
    if (call.status !== 200) return;
    const m = call.method;
    if (m === 'response_url' || m.startsWith('chat.') || m.startsWith('views.')) changed();
    else if (m.startsWith('conversations.') && !READ_ONLY.test(m)) changed();
  });

  // ---- reading the stand-in ---------------------------------------------------------------
  const member = (raw: unknown): StandInUser => {
    const user = typeof raw === 'string' ? people.get(raw) : undefined;
    if (!user) throw new RouteError(400, 'Unknown user.');
    return user;
  };
  const driver = (): SlackDriver => {
    const d = options.driver();
    if (!d) throw new RouteError(503, 'The sandbox is still starting.');
    return d;
  };
  const dmOf = (userId: string) => standIn.dmChannelFor(team.id, userId);
  const inChannel = (userId: string) => standIn.channelMembers(options.channel.id).includes(userId);
  /** Whether the member can read `channelId`: their DM with the bot, or the cohort channel once in it. */
  const canSee = (userId: string, channelId: string) =>
    channelId === dmOf(userId) || (channelId === options.channel.id && inChannel(userId));
  const nameOf = (userId: string) =>
    userId === team.botUserId
      ? options.botName
      : (people.get(userId)?.realName ?? people.get(userId)?.name ?? userId);

  const visibleMessages = (userId: string, channelId: string): PageMessage[] => {
    const stored = standIn
      .messages(channelId)
      .filter((m: StoredMessage) => !m.ephemeral || m.recipient === userId)
      .map(
        (m): PageMessage => ({
          channelId,
          ts: m.ts,
          userId: m.user,
          userName: nameOf(m.user),
          text: m.text,
          blocks: (m.blocks ?? []) as Json[],
          ephemeral: m.ephemeral,
          ...(m.threadTs ? { threadTs: m.threadTs } : {}),
        }),
      );
    const answers = ackMessages
      .filter((m) => m.channel === channelId && (m.recipient === undefined || m.recipient === userId))
      .map(
        (m): PageMessage => ({
          channelId,
          ts: m.ts,
          userId: team.botUserId,
          userName: options.botName,
          text: m.text,
          blocks: m.blocks,
          ephemeral: m.recipient !== undefined,
        }),
      );
    return [...stored, ...answers].sort((a, b) => compareTs(a.ts, b.ts));
  };

  const modalOf = (view: StoredView): PageModal => {
    const errors = viewErrors.get(view.id);
    return {
      id: view.id,
      hash: view.hash,
      view: view as unknown as Json,
      errors: errors && errors.hash === view.hash ? errors.errors : {},
    };
  };

  const pageState = (userId: string): PageState => {
    const users: PageUser[] = options.users.map((u) => ({
      id: u.id,
      name: u.realName ?? u.name,
      tz: u.tz ?? 'America/Los_Angeles',
      facilitator: u.id === options.facilitatorId,
    }));
    const dm = dmOf(userId);
    const joined = inChannel(userId);
    const home = standIn.homeView(team.id, userId);
    return {
      now: options.now().toISOString(),
      me: userId,
      users,
      bot: { id: team.botUserId, name: options.botName },
      dm: { channelId: dm, messages: visibleMessages(userId, dm) },
      channel: {
        id: options.channel.id,
        name: options.channel.name,
        joined,
        messages: joined ? visibleMessages(userId, options.channel.id) : [],
      },
      home: home ? (home as unknown as Json) : null,
      modals: standIn.openViews(userId).map(modalOf),
    };
  };

  const openView = (userId: string, raw: unknown): StoredView => {
    const view = typeof raw === 'string' ? standIn.openViews(userId).find((v) => v.id === raw) : undefined;
    if (!view) throw new RouteError(400, 'That modal is not open for this user.');
    return view;
  };

  // ---- what the page does -----------------------------------------------------------------
  const command = async (body: Unchecked<CommandBody>) => {
    // `coach try` posts {user, text} with the text after "/coach": its own answer, as before.
    if (body.where === undefined) {
      const d = driver();
      return tryCommand(standIn, d, body).catch((error: Error) => {
        throw new RouteError(400, error.message);
      });
    }
    const user = member(body.user);
    if (body.where !== 'dm' && body.where !== 'channel')
      throw new RouteError(400, '`where` must be "dm" or "channel".');
    const typed = typeof body.text === 'string' ? body.text.trim() : '';
    const match = /^(\/[^\s/]+)(?:\s+([\s\S]*))?$/.exec(typed);
    if (!match?.[1]) throw new RouteError(400, 'Type a slash command, like /coach help.');
    const channelId = body.where === 'dm' ? dmOf(user.id) : options.channel.id;
    if (!canSee(user.id, channelId)) throw new RouteError(400, 'Join the channel first.');
    const ack = await driver().command(user.id, match[2] ?? '', { channelId, command: match[1] });
    if (ack.status !== 200) throw ackFailure(ack);
    const answer = isObject(ack.json) ? ack.json : undefined;
    const text = answer ? (typeof answer.text === 'string' ? answer.text : '') : ack.text;
    const blocks = Array.isArray(answer?.blocks) ? (answer.blocks.filter(isObject) as Json[]) : [];
    if (text || blocks.length > 0) {
      ackMessages.push({
        channel: channelId,
        ts: standIn.nextTs(),
        text,
        blocks,
        ...(answer?.response_type === 'in_channel' ? {} : { recipient: user.id }),
      });
      if (ackMessages.length > MAX_ACK_MESSAGES) ackMessages.shift();
      changed();
    }
    return { ok: true, ...(text ? { text } : {}) };
  };

  const action = async (body: Unchecked<ActionBody>) => {
    const user = member(body.user);
    const clicked = readAction(body.action);
    const values = readValues(body.values);
    const where = body.where as ActionWhere | undefined;
    let click: ClickWhere;
    if (where?.kind === 'message') {
      const { channelId, ts } = where;
      if (typeof channelId !== 'string' || typeof ts !== 'string' || !canSee(user.id, channelId))
        throw new RouteError(400, 'That message is not one this user can see.');
      const message = visibleMessages(user.id, channelId).find((m) => m.ts === ts);
      if (!message) throw new RouteError(400, 'That message is not one this user can see.');
      const storedHere = standIn.messages(channelId).some((m) => m.ts === ts);
      click = {
        message: {
          channelId,
          ts,
          text: message.text,
          blocks: message.blocks,
          isEphemeral: message.ephemeral,
          withOriginal: storedHere,
        },
      };
    } else if (where?.kind === 'view') {
      const view = openView(user.id, where.viewId);
      click = { view: view as unknown as ViewLike, state: values };
    } else if (where?.kind === 'home') {
      const home = standIn.homeView(team.id, user.id);
      if (!home) throw new RouteError(400, 'This user has no Home yet.');
      click = { view: home as unknown as ViewLike, state: values };
    } else {
      throw new RouteError(400, '`where` must be a message, a view or the Home.');
    }
    const ack = await driver().blockAction(user.id, clicked, click);
    if (ack.status !== 200) throw ackFailure(ack);
    return { ok: true };
  };

  const submit = async (body: Unchecked<SubmitBody>) => {
    const user = member(body.user);
    const view = openView(user.id, body.viewId);
    if (standIn.openViews(user.id).at(-1)?.id !== view.id)
      throw new RouteError(400, 'Only the modal on top can be submitted.');
    const values = readValues(body.values);
    const ack = await driver().submitView(user.id, view as unknown as ViewLike, values);
    if (ack.status !== 200) throw ackFailure(ack);
    const applied = standIn.answerSubmission(team.id, user.id, view.id, ack.json);
    if (!applied.ok) throw new RouteError(502, `The app's answer could not be shown (${applied.error}).`);
    changed();
    if (applied.errors) {
      viewErrors.set(view.id, { hash: view.hash, errors: applied.errors });
      return { ok: true, errors: applied.errors };
    }
    viewErrors.delete(view.id);
    return { ok: true };
  };

  const close = async (body: Unchecked<CloseBody>) => {
    const user = member(body.user);
    const view = openView(user.id, body.viewId);
    if (view.notify_on_close) {
      const ack = await driver().closeView(user.id, view as unknown as ViewLike);
      if (ack.status !== 200) throw ackFailure(ack);
    }
    standIn.closeView(user.id, view.id);
    viewErrors.delete(view.id);
    changed();
    return { ok: true };
  };

  const homeOpened = async (userId: string) => {
    const home = standIn.homeView(team.id, userId);
    const ack = await driver().event({
      type: 'app_home_opened',
      user: userId,
      channel: dmOf(userId),
      tab: 'home',
      ...(home ? { view: home } : {}),
    });
    if (ack.status !== 200) throw ackFailure(ack);
  };

  const join = async (body: Unchecked<UserBody>) => {
    const user = member(body.user);
    if (inChannel(user.id)) return { ok: true };
    const d = driver();
    standIn.addMember(options.channel.id, user.id);
    changed();
    const ack = await d.event({
      type: 'member_joined_channel',
      user: user.id,
      channel: options.channel.id,
      channel_type: 'C',
      team: team.id,
    });
    if (ack.status !== 200) throw ackFailure(ack);
    return { ok: true };
  };

  const clock = async (body: Unchecked<ClockBody>) => {
    const minutes = body.advanceMinutes;
    if (
      typeof minutes !== 'number' ||
      !Number.isFinite(minutes) ||
      minutes < 1 ||
      minutes > MAX_ADVANCE_MINUTES
    )
      throw new RouteError(400, `advanceMinutes must be a number from 1 to ${MAX_ADVANCE_MINUTES}.`);
    const result = await options.advanceClock(minutes);
    changed();
    return { ok: true, now: result.now.toISOString(), sent: result.sent };
  };

  const demo = async (body: Unchecked<UserBody>) => {
    const user = body.user === undefined ? undefined : member(body.user);
    const summary = await options.seedDemo();
    // The member's Home shows what was seeded.
    if (user) await homeOpened(user.id);
    changed();
    return { ok: true, summary };
  };

  // ---- plumbing -----------------------------------------------------------------------------
  const answer = (res: ServerResponse, work: () => Promise<unknown>): Promise<void> =>
    work().then(
      (body) => sendJson(res, 200, body),
      (error: unknown) => {
        if (error instanceof RouteError) sendJson(res, error.status, { ok: false, error: error.message });
        else sendJson(res, 500, { ok: false, error: 'Something went wrong in the sandbox.' });
      },
    );
  const post = (path: string, handle: (body: Record<string, unknown>) => Promise<unknown>): PageRoute => ({
    path,
    method: ['POST'],
    handler: (req, res) => answer(res, async () => handle(await readJson(req))),
  });
  /** The member named by `?user=`, or the first demo member when there is none (the page's first load). */
  const queryUser = (req: IncomingMessage) =>
    member(new URL(req.url ?? '/', 'http://sandbox').searchParams.get('user') || options.users[0]?.id);

  let script: Promise<string> | undefined;
  const pageScript = () => {
    script ??= bundleClient();
    // A failed bundle is tried again on the next request.
    script.catch(() => {
      script = undefined;
    });
    return script;
  };

  const routes: PageRoute[] = [
    {
      path: '/',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(pageHtml());
      },
    },
    {
      path: '/sandbox/page.js',
      method: ['GET'],
      handler: (_req, res) => {
        pageScript().then(
          (js) => {
            res.writeHead(200, {
              'content-type': 'text/javascript; charset=utf-8',
              'cache-control': 'no-store',
            });
            res.end(js);
          },
          (error: Error) => {
            res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(`The page's script could not be built: ${error.message}`);
          },
        );
      },
    },
    {
      path: '/sandbox/state',
      method: ['GET'],
      handler: (req, res) => answer(res, async () => ({ ok: true, ...pageState(queryUser(req).id) })),
    },
    {
      path: '/sandbox/events',
      method: ['GET'],
      handler: (req, res) => {
        let user: StandInUser;
        try {
          user = queryUser(req);
        } catch (error) {
          sendJson(res, 400, { ok: false, error: (error as Error).message });
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(`: events for ${user.id}\n\n`);
        streams.add(res);
        const forget = () => streams.delete(res);
        req.on('close', forget);
        res.on('close', forget);
      },
    },
    post('/sandbox/command', command),
    post('/sandbox/action', action),
    post('/sandbox/submit', submit),
    post('/sandbox/close', close),
    post('/sandbox/home', async (body) => {
      await homeOpened(member(body.user).id);
      return { ok: true };
    }),
    post('/sandbox/join', join),
    post('/sandbox/clock', clock),
    post('/sandbox/demo', demo),
  ];

  return {
    routes,
    close() {
      clearInterval(ping);
      stopListening();
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}

/** The page's script, bundled for the browser (esbuild loads only when the page asks for it). */
async function bundleClient(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}
