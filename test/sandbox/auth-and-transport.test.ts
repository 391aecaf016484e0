import { describe, expect, it } from 'vitest';
import { ALICE, OTHER_TEAM, OTTO, RAVI, TEAM } from '../support/fixtures';
import { rawCall, START_MS, slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('authentication', () => {
  it('answers auth.test for a bot token the way Bolt expects', async () => {
    const result = await s.client().auth.test();
    expect(result).toMatchObject({
      ok: true,
      url: `https://${TEAM.domain}.slack.com/`,
      team: TEAM.name,
      user: 'bot',
      team_id: TEAM.id,
      user_id: TEAM.botUserId,
      bot_id: TEAM.botId,
      app_id: TEAM.appId,
      is_enterprise_install: false,
    });
  });

  it('derives the workspace URL from the name when no domain is given', async () => {
    const result = await s.client(OTHER_TEAM.botToken).auth.test();
    expect(result.url).toBe('https://other-co.slack.com/');
    expect(result).not.toHaveProperty('app_id');
  });

  it('answers not_authed without a token', async () => {
    expect(await slackError(s.client('').auth.test())).toMatchObject({ ok: false, error: 'not_authed' });
  });

  it('answers invalid_auth for an unknown token', async () => {
    expect(await slackError(s.client('xoxb-nope').auth.test())).toMatchObject({ error: 'invalid_auth' });
  });

  it('answers the chosen error for a revoked token', async () => {
    s.standIn.revokeToken(TEAM.botToken);
    expect(await slackError(s.client().auth.test())).toMatchObject({ error: 'token_revoked' });
    s.standIn.revokeToken(TEAM.botToken, 'account_inactive');
    expect(await slackError(s.client().chat.postMessage({ channel: 'C0COHORT', text: 'x' }))).toMatchObject({
      error: 'account_inactive',
    });
  });

  it('accepts the token as a form field instead of the Authorization header', async () => {
    const response = await rawCall(`${s.apiUrl}auth.test`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${TEAM.botToken}`,
    });
    expect(response.body).toMatchObject({ ok: true, team_id: TEAM.id });
    expect(s.standIn.callsTo('auth.test')[0]).toMatchObject({
      token: TEAM.botToken,
      teamId: TEAM.id,
      args: {},
    });
  });

  it('ignores a token inside a JSON body (Slack reads it from the header only)', async () => {
    const response = await rawCall(`${s.apiUrl}auth.test`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TEAM.botToken }),
    });
    expect(response.body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('refuses an app-level token on bot methods and a bot token on apps.connections.open', async () => {
    s.standIn.addAppToken('xapp-1-test');
    expect(await slackError(s.client('xapp-1-test').auth.test())).toMatchObject({
      error: 'not_allowed_token_type',
    });
    expect(await slackError(s.client().apps.connections.open())).toMatchObject({
      error: 'not_allowed_token_type',
    });
  });
});

describe('transport', () => {
  it('answers unknown_method with HTTP 200', async () => {
    const response = await rawCall(`${s.apiUrl}chat.shout`, {
      headers: { authorization: `Bearer ${TEAM.botToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: false, error: 'unknown_method' });
  });

  it('accepts GET with query arguments', async () => {
    const response = await rawCall(`${s.apiUrl}users.info?user=${ALICE.id}&token=${TEAM.botToken}`, {
      method: 'GET',
    });
    expect(response.body).toMatchObject({ ok: true, user: { id: ALICE.id } });
  });

  it('accepts JSON bodies for JSON-capable methods and decodes blocks in form bodies', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    const json = await rawCall(`${s.apiUrl}chat.postMessage`, {
      headers: {
        authorization: `Bearer ${TEAM.botToken}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({ channel: 'C0COHORT', text: 'hi', blocks }),
    });
    expect(json.body).toMatchObject({ ok: true, channel: 'C0COHORT' });
    await s.client().chat.postMessage({ channel: 'C0COHORT', text: 'hi', blocks });
    const [first, second] = s.standIn.callsTo('chat.postMessage');
    expect(first?.args.blocks).toEqual(blocks);
    expect(second?.args.blocks).toEqual(blocks);
  });

  it('does not read JSON bodies for methods without JSON support (users.info)', async () => {
    const response = await rawCall(`${s.apiUrl}users.info`, {
      headers: { authorization: `Bearer ${TEAM.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: ALICE.id }),
    });
    expect(response.body).toEqual({ ok: false, error: 'user_not_found' });
  });

  it('answers invalid_json and invalid_post_type for unreadable bodies', async () => {
    const headers = { authorization: `Bearer ${TEAM.botToken}` };
    const badJson = await rawCall(`${s.apiUrl}auth.test`, {
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(badJson.body).toEqual({ ok: false, error: 'invalid_json' });
    const text = await rawCall(`${s.apiUrl}auth.test`, {
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.body).toEqual({ ok: false, error: 'invalid_post_type' });
  });

  it('records each call with its arguments, token, team, answer, status and clock time', async () => {
    s.clock.advance(1234);
    await s.client().users.info({ user: ALICE.id });
    expect(s.standIn.calls).toHaveLength(1);
    expect(s.standIn.calls[0]).toMatchObject({
      method: 'users.info',
      args: { user: ALICE.id },
      token: TEAM.botToken,
      teamId: TEAM.id,
      status: 200,
      at: START_MS + 1234,
      response: { ok: true },
    });
    s.standIn.clearCalls();
    expect(s.standIn.calls).toHaveLength(0);
  });
});

describe('team.info and users.info', () => {
  it('describes the team', async () => {
    const result = await s.client().team.info();
    expect(result.team).toMatchObject({ id: TEAM.id, name: TEAM.name, domain: 'test-bootcamp' });
    expect(await slackError(s.client().team.info({ team: 'T0NOPE' }))).toMatchObject({
      error: 'team_not_found',
    });
  });

  it('computes tz_label and tz_offset from the IANA zone at the clock time (DST aware)', async () => {
    // 2023-11-14: New York is on standard time.
    const winter = await s.client().users.info({ user: ALICE.id });
    expect(winter.user).toMatchObject({
      id: ALICE.id,
      team_id: TEAM.id,
      name: 'alice',
      real_name: 'Alice Chen',
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      tz_offset: -18000,
      is_bot: false,
      deleted: false,
      profile: { real_name: 'Alice Chen', display_name: 'alice' },
    });
    s.clock.set(Date.UTC(2024, 6, 1));
    const summer = await s.client().users.info({ user: ALICE.id });
    expect(summer.user).toMatchObject({ tz_label: 'Eastern Daylight Time', tz_offset: -14400 });
    const ravi = await s.client().users.info({ user: RAVI.id });
    expect(ravi.user).toMatchObject({ tz: 'Asia/Kolkata', tz_offset: 19800 });
  });

  it('answers user_not_found for unknown users and users of another team', async () => {
    expect(await slackError(s.client().users.info({ user: 'U0NOPE' }))).toMatchObject({
      error: 'user_not_found',
    });
    expect(await slackError(s.client().users.info({ user: OTTO.id }))).toMatchObject({
      error: 'user_not_found',
    });
  });

  it('rejects an unknown IANA zone when a user is added', () => {
    expect(() => s.standIn.addUser({ id: 'U0X', teamId: TEAM.id, name: 'x', tz: 'Mars/Olympus' })).toThrow(
      /time zone/,
    );
  });
});
