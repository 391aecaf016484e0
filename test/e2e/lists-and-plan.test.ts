// Lists, Home and the development plan over signed HTTP, pressing the buttons a member sees: the people
// list pages with Previous and Next and filters by the stage labels shown; a goal or a list outside
// the method's 5–10 gets a gentle note; the App Home leads to the plan, the words and the settings;
// modals answer every bad field at once; the ask shortcut brings in a person's saved "why them"; and
// the development plan counts who named each skill and keeps a resource and a date.
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { type ClickWhere, fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { DRAFT_ASK_SHORTCUT } from '../../src/slack/listeners/shortcuts/outreach';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_BLOCKS } from '../../src/slack/views/ask';
import { HOME_BLOCK_IDS } from '../../src/slack/views/home';
import { PEOPLE_ACTIONS } from '../../src/slack/views/people';
import { SKILL_PLAN_BLOCKS, SKILLS_ACTIONS } from '../../src/slack/views/skills';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { seedChat, seedTarget } from '../support/seed';
import {
  type Block,
  dmTo,
  type Element,
  elementsOf,
  ephemeral,
  homeOf,
  openHome,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York.
const START = '2026-03-10T14:00:00Z';

type Shown = { text: string; blocks: Block[] };

function aliceMember(h: Harness) {
  return h.db.member.findFirstOrThrow({ where: { workspaceId: TEAM.id, slackUserId: ALICE.id } });
}

/** The element a member would press: by action id, and by the words on it when given. */
function pick(
  blocks: readonly unknown[],
  actionIds: string[],
  label?: string,
): Element & { block_id?: string } {
  const found = elementsOf(blocks).find(
    (e) =>
      e.action_id !== undefined &&
      actionIds.includes(e.action_id) &&
      (label === undefined || e.text?.text === label),
  );
  if (!found) throw new Error(`no ${label ?? actionIds.join('/')} to press in:\n${visibleText(blocks)}`);
  return found;
}

const LIST_BUTTONS = [PEOPLE_ACTIONS.page, PEOPLE_ACTIONS.next, PEOPLE_ACTIONS.everyone];

/** Presses a button in an ephemeral answer; returns the message it was replaced with. */
async function press(h: Harness, shown: Shown, label: string, actionIds = LIST_BUTTONS): Promise<Shown> {
  const button = pick(shown.blocks, actionIds, label);
  h.standIn.clearCalls();
  const where: ClickWhere = {
    message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts: '1.000001', isEphemeral: true },
  };
  const res = await h.driver.blockAction(
    ALICE.id,
    { action_id: String(button.action_id), block_id: button.block_id, value: button.value },
    where,
  );
  expect(res.status).toBe(200);
  return shownIn(await answered(h));
}

/** The answer Slack showed for the click (a message Slack could not replace is answered anew). */
async function answered(h: Harness): Promise<RecordedCall> {
  await h.settle();
  const shown = h.standIn
    .callsTo('response_url')
    .filter((c) => (c.response as { ok?: boolean } | null)?.ok === true);
  const last = shown[shown.length - 1];
  if (!last) throw new Error('the click was not answered');
  return last;
}

/** Picks a choice of a menu in an ephemeral answer by the words shown on it. */
async function choose(h: Harness, shown: Shown, actionId: string, label: string): Promise<RecordedCall> {
  const menu = pick(shown.blocks, [actionId]);
  const option = menu.options?.find((o) => o.text?.text === label);
  if (!option) throw new Error(`the menu has no "${label}": ${menu.options?.map((o) => o.text?.text)}`);
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    ALICE.id,
    { action_id: actionId, block_id: menu.block_id, type: 'static_select', selected_option: option },
    {
      message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts: '1.000002', isEphemeral: true },
    },
  );
  expect(res.status).toBe(200);
  return actionId === SKILLS_ACTIONS.edit ? h.standIn.waitForCall('views.update') : answered(h);
}

function shownIn(call: RecordedCall): Shown {
  return { text: String(call.args.text ?? ''), blocks: (call.args.blocks as unknown as Block[]) ?? [] };
}

/** Names of the people listed with their own line. */
function namesListed(shown: Shown): string[] {
  return shown.blocks
    .filter((b) => b.block_id?.startsWith('person|'))
    .map((b) => (b.text?.text ?? '').match(/^\*([^*]+)\*/)?.[1] ?? '');
}

/** Presses a button on Alice's App Home. */
async function pressOnHome(h: Harness, label: string): Promise<void> {
  const home = await homeOf(h, ALICE.id);
  const button = pick(home.blocks, [SKILLS_ACTIONS.open, SKILLS_ACTIONS.keywords, OPEN.settings], label);
  h.standIn.clearCalls();
  const res = await h.driver.blockAction(
    ALICE.id,
    { action_id: String(button.action_id), block_id: button.block_id, value: button.value },
    { view: home },
  );
  expect(res.status).toBe(200);
}

