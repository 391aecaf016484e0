// The App Home builder is pure and stays inside Slack's 100-block limit for any amount of data.
import { describe, expect, it } from 'vitest';
import type { ContactData, ConversationData, MemberSnapshot, Stage } from '../../src/coaching/types';
import { STAGES } from '../../src/coaching/types';
import { validateView } from '../../src/sandbox';
import { emptySnapshot } from '../../src/services/data';
import { OPEN } from '../../src/slack/views/action-ids';
import { buildHomeView, HOME_LIMITS } from '../../src/slack/views/home';
import * as fx from '../support/coaching-fixtures';
import { HOUR } from '../support/fixtures';
import { findElement, visibleText } from '../support/slack-play';

const NOW = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 in New York
const LONG = 'Ünïcode <!channel> & *bold* '.repeat(300);

function contact(i: number, over: Partial<ContactData> = {}): ContactData {
  return fx.contact({
    id: `c${i}`,
    name: `Person ${i}`,
    stageAt: NOW,
    createdAt: new Date(NOW.getTime() - 10 * HOUR + i),
    ...over,
  });
}

function held(
  i: number,
  contactId: string,
  heldAt: Date,
  over: Partial<ConversationData> = {},
): ConversationData {
  return fx.conversation({
    id: `v${i}`,
    contactId,
    heldAt,
    format: 'coffee',
    action: 'Rewrite my case study',
    createdAt: heldAt,
    ...over,
  });
}

function snapshot(contacts: ContactData[], conversations: ConversationData[]): MemberSnapshot {
  return {
    ...emptySnapshot(),
    prefs: { ...emptySnapshot().prefs, tz: 'America/New_York' },
    contacts,
    conversations,
  };
}

describe('App Home', () => {
  it('shows goals, the thank-you due with its deadline in the member’s timezone, referrals and recent chats', () => {
    const jane = contact(1, { name: 'Jane Doe', stage: 'met' });
    const sam = contact(2, { name: 'Sam Lee', referredById: jane.id });
    const view = buildHomeView(
      snapshot([jane, sam], [held(1, jane.id, NOW)]),
      new Date(NOW.getTime() + HOUR),
    );
    expect(validateView(view)).toEqual([]);
    const text = visibleText(view.blocks);
    expect(text).toContain('Thank Jane Doe by Wed 10:00');
    expect(text).toContain('Reach out to Sam Lee: Jane suggested them');
    expect(text).toContain('*People on your list*\n2 of 8');
    expect(text).toContain('*Conversations this week*\n1 of 2');
    expect(text).toContain('Jane Doe');
    for (const id of [OPEN.log, OPEN.ask, OPEN.prep, OPEN.addTarget])
      expect(findElement(view.blocks, id)).toBeDefined();
  });

  it('reports the on-time thank-you rate', () => {
    const a = contact(1, { stage: 'thanked' });
    const b = contact(2, { stage: 'thanked' });
    const conversations = [
      held(1, a.id, new Date(NOW.getTime() - 72 * HOUR), {
        thankYouSentAt: new Date(NOW.getTime() - 70 * HOUR),
      }),
      held(2, b.id, new Date(NOW.getTime() - 72 * HOUR), {
        thankYouSentAt: new Date(NOW.getTime() - 24 * HOUR),
      }),
    ];
    const text = visibleText(buildHomeView(snapshot([a, b], conversations), NOW).blocks);
    expect(text).toContain('*Thank-yous on time*\n50% (1 of 2)');
  });

  it('stays inside 100 blocks with 1,000 contacts, 1,000 conversations and very long text', () => {
    const contacts = Array.from({ length: 1000 }, (_, i) =>
      contact(i, {
        name: i % 10 === 0 ? LONG : `Person ${i}`,
        stage: STAGES[i % STAGES.length] as Stage,
        referredById: i > 0 && i % 3 === 0 ? `c${i - 1}` : null,
      }),
    );
    const conversations = Array.from({ length: 1000 }, (_, i) =>
      held(i, `c${i}`, new Date(NOW.getTime() - (i % 48) * HOUR), { action: LONG }),
    );
    const view = buildHomeView(snapshot(contacts, conversations), NOW);
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleText(view.blocks)).toMatch(/and \d+ more/);
    const dueRows = view.blocks.filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
    expect(dueRows).toHaveLength(HOME_LIMITS.due);
  });

  it('is welcoming when there is nothing yet', () => {
    const view = buildHomeView(emptySnapshot(), NOW);
    expect(validateView(view)).toEqual([]);
    expect(visibleText(view.blocks)).toContain('Nothing due right now');
  });
});
