// The request path over signed HTTP, on SQLite and Postgres: retries, replays and double clicks apply
// once; malformed signed bodies are refused without harming the process; anything else signed is
// answered, including buttons and forms this version no longer knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInUser } from '../../src/sandbox';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { OPEN } from '../../src/slack/views/action-ids';
import { ASK_ACTIONS } from '../../src/slack/views/ask';
import { LOG_BLOCKS, LOG_CALLBACK_ID } from '../../src/slack/views/log';
import { OUT_OF_DATE } from '../../src/slack/views/notices';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { type Harness, startHarness, TEAM } from '../support/harness';
import { blocksOf, dmTo, findElement, openModal, submitModal, visibleText } from '../support/slack-play';

const USERS: StandInUser[] = Array.from({ length: 8 }, (_, i) => ({
  id: `U0PATH${i}`,
  teamId: TEAM.id,
  name: `member${i}`,
  realName: `Member ${i} Example`,
  tz: 'America/Chicago',
}));
const [LOGGER, EVENTS, CLICKER, GUARD, STALE, SHAPES, BOUNDS] = USERS.map((u) => u.id) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

const LOG_ANSWERS = {
  Person: 'Dana Whitfield',
  Role: 'Data Analyst',
  Company: 'Northwind',
  Minutes: '20',
  "One thing I'll act on": 'rewrite my project summary around one business question',
  'Who else they suggested': 'Omar Haddad — Analytics Manager, Northwind',
};

