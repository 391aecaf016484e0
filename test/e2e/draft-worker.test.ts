// The app as it runs by default (DRAFT_THREADS=1): the after-log thank-you is drafted on a worker
// thread and reaches the member's DM, signed, with nothing falling back to the event loop.
import { describe, expect, it } from 'vitest';
import { ALICE } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { openModal, submitModal, visibleText } from '../support/slack-play';

// The worker loads the coaching modules on its first draft: seconds on a busy machine.
describe('the thank-you drafted on a worker thread', { timeout: 60_000 }, () => {
  const h = useHarness({ start: '2026-03-10T14:00:00Z', env: { DRAFT_THREADS: '1' } });

  it('DMs the draft after the ack, woven from the note, signed with the member’s name', async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    const res = await submitModal(h, ALICE.id, view, {
      Role: 'UX Researcher',
      'What I learned': 'She moved from nursing into UX research and now leads a small team.',
      "One thing I'll act on": 'rebuild my portfolio around one research question',
    });
    expect(res.text).toBe('');
    const dm = await h.standIn.waitForCall('chat.postMessage', (c) => c.args.channel === ALICE.id, 30_000);
    const text = visibleText(dm.args);
    expect(text).toContain('Hi Jane,');
    expect(text).toContain('you moved from nursing into UX research and now lead a small team');
    expect(text).toContain('rebuild my portfolio around one research question');
    expect(text).toContain('>Best wishes,\n>Alice\n');
    expect(h.logs.join('\n')).not.toContain('drafted on the main thread');
  });
});
