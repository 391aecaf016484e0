// The after-conversation view builders are pure: the readers find what the builders put in, bad input
// is reported on the right block, and no amount of data or text pushes a message past Slack's limits.
import { describe, expect, it } from 'vitest';
import { buildChains, chainForContact, longestChain } from '../../src/coaching/chain';
import { type ThankYouCard, thankYouCard } from '../../src/coaching/logging';
import { pipelineByStage } from '../../src/coaching/pipeline';
import { developmentPlan } from '../../src/coaching/skills';
import { stageLabel } from '../../src/coaching/stages';
import type {
  ContactData,
  ConversationData,
  MemberSnapshot,
  SkillData,
  SkillStatus,
  Stage,
} from '../../src/coaching/types';
import { STAGES } from '../../src/coaching/types';
import { validateMessageBlocks, validateView } from '../../src/sandbox';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { OPEN } from '../../src/slack/views/action-ids';
import {
  buildChainMessage,
  buildPersonChainMessage,
  CHAIN_MAX_LINES,
  pathLine,
} from '../../src/slack/views/chain';
import { buildForgetModal, buildForgottenMessage } from '../../src/slack/views/data';
import type { StateValues } from '../../src/slack/views/form';
import {
  buildLoggedMessage,
  buildLogModal,
  buildPickPersonModal,
  LOG_BLOCKS,
  logProblemErrors,
  MAX_REFERRAL_BUTTONS,
  PICK_NEW_PERSON,
  parseLogMetadata,
  readLogForm,
  readPickForm,
} from '../../src/slack/views/log';
import {
  buildPeopleMessage,
  buildPersonMessage,
  decodeListValue,
  decodePersonChoice,
  encodePersonChoice,
  PEOPLE_ACTIONS,
  PEOPLE_PER_MESSAGE,
  readPeopleArgs,
} from '../../src/slack/views/people';
import { buildKeywordsMessage, buildSkillsMessage, SKILLS_ACTIONS } from '../../src/slack/views/skills';
import {
  buildThanksProblemMessage,
  buildThankYouMessage,
  replaceThankYouBlocks,
  THANKS_ACTIONS,
  THANKS_BLOCK_IDS,
  thankYouBlocks,
} from '../../src/slack/views/thanks';
import * as fx from '../support/coaching-fixtures';
import { HOUR } from '../support/fixtures';
import { elementsOf, findElement, findElements, visibleText } from '../support/slack-play';

const NOW = new Date('2026-03-10T14:00:00Z');
const TZ = 'America/New_York';
const LONG = 'Ünïcode <!channel> & *bold* '.repeat(400);

function contact(i: number, over: Partial<ContactData> = {}): ContactData {
  return fx.contact({
    id: `c${String(i).padStart(24, '0')}`,
    name: `Person ${i}`,
    role: 'UX Researcher',
    company: 'Acme',
    stageAt: new Date(NOW.getTime() - i * 1000),
    createdAt: new Date(NOW.getTime() - 1_000_000 + i),
    ...over,
  });
}

function conversation(i: number, contactId: string, over: Partial<ConversationData> = {}): ConversationData {
  return fx.conversation({
    id: `v${i}`,
    contactId,
    heldAt: new Date(NOW.getTime() - HOUR),
    notes: 'They said portfolios matter more than certificates.',
    action: 'Rewrite my case study',
    createdAt: NOW,
    ...over,
  });
}

function snapshot(contacts: ContactData[], conversations: ConversationData[] = []): MemberSnapshot {
  return fx.snapshot({ prefs: fx.prefs({ tz: TZ, about: null }), contacts, conversations });
}

function card(over: Partial<ThankYouCard> = {}): ThankYouCard {
  const jane = contact(1, { name: 'Jane Doe', stage: 'met' });
  return {
    ...thankYouCard({
      conversation: { ...conversation(1, jane.id), heldAt: NOW },
      contact: jane,
      suggestedNames: ['Sam Lee'],
      allConversations: [],
      tz: TZ,
      now: NOW,
    }),
    ...over,
  };
}

function expectValidMessage(message: { blocks?: unknown[] }): void {
  expect(validateMessageBlocks(message.blocks ?? [])).toEqual([]);
  expect((message.blocks ?? []).length).toBeLessThanOrEqual(50);
}

function asView(view: object): ViewLike {
  return { id: 'V1', ...view } as unknown as ViewLike;
}

