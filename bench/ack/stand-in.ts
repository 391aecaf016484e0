// Child process of the ack bench: the Slack stand-in (product code, src/sandbox) with one team and 100
// members. It runs apart from the load generator so the Web API calls the app makes after each ack
// (DMs, App Home publishes) are not served on the event loop that times the requests.
import { WebClient } from '@slack/web-api';
import { createSlackStandIn, type StoredView } from '../../src/sandbox';
import { buildLogModal } from '../../src/slack/views/log';
import type { FromStandIn, ToStandIn } from './protocol';
import { BENCH_TEAM, BENCH_USERS } from './workspace';

function send(message: FromStandIn): void {
  process.send?.(message);
}

const standIn = createSlackStandIn({ teams: [BENCH_TEAM], users: BENCH_USERS });
const { url, apiUrl } = await standIn.listen(0, '127.0.0.1');

// The modal a member submits: the app's log modal, opened through views.open so it carries what Slack
// adds (view id, hash, generated block ids, app and bot ids).
const opener = BENCH_USERS[0]!.id;
const client = new WebClient(BENCH_TEAM.botToken, { slackApiUrl: apiUrl });
const opened = await client.views.open({
  trigger_id: standIn.issueTriggerId(BENCH_TEAM.id, opener),
  view: buildLogModal({
    person: { id: null, name: 'Bench Person', role: null, company: null },
    today: new Date().toISOString().slice(0, 10),
  }),
});
standIn.closeViews(opener);
standIn.clearCalls();

const dms: Record<string, string> = {};
for (const user of BENCH_USERS) dms[user.id] = standIn.dmChannelFor(BENCH_TEAM.id, user.id);

process.on('message', (message: ToStandIn) => {
  if (message.type === 'mint') {
    const triggers: string[] = [];
    const responseUrls: string[] = [];
    for (const user of message.users) {
      triggers.push(standIn.issueTriggerId(BENCH_TEAM.id, user));
      if (message.responseUrls) responseUrls.push(standIn.responseUrl(BENCH_TEAM.id, dms[user]!, user));
    }
    send({ type: 'minted', id: message.id, triggers, responseUrls });
  } else if (message.type === 'calls') {
    const counts: Record<string, number> = {};
    const failures: Record<string, number> = {};
    for (const call of standIn.calls) {
      counts[call.method] = (counts[call.method] ?? 0) + 1;
      if (call.response && !call.response.ok) {
        const key = `${call.method}: ${call.response.error ?? call.status}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
    standIn.clearCalls();
    send({ type: 'calls', id: message.id, counts, failures });
  }
});

const stop = async () => {
  await standIn.close().catch(() => undefined);
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// The bench went away without stopping us: do not linger.
process.once('disconnect', () => void stop());

send({ type: 'ready', url, apiUrl, dms, logView: opened.view as unknown as StoredView });
