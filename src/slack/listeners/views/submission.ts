// Every modal submission starts the same way: read the form, and if anything is wrong answer with
// `response_action: "errors"` on the right blocks, so the modal stays open with the member's typing.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Scope } from '../../../core/scope';
import { scopeOf } from '../../deps';
import type { StateValues } from '../../views/form';

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type FormReader<T> = (
  values: StateValues,
) => { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/** Runs `handle` with the valid form data and the member's scope; bad input never reaches it. */
export function onValidSubmission<T>(
  read: FormReader<T>,
  handle: (args: SubmitArgs & { data: T; scope: Scope }) => Promise<void>,
): (args: SubmitArgs) => Promise<void> {
  return async (args) => {
    const form = read(args.view.state.values as StateValues);
    if (!form.ok) {
      await args.ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const scope = scopeOf(args.body);
    if (!scope) {
      await args.ack();
      return;
    }
    await handle({ ...args, data: form.data, scope });
  };
}
