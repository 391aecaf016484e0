// Builders for plain coaching data in tests: sensible defaults, override what the test is about.
import { DateTime } from 'luxon';
import type {
  AskData,
  ContactData,
  ConversationData,
  KeywordData,
  MemberPrefs,
  MemberSnapshot,
  SkillData,
} from '../../src/coaching/types';

export const T0 = new Date('2025-03-03T09:00:00Z'); // a Monday

/** A wall-clock time in a zone, e.g. at('2026-03-10T09:00', 'America/New_York'). */
export function at(local: string, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local} ${zone}`);
  return dt.toJSDate();
}

/** A UTC time, with or without its trailing Z. */
export function utc(iso: string): Date {
  return new Date(iso.endsWith('Z') ? iso : `${iso}Z`);
}

export function hoursAfter(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}

export function daysAfter(date: Date, days: number): Date {
  return hoursAfter(date, days * 24);
}

export function contact(overrides: Partial<ContactData> & { id: string }): ContactData {
  return {
    name: `Person ${overrides.id}`,
    role: null,
    company: null,
    industry: null,
    why: null,
    link: null,
    stage: 'target',
    stageAt: T0,
    referredById: null,
    lastTouchAt: null,
    createdAt: T0,
    ...overrides,
  };
}

export function ask(overrides: Partial<AskData> & { id: string; contactId: string }): AskData {
  return {
    text: 'Hi',
    channel: 'linkedin',
    minutes: 20,
    variant: 0,
    createdAt: T0,
    sentAt: null,
    repliedAt: null,
    followedUpAt: null,
    ...overrides,
  };
}

export function conversation(
  overrides: Partial<ConversationData> & { id: string; contactId: string },
): ConversationData {
  return {
    scheduledAt: null,
    heldAt: null,
    minutesRequested: 20,
    format: 'video',
    notes: null,
    insights: null,
    action: null,
    thankYouSentAt: null,
    loopClosedAt: null,
    cancelledAt: null,
    createdAt: T0,
    ...overrides,
  };
}

export function skill(overrides: Partial<SkillData> & { id: string; name: string }): SkillData {
  return { status: 'gap', sourceConversationId: null, createdAt: T0, ...overrides };
}

export function keyword(overrides: Partial<KeywordData> & { id: string; term: string }): KeywordData {
  return { sourceConversationId: null, createdAt: T0, ...overrides };
}

export function prefs(overrides: Partial<MemberPrefs> = {}): MemberPrefs {
  return {
    tz: 'UTC',
    workdayStartMinute: 540,
    workdayEndMinute: 1050,
    workDays: [1, 2, 3, 4, 5],
    kindsOff: [],
    pausedUntil: null,
    targetGoal: 8,
    weeklyConversationGoal: 2,
    about: 'moving from teaching to UX research',
    name: null,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<MemberSnapshot> = {}): MemberSnapshot {
  return {
    prefs: prefs(),
    contacts: [],
    asks: [],
    conversations: [],
    skills: [],
    keywords: [],
    ...overrides,
  };
}