describe('log modal', () => {
  it('is a valid modal with every input the form reads, prefilled for a known person', () => {
    const view = buildLogModal({
      person: { id: 'c1', name: 'Jane Doe', role: 'Researcher', company: 'Acme' },
      today: '2026-03-10',
      minutes: 30,
      format: 'phone',
    });
    expect(validateView(view)).toEqual([]);
    expect(parseLogMetadata(view.private_metadata)).toEqual({ contactId: 'c1' });
    const values = fillView(asView(view), { "One thing I'll act on": 'Rewrite my case study' });
    const form = readLogForm(values as StateValues);
    expect(form).toMatchObject({
      ok: true,
      data: {
        person: 'Jane Doe',
        role: 'Researcher',
        company: 'Acme',
        date: '2026-03-10',
        minutes: 30,
        format: 'phone',
        skills: [],
        keywords: [],
        referrals: [],
        thanked: false,
        action: 'Rewrite my case study',
      },
    });
  });

  it('stays valid with absurdly long prefilled text', () => {
    const view = buildLogModal({
      person: { id: 'c1', name: LONG, role: LONG, company: LONG },
      today: '2026-03-10',
    });
    expect(validateView(view)).toEqual([]);
  });

  it('reads lists, referrals and the checkbox', () => {
    const view = asView(buildLogModal({ person: null, today: '2026-03-10' }));
    const form = readLogForm(
      fillView(view, {
        Person: 'Jane Doe',
        "Skills I'm missing (comma separated)": 'SQL; usability testing, sql',
        'Words of the field (comma separated)': 'discovery',
        "One thing I'll act on": 'Rewrite my case study',
        'Who else they suggested': '- Sam Lee — Research Ops, Acme\n\nPriya Patel (Designer at Globex)',
        'Thank-you already sent': true,
      }) as StateValues,
    );
    expect(form.ok && form.data.skills).toEqual(['SQL', 'usability testing']);
    expect(form.ok && form.data.referrals).toEqual([
      { name: 'Sam Lee', role: 'Research Ops', company: 'Acme' },
      { name: 'Priya Patel', role: 'Designer', company: 'Globex' },
    ]);
    expect(form.ok && form.data.thanked).toBe(true);
  });

  it('reports each problem on its own block', () => {
    const view = asView(buildLogModal({ person: null, today: '2026-03-10' }));
    const form = readLogForm(
      fillView(view, {
        Person: '',
        Minutes: '0',
        "One thing I'll act on": '',
        'Who else they suggested': 'Sam Lee\nwww.example.com',
      }) as StateValues,
    );
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(form.errors).sort()).toEqual(
      [
        LOG_BLOCKS.person.blockId,
        LOG_BLOCKS.minutes.blockId,
        LOG_BLOCKS.action.blockId,
        LOG_BLOCKS.referrals.blockId,
      ].sort(),
    );
    expect(form.errors[LOG_BLOCKS.referrals.blockId]).toMatch(/^Line 2: /);
    expect(logProblemErrors('future_date')).toHaveProperty(LOG_BLOCKS.date.blockId);
  });

  it('asks "Which one?" with every match and a way to add someone new', () => {
    const matches = Array.from({ length: 150 }, (_, i) => ({ id: `c${i}`, name: `Sam ${i} ${LONG}` }));
    const view = buildPickPersonModal({ typed: LONG, matches });
    expect(validateView(view)).toEqual([]);
    const values = fillView(asView(view), { 'Which one?': PICK_NEW_PERSON });
    expect(readPickForm(values as StateValues)).toEqual({ ok: true, data: { choice: PICK_NEW_PERSON } });
  });
});

