// Referrals keep their history, over signed HTTP on SQLite and (when configured) Postgres: a student
// meets and thanks Priya, then logs Marcus, who suggests Priya too and two others (one already
// suggested by Jane, one added by hand). Priya keeps her own start (nobody introduced her), Jane stays
// the first introducer of hers, the hand-added one gets Marcus as introducer; the chain and the export
// show "also suggested by", and nobody already met is offered a cold ask.
import { describe, expect, it } from 'vitest';
import { OPEN } from '../../src/slack/views/action-ids';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, DAY } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { useHarness } from '../support/harness';
import { sweepAt } from '../support/nudges';
import {
  blocksOf,
  dmTo,
  findElement,
  findElements,
  messageOf,
  nudgePosts,
  openModal,
  submitModal,
  visibleText,
} from '../support/slack-play';
import { step } from '../support/steps';

// A Tuesday, 10:00 in New York (Alice's timezone).
const START = new Date('2026-03-10T14:00:00Z');

async function logChat(h: Harness, command: string, fields: Record<string, string>) {
  const view = await openModal(h, ALICE.id, command);
  h.standIn.clearCalls();
  await submitModal(h, ALICE.id, view, {
    "One thing I'll act on": 'sketch one research plan this week',
    ...fields,
  });
  return dmTo(h, ALICE.id);
}

