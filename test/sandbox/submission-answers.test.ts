// What Slack does with the app's answer to a modal submission, applied by the stand-in to the modal
// stack (the sandbox page relies on it), and closing one modal of a stack.
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, TEAM } from '../support/fixtures';
import { useStandIn } from '../support/stand-in';

const s = useStandIn();

const pt = (text: string) => ({ type: 'plain_text' as const, text });
const modal = (title: string) => ({
  type: 'modal' as const,
  title: pt(title),
  callback_id: title.toLowerCase(),
  submit: pt('Save'),
  blocks: [{ type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: title } }],
});

async function stack(...titles: string[]) {
  const [first, ...rest] = titles;
  await s.client().views.open({
    trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
    view: modal(first ?? 'Root'),
  });
  for (const title of rest) {
    await s.client().views.push({
      trigger_id: s.standIn.issueTriggerId(TEAM.id, ALICE.id),
      view: modal(title),
    });
  }
  return s.standIn.openViews(ALICE.id);
}

const titles = () => s.standIn.openViews(ALICE.id).map((v) => (v.title as { text: string }).text);

describe('answering a submission', () => {
  it('closes only the submitted view when the answer is empty', async () => {
    const [, top] = await stack('Root', 'Second');
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, top?.id ?? '', undefined)).toEqual({ ok: true });
    expect(titles()).toEqual(['Root']);
  });

  it('closes the whole stack with "clear"', async () => {
    const [, top] = await stack('Root', 'Second');
    const answer = { response_action: 'clear' };
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, top?.id ?? '', answer)).toEqual({ ok: true });
    expect(titles()).toEqual([]);
  });

  it('replaces the submitted view with "update": same id, new hash', async () => {
    const [root] = await stack('Root');
    const answer = { response_action: 'update', view: modal('Saved') };
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, root?.id ?? '', answer)).toEqual({ ok: true });
    const [updated] = s.standIn.openViews(ALICE.id);
    expect(titles()).toEqual(['Saved']);
    expect(updated?.id).toBe(root?.id);
    expect(updated?.hash).not.toBe(root?.hash);
    expect(updated?.callback_id).toBe('saved');
  });

  it('pushes a view on top with "push"', async () => {
    const [root] = await stack('Root');
    const answer = { response_action: 'push', view: modal('Pushed') };
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, root?.id ?? '', answer)).toEqual({ ok: true });
    const views = s.standIn.openViews(ALICE.id);
    expect(titles()).toEqual(['Root', 'Pushed']);
    expect(views[1]).toMatchObject({ root_view_id: root?.id, previous_view_id: root?.id });
  });

  it('keeps the view open with "errors" and hands the errors back by block id', async () => {
    const [root] = await stack('Root');
    const answer = { response_action: 'errors', errors: { log_action: 'Name the one thing.' } };
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, root?.id ?? '', answer)).toEqual({
      ok: true,
      errors: { log_action: 'Name the one thing.' },
    });
    expect(s.standIn.openViews(ALICE.id)).toEqual([root]);
  });

  it('refuses a view that is not open for the user, and an answer with a broken view', async () => {
    const [root] = await stack('Root');
    expect(s.standIn.answerSubmission(TEAM.id, BOB.id, root?.id ?? '', undefined)).toEqual({
      ok: false,
      error: 'not_found',
    });
    const broken = { response_action: 'update', view: { type: 'modal', blocks: [] } };
    expect(s.standIn.answerSubmission(TEAM.id, ALICE.id, root?.id ?? '', broken)).toMatchObject({
      ok: false,
    });
    expect(s.standIn.openViews(ALICE.id)).toEqual([root]);
  });
});

describe('closing one modal', () => {
  it('closes it with the views above it, and only for its own user', async () => {
    const [, second] = await stack('Root', 'Second', 'Third');
    expect(s.standIn.closeView(BOB.id, second?.id ?? '')).toBe(false);
    expect(titles()).toEqual(['Root', 'Second', 'Third']);
    expect(s.standIn.closeView(ALICE.id, second?.id ?? '')).toBe(true);
    expect(titles()).toEqual(['Root']);
  });
});
