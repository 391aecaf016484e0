import { describe, expect, it } from 'vitest';
import {
  developmentPlan,
  nextSkillStatus,
  skillActionLabel,
  skillSource,
  skillStatusLabel,
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

  it('groups skills into to build, learning now and done, oldest first', () => {
    const plan = developmentPlan(skills, conversations, contacts);
    expect(plan.map((g) => [g.status, g.label, g.items.map((i) => i.skill.name)])).toEqual([
      ['gap', 'To build', ['Figma', 'SQL']],
      ['learning', 'Learning now', ['Interviewing']],
      ['done', 'Done', ['Surveys']],
    ]);
  });

  it('says where each skill came from', () => {
    const plan = developmentPlan(skills, conversations, contacts);
    const sources = plan.flatMap((g) => g.items.map((i) => [i.skill.name, i.source]));
    expect(sources).toEqual([
      ['Figma', null],
      ['SQL', 'from a chat with Jane (Mar 3)'],
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
