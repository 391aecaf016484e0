// The after-conversation services against a real database: what a log writes, thank-you lookups,
// people, skills, export and forget — always scoped to one member.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { referralChains } from '../../src/services/chain';
import { exportData, forgetMember, forgetPreview } from '../../src/services/data';
import { inThreadDrafter } from '../../src/services/drafter';
import { type LogConversationInput, logConversation, startLog } from '../../src/services/log';
import { archiveContact, peopleByStage, personOverview } from '../../src/services/people';
import { advanceSkill, fieldKeywords, skillsPlan } from '../../src/services/skills';
import { markThankYouSent, signedCard, thankYouFor } from '../../src/services/thanks';
import { updateMember } from '../../src/store/members';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { HOUR } from '../support/fixtures';

const NOW = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 in New York
const alice = { workspaceId: 'T1', userId: 'UALICE' };
const bob = { workspaceId: 'T1', userId: 'UBOB' };
const aliceElsewhere = { workspaceId: 'T2', userId: 'UALICE' };

function input(over: Partial<LogConversationInput> = {}): LogConversationInput {
  return {
    person: 'Jane Doe',
    role: 'UX Researcher',
    company: 'Acme',
    date: '2026-03-10',
    minutes: 20,
    format: 'video',
    learned: 'They said portfolios matter more than certificates.',
    skills: [],
    keywords: [],
    action: 'Rewrite my case study',
    referrals: [],
    thanked: false,
    ...over,
  };
}

async function logged(scope: typeof alice, over: Partial<LogConversationInput> = {}, now = NOW) {
  const result = await logConversation(open.db, scope, input(over), now);
  if (!result.ok) throw new Error(`log failed: ${result.problem}`);
  return result.summary;
}

let database: TestDatabase;
let open: Database;

