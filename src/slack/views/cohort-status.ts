// `/coach cohort status` (a facilitator sees each student who shares, quiet students and everyone's
// totals; a student sees only their own week and the totals), the facilitator's part of the App Home,
// and the answer outside a cohort's channel. Pure builders; students appear only as Slack mentions,
// and only those the service put in a list (never a student who keeps their progress private).
import type { KnownBlock } from '@slack/types';
import {
  type CohortTotals,
  figureParts,
  type GoalProgress,
  goalLine,
  type Sharing,
  type StudentFigures,
} from '../../coaching/cohort-digest';
import { plural } from '../../coaching/text';
import type { CohortStatus, CohortSummary, FacilitatedCohort } from '../../services/cohort-digests';
import { cohortTime, type EphemeralReply, mention, quietWords } from './cohort-digest';
import { context, divider, esc, header, LIMITS, messageText, packLines, section } from './kit';

export const COHORT_HOME_BLOCK_ID = 'home_facilitating';

/** Students listed one a line at most in a facilitator's status; the rest are counted. */
const MAX_LISTED = 60;

function channel(id: string): string {
  return `<#${id}>`;
}

/** Outside a cohort's channel (a DM, or a channel nobody set up): how to get one. */
export function buildNotACohortChannel(action: string): EphemeralReply {
  return {
    response_type: 'ephemeral',
    text:
      `\`/coach cohort ${action}\` works only in a cohort's channel, so type it there. ` +
      'To start a cohort, type `/coach cohort setup` in the channel you want it in.',
  };
}

function totalsLine(t: CohortTotals): string {
  return figureParts(t).join(' · ');
}

function goalText(goal: GoalProgress): string {
  const line = goalLine(goal);
  return line ? `\n:dart: ${line}.` : '';
}

function standingLine(f: StudentFigures): string {
  return figureParts(f).join(' · ');
}

const SHARING_WORDS: Record<Sharing, string> = {
  named: 'your counts go to the facilitators, and the weekly digest may name you in its shout-outs',
  counts: 'your counts go to the facilitators; the channel never sees your name',
  none: "only the cohort's anonymous totals",
};

function since(status: { soFar: { window: { start: Date } }; cohort: CohortSummary }): string {
  return `Since the last digest, ${cohortTime(status.soFar.window.start, status.cohort.tz)} (${esc(status.cohort.tz)}). Only you can see this.`;
}

