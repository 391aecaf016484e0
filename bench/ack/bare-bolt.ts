// Child process of the ack bench: the baseline. A bare Bolt app with the app's receiver settings (HTTP,
// same signing secret, responses sent on ack) whose listeners only acknowledge. Whatever the coach
// spends on top of this is the coach's own cost.
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const env = (key: string): string => {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set`);
  return value;
};

const receiver = new HTTPReceiver({
  signingSecret: env('SLACK_SIGNING_SECRET'),
  processBeforeResponse: false,
  logLevel: LogLevel.WARN,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  ],
});

const app = new App({
  receiver,
  logLevel: LogLevel.WARN,
  token: env('SLACK_BOT_TOKEN'),
  botId: env('BOT_ID'),
  botUserId: env('BOT_USER_ID'),
  // The bot's identity is given, so nothing is asked of Slack, at start or per request.
  tokenVerificationEnabled: false,
  deferInitialization: true,
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
});

app.command('/coach', async ({ ack }) => {
  await ack();
});
app.view(/.*/, async ({ ack }) => {
  await ack();
});

await app.init();
await app.start({ port: Number(env('PORT')), host: process.env.HOST ?? '127.0.0.1' });

const stop = async () => {
  await app.stop().catch(() => undefined);
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
