// The pretend workspace sandbox mode starts with: one team, its bot, a few people in different
// timezones and a cohort channel.
import type { StandInTeam, StandInUser } from './index';

export const SANDBOX_TEAM: StandInTeam = {
  id: 'T0SANDBOX',
  name: 'Sandbox Bootcamp',
  domain: 'sandbox-bootcamp',
  botToken: 'xoxb-sandbox-0000-local',
  botUserId: 'U0SANDBOXBOT',
  botId: 'B0SANDBOX',
  appId: 'A0SANDBOX',
  homeTabEnabled: true,
};

const SANDBOX_USERS: StandInUser[] = [
  {
    id: 'U0SANDBOX1',
    teamId: SANDBOX_TEAM.id,
    name: 'alex',
    realName: 'Alex Rivera',
    tz: 'America/New_York',
  },
  { id: 'U0SANDBOX2', teamId: SANDBOX_TEAM.id, name: 'priya', realName: 'Priya Nair', tz: 'Asia/Kolkata' },
  { id: 'U0SANDBOX3', teamId: SANDBOX_TEAM.id, name: 'sam', realName: 'Sam Okafor', tz: 'Europe/Berlin' },
  {
    id: 'U0SANDBOXF',
    teamId: SANDBOX_TEAM.id,
    name: 'morgan',
    realName: 'Morgan Lee (facilitator)',
    tz: 'America/Los_Angeles',
  },
  // Not in the cohort channel yet: joining it shows the bot's welcome.
  {
    id: 'U0SANDBOX4',
    teamId: SANDBOX_TEAM.id,
    name: 'jordan',
    realName: 'Jordan Kim',
    tz: 'America/Chicago',
  },
];

/** Sandbox members who start outside the cohort channel (they can join it from the page). */
const NOT_IN_CHANNEL = new Set(['U0SANDBOX4']);

/** Morgan runs the cohort channel (the demo's facilitator). */
export const SANDBOX_FACILITATOR_ID = 'U0SANDBOXF';

export const SANDBOX_CHANNEL = {
  id: 'C0SANDBOXCOHORT',
  teamId: SANDBOX_TEAM.id,
  name: 'cohort-fall',
  members: [
    SANDBOX_TEAM.botUserId,
    ...SANDBOX_USERS.map((u) => u.id).filter((id) => !NOT_IN_CHANNEL.has(id)),
  ],
};

export function sandboxWorkspace() {
  return { teams: [SANDBOX_TEAM], users: SANDBOX_USERS, channels: [SANDBOX_CHANNEL] };
}
