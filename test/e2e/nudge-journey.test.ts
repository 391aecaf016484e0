// A month of nudges over signed HTTP, pressing the buttons a member sees: the thank-you at +20 h
// after a gap in the sweeps (it waits for working hours; its snooze never passes the 24 hours
// without saying so; Edit opens the thank-you modal; Done records it, with Undo), follow-ups at +3 d
// and +8 d (a backlog after downtime comes once, in working hours, folded into one message with a
// button each), close the loop at +31 d (Done closes it, and the next Monday's summary no longer
// lists it), Stop these with Undo, and the Monday summary's counts against the stage rules, the
// same as the App Home's, on SQLite and Postgres.

import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { createAskDraft, markAskAsSent } from '../../src/services/ask';
import { scheduleChat } from '../../src/services/prep';
import { markThankYouSent } from '../../src/services/thanks';
import {
  NOT_YOUR_NUDGE,
  NUDGE_ACTION_IDS,
  NUDGE_ACTIONS_BLOCK_ID,
  NUDGE_OUTCOME_BLOCK_ID,
} from '../../src/slack/views/nudge';
import { THANKS_ACTIONS, THANKS_EDIT_CALLBACK_ID } from '../../src/slack/views/thanks';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, DAY, HOUR, MINUTE, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { memoryLog, sweepAt } from '../support/nudges';
import { seedChat, seedTarget } from '../support/seed';
import {
  type Block,
  blocksOf,
  findElement,
  findElements,
  homeOf,
  messageOf,
  nudgeIdOf,
  nudgePosts,
  openHome,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York (EDT, UTC-4); Alice works 09:00–17:30 on weekdays.
const START = new Date('2026-03-10T14:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);
const alice = { workspaceId: TEAM.id, userId: ALICE.id };

const sweep = (h: Harness, when: Date) => sweepAt(h, when, { log: memoryLog('warn').log });

/** The message as Slack shows it now (after updates in place). */
function stored(h: Harness, call: { channelId: string; ts: string }) {
  const m = h.standIn.messages(call.channelId).find((x) => x.ts === call.ts);
  return { text: m?.text, blocks: (m?.blocks ?? []) as unknown as Block[] };
}

/**
 * Presses a button (or picks a menu option by its label) in a message Slack shows now, as `userId`.
 * The element is found in the message; nothing is crafted.
 */
async function press(
  h: Harness,
  userId: string,
  where: { channelId: string; ts: string },
  actionId: string,
  opts: { value?: string; option?: string } = {},
) {
  const blocks = stored(h, where).blocks;
  const candidates = findElements(blocks, actionId);
  const element = opts.value ? candidates.find((e) => e.value === opts.value) : candidates[0];
  if (!element) throw new Error(`no ${actionId} in the message`);
  const block = element.block_id ?? NUDGE_ACTIONS_BLOCK_ID;
  const choice = opts.option ? element.options?.find((o) => o.text?.text === opts.option) : undefined;
  if (opts.option && !choice) throw new Error(`no "${opts.option}" in the menu`);
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    userId,
    {
      action_id: actionId,
      block_id: block,
      ...(choice
        ? { type: 'static_select', selected_option: { value: choice.value, text: choice.text } }
        : { value: element.value }),
    },
    { message: { channelId: where.channelId, ts: where.ts, blocks, text: stored(h, where).text ?? '' } },
  );
  expect(res.status).toBe(200);
  await h.settle();
}

function where(call: RecordedCall) {
  const { channelId, ts } = messageOf(call);
  return { channelId, ts };
}

function snoozeLabels(blocks: Block[]): string[] {
  return (findElement(blocks, NUDGE_ACTION_IDS.snooze)?.options ?? []).map((o) => String(o.text?.text));
}

async function aliceId(h: Harness): Promise<string> {
  return (await h.db.member.findFirstOrThrow({ where: { workspaceId: TEAM.id, slackUserId: ALICE.id } })).id;
}

/** An ask to `contactId` drafted and marked sent at the harness's clock time; returns its id. */
async function sendAsk(h: Harness, contactId: string): Promise<string> {
  const created = await createAskDraft(
    h.db,
    alice,
    {
      person: { kind: 'existing', contactId },
      about: null,
      why: 'their path',
      minutes: 20,
      channel: 'email',
    },
    h.clock.now(),
    'Alice',
  );
  if (!created.ok) throw new Error('ask not drafted');
  const sent = await markAskAsSent(h.db, alice, created.draft.ask.id, h.clock.now());
  if (!sent.ok) throw new Error('ask not sent');
  return created.draft.ask.id;
}

describe('a month of nudges, pressing the buttons', () => {
  const h = useHarness({ start: START });

  it('+20 h after a gap: nothing at 06:00, the thank-you at 09:00; its snooze says the 24 hours pass, and it comes back as a late one', async () => {
    await seedChat(h, ALICE.id, { person: 'Jane Doe', date: '2026-03-10', action: 'rebuild my case study' });
    h.standIn.clearCalls();
    // The sweeps were down since the chat; the first one is at Wed 06:00 in New York.
    await sweep(h, at(20 * HOUR));
    expect(nudgePosts(h)).toHaveLength(0);
    await sweep(h, at(23 * HOUR)); // Wed 09:00: working hours, an hour before the 24 hours end
    const [nudge] = nudgePosts(h);
    expect(nudgePosts(h)).toHaveLength(1);
    const msg = where(nudge!);
    expect(visibleText(nudge!.args)).toContain('Thank Jane Doe today');
    // Nothing fits before 10:00 with room to write: "tomorrow" is offered and says it is late then.
    const labels = snoozeLabels(blocksOf(nudge!));
    expect(labels).toEqual(['Tomorrow (09:00), after the 24 hours']);
    expect(labels.join(' ')).not.toContain('1 week');

    h.clock.set(at(23 * HOUR + MINUTE));
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.snooze, { option: labels[0] });
    expect(visibleText(stored(h, msg).blocks)).toContain('Snoozed until Thu 09:00 (after the 24 hours');

    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-12T13:00:00Z')); // Thu 09:00
    const back = nudgePosts(h);
    expect(back).toHaveLength(1);
    const text = visibleText(back[0]!.args);
    expect(text).toContain('Thank Jane Doe when you can');
    expect(text).toContain('The 24 hours have passed');
    expect(text).not.toContain('within 24 hours');
  });

  it('the thank-you at its time: in 2 hours and this evening, no 1 week; Edit opens the thank-you modal', async () => {
    await seedChat(h, ALICE.id, { person: 'Jane Doe', date: '2026-03-10', action: 'rebuild my case study' });
    h.standIn.clearCalls();
    await sweep(h, at(2 * HOUR)); // Tue 12:00
    const [nudge] = nudgePosts(h);
    const msg = where(nudge!);
    expect(snoozeLabels(blocksOf(nudge!))).toEqual([
      'In 2 hours',
      'This evening (17:00)',
      'Tomorrow (12:00), after the 24 hours',
    ]);
    await press(h, ALICE.id, msg, THANKS_ACTIONS.edit);
    const modal = viewOf(await h.standIn.waitForCall('views.update'));
    expect(modal.callback_id).toBe(THANKS_EDIT_CALLBACK_ID);
    expect(visibleText(modal)).toContain('Another version');

    h.clock.set(at(2 * HOUR + 5 * MINUTE));
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.snooze, { option: 'In 2 hours' });
    expect(visibleText(stored(h, msg).blocks)).toContain('Snoozed until Tue 14:05');
    h.standIn.clearCalls();
    await sweep(h, at(4 * HOUR + 5 * MINUTE));
    expect(
      nudgePosts(h)
        .map((c) => visibleText(c.args))
        .join('\n'),
    ).toContain('Thank Jane Doe today');
  });

  it('Done on the thank-you records it sent; Undo within 10 minutes puts it back, later it says it is too late', async () => {
    const conversationId = await seedChat(h, ALICE.id, {
      person: 'Jane Doe',
      date: '2026-03-10',
      action: 'rebuild my case study',
    });
    h.standIn.clearCalls();
    await sweep(h, at(2 * HOUR));
    const msg = where(nudgePosts(h)[0]!);
    const nudgeId = nudgeIdOf(nudgePosts(h)[0]!)!;

    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.done);
    let conv = await h.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.thankYouSentAt).not.toBeNull();
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: conv.contactId } })).stage).toBe('thanked');
    const done = visibleText(stored(h, msg).blocks);
    expect(done).toContain('Thank-you to Jane noted as sent');
    expect(done).toContain('Undo (for 10 minutes)');

    // Someone else pressing Undo with the value from Alice's message changes nothing.
    const undo = findElement(stored(h, msg).blocks, NUDGE_ACTION_IDS.undo);
    h.standIn.clearCalls();
    await h.driver.blockAction(
      BOB.id,
      { action_id: NUDGE_ACTION_IDS.undo, block_id: NUDGE_OUTCOME_BLOCK_ID, value: undo?.value },
      { message: { ...msg, blocks: stored(h, msg).blocks, text: '' } },
    );
    expect((await h.standIn.waitForCall('response_url')).args).toMatchObject({ text: NOT_YOUR_NUDGE });
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeId } })).status).toBe('done');

    h.clock.set(at(2 * HOUR + 5 * MINUTE));
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.undo);
    conv = await h.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.thankYouSentAt).toBeNull();
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: conv.contactId } })).stage).toBe('met');
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeId } })).status).toBe('sent');
    // The message has its buttons again.
    expect(findElement(stored(h, msg).blocks, NUDGE_ACTION_IDS.thanksSent)).toBeDefined();

    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.done);
    h.clock.set(at(2 * HOUR + 16 * MINUTE));
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.undo);
    const late = await h.standIn.waitForCall('response_url');
    expect(visibleText(late.args)).toContain('more than 10 minutes');
    conv = await h.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.thankYouSentAt).not.toBeNull();
  });

  it('+3 d and +8 d: no follow-up yet, then after downtime none at 01:20 and one folded message at 09:00 with a button each, never twice', async () => {
    await sweep(h, START); // Alice's timezone is learned from Slack
    const ids: Record<string, string> = {};
    for (const name of ['Ana Diaz', 'Ben Ode', 'Chen Li']) {
      const contactId = await seedTarget(h, ALICE.id, { name, role: 'Designer', company: 'Acme' });
      ids[name] = await sendAsk(h, contactId);
    }
    h.standIn.clearCalls();
    await sweep(h, at(3 * DAY));
    expect(nudgePosts(h).filter((c) => visibleText(c.args).includes('follow-up'))).toHaveLength(0);

    // Monday's sweep plans the follow-ups for Tue 17 March 10:00; then the sweeps are down until
    // Wed 01:20 in New York.
    await sweep(h, new Date('2026-03-16T13:00:00Z'));
    expect(await h.db.nudge.count({ where: { kind: 'follow_up', status: 'pending' } })).toBe(3);
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-18T05:20:00Z'));
    expect(nudgePosts(h)).toHaveLength(0);
    await sweep(h, new Date('2026-03-18T13:00:00Z')); // Wed 09:00
    const posts = nudgePosts(h).filter((c) => visibleText(c.args).includes('follow-up'));
    expect(posts).toHaveLength(1);
    const folded = posts[0]!;
    expect(visibleText(folded.args)).toContain('3 follow-ups are waiting: Ana, Ben and Chen');
    const shows = findElements(blocksOf(folded), NUDGE_ACTION_IDS.show);
    expect(shows).toHaveLength(3);
    expect(snoozeLabels(blocksOf(folded)).some((l) => l.startsWith('1 week'))).toBe(true);
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-18T13:01:00Z'));
    await sweep(h, new Date('2026-03-19T13:00:00Z'));
    expect(nudgePosts(h)).toHaveLength(0);

    // Show Ben's: his follow-up in full, answered there from now on.
    const msg = where(folded);
    const ben = await h.db.nudge.findFirstOrThrow({ where: { subjectId: ids['Ben Ode'] } });
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.show, { value: ben.id });
    const benDm = h.standIn.callsTo('chat.postMessage').find((c) => nudgeIdOf(c) === ben.id);
    expect(visibleText(benDm!.args)).toContain('No reply from Ben Ode yet');
    expect(findElement(blocksOf(benDm!), NUDGE_ACTION_IDS.gotReply)).toBeDefined();

    // Done on the folded message: the follow-ups to Ana and Chen are noted as sent, Ben's is his own.
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.done);
    const asks = await h.db.ask.findMany({ where: { id: { in: Object.values(ids) } } });
    const followed = (id: string) => asks.find((a) => a.id === id)?.followedUpAt !== null;
    expect(followed(ids['Ana Diaz']!)).toBe(true);
    expect(followed(ids['Chen Li']!)).toBe(true);
    expect(followed(ids['Ben Ode']!)).toBe(false);
    expect(visibleText(stored(h, msg).blocks)).toContain('Follow-up to Ana and Chen noted as sent');
    await press(h, ALICE.id, where(benDm!), NUDGE_ACTION_IDS.done);
    expect(
      (await h.db.ask.findUniqueOrThrow({ where: { id: ids['Ben Ode']! } })).followedUpAt,
    ).not.toBeNull();
  });

  it('+31 d: Done on close the loop closes it, and the next Monday’s summary no longer lists it; Stop these can be undone', async () => {
    const conversationId = await seedChat(h, ALICE.id, {
      person: 'Jane Doe',
      date: '2026-03-10',
      action: 'rebuild my case study',
    });
    await markThankYouSent(h.db, alice, conversationId, at(HOUR));
    await sweep(h, at(HOUR));
    h.standIn.clearCalls();
    await sweep(h, at(31 * DAY)); // Fri 10 April, 10:00
    const close = nudgePosts(h).find((c) => visibleText(c.args).includes('Tell Jane Doe how it went'));
    expect(close).toBeDefined();
    const msg = where(close!);
    await press(h, ALICE.id, msg, NUDGE_ACTION_IDS.done);
    const conv = await h.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.loopClosedAt).not.toBeNull();
    expect(visibleText(stored(h, msg).blocks)).toContain('Loop closed with Jane');

    h.standIn.clearCalls();
    await sweep(h, new Date('2026-04-13T13:00:00Z')); // Monday 09:00
    const summary = nudgePosts(h).find((c) => visibleText(c.args).includes('Your week'));
    expect(summary).toBeDefined();
    expect(visibleText(summary!.args)).not.toContain('Tell Jane Doe how their advice played out');

    // Stop these on the summary, then Undo: the kind is on again and the message has its buttons.
    const sum = where(summary!);
    await press(h, ALICE.id, sum, NUDGE_ACTION_IDS.stop);
    expect((await h.db.member.findUniqueOrThrow({ where: { id: await aliceId(h) } })).nudgeKindsOff).toBe(
      'weekly_summary',
    );
    expect(visibleText(stored(h, sum).blocks)).toContain('Undo (for 10 minutes)');
    await press(h, ALICE.id, sum, NUDGE_ACTION_IDS.undo);
    expect((await h.db.member.findUniqueOrThrow({ where: { id: await aliceId(h) } })).nudgeKindsOff).toBe('');
    expect(findElement(stored(h, sum).blocks, NUDGE_ACTION_IDS.stop)).toBeDefined();
  });
});

