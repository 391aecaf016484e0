// `/coach add` end to end, on SQLite and (when configured) Postgres: the same app on either database.
import { describe, expect, it } from 'vitest';
import { fillView } from '../../src/sandbox/slack-driver';
import { ADD_TARGET_BLOCKS } from '../../src/slack/views/add-target';
import { DATABASE_KINDS } from '../support/db';
import { ALICE, BOB, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { seedTarget } from '../support/seed';
import { dmTo, openModal, submitModal } from '../support/slack-play';

const ALICES_JANE = {
  name: 'Jane Doe',
  role: 'UX Researcher',
  company: 'Acme Health',
  industry: 'Healthcare',
  why: 'She moved from teaching into UX research.',
};

describe.each(DATABASE_KINDS)('/coach add on $kind', ({ create }) => {
  const h = useHarness({ database: create });

  it('opens the modal with the name filled in, within the trigger window', async () => {
    const view = await openModal(h, ALICE.id, 'add Jane Doe');
    expect(h.standIn.callsTo('views.open')[0]?.response).toMatchObject({ ok: true });
    const values = fillView(view, {});
    expect(values[ADD_TARGET_BLOCKS.name.blockId]?.value?.value).toBe('Jane Doe');
  });

  it('keeps the modal open with errors on the right blocks for bad input', async () => {
    const view = await openModal(h, ALICE.id, 'add');
    const res = await submitModal(h, ALICE.id, view, {
      Name: 'Jane Doe',
      Role: '',
      Company: 'Acme',
      Industry: 'Health',
      'Why them (their path)': 'x',
      Link: 'not a link',
    });
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: {
        [ADD_TARGET_BLOCKS.role.blockId]: expect.any(String),
        [ADD_TARGET_BLOCKS.link.blockId]: expect.any(String),
      },
    });
    expect(await h.db.contact.count()).toBe(0);
  });

  it('adds the target, DMs a confirmation with next steps and refreshes the App Home', async () => {
    const view = await openModal(h, ALICE.id, 'add');
    const res = await submitModal(h, ALICE.id, view, {
      Name: 'Jane Doe',
      Role: 'UX Researcher',
      Company: 'Acme Health',
      Industry: 'Healthcare',
      'Why them (their path)': 'She moved from teaching into UX research.',
      Link: 'linkedin.com/in/janedoe',
    });
    expect(res.text).toBe('');
    const dm = await dmTo(h, ALICE.id);
    expect(String(dm.args.text)).toContain('Jane Doe');
    await h.standIn.waitForCall('views.publish', (c) => c.args.user_id === ALICE.id);
    const stored = await h.db.contact.findMany({ where: { name: 'Jane Doe' } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      stage: 'target',
      role: 'UX Researcher',
      link: 'https://linkedin.com/in/janedoe',
      workspaceId: TEAM.id,
    });
  });

  it('refuses a duplicate name with a message on the name field', async () => {
    await seedTarget(h, ALICE.id, ALICES_JANE);
    const view = await openModal(h, ALICE.id, 'add jane doe');
    const res = await submitModal(h, ALICE.id, view, {
      Role: 'PM',
      Company: 'X',
      Industry: 'Y',
      'Why them (their path)': 'z',
    });
    expect(res.json).toMatchObject({
      response_action: 'errors',
      errors: { [ADD_TARGET_BLOCKS.name.blockId]: expect.stringContaining('already') },
    });
    expect(await h.db.contact.count({ where: { name: 'Jane Doe' } })).toBe(1);
  });

  it("keeps members apart: Bob's list does not know Alice's Jane", async () => {
    await seedTarget(h, ALICE.id, ALICES_JANE);
    const view = await openModal(h, BOB.id, 'add Jane Doe');
    const res = await submitModal(h, BOB.id, view, {
      Role: 'PM',
      Company: 'Globex',
      Industry: 'Retail',
      'Why them (their path)': 'Bob has his own reasons.',
    });
    expect(res.text).toBe('');
    // Bob's modal offered no "Suggested by" list of Alice's contacts.
    expect(
      view.blocks.some((b) => (b as { block_id?: string }).block_id === ADD_TARGET_BLOCKS.referredBy.blockId),
    ).toBe(false);
    const janes = await h.db.contact.findMany({ where: { name: 'Jane Doe' }, include: { owner: true } });
    expect(janes.map((j) => j.owner.slackUserId).sort()).toEqual([ALICE.id, BOB.id]);
  });
});
