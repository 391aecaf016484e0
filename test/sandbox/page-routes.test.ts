// The sandbox page's routes, over HTTP against the app in sandbox mode: every command, click and
// submission goes to the app as a signed request, and what the page is shown comes from the stand-in.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/client';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import type { PageMessage, PageState } from '../../src/sandbox/page/protocol';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { useCleanup } from '../support/cleanup';
import { TestClock } from '../support/clock';
import { sandboxTestConfig, sqliteTestDatabase } from '../support/db';

const ALEX = 'U0SANDBOX1';
const PRIYA = 'U0SANDBOX2';
const SAM = 'U0SANDBOX3';
const MORGAN = 'U0SANDBOXF';
const JORDAN = 'U0SANDBOX4';
// A Tuesday, 10:00 in New York (Alex's timezone): working hours, so nudges go out when due.
const START = '2026-03-10T14:00:00Z';

describe('sandbox page routes', () => {
  let coach: RunningCoach;
  let base: string;
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const config = sandboxTestConfig(database.url);
    coach = await startCoach(config, createLogger('silent'), { clock: new TestClock(START) });
    cleanup.add(() => coach.stop());
    base = `http://127.0.0.1:${coach.port}`;
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as Record<string, unknown>;
    // Whatever the app queued after its answer (DMs, Home publishes) is done before the test looks.
    await coach.slack.settle();
    return { status: res.status, body: answer };
  };
  const state = async (user: string) => {
    const { status, body } = await get(`/sandbox/state?user=${user}`);
    expect(status).toBe(200);
    return body as unknown as PageState;
  };
  const texts = (messages: PageMessage[]) => messages.map((m) => `${m.text} ${JSON.stringify(m.blocks)}`);

  it('serves the page and its script', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/sandbox/page.js');
    const script = await fetch(`${base}/sandbox/page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('lists the workspace, with Morgan as the facilitator', async () => {
    const s = await state(ALEX);
    expect(s.me).toBe(ALEX);
    expect(s.now).toBe(new Date(START).toISOString());
    expect(s.users.map((u) => u.id)).toEqual([ALEX, PRIYA, SAM, MORGAN, JORDAN]);
    expect(s.users.filter((u) => u.facilitator).map((u) => u.id)).toEqual([MORGAN]);
    expect(s.channel).toMatchObject({ id: 'C0SANDBOXCOHORT', joined: true });
    expect(s.home).toBeNull();
    expect(s.modals).toEqual([]);
    const first = await get('/sandbox/state');
    expect(first.body).toMatchObject({ ok: true, me: ALEX });
  });

  it('refuses an unknown user', async () => {
    expect((await get('/sandbox/state?user=U0NOBODY')).status).toBe(400);
    const answer = await post('/sandbox/command', { user: 'U0NOBODY', text: '/coach help', where: 'dm' });
    expect(answer).toMatchObject({ status: 400, body: { ok: false } });
  });

  it("shows a command's answer in the DM where it was typed, to that member only", async () => {
    const answer = await post('/sandbox/command', { user: ALEX, text: '/coach help', where: 'dm' });
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    const dm = (await state(ALEX)).dm.messages;
    const help = dm.filter((m) => texts([m])[0]?.includes('/coach log'));
    expect(help).toHaveLength(1);
    // /coach help answers in the ack: Slack shows that answer only to the member, where they typed.
    expect(answer.body.text).toContain('/coach log');
    expect(help[0]?.ephemeral).toBe(true);
    expect(texts((await state(PRIYA)).dm.messages).join('\n')).not.toContain('/coach log');
  });

  it('logs a conversation through the modal: inline errors first, then the thank-you draft', async () => {
    const opened = await post('/sandbox/command', { user: ALEX, text: '/coach log Jane Doe', where: 'dm' });
    expect(opened.status).toBe(200);
    const [modal] = (await state(ALEX)).modals;
    expect(modal?.view.callback_id).toBe('log_conversation');
    const view = modal?.view as unknown as ViewLike;

    const missing = fillView(view, { "One thing I'll act on": '' });
    const refused = await post('/sandbox/submit', { user: ALEX, viewId: modal?.id, values: missing });
    expect(refused.status).toBe(200);
    const errors = refused.body.errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual(['log_action']);
    const stillOpen = (await state(ALEX)).modals;
    expect(stillOpen.map((m) => m.id)).toEqual([modal?.id]);
    expect(stillOpen[0]?.errors).toEqual(errors);

    const values = fillView(view, {
      "One thing I'll act on": 'Redo my portfolio case study around one research question',
      'What I learned': 'Research teams hire for synthesis.',
    });
    const saved = await post('/sandbox/submit', { user: ALEX, viewId: modal?.id, values });
    expect(saved).toMatchObject({ status: 200, body: { ok: true } });
    expect(saved.body.errors).toBeUndefined();
    const after = await state(ALEX);
    expect(after.modals).toEqual([]);
    const all = texts(after.dm.messages);
    // In the order they came: the help answer (typed first), then the log's confirmation.
    expect(all.findIndex((t) => t.includes('/coach log'))).toBeLessThan(
      all.findIndex((t) => t.includes('Jane Doe')),
    );
    const logged = all.filter((t) => t.includes('Jane Doe'));
    expect(logged.join('\n')).toMatch(/thank-you draft is ready/);
  });

  it('moves the clock a day: the sweep sends the thank-you nudge, and Snooze reaches the app', async () => {
    const before = (await state(ALEX)).dm.messages.length;
    const moved = await post('/sandbox/clock', { advanceMinutes: 24 * 60 });
    expect(moved.status).toBe(200);
    expect(moved.body.now).toBe(new Date(Date.parse(START) + 24 * 3600_000).toISOString());
    expect(moved.body.sent).toBeGreaterThanOrEqual(1);
    const s = await state(ALEX);
    expect(s.now).toBe(moved.body.now);
    const nudge = s.dm.messages
      .slice(before)
      .find((m) => JSON.stringify(m.blocks).includes('nudge.snooze') && /thank/i.test(texts([m])[0] ?? ''));
    expect(nudge).toBeDefined();

    const snooze = findElement(nudge?.blocks ?? [], 'nudge.snooze');
    expect(snooze).toBeDefined();
    const option = (snooze?.element.options as { value: string; text: unknown }[] | undefined)?.[0];
    const clicked = await post('/sandbox/action', {
      user: ALEX,
      where: { kind: 'message', channelId: s.dm.channelId, ts: nudge?.ts },
      action: {
        action_id: 'nudge.snooze',
        block_id: snooze?.blockId,
        type: String(snooze?.element.type),
        ...(option ? { selected_option: option } : { value: String(snooze?.element.value) }),
      },
    });
    expect(clicked).toMatchObject({ status: 200, body: { ok: true } });
    const later = await state(ALEX);
    const changed = later.dm.messages.find((m) => m.ts === nudge?.ts);
    expect(changed?.text).toMatch(/Snoozed until/);
  });

  it('refuses a modal, or a message, that is not the member’s', async () => {
    await post('/sandbox/command', { user: SAM, text: '/coach log Lena', where: 'dm' });
    const [samsModal] = (await state(SAM)).modals;
    expect(samsModal).toBeDefined();
    const submit = await post('/sandbox/submit', { user: PRIYA, viewId: samsModal?.id, values: {} });
    expect(submit).toMatchObject({ status: 400, body: { ok: false } });
    const close = await post('/sandbox/close', { user: PRIYA, viewId: samsModal?.id });
    expect(close.status).toBe(400);
    expect((await state(SAM)).modals.map((m) => m.id)).toEqual([samsModal?.id]);
    const alexDm = (await state(ALEX)).dm;
    const click = await post('/sandbox/action', {
      user: PRIYA,
      where: { kind: 'message', channelId: alexDm.channelId, ts: alexDm.messages[0]?.ts },
      action: { action_id: 'nudge.done', block_id: 'x', type: 'button' },
    });
    expect(click.status).toBe(400);

    const closed = await post('/sandbox/close', { user: SAM, viewId: samsModal?.id });
    expect(closed).toMatchObject({ status: 200, body: { ok: true } });
    expect((await state(SAM)).modals).toEqual([]);
  });

  it('publishes the Home when the member opens it', async () => {
    const opened = await post('/sandbox/home', { user: PRIYA });
    expect(opened).toMatchObject({ status: 200, body: { ok: true } });
    const home = (await state(PRIYA)).home;
    expect(home?.type).toBe('home');
  });

  it("plays clicks on the Home and in a modal, with the modal's values", async () => {
    await post('/sandbox/home', { user: ALEX });
    const home = (await state(ALEX)).home as { blocks: unknown[] } | null;
    const open = findElement(home?.blocks ?? [], 'open.thanks');
    expect(open).toBeDefined();
    const clicked = await post('/sandbox/action', {
      user: ALEX,
      where: { kind: 'home' },
      action: {
        action_id: 'open.thanks',
        block_id: open?.blockId,
        type: 'button',
        value: open?.element.value,
      },
    });
    expect(clicked).toMatchObject({ status: 200, body: { ok: true } });
    // The Home's button brings the thank-you card into the DM; its Edit button opens the modal.
    const dm = (await state(ALEX)).dm;
    const card = dm.messages.findLast((m) => findElement(m.blocks, 'after_chat.thank_you_edit'));
    const edit = findElement(card?.blocks ?? [], 'after_chat.thank_you_edit');
    const editing = await post('/sandbox/action', {
      user: ALEX,
      where: { kind: 'message', channelId: dm.channelId, ts: card?.ts },
      action: {
        action_id: 'after_chat.thank_you_edit',
        block_id: edit?.blockId,
        type: 'button',
        value: edit?.element.value,
      },
    });
    expect(editing).toMatchObject({ status: 200, body: { ok: true } });
    const [modal] = (await state(ALEX)).modals;
    expect(modal?.view.callback_id).toBe('thanks_edit');
    const blocks = (modal?.view.blocks ?? []) as unknown[];
    const another = findElement(blocks, 'thanks_edit.another');
    expect(another).toBeDefined();
    const typed = 'Hi Jane, thank you so much for your time.';
    const input = blocks.find((b) => (b as { type: string }).type === 'input') as { block_id: string };
    const values = { [input.block_id]: { value: { type: 'plain_text_input', value: typed } } };
    const next = await post('/sandbox/action', {
      user: ALEX,
      where: { kind: 'view', viewId: modal?.id },
      action: {
        action_id: 'thanks_edit.another',
        block_id: another?.blockId,
        type: 'button',
        value: another?.element.value,
      },
      values,
    });
    expect(next).toMatchObject({ status: 200, body: { ok: true } });
    const [updated] = (await state(ALEX)).modals;
    expect(updated?.id).toBe(modal?.id);
    expect(updated?.hash).not.toBe(modal?.hash);
    // The member's edit came with the click: the modal offers it back.
    expect(JSON.stringify(updated?.view.blocks)).toContain('Back to my edit');
    expect((await post('/sandbox/close', { user: ALEX, viewId: modal?.id })).status).toBe(200);
    expect((await state(ALEX)).modals).toEqual([]);
  });

  it('tells an event stream when something changed', async () => {
    const abort = new AbortController();
    try {
      const res = await fetch(`${base}/sandbox/events?user=${PRIYA}`, { signal: abort.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let seen = decoder.decode((await reader.read()).value);
      expect(seen).not.toContain('event: change');
      await post('/sandbox/command', { user: PRIYA, text: '/coach log Ananya', where: 'dm' });
      while (!seen.includes('event: change')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        seen += decoder.decode(chunk.value);
      }
      expect(seen).toContain('event: change');
    } finally {
      abort.abort();
    }
    expect((await get('/sandbox/events?user=U0NOBODY')).status).toBe(400);
  });

  it('shows a command typed in the channel in the channel, to that member only', async () => {
    const answer = await post('/sandbox/command', { user: PRIYA, text: '/coach help', where: 'channel' });
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
    const mine = (await state(PRIYA)).channel.messages.filter((m) => m.text.includes('/coach log'));
    expect(mine.map((m) => m.ephemeral)).toEqual([true]);
    expect((await state(PRIYA)).dm.messages.some((m) => m.text.includes('Here is what I can do'))).toBe(
      false,
    );
    const others = (await state(SAM)).channel.messages;
    expect(others.some((m) => m.text.includes('/coach log'))).toBe(false);
  });

  it('refuses a command that is not a slash command', async () => {
    const answer = await post('/sandbox/command', { user: PRIYA, text: 'help', where: 'dm' });
    expect(answer).toMatchObject({ status: 400, body: { ok: false } });
    const where = await post('/sandbox/command', { user: PRIYA, text: '/coach help', where: 'thread' });
    expect(where.status).toBe(400);
  });

  it('tells an event stream when the clock moved', async () => {
    const abort = new AbortController();
    try {
      const res = await fetch(`${base}/sandbox/events?user=${SAM}`, { signal: abort.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let seen = decoder.decode((await reader.read()).value);
      expect(seen).not.toContain('event: change');
      expect((await post('/sandbox/clock', { advanceMinutes: 5 })).status).toBe(200);
      while (!seen.includes('event: change')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        seen += decoder.decode(chunk.value);
      }
      expect(seen).toContain('event: change');
    } finally {
      abort.abort();
    }
  });

  it('refuses a clock that would not move, or move too far', async () => {
    expect((await post('/sandbox/clock', { advanceMinutes: 0 })).status).toBe(400);
    expect((await post('/sandbox/clock', { advanceMinutes: 60 * 24 * 15 })).status).toBe(400);
    expect((await post('/sandbox/clock', { advanceMinutes: '5' })).status).toBe(400);
  });

  it('seeds the demo once: seeding again adds nothing', async () => {
    const first = await post('/sandbox/demo', { user: ALEX });
    expect(first).toMatchObject({ status: 200, body: { ok: true } });
    expect(first.body.summary).toMatch(/Demo ready/);
    const counts = await rowCounts(coach.db);
    expect(counts.contacts).toBeGreaterThanOrEqual(8);
    expect(counts.cohorts).toBe(1);
    const second = await post('/sandbox/demo', { user: ALEX });
    expect(second).toMatchObject({ status: 200, body: { ok: true } });
    expect(await rowCounts(coach.db)).toEqual(counts);
    expect((await state(ALEX)).home?.type).toBe('home');
  });

  it('joins the cohort channel: the channel shows once the member is in it', async () => {
    coach.standIn?.removeMember('C0SANDBOXCOHORT', SAM);
    const out = await state(SAM);
    expect(out.channel).toMatchObject({ joined: false, messages: [] });
    const refused = await post('/sandbox/command', { user: SAM, text: '/coach help', where: 'channel' });
    expect(refused.status).toBe(400);
    const joined = await post('/sandbox/join', { user: SAM });
    expect(joined).toMatchObject({ status: 200, body: { ok: true } });
    expect((await state(SAM)).channel.joined).toBe(true);
    const typed = await post('/sandbox/command', { user: SAM, text: '/coach help', where: 'channel' });
    expect(typed.status).toBe(200);
  });

  it('lets Jordan, who starts outside the channel, join the demo cohort and get its welcome in the DM', async () => {
    // The demo (seeded above) runs a cohort in the channel, so joining it is a joiner's first moment.
    expect((await state(JORDAN)).channel.joined).toBe(false);
    expect(await post('/sandbox/join', { user: JORDAN })).toMatchObject({ status: 200, body: { ok: true } });
    await vi.waitFor(async () => {
      expect((await state(JORDAN)).dm.messages.some((m) => !m.ephemeral)).toBe(true);
    });
    const after = await state(JORDAN);
    expect(after.channel.joined).toBe(true);
    expect(texts(after.dm.messages).join('\n')).toMatch(/cohort/i);
  });
});

describe('sandbox page event streams on shutdown', () => {
  const cleanup = useCleanup('all');

  it('are ended when the app stops, so stopping does not wait on them', async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const config = sandboxTestConfig(database.url);
    const coach = await startCoach(config, createLogger('silent'));
    let stopped = false;
    cleanup.add(() => (stopped ? undefined : coach.stop()));
    const abort = new AbortController();
    cleanup.add(() => abort.abort());
    const res = await fetch(`http://127.0.0.1:${coach.port}/sandbox/events?user=${ALEX}`, {
      signal: abort.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain(`events for ${ALEX}`);
    await coach.stop();
    stopped = true;
    let ended = false;
    for (let chunk = await reader.read(); ; chunk = await reader.read()) {
      if (chunk.done) {
        ended = true;
        break;
      }
    }
    expect(ended).toBe(true);
  });
});

async function rowCounts(db: Db) {
  return {
    members: await db.member.count(),
    contacts: await db.contact.count(),
    asks: await db.ask.count(),
    conversations: await db.conversation.count(),
    skills: await db.skill.count(),
    cohorts: await db.cohort.count(),
    memberships: await db.cohortMembership.count(),
  };
}

/** The element with `actionId` in a message's blocks, and its block's id. */
function findElement(blocks: unknown[], actionId: string) {
  for (const raw of blocks) {
    const block = raw as {
      block_id?: string;
      elements?: Record<string, unknown>[];
      accessory?: Record<string, unknown>;
    };
    const elements = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])];
    const element = elements.find((e) => e.action_id === actionId);
    if (element) return { blockId: String(block.block_id), element };
  }
  return undefined;
}