async function seedPeople(h: Harness, count: number, prefix = 'Person'): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await seedTarget(h, ALICE.id, { name: `${prefix} ${String(i).padStart(2, '0')}` });
  }
}

describe('the people list', () => {
  const h = useHarness({ start: START });

  it('pages with Next and Previous, and "See all" opens a whole stage', async () => {
    await seedPeople(h, 40);
    const everyone = await ephemeral(h, ALICE.id, 'people');
    expect(visibleText(everyone)).toContain('…and 34 more');

    const first = await press(h, everyone, 'See all 40');
    expect(visibleText(first)).toContain('Page 1 of 2 · 1–36 of 40');
    expect(namesListed(first)).toHaveLength(36);
    expect(() => pick(first.blocks, LIST_BUTTONS, 'Previous')).toThrow();

    const second = await press(h, first, 'Next');
    expect(visibleText(second)).toContain('Page 2 of 2 · 37–40 of 40');
    expect(namesListed(second)).toEqual(['Person 37', 'Person 38', 'Person 39', 'Person 40']);
    expect(() => pick(second.blocks, LIST_BUTTONS, 'Next')).toThrow();

    const back = await press(h, second, 'Previous');
    expect(namesListed(back)[0]).toBe('Person 01');
    const all = await press(h, back, 'See everyone');
    expect(visibleText(all)).toContain('Your people');

    // Typing the page still works.
    const typed = await ephemeral(h, ALICE.id, 'people target 2');
    expect(namesListed(typed)).toHaveLength(4);
  });

  it('filters by the stage labels shown, typed in any case or picked from the menu, "Said no for now" too', async () => {
    await seedPeople(h, 3);
    const member = await aliceMember(h);
    await h.db.contact.updateMany({
      where: { ownerId: member.id, name: 'Person 02' },
      data: { stage: 'declined' },
    });
    await h.db.contact.updateMany({
      where: { ownerId: member.id, name: 'Person 03' },
      data: { stage: 'scheduled' },
    });

    const typed = await ephemeral(h, ALICE.id, 'people chat booked');
    expect(visibleText(typed)).toContain('Your people: Chat booked');
    expect(namesListed(typed)).toEqual(['Person 03']);
    const older = await ephemeral(h, ALICE.id, 'people SCHEDULED');
    expect(namesListed(older)).toEqual(['Person 03']);

    const everyone = await ephemeral(h, ALICE.id, 'people');
    expect(visibleText(everyone)).toContain('Said no for now: *1*');
    const saidNo = shownIn(await choose(h, everyone, PEOPLE_ACTIONS.filter, 'Said no for now (1)'));
    expect(visibleText(saidNo)).toContain('Your people: Said no for now');
    expect(namesListed(saidNo)).toEqual(['Person 02']);

    const unknown = await ephemeral(h, ALICE.id, 'people friends');
    expect(visibleText(unknown)).toContain("I don't know the stage “friends”");
    expect(visibleText(unknown)).toContain('“To reach out to”');
    const fromMenu = shownIn(await choose(h, unknown, PEOPLE_ACTIONS.filter, 'To reach out to (1)'));
    expect(namesListed(fromMenu)).toEqual(['Person 01']);
  });

  it('offers "Add a person" on an empty list', async () => {
    const empty = await ephemeral(h, ALICE.id, 'people');
    expect(visibleText(empty)).toContain('Nobody on your list yet');
    expect(pick(empty.blocks, [OPEN.addTarget], 'Add a person')).toBeDefined();
  });
});

describe('the method’s range', () => {
  const h = useHarness({ start: START });

  it('adds an 11th person with a gentle note, without blocking', async () => {
    await seedPeople(h, 10);
    const view = await openModal(h, ALICE.id, 'add Lena Ortiz');
    await submitModal(h, ALICE.id, view, {
      Name: 'Lena Ortiz',
      Role: 'Product Designer',
      Company: 'Fabrikam',
      Industry: 'retail',
      'Why them (their path)': 'moved from retail into design',
    });
    const dm = visibleText(shownIn(await dmTo(h, ALICE.id)));
    expect(dm).toContain('Added *Lena Ortiz*');
    expect(dm).toContain("That's 11 — the method suggests 5–10 at a time");
    expect(dm).toContain('You might archive a few');
  });

  it('says nothing about the range while the list is inside it', async () => {
    await seedPeople(h, 9);
    const view = await openModal(h, ALICE.id, 'add Lena Ortiz');
    await submitModal(h, ALICE.id, view, {
      Name: 'Lena Ortiz',
      Role: 'Product Designer',
      Company: 'Fabrikam',
      Industry: 'retail',
      'Why them (their path)': 'moved from retail into design',
    });
    expect(visibleText(shownIn(await dmTo(h, ALICE.id)))).not.toContain('the method suggests');
  });

  it('saves a goal of 12 or 50 and reminds of the 5–10 advice', async () => {
    const twelve = await ephemeral(h, ALICE.id, 'goal 12');
    expect(visibleText(twelve)).toContain('Goals saved');
    expect(visibleText(twelve)).toContain('the method suggests 5–10 people at a time');
    expect((await aliceMember(h)).targetGoal).toBe(12);

    const modal = await openModal(h, ALICE.id, 'goal');
    const saved = await submitModal(h, ALICE.id, modal, { 'People on your list': '50' });
    const view = (saved.json as { view: ViewLike }).view;
    expect(visibleText(view)).toContain('the method suggests 5–10 people at a time');
    expect((await aliceMember(h)).targetGoal).toBe(50);

    const eight = await ephemeral(h, ALICE.id, 'goal 8');
    expect(visibleText(eight)).not.toContain('the method suggests');
  });
});

