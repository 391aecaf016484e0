// Plain HTTP routes served next to /slack/events.
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';

export function healthRoute(check: () => Promise<boolean>, mode: string): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      check()
        .catch(() => false)
        .then((up) => {
          res.writeHead(up ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: up, database: up ? 'up' : 'down', mode }));
        });
    },
  };
}
