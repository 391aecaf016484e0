// A realistic demo for a workspace: a few bootcamp students' lists at different stages and their
// cohort, built through the same services members use. Seeding twice adds nothing the second time:
// people already on a list are left as they are, and the cohort is saved again as it was.
import { isoLocalDate } from '../coaching/time';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { createAskDraft, markAskAsSent } from './ask';
import { changeSharing, setUpCohort, syncCohortRoster } from './cohorts';
import { logConversation } from './log';
import { rememberSlackName, rememberSlackTz } from './prep';
import { addTarget, contactsForPicker } from './targets';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoPerson {
  name: string;
  role: string;
  company: string;
  why: string;
}

/** A conversation the student logs about one of their people. */
interface DemoLog {
  person: string;
  daysAgo: number;
  minutes: number;
  format: 'coffee' | 'phone' | 'video';
  learned: string;
  action: string;
  skills: string[];
  keywords: string[];
  referrals: { name: string; role: string; company: string }[];
}

interface DemoAsk {
  person: string;
  about: string;
  minutes: number;
}

export interface DemoStudent {
  slackUserId: string;
  name: string;
  tz: string;
  targets: DemoPerson[];
  asked?: DemoAsk;
  logged?: DemoLog;
  /** Agrees to the cohort seeing their progress by name. */
  sharesProgress: boolean;
}

export interface DemoPlan {
  workspaceId: string;
  cohort: {
    channelId: string;
    name: string;
    facilitator: { slackUserId: string; name: string; tz: string };
  };
  students: DemoStudent[];
}

/** The sandbox workspace's demo: its team, cohort channel and people (see the sandbox's workspace). */
export const SANDBOX_DEMO: DemoPlan = {
  workspaceId: 'T0SANDBOX',
  cohort: {
    channelId: 'C0SANDBOXCOHORT',
    name: 'Fall cohort',
    facilitator: { slackUserId: 'U0SANDBOXF', name: 'Morgan Lee', tz: 'America/Los_Angeles' },
  },
  students: [
    {
      slackUserId: 'U0SANDBOX1',
      name: 'Alex Rivera',
      tz: 'America/New_York',
      sharesProgress: true,
      targets: [
        {
          name: 'Jordan Kim',
          role: 'Senior UX Designer',
          company: 'Brightline Health',
          why: 'Moved into health tech from agency work, which is the switch I want to make.',
        },
        {
          name: 'Maya Chen',
          role: 'UX Researcher',
          company: 'Northwind',
          why: 'Runs the research practice on a small product team.',
        },
        {
          name: 'Chris Patel',
          role: 'Product Designer',
          company: 'Lumen Labs',
          why: 'Also came out of a bootcamp two years ago.',
        },
      ],
      asked: {
        person: 'Jordan Kim',
        about: "I'm finishing a UX design bootcamp and redoing my portfolio around health care.",
        minutes: 20,
      },
      logged: {
        person: 'Maya Chen',
        daysAgo: 0,
        minutes: 25,
        format: 'video',
        learned:
          'Hiring managers skim a portfolio in two minutes, so each case study should open with the ' +
          'question it answered. Northwind runs five usability sessions for every release.',
        action: 'Rewrite my first case study around the research question',
        skills: ['usability testing', 'research synthesis'],
        keywords: ['discovery', 'stakeholder interviews'],
        referrals: [
          { name: 'Luis Ortega', role: 'Design Ops Lead', company: 'Northwind' },
          { name: 'Hannah Weiss', role: 'Product Designer', company: 'Fable' },
        ],
      },
    },
    {
      slackUserId: 'U0SANDBOX2',
      name: 'Priya Nair',
      tz: 'Asia/Kolkata',
      sharesProgress: true,
      targets: [
        {
          name: 'Ananya Rao',
          role: 'Senior Data Analyst',
          company: 'Razorpay',
          why: 'Built the payments dashboards I used as a case study.',
        },
        {
          name: 'Tom Becker',
          role: 'Analytics Engineer',
          company: 'Zalando',
          why: 'Writes about moving from analysis into analytics engineering.',
        },
      ],
    },
    {
      slackUserId: 'U0SANDBOX3',
      name: 'Sam Okafor',
      tz: 'Europe/Berlin',
      sharesProgress: false,
      targets: [
        {
          name: 'Lena Fischer',
          role: 'Backend Engineer',
          company: 'N26',
          why: 'Joined as a junior developer after a bootcamp in Berlin.',
        },
      ],
    },
  ],
};

