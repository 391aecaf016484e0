// One sweep = plan + deliver, as of `now`. A plain function: the scheduler, `coach worker`,
// `coach sweep --now …` and the tests all call it the same way.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client';
import type { Log } from '../log';
import {
  DEFAULT_BUDGET_MS,
  type DeliverOptions,
  type DeliverReport,
  type NudgeReportItem,
  runDeliver,
  stoppedByBudget,
} from './deliver';
import { type PlanOptions, type PlanReport, runPlan } from './plan';
import { type SlackForWorkspace, slackResolver } from './slack';

export interface SweepArgs {
  now: Date;
  db: Db;
  /** The delivery client (see createDeliveryClient), or a lookup by workspace id. */
  slack: WebClient | SlackForWorkspace;
  log: Log;
  /** Report what would be created and sent, change nothing, call no Slack method. */
  dryRun?: boolean;
  plan?: PlanOptions;
  deliver?: DeliverOptions;
}

export interface SweepReport extends DeliverReport {
  now: Date;
  dryRun: boolean;
  planned: PlanReport;
}

export async function runSweep(args: SweepArgs): Promise<SweepReport> {
  const slack = slackResolver(args.slack);
  const deps = { now: args.now, db: args.db, slack, log: args.log, dryRun: args.dryRun ?? false };
  // Delivery's moving clock starts with the sweep, not after planning: the pace it shares with other
  // workers through the database (slots, Retry-After blocks) must be on one clock.
  const started = performance.now();
  const clock = () => new Date(args.now.getTime() + (performance.now() - started));
  // Nudges already due go out while the rolling pass plans (over its 200 members that takes seconds, in
  // which no message would go out); what the pass makes due goes out after it, in what is left of the
  // budget.
  const planning = runPlan(deps, args.plan);
  let delivered: DeliverReport;
  let planned: PlanReport;
  try {
    delivered = await runDeliver(deps, { clock, ...args.deliver });
  } finally {
    planned = await planning;
  }
  const budgetMs = args.deliver?.budgetMs ?? DEFAULT_BUDGET_MS;
  const left = budgetMs - (performance.now() - started);
  if (planned.created > 0 && !stoppedByBudget(delivered) && left > 0) {
    delivered = mergeReports(delivered, await runDeliver(deps, { clock, ...args.deliver, budgetMs: left }));
  }
  if (args.dryRun) {
    for (const p of planned.wouldCreateDue) {
      delivered.wouldSend.push({
        nudgeId: '(new)',
        kind: p.kind,
        workspaceId: p.workspaceId,
        memberId: p.memberId,
        slackUserId: p.slackUserId,
        dueAt: p.dueAt,
      });
    }
  }
  const report: SweepReport = { ...delivered, now: args.now, dryRun: deps.dryRun, planned };
  const counts = {
    members: planned.members,
    created: planned.created,
    sent: report.sent.length,
    wouldSend: report.wouldSend.length,
    cancelled: report.cancelled.length + planned.cancelled,
    deferred: report.deferred.length + planned.postponed,
    retrying: report.retrying.length,
    failed: report.failed.length,
  };
  const busy = Object.entries(counts).some(([k, v]) => k !== 'members' && v > 0);
  if (busy) args.log.info({ at: args.now.toISOString(), dryRun: deps.dryRun, ...counts }, 'nudge sweep');
  else args.log.debug({ at: args.now.toISOString(), ...counts }, 'nudge sweep: nothing to do');
  return report;
}

function line(verb: string, n: NudgeReportItem): string {
  const who = `${n.workspaceId}/${n.slackUserId ?? n.memberId}`;
  return `${verb.padEnd(10)} ${n.kind.padEnd(14)} ${who.padEnd(24)} due ${n.dueAt.toISOString()}${n.error ? `  (${n.error})` : ''}`;
}

/** One line per nudge: what happened, kind, member and due time. Never the nudge's text. */
export function formatSweepReport(report: SweepReport): string[] {
  const lines: string[] = [];
  if (report.dryRun) {
    for (const n of report.wouldSend) lines.push(line('would send', n));
    for (const n of report.cancelled) lines.push(line('would drop', n));
    for (const n of report.deferred) lines.push(line('later', n));
  } else {
    for (const n of report.sent) lines.push(line('sent', n));
    for (const n of report.retrying) lines.push(line('retry', n));
    for (const n of report.failed) lines.push(line('failed', n));
    for (const n of report.cancelled) lines.push(line('cancelled', n));
    for (const n of report.deferred) lines.push(line('later', n));
  }
  const summary = report.dryRun
    ? `Dry run as of ${report.now.toISOString()}: ${report.wouldSend.length} nudge(s) would be sent; nothing was changed.`
    : `Sweep as of ${report.now.toISOString()}: ${report.sent.length} sent, ${report.retrying.length} to retry, ` +
      `${report.failed.length} failed, ${report.cancelled.length + report.planned.cancelled} cancelled, ` +
      `${report.planned.created} planned.`;
  return [...lines, summary];
}

function mergeReports(a: DeliverReport, b: DeliverReport): DeliverReport {
  return {
    sent: [...a.sent, ...b.sent],
    wouldSend: [...a.wouldSend, ...b.wouldSend],
    cancelled: [...a.cancelled, ...b.cancelled],
    deferred: [...a.deferred, ...b.deferred],
    retrying: [...a.retrying, ...b.retrying],
    failed: [...a.failed, ...b.failed],
    stoppedWorkspaces: [...a.stoppedWorkspaces, ...b.stoppedWorkspaces],
    ...(a.budgetReached || b.budgetReached ? { budgetReached: true } : {}),
  };
}