describe('App Home links', () => {
  const h = useHarness({ start: START });

  it('leads to the development plan, the words of the field and the settings', async () => {
    await seedTarget(h, ALICE.id, { name: 'Jane Doe' });
    await seedChat(h, ALICE.id, {
      person: 'Jane Doe',
      date: '2026-03-09',
      action: 'rebuild my case study',
      skills: ['SQL'],
      keywords: ['discovery'],
    });
    await openHome(h, ALICE.id);
    const home = await homeOf(h, ALICE.id);
    const more = home.blocks.find((b) => (b as Block).block_id === HOME_BLOCK_IDS.more);
    expect(visibleText([more])).toBe('Development plan\nWords of your field\nSettings');

    await pressOnHome(h, 'Development plan');
    const plan = visibleText(shownIn(await dmTo(h, ALICE.id)));
    expect(plan).toContain('Your development plan');
    expect(plan).toContain('SQL');

    await pressOnHome(h, 'Words of your field');
    expect(visibleText(shownIn(await dmTo(h, ALICE.id)))).toContain('discovery');

    await pressOnHome(h, 'Settings');
    expect(visibleText(viewOf(await h.standIn.waitForCall('views.update')))).toContain('Working days');
  });
});

describe('modals answer every bad field at once', () => {
  const h = useHarness({ start: START });

  it('settings: no working days and a day that ends before it starts', async () => {
    const view = await openModal(h, ALICE.id, 'settings');
    const res = await submitModal(h, ALICE.id, view, {
      'Working day starts': '17:00',
      'Working day ends': '09:00',
      'Working days': [],
    });
    const { errors } = res.json as { errors: Record<string, string> };
    expect(Object.values(errors)).toEqual(
      expect.arrayContaining([
        'Pick at least one working day.',
        'The end of your working day must be after its start.',
      ]),
    );
  });

  it('the log: no name, minutes that are not a number and no action, all in one answer', async () => {
    const view = await openModal(h, ALICE.id, 'log');
    const res = await submitModal(h, ALICE.id, view, { Person: '', Minutes: 'lots' });
    const { errors } = res.json as { errors: Record<string, string> };
    expect(Object.keys(errors)).toHaveLength(3);
  });
});

describe('the ask shortcut', () => {
  const h = useHarness({ start: START });

  it('fills in the saved "why them" when a person is chosen', async () => {
    await seedTarget(h, ALICE.id, { name: 'Jane Doe', why: 'She left nursing for service design' });
    await seedTarget(h, ALICE.id, {
      name: 'Sam Lee',
      why: 'He runs research operations at a health startup',
    });
    h.standIn.clearCalls();
    await h.driver.shortcut(ALICE.id, DRAFT_ASK_SHORTCUT);
    const view = viewOf(await h.standIn.waitForCall('views.update'));
    expect(visibleText(view)).not.toContain('left nursing');

    const picker = pick(view.blocks, [ASK_BLOCKS.person.actionId]);
    const sam = picker.options?.find((o) => o.text?.text === 'Sam Lee');
    const jane = picker.options?.find((o) => o.text?.text === 'Jane Doe');
    const choosePerson = async (current: ViewLike, option: typeof sam) => {
      h.standIn.clearCalls();
      await h.driver.blockAction(
        ALICE.id,
        {
          action_id: ASK_BLOCKS.person.actionId,
          block_id: ASK_BLOCKS.person.blockId,
          type: 'static_select',
          selected_option: option,
        },
        { view: current, state: fillView(current, { Person: String(option?.value) }) },
      );
      return viewOf(await h.standIn.waitForCall('views.update'));
    };
    const withJane = await choosePerson(view, jane);
    expect(visibleText(withJane)).toContain('She left nursing for service design');
    const withSam = await choosePerson(withJane, sam);
    expect(visibleText(withSam)).toContain('He runs research operations at a health startup');
    expect(visibleText(withSam)).not.toContain('left nursing');
  });
});