export interface DemoResult {
  /** People added to lists this time (0 when the demo was there already). */
  added: number;
  summary: string;
}

async function seedStudent(db: Db, workspaceId: string, student: DemoStudent, now: Date): Promise<number> {
  const scope: Scope = { workspaceId, userId: student.slackUserId };
  await rememberSlackTz(db, scope, student.tz);
  await rememberSlackName(db, scope, student.name);
  let added = 0;
  for (const person of student.targets) {
    const result = await addTarget(db, scope, person, now);
    if (result.ok) added += 1;
  }
  const contacts = await contactsForPicker(db, scope);
  const idOf = (name: string) => contacts.find((c) => c.name === name);

  const asked = student.asked ? idOf(student.asked.person) : undefined;
  if (student.asked && asked && asked.stage === 'target') {
    const draft = await createAskDraft(
      db,
      scope,
      {
        person: { kind: 'existing', contactId: asked.id },
        about: student.asked.about,
        why: asked.why,
        minutes: student.asked.minutes,
        channel: 'email',
      },
      new Date(now.getTime() - 3 * DAY_MS),
      student.name.split(' ')[0] ?? null,
    );
    if (draft.ok) await markAskAsSent(db, scope, draft.draft.ask.id, new Date(now.getTime() - 3 * DAY_MS));
  }

  const log = student.logged;
  const met = log ? idOf(log.person) : undefined;
  if (log && met && met.stage === 'target') {
    const result = await logConversation(
      db,
      scope,
      {
        contactId: met.id,
        person: met.name,
        role: met.role,
        company: met.company,
        date: isoLocalDate(new Date(now.getTime() - log.daysAgo * DAY_MS), student.tz),
        minutes: log.minutes,
        format: log.format,
        learned: log.learned,
        action: log.action,
        thanked: false,
        skills: log.skills,
        keywords: log.keywords,
        referrals: log.referrals,
      },
      now,
    );
    if (result.ok) added += result.summary.referrals.filter((r) => r.created).length;
  }
  return added;
}

/** Seeds `plan` as of `now`; running it again adds nothing. */
export async function seedDemo(db: Db, plan: DemoPlan, now: Date): Promise<DemoResult> {
  const { workspaceId, cohort } = plan;
  let added = 0;
  for (const student of plan.students) added += await seedStudent(db, workspaceId, student, now);

  const facilitator: Scope = { workspaceId, userId: cohort.facilitator.slackUserId };
  await rememberSlackTz(db, facilitator, cohort.facilitator.tz);
  await rememberSlackName(db, facilitator, cohort.facilitator.name);
  const studentIds = plan.students.map((s) => s.slackUserId);
  const saved = await setUpCohort(
    db,
    facilitator,
    {
      channelId: cohort.channelId,
      settings: {
        name: cohort.name,
        weeklyGoal: 2,
        digestWeekday: 1,
        digestHour: 9,
        digestMinute: 0,
        tz: cohort.facilitator.tz,
        welcomeJoiners: true,
      },
      facilitatorIds: [cohort.facilitator.slackUserId],
      isAdmin: false,
      channelMemberIds: [cohort.facilitator.slackUserId, ...studentIds],
    },
    now,
    null,
  );
  if (saved.ok) await syncCohortRoster(db, workspaceId, saved.cohort.cohortId, studentIds, now);
  for (const student of plan.students) {
    if (!student.sharesProgress) continue;
    await changeSharing(
      db,
      { workspaceId, userId: student.slackUserId },
      { sharing: 'named', introsOpen: true },
      now,
      null,
    );
  }

  const names = plan.students.map((s) => s.name.split(' ')[0]).join(', ');
  const summary =
    added > 0
      ? `Demo ready: ${names} have people on their lists, and ${cohort.facilitator.name} runs the ${cohort.name} in <#${cohort.channelId}>.`
      : `The demo was already there: ${names} and the ${cohort.name} are as they were.`;
  return { added, summary };
}
