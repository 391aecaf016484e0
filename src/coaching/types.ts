// Plain data the coaching logic works on. The store maps database rows to these shapes; nothing in
// src/coaching imports Slack or Prisma.

export const STAGES = ['target', 'asked', 'scheduled', 'met', 'thanked', 'declined', 'archived'] as const;
export type Stage = (typeof STAGES)[number];

export const ASK_CHANNELS = ['linkedin', 'email', 'slack', 'other'] as const;
export type AskChannel = (typeof ASK_CHANNELS)[number];

export const FORMATS = ['coffee', 'phone', 'video'] as const;
export type Format = (typeof FORMATS)[number];

export const SKILL_STATUSES = ['gap', 'learning', 'done'] as const;
export type SkillStatus = (typeof SKILL_STATUSES)[number];

export const NUDGE_KINDS = [
  'thank_you',
  'referral',
  'follow_up',
  'prep',
  'wrap_up',
  'debrief',
  'close_loop',
  'keep_in_touch',
  'weekly_summary',
] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

export interface ContactData {
  id: string;
  name: string;
  role: string | null;
  company: string | null;
  industry: string | null;
  why: string | null;
  link: string | null;
  stage: Stage;
  stageAt: Date;
  referredById: string | null;
  lastTouchAt: Date | null;
  createdAt: Date;
}

export interface AskData {
  id: string;
  contactId: string;
  text: string;
  channel: AskChannel;
  minutes: number;
  variant: number;
  createdAt: Date;
  sentAt: Date | null;
  repliedAt: Date | null;
  followedUpAt: Date | null;
}

export interface ConversationData {
  id: string;
  contactId: string;
  scheduledAt: Date | null;
  heldAt: Date | null;
  minutesRequested: number;
  format: Format;
  notes: string | null;
  insights: string | null;
  action: string | null;
  thankYouSentAt: Date | null;
  loopClosedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
}

export interface SkillData {
  id: string;
  name: string;
  status: SkillStatus;
  sourceConversationId: string | null;
  createdAt: Date;
}

export interface KeywordData {
  id: string;
  term: string;
  sourceConversationId: string | null;
  createdAt: Date;
}

/**
 * Someone already on the list whom another contact also suggested (the first introducer stays on the
 * contact as `referredById`).
 */
export interface SuggestionData {
  contactId: string;
  suggestedById: string;
  /** The logged conversation the name came up in. */
  conversationId: string | null;
  createdAt: Date;
}

/** A member's coaching preferences, as the nudge rules and summaries need them. */
export interface MemberPrefs {
  /** IANA zone: the override if set, else Slack's, else UTC. */
  tz: string;
  /** Minutes after local midnight. */
  workdayStartMinute: number;
  workdayEndMinute: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workDays: number[];
  kindsOff: NudgeKind[];
  pausedUntil: Date | null;
  targetGoal: number;
  weeklyConversationGoal: number;
  about: string | null;
  /** The member's name as Slack shows it, when known: drafts are signed with it. */
  name: string | null;
}

/** Everything one member has, for whole-picture computations (home, summaries, nudge planning). */
export interface MemberSnapshot {
  prefs: MemberPrefs;
  contacts: ContactData[];
  asks: AskData[];
  conversations: ConversationData[];
  skills: SkillData[];
  keywords: KeywordData[];
  /** Later introducers of people already on the list, oldest first (both snapshot readers fill it). */
  suggestions?: SuggestionData[];
}