for (const { kind, create } of DATABASE_KINDS) {
  describe(`the request path on ${kind}`, () => {
    let database: TestDatabase;
    let h: Harness;

    beforeAll(async () => {
      database = await create();
      h = await startHarness({ database, users: USERS });
    });
    afterAll(async () => {
      await h?.stop();
      await database?.drop();
    });

    async function memberRow(userId: string) {
      return h.db.member.findFirstOrThrow({ where: { slackUserId: userId } });
    }

    it('stores a double-clicked and replayed log submission once, and confirms it once', async () => {
      const view = await openModal(h, LOGGER, 'log Dana Whitfield');
      expect(view.callback_id).toBe(LOG_CALLBACK_ID);
      const body = h.driver.viewSubmissionBody(LOGGER, view, fillView(view, LOG_ANSWERS));
      const timestamp = Math.floor(Date.now() / 1000);
      const send = () => h.driver.post(body, 'application/x-www-form-urlencoded', { timestamp });
      h.standIn.clearCalls();
      // A double click: two copies at once. Then the same bytes again, inside the signature window.
      const [first, second] = await Promise.all([send(), send()]);
      const replay = await send();
      for (const res of [first, second, replay]) expect(res.status).toBe(200);
      for (const res of [first, second, replay]) expect(res.json).toBeUndefined();
      await h.settle();

      const member = await memberRow(LOGGER);
      expect(await h.db.conversation.count({ where: { ownerId: member.id } })).toBe(1);
      expect(await h.db.contact.count({ where: { ownerId: member.id } })).toBe(2);
      const confirmations = h.standIn.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.args.channel === LOGGER,
      );
      expect(confirmations).toHaveLength(1);
      expect(visibleText(blocksOf(confirmations[0]!))).toContain('Dana Whitfield');
    });

    it('handles an event once, whether Slack retries it or it is replayed', async () => {
      h.standIn.clearCalls();
      const event = { type: 'app_home_opened', user: EVENTS, channel: 'D0PATHEV', tab: 'home' };
      const eventId = `EvPATH${kind}`;
      const answers = [
        await h.driver.event(event, { eventId }),
        await h.driver.event(event, { eventId, retryNum: 1 }),
        await h.driver.event(event, { eventId }),
      ];
      for (const res of answers) expect(res.status).toBe(200);
      await h.settle();
      const publishes = h.standIn.calls.filter(
        (c) => c.method === 'views.publish' && c.args.user_id === EVENTS,
      );
      expect(publishes).toHaveLength(1);
    });

    it('applies a replayed click once, and answers a second click with the current state', async () => {
      const view = await openModal(h, CLICKER, 'ask Lena Ortiz');
      await submitModal(h, CLICKER, view, {
        Role: 'Product Designer',
        Company: 'Fabrikam',
        'Why them': 'She moved from retail management into product design',
        Channel: 'Email',
      });
      const draft = await dmTo(h, CLICKER);
      const markSent = findElement(blocksOf(draft), ASK_ACTIONS.markSent);
      expect(markSent?.value).toBeTruthy();
      const message = {
        channelId: String(draft.response!.channel),
        ts: String(draft.response!.ts),
        blocks: draft.args.blocks as unknown[],
      };
      h.standIn.clearCalls();
      const click = { action_id: ASK_ACTIONS.markSent, value: markSent!.value! };
      const first = await h.driver.blockAction(CLICKER, click, { message });
      expect(first.status).toBe(200);
      await h.settle();
      const member = await memberRow(CLICKER);
      const ask = await h.db.ask.findFirstOrThrow({ where: { ownerId: member.id } });
      expect(ask.sentAt).not.toBeNull();
      const updates = () => h.standIn.calls.filter((c) => c.method === 'chat.update').length;
      expect(updates()).toBe(1);

      // A second click on the same button (a double click): told it was already marked sent.
      h.standIn.clearCalls();
      const again = await h.driver.blockAction(CLICKER, click, { message });
      expect(again.status).toBe(200);
      const notice = await h.standIn.waitForCall('response_url');
      expect(String(notice.args.text)).toContain('already marked this ask as sent');
      const after = await h.db.ask.findFirstOrThrow({ where: { id: ask.id } });
      expect(after.sentAt?.getTime()).toBe(ask.sentAt?.getTime());
      const contact = await h.db.contact.findFirstOrThrow({ where: { id: ask.contactId } });
      expect(contact.stage).toBe('asked');
    });

    it('refuses malformed signed bodies with 400 and keeps serving', async () => {
      const form = 'application/x-www-form-urlencoded' as const;
      const json = 'application/json' as const;
      const payload = (p: unknown) => `payload=${encodeURIComponent(JSON.stringify(p))}`;
      const user = { id: GUARD, team_id: TEAM.id };
      const bad: [string, typeof form | typeof json][] = [
        ['payload=null', form],
        ['null', json],
        ['[]', json],
        ['payload=%7Bnot-json', form],
        [payload({ type: 'block_actions', user, team: { id: TEAM.id }, actions: 'edit' }), form],
        [payload({ type: 'block_actions', user: 5, team: { id: TEAM.id }, actions: [] }), form],
        [payload({ type: 'view_submission', user, team: { id: TEAM.id }, view: 'log' }), form],
        [
          payload({
            type: 'block_actions',
            user,
            team: { id: TEAM.id },
            channel: 7,
            actions: [{ action_id: 'x' }],
          }),
          form,
        ],
        [JSON.stringify({ type: 'event_callback', team_id: TEAM.id, event: null }), json],
      ];
      for (const [body, type] of bad) {
        const res = await h.driver.post(body, type);
        expect(res.status, body).toBe(400);
      }
      const health = await fetch(`${h.appUrl}/healthz`);
      expect(health.status).toBe(200);
      const help = await h.driver.command(GUARD, 'help');
      expect(help.status).toBe(200);
      expect(String((help.json as { text?: string }).text)).toContain('/coach add');
    });

    it('answers buttons, forms and shortcuts it no longer knows, saying they are out of date', async () => {
      h.standIn.clearCalls();
      const started = Date.now();
      const click = await h.driver.blockAction(
        STALE,
        { action_id: 'retired_button', value: 'x' },
        { message: { channelId: 'D0PATHST', ts: '1700000000.000100' } },
      );
      expect(click.status).toBe(200);
      const note = await h.standIn.waitForCall('response_url');
      expect(note.args.text).toBe(OUT_OF_DATE);

      const form = await h.driver.submitView(
        STALE,
        { id: 'V0RETIRED', callback_id: 'retired_form', hash: 'h1', blocks: [] },
        {},
      );
      expect(form.status).toBe(200);
      const answer = form.json as { response_action?: string; view?: { blocks?: unknown[] } };
      expect(answer.response_action).toBe('update');
      expect(visibleText(answer.view?.blocks ?? [])).toContain('older message');

      const shortcut = await h.driver.shortcut(STALE, 'retired_shortcut');
      expect(shortcut.status).toBe(200);
      // Answered at once, not after Bolt's 3-second timeout.
      expect(Date.now() - started).toBeLessThan(2500);
    });

    it('answers a known form with wrong-shaped values inline, on the right blocks', async () => {
      const view = await openModal(h, SHAPES, 'log Kai Brandt');
      const values = fillView(view, LOG_ANSWERS) as Record<string, Record<string, Record<string, unknown>>>;
      const person = values[LOG_BLOCKS.person.blockId]![LOG_BLOCKS.person.actionId]!;
      person.value = 42;
      const minutes = values[LOG_BLOCKS.minutes.blockId]![LOG_BLOCKS.minutes.actionId]!;
      minutes.value = { nested: true };
      const res = await h.driver.submitView(SHAPES, view, values as never);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        response_action: 'errors',
        errors: {
          [LOG_BLOCKS.person.blockId]: expect.any(String),
          [LOG_BLOCKS.minutes.blockId]: expect.any(String),
        },
      });
      expect(await h.db.conversation.count({ where: { owner: { slackUserId: SHAPES } } })).toBe(0);
    });

    it('refuses a crafted 3,000-line "who else" inline and adds nobody', async () => {
      const view = await openModal(h, BOUNDS, 'log Ivy Chen');
      const values = fillView(view, LOG_ANSWERS) as Record<string, Record<string, Record<string, unknown>>>;
      const lines = Array.from({ length: 3000 }, (_, i) => `Person ${i} — Analyst, Contoso`).join('\n');
      values[LOG_BLOCKS.referrals.blockId]![LOG_BLOCKS.referrals.actionId]!.value = lines;
      const started = Date.now();
      const res = await h.driver.submitView(BOUNDS, view as ViewLike, values as never);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(res.json).toMatchObject({
        response_action: 'errors',
        errors: { [LOG_BLOCKS.referrals.blockId]: expect.any(String) },
      });
      expect(await h.db.contact.count({ where: { owner: { slackUserId: BOUNDS } } })).toBe(0);
    });

    it('opens a modal from an App Home button once, even when the click is replayed', async () => {
      const home = { id: 'V0HOMEPATH', type: 'home', callback_id: 'home', blocks: [] } as ViewLike;
      h.standIn.clearCalls();
      const click = { action_id: OPEN.addTarget, value: '' };
      const body = h.driver.blockActionBody(USERS[7]!.id, click, { view: home });
      const timestamp = Math.floor(Date.now() / 1000);
      const send = () => h.driver.post(body, 'application/x-www-form-urlencoded', { timestamp });
      const [first, replay] = [await send(), await send()];
      expect(first.status).toBe(200);
      expect(replay.status).toBe(200);
      await h.standIn.waitForCall('views.update');
      await h.settle();
      expect(h.standIn.calls.filter((c) => c.method === 'views.open')).toHaveLength(1);
    });
  });
}
