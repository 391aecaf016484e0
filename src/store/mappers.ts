// Database rows → the plain data the coaching logic works on.
import type {
  AskChannel,
  AskData,
  ContactData,
  ConversationData,
  Format,
  KeywordData,
  MemberPrefs,
  SkillData,
  SkillStatus,
  Stage,
  SuggestionData,
} from '../coaching/types';
import type {
  Ask,
  Contact,
  ContactSuggestion,
  Conversation,
  Keyword,
  Member,
  Skill,
} from '../db/generated/sqlite/client';
import { parseKindsOff, parseWorkDays } from './members';

export function toContact(row: Contact): ContactData {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    company: row.company,
    industry: row.industry,
    why: row.why,
    link: row.link,
    stage: row.stage as Stage,
    stageAt: row.stageAt,
    referredById: row.referredById,
    lastTouchAt: row.lastTouchAt,
    createdAt: row.createdAt,
  };
}

export function toAsk(row: Ask): AskData {
  return {
    id: row.id,
    contactId: row.contactId,
    text: row.text,
    channel: row.channel as AskChannel,
    minutes: row.minutes,
    variant: row.variant,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    repliedAt: row.repliedAt,
    followedUpAt: row.followedUpAt,
  };
}

export function toConversation(row: Conversation): ConversationData {
  return {
    id: row.id,
    contactId: row.contactId,
    scheduledAt: row.scheduledAt,
    heldAt: row.heldAt,
    minutesRequested: row.minutesRequested,
    format: row.format as Format,
    notes: row.notes,
    insights: row.insights,
    action: row.action,
    thankYouSentAt: row.thankYouSentAt,
    loopClosedAt: row.loopClosedAt,
    cancelledAt: row.cancelledAt,
    createdAt: row.createdAt,
  };
}

export function toSkill(row: Skill): SkillData {
  return {
    id: row.id,
    name: row.name,
    status: row.status as SkillStatus,
    sourceConversationId: row.sourceConversationId,
    createdAt: row.createdAt,
  };
}

export function toKeyword(row: Keyword): KeywordData {
  return {
    id: row.id,
    term: row.term,
    sourceConversationId: row.sourceConversationId,
    createdAt: row.createdAt,
  };
}

export function toSuggestion(row: ContactSuggestion): SuggestionData {
  return {
    contactId: row.contactId,
    suggestedById: row.suggestedById,
    conversationId: row.conversationId,
    createdAt: row.createdAt,
  };
}

export function toPrefs(member: Member): MemberPrefs {
  return {
    tz: member.tzOverride ?? member.slackTz ?? 'UTC',
    workdayStartMinute: member.workdayStartMinute,
    workdayEndMinute: member.workdayEndMinute,
    workDays: parseWorkDays(member.workDays),
    kindsOff: parseKindsOff(member.nudgeKindsOff),
    pausedUntil: member.pausedUntil,
    targetGoal: member.targetGoal,
    weeklyConversationGoal: member.weeklyConversationGoal,
    about: member.about,
    name: member.slackName,
  };
}