describe('the DM after a log', () => {
  it('names the action and what was learned, with one ask button per suggested person up to a cap', () => {
    const referrals = Array.from({ length: 40 }, (_, i) => ({
      id: `r${i}`,
      name: `Referral ${i} ${LONG}`,
      created: i % 2 === 0,
      stage: 'target' as const,
      link: 'introducer' as const,
      metAt: null,
      askedAt: null,
      introducedBy: null,
    }));
    const message = buildLoggedMessage(
      {
        card: card({ contactName: LONG, action: LONG, draft: LONG }),
        contactStage: 'met',
        createdContact: true,
        referrals,
        skillsAdded: ['SQL'],
        keywordsAdded: ['discovery', 'synthesis'],
      },
      NOW,
    );
    expectValidMessage(message);
    expect(findElements(message.blocks, OPEN.ask)).toHaveLength(MAX_REFERRAL_BUTTONS);
    expect(visibleText(message.blocks)).toContain(`and ${40 - MAX_REFERRAL_BUTTONS} more`);
  });

  it('shows the draft with the deadline in the member’s timezone and a Mark sent button', () => {
    const message = buildLoggedMessage(
      {
        card: card(),
        contactStage: 'met',
        createdContact: false,
        referrals: [],
        skillsAdded: [],
        keywordsAdded: [],
      },
      NOW,
    );
    expectValidMessage(message);
    const text = visibleText(message.blocks);
    expect(text).toContain('Rewrite my case study');
    expect(text).toContain('portfolios matter more than certificates');
    expect(text).toContain('Wed 10:00'); // 24 h after 10:00 New York time
    expect(findElement(message.blocks, THANKS_ACTIONS.markSent)?.text?.text).toBe('Mark thank-you sent');
  });

  it('swaps only the thank-you blocks once it is sent', () => {
    const message = buildLoggedMessage(
      {
        card: card(),
        contactStage: 'met',
        createdContact: false,
        referrals: [
          {
            id: 'r1',
            name: 'Sam Lee',
            created: true,
            stage: 'target',
            link: 'introducer',
            metAt: null,
            askedAt: null,
            introducedBy: null,
          },
        ],
        skillsAdded: [],
        keywordsAdded: [],
      },
      NOW,
    );
    const later = new Date(NOW.getTime() + 2 * HOUR);
    const sent = card({ thankYouSentAt: later, rate: { sent: 1, onTime: 1, missed: 0, rate: 1 } });
    const blocks = replaceThankYouBlocks(message.blocks ?? [], sent, later);
    expectValidMessage({ blocks });
    const ids = blocks.map((b) => ('block_id' in b ? b.block_id : undefined));
    expect(ids).toContain(THANKS_BLOCK_IDS.sent);
    expect(ids).not.toContain(THANKS_BLOCK_IDS.actions);
    expect(ids).toContain('referral|r1');
    expect(blocks[0]).toEqual(message.blocks?.[0]);
    expect(visibleText(blocks)).toContain('1 of 1 (100%)');
  });

  it('says when a thank-you went out late', () => {
    const late = new Date(NOW.getTime() + 30 * HOUR);
    const blocks = thankYouBlocks(card({ thankYouSentAt: late }), late);
    expect(visibleText(blocks)).toContain('Better late than never');
    expectValidMessage(buildThankYouMessage(card(), new Date(NOW.getTime() + 25 * HOUR)));
  });

  it('offers a choice when a name matches several people, and a log button when there is no conversation', () => {
    const several = buildThanksProblemMessage({
      kind: 'several',
      name: 'sam',
      matches: Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, name: `Sam ${i}` })),
    });
    expectValidMessage(several);
    expect(findElements(several.blocks, OPEN.thanks)).toHaveLength(5);
    const none = buildThanksProblemMessage({ kind: 'no_conversation', contact: { id: 'c1', name: 'Jane' } });
    expectValidMessage(none);
    expect(findElement(none.blocks, OPEN.log)).toBeDefined();
  });
});

