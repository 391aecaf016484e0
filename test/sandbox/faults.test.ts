import {
  ErrorCode,
  type WebAPIHTTPError,
  type WebAPIRateLimitedError,
  type WebAPIRequestError,
} from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { ALICE, COHORT } from '../support/fixtures';
import { caught, slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('faults', () => {
  it('ratelimit: 429 with Retry-After, which WebClient reports as a rate-limited error', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'ratelimit', retryAfter: 7 });
    const error = (await caught(
      s.client().chat.postMessage({ channel: COHORT.id, text: 'x' }),
    )) as WebAPIRateLimitedError;
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect(error.retryAfter).toBe(7);
    expect(s.standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      status: 429,
      fault: 'ratelimit',
      response: { ok: false, error: 'ratelimited' },
    });
    expect(s.standIn.messages(COHORT.id)).toEqual([]);
  });

  it('ratelimit body and header on the wire', async () => {
    s.standIn.faults.set('auth.test', { kind: 'ratelimit', retryAfter: 30 });
    const response = await fetch(`${s.apiUrl}auth.test`, { method: 'POST' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it.each([500, 502, 503] as const)('error %i: WebClient throws WebAPIHTTPError', async (status) => {
    s.standIn.faults.set('users.info', { kind: 'error', status });
    const error = (await caught(s.client().users.info({ user: ALICE.id }))) as WebAPIHTTPError;
    expect(error.code).toBe(ErrorCode.HTTPError);
    expect(error.statusCode).toBe(status);
    expect(s.standIn.callsTo('users.info')[0]).toMatchObject({ status, response: null, fault: 'error' });
  });

  it('slack_error: ok:false with the chosen error', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'slack_error', error: 'fatal_error' });
    expect(await slackError(s.client().chat.postMessage({ channel: COHORT.id, text: 'x' }))).toEqual({
      ok: false,
      error: 'fatal_error',
      response_metadata: {},
    });
  });

  it('times: only that many calls are affected', async () => {
    s.standIn.faults.set('auth.test', { kind: 'slack_error', error: 'internal_error', times: 2 });
    const client = s.client();
    expect(await slackError(client.auth.test())).toMatchObject({ error: 'internal_error' });
    expect(await slackError(client.auth.test())).toMatchObject({ error: 'internal_error' });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
    expect(s.standIn.callsTo('auth.test').map((c) => c.fault)).toEqual([
      'slack_error',
      'slack_error',
      undefined,
    ]);
  });

  it('without times a fault lasts until cleared, and only affects its method', async () => {
    s.standIn.faults.set('auth.test', { kind: 'error', status: 503 });
    const client = s.client();
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError });
    await expect(client.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError });
    await expect(client.team.info()).resolves.toMatchObject({ ok: true });
    s.standIn.faults.clear('auth.test');
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('hang: never answers, so a WebClient timeout aborts the request', async () => {
    s.standIn.faults.set('chat.postMessage', { kind: 'hang' });
    const error = (await caught(
      s.client(undefined, { timeout: 100 }).chat.postMessage({ channel: COHORT.id, text: 'x' }),
    )) as WebAPIRequestError;
    expect(error.code).toBe(ErrorCode.RequestError);
    expect(error.original.name).toMatch(/TimeoutError|AbortError/);
    expect(s.standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      status: 0,
      response: null,
      fault: 'hang',
    });
  });

  it('hang: clear() releases the held request by destroying it', async () => {
    s.standIn.faults.set('auth.test', { kind: 'hang' });
    const pending = caught(s.client().auth.test());
    await s.standIn.waitForCall('auth.test');
    s.standIn.faults.clear();
    const error = (await pending) as WebAPIRequestError;
    expect(error.code).toBe(ErrorCode.RequestError);
    await expect(s.client().auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('hang: close() releases held requests too', async () => {
    s.standIn.faults.set('auth.test', { kind: 'hang', times: 1 });
    const pending = caught(s.client().auth.test());
    await s.standIn.waitForCall('auth.test');
    await s.standIn.close();
    expect((await pending).code).toBe(ErrorCode.RequestError);
  });

  it('rejects a times value that is not a positive integer', () => {
    expect(() => s.standIn.faults.set('auth.test', { kind: 'hang', times: 0 })).toThrow(/times/);
  });
});
