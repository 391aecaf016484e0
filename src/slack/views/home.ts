// The App Home dashboard: goals, what is due now, the pipeline and recent conversations. Stays inside
// Slack's 100-block limit for any amount of data (every list is capped and summarised).
import type { Button, HomeView, KnownBlock } from '@slack/types';
import { pipelineCounts } from '../../coaching/counts';
import { type DueItem, dueNow, goalProgress, pipelineByStage } from '../../coaching/pipeline';
import { plural } from '../../coaching/text';
import { formatWhen } from '../../coaching/time';
import type { ConversationData, MemberSnapshot } from '../../coaching/types';
import type { FacilitatedCohort } from '../../services/cohort-digests';
import type { SharingPicture } from '../../services/cohorts';
import { OPEN } from './action-ids';
import { cohortHomeBlocks } from './cohort-sharing';
import { facilitatorHomeBlocks } from './cohort-status';
import { actions, button, clip, context, divider, esc, header, LIMITS, mrkdwn, section } from './kit';
import { SKILLS_ACTIONS } from './skills';

/** Items of each list shown on the Home tab; the rest are counted. */
export const HOME_LIMITS = { due: 12, recent: 5 } as const;

export const HOME_BLOCK_IDS = {
  actions: 'home_actions',
  /** The development plan, the words of the field and the settings. */
  more: 'home_more',
  goals: 'home_goals',
  due: 'home_due',
  pipeline: 'home_pipeline',
  recent: 'home_recent',
} as const;

const DUE_EMOJI: Record<DueItem['kind'], string> = {
  thank_you: ':envelope:',
  upcoming_chat: ':calendar:',
  log_chat: ':pencil:',
  follow_up: ':leftwards_arrow_with_hook:',
  referral: ':seedling:',
  close_loop: ':sparkles:',
};

/** The button for a "Due now" line (the App Home's and the weekly summary's). */
export function dueButton(item: DueItem): Button {
  switch (item.action) {
    case 'thanks':
      return button('Thank-you draft', OPEN.thanks, item.contactId);
    case 'prep':
      return button('Prepare', OPEN.prep, item.contactId);
    case 'log':
      return button('Log it', OPEN.log, item.contactId);
    case 'ask':
      return button('Draft the ask', OPEN.ask, item.contactId);
    default:
      return button('Open', OPEN.people, item.contactId);
  }
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

function recentLine(c: ConversationData & { heldAt: Date }, name: string, tz: string, now: Date): string {
  const action = c.action ? ` · acting on: _${esc(clip(c.action, 120))}_` : '';
  const thanked = c.thankYouSentAt ? ' :pray:' : '';
  return `:coffee: *${esc(clip(name, 80))}* · ${formatWhen(c.heldAt, tz, now)}${thanked}${action}`;
}

export function buildHomeView(
  snapshot: MemberSnapshot,
  now: Date,
  /** The member's cohorts ("Your cohort"); none shown when they are in none. */
  cohort: SharingPicture | null = null,
  /** The cohorts the member facilitates ("Cohorts you facilitate"); none shown for most members. */
  facilitating: readonly FacilitatedCohort[] = [],
): HomeView {
  const tz = snapshot.prefs.tz;
  const progress = goalProgress(snapshot, now);
  const due = dueNow(snapshot, now);
  const stages = pipelineByStage(snapshot, now).filter((s) => s.stage !== 'archived');
  const names = new Map(snapshot.contacts.map((c) => [c.id, c.name]));
  const recent = snapshot.conversations
    .filter((c): c is ConversationData & { heldAt: Date } => c.heldAt !== null && !c.cancelledAt)
    .sort((a, b) => b.heldAt.getTime() - a.heldAt.getTime());

  const week = progress.conversationsThisWeek;
  const thanks = progress.onTimeThankYou;
  const blocks: KnownBlock[] = [
    header('Your networking coach'),
    actions(HOME_BLOCK_IDS.actions, [
      button('Log a conversation', OPEN.log, '', 'primary'),
      button('Draft an ask', OPEN.ask, ''),
      button('Prepare questions', OPEN.prep, ''),
      button('Add a target', OPEN.addTarget, ''),
      button('Your people', OPEN.people, ''),
    ]),
    actions(HOME_BLOCK_IDS.more, [
      button('Development plan', SKILLS_ACTIONS.open, ''),
      button('Words of your field', SKILLS_ACTIONS.keywords, ''),
      button('Settings', OPEN.settings, ''),
    ]),
    {
      type: 'section',
      block_id: HOME_BLOCK_IDS.goals,
      fields: [
        mrkdwn(`*People on your list*\n${progress.targets.have} of ${progress.targets.goal}`),
        mrkdwn(
          `*Conversations this week*\n${week.have} of ${week.goal}${week.booked > 0 ? ` (+${week.booked} booked)` : ''}`,
        ),
        mrkdwn(
          `*Thank-yous on time*\n${percent(thanks.rate)}` +
            (thanks.rate === null ? '' : ` (${thanks.onTime} of ${thanks.sent + thanks.missed})`),
        ),
        // The same count as the weekly summary's "Waiting on N replies" (coaching/counts).
        mrkdwn(`*Waiting on replies*\n${pipelineCounts(snapshot).waitingOnReplies}`),
      ],
    },
    divider(),
    section('*Due now*', { block_id: HOME_BLOCK_IDS.due }),
  ];

  if (due.length === 0) {
    blocks.push(context('Nothing due right now. A good moment to add someone new or draft an ask.'));
  } else {
    for (const item of due.slice(0, HOME_LIMITS.due)) {
      const late = item.overdue ? ' _(past the 24 hours)_' : '';
      blocks.push(
        section(`${DUE_EMOJI[item.kind]} ${esc(item.label)}${late}`, { accessory: dueButton(item) }),
      );
    }
    if (due.length > HOME_LIMITS.due) {
      blocks.push(
        context(`…and ${due.length - HOME_LIMITS.due} more. \`/coach people\` shows everyone's next step.`),
      );
    }
  }

  blocks.push(
    divider(),
    section(`*Your pipeline*\n${stages.map((s) => `${s.emoji} ${s.label}: *${s.count}*`).join('   ')}`, {
      block_id: HOME_BLOCK_IDS.pipeline,
    }),
    divider(),
    section('*Recent conversations*', { block_id: HOME_BLOCK_IDS.recent }),
  );
  if (recent.length === 0) {
    blocks.push(
      context(
        'None logged yet. After a chat, log it while it is fresh: what you learned and one thing to act on.',
      ),
    );
  } else {
    blocks.push(
      section(
        recent
          .slice(0, HOME_LIMITS.recent)
          .map((c) => recentLine(c, names.get(c.contactId) ?? 'Someone', tz, now))
          .join('\n'),
      ),
    );
    if (recent.length > HOME_LIMITS.recent) {
      blocks.push(context(`${plural(recent.length, 'conversation', 'conversations')} in all.`));
    }
  }
  if (cohort) blocks.push(...cohortHomeBlocks(cohort));
  blocks.push(...facilitatorHomeBlocks(facilitating));
  blocks.push(context('Type `/coach help` anywhere to see everything I can do.'));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