describe('/coach people', () => {
  const many = Array.from({ length: 1000 }, (_, i) =>
    contact(i, {
      stage: STAGES[i % STAGES.length] as Stage,
      name: i % 50 === 0 ? `Person ${i} ${LONG}` : `Person ${i}`,
    }),
  );
  const stages = pipelineByStage(snapshot(many), NOW);

  it('fits everyone in one message, each stage summarised with a way to see the rest', () => {
    const message = buildPeopleMessage(stages, { stage: null, page: 1 });
    expectValidMessage(message);
    // Every stage on the list gets its "See all" button, archived people theirs.
    const seeAll = elementsOf(message.blocks).filter((e) => e.action_id === PEOPLE_ACTIONS.page);
    expect(seeAll.map((e) => decodeListValue(e.value).stage)).toEqual([
      'target',
      'asked',
      'scheduled',
      'met',
      'thanked',
      'declined',
      'archived',
    ]);
    expect(visibleText(message.blocks)).toContain('See all 143');
    expect(visibleText(message.blocks)).toContain('142 archived');
  });

  it('pages through one stage with Previous and Next', () => {
    const buttons = (m: { blocks?: unknown[] }) =>
      elementsOf(m.blocks)
        .filter((e) =>
          Object.values(PEOPLE_ACTIONS).some((id) => id === e.action_id && id !== PEOPLE_ACTIONS.menu),
        )
        .filter((e) => e.action_id !== PEOPLE_ACTIONS.filter)
        .map((e) => [e.text?.text, decodeListValue(e.value)]);
    const first = buildPeopleMessage(stages, { stage: 'target', page: 1 });
    expectValidMessage(first);
    expect(buttons(first)).toEqual([
      ['Next', { stage: 'target', page: 2 }],
      ['See everyone', { stage: null, page: 1 }],
    ]);
    expect(elementsOf(first.blocks).filter((e) => e.type === 'overflow')).toHaveLength(PEOPLE_PER_MESSAGE);
    const last = buildPeopleMessage(stages, { stage: 'target', page: 4 });
    expectValidMessage(last);
    expect(visibleText(last.blocks)).toContain('Page 4 of 4 · 109–143 of 143');
    expect(buttons(last)).toEqual([
      ['Previous', { stage: 'target', page: 3 }],
      ['See everyone', { stage: null, page: 1 }],
    ]);
    const beyond = buildPeopleMessage(stages, { stage: 'target', page: 99 });
    expectValidMessage(beyond);
    expect(buttons(beyond)).toEqual([
      ['First page', { stage: 'target', page: 1 }],
      ['Last page', { stage: 'target', page: 4 }],
    ]);
  });

  it('gives every person a menu of at most five choices that decode back', () => {
    const message = buildPeopleMessage(stages, { stage: 'asked', page: 2 });
    const menus = (message.blocks ?? []).flatMap((b) =>
      'accessory' in b && b.accessory?.type === 'overflow' ? [b.accessory] : [],
    );
    expect(menus.length).toBeGreaterThan(0);
    for (const menu of menus) {
      expect(menu.options.length).toBeLessThanOrEqual(5);
      for (const o of menu.options) {
        expect(o.value?.length).toBeLessThanOrEqual(150);
        expect(decodePersonChoice(o.value)?.filter).toEqual({ stage: 'asked', page: 2 });
      }
    }
    expect(decodePersonChoice(encodePersonChoice('archive', 'c1', { stage: null, page: 1 }))).toEqual({
      choice: 'archive',
      contactId: 'c1',
      filter: { stage: null, page: 1 },
    });
    expect(decodePersonChoice('delete|c1||1')).toBeNull();
  });

  it('reads the stage filter and explains the valid stages', () => {
    expect(readPeopleArgs('')).toEqual({ ok: true, filter: { stage: null, page: 1 } });
    expect(readPeopleArgs('Targets 3')).toEqual({ ok: true, filter: { stage: 'target', page: 3 } });
    expect(readPeopleArgs('booked')).toEqual({ ok: true, filter: { stage: 'scheduled', page: 1 } });
    // The labels as shown, in any case, and the words of before.
    expect(readPeopleArgs('Chat booked')).toEqual({ ok: true, filter: { stage: 'scheduled', page: 1 } });
    expect(readPeopleArgs('to reach out to 2')).toEqual({ ok: true, filter: { stage: 'target', page: 2 } });
    expect(readPeopleArgs('SAID NO FOR NOW')).toEqual({ ok: true, filter: { stage: 'declined', page: 1 } });
    expect(readPeopleArgs('declined')).toEqual({ ok: true, filter: { stage: 'declined', page: 1 } });
    expect(readPeopleArgs('scheduled')).toEqual({ ok: true, filter: { stage: 'scheduled', page: 1 } });
    const bad = readPeopleArgs('friends');
    expect(bad.ok).toBe(false);
    if (!bad.ok) for (const stage of STAGES) expect(bad.message).toContain(stageLabel(stage));
  });

  it('welcomes an empty list, and shows one person on their own', () => {
    expectValidMessage(buildPeopleMessage(pipelineByStage(snapshot([]), NOW), { stage: null, page: 1 }));
    const entry = stages.find((s) => s.count > 0)?.contacts[0];
    if (!entry) throw new Error('no entry');
    expectValidMessage(buildPersonMessage(entry, LONG));
  });
});

