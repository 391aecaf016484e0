import { describe, expect, it } from 'vitest';
import {
  developmentPlan,
  isResourceUrl,
  nextSkillStatus,
  skillActionLabel,
  skillMentionsLine,
  skillSource,
  skillStatusLabel,
  skillTargetLabel,
} from '../../src/coaching/skills';
import { SKILL_STATUSES } from '../../src/coaching/types';
import { contact, conversation, daysAfter, skill, T0 } from '../support/coaching-fixtures';

const jane = contact({ id: 'jane', name: 'Jane Doe' });
const chat = conversation({ id: 'conv1', contactId: 'jane', heldAt: T0 });
const orphanChat = conversation({ id: 'conv2', contactId: 'gone', heldAt: daysAfter(T0, 2) });
const booked = conversation({ id: 'conv3', contactId: 'jane', scheduledAt: daysAfter(T0, 7) });
const conversations = new Map([chat, orphanChat, booked].map((c) => [c.id, c]));
const contacts = new Map([[jane.id, jane]]);

describe('developmentPlan', () => {
  const skills = [
    skill({
      id: 's1',
      name: 'SQL',
      status: 'gap',
      sourceConversationId: 'conv1',
      createdAt: daysAfter(T0, 2),
    }),
    skill({ id: 's2', name: 'Figma', status: 'gap', createdAt: daysAfter(T0, 1) }),
    skill({ id: 's3', name: 'Interviewing', status: 'learning', sourceConversationId: 'conv2' }),
    skill({ id: 's4', name: 'Surveys', status: 'done', sourceConversationId: 'missing' }),
  ];

  it('groups skills into to build, learning now and done, the most often named first, then the oldest', () => {
    const plan = developmentPlan(skills, conversations, contacts);
    expect(plan.map((g) => [g.status, g.label, g.items.map((i) => i.skill.name)])).toEqual([
      ['gap', 'To build', ['SQL', 'Figma']],
      ['learning', 'Learning now', ['Interviewing']],
      ['done', 'Done', ['Surveys']],
    ]);
  });

  it('says where each skill came from', () => {
    const plan = developmentPlan(skills, conversations, contacts);
    const sources = plan.flatMap((g) => g.items.map((i) => [i.skill.name, i.source]));
    expect(sources).toEqual([
      ['SQL', 'from a chat with Jane (Mar 3)'],
      ['Figma', null],
      ['Interviewing', 'from a chat on Mar 5'],
      ['Surveys', null],
    ]);
  });

  it('accepts plain objects as lookups', () => {
    const plan = developmentPlan(skills.slice(0, 1), { conv1: chat }, { jane });
    expect(plan[0]?.items[0]?.source).toBe('from a chat with Jane (Mar 3)');
  });

  it('keeps empty groups so the layout stays stable', () => {
    expect(developmentPlan([], conversations, contacts).map((g) => g.items.length)).toEqual([0, 0, 0]);
  });

  it('dates the source in the member’s timezone', () => {
    const lateChat = conversation({ id: 'c', contactId: 'jane', heldAt: new Date('2025-03-03T23:30:00Z') });
    const s = skill({ id: 's', name: 'SQL', sourceConversationId: 'c' });
    expect(skillSource(s, { c: lateChat }, { jane }, 'UTC')).toBe('from a chat with Jane (Mar 3)');
    expect(skillSource(s, { c: lateChat }, { jane }, 'Asia/Tokyo')).toBe('from a chat with Jane (Mar 4)');
  });

  it('uses the booked time for a chat not yet held', () => {
    const s = skill({ id: 's', name: 'SQL', sourceConversationId: 'conv3' });
    expect(skillSource(s, conversations, contacts)).toBe('from a chat with Jane (Mar 10)');
  });

  it('does not treat inherited object keys as ids', () => {
    const s = skill({ id: 's', name: 'SQL', sourceConversationId: 'toString' });
    expect(skillSource(s, {}, {})).toBeNull();
  });
});

describe('skill status', () => {
  it('moves gap → learning → done → gap', () => {
    expect(nextSkillStatus('gap')).toBe('learning');
    expect(nextSkillStatus('learning')).toBe('done');
    expect(nextSkillStatus('done')).toBe('gap');
  });

  it('has a label and a button text for every status', () => {
    for (const status of SKILL_STATUSES) {
      expect(skillStatusLabel(status).length).toBeGreaterThan(0);
      expect(skillActionLabel(status).length).toBeGreaterThan(0);
    }
    expect(skillActionLabel('gap')).toBe('Start learning');
  });
});

describe('the plan: who named each skill, its resource and date', () => {
  const marcus = contact({ id: 'marcus', name: 'Marcus Bell' });
  const priya = contact({ id: 'priya', name: 'Priya Natarajan' });
  const people = new Map([jane, marcus, priya].map((c) => [c.id, c]));
  const chats = new Map(
    [
      conversation({ id: 'a', contactId: 'jane', heldAt: T0 }),
      conversation({ id: 'b', contactId: 'marcus', heldAt: daysAfter(T0, 3) }),
      conversation({ id: 'c', contactId: 'priya', heldAt: daysAfter(T0, 5) }),
      conversation({ id: 'd', contactId: 'jane', heldAt: daysAfter(T0, 9) }),
      conversation({ id: 'x', contactId: 'priya', scheduledAt: T0, cancelledAt: T0 }),
    ].map((c) => [c.id, c]),
  );

  it('counts the conversations that named a skill and says who, each person once', () => {
    const sql = {
      ...skill({ id: 's', name: 'SQL', sourceConversationId: 'a' }),
      mentionedIn: ['d', 'b', 'c', 'x'],
    };
    const figma = { ...skill({ id: 'f', name: 'Figma' }), mentionedIn: ['b'] };
    const [gap] = developmentPlan([figma, sql], chats, people);
    expect(gap?.items.map((i) => [i.skill.name, i.mentions, i.who])).toEqual([
      ['SQL', 4, ['Jane', 'Marcus', 'Priya']],
      ['Figma', 1, ['Marcus']],
    ]);
    expect(gap?.items.map(skillMentionsLine)).toEqual([
      'named in 4 conversations: Jane, Marcus and Priya',
      'from a chat with Marcus',
    ]);
  });

  it('dates the target, and says when an open skill is past it', () => {
    expect(skillTargetLabel('2025-04-30', 'gap', '2025-04-01')).toBe('by Apr 30');
    expect(skillTargetLabel('2025-04-30', 'learning', '2025-05-02')).toBe('was due Apr 30');
    expect(skillTargetLabel('2025-04-30', 'done', '2025-05-02')).toBe('by Apr 30');
    expect(skillTargetLabel(null, 'gap', '2025-05-02')).toBeNull();
    const planned = {
      ...skill({ id: 'p', name: 'SQL' }),
      resourceUrl: 'https://mode.com/sql',
      targetDate: '2025-04-30',
    };
    const item = developmentPlan([planned], chats, people, { today: '2025-04-01' })[0]?.items[0];
    expect(item).toMatchObject({
      resourceUrl: 'https://mode.com/sql',
      targetLabel: 'by Apr 30',
      mentions: 0,
    });
  });

  it('accepts web links only as resources', () => {
    expect(isResourceUrl('https://www.coursera.org/learn/sql')).toBe(true);
    expect(isResourceUrl('http://example.com')).toBe(true);
    for (const bad of [
      'coursera',
      'javascript:alert(1)',
      'https://localhost',
      'ftp://x.org',
      'https://a b.com',
    ])
      expect(isResourceUrl(bad), bad).toBe(false);
  });
});
