// What the cohort features ask the stand-in, answered as Slack answers: admins and owners in users.info,
// a channel's members after someone leaves, the app outside a channel (conversations.info and
// conversations.members), and the driver filling a people picker.
import { describe, expect, it } from 'vitest';
import { fillView } from '../../src/sandbox/slack-driver';
import { ALICE, BOB, COHORT, LOBBY, SECRET, TEAM } from '../support/fixtures';
import { slackError, useStandIn } from '../support/stand-in';

const s = useStandIn(({ standIn }) => {
  standIn.addUser({ id: 'U0ADMIN', teamId: TEAM.id, name: 'admin', isAdmin: true });
  standIn.addUser({ id: 'U0OWNER', teamId: TEAM.id, name: 'owner', isOwner: true });
});

describe('users.info for admins and owners', () => {
  it('reports is_admin and is_owner; an owner is an admin too; others are neither', async () => {
    const client = s.client();
    expect((await client.users.info({ user: 'U0ADMIN' })).user).toMatchObject({
      is_admin: true,
      is_owner: false,
    });
    expect((await client.users.info({ user: 'U0OWNER' })).user).toMatchObject({
      is_admin: true,
      is_owner: true,
    });
    expect((await client.users.info({ user: ALICE.id })).user).toMatchObject({
      is_admin: false,
      is_owner: false,
    });
  });
});

describe('channels the app is in or not', () => {
  it('lists a channel without someone who left it', async () => {
    s.standIn.removeMember(COHORT.id, BOB.id);
    expect((await s.client().conversations.members({ channel: COHORT.id })).members).toEqual([
      TEAM.botUserId,
      ALICE.id,
    ]);
  });

  it('says is_member false for a public channel without the app, and channel_not_found for a private one', async () => {
    const client = s.client();
    expect((await client.conversations.info({ channel: LOBBY.id })).channel).toMatchObject({
      is_member: false,
    });
    expect(await slackError(client.conversations.info({ channel: SECRET.id }))).toMatchObject({
      error: 'channel_not_found',
    });
    expect(await slackError(client.conversations.members({ channel: SECRET.id }))).toMatchObject({
      error: 'channel_not_found',
    });
  });
});

describe('the driver filling a people picker', () => {
  const view = {
    id: 'V1',
    blocks: [
      {
        type: 'input',
        block_id: 'who',
        label: { type: 'plain_text', text: 'Facilitators' },
        element: { type: 'multi_users_select', action_id: 'value', initial_users: [ALICE.id] },
      },
    ],
  };

  it('keeps the people picked already, or reports the ones named', () => {
    expect(fillView(view, {}).who?.value).toEqual({ type: 'multi_users_select', selected_users: [ALICE.id] });
    expect(fillView(view, { Facilitators: [BOB.id, ALICE.id] }).who?.value).toEqual({
      type: 'multi_users_select',
      selected_users: [BOB.id, ALICE.id],
    });
    expect(fillView(view, { Facilitators: [] }).who?.value).toEqual({
      type: 'multi_users_select',
      selected_users: [],
    });
  });
});
