// The people, workspaces and channels every Slack-level test plays with, in one place. Each constant
// is one person (or workspace): a test that needs someone with other traits gets another name here.
import type { StandInChannel, StandInTeam, StandInUser } from '../../src/sandbox';

/** The workspace the app is installed in. */
export const TEAM: StandInTeam = {
  id: 'T0TEST1',
  name: 'Test Bootcamp',
  domain: 'test-bootcamp',
  botToken: 'xoxb-test-0001-secret',
  botUserId: 'U0TESTBOT',
  botId: 'B0TESTBOT',
  appId: 'A0TESTAPP',
  homeTabEnabled: true,
};

/** A second workspace, without a domain and with the Home tab turned off. */
export const OTHER_TEAM: StandInTeam = {
  id: 'T0OTHER',
  name: 'Other Co',
  botToken: 'xoxb-other-bot-token',
  botUserId: 'U0OTHERBOT',
  botId: 'B0OTHERBOT',
  homeTabEnabled: false,
};

/** The signing secret the app and the driver share in HTTP mode. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** A student in New York (DST switches on 8 March 2026). */
export const ALICE: StandInUser = {
  id: 'U0ALICE',
  teamId: TEAM.id,
  name: 'alice',
  realName: 'Alice Chen',
  tz: 'America/New_York',
};

/** A student in Berlin. */
export const BOB: StandInUser = {
  id: 'U0BOB',
  teamId: TEAM.id,
  name: 'bob',
  realName: 'Bob Meyer',
  tz: 'Europe/Berlin',
};

/** A student in Kolkata: a zone whose offset is not a whole number of hours. */
export const RAVI: StandInUser = {
  id: 'U0RAVI',
  teamId: TEAM.id,
  name: 'ravi',
  realName: 'Ravi Iyer',
  tz: 'Asia/Kolkata',
};

/** A deactivated account. */
export const CAROL: StandInUser = { id: 'U0CAROL', teamId: TEAM.id, name: 'carol', deleted: true };

/** Another app's bot user in the workspace. */
export const HELPER_BOT: StandInUser = { id: 'U0HELPERBOT', teamId: TEAM.id, name: 'helper', isBot: true };

/** Someone in the other workspace. */
export const OTTO: StandInUser = { id: 'U0OTTO', teamId: OTHER_TEAM.id, name: 'otto' };

/** #cohort: the bot, Alice and Bob. */
export const COHORT: StandInChannel = {
  id: 'C0COHORT',
  teamId: TEAM.id,
  name: 'cohort',
  members: [TEAM.botUserId, ALICE.id, BOB.id],
};

/** #lobby: public, without the bot. */
export const LOBBY: StandInChannel = { id: 'C0LOBBY', teamId: TEAM.id, name: 'lobby', members: [ALICE.id] };

/** #secret: private, without the bot. */
export const SECRET: StandInChannel = {
  id: 'C0SECRET',
  teamId: TEAM.id,
  name: 'secret',
  members: [ALICE.id],
  isPrivate: true,
};

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
