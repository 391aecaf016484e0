// `/coach skills` (the development plan: gap → learning → done, with where each came from) and
// `/coach keywords` (the field's vocabulary, for the resume). Both fit one message for any amount.
import type { KnownBlock } from '@slack/types';
import { type DevelopmentPlanGroup, skillActionLabel } from '../../coaching/skills';
import { plural } from '../../coaching/text';
import type { KeywordEntry } from '../../services/skills';
import type { Message } from '../surfaces';
import { button, clip, context, divider, esc, header, LIMITS, packLines, section } from './kit';

export const SKILLS_ACTIONS = {
  /** Value: the skill id. Moves it one step on. */
  advance: 'after_chat.skill_advance',
} as const;

/** Skills with their own line and button in each group; the rest are named in one line. */
export const SKILLS_PER_GROUP = 12;
/** Sections of keyword lines in one message (about 2,900 characters each). */
const KEYWORD_SECTIONS = 12;

const GROUP_EMOJI: Record<string, string> = {
  gap: ':seedling:',
  learning: ':books:',
  done: ':white_check_mark:',
};

export function buildSkillsMessage(plan: readonly DevelopmentPlanGroup[]): Message {
  const total = plan.reduce((sum, g) => sum + g.items.length, 0);
  if (total === 0) {
    const text =
      'Your development plan is empty. When a conversation shows a skill you are missing, add it under “Skills I’m missing” in `/coach log` and it lands here.';
    return { text, blocks: [header('Your development plan'), section(text)] };
  }
  const blocks: KnownBlock[] = [
    header('Your development plan'),
    context('Skills your conversations showed you need. Move each one on as you work on it.'),
  ];
  for (const group of plan) {
    blocks.push(
      divider(),
      section(`${GROUP_EMOJI[group.status] ?? ''} *${group.label}* (${group.items.length})`),
    );
    if (group.items.length === 0) {
      blocks.push(context(group.status === 'learning' ? 'Pick one skill to start on.' : 'None yet.'));
      continue;
    }
    for (const item of group.items.slice(0, SKILLS_PER_GROUP)) {
      blocks.push(
        section(`*${esc(item.skill.name)}*${item.source ? ` — ${esc(item.source)}` : ''}`, {
          block_id: `skill|${item.skill.id}`,
          accessory: button(skillActionLabel(item.skill.status), SKILLS_ACTIONS.advance, item.skill.id),
        }),
      );
    }
    const rest = group.items.slice(SKILLS_PER_GROUP);
    if (rest.length > 0) {
      blocks.push(
        context(clip(`…and ${rest.length} more: ${rest.map((i) => esc(i.skill.name)).join(', ')}`, 2000)),
      );
    }
  }
  const [gap, learning, done] = plan.map((g) => g.items.length);
  return {
    text: `Your development plan: ${gap ?? 0} to build, ${learning ?? 0} learning, ${done ?? 0} done.`,
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

export function skillNotFoundText(): string {
  return "I couldn't find that skill any more. `/coach skills` shows your plan as it is now.";
}

export function buildKeywordsMessage(keywords: readonly KeywordEntry[]): Message {
  if (keywords.length === 0) {
    const text =
      'No words collected yet. When you log a conversation, note the words they used under “Words of the field” — they make strong resume keywords.';
    return { text, blocks: [header('Words of your field'), section(text)] };
  }
  const lines = keywords.map((k) => `• *${esc(k.term)}*${k.from ? ` — from ${esc(k.from)}` : ''}`);
  const packed = packLines(lines, KEYWORD_SECTIONS);
  const blocks: KnownBlock[] = [
    header('Words of your field'),
    context(
      `${plural(keywords.length, 'word', 'words')} from your conversations. Use the ones that fit your experience in your resume and profile.`,
    ),
    section(`*All together, ready to copy:*\n${esc(keywords.map((k) => k.term).join(', '))}`),
    divider(),
    ...packed.blocks,
    ...(packed.omitted > 0 ? [context(`…and ${packed.omitted} more — \`/coach export\` has them all.`)] : []),
  ];
  return { text: `${keywords.length} words of your field.`, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}
