// The thank-you over signed HTTP: a conversation logged with notes in the third person, the DM's
// draft in the student's voice and signed, and the modal: edit it, press "Another version", and get
// the edit back with "Back to my edit"; "Use this one" sends the edited text to the member's DM.
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import { ALICE } from '../support/fixtures';
import { type Harness, useHarness } from '../support/harness';
import { sweepAt } from '../support/nudges';
import {
  blocksOf,
  dmTo,
  findElement,
  inputByLabel,
  nudgeIdOf,
  openModal,
  submitModal,
  viewOf,
  visibleText,
} from '../support/slack-play';

const START = '2026-03-10T14:00:00Z';

const LOG = {
  Person: 'Dr. Aisha Khan',
  Role: 'Clinical UX Lead',
  Company: 'Mayo Clinic',
  Minutes: '25',
  Format: 'video',
  'What I learned':
    'She taught herself research methods while working as a nurse and now runs studies with clinicians.',
  "Skills I'm missing (comma separated)": '',
  'Words of the field (comma separated)': '',
  "One thing I'll act on": 'Write up my classroom research as a case study.',
  'Who else they suggested': 'Omar Farouk — Research Ops, Mayo Clinic',
};

async function logChat(h: Harness) {
  const view = await openModal(h, ALICE.id, 'log Aisha');
  await submitModal(h, ALICE.id, view, LOG);
  return dmTo(h, ALICE.id);
}

/** The text in the modal's box. */
function boxText(view: { blocks: unknown[] }): string {
  return String(inputByLabel(view, 'Your thank-you')?.element?.initial_value ?? '');
}

describe('the thank-you', () => {
  const h = useHarness({ start: START });

  it('is drafted to the person, in the student’s words, with the action and the referral, and signed', async () => {
    const dm = await logChat(h);
    const text = visibleText(dm.args);
    expect(text).toContain('Hi Dr. Khan,');
    expect(text).toContain(
      'One thing has stayed with me: you taught yourself research methods while working as a nurse',
    );
    expect(text).toContain(
      "I'm starting with one thing you suggested: write up my classroom research as a case study.",
    );
    expect(text).toContain('pointing me to Omar Farouk');
    expect(text).toMatch(/Best wishes,\s*\n?\s*>?\s*Alice/);
    expect(text).not.toMatch(/\b(she|herself|her)\b/);
  });

  it('keeps an edit when "Another version" is pressed, and gives it back', async () => {
    const dm = await logChat(h);
    const edit = findElement(blocksOf(dm), THANKS_ACTIONS.edit);
    expect(edit?.value).toBeTruthy();
    h.standIn.clearCalls();
    await h.driver.blockAction(
      ALICE.id,
      { action_id: THANKS_ACTIONS.edit, value: edit?.value },
      { message: { channelId: String(dm.response?.channel), ts: String(dm.response?.ts) } },
    );
    const first = viewOf(await h.standIn.waitForCall('views.update'));
    const original = boxText(first);
    expect(original).toContain('Hi Dr. Khan,');
    expect(original).toMatch(/\nAlice/);
    expect(visibleText(first)).not.toContain('Back to my edit');

    // Alice makes it her own, then looks at another version.
    const mine = `${original.replace('Thank you for making time to talk with me.', 'Thank you so much for the chat on Tuesday.')}`;
    const box = inputByLabel(first, 'Your thank-you');
    const state = { [String(box?.block_id)]: { value: { type: 'plain_text_input', value: mine } } };
    h.standIn.clearCalls();
    await h.driver.blockAction(
      ALICE.id,
      { action_id: THANKS_ACTIONS.another, value: '0', block_id: 'thanks_versions' },
      { view: first, state },
    );
    const second = viewOf(await h.standIn.waitForCall('views.update'));
    expect(boxText(second)).not.toBe(mine);
    expect(boxText(second)).not.toBe(original);
    expect(boxText(second)).toContain('write up my classroom research as a case study');
    expect(visibleText(second)).toContain('Your edit is kept');

    // Back to her edit: the very text she typed.
    h.standIn.clearCalls();
    await h.driver.blockAction(
      ALICE.id,
      { action_id: THANKS_ACTIONS.restore, value: 'kept', block_id: 'thanks_versions' },
      { view: second },
    );
    const third = viewOf(await h.standIn.waitForCall('views.update'));
    expect(boxText(third)).toBe(mine);

    // "Use this one": her text comes to her DM, ready to mark sent.
    await submitModal(h, ALICE.id, third, { 'Your thank-you': mine });
    const chosen = await dmTo(h, ALICE.id);
    expect(visibleText(chosen.args)).toContain('Thank you so much for the chat on Tuesday.');
    expect(findElement(blocksOf(chosen), THANKS_ACTIONS.markSent)?.value).toBe(edit?.value);
  });
});

describe('drafts made without asking Slack again', () => {
  const h = useHarness({ start: START });

  it('are signed with the name Slack gave the last time: /coach thanks and the thank-you nudge', async () => {
    await logChat(h); // the log asked Slack for Alice's name once
    await h.settle();
    const member = await h.db.member.findFirst({ where: { slackUserId: ALICE.id } });
    expect(member?.slackName).toBe('Alice Chen');

    h.standIn.clearCalls();
    const res = await h.driver.command(ALICE.id, 'thanks Aisha');
    expect(res.status).toBe(200);
    const answer = visibleText(res.json);
    expect(answer).toMatch(/\n>?Best wishes,\n>?Alice\n/);
    expect(h.standIn.callsTo('users.info')).toHaveLength(0);

    // Sweeps an hour apart, as the scheduler would, until the thank-you nudge is out.
    let nudge: RecordedCall | undefined;
    for (let hour = 1; hour <= 30 && !nudge; hour++) {
      h.standIn.clearCalls();
      await sweepAt(h, new Date(Date.parse(START) + hour * 3_600_000));
      nudge = h.standIn.callsTo('chat.postMessage').find((c) => nudgeIdOf(c));
    }
    if (!nudge) throw new Error('no thank-you nudge within 30 hours');
    const draft = visibleText({ text: nudge.args.text, blocks: blocksOf(nudge) });
    expect(draft).toContain('Hi Dr. Khan,');
    expect(draft).toMatch(/\n>?Alice\b/);
  });
});
