import { describe, expect, it } from 'vitest';
import { ALICE, BOB, OTHER_TEAM, OTTO, TEAM } from '../support/fixtures';
import { slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

const pt = (text: string) => ({ type: 'plain_text' as const, text });
const modal = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  title: pt(title),
  blocks: [{ type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Hello' } }],
  ...extra,
});
const home = (text: string) => ({
  type: 'home' as const,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});

describe('views.open', () => {
  it('opens a modal for the user the trigger belongs to and returns the view as Slack does', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    expect(trigger).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    const result = await s.client().views.open({
      trigger_id: trigger,
      view: modal('Add a contact', { callback_id: 'add', private_metadata: 'm', submit: pt('Save') }),
    });
    expect(result.view).toMatchObject({
      id: expect.stringMatching(/^V/),
      team_id: TEAM.id,
      type: 'modal',
      title: pt('Add a contact'),
      submit: pt('Save'),
      close: null,
      callback_id: 'add',
      private_metadata: 'm',
      external_id: '',
      state: { values: {} },
      hash: expect.stringMatching(/^\d+\.[0-9a-f]+$/),
      previous_view_id: null,
      app_id: TEAM.appId,
      bot_id: TEAM.botId,
    });
    expect(result.view?.root_view_id).toBe(result.view?.id);
    expect(s.standIn.openViews(ALICE.id)).toEqual([result.view]);
    expect(s.standIn.openViews(BOB.id)).toEqual([]);
  });

  it('accepts a trigger until 3 seconds have passed on the clock', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    s.clock.advance(2999);
    await expect(s.client().views.open({ trigger_id: trigger, view: modal('Ok') })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('rejects an expired trigger (3 seconds)', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    s.clock.advance(3000);
    expect(
      await slackError(s.client().views.open({ trigger_id: trigger, view: modal('Late') })),
    ).toMatchObject({
      error: 'expired_trigger_id',
    });
    expect(s.standIn.openViews(ALICE.id)).toEqual([]);
  });

  it('rejects a trigger used twice', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    await s.client().views.open({ trigger_id: trigger, view: modal('Once') });
    expect(
      await slackError(s.client().views.open({ trigger_id: trigger, view: modal('Twice') })),
    ).toMatchObject({
      error: 'exchanged_trigger_id',
    });
  });

  it('rejects unknown triggers and triggers of another team', async () => {
    expect(
      await slackError(s.client().views.open({ trigger_id: '1.2.abc', view: modal('x') })),
    ).toMatchObject({
      error: 'invalid_trigger_id',
    });
    const foreign = s.standIn.issueTriggerId(OTHER_TEAM.id, OTTO.id);
    expect(await slackError(s.client().views.open({ trigger_id: foreign, view: modal('x') }))).toMatchObject({
      error: 'invalid_trigger_id',
    });
  });

  it('rejects an invalid view with invalid_arguments and [ERROR] messages', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    const data = await slackError(
      s.client().views.open({ trigger_id: trigger, view: modal('A title that is far too long') }),
    );
    expect(data).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: {
        messages: [
          '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
          '[ERROR] must be less than 25 characters [json-pointer:/view/title/text]',
        ],
      },
    });
  });

  it('rejects input blocks without submit', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    const view = modal('Form', {
      blocks: [
        { type: 'input', label: pt('Name'), element: { type: 'plain_text_input', action_id: 'name' } },
      ],
    });
    const data = await slackError(s.client().views.open({ trigger_id: trigger, view }));
    expect(data.response_metadata).toEqual({
      messages: expect.arrayContaining([
        '[ERROR] must define `submit` to use an `input` block in modals [json-pointer:/view/blocks/0/input]',
      ]),
    });
  });

  it('rejects a view that is not JSON and a home view', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    expect(
      await slackError(s.client().apiCall('views.open', { trigger_id: trigger, view: '{"type":' })),
    ).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(await slackError(s.client().views.open({ trigger_id: trigger, view: home('x') }))).toMatchObject({
      error: 'invalid_arguments',
    });
  });

  it('rejects views over 250 kB (view_too_large)', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    const blocks = Array.from({ length: 90 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'x'.repeat(2900) },
    }));
    expect(
      await slackError(s.client().views.open({ trigger_id: trigger, view: modal('Big', { blocks }) })),
    ).toMatchObject({
      error: 'view_too_large',
    });
  });

  it('rejects a duplicate external_id in the team', async () => {
    const client = s.client();
    await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('A', { external_id: 'e1' }),
    });
    const data = await slackError(
      client.views.open({
        trigger_id: s.standIn.issueTriggerId(TEAM.id, BOB.id),
        view: modal('B', { external_id: 'e1' }),
      }),
    );
    expect(data).toMatchObject({ error: 'duplicate_external_id' });
  });
});

