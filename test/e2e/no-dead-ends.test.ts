// No dead ends in outreach, played over signed HTTP by pressing the buttons a member sees (found by
// their labels in what the stand-in shows): Mark as sent offers Got a reply and Undo; a reply offers
// Book the chat and "They said no for now" (with Undo); Archive has Undo and archived people Restore;
// Booked offers prep; saved goals offer the next step; a name not on the list offers to add it. Undo
// is checked against the member and the window; stored stages are checked on SQLite and Postgres.
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import type { ClickWhere, ViewLike } from '../../src/sandbox/slack-driver';
import { createAskDraft } from '../../src/services/ask';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, DAY, MINUTE, TEAM } from '../support/fixtures';
import { errorsLogged, type Harness, useHarness } from '../support/harness';
import { sweepAt } from '../support/nudges';
import { seedTarget } from '../support/seed';
import {
  type Block,
  type Element,
  elementsOf,
  ephemeral,
  inputByLabel,
  nudgePosts,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Monday 2 March 2026, 10:00 in New York (EST, UTC-5).
const START = '2026-03-02T15:00:00Z';

// ---------------------------------------------------------------------------------------------
// Playing the member: messages as Slack shows them now, and pressing a button by its label.

interface Shown {
  where: ClickWhere;
  blocks: Block[];
  text: string;
}

/** A message of the app's in Alice's DM, as Slack shows it now (after any chat.update). */
function dmMessage(h: Harness, ts: string): Shown {
  const channel = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
  const stored = h.standIn.messages(channel).find((m) => m.ts === ts);
  if (!stored) throw new Error(`no message ${ts} in Alice's DM`);
  const blocks = (stored.blocks ?? []) as unknown as Block[];
  return {
    where: { message: { channelId: channel, ts, blocks, text: stored.text } },
    blocks,
    text: stored.text,
  };
}

function tsOf(shown: Shown): string {
  if (!('message' in shown.where)) throw new Error('not a message');
  return shown.where.message.ts;
}

/** What a response_url post (an ephemeral reply, replaced in place) shows. */
function ephemeralShown(h: Harness, call: RecordedCall): Shown {
  const blocks = (call.args.blocks as unknown as Block[] | undefined) ?? [];
  const channelId = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
  return {
    where: { message: { channelId, ts: '1.000001', isEphemeral: true } },
    blocks,
    text: String(call.args.text ?? ''),
  };
}

/** A slash command's answer: in the ack, or (when the app asks Slack something first) by response_url. */
async function answerTo(h: Harness, text: string): Promise<{ text: string; blocks: Block[] }> {
  h.standIn.clearCalls();
  const res = await h.driver.command(ALICE.id, text);
  expect(res.status).toBe(200);
  const body = res.json as { text?: string; blocks?: Block[] } | undefined;
  if (body?.text) return { text: body.text, blocks: body.blocks ?? [] };
  const later = await h.standIn.waitForCall('response_url');
  return { text: String(later.args.text ?? ''), blocks: (later.args.blocks as unknown as Block[]) ?? [] };
}

function commandShown(h: Harness, answer: { text: string; blocks: Block[] }): Shown {
  const channelId = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
  return { where: { message: { channelId, ts: '1.000002', isEphemeral: true } }, ...answer };
}

/** The button whose label starts with `label`; fails naming the labels there are. */
function buttonLabelled(blocks: readonly unknown[], label: string): Element & { block_id?: string } {
  const buttons = elementsOf(blocks).filter((e) => e.type === 'button');
  const found = buttons.find((b) => (b.text?.text ?? '').startsWith(label));
  if (!found) {
    throw new Error(
      `no "${label}" button; there are: ${buttons.map((b) => b.text?.text).join(', ') || 'none'}`,
    );
  }
  return found;
}

async function press(h: Harness, shown: { where: ClickWhere; blocks: readonly unknown[] }, label: string) {
  const button = buttonLabelled(shown.blocks, label);
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    ALICE.id,
    { action_id: String(button.action_id), value: button.value, block_id: button.block_id, type: 'button' },
    shown.where,
  );
  expect(res.status).toBe(200);
  await h.settle();
}

