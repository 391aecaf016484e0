// Browser tests of the sandbox page: the app in sandbox mode (no Slack credentials: the in-process Slack
// stand-in and the page on the app's port), started in this process as `startCoach` starts it, and
// Debian's chromium driven by playwright-core (never a downloaded browser). Screenshots go to
// test-artifacts/browser/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Clock } from '../../src/core/clock';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { Cleanup } from './cleanup';
import { sandboxTestConfig, sqliteTestDatabase } from './db';

/** Debian's chromium, or the one CHROMIUM_PATH names. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SandboxApp {
  coach: RunningCoach;
  /** The page's address: http://127.0.0.1:<port>/ */
  url: string;
  browser: Browser;
  /** What the app logged at warn level or above, one JSON line each. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Where the simulated time starts: a Tuesday at 10:00 in New York (Alex's zone), inside working hours,
 * so what the sweep sends after "Advance 1 day" does not depend on the hour the tests run at.
 */
const SANDBOX_START = new Date('2026-12-01T15:00:00Z');

/** Real time's pace from `start` on. */
function runningFrom(start: Date): Clock {
  const startedAt = Date.now();
  return { now: () => new Date(start.getTime() + (Date.now() - startedAt)) };
}

/**
 * Starts the app in sandbox mode on a fresh SQLite file (free ports, no scheduler: the page's clock
 * buttons run the sweep), its time running from `start`, and launches chromium headless. Whatever
 * started is stopped again by stop(), or at once if a later step fails.
 */
export async function startSandboxApp(options: { start?: Date } = {}): Promise<SandboxApp> {
  const cleanup = new Cleanup();
  try {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    const config = sandboxTestConfig(database.url, { LOG_LEVEL: 'warn' });
    const logs: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const coach = await startCoach(config, createLogger(config.logLevel, sink), {
      clock: runningFrom(options.start ?? SANDBOX_START),
    });
    cleanup.add(() => coach.stop());
    // launch() runs chromium on a fresh temporary profile of its own, removed when it closes.
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    cleanup.add(() => browser.close());
    return { coach, url: `http://127.0.0.1:${coach.port}/`, browser, logs, stop: () => cleanup.run() };
  } catch (error) {
    await cleanup.run().catch(() => undefined);
    throw error;
  }
}

/** The sandbox's members as the page lists them. */
const SANDBOX_MEMBERS = ['U0SANDBOX1', 'U0SANDBOX2', 'U0SANDBOX3', 'U0SANDBOXF'];

/**
 * Closes every member's open modals through the page's own routes, so a test that stopped with a modal
 * open leaves the next one a page it can use (a modal makes the rest of the page inert).
 */
export async function closeOpenModals(app: SandboxApp): Promise<void> {
  for (const user of SANDBOX_MEMBERS) {
    const state = (await (await fetch(new URL(`sandbox/state?user=${user}`, app.url))).json()) as {
      modals?: { id: string }[];
    };
    for (const modal of [...(state.modals ?? [])].reverse()) {
      const res = await fetch(new URL('sandbox/close', app.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, viewId: modal.id }),
      });
      if (!res.ok) throw new Error(`closing ${user}'s modal ${modal.id} answered ${res.status}`);
    }
  }
}

/** The app's log lines at error level or above (pino's 50+). */
export function appErrors(app: SandboxApp): string[] {
  return app.logs.filter((line) => ((JSON.parse(line) as { level?: number }).level ?? 0) >= 50);
}

export interface PageSession {
  context: BrowserContext;
  page: Page;
  /** Every alert/confirm/prompt the page opened (each dismissed at once). */
  dialogs: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  /** Saves a full-page screenshot to test-artifacts/browser/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh browser context (its own cookies and storage) with the page open. */
export async function openSandboxPage(app: SandboxApp): Promise<PageSession> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    // Every wait (a click's actionability, waitFor) gives up after 10 s rather than playwright's 30 s.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(app.url);
    if (!response?.ok()) throw new Error(`GET ${app.url} answered ${response?.status() ?? 'nothing'}`);
    return {
      context,
      page,
      dialogs,
      pageErrors,
      async screenshot(name) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const path = join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      close: () => context.close(),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
