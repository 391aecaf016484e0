// Sandbox mode only: POST /sandbox/command {user, text} plays a slash command through Slack's real
// path (signed request to /slack/events, replies through the stand-in) and returns what the user
// would see. `coach try` uses it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackStandIn } from './index';
import type { SlackDriver } from './slack-driver';

const REPLY_METHODS = ['chat.postMessage', 'chat.postEphemeral', 'views.open', 'response_url'] as const;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function describeCall(call: { method: string; args: Record<string, unknown> }): string {
  if (call.method === 'views.open') {
    const view = call.args.view as { title?: { text?: string } } | undefined;
    return `(opened the "${view?.title?.text ?? 'untitled'}" modal)`;
  }
  return String(call.args.text ?? '');
}

export function sandboxCommandRoute(standIn: SlackStandIn, driver: () => SlackDriver | undefined) {
  return {
    path: '/sandbox/command',
    method: ['POST'],
    handler: (req: IncomingMessage, res: ServerResponse) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const d = driver();
      if (!d) return reply(503, { error: 'starting' });
      readJson(req)
        .then(async (raw) => {
          const { user = 'U0SANDBOX1', text = '' } = raw as { user?: string; text?: string };
          const before = standIn.calls.length;
          const waiting = Promise.any(
            REPLY_METHODS.map((m) => standIn.waitForCall(m, (c) => standIn.calls.indexOf(c) >= before, 3000)),
          ).catch(() => undefined);
          const ack = await d.command(user, text);
          const ackText = (ack.json as { text?: string } | undefined)?.text ?? (ack.json ? '' : ack.text);
          const replies = ackText ? [ackText] : [];
          if (!ackText) {
            const call = await waiting;
            if (call) replies.push(describeCall(call));
          }
          reply(200, { status: ack.status, replies });
        })
        .catch((error: Error) => reply(400, { error: error.message }));
    },
  };
}