/** A facilitator's or a student's private view of the cohort's week so far. */
export function buildCohortStatus(status: Exclude<CohortStatus, { kind: 'no_cohort' }>): EphemeralReply {
  const { cohort, totals } = status;
  const everyone = `*Everyone (${plural(totals.students, 'student', 'students')})*\n${totalsLine(totals)}${goalText(status.goal)}`;

  if (status.kind === 'facilitator') {
    // With only one or two students keeping their progress private, the totals shown are the sharers':
    // everyone's, next to each sharer's figures, would give away theirs.
    const totalsBlock =
      status.totalsCover === 'everyone'
        ? everyone
        : `*Students who share (${plural(totals.students, 'student', 'students')})*\n${totalsLine(totals)}${goalText(status.goal)}`;
    const blocks: KnownBlock[] = [
      header(`${cohort.name}: the week so far`),
      context(since(status)),
      section(totalsBlock),
    ];
    if (status.students.length > 0) {
      const lines = status.students.map((s) => {
        const flags = [
          s.metGoal ? ':white_check_mark: goal met' : '',
          s.stalled ? '_quiet for 14+ days_' : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return `• ${mention(s.slackUserId)}: ${standingLine(s.figures)}${flags ? ` · ${flags}` : ''}`;
      });
      const shown = lines.slice(0, MAX_LISTED);
      const more = lines.length - shown.length;
      const packed = packLines(
        [`*Students who share their progress with you (${status.students.length})*`, ...shown],
        20,
      );
      blocks.push(...packed.blocks);
      if (more + packed.omitted > 0) blocks.push(context(`…and ${more + packed.omitted} more.`));
    } else {
      blocks.push(section('*Students who share their progress with you*\nNobody yet.'));
    }
    if (status.stalled.length > 0) {
      const quiet = status.stalled
        .slice(0, MAX_LISTED)
        .map((s) => `• ${mention(s.slackUserId)}: ${quietWords(s)}`);
      const packed = packLines([`*Quiet for 14 days or more (${status.stalled.length})*`, ...quiet], 10);
      blocks.push(...packed.blocks);
    } else {
      blocks.push(section('*Quiet for 14 days or more*\nNobody. :tada:'));
    }
    if (status.privateStudents > 0) {
      blocks.push(
        context(
          status.totalsCover === 'everyone'
            ? `${plural(status.privateStudents, 'student keeps', 'students keep')} their progress private: counted in the totals only.`
            : `${plural(status.privateStudents, 'student keeps', 'students keep')} their progress private, so they are left out here; the channel's digest counts them in the cohort's totals.`,
        ),
      );
    }
    blocks.push(
      context(
        `The digest posts here ${cohort.schedule}; quiet students come to you in a DM then, each with a *Nudge kindly* button. Preview the digest: \`/coach cohort digest\`.`,
      ),
    );
    return {
      response_type: 'ephemeral',
      text: messageText(`${cohort.name}, the week so far: ${totalsLine(totals)}.`),
      blocks: blocks.slice(0, LIMITS.messageBlocks),
    };
  }

  const title = status.kind === 'student' ? 'your week so far' : 'the week so far';
  const blocks: KnownBlock[] = [header(`${cohort.name}: ${title}`), context(since(status))];
  if (status.kind === 'student') {
    const { me } = status;
    const goal = status.goal.weeklyGoal;
    const goalNote =
      goal <= 0
        ? ''
        : me.metGoal
          ? `\n:tada: You met the weekly goal of ${plural(goal, 'conversation', 'conversations')}.`
          : `\n:dart: The weekly goal is ${plural(goal, 'conversation', 'conversations')}; you're at ${me.figures.conversationsHeld}.`;
    blocks.push(section(`*You*\n${standingLine(me.figures)}${goalNote}`));
    blocks.push(section(everyone));
    blocks.push(
      context(
        `What the cohort sees of you: ${SHARING_WORDS[me.sharing]}. Change it: \`/coach cohort sharing\`.`,
      ),
    );
  } else {
    blocks.push(section(`You're not in *${esc(cohort.name)}* yet, so here is everyone's week.`));
    blocks.push(section(everyone));
  }
  blocks.push(context('Next step: `/coach ask` drafts a short ask to someone on your list.'));
  return {
    response_type: 'ephemeral',
    text: messageText(`${cohort.name}, ${title}.`),
    blocks,
  };
}

/** The facilitator's part of the App Home: each cohort they run, its week so far. */
export function facilitatorHomeBlocks(cohorts: readonly FacilitatedCohort[]): KnownBlock[] {
  if (cohorts.length === 0) return [];
  const blocks: KnownBlock[] = [
    divider(),
    section('*Cohorts you facilitate*', { block_id: COHORT_HOME_BLOCK_ID }),
  ];
  for (const c of cohorts) {
    const goal = goalLine(c.goal);
    const quiet =
      c.stalled > 0 ? `${plural(c.stalled, 'student', 'students')} quiet for 14+ days` : 'nobody quiet';
    blocks.push(
      section(
        `*${esc(c.cohort.name)}* · ${channel(c.cohort.channelId)}\n` +
          `Since ${cohortTime(c.soFar.window.start, c.cohort.tz)}: ${totalsLine(c.totals)}\n` +
          `${goal ? `${goal} · ` : ''}${quiet}`,
      ),
    );
  }
  blocks.push(
    context(
      "In a cohort's channel: `/coach cohort status` for each student who shares, `/coach cohort digest` to preview the weekly digest.",
    ),
  );
  return blocks;
}