describe.each(DATABASE_KINDS)('after-conversation services on $kind', ({ create }) => {
  const cleanup = useCleanup('all');
  beforeAll(async () => {
    database = await create();
    cleanup.add(() => database.drop());
    open = await openDatabase(database.url);
    cleanup.add(() => open.close());
    await updateMember(open.db, alice, { slackTz: 'America/New_York' });
  });

  describe('logging a conversation', () => {
    it('creates the person, the held conversation and the thank-you draft naming the action and what was learned', async () => {
      const summary = await logged(alice, {
        skills: ['SQL', 'usability testing'],
        keywords: ['discovery'],
        referrals: [
          { name: 'Sam Lee', role: 'Research Ops', company: 'Acme' },
          { name: 'jane doe', role: null, company: null },
        ],
      });
      expect(summary.createdContact).toBe(true);
      expect(summary.contactStage).toBe('met');
      expect(summary.card.heldAt).toEqual(NOW);
      expect(summary.card.deadline).toEqual(new Date(NOW.getTime() + 24 * HOUR));
      const { draft } = await signedCard(inThreadDrafter(), summary.card, 'Alice');
      expect(draft).toContain('rewrite my case study');
      expect(draft).toContain('portfolios matter more than certificates');
      expect(draft).toContain('Sam Lee');
      expect(draft).toMatch(/\nAlice$/);
      // The person themselves in "who else" is not a referral.
      expect(summary.referrals.map((r) => r.name)).toEqual(['Sam Lee']);
      expect(summary.skillsAdded).toEqual(['SQL', 'usability testing']);
    });

    it('dedupes skills and keywords per member, keeping the status a skill already has', async () => {
      const [plan] = await skillsPlan(open.db, alice);
      const sql = plan?.items.find((i) => i.skill.name === 'SQL');
      if (!sql) throw new Error('no SQL skill');
      await advanceSkill(open.db, alice, sql.skill.id);

      const summary = await logged(alice, {
        person: 'Sam Lee',
        skills: ['sql', 'Figma'],
        keywords: ['Discovery', 'synthesis'],
        referrals: [{ name: 'Jane Doe', role: null, company: null }],
      });
      expect(summary.skillsAdded).toEqual(['Figma']);
      expect(summary.keywordsAdded).toEqual(['synthesis']);
      // Jane suggested Sam; Sam naming Jane back must not make a loop.
      expect(summary.referrals).toEqual([expect.objectContaining({ name: 'Jane Doe', created: false })]);
      const jane = await open.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
      expect(jane.referredById).toBeNull();

      const plan2 = await skillsPlan(open.db, alice);
      expect(plan2.find((g) => g.status === 'learning')?.items.map((i) => i.skill.name)).toEqual(['SQL']);
      expect((await fieldKeywords(open.db, alice)).map((k) => [k.term, k.from])).toEqual([
        ['discovery', 'Jane'],
        ['synthesis', 'Sam'],
      ]);
    });

    it('never moves a contact backwards, and brings an archived one back', async () => {
      const sam = await open.db.contact.findFirstOrThrow({ where: { name: 'Sam Lee' } });
      const sent = await markThankYouSent(
        open.db,
        alice,
        (await open.db.conversation.findFirstOrThrow({ where: { contactId: sam.id } })).id,
        NOW,
      );
      expect(sent?.thankYouSentAt).toEqual(NOW);
      expect((await logged(alice, { person: 'Sam Lee', contactId: sam.id })).contactStage).toBe('thanked');

      await archiveContact(open.db, alice, sam.id, NOW);
      expect((await open.db.contact.findUniqueOrThrow({ where: { id: sam.id } })).stage).toBe('archived');
      expect((await logged(alice, { person: 'sam lee' })).contactStage).toBe('met');
    });

    it('places a past day at noon local time and refuses a day still ahead', async () => {
      const past = await logged(alice, { person: 'Priya Patel', date: '2026-03-07' });
      expect(past.card.heldAt.toISOString()).toBe('2026-03-07T17:00:00.000Z'); // noon EST
      // 23:00 in New York is already the next day in UTC; it is still today for Alice.
      const lateEvening = new Date('2026-03-11T03:00:00Z');
      expect((await logConversation(open.db, alice, input({ date: '2026-03-11' }), lateEvening)).ok).toBe(
        false,
      );
      expect(
        (
          await logConversation(
            open.db,
            alice,
            input({ date: '2026-03-10', person: 'Lee Wong' }),
            lateEvening,
          )
        ).ok,
      ).toBe(true);
    });

    it('marks a booked chat held instead of adding another, using its planned end', async () => {
      const member = await open.db.member.findFirstOrThrow({
        where: { slackUserId: alice.userId, workspaceId: 'T1' },
      });
      const kim = await open.db.contact.create({
        data: {
          workspaceId: 'T1',
          ownerId: member.id,
          name: 'Kim Park',
          nameKey: 'kim park',
          stage: 'scheduled',
        },
      });
      const booked = await open.db.conversation.create({
        data: {
          workspaceId: 'T1',
          ownerId: member.id,
          contactId: kim.id,
          scheduledAt: new Date(NOW.getTime() - 2 * HOUR),
          minutesRequested: 30,
          format: 'coffee',
        },
      });
      const start = await startLog(open.db, alice, { typed: 'kim' }, NOW);
      expect(start).toMatchObject({
        kind: 'form',
        defaults: { person: { id: kim.id }, minutes: 30, format: 'coffee' },
      });

      const summary = await logged(alice, {
        person: 'Kim Park',
        contactId: kim.id,
        format: 'coffee',
        minutes: 30,
      });
      expect(summary.card.conversationId).toBe(booked.id);
      expect(summary.card.heldAt).toEqual(new Date(NOW.getTime() - 90 * 60_000));
      expect(await open.db.conversation.count({ where: { contactId: kim.id } })).toBe(1);
    });

    it('asks which person when a typed name matches several', async () => {
      const start = await startLog(open.db, alice, { typed: 'p' }, NOW);
      expect(start.kind).toBe('pick');
      const fresh = await startLog(open.db, alice, { newName: 'Pat Smith' }, NOW);
      expect(fresh).toMatchObject({ kind: 'form', defaults: { person: { id: null, name: 'Pat Smith' } } });
    });
  });

  describe('thank-yous', () => {
    it('finds the latest conversation for a name, or the latest still waiting for a thank-you', async () => {
      const waiting = await thankYouFor(open.db, alice, {}, NOW);
      expect(waiting.ok && waiting.card.thankYouSentAt).toBeNull();
      const jane = await thankYouFor(open.db, alice, { name: 'jane' }, NOW);
      expect(jane.ok && jane.card.contactName).toBe('Jane Doe');
      expect(await thankYouFor(open.db, alice, { name: 'nobody' }, NOW)).toMatchObject({
        ok: false,
        problem: { kind: 'no_match' },
      });
      expect(await thankYouFor(open.db, alice, { name: 'p' }, NOW)).toMatchObject({
        ok: false,
        problem: { kind: 'several' },
      });
    });

    it('tells someone with nothing logged yet so, rather than congratulating them', async () => {
      const newcomer = { workspaceId: 'T1', userId: 'UNEWCOMER' };
      expect(await thankYouFor(open.db, newcomer, {}, NOW)).toMatchObject({
        ok: false,
        problem: { kind: 'nothing_logged' },
      });
    });

    it('records the first click only and tracks the on-time rate', async () => {
      const jane = await thankYouFor(open.db, alice, { name: 'Jane Doe' }, NOW);
      if (!jane.ok) throw new Error('no card');
      const first = await markThankYouSent(
        open.db,
        alice,
        jane.card.conversationId,
        new Date(NOW.getTime() + HOUR),
      );
      const again = await markThankYouSent(
        open.db,
        alice,
        jane.card.conversationId,
        new Date(NOW.getTime() + 30 * HOUR),
      );
      expect(again?.thankYouSentAt).toEqual(first?.thankYouSentAt);
      expect(again?.rate.onTime).toBeGreaterThanOrEqual(2);
    });
  });

  describe('one member never touches another’s data', () => {
    it('keeps Bob (and Alice in another workspace) away from Alice’s people, chats and skills', async () => {
      const aliceJane = await open.db.contact.findFirstOrThrow({ where: { name: 'Jane Doe' } });
      const aliceChat = await open.db.conversation.findFirstOrThrow({ where: { contactId: aliceJane.id } });
      const aliceSkill = await open.db.skill.findFirstOrThrow({ where: { name: 'Figma' } });
      for (const other of [bob, aliceElsewhere]) {
        expect(await markThankYouSent(open.db, other, aliceChat.id, NOW)).toBeNull();
        expect(await archiveContact(open.db, other, aliceJane.id, NOW)).toBeNull();
        expect(await advanceSkill(open.db, other, aliceSkill.id)).toBeNull();
        expect(await personOverview(open.db, other, aliceJane.id, NOW)).toBeNull();
        expect(await thankYouFor(open.db, other, { contactId: aliceJane.id }, NOW)).toMatchObject({
          ok: false,
        });
        const people = await peopleByStage(open.db, other, NOW);
        expect(people.every((s) => s.count === 0)).toBe(true);
        expect((await referralChains(open.db, other, null)).kind).toBe('all');
        expect(await fieldKeywords(open.db, other)).toEqual([]);
        // A contact id of Alice's in the modal cannot attach Bob's log to her contact.
        const mine = await logged(other, { person: 'Jane Doe', contactId: aliceJane.id });
        expect(mine.card.contactId).not.toBe(aliceJane.id);
      }
      expect((await open.db.contact.findUniqueOrThrow({ where: { id: aliceJane.id } })).stage).toBe(
        'thanked',
      );
    });
  });

  describe('export and forget', () => {
    it('exports one JSON document and one CSV per kind of record', async () => {
      const data = await exportData(open.db, alice, NOW);
      expect(data.files.map((f) => f.filename)).toEqual([
        'networking-coach.json',
        'contacts.csv',
        'conversations.csv',
        'asks.csv',
        'skills.csv',
        'keywords.csv',
      ]);
      const json = JSON.parse(data.files[0]?.content ?? '{}');
      expect(json.member).toEqual({
        memberId: expect.any(String),
        slackUserId: alice.userId,
        workspaceId: 'T1',
      });
      expect(json.contacts.map((c: { name: string }) => c.name)).toContain('Jane Doe');
      // No file of the export (the JSON and every CSV) names the other member.
      for (const file of data.files) expect(file.content).not.toContain(bob.userId);
    });

    it('deletes everything of one member in one go, including nudges and cohort memberships', async () => {
      const member = await open.db.member.findFirstOrThrow({
        where: { slackUserId: alice.userId, workspaceId: 'T1' },
      });
      const cohort = await open.db.cohort.create({
        data: { workspaceId: 'T1', channelId: 'C1', name: 'Spring', createdByUserId: 'UX' },
      });
      await open.db.cohortMembership.create({ data: { cohortId: cohort.id, memberId: member.id } });
      await open.db.nudge.create({
        data: {
          workspaceId: 'T1',
          memberId: member.id,
          kind: 'thank_you',
          dedupeKey: `${member.id}:x`,
          dueAt: NOW,
        },
      });
      const before = await forgetPreview(open.db, alice);
      expect(before.contacts).toBeGreaterThan(0);
      const bobContacts = await open.db.contact.count({ where: { owner: { slackUserId: bob.userId } } });

      const deleted = await forgetMember(open.db, alice);
      expect(deleted).toMatchObject({ member: 1, nudges: 1, memberships: 1, contacts: before.contacts });
      for (const count of [
        open.db.contact.count({ where: { ownerId: member.id } }),
        open.db.conversation.count({ where: { ownerId: member.id } }),
        open.db.skill.count({ where: { ownerId: member.id } }),
        open.db.keyword.count({ where: { ownerId: member.id } }),
        open.db.nudge.count({ where: { memberId: member.id } }),
        open.db.cohortMembership.count({ where: { memberId: member.id } }),
        open.db.member.count({ where: { id: member.id } }),
      ]) {
        expect(await count).toBe(0);
      }
      expect(await open.db.contact.count({ where: { owner: { slackUserId: bob.userId } } })).toBe(
        bobContacts,
      );
      expect(await open.db.member.count({ where: { slackUserId: alice.userId, workspaceId: 'T2' } })).toBe(1);
      expect(await open.db.cohort.count()).toBe(1);
      expect(await forgetMember(open.db, alice)).toMatchObject({ member: 0 });
    });
  });
});
