// The dispatcher every request goes through: it answers for a listener that is too slow or failed,
// exactly once, and never lets an error reach the receiver.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log';
import { dispatch } from '../../src/slack/pipeline/dispatch';
import { checkEnvelope, parseBody } from '../../src/slack/pipeline/envelope';

const log = createLogger('silent');
type Event = Parameters<typeof dispatch>[0]['processEvent'] extends (e: infer E) => unknown ? E : never;

describe('dispatch', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers once for a listener still silent at the deadline, and drops its late ack', async () => {
    let release: () => void = () => undefined;
    let lateAck: ((r?: unknown) => Promise<void>) | undefined;
    const app = {
      processEvent: (event: Event) =>
        new Promise<void>((resolve) => {
          lateAck = event.ack as (r?: unknown) => Promise<void>;
          release = resolve;
        }),
    };
    const sent: unknown[] = [];
    const done = dispatch(app, { body: {} }, (r) => void sent.push(r ?? 'empty'), { log, deadlineMs: 2500 });
    await vi.advanceTimersByTimeAsync(2499);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['empty']);
    await lateAck?.({ text: 'too late' });
    release();
    const state = await done;
    expect(sent).toEqual(['empty']);
    expect(state.lateAck).toBe(true);
  });

  it('answers a request whose processing threw before any ack, and resolves', async () => {
    const app = { processEvent: async () => Promise.reject(new Error('boom {"note":"private"}')) };
    const sent: unknown[] = [];
    const state = await dispatch(app, { body: {} }, (r) => void sent.push(r ?? 'empty'), { log });
    expect(sent).toEqual(['empty']);
    expect(state.acked).toBe(true);
  });

  it('passes the listener’s own answer through, once', async () => {
    const app = {
      processEvent: async (event: Event) => {
        await event.ack({ response_action: 'clear' } as never);
        await event.ack({ response_action: 'errors' } as never);
      },
    };
    const sent: unknown[] = [];
    await dispatch(app, { body: {} }, (r) => void sent.push(r), { log });
    expect(sent).toEqual([{ response_action: 'clear' }]);
  });
});

describe('the envelope check', () => {
  it('refuses bodies Bolt cannot read, and lets well-formed ones through', () => {
    expect(checkEnvelope(null).kind).toBe('malformed');
    expect(checkEnvelope([]).kind).toBe('malformed');
    expect(checkEnvelope({ type: 'block_actions', user: { id: 'U1' }, actions: 'x' }).kind).toBe('malformed');
    expect(checkEnvelope({ type: 'view_submission', user: { id: 'U1' }, view: 'x' }).kind).toBe('malformed');
    expect(checkEnvelope({ type: 'event_callback', event: null }).kind).toBe('malformed');
    expect(checkEnvelope({ command: '/coach', user_id: 5, team_id: 'T1' }).kind).toBe('malformed');
    expect(checkEnvelope({ ssl_check: '1' }).kind).toBe('ssl_check');
    expect(checkEnvelope({ type: 'url_verification', challenge: 'abc' })).toEqual({
      kind: 'url_verification',
      challenge: 'abc',
    });
    const click = {
      type: 'block_actions',
      user: { id: 'U1' },
      team: { id: 'T1' },
      actions: [{ action_id: 'a', action_ts: '1.2' }],
    };
    expect(checkEnvelope(click).kind).toBe('dispatch');
    expect(checkEnvelope({ type: 'something_new', anything: true }).kind).toBe('dispatch');
  });

  it('reads JSON, payload forms and slash-command forms, and nothing else', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('payload=%7B%22b%22%3A2%7D', 'application/x-www-form-urlencoded')).toEqual({ b: 2 });
    expect(
      parseBody('command=%2Fcoach&text=help', 'application/x-www-form-urlencoded; charset=utf-8'),
    ).toEqual({
      command: '/coach',
      text: 'help',
    });
    expect(() => parseBody('x', 'text/plain')).toThrow();
    expect(() => parseBody('payload=%7Bnope', 'application/x-www-form-urlencoded')).toThrow();
  });
});
