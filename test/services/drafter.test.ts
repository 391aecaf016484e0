import { getPriority } from 'node:os';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { draftThankYou, type ThankYouInput } from '../../src/coaching/thanks';
import { DRAFT_NICE, type Drafter, inThreadDrafter, workerDrafter } from '../../src/services/drafter';
import { memoryLog } from '../support/nudges';

const INPUT: ThankYouInput = {
  contactName: 'Dr. Aisha Khan',
  action: 'rewrite my case study around one question',
  learned: 'She moved from nursing into UX research and now leads a team at Mayo Clinic.',
  suggestedNames: ['Sam Lee'],
  senderName: 'Alex Morgan',
};

let drafter: Drafter | undefined;
afterEach(async () => {
  await drafter?.close();
  drafter = undefined;
});

describe('workerDrafter', () => {
  it('writes on a worker thread the same thank-you the coaching rules write here', async () => {
    const { log, lines } = memoryLog('warn');
    drafter = workerDrafter(log, { threads: 1 });
    const texts = await Promise.all([
      drafter.thankYou(INPUT),
      drafter.thankYou({ ...INPUT, senderName: null, variant: 1 }),
    ]);
    expect(texts).toEqual([draftThankYou(INPUT), draftThankYou({ ...INPUT, senderName: null, variant: 1 })]);
    expect(texts[0]).toContain('you moved from nursing into UX research');
    expect(texts[0]).toMatch(/\nAlex Morgan$/);
    // Nothing fell back to this thread.
    expect(lines.join('\n')).not.toContain('drafted on the main thread');
  });

  it('runs the draft off the calling thread, at a lower priority on Linux (this thread keeps its own)', async () => {
    const { log } = memoryLog('warn');
    const pool = workerDrafter(log, { threads: 1 });
    drafter = pool;
    const before = getPriority();
    await pool.thankYou(INPUT);
    const worker = await pool.workerThread();
    expect(worker?.threadId).not.toBe(threadId);
    expect(getPriority()).toBe(before);
    if (process.platform === 'linux') expect(worker?.nice).toBe(Math.min(19, before + DRAFT_NICE));
  });

  it("falls back to this thread when a worker cannot run the task, and says so without the student's words", async () => {
    const { log, lines } = memoryLog('warn');
    drafter = workerDrafter(log, { threads: 1 });
    // A draft input a worker cannot receive (a function does not cross threads).
    const odd = {
      ...INPUT,
      learned: 'I learned a lot about research ops',
      extra: () => 1,
    } as unknown as ThankYouInput;
    const text = await drafter.thankYou(odd);
    expect(text).toBe(draftThankYou(odd));
    const logged = lines.join('\n');
    expect(logged).toContain('a draft worker failed; drafted on the main thread');
    expect(logged).not.toContain('research ops');
  });
});

describe('inThreadDrafter', () => {
  it('drafts on the calling thread', async () => {
    drafter = inThreadDrafter();
    expect(await drafter.thankYou(INPUT)).toBe(draftThankYou(INPUT));
  });

  it('falls back to this thread when a worker does not answer in time', async () => {
    const { log, lines } = memoryLog('warn');
    // A worker that cannot even start its task in 1 ms: the first draft waits for the worker's start.
    drafter = workerDrafter(log, { threads: 1, timeoutMs: 1 });
    const text = await drafter.thankYou(INPUT);
    expect(text).toBe(draftThankYou(INPUT));
    expect(lines.join('\n')).toContain('a draft worker failed; drafted on the main thread');
  });

  it('keeps drafting on this thread when the worker cannot even load, and the process goes on', async () => {
    const { log, lines } = memoryLog('warn');
    drafter = workerDrafter(log, {
      threads: 1,
      workerFile: new URL('./no-such-worker.mjs', import.meta.url).href,
    });
    expect(await drafter.thankYou(INPUT)).toBe(draftThankYou(INPUT));
    expect(await drafter.thankYou({ ...INPUT, variant: 1 })).toBe(draftThankYou({ ...INPUT, variant: 1 }));
    expect(lines.join('\n')).toContain('drafted on the main thread');
  });
});