describe.each(DATABASE_KINDS)('referrals keep their history on $kind', ({ create }) => {
  const h = useHarness({ start: START, database: create });

  it('a later "who else" links as also suggested, never re-parents, and sends no cold ask to someone met', {
    timeout: 60_000,
  }, async () => {
    await step('1. meets Priya and marks the thank-you sent from the DM', async () => {
      const dm = await logChat(h, 'log Priya Natarajan', { Person: 'Priya Natarajan' });
      const sent = findElement(blocksOf(dm), THANKS_ACTIONS.markSent);
      expect(sent?.value).toBeTruthy();
      h.standIn.clearCalls();
      await h.driver.blockAction(
        ALICE.id,
        { action_id: THANKS_ACTIONS.markSent, value: String(sent?.value) },
        { message: messageOf(dm) },
      );
      await h.settle();
      const priya = await h.db.contact.findFirstOrThrow({ where: { name: 'Priya Natarajan' } });
      expect(priya.stage).toBe('thanked');
    });

    await step('2. Jane suggests Omar; Dana is added by hand', async () => {
      await logChat(h, 'log Jane Doe', { Person: 'Jane Doe', 'Who else they suggested': 'Omar Farouk' });
      const view = await openModal(h, ALICE.id, 'add Dana Cole');
      await submitModal(h, ALICE.id, view, {
        Role: 'Research Ops',
        Company: 'Globex',
        Industry: 'Software',
        'Why them (their path)': 'she moved from support into research operations',
      });
      await dmTo(h, ALICE.id);
    });

    h.clock.advance(DAY);
    let marcusDm: Awaited<ReturnType<typeof dmTo>> | undefined;
    await step('3. logs Marcus, who suggests Priya, Omar and Dana', async () => {
      marcusDm = await logChat(h, 'log Marcus Bell', {
        Person: 'Marcus Bell',
        'Who else they suggested': 'Priya Natarajan\nOmar Farouk\nDana Cole',
      });
      const text = visibleText(marcusDm.args);
      expect(text).toContain('*Priya Natarajan* is already on your list');
      expect(text).toMatch(/you met on/);
      expect(text).not.toMatch(/Priya Natarajan[^\n]*new target/);
      const priya = await h.db.contact.findFirstOrThrow({ where: { name: 'Priya Natarajan' } });
      const omar = await h.db.contact.findFirstOrThrow({ where: { name: 'Omar Farouk' } });
      const dana = await h.db.contact.findFirstOrThrow({ where: { name: 'Dana Cole' } });
      // No cold ask to someone already met: no Draft ask button for Priya; Omar and Dana keep theirs.
      const askValues = findElements(blocksOf(marcusDm), OPEN.ask).map((e) => e.value);
      expect(askValues).not.toContain(priya.id);
      expect(askValues).toEqual(expect.arrayContaining([omar.id, dana.id]));
    });

    await step('4. the first introducer stays; later ones are kept as also suggested', async () => {
      const marcus = await h.db.contact.findFirstOrThrow({ where: { name: 'Marcus Bell' } });
      const jane = await h.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
      const priya = await h.db.contact.findFirstOrThrow({ where: { name: 'Priya Natarajan' } });
      const omar = await h.db.contact.findFirstOrThrow({ where: { name: 'Omar Farouk' } });
      const dana = await h.db.contact.findFirstOrThrow({ where: { name: 'Dana Cole' } });
      expect(priya.referredById).toBeNull();
      expect(omar.referredById).toBe(jane.id);
      expect(dana.referredById).toBe(marcus.id);
      const also = await h.db.contactSuggestion.findMany({ orderBy: { createdAt: 'asc' } });
      expect(also.map((s) => [s.contactId, s.suggestedById]).sort()).toEqual(
        [
          [priya.id, marcus.id],
          [omar.id, marcus.id],
        ].sort(),
      );
      const chat = await h.db.conversation.findFirstOrThrow({ where: { contactId: marcus.id } });
      expect(also.every((s) => s.conversationId === chat.id)).toBe(true);
    });

    await step('5. the chains show the first introducer and who else suggested them', async () => {
      const priya = visibleText((await h.driver.command(ALICE.id, 'chain Priya')).json);
      expect(priya).not.toContain('Marcus Bell → Priya');
      expect(priya).toContain('Also suggested by Marcus Bell');
      const omar = visibleText((await h.driver.command(ALICE.id, 'chain Omar')).json);
      expect(omar).toContain('Jane Doe → Omar Farouk');
      expect(omar).toContain('Also suggested by Marcus Bell');
      const all = visibleText((await h.driver.command(ALICE.id, 'chain')).json);
      expect(all).toMatch(/Omar Farouk[^\n]*also suggested by Marcus Bell/);
      expect(all).toMatch(/Priya Natarajan[^\n]*also suggested by Marcus Bell/);
    });

    await step(
      '6. the export keeps referred_by as the first introducer, with the others beside it',
      async () => {
        h.standIn.clearCalls();
        await h.driver.command(ALICE.id, 'export');
        await h.standIn.waitForCall('files.completeUploadExternal');
        const files = h.standIn.files();
        const csv = files.find((f) => f.filename.includes('contacts') && f.filename.endsWith('.csv'));
        const rows = (csv?.data?.toString('utf8') ?? '').split(/\r?\n/);
        const header = rows[0]?.replace(/^\uFEFF/, '').split(',') ?? [];
        const col = (name: string) => header.indexOf(name);
        expect(col('also_suggested_by')).toBeGreaterThan(-1);
        const row = (who: string) => rows.find((r) => r.includes(who))?.split(',') ?? [];
        expect(row('Priya Natarajan')[col('referred_by_name')]).toBe('');
        expect(row('Priya Natarajan')[col('also_suggested_by')]).toBe('Marcus Bell');
        expect(row('Omar Farouk')[col('referred_by_name')]).toBe('Jane Doe');
        expect(row('Omar Farouk')[col('also_suggested_by')]).toBe('Marcus Bell');
        expect(row('Dana Cole')[col('referred_by_name')]).toBe('Marcus Bell');
        expect(row('Dana Cole')[col('also_suggested_by')]).toBe('');

        const json = files.find((f) => f.filename.endsWith('.json'));
        const doc = JSON.parse(json?.data?.toString('utf8') ?? '{}') as {
          contacts: { name: string; referredByName: string | null; alsoSuggestedBy: { name: string }[] }[];
        };
        const priya = doc.contacts.find((c) => c.name === 'Priya Natarajan');
        expect(priya?.referredByName).toBeNull();
        expect(priya?.alsoSuggestedBy.map((s) => s.name)).toEqual(['Marcus Bell']);
        const omar = doc.contacts.find((c) => c.name === 'Omar Farouk');
        expect(omar?.referredByName).toBe('Jane Doe');
        expect(omar?.alsoSuggestedBy.map((s) => s.name)).toEqual(['Marcus Bell']);
      },
    );

    await step('7. two days on, only people not reached yet are nudged to reach out', async () => {
      h.standIn.clearCalls();
      await sweepAt(h, new Date(START.getTime() + 3 * DAY + 2 * 60 * 60 * 1000));
      const texts = nudgePosts(h).map((call) => visibleText(call.args));
      expect(texts.some((t) => t.includes('Dana Cole'))).toBe(true);
      expect(texts.some((t) => /reach out/i.test(t) && t.includes('Priya Natarajan'))).toBe(false);
      expect(texts.join('\n')).not.toMatch(/Marcus Bell suggested I reach out/);
    });
  });
});
