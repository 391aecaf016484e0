// Nudges end to end: the app over signed HTTP against the Slack stand-in, sweeps run as plain
// functions at TestClock times. Log a conversation through the log modal, get exactly one thank-you
// DM the next morning, snooze it, get it back, mark it done; stop a kind; settings; pause; a nudge
// whose reason is gone is cancelled; someone else's click is refused. Every test starts from a fresh
// app and plays the part of the story it needs first (see the helpers below).

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { sweepCommand } from '../../src/nudges/commands';
import type { RecordedCall } from '../../src/sandbox';
import { addTarget } from '../../src/services/targets';
import { markThankYouSent } from '../../src/services/thanks';
import { OPEN } from '../../src/slack/views/action-ids';
import { LOG_CALLBACK_ID } from '../../src/slack/views/log';
import {
  NOT_YOUR_NUDGE,
  NUDGE_ACTION_IDS,
  NUDGE_ACTIONS_BLOCK_ID,
  NUDGE_OUTCOME_BLOCK_ID,
  snoozeOptionValue,
} from '../../src/slack/views/nudge';
import { SETTINGS_BLOCKS, SETTINGS_CALLBACK_ID } from '../../src/slack/views/settings';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { ALICE, BOB, HOUR, MINUTE, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { memoryLog, sweepAt } from '../support/nudges';
import { seedChat } from '../support/seed';
import {
  type Block,
  blocksOf,
  dmTo,
  findElement,
  messageOf,
  nudgeIdOf,
  nudgePosts,
  openModal,
  submitModal,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York (EDT, UTC-4).
const START = new Date('2026-03-10T14:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

/** A sweep at `when`, as the scheduler would run it (with the test clock moved there). */
const sweep = (h: Harness, when: Date) => sweepAt(h, when, { log: memoryLog('warn').log });

async function member(h: Harness, userId: string) {
  return h.db.member.findFirstOrThrow({ where: { workspaceId: TEAM.id, slackUserId: userId } });
}

/** Clicks a nudge DM's button (or picks a snooze choice) as `userId`. */
async function click(
  h: Harness,
  userId: string,
  call: RecordedCall,
  actionId: string,
  extra: { selected?: string } = {},
) {
  const value = extra.selected ? undefined : findElement(blocksOf(call), actionId)?.value;
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    userId,
    {
      action_id: actionId,
      block_id: NUDGE_ACTIONS_BLOCK_ID,
      ...(extra.selected
        ? {
            type: 'static_select',
            selected_option: { value: extra.selected, text: { type: 'plain_text', text: 'x' } },
          }
        : { value }),
    },
    { message: messageOf(call) },
  );
  expect(res.status).toBe(200);
}

/** The message as Slack stores it now (after any updates in place). */
function storedMessage(h: Harness, call: RecordedCall) {
  const { channelId, ts } = messageOf(call);
  return h.standIn.messages(channelId).find((m) => m.ts === ts);
}

/** Alice logs her chat with Jane (who suggested Sam Lee) through the log modal at START. */
async function logJaneChat(h: Harness) {
  const view = await openModal(h, ALICE.id, 'log Jane Doe');
  expect(view.callback_id).toBe(LOG_CALLBACK_ID);
  await submitModal(h, ALICE.id, view, {
    Person: 'Jane Doe',
    Role: 'UX Researcher',
    Company: 'Acme Health',
    Minutes: '25',
    "One thing I'll act on": 'rebuild my portfolio case study around one research question',
    'Who else they suggested': 'Sam Lee — Research Ops, Acme Health',
  });
  await dmTo(h, ALICE.id);
}

/** The chat logged, then the sweep at +2 h (Tue 12:00 New York): returns the one thank-you nudge DM. */
async function thankYouNudge(h: Harness): Promise<RecordedCall> {
  await logJaneChat(h);
  h.standIn.clearCalls();
  await sweep(h, at(2 * HOUR));
  const posts = nudgePosts(h);
  expect(posts).toHaveLength(1);
  return posts[0]!;
}

/** Done clicked on `nudge`, and its update in place seen. */
async function clickDone(h: Harness, nudge: RecordedCall): Promise<void> {
  await click(h, ALICE.id, nudge, NUDGE_ACTION_IDS.done);
  await h.standIn.waitForCall('chat.update');
}

/** The thank-you handled (Done), then the sweep two local days after the chat: its referral nudge DM. */
async function referralNudge(h: Harness): Promise<RecordedCall> {
  await clickDone(h, await thankYouNudge(h));
  h.standIn.clearCalls();
  // Thu 12 March 10:00 New York: two local days after the conversation.
  await sweep(h, new Date('2026-03-12T14:00:00Z'));
  const posts = nudgePosts(h);
  expect(posts).toHaveLength(1);
  return posts[0]!;
}

describe('nudges end to end', () => {
  let database: TestDatabase;
  const h = useHarness({
    start: START,
    database: () => {
      database = sqliteTestDatabase();
      return database;
    },
  });

  it('logs a conversation through the log modal', async () => {
    await logJaneChat(h);
    expect(await h.db.conversation.count()).toBe(1);
  });

  it('sends nothing before the thank-you is due, and learns the member’s timezone from Slack', async () => {
    await logJaneChat(h);
    h.standIn.clearCalls();
    const report = await sweep(h, at(30 * MINUTE));
    expect(report.sent).toHaveLength(0);
    expect(nudgePosts(h)).toHaveLength(0);
    expect((await member(h, ALICE.id)).slackTz).toBe('America/New_York');
    // Planned (due within the horizon), not sent.
    expect(await h.db.nudge.count({ where: { kind: 'thank_you', status: 'pending' } })).toBe(1);
  });

  it('sweeps at +2 h: exactly one thank-you DM, recorded as sent with its ts', async () => {
    await logJaneChat(h);
    h.standIn.clearCalls();
    const report = await sweep(h, at(2 * HOUR));
    const posts = nudgePosts(h);
    expect(posts).toHaveLength(1);
    const thankYou = posts[0]!;
    expect(thankYou.args.channel).toBe(ALICE.id);
    expect(report.sent.map((s) => s.kind)).toEqual(['thank_you']);
    const blocks = blocksOf(thankYou);
    expect(visibleText(thankYou.args)).toContain('Thank Jane Doe today');
    expect(findElement(blocks, NUDGE_ACTION_IDS.thanksSent)).toBeDefined();
    // Edit opens the thank-you modal for this conversation.
    expect(findElement(blocks, THANKS_ACTIONS.edit)?.value).toBe(
      (await h.db.conversation.findFirstOrThrow({})).id,
    );
    expect(findElement(blocks, NUDGE_ACTION_IDS.done)).toBeDefined();
    expect(findElement(blocks, NUDGE_ACTION_IDS.stop)).toBeDefined();
    // Tue 12:00, the 24 hours end Wed 10:00: choices before it, and "tomorrow" says it passes them.
    expect(findElement(blocks, NUDGE_ACTION_IDS.snooze)?.options?.map((o) => o.text?.text)).toEqual([
      'In 2 hours',
      'This evening (17:00)',
      'Tomorrow (12:00), after the 24 hours',
    ]);
    const row = await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeIdOf(thankYou)! } });
    expect(row).toMatchObject({
      status: 'sent',
      channelId: messageOf(thankYou).channelId,
      messageTs: messageOf(thankYou).ts,
    });
    expect(row.sentAt).not.toBeNull();
  });

  it('sweeps again: nothing more', async () => {
    await thankYouNudge(h);
    h.standIn.clearCalls();
    await sweep(h, at(2 * HOUR + MINUTE));
    expect(nudgePosts(h)).toHaveLength(0);
  });

  it('refuses another user replaying the button value, ephemerally, and changes nothing', async () => {
    const thankYou = await thankYouNudge(h);
    const id = nudgeIdOf(thankYou)!;
    await click(h, BOB.id, thankYou, NUDGE_ACTION_IDS.done);
    const refusal = await h.standIn.waitForCall('response_url');
    expect(refusal.args).toMatchObject({ response_type: 'ephemeral', text: NOT_YOUR_NUDGE });
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id } })).status).toBe('sent');
    // Snooze replayed with someone else's nudge id in the option value: refused too.
    await click(h, BOB.id, thankYou, NUDGE_ACTION_IDS.snooze, { selected: snoozeOptionValue(id, '1w') });
    await h.standIn.waitForCall('response_url');
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id } })).status).toBe('sent');
  });

  /** Alice snoozes the thank-you nudge for 2 hours at Tue 12:02 New York; returns the update in place. */
  async function snoozeTwoHours(thankYou: RecordedCall): Promise<RecordedCall> {
    h.clock.set(at(2 * HOUR + 2 * MINUTE)); // Tue 12:02 in New York
    const id = nudgeIdOf(thankYou)!;
    await click(h, ALICE.id, thankYou, NUDGE_ACTION_IDS.snooze, { selected: snoozeOptionValue(id, '2h') });
    return h.standIn.waitForCall('chat.update');
  }

  it('snoozes for 2 hours: the DM is updated in place and the nudge waits', async () => {
    const thankYou = await thankYouNudge(h);
    const id = nudgeIdOf(thankYou)!;
    const update = await snoozeTwoHours(thankYou);
    expect(update.args).toMatchObject({ channel: messageOf(thankYou).channelId, ts: messageOf(thankYou).ts });
    const storedBlocks = (storedMessage(h, thankYou)?.blocks ?? []) as unknown as Block[];
    const outcome = storedBlocks.filter((b) => b.block_id === NUDGE_OUTCOME_BLOCK_ID);
    expect(outcome).toHaveLength(1);
    expect(visibleText(outcome)).toContain('Snoozed until Tue 14:02');
    expect(storedBlocks.some((b) => b.block_id === NUDGE_ACTIONS_BLOCK_ID)).toBe(false);
    const row = await h.db.nudge.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('pending');
    expect(row.dueAt.toISOString()).toBe('2026-03-10T18:02:00.000Z');
  });

  it('sends nothing before the snooze ends, and the thank-you once after', async () => {
    const thankYou = await thankYouNudge(h);
    await snoozeTwoHours(thankYou);
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-10T18:01:00Z'));
    expect(nudgePosts(h)).toHaveLength(0);
    await sweep(h, new Date('2026-03-10T18:02:00Z'));
    const posts = nudgePosts(h);
    expect(posts).toHaveLength(1);
    expect(nudgeIdOf(posts[0]!)).toBe(nudgeIdOf(thankYou));
    expect(visibleText(posts[0]!.args)).toContain('Thank Jane Doe today');
    await sweep(h, new Date('2026-03-10T18:03:00Z'));
    expect(nudgePosts(h)).toHaveLength(1);
  });

  it('Done: updates the DM in place and the nudge is resolved', async () => {
    const thankYou = await thankYouNudge(h);
    await clickDone(h, thankYou);
    const stored = storedMessage(h, thankYou);
    expect(visibleText(stored ?? {})).toContain('Done ✓');
    expect(findElement((stored?.blocks ?? []) as unknown as Block[], NUDGE_ACTION_IDS.done)).toBeUndefined();
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeIdOf(thankYou)! } })).status).toBe('done');
  });

  it('sends the referral nudge two days after the chat, with "Draft the ask" for the suggested person', async () => {
    const referral = await referralNudge(h);
    const sam = await h.db.contact.findFirstOrThrow({ where: { name: 'Sam Lee' } });
    expect(findElement(blocksOf(referral), OPEN.ask)?.value).toBe(sam.id);
    expect(visibleText(referral.args)).toContain('Jane Doe suggested Sam Lee');
  });

  it('Stop these: the kind is turned off, the DM says how to turn it back on, and no more come', async () => {
    const referral = await referralNudge(h);
    h.clock.set(new Date('2026-03-12T14:05:00Z'));
    await click(h, ALICE.id, referral, NUDGE_ACTION_IDS.stop);
    await h.standIn.waitForCall('chat.update');
    expect(visibleText(storedMessage(h, referral) ?? {})).toContain('turn them back on in `/coach settings`');
    expect((await member(h, ALICE.id)).nudgeKindsOff).toBe('referral');
    // A new suggested person would normally get a referral nudge two days later.
    const jane = await h.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
    await addTarget(
      h.db,
      { workspaceId: TEAM.id, userId: ALICE.id },
      { name: 'Lee Park', referredById: jane.id, role: 'PM', company: 'X', industry: 'health', why: 'path' },
      h.clock.now(),
    );
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-14T15:00:00Z'));
    await sweep(h, new Date('2026-03-16T15:00:00Z'));
    // Other nudges still come (Monday's summary lists Lee Park among what is due), but no referral one.
    const kinds = await Promise.all(
      nudgePosts(h).map(
        async (c) => (await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeIdOf(c)! } })).kind,
      ),
    );
    expect(kinds).not.toContain('referral');
    expect(nudgePosts(h).filter((c) => String(c.args.text ?? '').includes('Lee Park'))).toHaveLength(0);
    const referralSubject = String(findElement(blocksOf(referral), OPEN.ask)?.value);
    expect(
      await h.db.nudge.count({
        where: {
          kind: 'referral',
          status: { in: ['pending', 'sent'] },
          subjectId: { not: referralSubject },
        },
      }),
    ).toBe(0);
  });

  it('opens /coach settings with the current values and rejects bad input on the right blocks', async () => {
    h.clock.set(new Date('2026-03-16T15:00:00Z'));
    const view = await openModal(h, ALICE.id, 'settings');
    expect(view.callback_id).toBe(SETTINGS_CALLBACK_ID);
    const res = await submitModal(h, ALICE.id, view, {
      'Working day starts': '17:00',
      'Working day ends': '09:00',
      'Working days': [],
      'Pause nudges until': '2026-03-01',
    });
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    // Every problem the form itself shows comes back at once; the pause date needs the member's
    // timezone, so it is checked once the form reads right.
    expect(Object.keys(body.errors).sort()).toEqual(
      [SETTINGS_BLOCKS.days.blockId, SETTINGS_BLOCKS.end.blockId].sort(),
    );
    const res2 = await submitModal(h, ALICE.id, view, {
      'Working day starts': '17:00',
      'Working day ends': '09:00',
      'Pause nudges until': '2026-03-01',
    });
    const body2 = res2.json as { response_action: string; errors: Record<string, string> };
    expect(body2.response_action).toBe('errors');
    expect(Object.keys(body2.errors)).toEqual([SETTINGS_BLOCKS.end.blockId]);
    const res3 = await submitModal(h, ALICE.id, view, {
      'Working day starts': '09:00',
      'Working day ends': '17:00',
      'Pause nudges until': '2026-03-01',
    });
    const body3 = res3.json as { response_action: string; errors: Record<string, string> };
    expect(Object.keys(body3.errors)).toEqual([SETTINGS_BLOCKS.pause.blockId]);
    const m = await member(h, ALICE.id);
    expect(m.workdayStartMinute).toBe(540);
    expect(m.pausedUntil).toBeNull();
  });

  it('saves valid settings and shows what they mean', async () => {
    h.clock.set(new Date('2026-03-16T15:00:00Z'));
    const view = await openModal(h, ALICE.id, 'settings');
    const res = await submitModal(h, ALICE.id, view, {
      Timezone: 'Europe/Berlin',
      'Working day starts': '08:00',
      'Working day ends': '16:00',
      'Working days': ['1', '2', '3', '4'],
      'Nudges I get': ['thank_you', 'referral', 'follow_up', 'prep', 'debrief'],
    });
    const body = res.json as { response_action: string; view: unknown };
    expect(body.response_action).toBe('update');
    expect(visibleText(body.view)).toContain('Mon–Thu, 08:00–16:00 (Europe/Berlin)');
    const m = await member(h, ALICE.id);
    expect(m).toMatchObject({
      tzOverride: 'Europe/Berlin',
      workdayStartMinute: 480,
      workdayEndMinute: 960,
      workDays: '1,2,3,4',
    });
    expect(m.nudgeKindsOff.split(',').sort()).toEqual([
      'close_loop',
      'keep_in_touch',
      'weekly_summary',
      'wrap_up',
    ]);
  });

  it('pause: nothing arrives while paused, the thank-you comes once the pause ends', async () => {
    // Bob logs a chat on Monday 16 March, 15:00 UTC (16:00 in Berlin), then pauses until Wednesday.
    h.clock.set(new Date('2026-03-16T15:00:00Z'));
    await seedChat(h, BOB.id, {
      person: 'Ana Diaz',
      date: '2026-03-16',
      action: 'ask for a portfolio review',
    });
    const view = await openModal(h, BOB.id, 'settings');
    const res = await submitModal(h, BOB.id, view, { 'Pause nudges until': '2026-03-18' });
    expect((res.json as { response_action: string }).response_action).toBe('update');
    expect((await member(h, BOB.id)).pausedUntil?.toISOString()).toBe('2026-03-17T23:00:00.000Z'); // Wed 00:00 Berlin

    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-17T10:00:00Z')); // Tue: due by the rules, but paused
    expect(nudgePosts(h).filter((c) => c.args.channel === BOB.id)).toHaveLength(0);
    await sweep(h, new Date('2026-03-18T08:00:00Z')); // Wed 09:00 Berlin: first working moment after the pause
    const posts = nudgePosts(h).filter((c) => c.args.channel === BOB.id);
    const kinds = await Promise.all(
      posts.map(async (c) => (await h.db.nudge.findUniqueOrThrow({ where: { id: nudgeIdOf(c)! } })).kind),
    );
    // This week's summary, pushed past the pause but still inside its week, comes along.
    expect(kinds.sort()).toEqual(['thank_you', 'weekly_summary']);
    // Its 24 hours passed during the pause: it says a late thank-you is still welcome.
    expect(posts.map((c) => visibleText(c.args)).join('\n')).toContain('Thank Ana Diaz when you can');
  });

  it('cancels a waiting nudge whose reason is gone instead of sending it', async () => {
    const bob = { workspaceId: TEAM.id, userId: BOB.id };
    h.clock.set(new Date('2026-03-18T09:00:00Z'));
    const conversationId = await seedChat(h, BOB.id, {
      person: 'Kai Moss',
      date: '2026-03-18',
      format: 'phone',
      action: 'try the research ops meetup',
    });
    await sweep(h, new Date('2026-03-18T09:30:00Z'));
    const waiting = await h.db.nudge.findFirstOrThrow({
      where: { kind: 'thank_you', subjectId: conversationId },
    });
    expect(waiting.status).toBe('pending');
    await markThankYouSent(h.db, bob, conversationId, new Date('2026-03-18T10:00:00Z'));
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-18T13:00:00Z'));
    expect(nudgePosts(h)).toHaveLength(0);
    expect((await h.db.nudge.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('cancelled');
  });

  /** Bob's week of 16 March: two chats (Ana Diaz on Monday, Kai Moss on Wednesday, thanked), swept daily. */
  async function bobsWeek(): Promise<void> {
    const bob = { workspaceId: TEAM.id, userId: BOB.id };
    h.clock.set(new Date('2026-03-16T15:00:00Z'));
    await seedChat(h, BOB.id, {
      person: 'Ana Diaz',
      date: '2026-03-16',
      action: 'ask for a portfolio review',
    });
    await sweep(h, new Date('2026-03-17T08:00:00Z'));
    h.clock.set(new Date('2026-03-18T09:00:00Z'));
    const kai = await seedChat(h, BOB.id, {
      person: 'Kai Moss',
      date: '2026-03-18',
      format: 'phone',
      action: 'try the research ops meetup',
    });
    await markThankYouSent(h.db, bob, kai, new Date('2026-03-18T10:00:00Z'));
    await sweep(h, new Date('2026-03-19T08:00:00Z'));
    await sweep(h, new Date('2026-03-20T08:00:00Z'));
  }

  it('`coach sweep --dry-run` lists what would be sent without sending or changing anything', async () => {
    await bobsWeek();
    const config = loadConfig({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: h.coach.slackApiUrl ?? '',
    });
    const before = await h.db.nudge.findMany({ orderBy: { id: 'asc' } });
    h.standIn.clearCalls();
    const lines: string[] = [];
    // Monday 23 March 09:00 Berlin: Bob's weekly summary is due.
    const report = await sweepCommand({
      config,
      log: memoryLog('warn').log,
      now: new Date('2026-03-23T08:00:00Z'),
      dryRun: true,
      print: (l) => lines.push(l),
    });
    expect(report.wouldSend.map((n) => n.kind)).toContain('weekly_summary');
    expect(
      lines.some((l) => l.startsWith('would send') && l.includes('weekly_summary') && l.includes(BOB.id)),
    ).toBe(true);
    expect(lines.join('\n')).not.toContain('Ana Diaz');
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await h.db.nudge.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('the weekly summary shows progress, what is due and the on-time thank-you rate', async () => {
    await bobsWeek();
    h.standIn.clearCalls();
    await sweep(h, new Date('2026-03-23T08:00:00Z'));
    const summary = nudgePosts(h).find(
      (c) => c.args.channel === BOB.id && visibleText(c.args).includes('Your week'),
    );
    expect(summary).toBeDefined();
    const text = visibleText(summary!.args);
    expect(text).toContain('Last week: 2 of 2 conversations.');
    expect(text).toMatch(/Thank-yous sent within 24 hours: \d of 2/);
  });
});
