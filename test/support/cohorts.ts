// A cohort set up directly in the database, for tests of what cohorts do (digests, status, intros)
// without going through the setup modal each time.
import type { Db } from '../../src/db/client';
import {
  type CohortSettings,
  type CohortSharing,
  ensureMembers,
  joinCohort,
  saveCohort,
  saveSharingChoice,
} from '../../src/store/cohorts';

export interface SeededCohort {
  cohortId: string;
  channelId: string;
  /** Member ids by Slack user id. */
  memberIds: Map<string, string>;
}

export async function seedCohort(
  db: Db,
  options: {
    workspaceId: string;
    channelId: string;
    facilitators: string[];
    students: string[];
    settings?: Partial<CohortSettings>;
    /** Sharing choices by Slack user id (default: counts only, no intros). */
    sharing?: Record<string, { sharing?: CohortSharing; introsOpen?: boolean }>;
    now?: Date;
  },
): Promise<SeededCohort> {
  const now = options.now ?? new Date();
  const cohort = await saveCohort(
    db,
    options.workspaceId,
    options.channelId,
    options.facilitators[0] ?? 'U0',
    {
      name: 'Spring cohort',
      weeklyGoal: 1,
      digestWeekday: 1,
      digestHour: 9,
      digestMinute: 0,
      tz: 'UTC',
      welcomeJoiners: true,
      ...options.settings,
    },
  );
  const members = await ensureMembers(db, options.workspaceId, [
    ...options.facilitators,
    ...options.students,
  ]);
  const memberIds = new Map<string, string>();
  for (const [userIds, role] of [
    [options.facilitators, 'facilitator'],
    [options.students, 'student'],
  ] as const) {
    for (const userId of userIds) {
      const member = members.get(userId);
      if (!member) throw new Error(`no member for ${userId}`);
      await joinCohort(db, cohort.id, member.id, role, now);
      memberIds.set(userId, member.id);
    }
  }
  for (const [userId, choice] of Object.entries(options.sharing ?? {})) {
    await saveSharingChoice(
      db,
      { workspaceId: options.workspaceId, userId },
      { sharing: choice.sharing ?? 'counts', introsOpen: choice.introsOpen ?? false },
    );
  }
  return { cohortId: cohort.id, channelId: options.channelId, memberIds };
}