describe('/coach chain', () => {
  it('fits a very deep chain with its length and the middle counted', () => {
    const deep = Array.from({ length: 1000 }, (_, i) =>
      contact(i, {
        referredById: i === 0 ? null : contact(i - 1).id,
        name: i % 100 === 0 ? LONG : `Person ${i}`,
      }),
    );
    const forest = buildChains(deep);
    const message = buildChainMessage({ forest, longest: longestChain(forest), unlinked: 0 });
    expectValidMessage(message);
    expect(visibleText(message.blocks)).toContain('longest: 1000 people');
    expect(visibleText(message.blocks)).toContain('(995 more)');
    expect(visibleText(message.blocks)).toContain('further along');
  });

  it('fits a very wide tree, summarising who is left out', () => {
    const wide = [
      contact(0),
      ...Array.from({ length: 2000 }, (_, i) => contact(i + 1, { referredById: contact(0).id })),
    ];
    const forest = buildChains(wide);
    const message = buildChainMessage({ forest, longest: longestChain(forest), unlinked: 3 });
    expectValidMessage(message);
    expect(visibleText(message.blocks)).toMatch(/and \d+ more people in 1 chain/);
    expect(visibleText(message.blocks)).toContain('3 other people not linked yet');
    expect(CHAIN_MAX_LINES).toBeLessThan(2000);
  });

  it('shows one person’s place and escapes names', () => {
    const people = [
      contact(0, { name: '<!channel> Jane' }),
      contact(1, { name: 'Sam', referredById: contact(0).id }),
      contact(2, { name: 'Priya', referredById: contact(1).id }),
    ];
    const chain = chainForContact(people, contact(1).id);
    if (!chain) throw new Error('no chain');
    const message = buildPersonChainMessage(people[1] as ContactData, chain);
    expectValidMessage(message);
    expect(visibleText(message.blocks)).toContain('&lt;!channel&gt; Jane → Sam');
    expect(visibleText(message.blocks)).toContain('Priya');
    expect(pathLine([])).toBe('');
  });

  it('explains chains when there are none yet', () => {
    expectValidMessage(buildChainMessage({ forest: [], longest: [], unlinked: 4 }));
  });
});

describe('/coach skills and /coach keywords', () => {
  function skill(i: number, status: SkillStatus): SkillData {
    return {
      id: `s${i}`,
      name: i % 40 === 0 ? LONG : `Skill ${i}`,
      status,
      sourceConversationId: 'v1',
      createdAt: NOW,
    };
  }

  it('fits a huge plan, with a button to move each shown skill forward', () => {
    const skills = Array.from({ length: 600 }, (_, i) =>
      skill(i, (['gap', 'learning', 'done'] as const)[i % 3] ?? 'gap'),
    );
    const jane = contact(1, { name: 'Jane Doe' });
    const plan = developmentPlan(
      skills,
      new Map([['v1', conversation(1, jane.id)]]),
      new Map([[jane.id, jane]]),
      { tz: TZ },
    );
    const message = buildSkillsMessage(plan);
    expectValidMessage(message);
    const text = visibleText(message.blocks);
    expect(findElements(message.blocks, SKILLS_ACTIONS.advance).length).toBeGreaterThan(0);
    expect(text).toContain('Start learning');
    expect(text).toContain('Mark as done');
    expect(text).toContain('from a chat with Jane');
    expect(text).toMatch(/and 188 more/);
  });

  it('explains an empty plan', () => {
    expectValidMessage(buildSkillsMessage(developmentPlan([], new Map(), new Map())));
  });

  it('fits thousands of keywords and keeps a copyable list', () => {
    const keywords = Array.from({ length: 3000 }, (_, i) => ({
      term: `term number ${i} ${'x'.repeat(40)}`,
      from: 'Jane',
    }));
    const message = buildKeywordsMessage(keywords);
    expectValidMessage(message);
    expect(visibleText(message.blocks)).toContain('/coach export');
    const small = buildKeywordsMessage([
      { term: 'discovery', from: 'Jane' },
      { term: '<synthesis>', from: null },
    ]);
    expectValidMessage(small);
    expect(visibleText(small.blocks)).toContain('discovery, &lt;synthesis&gt;');
    expectValidMessage(buildKeywordsMessage([]));
  });
});

describe('/coach forget', () => {
  it('explains what is deleted, with a "Delete everything" button', () => {
    const view = buildForgetModal({ contacts: 12, conversations: 3, skills: 2, keywords: 5 });
    expect(validateView(view)).toEqual([]);
    expect(view.submit?.text).toBe('Delete everything');
    expect(visibleText(view.blocks)).toContain('12 people, 3 conversations, 2 skills, 5 keywords');
    const done = buildForgottenMessage({
      contacts: 12,
      asks: 1,
      conversations: 3,
      skills: 2,
      keywords: 5,
      nudges: 4,
      memberships: 0,
      member: 1,
    });
    expectValidMessage(done);
    expect(done.text).toContain('everything is deleted');
  });
});
