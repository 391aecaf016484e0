// The foundation over the wire: signed requests to the app's own HTTP endpoint, Slack calls to the stand-in.
import { describe, expect, it } from 'vitest';
import { signature } from '../../src/sandbox/slack-driver';
import { ALICE, BOB, SIGNING_SECRET, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { ephemeral, openModal } from '../support/slack-play';

interface Ephemeral {
  response_type: string;
  text: string;
  blocks?: { type: string }[];
}

describe('the app over signed HTTP', () => {
  const h = useHarness();

  it('answers /coach help with an ephemeral list of the subcommands that exist', async () => {
    const body = await ephemeral(h, ALICE.id, 'help');
    expect(body.text).toContain('/coach help');
    expect(body.text).toContain('/coach add');
  });

  it('treats a bare /coach as help', async () => {
    const res = await h.driver.command(ALICE.id, '');
    expect((res.json as Ephemeral).text).toContain('/coach help');
  });

  it('answers an unknown subcommand with a friendly hint and a suggestion', async () => {
    const body = await ephemeral(h, ALICE.id, 'hepl me');
    expect(body.text).toContain("don't know");
    expect(body.text).toContain('/coach help');
  });

  it('rejects a bad signature with 401 and processes nothing', async () => {
    const before = h.standIn.calls.length;
    const fields = new URLSearchParams(h.driver.commandFields(ALICE.id, 'add Jane')).toString();
    const res = await h.driver.post(fields, 'application/x-www-form-urlencoded', {
      signature: signature('not-the-secret', Math.floor(Date.now() / 1000), fields),
    });
    expect(res.status).toBe(401);
    const res2 = await h.driver.post(fields, 'application/x-www-form-urlencoded', {
      signature: 'v0=deadbeef',
    });
    expect(res2.status).toBe(401);
    expect(h.standIn.calls.length).toBe(before);
  });

  it('rejects a stale timestamp (replay) with 401 even when the signature matches', async () => {
    const before = h.standIn.calls.length;
    const fields = new URLSearchParams(h.driver.commandFields(ALICE.id, 'add Jane')).toString();
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.driver.post(fields, 'application/x-www-form-urlencoded', {
      timestamp: stale,
      signature: signature(SIGNING_SECRET, stale, fields),
    });
    expect(res.status).toBe(401);
    expect(h.standIn.calls.length).toBe(before);
  });

  it('registers the workspace its token belongs to at start (clearing an earlier uninstall)', async () => {
    const workspace = await h.db.workspace.findUnique({ where: { id: TEAM.id } });
    expect(workspace).toMatchObject({ name: TEAM.name, uninstalledAt: null });
  });

  it('serves /healthz with the database status', async () => {
    const res = await fetch(`${h.appUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'up', mode: 'http' });
  });

  it('publishes the App Home when it is opened, and handles a retried event once', async () => {
    h.standIn.clearCalls();
    const event = {
      type: 'app_home_opened',
      user: ALICE.id,
      channel: h.standIn.dmChannelFor(TEAM.id, ALICE.id),
      tab: 'home',
    };
    const first = await h.driver.event(event, { eventId: 'Ev0HOME1' });
    expect(first.status).toBe(200);
    const publish = await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === ALICE.id);
    expect(publish.response).toMatchObject({ ok: true });
    const retry = await h.driver.event(event, { eventId: 'Ev0HOME1', retryNum: 1 });
    expect(retry.status).toBe(200);
    // A later, different event is handled; by the time its effect shows, the retry's would have too.
    await h.driver.event({ ...event, user: BOB.id }, { eventId: 'Ev0HOME2' });
    await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === BOB.id);
    expect(h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === ALICE.id)).toHaveLength(1);
  });

  it('never logs the bot token or the signing secret', async () => {
    // Start-up (auth.test with the token), a command, a modal, an event and a refused signature.
    await ephemeral(h, ALICE.id, 'help');
    await openModal(h, ALICE.id, 'add Jane Doe');
    await h.driver.event({ type: 'app_home_opened', user: BOB.id, channel: 'D0BOB', tab: 'home' });
    await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === BOB.id);
    const fields = new URLSearchParams(h.driver.commandFields(ALICE.id, 'help')).toString();
    expect(
      (await h.driver.post(fields, 'application/x-www-form-urlencoded', { signature: 'v0=0' })).status,
    ).toBe(401);
    await h.settle();
    expect(h.logs.length).toBeGreaterThan(0);
    const all = h.logs.join('\n');
    expect(all).not.toContain(TEAM.botToken);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