for (const { kind, create } of DATABASE_KINDS) {
  describe(`the development plan and the Home counts (${kind})`, () => {
    const h = useHarness({ start: START, database: create });

    it('counts who named each skill, and keeps a resource and a date from the modal', async () => {
      for (const [name, date, skills] of [
        ['Jane Doe', '2026-03-05', 'SQL, usability testing'],
        ['Marcus Bell', '2026-03-06', 'sql'],
        ['Priya Natarajan', '2026-03-09', 'Figma, SQL'],
      ] as const) {
        const view = await openModal(h, ALICE.id, `log ${name}`);
        await submitModal(h, ALICE.id, view, {
          Person: name,
          Date: date,
          "Skills I'm missing (comma separated)": skills,
          "One thing I'll act on": 'practise one query a day',
        });
        await dmTo(h, ALICE.id);
      }
      const member = await aliceMember(h);
      const sql = await h.db.skill.findFirstOrThrow({ where: { ownerId: member.id, nameKey: 'sql' } });
      expect(await h.db.skillMention.count({ where: { skillId: sql.id } })).toBe(3);

      const plan = await ephemeral(h, ALICE.id, 'skills');
      const text = visibleText(plan);
      expect(text).toContain('*SQL* — named in 3 conversations: Jane, Marcus and Priya');
      // The most often named comes first.
      expect(text.indexOf('*SQL*')).toBeLessThan(text.indexOf('*usability testing*'));

      const modal = viewOf(await choose(h, plan, SKILLS_ACTIONS.edit, 'SQL'));
      expect(visibleText(modal)).toContain('named in 3 conversations');
      const bad = await submitModal(h, ALICE.id, modal, {
        'Something to learn it from': 'a course on coursera',
        'Aim to have it by': '2026-03-01',
      });
      const { errors } = bad.json as { errors: Record<string, string> };
      expect(errors).toEqual({
        [SKILL_PLAN_BLOCKS.resource.blockId]:
          'That does not look like a link. Paste the whole address, starting with https://',
        [SKILL_PLAN_BLOCKS.date.blockId]: 'Pick a date from today on, or leave it empty.',
      });

      const good = await submitModal(h, ALICE.id, modal, {
        'Where you are with it': 'Learning now',
        'Something to learn it from': 'https://mode.com/sql-tutorial',
        'Aim to have it by': '2026-04-30',
      });
      expect(good.json).toEqual({ response_action: 'clear' });
      const dm = visibleText(shownIn(await dmTo(h, ALICE.id)));
      expect(dm).toContain('Saved *SQL*: Learning now · a resource · by Apr 30');
      expect(dm).toContain('<https://mode.com/sql-tutorial|mode.com>');
      const saved = await h.db.skill.findUniqueOrThrow({ where: { id: sql.id } });
      expect(saved).toMatchObject({
        status: 'learning',
        resourceUrl: 'https://mode.com/sql-tutorial',
        targetDate: '2026-04-30',
      });
    });

    it('shows on the App Home and in the stage menu the counts the stages hold', async () => {
      await seedPeople(h, 7);
      const member = await aliceMember(h);
      const set = (names: string[], stage: string) =>
        h.db.contact.updateMany({
          where: { ownerId: member.id, name: { in: names } },
          data: { stage },
        });
      await set(['Person 01', 'Person 02'], 'asked');
      await set(['Person 03'], 'scheduled');
      await set(['Person 04'], 'declined');
      await set(['Person 05'], 'archived');
      const rows = await h.db.contact.groupBy({
        by: ['stage'],
        where: { ownerId: member.id },
        _count: { _all: true },
      });
      const stored = Object.fromEntries(rows.map((r) => [r.stage, r._count._all]));
      expect(stored).toEqual({ target: 2, asked: 2, scheduled: 1, declined: 1, archived: 1 });

      const home = visibleText(viewOf(await openHome(h, ALICE.id)));
      expect(home).toContain('*People on your list*\n6 of 8');
      for (const line of [
        `To reach out to: *${stored.target}*`,
        `Asked: *${stored.asked}*`,
        `Chat booked: *${stored.scheduled}*`,
        `Said no for now: *${stored.declined}*`,
      ])
        expect(home).toContain(line);
      expect(home).not.toContain('Archived:');

      const list = await ephemeral(h, ALICE.id, 'people');
      const menu = pick(list.blocks, [PEOPLE_ACTIONS.filter]);
      expect(menu.options?.map((o) => o.text?.text)).toEqual([
        'Everyone (6)',
        'To reach out to (2)',
        'Asked (2)',
        'Chat booked (1)',
        'Met (0)',
        'Thanked (0)',
        'Said no for now (1)',
        'Archived (1)',
      ]);
    });
  });
}
