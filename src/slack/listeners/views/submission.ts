// Every modal submission starts the same way: read the form, and if anything is wrong answer with
// `response_action: "errors"` on the right blocks, so the modal stays open with the member's typing.
// The handler gets the valid data, the member's scope and the request key its service claims.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Scope } from '../../../core/scope';
import { requestHandled } from '../../../services/workspaces';
import type { AppDeps } from '../../deps';
import { memberScope, requestKey } from '../../pipeline/middleware';
import type { StateValues } from '../../views/form';

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type FormReader<T> = (
  values: StateValues,
) => { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export interface Submission<T> {
  data: T;
  scope: Scope;
  /** The submission's ledger key: the service applying it claims it in the same transaction. */
  key: string | null;
}

/** Runs `handle` with the valid form data and the member's scope; bad input never reaches it. */
export function onValidSubmission<T>(
  deps: AppDeps,
  read: FormReader<T>,
  handle: (args: SubmitArgs & Submission<T>) => Promise<void>,
): (args: SubmitArgs) => Promise<void> {
  return async (args) => {
    const form = read(args.view.state.values as StateValues);
    if (!form.ok) {
      await args.ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const scope = memberScope(args.context);
    const key = requestKey(args.context);
    // A second copy of a submission that was saved must not be told its data is a duplicate of itself.
    const ack: SubmitArgs['ack'] = async (response) => {
      if (response && 'response_action' in response && response.response_action === 'errors' && key) {
        if (await requestHandled(deps.db, key)) return args.ack();
      }
      return args.ack(response);
    };
    await handle({ ...args, ack, data: form.data, scope, key });
  };
}