function pressInView(h: Harness, view: ViewLike, label: string) {
  return press(h, { where: { view }, blocks: view.blocks }, label);
}

/** Ephemeral answers to Alice's last click (said next to it). */
function saidNextToClick(h: Harness): string {
  return h.standIn
    .callsTo('response_url')
    .map((c) => visibleText({ text: c.args.text, blocks: c.args.blocks }))
    .join('\n');
}

async function stageOf(h: Harness, contactId: string): Promise<string> {
  return (await h.db.contact.findUniqueOrThrow({ where: { id: contactId } })).stage;
}

async function seedJane(h: Harness, userId = ALICE.id): Promise<string> {
  return seedTarget(h, userId, {
    name: 'Jane Doe',
    role: 'UX Researcher',
    company: 'Acme Health',
    industry: 'Healthcare',
    why: 'She moved from teaching into UX research two years ago.',
  });
}

/** Alice drafts her ask to Jane through the modal; returns the draft's DM as it is shown. */
async function draftAskToJane(h: Harness): Promise<Shown> {
  const view = await openModal(h, ALICE.id, 'ask jane doe');
  await submitModal(h, ALICE.id, view, { 'About you': 'moving from teaching to UX research' });
  const dm = await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id);
  await h.settle();
  return dmMessage(h, String(dm.response?.ts));
}