for (const { kind, create } of DATABASE_KINDS) {
  describe(`the Monday summary and the App Home count by the stage rules (${kind})`, () => {
    const h = useHarness({ start: START, database: create });

    it('"Waiting on N replies" counts people still at asked, the same on the App Home; each Due now line has a button', async () => {
      await sweep(h, START); // Alice's timezone is learned from Slack
      const contact = async (name: string) => seedTarget(h, ALICE.id, { name, role: 'PM', company: 'Acme' });
      // Three asks waiting; Dee's was answered by booking the chat (no reply recorded); Eve was met.
      for (const name of ['Ana Diaz', 'Ben Ode', 'Chen Li']) await sendAsk(h, await contact(name));
      const dee = await contact('Dee Ray');
      await sendAsk(h, dee);
      const booked = await scheduleChat(
        h.db,
        alice,
        { contactId: dee, date: '2026-03-20', time: '11:00', minutes: 20, format: 'video' },
        h.clock.now(),
      );
      expect(booked.ok).toBe(true);
      const eve = await contact('Eve Moss');
      await sendAsk(h, eve);
      await seedChat(h, ALICE.id, { person: 'Eve Moss', date: '2026-03-10', action: 'join the meetup' });

      h.standIn.clearCalls();
      await sweep(h, new Date('2026-03-16T13:00:00Z')); // Monday 09:00 in New York
      const summary = nudgePosts(h).find((c) => visibleText(c.args).includes('Your week'));
      expect(summary).toBeDefined();
      const text = visibleText(summary!.args);
      expect(text).toContain('Waiting on 3 replies.');
      // Every "Due now" line has its own next step.
      const blocks = blocksOf(summary!);
      const dueAt = blocks.findIndex((b) => visibleText([b]).includes('Due now'));
      expect(dueAt).toBeGreaterThanOrEqual(0);
      const lines = blocks.slice(dueAt + 1).filter((b) => visibleText([b]).startsWith('•'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.accessory?.type).toBe('button');

      await openHome(h, ALICE.id);
      expect(visibleText(await homeOf(h, ALICE.id))).toMatch(/Waiting on replies\*?\s*3/);
    });
  });
}
