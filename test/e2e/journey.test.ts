// The whole method, played by one student over signed HTTP against the stand-in, on SQLite and (when
// configured) Postgres: targets, an ask checked and sent, prep, a logged conversation with an action
// and two referrals, the thank-you, the referrals in the pipeline and the chain, the nudges that
// follow, export, forget. One story: each step starts where the one before ended, so it is one test
// whose steps are labelled (a failure names its step).
import { describe, expect, it } from 'vitest';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_ACTIONS } from '../../src/slack/views/ask';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, DAY, HOUR, SIGNING_SECRET, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { sweepAt } from '../support/nudges';
import {
  blocksOf,
  dmTo,
  findElement,
  messageOf,
  nudgePosts,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';
import { step } from '../support/steps';

// A Tuesday, 10:00 in New York (Alice's timezone): inside her working hours.
const START = new Date('2026-03-10T14:00:00Z');

describe.each(DATABASE_KINDS)('journey: the whole method on $kind', ({ create }) => {
  const h = useHarness({ start: START, database: create });
  const sweep = (at: Date) => sweepAt(h, at);

  it('one student, from the first target to forgetting everything', { timeout: 120_000 }, async () => {
    await step('1. adds a target', async () => {
      const view = await openModal(h, ALICE.id, 'add Jane Doe');
      const res = await submitModal(h, ALICE.id, view, {
        Role: 'UX Researcher',
        Company: 'Acme Health',
        Industry: 'Healthcare',
        'Why them (their path)': 'she moved from teaching into UX research two years ago',
      });
      expect(res.text).toBe('');
      expect(String((await dmTo(h, ALICE.id)).args.text)).toContain('Jane Doe');
    });

    await step(
      '2. drafts an ask, sees the checker catch a job ask in an edit, and marks it sent',
      async () => {
        const view = await openModal(h, ALICE.id, 'ask jane');
        await submitModal(h, ALICE.id, view, { 'About you': 'a teacher moving into UX research' });
        const draft = await dmTo(h, ALICE.id);
        const text = visibleText(draft.args);
        expect(text).toContain('20-minute');
        expect(text).toContain('Ready to send');

        // Edit the draft into a job ask: the checker flags it, in place.
        const msg = messageOf(draft);
        const edit = findElement(blocksOf(draft), ASK_ACTIONS.edit);
        h.standIn.clearCalls();
        await h.driver.blockAction(
          ALICE.id,
          { action_id: ASK_ACTIONS.edit, value: String(edit?.value) },
          { message: msg },
        );
        const editView = viewOf(await h.standIn.waitForCall('views.update'));
        await submitModal(h, ALICE.id, editView, {
          'Your message': 'Hi Jane, are you hiring? Could you refer me for an open role on your team?',
        });
        const updated = await h.standIn.waitForCall('chat.update');
        expect(visibleText(updated.args).toLowerCase()).toMatch(/job|role|hiring/);

        const markSent = findElement(blocksOf(draft), ASK_ACTIONS.markSent);
        h.standIn.clearCalls();
        await h.driver.blockAction(
          ALICE.id,
          { action_id: ASK_ACTIONS.markSent, value: String(markSent?.value) },
          { message: msg },
        );
        await h.standIn.waitForCall('chat.update');
        const jane = await h.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
        expect(jane.stage).toBe('asked');
      },
    );

    await step('3. prepares questions that end with "who else should I talk to?"', async () => {
      h.standIn.clearCalls();
      await h.driver.command(ALICE.id, 'prep jane');
      const prep = await dmTo(h, ALICE.id);
      const text = visibleText(prep.args);
      expect(text).toMatch(/research first/i);
      const numbered = text.split('\n').filter((line) => /^\*\d\.\* /.test(line));
      expect(numbered.length).toBeGreaterThanOrEqual(5);
      expect(numbered.length).toBeLessThanOrEqual(7);
      expect(numbered.at(-1)).toMatch(/(anyone|who) else/i);
    });

    await step(
      '4. logs the conversation with one action and two referrals, and gets the thank-you draft',
      async () => {
        const view = await openModal(h, ALICE.id, 'log jane');
        await submitModal(h, ALICE.id, view, {
          'What I learned': 'Research ops is growing fast.',
          "Skills I'm missing (comma separated)": 'survey design, SQL',
          'Words of the field (comma separated)': 'synthesis, jobs to be done',
          "One thing I'll act on": 'run three usability tests this month',
          'Who else they suggested': 'Raj Patel — research lead, Globex\nMia Wong',
        });
        const confirmation = await dmTo(h, ALICE.id);
        const text = visibleText(confirmation.args);
        expect(text).toContain('run three usability tests this month');
        expect(text).toContain('Raj Patel');
        expect(text).toContain('Mia Wong');
        const referrals = await h.db.contact.findMany({
          where: { referredBy: { name: 'Jane Doe' } },
          orderBy: { name: 'asc' },
        });
        expect(referrals.map((r) => [r.name, r.stage])).toEqual([
          ['Mia Wong', 'target'],
          ['Raj Patel', 'target'],
        ]);
      },
    );

    await step('5. sees the referrals in the pipeline and in the chain', async () => {
      const people = await h.driver.command(ALICE.id, 'people');
      const pipeline = visibleText(people.json);
      expect(pipeline).toContain('Raj Patel');
      expect(pipeline).toContain('Mia Wong');
      const chain = await h.driver.command(ALICE.id, 'chain');
      expect(visibleText(chain.json)).toContain('Jane Doe → ');
    });

    await step(
      '6. is nudged for the thank-you before its deadline, once, and marks it sent from the nudge',
      async () => {
        h.standIn.clearCalls();
        await sweep(new Date(START.getTime() + 23 * HOUR)); // Wed 09:00 New York, in working hours
        const first = nudgePosts(h);
        expect(first.map((c) => visibleText(c.args)).filter((t) => t.includes('Jane'))).toHaveLength(1);
        await sweep(new Date(START.getTime() + 23.5 * HOUR));
        expect(nudgePosts(h)).toHaveLength(first.length);

        // Mark the thank-you sent from the confirmation DM.
        const conversation = await h.db.conversation.findFirstOrThrow({
          where: { contact: { name: 'Jane Doe' } },
        });
        h.standIn.clearCalls();
        await h.driver.blockAction(
          ALICE.id,
          { action_id: THANKS_ACTIONS.markSent, value: conversation.id },
          { message: { channelId: h.standIn.dmChannelFor(h.driver.teamId, ALICE.id), ts: '1.000001' } },
        );
        // The click's answer (the message updated in place, or a reply) comes after the change is saved.
        await Promise.any(
          ['chat.update', 'response_url', 'chat.postEphemeral'].map((m) => h.standIn.waitForCall(m)),
        );
        const saved = await h.db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
        expect(saved.thankYouSentAt).not.toBeNull();
      },
    );

    await step('7. is nudged to reach out to each referral about two days later', async () => {
      h.standIn.clearCalls();
      await sweep(new Date(START.getTime() + 2 * DAY + 2 * HOUR));
      const texts = nudgePosts(h).map((c) => visibleText(c.args));
      expect(texts.some((t) => t.includes('Raj Patel'))).toBe(true);
      expect(texts.some((t) => t.includes('Mia Wong'))).toBe(true);
    });

    await step("7b. drafts the ask to Raj from that nudge, opening with Jane's introduction", async () => {
      const nudge = nudgePosts(h).find((c) => visibleText(c.args).includes('Raj Patel'));
      if (!nudge) throw new Error('no referral nudge for Raj');
      const draftAsk = findElement(blocksOf(nudge), OPEN.ask);
      h.standIn.clearCalls();
      await h.driver.blockAction(
        ALICE.id,
        { action_id: OPEN.ask, value: String(draftAsk?.value) },
        { message: messageOf(nudge) },
      );
      const view = viewOf(await h.standIn.waitForCall('views.update'));
      await submitModal(h, ALICE.id, view, { 'Why them': 'he leads a research team at Globex' });
      const draft = await dmTo(h, ALICE.id);
      expect(visibleText(draft.args)).toMatch(/Jane( Doe)? suggested I reach out/);
    });

    await step('8. exports the data as files in the DM', async () => {
      h.standIn.clearCalls();
      await h.driver.command(ALICE.id, 'export');
      const complete = await h.standIn.waitForCall('files.completeUploadExternal');
      expect(complete.response).toMatchObject({ ok: true });
      const files = h.standIn.files();
      const names = files.map((f) => f.filename);
      expect(names.some((n) => n.endsWith('.json'))).toBe(true);
      const contacts = files.find((f) => f.filename.includes('contacts') && f.filename.endsWith('.csv'));
      expect(contacts?.data?.toString('utf8')).toContain('Raj Patel');
    });

    await step('9. forgets everything of Alice and nothing of Bob', async () => {
      const bobView = await openModal(h, BOB.id, 'add Sam Lee');
      await submitModal(h, BOB.id, bobView, {
        Role: 'PM',
        Company: 'Initech',
        Industry: 'Software',
        'Why them (their path)': 'bootcamp grad turned PM',
      });
      await dmTo(h, BOB.id);

      const view = await openModal(h, ALICE.id, 'forget');
      const res = await submitModal(h, ALICE.id, view, {});
      expect(res.status).toBe(200);
      await dmTo(h, ALICE.id);
      const alice = await h.db.member.findFirst({ where: { slackUserId: ALICE.id } });
      const aliceContacts = await h.db.contact.count({ where: { owner: { slackUserId: ALICE.id } } });
      expect(alice === null || aliceContacts === 0).toBe(true);
      expect(await h.db.conversation.count({ where: { owner: { slackUserId: ALICE.id } } })).toBe(0);
      expect(await h.db.nudge.count({ where: { member: { slackUserId: ALICE.id } } })).toBe(0);
      expect(await h.db.contact.count({ where: { owner: { slackUserId: BOB.id } } })).toBe(1);
    });

    await step('10. never logged the tokens, the signing secret or anything the student wrote', () => {
      const logs = h.logs.join('\n');
      for (const secret of [TEAM.botToken, SIGNING_SECRET]) expect(logs).not.toContain(secret);
      for (const note of [
        'Research ops is growing fast',
        'run three usability tests',
        'teacher moving into UX research',
      ]) {
        expect(logs).not.toContain(note);
      }
      expect(h.logs.length).toBeGreaterThan(0);
    });
  });
});
