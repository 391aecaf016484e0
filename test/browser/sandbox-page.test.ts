// The sandbox page in a real browser (Debian's chromium through playwright-core): the app in sandbox
// mode serves a small Slack at http://localhost:<PORT>/, and these tests use it as a person would, by
// the page's accessible names only: commands typed in the composer, modals filled by their labels,
// the simulated clock advanced with its buttons, the Home tab, the cohort channel as its facilitator.
// One app and one browser serve the file; each test opens the page in a fresh browser context.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  closeOpenModals,
  openSandboxPage,
  type PageSession,
  type SandboxApp,
  startSandboxApp,
} from '../support/browser';

const ALEX = 'U0SANDBOX1';
const PRIYA = 'U0SANDBOX2';
const MORGAN = 'U0SANDBOXF';

describe('the sandbox page in a browser', { timeout: 120_000 }, () => {
  let app: SandboxApp;
  let session: PageSession | undefined;

  beforeAll(async () => {
    app = await startSandboxApp();
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await session?.screenshot(`failed-${slug(task.name)}`);
    await session?.close();
    session = undefined;
    await closeOpenModals(app);
  });

  async function open(): Promise<Page> {
    session = await openSandboxPage(app);
    return session.page;
  }

  /** Nothing went wrong: no alert/confirm/prompt and no uncaught error in the page, no error in the app. */
  function pageWasQuiet() {
    expect(session?.dialogs).toEqual([]);
    expect(session?.pageErrors).toEqual([]);
    expect(appErrors(app)).toEqual([]);
  }

  it('answers /coach help typed in the Messages tab', async () => {
    const page = await open();
    await actAs(page, ALEX);
    await openTab(page, 'Messages');
    await send(page, '/coach help');
    await shows(messages(page), 'Your networking coach');
    await session?.screenshot('help');
    pageWasQuiet();
  });

  it('logs a conversation: an inline error first, then the thank-you draft, its nudge a day later, Snooze, and Home', async () => {
    const page = await open();
    await actAs(page, ALEX);
    await openTab(page, 'Messages');
    await send(page, '/coach log Jane Doe');

    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    await dialog.waitFor();
    await dialog.getByLabel('Person').fill('Jane Doe');
    await dialog.getByLabel('What I learned').fill('Researchers pair with support to hear customers weekly.');
    // "One thing I'll act on" is required: submitted empty, the modal stays with the error under it.
    const action = dialog.getByLabel("One thing I'll act on");
    await action.fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const error = dialog.getByRole('alert').filter({ hasText: 'Name the one thing you will act on' });
    await error.waitFor();
    await eventually(() => action.getAttribute('aria-invalid')).toBe('true');
    // The error is this input's: it describes it, and no other field is marked.
    const errorId = await error.getAttribute('id');
    expect(errorId).toBeTruthy();
    expect((await action.getAttribute('aria-describedby'))?.split(/\s+/)).toContain(errorId);
    expect(await dialog.locator('[aria-invalid="true"]').count()).toBe(1);
    await dialog.waitFor();
    await session?.screenshot('log-inline-error');

    await action.fill('Rewrite my portfolio case study around one research question');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const dm = messages(page);
    await shows(dm, 'Logged your conversation with Jane Doe');
    await shows(dm, 'Your thank-you to Jane Doe');
    await shows(dm, 'Hi Jane,');
    await session?.screenshot('log-thank-you-draft');

    // A day on (Wednesday, 10:00 in New York: working hours, the 24 hours just over), the sweep sends
    // the late thank-you nudge.
    await page.getByRole('button', { name: 'Advance 1 day' }).click();
    await shows(page.getByRole('status'), /It is now Wed .+\. 1 message went out\./);
    await shows(dm, 'Thank Jane Doe when you can');
    await snooze(dm);
    await shows(dm, 'Snoozed until');
    await session?.screenshot('nudge-snoozed');

    await openTab(page, 'Home');
    await shows(page.getByRole('tabpanel'), 'Jane Doe');
    await session?.screenshot('home-dashboard');
    pageWasQuiet();
  });

  it("runs a cohort in #cohort-fall as its facilitator, whose digest preview shows counts and no one's notes", async () => {
    const page = await open();
    // A student's private conversation first, so the digest has something to count and to keep private.
    const note = 'Priya private note: the hiring manager is leaving in March';
    const act = 'Priya private action: ask about the apprenticeship';
    await actAs(page, PRIYA);
    await openTab(page, 'Messages');
    await send(page, '/coach log Omar Haddad');
    const log = page.getByRole('dialog', { name: 'Log a conversation' });
    await log.getByLabel('Person').fill('Omar Haddad');
    await log.getByLabel('What I learned').fill(note);
    await log.getByLabel("One thing I'll act on").fill(act);
    await log.getByRole('button', { name: 'Save' }).click();
    await log.waitFor({ state: 'hidden' });
    await shows(messages(page), 'Logged your conversation with Omar Haddad');

    await actAs(page, MORGAN);
    await openTab(page, '#cohort-fall');
    // Morgan is in the channel already: no Join button, the composer instead.
    await page.getByRole('button', { name: 'Join #cohort-fall' }).waitFor({ state: 'hidden' });
    await send(page, '/coach cohort setup');
    const setup = page.getByRole('dialog', { name: 'Set up a cohort' });
    await setup.waitFor();
    await setup.getByLabel('Cohort name').fill('Fall UX cohort');
    await setup.getByRole('button', { name: 'Save' }).click();
    // The modal turns into what was saved; Done closes it.
    const saved = page.getByRole('dialog', { name: 'Cohort settings' });
    await shows(saved, 'Fall UX cohort is set up in #cohort-fall');
    await session?.screenshot('cohort-set-up');
    await saved.getByRole('button', { name: 'Done' }).click();
    await saved.waitFor({ state: 'hidden' });

    await send(page, '/coach cohort digest');
    const channel = messages(page);
    await shows(channel, 'Preview, only you can see this.');
    await shows(channel, 'Fall UX cohort: the week together');
    // Every conversation logged so far counts, whoever logged it (Priya's above, and any earlier test's).
    const held = await app.coach.db.conversation.count({ where: { heldAt: { not: null } } });
    expect(held).toBeGreaterThan(0);
    await shows(channel, new RegExp(`Conversations\\s+${held}\\b`));
    await shows(channel, 'Thank-yous within 24 hours');
    await session?.screenshot('cohort-digest-preview');

    // Nothing any member wrote, and no contact's name, is in the channel.
    const shown = (await channel.allTextContents()).join('\n');
    const conversations = await app.coach.db.conversation.findMany({
      select: { notes: true, insights: true, action: true, contact: { select: { name: true } } },
    });
    const secrets = [note, act, 'Omar Haddad'];
    for (const c of conversations)
      secrets.push(c.notes ?? '', c.insights ?? '', c.action ?? '', c.contact.name);
    for (const secret of secrets.filter((s) => s.trim().length > 0)) expect(shown).not.toContain(secret);
    pageWasQuiet();
  });

  it('shows a name that looks like HTML as text, and runs none of it', async () => {
    const page = await open();
    const name = '<img src=x onerror=alert(1)>';
    await actAs(page, ALEX);
    await openTab(page, 'Messages');
    await send(page, `/coach add ${name}`);
    const dialog = page.getByRole('dialog', { name: 'Add a target' });
    await dialog.waitFor();
    await eventually(() => dialog.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    await dialog.getByLabel('Role', { exact: true }).fill('UX Researcher');
    await dialog.getByLabel('Company', { exact: true }).fill('Acme');
    await dialog.getByLabel('Industry', { exact: true }).fill('Software');
    await dialog.getByLabel('Why them (their path)').fill('Moved from support into research');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shows(messages(page), `Added ${name} (UX Researcher, Acme) to your targets.`);
    // The people list names them too.
    await send(page, '/coach people');
    await eventually(
      async () => (await textOf(messages(page))).split(name).length - 1,
    ).toBeGreaterThanOrEqual(2);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[onerror]').count()).toBe(0);
    await session?.screenshot('xss-name-as-text');
    pageWasQuiet();
  });

  it('is usable from the keyboard: Tab to the composer, a command sent with Enter', async () => {
    const page = await open();
    const composer = page.getByRole('textbox', { name: 'Message' });
    const messagesTab = page.getByRole('tab', { name: 'Messages' });
    await messagesTab.waitFor();
    // Tab moves between controls; inside the tab list (one tab stop) the arrow keys move between tabs
    // and Enter opens one, as in any ARIA tab list.
    const tabs = page.getByRole('tab');
    let reached = false;
    for (let step = 0; step < 40 && !reached; step++) {
      const onTabs = await isFocused(tabs);
      const messagesOpen = (await messagesTab.getAttribute('aria-selected')) === 'true';
      if (onTabs && !messagesOpen) {
        await page.keyboard.press((await isFocused(messagesTab)) ? 'Enter' : 'ArrowRight');
      } else {
        await page.keyboard.press('Tab');
      }
      reached = await isFocused(composer);
    }
    expect(await messagesTab.getAttribute('aria-selected')).toBe('true');
    expect(reached, 'Tab never reached the composer').toBe(true);
    await page.keyboard.type('/coach help');
    await page.keyboard.press('Enter');
    await shows(messages(page), 'Your networking coach');
    await eventually(() => composer.inputValue()).toBe('');
    await session?.screenshot('keyboard-only');
    pageWasQuiet();
  });
});

// A fresh app of its own, so the page shows the demo and nothing the tests above added.
describe('the sandbox page with the demo loaded', { timeout: 60_000 }, () => {
  let app: SandboxApp;
  let session: PageSession | undefined;

  beforeAll(async () => {
    app = await startSandboxApp();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  it('seeds the demo with its button and shows it on Home and in the cohort channel', async () => {
    session = await openSandboxPage(app);
    const page = session.page;
    await actAs(page, ALEX);
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await shows(page.getByRole('status'), 'Demo ready');
    await openTab(page, 'Home');
    const home = page.getByRole('tabpanel');
    await shows(home, 'Thank Maya Chen');
    await shows(home, 'Your cohort: Fall cohort');
    // The README's picture of the page (docs/sandbox-page.png is a copy of it).
    await session.screenshot('demo-home');
    await openTab(page, 'Messages');
    await send(page, '/coach people');
    await shows(messages(page), 'Chris Patel');
    await session.screenshot('demo-people');

    // Alex met Maya at 10:00: two hours on, the sweep sends the thank-you nudge, still in time.
    await page.getByRole('button', { name: 'Advance 1 hour' }).click();
    await shows(page.getByRole('status'), /It is now .*11:0\d/);
    await page.getByRole('button', { name: 'Advance 1 hour' }).click();
    await shows(page.getByRole('status'), /It is now .*12:0\d/);
    await shows(messages(page), 'Thank Maya Chen today');
    await session.screenshot('demo-thank-you-nudge');
    expect(session.dialogs).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(appErrors(app)).toEqual([]);
  });
});

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Picks the member the page acts as. */
async function actAs(page: Page, userId: string): Promise<void> {
  const who = page.getByLabel('You are');
  await who.selectOption(userId);
  await eventually(() => who.inputValue()).toBe(userId);
}

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await eventually(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Types a line into the composer and sends it with Enter. */
async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await eventually(() => composer.inputValue()).toBe('');
}

/** The message list on screen (the DM or the channel, whichever tab is open). */
function messages(page: Page): Locator {
  return page.getByRole('log').filter({ visible: true });
}

/** Snoozes the nudge: its Snooze menu's first choice. */
async function snooze(list: Locator): Promise<void> {
  const menu = list.getByRole('combobox', { name: 'Snooze' }).last();
  await menu.waitFor();
  const first = await menu.locator('option:not([disabled]):not([value=""])').first().getAttribute('value');
  if (first === null) throw new Error('the Snooze menu has no choice');
  await menu.selectOption(first);
}

/** expect.poll with the page's time to answer (a command goes to the app and back). */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

/** The text on screen in what the locator finds ('' when it finds nothing yet). */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.allInnerTexts()).join('\n').trim();
}

/** Waits until what the locator finds shows the text. */
async function shows(locator: Locator, text: string | RegExp): Promise<void> {
  const poll = eventually(() => textOf(locator));
  await (typeof text === 'string' ? poll.toContain(text) : poll.toMatch(text));
}

/** Whether one of the elements the locator finds has the keyboard focus (false when it finds none). */
async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluateAll((els) => els.some((el) => el.matches(':focus')));
}
