// The listener router against Bolt itself: the same registrations, made on a plain Bolt app and through
// the router, must call the same listeners for every kind of request.
import { type AnyMiddlewareArgs, App, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ListenerRouter } from '../../src/slack/pipeline/router';
import { silentLogger } from '../support/stand-in';

const receiver: Receiver = {
  init: () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
};

function boltApp(): App {
  return new App({
    receiver,
    token: 'xoxb-test',
    botId: 'B1',
    botUserId: 'UBOT',
    tokenVerificationEnabled: false,
    logger: silentLogger,
    convoStore: false,
  });
}

const user = { id: 'U1', team_id: 'T1' };
const team = { id: 'T1' };

const BODIES: Record<string, Record<string, unknown>> = {
  'command /coach': { command: '/coach', text: 'help', user_id: 'U1', team_id: 'T1', channel_id: 'D1' },
  'command /other': { command: '/other', text: '', user_id: 'U1', team_id: 'T1', channel_id: 'D1' },
  'click a1': {
    type: 'block_actions',
    user,
    team,
    actions: [{ action_id: 'a1', block_id: 'b', action_ts: '1.2' }],
  },
  'click a2 then a1': {
    type: 'block_actions',
    user,
    team,
    actions: [
      { action_id: 'a2', block_id: 'b', action_ts: '1.2' },
      { action_id: 'a1', block_id: 'b', action_ts: '1.3' },
    ],
  },
  'click unknown': {
    type: 'block_actions',
    user,
    team,
    actions: [{ action_id: 'nobody', block_id: 'b', action_ts: '1.2' }],
  },
  'submit v1': {
    type: 'view_submission',
    user,
    team,
    view: { id: 'V1', callback_id: 'v1', state: { values: {} } },
  },
  'close v1': { type: 'view_closed', user, team, view: { id: 'V1', callback_id: 'v1' } },
  'submit s1': {
    type: 'view_submission',
    user,
    team,
    view: { id: 'V2', callback_id: 's1', state: { values: {} } },
  },
  'shortcut s1': { type: 'shortcut', user, team, callback_id: 's1', trigger_id: 't' },
  'message shortcut s1': {
    type: 'message_action',
    user,
    team,
    callback_id: 's1',
    trigger_id: 't',
    channel: { id: 'C1' },
    message: { ts: '1.1', text: 'hi' },
  },
  'event app_home_opened': {
    type: 'event_callback',
    team_id: 'T1',
    event_id: 'E1',
    event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' },
  },
  'event member_joined_channel': {
    type: 'event_callback',
    team_id: 'T1',
    event_id: 'E2',
    event: { type: 'member_joined_channel', user: 'U1', channel: 'C1' },
  },
};

/** Registers the same listeners on `target`; each records its name when called. */
function register(target: App, calls: string[]): void {
  const listener = (name: string) => async (args: AnyMiddlewareArgs & { ack?: () => Promise<void> }) => {
    calls.push(name);
    await args.ack?.();
  };
  target.command('/coach', listener('command /coach'));
  target.action('a1', listener('action a1'));
  target.action('a2', listener('action a2'));
  target.view('v1', listener('view v1'));
  target.view('s1', listener('view s1'));
  target.shortcut('s1', listener('shortcut s1'));
  target.event('app_home_opened', listener('event app_home_opened'));
}

async function deliver(app: App, body: Record<string, unknown>): Promise<void> {
  await app.processEvent({ body, ack: async () => undefined });
}

describe('ListenerRouter', () => {
  it('calls the same listener Bolt would, for every kind of request, and nothing else', async () => {
    const plain = boltApp();
    const plainCalls: string[] = [];
    register(plain, plainCalls);

    const routed = boltApp();
    const routedCalls: string[] = [];
    const router = new ListenerRouter();
    register(router.registrar(routed), routedCalls);
    routed.use(router.middleware());
    expect(router.size).toBe(7);

    for (const [name, body] of Object.entries(BODIES)) {
      plainCalls.length = 0;
      routedCalls.length = 0;
      await deliver(plain, body);
      await deliver(routed, body);
      expect(routedCalls, name).toEqual(plainCalls);
    }
    // The table above reaches every listener, and some requests reach none.
    plainCalls.length = 0;
    for (const body of Object.values(BODIES)) await deliver(plain, body);
    expect(new Set(plainCalls)).toEqual(
      new Set([
        'command /coach',
        'action a1',
        'action a2',
        'view v1',
        'view s1',
        'shortcut s1',
        'event app_home_opened',
      ]),
    );
  });

  it('gives the listener Bolt’s arguments, with a next that does nothing', async () => {
    const app = boltApp();
    const router = new ListenerRouter();
    let seen: Record<string, unknown> | undefined;
    router.registrar(app).action('a1', async (args) => {
      seen = args as unknown as Record<string, unknown>;
      await args.ack();
    });
    app.use(router.middleware());
    let acked = 0;
    await app.processEvent({
      body: BODIES['click a1']!,
      ack: async () => {
        acked++;
      },
    });
    expect(acked).toBe(1);
    expect(seen?.action).toMatchObject({ action_id: 'a1' });
    expect(seen?.body).toBe(BODIES['click a1']);
    expect(seen).toHaveProperty('client');
    expect(seen).toHaveProperty('context');
    expect(seen).toHaveProperty('logger');
    const next = seen?.next as (() => unknown) | undefined;
    expect(next?.()).toBeUndefined();
    expect(typeof next).toBe('function');
  });

  it('passes a request no routed listener is for on to Bolt’s own listeners', async () => {
    const app = boltApp();
    const router = new ListenerRouter();
    const calls: string[] = [];
    const registrar = router.registrar(app);
    registrar.action('a1', async () => {
      calls.push('routed');
    });
    // Not one of the routed kinds: registered on Bolt itself, through the same object.
    registrar.options('a1', async ({ ack }) => {
      calls.push('options');
      await ack({ options: [] });
    });
    app.use(router.middleware());
    await deliver(app, { type: 'block_suggestion', user, team, action_id: 'a1', value: 'x' });
    expect(calls).toEqual(['options']);
  });

  it('lets a listener’s failure reach the middleware around it', async () => {
    const app = boltApp();
    const router = new ListenerRouter();
    router.registrar(app).command('/coach', async () => {
      throw new Error('listener broke');
    });
    const caught: string[] = [];
    app.use(async ({ next }) => {
      try {
        await next();
      } catch (error) {
        caught.push((error as Error).message);
      }
    });
    app.use(router.middleware());
    await deliver(app, BODIES['command /coach']!);
    expect(caught).toEqual(['listener broke']);
  });

  it('refuses registrations it cannot look up in one step', () => {
    const router = new ListenerRouter();
    const registrar = router.registrar(boltApp());
    const noop = async () => undefined;
    registrar.action('a1', noop);
    expect(() => registrar.action('a1', noop)).toThrow('two action listeners for a1');
    expect(() => registrar.action(/a.*/, noop)).toThrow('exact id');
    expect(() => registrar.view({ callback_id: 'v1', type: 'view_closed' }, noop)).toThrow('exact id');
    expect(() => registrar.command('/coach', noop, noop)).toThrow('exactly one function');
    expect(router.size).toBe(1);
  });
});