for (const { kind, create } of DATABASE_KINDS) {
  describe(`no dead ends in outreach (${kind})`, () => {
    const h = useHarness({ start: START, database: create });

    it('Mark as sent offers Undo for 10 minutes: a draft again, and the person back where they were', async () => {
      const jane = await seedJane(h);
      const draft = await draftAskToJane(h);
      await press(h, draft, 'Mark as sent');
      let shown = dmMessage(h, tsOf(draft));
      expect(await stageOf(h, jane)).toBe('asked');
      expect(visibleText(shown)).toContain('Marked as sent');
      expect(visibleText(shown)).toContain('Undo (until 10:10)');
      expect(visibleText(shown)).toContain('Got a reply');

      h.clock.advance(4 * MINUTE);
      await press(h, shown, 'Undo');
      shown = dmMessage(h, tsOf(shown));
      expect(visibleText(shown)).toContain('Undone: this is a draft again');
      expect(visibleText(shown)).toContain('Mark as sent');
      const ask = await h.db.ask.findFirstOrThrow({ where: { contactId: jane } });
      expect(ask.sentAt).toBeNull();
      expect(await stageOf(h, jane)).toBe('target');

      // Marked again, then Undo after the window: it stays sent, and Alice is told why.
      await press(h, shown, 'Mark as sent');
      shown = dmMessage(h, tsOf(shown));
      h.clock.advance(11 * MINUTE);
      await press(h, shown, 'Undo');
      expect(saidNextToClick(h)).toContain('more than 10 minutes');
      expect((await h.db.ask.findFirstOrThrow({ where: { contactId: jane } })).sentAt).not.toBeNull();
      expect(await stageOf(h, jane)).toBe('asked');
      // The stale Undo is gone from the message; Got a reply is still there.
      shown = dmMessage(h, tsOf(shown));
      expect(visibleText(shown)).not.toContain('Undo');
      expect(visibleText(shown)).toContain('Got a reply');
      expect(errorsLogged(h)).toEqual([]);
    });

    it('Got a reply offers Book the chat and "They said no for now", kindly and with Undo', async () => {
      const jane = await seedJane(h);
      const draft = await draftAskToJane(h);
      const ts = tsOf(draft);
      await press(h, draft, 'Mark as sent');
      h.clock.advance(2 * DAY);
      await press(h, dmMessage(h, ts), 'Got a reply');
      let shown = dmMessage(h, ts);
      expect(visibleText(shown)).toContain('Jane replied');
      expect((await h.db.ask.findFirstOrThrow({ where: { contactId: jane } })).repliedAt).not.toBeNull();

      // Book the chat opens the schedule form for Jane.
      await press(h, shown, 'Book the chat');
      const schedule = viewOf(await h.standIn.waitForCall('views.update'));
      expect(visibleText(schedule)).toContain('When are you meeting *Jane Doe*?');

      await press(h, shown, 'They said no for now');
      shown = dmMessage(h, ts);
      expect(await stageOf(h, jane)).toBe('declined');
      expect(visibleText(shown)).toContain('Jane said no for now. That is fine');
      expect(visibleText(shown)).toContain('See my list');

      await press(h, shown, 'Undo');
      shown = dmMessage(h, ts);
      expect(await stageOf(h, jane)).toBe('asked');
      expect(visibleText(shown)).toContain('Undone: Jane Doe is back under *Asked*');
      expect(visibleText(shown)).toContain('Book the chat');

      // A no again, and Undo after the window: it stays, and Alice is told how to reach out later.
      await press(h, shown, 'They said no for now');
      h.clock.advance(11 * MINUTE);
      await press(h, dmMessage(h, ts), 'Undo');
      expect(saidNextToClick(h)).toContain('more than 10 minutes');
      expect(await stageOf(h, jane)).toBe('declined');

      // A no for now is not forever: a new ask, marked sent, moves Jane on again.
      h.clock.advance(30 * DAY);
      const again = await draftAskToJane(h);
      await press(h, again, 'Mark as sent');
      expect(await stageOf(h, jane)).toBe('asked');
      expect(errorsLogged(h)).toEqual([]);
    });

    it('Got a reply on the follow-up nudge no longer ends at "No follow-up needed"', async () => {
      const jane = await seedJane(h);
      const draft = await draftAskToJane(h);
      await press(h, draft, 'Mark as sent');
      await sweepAt(h, new Date(new Date(START).getTime() + 8 * DAY));
      await h.settle();
      const post = nudgePosts(h).find((c) => visibleText({ blocks: c.args.blocks }).includes('Got a reply'));
      expect(post, 'the follow-up nudge').toBeDefined();
      const nudge = dmMessage(h, String(post?.response?.ts));
      await press(h, nudge, 'Got a reply');
      const after = dmMessage(h, String(post?.response?.ts));
      expect(visibleText(after)).toContain('Jane Doe replied');
      await press(h, after, 'Book the chat');
      const schedule = viewOf(await h.standIn.waitForCall('views.update'));
      expect(visibleText(schedule)).toContain('When are you meeting *Jane Doe*?');

      await press(h, after, 'They said no for now');
      expect(await stageOf(h, jane)).toBe('declined');
      expect(visibleText(dmMessage(h, String(post?.response?.ts)))).toContain('said no for now');
      expect(errorsLogged(h)).toEqual([]);
    });

    it('Archive has Undo for 10 minutes, and archived people a Restore button', async () => {
      const jane = await seedJane(h);
      const draft = await draftAskToJane(h);
      await press(h, draft, 'Mark as sent');
      expect(await stageOf(h, jane)).toBe('asked');

      const archiveJane = async () => {
        const list = await ephemeral(h, ALICE.id, 'people');
        const person = list.blocks.find((b) => b.block_id === `person|${jane}`);
        const archive = person?.accessory?.options?.find((o) => o.text?.text === 'Archive');
        expect(archive, 'the Archive choice').toBeDefined();
        h.standIn.clearCalls();
        await h.driver.blockAction(
          ALICE.id,
          {
            action_id: String(person?.accessory?.action_id),
            type: 'overflow',
            block_id: person?.block_id,
            selected_option: { value: archive?.value },
          },
          commandShown(h, list).where,
        );
        await h.settle();
        return ephemeralShown(h, await h.standIn.waitForCall('response_url'));
      };

      let shown = await archiveJane();
      expect(await stageOf(h, jane)).toBe('archived');
      expect(visibleText(shown)).toContain('Archived *Jane Doe*');
      await press(h, shown, 'Undo (until');
      expect(await stageOf(h, jane)).toBe('asked');
      shown = ephemeralShown(h, await h.standIn.waitForCall('response_url'));
      expect(visibleText(shown)).toContain('*Jane Doe* is back on your list, under *Asked*');

      shown = await archiveJane();
      h.clock.advance(11 * MINUTE);
      await press(h, shown, 'Undo (until');
      expect(saidNextToClick(h)).toContain('Restore');
      expect(await stageOf(h, jane)).toBe('archived');

      // Restore, any time later, from the archived list.
      h.clock.advance(30 * DAY);
      const archived = commandShown(h, await ephemeral(h, ALICE.id, 'people archived'));
      expect(visibleText(archived)).toContain('Jane Doe');
      await press(h, archived, 'Restore');
      expect(await stageOf(h, jane)).toBe('asked');
      const restored = ephemeralShown(h, await h.standIn.waitForCall('response_url'));
      expect(visibleText(restored)).toContain('back on your list, under *Asked*');
      const row = await h.db.contact.findUniqueOrThrow({ where: { id: jane } });
      expect(row.archivedFromStage).toBeNull();
      expect(errorsLogged(h)).toEqual([]);
    });

    it('the Booked message offers Prep questions, and saved goals the next step', async () => {
      await seedJane(h);
      const prep = await h.driver.command(ALICE.id, 'prep jane');
      expect(prep.status).toBe(200);
      const prepDm = await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id);
      await h.settle();
      await press(h, dmMessage(h, String(prepDm.response?.ts)), 'Schedule the chat');
      const form = viewOf(await h.standIn.waitForCall('views.update'));
      await submitModal(h, ALICE.id, form, { Date: '2026-03-05', Time: '14:30' });
      const booked = await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id);
      await h.settle();
      const bookedShown = dmMessage(h, String(booked.response?.ts));
      expect(visibleText(bookedShown)).toContain('Booked');
      await press(h, bookedShown, 'Prep questions');
      const again = await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id);
      expect(visibleText({ blocks: again.args.blocks })).toContain('Questions for Jane Doe');

      const goals = await openModal(h, ALICE.id, 'goal');
      const saved = await submitModal(h, ALICE.id, goals, { 'People on your list': '8' });
      const savedView = (saved.json as { view: ViewLike }).view;
      expect(visibleText(savedView)).toContain('Goals saved');
      const open = h.standIn.openViews(ALICE.id).at(-1) as unknown as ViewLike;
      await pressInView(h, { ...savedView, id: open.id }, 'Add someone');
      const add = viewOf(await h.standIn.waitForCall('views.update'));
      expect(add.callback_id).toBe('add_target');
      expect(errorsLogged(h)).toEqual([]);
    });

    it('a name not on the list comes with a button to add it, filled in', async () => {
      await seedJane(h);
      for (const command of ['prep Zed Nobody', 'thanks Zed Nobody']) {
        const answer = commandShown(h, await answerTo(h, command));
        expect(visibleText(answer)).toContain('Zed Nobody');
        expect(visibleText(answer)).not.toContain('/coach add');
        await press(h, answer, 'Add Zed Nobody');
        const add = viewOf(await h.standIn.waitForCall('views.update'));
        expect(add.callback_id).toBe('add_target');
        expect(inputByLabel(add, 'Name')?.element?.initial_value).toBe('Zed Nobody');
      }
      // An empty list's prep answer offers to add someone too.
      await h.db.contact.deleteMany({});
      const empty = commandShown(h, await ephemeral(h, ALICE.id, 'prep'));
      await press(h, empty, 'Add someone');
      expect(viewOf(await h.standIn.waitForCall('views.update')).callback_id).toBe('add_target');
      expect(errorsLogged(h)).toEqual([]);
    });

    it('Undo, Got a reply, a no for now and Restore carrying someone else’s ids change nothing of theirs', async () => {
      // Alice's own buttons, each crafted to carry Bob's ask or contact instead of hers.
      await seedJane(h);
      const draft = await draftAskToJane(h);
      const ts = tsOf(draft);
      await press(h, draft, 'Mark as sent');
      const bobsJane = await seedJane(h, BOB.id);
      const bob = { workspaceId: TEAM.id, userId: BOB.id };
      const bobAsk = await createAskDraft(
        h.db,
        bob,
        {
          person: { kind: 'existing', contactId: bobsJane },
          about: null,
          why: null,
          minutes: 20,
          channel: 'email',
        },
        h.clock.now(),
        'Bob',
      );
      if (!bobAsk.ok) throw new Error('expected Bob’s draft');
      await h.db.ask.update({ where: { id: bobAsk.draft.ask.id }, data: { sentAt: h.clock.now() } });
      await h.db.contact.update({
        where: { id: bobsJane },
        data: { stage: 'archived', archivedFromStage: 'asked', stageAt: h.clock.now() },
      });
      const before = JSON.stringify([
        await h.db.ask.findMany({ where: { ownerId: { not: undefined }, contactId: bobsJane } }),
        await h.db.contact.findMany({ where: { id: bobsJane } }),
      ]);

      const mine = dmMessage(h, ts);
      const crafted = async (label: string, value: string) => {
        const real = buttonLabelled(mine.blocks, label);
        h.standIn.clearCalls();
        await h.driver.blockAction(
          ALICE.id,
          { action_id: String(real.action_id), value, block_id: real.block_id, type: 'button' },
          mine.where,
        );
        await h.settle();
        expect(saidNextToClick(h), label).toMatch(/couldn't find that (draft|person)/);
        expect(saidNextToClick(h)).not.toContain('Bob');
      };
      await crafted('Undo', bobAsk.draft.ask.id);
      await crafted('Got a reply', bobAsk.draft.ask.id);
      await press(h, dmMessage(h, ts), 'Got a reply');
      const replied = dmMessage(h, ts);
      Object.assign(mine, replied);
      await crafted('They said no for now', bobsJane);
      await press(h, dmMessage(h, ts), 'They said no for now');
      Object.assign(mine, dmMessage(h, ts));
      await crafted('Undo', bobsJane);

      // Archive's Undo and Restore, from Alice's own list, carrying Bob's person.
      const list = await ephemeral(h, ALICE.id, 'people');
      const person = list.blocks.find((b) => b.block_id?.startsWith('person|'));
      const archive = person?.accessory?.options?.find((o) => o.text?.text === 'Archive');
      h.standIn.clearCalls();
      await h.driver.blockAction(
        ALICE.id,
        {
          action_id: String(person?.accessory?.action_id),
          type: 'overflow',
          block_id: person?.block_id,
          selected_option: { value: archive?.value },
        },
        commandShown(h, list).where,
      );
      await h.settle();
      Object.assign(mine, ephemeralShown(h, await h.standIn.waitForCall('response_url')));
      await crafted('Undo (until', `${bobsJane}||1`);
      Object.assign(mine, commandShown(h, await ephemeral(h, ALICE.id, 'people archived')));
      await crafted('Restore', `${bobsJane}|archived|1`);

      const after = JSON.stringify([
        await h.db.ask.findMany({ where: { ownerId: { not: undefined }, contactId: bobsJane } }),
        await h.db.contact.findMany({ where: { id: bobsJane } }),
      ]);
      expect(after).toBe(before);
      expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === BOB.id)).toEqual([]);
      expect(errorsLogged(h)).toEqual([]);
    });
  });
}
