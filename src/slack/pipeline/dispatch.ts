// Every request from Slack, over HTTP or Socket Mode, reaches the app through `dispatch`: it tracks the
// acknowledgement, answers for the app when a listener is too slow (before Slack's 3 seconds run out)
// or when no listener answered at all, and never lets a failure escape to the receiver.
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Log } from '../../log';
import { scrubTokens } from '../../log';

/** How long a listener may take to acknowledge before the app answers with an empty 200 for it. */
const ACK_DEADLINE_MS = 2500;

/** Per-request state, reachable from listeners and middleware as `context.slackRequest`. */
export interface RequestState {
  acked: boolean;
  /** True when the deadline answered for the listener (a later ack is then dropped). */
  lateAck: boolean;
  response?: unknown;
}

export function requestStateOf(context: Record<string, unknown>): RequestState | undefined {
  const state = context.slackRequest as RequestState | undefined;
  return state && typeof state === 'object' && 'acked' in state ? state : undefined;
}

export interface DispatchOptions {
  log: Log;
  deadlineMs?: number;
}

/**
 * Runs one request through the app. `send` writes the HTTP answer (or the Socket Mode envelope ack)
 * exactly once; `dispatch` resolves when every listener has finished (work after the ack included).
 */
export async function dispatch(
  app: Pick<App, 'processEvent'>,
  incoming: Omit<ReceiverEvent, 'ack'>,
  send: (response: unknown) => Promise<void> | void,
  options: DispatchOptions,
): Promise<RequestState> {
  const state: RequestState = { acked: false, lateAck: false };
  const answer = async (response: unknown): Promise<void> => {
    if (state.acked) return;
    state.acked = true;
    state.response = response;
    await send(response);
  };
  const timer = setTimeout(() => {
    if (state.acked) return;
    state.lateAck = true;
    options.log.warn(
      { deadlineMs: options.deadlineMs ?? ACK_DEADLINE_MS },
      'acknowledged for a slow listener',
    );
    void answer(undefined);
  }, options.deadlineMs ?? ACK_DEADLINE_MS);
  timer.unref();
  try {
    await app.processEvent({
      ...incoming,
      ack: answer,
      customProperties: { ...(incoming.customProperties ?? {}), slackRequest: state },
    });
  } catch (error) {
    options.log.error({ err: scrubTokens(describeError(error)) }, 'request failed');
  } finally {
    clearTimeout(timer);
    if (!state.acked) await answer(undefined).catch(() => undefined);
  }
  return state;
}

/** The whole message of an error, causes included, for logs (callers scrub tokens). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [`${error.name}: ${error.message}`];
  let cause = (error as { cause?: unknown }).cause;
  for (let depth = 0; cause && depth < 3; depth++) {
    parts.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
  }
  return parts.join(' <- ');
}
