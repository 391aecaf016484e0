// The App Home over signed HTTP: published on app_home_opened with what is due, in the member's own
// timezone, within Slack's limits for a very large list, and never with anyone else's data.
import { beforeEach, describe, expect, it } from 'vitest';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { ALICE, BOB, HOUR, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { everyString, openHome, visibleText } from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York; 15:00 in Berlin.
const START = '2026-03-10T14:00:00Z';

/** Alice: a thousand people, a conversation awaiting its thank-you, and someone suggested to her. */
async function seedAlice(h: Harness): Promise<void> {
  const alice = await h.db.member.create({
    data: {
      workspace: { connectOrCreate: { where: { id: TEAM.id }, create: { id: TEAM.id } } },
      slackUserId: ALICE.id,
    },
  });
  const owned = { workspaceId: TEAM.id, ownerId: alice.id };
  await h.db.contact.createMany({
    data: Array.from({ length: 1000 }, (_, i) => ({
      ...owned,
      id: `alice-contact-${i}`,
      name: `Alice Contact ${i}`,
      nameKey: `alice contact ${i}`,
      stage: ['target', 'asked', 'scheduled', 'met', 'thanked'][i % 5] as string,
      createdAt: new Date(Date.parse(START) - 10 * 24 * HOUR + i),
    })),
  });
  await h.db.contact.update({
    where: { id: 'alice-contact-3' },
    data: { name: 'Jane Doe', nameKey: 'jane doe' },
  });
  await h.db.contact.update({
    where: { id: 'alice-contact-5' },
    data: { name: 'Sam Lee', nameKey: 'sam lee', referredById: 'alice-contact-3' },
  });
  await h.db.conversation.create({
    data: {
      ...owned,
      contactId: 'alice-contact-3',
      heldAt: new Date(Date.parse(START) - 2 * HOUR),
      action: 'Rewrite my case study',
    },
  });
}

describe('App Home', () => {
  const h = useHarness({ start: START });
  beforeEach(() => seedAlice(h));

  it('publishes on app_home_opened with due items, deadlines in the member’s timezone, inside 100 blocks', async () => {
    const publish = await openHome(h, ALICE.id);
    expect(publish.response?.ok).toBe(true);
    const view = publish.args.view as { blocks: unknown[] };
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = visibleText(view);
    // Held at 08:00 New York time on Tuesday: due by 08:00 on Wednesday.
    expect(text).toContain('Thank Jane Doe by Wed 08:00');
    expect(text).toContain('Reach out to Sam Lee: Jane suggested them');
    expect(text).toContain('*People on your list*\n1000 of 8');
    await h.settle();
    const stored = h.standIn.homeView(TEAM.id, ALICE.id);
    expect(stored?.blocks.length).toBe(view.blocks.length);
  });

  it('ignores the Messages tab', async () => {
    h.standIn.clearCalls();
    await h.driver.event({
      type: 'app_home_opened',
      user: ALICE.id,
      channel: h.standIn.dmChannelFor(TEAM.id, ALICE.id),
      tab: 'messages',
    });
    // A Home tab event afterwards is published; the Messages tab one before it was not.
    await h.driver.event({
      type: 'app_home_opened',
      user: BOB.id,
      channel: h.standIn.dmChannelFor(TEAM.id, BOB.id),
      tab: 'home',
    });
    await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === BOB.id);
    await h.settle();
    expect(h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === ALICE.id)).toHaveLength(0);
  });

  it('shows Bob an empty dashboard of his own, with none of Alice’s people', async () => {
    const publish = await openHome(h, BOB.id);
    const text = visibleText(publish.args.view);
    expect(text).toContain('Nothing due right now');
    expect(text).toContain('*People on your list*\n0 of 8');
    const sent = everyString(publish.args.view);
    expect(sent).not.toContain('Alice Contact');
    expect(sent).not.toContain('Jane Doe');
    expect(sent).not.toContain('alice-contact-');
  });

  it('republishes after a change: the thank-you drops off once it is marked sent', async () => {
    const conversation = await h.db.conversation.findFirstOrThrow({
      where: { contactId: 'alice-contact-3' },
    });
    expect(visibleText((await openHome(h, ALICE.id)).args.view)).toContain('Thank Jane Doe');
    h.clock.advance(HOUR);
    h.standIn.clearCalls();
    await h.driver.blockAction(
      ALICE.id,
      { action_id: THANKS_ACTIONS.markSent, value: conversation.id },
      {
        message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts: '1.000001', isEphemeral: true },
      },
    );
    const publish = await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === ALICE.id);
    const text = visibleText(publish.args.view);
    expect(everyString(publish.args.view)).not.toContain('Thank Jane Doe');
    expect(text).toContain('*Thank-yous on time*\n100% (1 of 1)');
  });
});