describe('views.push', () => {
  it('pushes onto the stack up to 3 views, then answers push_limit_reached', async () => {
    const client = s.client();
    const trigger = () => s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    const root = await client.views.open({ trigger_id: trigger(), view: modal('One') });
    const second = await client.views.push({ trigger_id: trigger(), view: modal('Two') });
    expect(second.view).toMatchObject({ root_view_id: root.view?.id, previous_view_id: root.view?.id });
    await client.views.push({ trigger_id: trigger(), view: modal('Three') });
    expect(s.standIn.openViews(ALICE.id).map((v) => v.title)).toEqual([pt('One'), pt('Two'), pt('Three')]);
    expect(await slackError(client.views.push({ trigger_id: trigger(), view: modal('Four') }))).toMatchObject(
      {
        error: 'push_limit_reached',
      },
    );
  });

  it('answers not_found when the user has no open modal', async () => {
    const data = await slackError(
      s.client().views.push({ trigger_id: s.standIn.issueTriggerId(TEAM.id, BOB.id), view: modal('x') }),
    );
    expect(data).toMatchObject({ error: 'not_found' });
  });

  it('checks the trigger', async () => {
    const trigger = s.standIn.issueTriggerId(TEAM.id, ALICE.id);
    s.clock.advance(5000);
    expect(await slackError(s.client().views.push({ trigger_id: trigger, view: modal('x') }))).toMatchObject({
      error: 'expired_trigger_id',
    });
  });
});

describe('views.update', () => {
  it('updates by view_id, keeping id and root and changing the hash', async () => {
    const client = s.client();
    const opened = await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('Loading'),
    });
    const id = opened.view?.id as string;
    const updated = await client.views.update({
      view_id: id,
      hash: opened.view?.hash,
      view: modal('Loaded'),
    });
    expect(updated.view).toMatchObject({ id, root_view_id: id, title: pt('Loaded') });
    expect(updated.view?.hash).not.toBe(opened.view?.hash);
    expect(s.standIn.openViews(ALICE.id)).toEqual([updated.view]);
  });

  it('updates by external_id', async () => {
    const client = s.client();
    await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('A', { external_id: 'x1' }),
    });
    const updated = await client.views.update({ external_id: 'x1', view: modal('B', { external_id: 'x1' }) });
    expect(updated.view).toMatchObject({ title: pt('B'), external_id: 'x1' });
  });

  it('answers hash_conflict for a stale hash and not_found for an unknown view', async () => {
    const client = s.client();
    const opened = await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('A'),
    });
    const id = opened.view?.id as string;
    await client.views.update({ view_id: id, view: modal('B') });
    expect(
      await slackError(client.views.update({ view_id: id, hash: opened.view?.hash, view: modal('C') })),
    ).toMatchObject({
      error: 'hash_conflict',
    });
    expect(await slackError(client.views.update({ view_id: 'V0NOPE', view: modal('C') }))).toMatchObject({
      error: 'not_found',
    });
    expect(s.standIn.openViews(ALICE.id)[0]?.title).toEqual(pt('B'));
  });

  it('validates the new view', async () => {
    const client = s.client();
    const opened = await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('A'),
    });
    const data = await slackError(
      client.views.update({
        view_id: opened.view?.id as string,
        view: modal('B', { blocks: [{ type: 'divider', text: 'x' }] }),
      }),
    );
    expect(data).toMatchObject({ error: 'invalid_arguments' });
  });

  it('no longer finds a modal the user closed', async () => {
    const client = s.client();
    const opened = await client.views.open({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal('A'),
    });
    s.standIn.closeViews(ALICE.id);
    expect(
      await slackError(client.views.update({ view_id: opened.view?.id as string, view: modal('B') })),
    ).toMatchObject({
      error: 'not_found',
    });
  });
});

describe('views.publish', () => {
  it('publishes and republishes the Home tab per user, keeping the view id', async () => {
    const client = s.client();
    const first = await client.views.publish({ user_id: ALICE.id, view: home('v1') });
    expect(first.view).toMatchObject({ type: 'home', team_id: TEAM.id, close: null, submit: null });
    expect(first.view).not.toHaveProperty('title');
    const second = await client.views.publish({
      user_id: ALICE.id,
      view: home('v2'),
      hash: first.view?.hash as string,
    });
    expect(second.view?.id).toBe(first.view?.id);
    expect(s.standIn.homeView(TEAM.id, ALICE.id)).toEqual(second.view);
    expect(s.standIn.homeView(TEAM.id, BOB.id)).toBeUndefined();
  });

  it('answers hash_conflict for a stale hash', async () => {
    const client = s.client();
    const first = await client.views.publish({ user_id: ALICE.id, view: home('v1') });
    await client.views.publish({ user_id: ALICE.id, view: home('v2') });
    expect(
      await slackError(
        client.views.publish({ user_id: ALICE.id, view: home('v3'), hash: first.view?.hash as string }),
      ),
    ).toMatchObject({ error: 'hash_conflict' });
  });

  it('answers not_enabled when the Home tab is off', async () => {
    expect(
      await slackError(s.client(OTHER_TEAM.botToken).views.publish({ user_id: OTTO.id, view: home('x') })),
    ).toMatchObject({
      error: 'not_enabled',
    });
  });

  it('rejects a modal, an unknown user and invalid blocks', async () => {
    const client = s.client();
    expect(await slackError(client.views.publish({ user_id: ALICE.id, view: modal('x') }))).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(await slackError(client.views.publish({ user_id: 'U0NOPE', view: home('x') }))).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] invalid `user_id`'] },
    });
    expect(
      await slackError(client.views.publish({ user_id: ALICE.id, view: home('x'.repeat(3001)) })),
    ).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(s.standIn.homeView(TEAM.id, ALICE.id)).toBeUndefined();
  });

  it('can be updated through views.update by its id', async () => {
    const client = s.client();
    const published = await client.views.publish({ user_id: ALICE.id, view: home('v1') });
    await client.views.update({ view_id: published.view?.id as string, view: home('v2') });
    expect(s.standIn.homeView(TEAM.id, ALICE.id)?.blocks[0]).toMatchObject({ text: { text: 'v2' } });
  });
});
