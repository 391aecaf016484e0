// Goals: how many people on the list, and conversations a week. The modal, its reader, and the replies.
import type { KnownBlock, ModalView } from '@slack/types';
import {
  type GoalProgress,
  goalRangeNote,
  listProgressLine,
  TARGET_GOAL,
  WEEKLY_GOAL,
  weekProgressLine,
} from '../../coaching/goals';
import { OPEN } from './action-ids';
import { readForm, type StateValues, wholeNumber } from './form';
import type { EphemeralMessage } from './help';
import { actions, button, context, modal, noticeModal, section, textInput } from './kit';

export const GOAL_CALLBACK_ID = 'goal_settings';

export const GOAL_BLOCKS = {
  targets: { blockId: 'goal_targets', actionId: 'value' },
  weekly: { blockId: 'goal_weekly', actionId: 'value' },
} as const;

export function buildGoalModal(progress: GoalProgress): ModalView {
  return modal({
    callbackId: GOAL_CALLBACK_ID,
    title: 'Your goals',
    submit: 'Save',
    blocks: [
      section(
        `Aim for ${TARGET_GOAL.suggestedMin}–${TARGET_GOAL.suggestedMax} people one or two steps ahead of you, and a steady pace of conversations.`,
      ),
      textInput(GOAL_BLOCKS.targets.blockId, GOAL_BLOCKS.targets.actionId, 'People on your list', {
        initial: String(progress.targetGoal),
        maxLength: 2,
        hint: `${listProgressLine(progress.have, progress.targetGoal)} now.`,
      }),
      textInput(GOAL_BLOCKS.weekly.blockId, GOAL_BLOCKS.weekly.actionId, 'Conversations a week', {
        initial: String(progress.weeklyGoal),
        maxLength: 2,
        hint: `${weekProgressLine(progress.thisWeek, progress.weeklyGoal)}. One or two is a pace you can keep.`,
      }),
    ],
  });
}

export function readGoalForm(values: StateValues) {
  return readForm(values, {
    targetGoal: {
      ...GOAL_BLOCKS.targets,
      schema: wholeNumber(
        TARGET_GOAL.min,
        TARGET_GOAL.max,
        `Pick ${TARGET_GOAL.min} to ${TARGET_GOAL.max} people; ${TARGET_GOAL.suggestedMin}–${TARGET_GOAL.suggestedMax} works well.`,
      ),
    },
    weeklyConversationGoal: {
      ...GOAL_BLOCKS.weekly,
      schema: wholeNumber(
        WEEKLY_GOAL.min,
        WEEKLY_GOAL.max,
        `Pick ${WEEKLY_GOAL.min} to ${WEEKLY_GOAL.max} conversations a week.`,
      ),
    },
  });
}

function progressBlocks(progress: GoalProgress): KnownBlock[] {
  const toGo = progress.targetGoal - progress.have;
  return [
    section(
      `:dart: *Goals saved.* ${listProgressLine(progress.have, progress.targetGoal)}` +
        (toGo > 0 ? ` — ${toGo} to go.` : '.') +
        `\n:calendar: ${weekProgressLine(progress.thisWeek, progress.weeklyGoal)}.`,
    ),
    ...[goalRangeNote(progress.targetGoal)].flatMap((note) => (note ? [context(`:seedling: ${note}`)] : [])),
  ];
}

/** After saving: add someone while the list is short of the goal, and the list itself. */
function goalNextSteps(short: boolean): KnownBlock {
  return actions('goal_next', [
    button('Add someone', OPEN.addTarget, '', short ? 'primary' : undefined),
    button('See my list', OPEN.people, ''),
  ]);
}

/** The modal after saving: where the member stands now. */
export function buildGoalSavedModal(progress: GoalProgress): ModalView {
  const toGo = progress.targetGoal - progress.have;
  return noticeModal('Your goals', [...progressBlocks(progress), goalNextSteps(toGo > 0)], {
    callbackId: `${GOAL_CALLBACK_ID}_saved`,
    close: 'Done',
  });
}

/** The reply to `/coach goal 8`. */
export function buildGoalSetMessage(progress: GoalProgress): EphemeralMessage {
  const toGo = progress.targetGoal - progress.have;
  return {
    response_type: 'ephemeral',
    text: `Goal saved: ${listProgressLine(progress.have, progress.targetGoal)}.`,
    blocks: [
      ...progressBlocks(progress),
      goalNextSteps(toGo > 0),
      context('Change the weekly pace with `/coach goal` (no number).'),
    ],
  };
}

export function buildGoalErrorMessage(message: string): EphemeralMessage {
  return { response_type: 'ephemeral', text: message };
}
