// `npm start` with no Slack credentials: sandbox mode on the embedded database.
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { useCleanup } from '../support/cleanup';
import { sandboxTestConfig, sqliteTestDatabase } from '../support/db';

describe('sandbox mode', () => {
  let coach: RunningCoach;
  const cleanup = useCleanup('all');
  beforeAll(async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    // Drafts on a worker thread, the app's default.
    const config = sandboxTestConfig(database.url, { DRAFT_THREADS: '1' });
    expect(config.slack.kind).toBe('sandbox');
    coach = await startCoach(config, createLogger('silent'));
    cleanup.add(() => coach.stop());
  });

  it('starts the stand-in in-process and points the app at it', async () => {
    expect(coach.mode).toBe('sandbox');
    expect(coach.standIn).toBeDefined();
    const health = await fetch(`http://127.0.0.1:${coach.port}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, mode: 'sandbox' });
  });

  it('plays a slash command through the signed path and returns the reply', async () => {
    const res = await fetch(`http://127.0.0.1:${coach.port}/sandbox/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'help' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: number; replies: string[] };
    expect(body.status).toBe(200);
    expect(body.replies.join('\n')).toContain('/coach add');
  });

  it('shows which modal a command opened', async () => {
    const res = await fetch(`http://127.0.0.1:${coach.port}/sandbox/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'add Jane Doe' }),
    });
    const body = (await res.json()) as { replies: string[] };
    expect(body.replies.join('\n')).toContain('modal');
  });
});
