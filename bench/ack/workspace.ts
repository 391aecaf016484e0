// The workspace the ack bench plays: one team, its bot and 100 members in a few timezones.
import type { StandInTeam, StandInUser } from '../../src/sandbox';

export const BENCH_TEAM: StandInTeam = {
  id: 'T0BENCH01',
  name: 'Bench Bootcamp',
  domain: 'bench-bootcamp',
  botToken: 'xoxb-bench-0001-local',
  botUserId: 'U0BENCHBOT',
  botId: 'B0BENCHBOT',
  appId: 'A0BENCHAPP',
  homeTabEnabled: true,
};

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'America/Los_Angeles',
  'Australia/Sydney',
];

export const BENCH_USERS: StandInUser[] = Array.from({ length: 100 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0');
  return {
    id: `U0BENCH${n}`,
    teamId: BENCH_TEAM.id,
    name: `member${n}`,
    realName: `Member ${n}`,
    tz: ZONES[i % ZONES.length]!,
  };
});
