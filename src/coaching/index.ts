// The coaching logic the Slack layer calls: pure functions over plain data.
export * from './ask';
export * from './ask-checker';
export * from './chain';
export * from './export';
export * from './help';
export * from './names';
export * from './pipeline';
export * from './questions';
export * from './referrals';
export * from './skills';
export * from './summary';
export * from './thanks';
export type * from './types';
export { ASK_CHANNELS, FORMATS, NUDGE_KINDS, SKILL_STATUSES, STAGES } from './types';
