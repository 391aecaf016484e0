// What makes a Slack request unique, as the key of the handled-requests ledger. Slack retries and
// replays carry the same key; a new click or a new submission of a changed view carries a new one.

interface KeyedBody {
  type?: unknown;
  command?: unknown;
  trigger_id?: unknown;
  event_id?: unknown;
  view?: { id?: unknown; hash?: unknown } | null;
  container?: { message_ts?: unknown; view_id?: unknown; channel_id?: unknown } | null;
  message?: { ts?: unknown } | null;
  channel?: { id?: unknown } | null;
  actions?: { action_id?: unknown; block_id?: unknown; action_ts?: unknown }[];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export type RequestKind = 'event' | 'submission' | 'closed' | 'click' | 'shortcut' | 'command' | 'other';

export interface RequestKey {
  kind: RequestKind;
  key: string | null;
}

/** The ledger key of a request body, or null when the request carries nothing unique. */
export function requestKeyOf(body: KeyedBody): RequestKey {
  if (typeof body.command === 'string') {
    return { kind: 'command', key: str(body.trigger_id) ? `command:${str(body.trigger_id)}` : null };
  }
  switch (body.type) {
    case 'event_callback':
      return { kind: 'event', key: str(body.event_id) ? `event:${str(body.event_id)}` : null };
    case 'view_submission':
    case 'view_closed': {
      const view = body.view ?? {};
      const kind = body.type === 'view_submission' ? 'submission' : 'closed';
      return { kind, key: str(view.id) ? `${kind}:${str(view.id)}:${str(view.hash)}` : null };
    }
    case 'block_actions': {
      const action = body.actions?.[0];
      const where =
        str(body.container?.message_ts) || str(body.message?.ts)
          ? `${str(body.container?.channel_id) || str(body.channel?.id)}/${str(body.container?.message_ts) || str(body.message?.ts)}`
          : str(body.container?.view_id) || str(body.view?.id);
      if (!action || !str(action.action_ts) || !where) return { kind: 'click', key: null };
      return {
        kind: 'click',
        key: `click:${where}:${str(action.block_id)}:${str(action.action_id)}:${str(action.action_ts)}`,
      };
    }
    case 'shortcut':
    case 'message_action':
      return { kind: 'shortcut', key: str(body.trigger_id) ? `shortcut:${str(body.trigger_id)}` : null };
    default:
      return { kind: 'other', key: null };
  }
}
