// After the conversation, end to end over signed HTTP against the Slack stand-in: log a chat with an
// action and two referrals, see the referrals in /coach people and /coach chain, mark the thank-you
// sent, skills and keywords, export, forget — and a second member who never sees any of it. Every
// test starts from a fresh app; most start from Alice's chat with Jane logged through the log modal.
import { describe, expect, it } from 'vitest';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_CALLBACK_ID } from '../../src/slack/views/ask';
import { FORGET_CALLBACK_ID } from '../../src/slack/views/data';
import { LOG_BLOCKS, LOG_CALLBACK_ID, LOG_PICK_BLOCK, LOG_PICK_CALLBACK_ID } from '../../src/slack/views/log';
import { PEOPLE_ACTIONS } from '../../src/slack/views/people';
import { SKILLS_ACTIONS } from '../../src/slack/views/skills';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { ALICE, BOB, HOUR, TEAM } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import {
  type Block,
  blocksOf,
  dmTo,
  ephemeral,
  everyString,
  findElement,
  homeOf,
  openHome,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York (EDT, UTC-4: DST started on 8 March).
const START = '2026-03-10T14:00:00Z';

const GOOD_LOG = {
  Person: 'Jane Doe',
  Role: 'UX Researcher',
  Company: 'Acme Health',
  Minutes: '25',
  Format: 'video',
  'What I learned': 'Research portfolios should show one question from start to finish.',
  "Skills I'm missing (comma separated)": 'usability testing, SQL, usability testing',
  'Words of the field (comma separated)': 'discovery, synthesis',
  "One thing I'll act on": 'rebuild my portfolio case study around one research question',
  'Who else they suggested': 'Sam Lee — Research Ops, Acme Health\nPriya Patel (Designer at Globex)',
};

/** What logging GOOD_LOG through the modal left behind: the people, the conversation and the DM. */
interface JaneChat {
  jane: string;
  sam: string;
  priya: string;
  conversation: string;
  /** Alice's DM channel and the ts of the DM the log was answered with. */
  dm: string;
  ts: string;
  call: Awaited<ReturnType<typeof dmTo>>;
}

/** Alice logs her chat with Jane (GOOD_LOG) through the log modal and gets the DM. */
async function logJaneChat(h: Harness): Promise<JaneChat> {
  const view = await openModal(h, ALICE.id, 'log Jane Doe');
  const res = await submitModal(h, ALICE.id, view, GOOD_LOG);
  expect(res.text).toBe('');
  const dm = await dmTo(h, ALICE.id);
  expect(dm.response, JSON.stringify(dm.response)).toMatchObject({ ok: true });
  const member = await aliceMember(h);
  const contact = (name: string) =>
    h.db.contact.findFirstOrThrow({ where: { ownerId: member.id, name } }).then((c) => c.id);
  const jane = await contact('Jane Doe');
  const conversation = await h.db.conversation.findFirstOrThrow({ where: { contactId: jane } });
  return {
    jane,
    sam: await contact('Sam Lee'),
    priya: await contact('Priya Patel'),
    conversation: conversation.id,
    dm: String(dm.response?.channel),
    ts: String(dm.response?.ts),
    call: dm,
  };
}

function aliceMember(h: Harness) {
  return h.db.member.findFirstOrThrow({ where: { workspaceId: TEAM.id, slackUserId: ALICE.id } });
}

/** Picks `value` from a person's menu in Alice's ephemeral `/coach people` list at `ts`. */
async function choosePersonMenu(
  h: Harness,
  person: Block | undefined,
  value: string | undefined,
  ts: string,
) {
  h.standIn.clearCalls();
  await h.driver.blockAction(
    ALICE.id,
    {
      action_id: PEOPLE_ACTIONS.menu,
      type: 'overflow',
      block_id: person?.block_id,
      selected_option: { value },
    },
    { message: { channelId: h.standIn.dmChannelFor(TEAM.id, ALICE.id), ts, isEphemeral: true } },
  );
}

describe('after the conversation', () => {
  const h = useHarness({ start: START });

  it('opens the log modal with the typed name kept, today in the member’s timezone as the date', async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    expect(view.callback_id).toBe(LOG_CALLBACK_ID);
    const blocks = view.blocks as Block[];
    const person = blocks.find((b) => b.block_id === LOG_BLOCKS.person.blockId);
    expect(person?.element?.initial_value).toBe('Jane Doe');
    const date = blocks.find((b) => b.block_id === LOG_BLOCKS.date.blockId);
    expect(date?.element?.initial_date).toBe('2026-03-10');
    const labels = blocks.filter((b) => b.type === 'input').map((b) => b.label?.text);
    expect(labels).toEqual([
      'Person',
      'Role',
      'Company',
      'Date',
      'Minutes',
      'Format',
      'What I learned',
      "Skills I'm missing (comma separated)",
      'Words of the field (comma separated)',
      "One thing I'll act on",
      'Who else they suggested',
      'Thank-you already sent',
    ]);
  });

  it('keeps the modal open with errors on the right blocks for bad input', async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    const res = await submitModal(h, ALICE.id, view, {
      ...GOOD_LOG,
      Minutes: 'about half an hour',
      "One thing I'll act on": '',
      'Who else they suggested': 'Sam Lee — Research Ops\nhttps://linkedin.com/in/someone',
    });
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(
      [LOG_BLOCKS.minutes.blockId, LOG_BLOCKS.action.blockId, LOG_BLOCKS.referrals.blockId].sort(),
    );
    expect(body.errors[LOG_BLOCKS.referrals.blockId]).toMatch(/^Line 2:/);
    expect(await h.db.conversation.count()).toBe(0);
  });

  it('refuses a day that is still ahead in the member’s timezone', async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    const res = await submitModal(h, ALICE.id, view, { ...GOOD_LOG, Date: '2026-03-11' });
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: { [LOG_BLOCKS.date.blockId]: expect.any(String) },
    });
    expect(await h.db.contact.count()).toBe(0);
  });

  it('logs the conversation: contact met, skills, keywords, referrals as linked targets, DM with the thank-you draft', async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    const res = await submitModal(h, ALICE.id, view, GOOD_LOG);
    expect(res.text).toBe('');

    const dm = await dmTo(h, ALICE.id);
    expect(dm.response, JSON.stringify(dm.response)).toMatchObject({ ok: true });
    const blocks = blocksOf(dm);
    const text = visibleText(dm.args);
    expect(text).toContain('rebuild my portfolio case study around one research question');
    expect(text).toContain('research portfolios should show one question from start to finish');
    expect(text).toContain('Sam Lee and Priya Patel');

    const member = await aliceMember(h);
    const jane = await h.db.contact.findFirstOrThrow({ where: { ownerId: member.id, name: 'Jane Doe' } });
    expect(jane).toMatchObject({ stage: 'met', role: 'UX Researcher', company: 'Acme Health' });
    const conversation = await h.db.conversation.findFirstOrThrow({ where: { contactId: jane.id } });
    expect(conversation).toMatchObject({
      minutesRequested: 25,
      format: 'video',
      action: 'rebuild my portfolio case study around one research question',
      thankYouSentAt: null,
    });
    expect(conversation.heldAt?.toISOString()).toBe(START.replace('Z', '.000Z'));

    const referrals = await h.db.contact.findMany({
      where: { ownerId: member.id, referredById: jane.id },
      orderBy: { name: 'asc' },
    });
    expect(referrals.map((r) => [r.name, r.role, r.company, r.stage])).toEqual([
      ['Priya Patel', 'Designer', 'Globex', 'target'],
      ['Sam Lee', 'Research Ops', 'Acme Health', 'target'],
    ]);
    const skills = await h.db.skill.findMany({ where: { ownerId: member.id }, orderBy: { name: 'asc' } });
    expect(skills.map((s) => [s.name, s.status, s.sourceConversationId])).toEqual([
      ['SQL', 'gap', conversation.id],
      ['usability testing', 'gap', conversation.id],
    ]);
    const keywords = await h.db.keyword.findMany({ where: { ownerId: member.id }, orderBy: { term: 'asc' } });
    expect(keywords.map((k) => k.term)).toEqual(['discovery', 'synthesis']);

    // One "Draft ask" button per suggested person, carrying their contact id for the ask flow.
    for (const person of referrals) expect(findElement(blocks, OPEN.ask, person.id)).toBeDefined();
    expect(findElement(blocks, THANKS_ACTIONS.markSent, conversation.id)).toBeDefined();
  });

  it('shows the thank-you deadline in the member’s timezone on the App Home', async () => {
    const chat = await logJaneChat(h);
    const publish = await openHome(h, ALICE.id, chat.dm);
    expect(publish.response?.ok).toBe(true);
    const text = visibleText(publish.args.view);
    // 24 hours after 10:00 New York time on Tuesday.
    expect(text).toContain('Thank Jane Doe by Wed 10:00');
    expect(text).toContain('Reach out to Sam Lee: Jane suggested them');
    expect(text).toContain('Reach out to Priya Patel: Jane suggested them');
  });

  it('lists the referrals as targets in /coach people, with a next step and a menu each', async () => {
    const chat = await logJaneChat(h);
    const all = await ephemeral(h, ALICE.id, 'people');
    const text = visibleText(all);
    expect(text).toContain('Sam Lee');
    expect(text).toContain('Priya Patel');
    expect(text).toContain('Draft your ask');
    const samBlock = all.blocks.find((b) => b.block_id === `person|${chat.sam}`);
    expect(samBlock?.accessory?.type).toBe('overflow');
    expect(samBlock?.accessory?.options?.length).toBe(5);

    const targets = await ephemeral(h, ALICE.id, 'people target');
    expect(visibleText(targets)).toContain('Sam Lee');
    expect(everyString(targets)).not.toContain('Jane Doe');

    const bad = await ephemeral(h, ALICE.id, 'people friends');
    expect(visibleText(bad)).toContain('friends');
    for (const stage of ['To reach out to', 'Asked', 'Chat booked', 'Met', 'Thanked', 'Said no for now'])
      expect(visibleText(bad)).toContain(stage);
    // The list comes with it, and the stage menu to pick from.
    expect(visibleText(bad)).toContain('Sam Lee');
    expect(findElement(bad.blocks, PEOPLE_ACTIONS.filter)).toBeDefined();
  });

  it('shows who suggested whom in /coach chain', async () => {
    await logJaneChat(h);
    const all = await ephemeral(h, ALICE.id, 'chain');
    const text = visibleText(all);
    expect(text).toContain('Longest chain:* Jane Doe → Sam Lee');
    expect(text).toContain('↳ 🎯 Sam Lee · To reach out to');
    expect(text).toContain('↳ 🎯 Priya Patel · To reach out to');

    const sam = await ephemeral(h, ALICE.id, 'chain sam');
    expect(visibleText(sam)).toContain('Jane Doe → Sam Lee');
  });

  it('marks the thank-you sent: recorded, contact thanked, the DM updated in place', async () => {
    const chat = await logJaneChat(h);
    h.standIn.clearCalls();
    h.clock.advance(3 * HOUR);
    const message = h.standIn.messages(chat.dm).find((m) => m.ts === chat.ts);
    expect(message).toBeDefined();
    const button = findElement((message?.blocks ?? []) as unknown as Block[], THANKS_ACTIONS.markSent);
    await h.driver.blockAction(
      ALICE.id,
      { action_id: THANKS_ACTIONS.markSent, value: chat.conversation, block_id: button?.block_id },
      { message: { channelId: chat.dm, ts: chat.ts, blocks: message?.blocks } },
    );
    const update = await h.standIn.waitForCall('chat.update');
    expect(update.response?.ok).toBe(true);
    expect(update.args).toMatchObject({ channel: chat.dm, ts: chat.ts });
    const text = visibleText(update.args);
    expect(text).toContain('within the day');
    expect(text).toContain('Sam Lee'); // the rest of the message stays
    expect(findElement(blocksOf(update), THANKS_ACTIONS.markSent)).toBeUndefined();

    const conversation = await h.db.conversation.findUniqueOrThrow({ where: { id: chat.conversation } });
    expect(conversation.thankYouSentAt?.toISOString()).toBe(h.clock.now().toISOString());
    const jane = await h.db.contact.findUniqueOrThrow({ where: { id: chat.jane } });
    expect(jane.stage).toBe('thanked');

    const thanks = await ephemeral(h, ALICE.id, 'thanks jane');
    expect(thanks.text).toContain('already sent');
    expect(visibleText(thanks)).toContain('1 of 1 (100%)');
  });

  it('lists the development plan and moves a skill forward in place', async () => {
    const chat = await logJaneChat(h);
    const plan = await ephemeral(h, ALICE.id, 'skills');
    const text = visibleText(plan);
    expect(text).toContain('usability testing');
    expect(text).toContain('from a chat with Jane');
    const member = await aliceMember(h);
    const sql = await h.db.skill.findFirstOrThrow({ where: { ownerId: member.id, name: 'SQL' } });
    const button = findElement(plan.blocks, SKILLS_ACTIONS.advance, sql.id);
    expect(button?.text?.text).toBe('Start learning');

    h.standIn.clearCalls();
    await h.driver.blockAction(
      ALICE.id,
      { action_id: SKILLS_ACTIONS.advance, value: sql.id, block_id: button?.block_id },
      { message: { channelId: chat.dm, ts: '1.000001', isEphemeral: true } },
    );
    const replaced = await h.standIn.waitForCall('response_url');
    expect(replaced.args).toMatchObject({ replace_original: true });
    expect(
      findElement(replaced.args.blocks as unknown as Block[], SKILLS_ACTIONS.advance, sql.id)?.text?.text,
    ).toBe('Mark as done');
    expect((await h.db.skill.findUniqueOrThrow({ where: { id: sql.id } })).status).toBe('learning');

    const words = await ephemeral(h, ALICE.id, 'keywords');
    expect(visibleText(words)).toContain('discovery, synthesis');
  });

  it('marks a booked chat held instead of adding a second one, and asks "Which one?" for an ambiguous name', async () => {
    const chat = await logJaneChat(h);
    h.clock.advance(3 * HOUR);
    const member = await aliceMember(h);
    const booked = await h.db.conversation.create({
      data: {
        workspaceId: TEAM.id,
        ownerId: member.id,
        contactId: chat.sam,
        scheduledAt: new Date(h.clock.now().getTime() - HOUR),
        minutesRequested: 30,
        format: 'phone',
      },
    });
    await h.db.contact.update({ where: { id: chat.sam }, data: { stage: 'scheduled' } });
    await h.db.contact.create({
      data: {
        workspaceId: TEAM.id,
        ownerId: member.id,
        name: 'Sam Rivera',
        nameKey: 'sam rivera',
        stage: 'target',
      },
    });

    const picker = await openModal(h, ALICE.id, 'log sam');
    expect(picker.callback_id).toBe(LOG_PICK_CALLBACK_ID);
    const res = await h.driver.submitView(ALICE.id, picker, {
      [LOG_PICK_BLOCK.blockId]: {
        [LOG_PICK_BLOCK.actionId]: { type: 'static_select', selected_option: { value: chat.sam } },
      },
    });
    const next = res.json as { response_action: string; view: ViewLike };
    expect(next.response_action).toBe('update');
    expect(next.view.callback_id).toBe(LOG_CALLBACK_ID);
    const values = fillView({ ...next.view, id: picker.id }, {});
    expect(values[LOG_BLOCKS.person.blockId]?.value?.value).toBe('Sam Lee');
    expect(values[LOG_BLOCKS.minutes.blockId]?.value?.value).toBe('30');

    const logged = await submitModal(
      h,
      ALICE.id,
      { ...next.view, id: picker.id },
      {
        "One thing I'll act on": 'read the research ops handbook',
        'Thank-you already sent': true,
      },
    );
    expect(logged.text).toBe('');
    await dmTo(h, ALICE.id);
    const conversations = await h.db.conversation.findMany({ where: { contactId: chat.sam } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      id: booked.id,
      format: 'phone',
      action: 'read the research ops handbook',
    });
    // A booked chat that has started is held until its planned end (never later than now).
    expect(conversations[0]?.heldAt?.toISOString()).toBe(
      new Date(booked.scheduledAt!.getTime() + 30 * 60_000).toISOString(),
    );
    expect(conversations[0]?.thankYouSentAt).not.toBeNull();
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: chat.sam } })).stage).toBe('thanked');
  });

  it('opens the log modal from the global shortcut and from an OPEN.log button', async () => {
    const chat = await logJaneChat(h);
    h.standIn.clearCalls();
    await h.driver.shortcut(ALICE.id, 'log_conversation_shortcut');
    const fromShortcut = viewOf(await h.standIn.waitForCall('views.update'));
    expect(fromShortcut.callback_id).toBe(LOG_CALLBACK_ID);

    const home = await homeOf(h, ALICE.id);
    h.standIn.clearCalls();
    await h.driver.blockAction(ALICE.id, { action_id: OPEN.log, value: chat.priya }, { view: home });
    const forPriya = viewOf(await h.standIn.waitForCall('views.update'));
    expect(fillView(forPriya, {})[LOG_BLOCKS.person.blockId]?.value?.value).toBe('Priya Patel');
  });

  it('starts the ask and prep flows from the people menu', async () => {
    const chat = await logJaneChat(h);
    const list = await ephemeral(h, ALICE.id, 'people target');
    const priya = list.blocks.find((b) => b.block_id === `person|${chat.priya}`);
    const choice = (verb: string) =>
      priya?.accessory?.options?.find((o) => o.value.startsWith(`${verb}|`))?.value;

    await choosePersonMenu(h, priya, choice('ask'), '1.000004');
    const ask = viewOf(await h.standIn.waitForCall('views.update'));
    expect(ask.callback_id).toBe(ASK_CALLBACK_ID);
    expect(visibleText(ask)).toContain('Priya Patel');

    await choosePersonMenu(h, priya, choice('prep'), '1.000004');
    const prep = await dmTo(h, ALICE.id);
    expect(visibleText(prep.args)).toContain('Priya');
  });

  it('archives a person from the people menu and redraws the list', async () => {
    const chat = await logJaneChat(h);
    const list = await ephemeral(h, ALICE.id, 'people target');
    expect(visibleText(list)).toContain('Priya Patel');
    const priya = list.blocks.find((b) => b.block_id === `person|${chat.priya}`);
    const archive = priya?.accessory?.options?.find((o) => o.value.startsWith('archive|'));
    expect(archive).toBeDefined();
    await choosePersonMenu(h, priya, archive!.value, '1.000002');
    const redraw = await h.standIn.waitForCall('response_url');
    expect(redraw.args).toMatchObject({ replace_original: true });
    expect(visibleText(redraw.args)).toContain('Sam Lee');
    // Priya leaves the list; only the line saying so (with its Undo) names her.
    expect(visibleText(redraw.args)).toContain('Archived *Priya Patel*');
    expect(blocksOf(redraw).some((b) => b.block_id === `person|${chat.priya}`)).toBe(false);
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: chat.priya } })).stage).toBe('archived');
  });

  it('exports everything as CSV and JSON files in the member’s DM', async () => {
    const chat = await logJaneChat(h);
    h.standIn.clearCalls();
    const res = await h.driver.command(ALICE.id, 'export');
    expect(res.status).toBe(200);
    const done = await h.standIn.waitForCall('files.completeUploadExternal');
    expect(done.response?.ok).toBe(true);
    const open = await h.standIn.waitForCall('conversations.open');
    const dmChannel = (open.response as unknown as { channel: { id: string } }).channel.id;
    expect(done.args.channel_id).toBe(dmChannel);

    const files = h.standIn.files().filter((f) => f.channels.includes(dmChannel));
    expect(files.map((f) => f.filename).sort()).toEqual([
      'asks.csv',
      'contacts.csv',
      'conversations.csv',
      'keywords.csv',
      'networking-coach.json',
      'skills.csv',
    ]);
    const contacts =
      files
        .find((f) => f.filename === 'contacts.csv')
        ?.data?.toString('utf8')
        .replace(/^\uFEFF/, '') ?? '';
    const rows = contacts.trim().split(/\r?\n/);
    expect(rows[0]).toBe(
      'id,name,role,company,industry,why,link,stage,stage_at,referred_by_id,referred_by_name,also_suggested_by,last_touch_at,created_at',
    );
    expect(rows).toHaveLength(4); // header, Jane, Sam, Priya
    for (const name of ['Jane Doe', 'Sam Lee', 'Priya Patel']) {
      expect(rows.filter((r) => r.includes(name))).toHaveLength(name === 'Jane Doe' ? 3 : 1);
    }
    expect(rows.find((r) => r.includes('Sam Lee'))).toContain(`${chat.jane},Jane Doe`);
    const json = JSON.parse(
      files.find((f) => f.filename === 'networking-coach.json')?.data?.toString('utf8') ?? '{}',
    );
    expect(json.contacts.map((c: { name: string }) => c.name).sort()).toEqual([
      'Jane Doe',
      'Priya Patel',
      'Sam Lee',
    ]);
    expect(json.conversations).toHaveLength(1);
    expect(json.skills).toHaveLength(2);
  });

  it('shows Bob none of Alice’s data anywhere', async () => {
    const chat = await logJaneChat(h);
    // Bob has a little data of his own, so an empty answer is not just an empty database.
    const view = await openModal(h, BOB.id, 'log Max Mustermann');
    await submitModal(h, BOB.id, view, { "One thing I'll act on": 'apply to the meetup' });
    await dmTo(h, BOB.id);

    const aliceNames = ['Jane Doe', 'Sam Lee', 'Priya Patel', 'usability testing', 'discovery'];
    const answers = [
      await ephemeral(h, BOB.id, 'people'),
      await ephemeral(h, BOB.id, 'people archived'),
      await ephemeral(h, BOB.id, 'chain'),
      await ephemeral(h, BOB.id, 'skills'),
      await ephemeral(h, BOB.id, 'keywords'),
      await ephemeral(h, BOB.id, 'thanks'),
      await ephemeral(h, BOB.id, 'thanks jane'),
    ];
    for (const answer of answers)
      for (const name of aliceNames) expect(everyString(answer)).not.toContain(name);
    expect(visibleText(answers[0])).toContain('Max Mustermann');

    // Replaying Alice's ids changes nothing of hers.
    h.standIn.clearCalls();
    await h.driver.blockAction(
      BOB.id,
      { action_id: THANKS_ACTIONS.markSent, value: chat.conversation },
      { message: { channelId: h.standIn.dmChannelFor(TEAM.id, BOB.id), ts: '1.000003', isEphemeral: true } },
    );
    const reply = await h.standIn.waitForCall('response_url');
    expect(everyString(reply.args)).not.toContain('Jane');
    const conversation = await h.db.conversation.findUniqueOrThrow({ where: { id: chat.conversation } });
    expect(conversation.thankYouSentAt).toBeNull();

    const publish = await openHome(h, BOB.id);
    for (const name of aliceNames) expect(everyString(publish.args.view)).not.toContain(name);
    expect(visibleText(publish.args.view)).toContain('Max Mustermann');
  });

  it('forgets everything of Alice after the confirmation, and leaves Bob’s data alone', async () => {
    await logJaneChat(h);
    const bobsLog = await openModal(h, BOB.id, 'log Max Mustermann');
    await submitModal(h, BOB.id, bobsLog, { "One thing I'll act on": 'apply to the meetup' });
    await dmTo(h, BOB.id);

    const view = await openModal(h, ALICE.id, 'forget');
    expect(view.callback_id).toBe(FORGET_CALLBACK_ID);
    expect(visibleText(view)).toContain('Delete everything');
    h.standIn.clearCalls();
    const res = await h.driver.submitView(ALICE.id, view, {});
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id);
    expect(String(dm.args.text)).toContain('everything is deleted');
    const publish = await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === ALICE.id);
    expect(everyString(publish.args.view)).not.toContain('Jane Doe');

    expect(await h.db.member.count({ where: { slackUserId: ALICE.id } })).toBe(0);
    const bob = await h.db.member.findFirstOrThrow({ where: { slackUserId: BOB.id } });
    expect(await h.db.contact.count()).toBe(await h.db.contact.count({ where: { ownerId: bob.id } }));
    expect(await h.db.contact.count({ where: { ownerId: bob.id } })).toBe(1);
    expect(await h.db.conversation.count()).toBe(1);
    expect(await h.db.skill.count()).toBe(0);
    expect(await h.db.keyword.count()).toBe(0);
  });
});
