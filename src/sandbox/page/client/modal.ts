// The modal overlay (the top of the member's modal stack) and the confirm dialog of a button's `confirm`.
// Both take focus when they open, keep it inside while open, and give it back when they close.
import type { PageModal, PageValues } from '../protocol';
import { focusables, h, trapFocus, uid } from './dom';
import { isObj, textField } from './model';
import { plainEmoji } from './mrkdwn';
import { type Form, type RenderCtx, renderBlocks, text } from './render';

type Obj = Record<string, unknown>;

export interface OpenModal {
  id: string;
  root: HTMLElement;
  form: Form;
  /** Shows these errors under their inputs (and clears the others). */
  showErrors(errors: Record<string, string>): void;
  setBusy(busy: boolean): void;
  remove(): void;
}

export interface ModalHandlers {
  close(): void;
  submit(values: PageValues): void;
  /** Set when a view lies under this one: goes back to it. */
  back?: () => void;
}

/** Draws a modal as an overlay on `host`, with the values to start from. */
export function openModal(
  modal: PageModal,
  values: PageValues,
  ctx: Omit<RenderCtx, 'where' | 'key' | 'form'>,
  handlers: ModalHandlers,
  host: HTMLElement,
  /** The control to focus (by data-key), when the same view is drawn again after an update. */
  focusKey: string | null = null,
): OpenModal {
  const view = modal.view;
  const titleId = uid('modal-title');
  const form: Form = { values, errorSlots: new Map() };
  const dialog = h('div', {
    class: 'modal',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': titleId,
    tabindex: -1,
  });
  const overlay = h('div', { class: 'overlay' }, dialog);
  const heading = h('div', { class: 'modal-head' });
  if (handlers.back) {
    // A pushed view: Back goes to the view under it, as in Slack.
    const back = h('button', { type: 'button', class: 'btn btn-icon modal-back' }, '‹ Back');
    back.addEventListener('click', () => handlers.back?.());
    heading.appendChild(back);
  }
  heading.appendChild(
    h('h2', { class: 'modal-title', id: titleId }, plainEmoji(textField(view.title)) || 'Modal'),
  );
  dialog.appendChild(heading);
  const body = renderBlocks(view.blocks, {
    ...ctx,
    form,
    where: { kind: 'view', viewId: modal.id },
    key: `view:${modal.id}`,
  });
  body.classList.add('modal-body');
  dialog.appendChild(body);

  const closeButton = h(
    'button',
    { type: 'button', class: 'btn' },
    plainEmoji(textField(view.close)) || 'Cancel',
  );
  closeButton.addEventListener('click', () => handlers.close());
  const footer = h('div', { class: 'modal-footer' }, closeButton);
  let submitButton: HTMLButtonElement | null = null;
  if (isObj(view.submit)) {
    submitButton = h(
      'button',
      { type: 'button', class: 'btn btn-primary' },
      plainEmoji(textField(view.submit)),
    );
    footer.appendChild(submitButton);
  }
  dialog.appendChild(footer);

  let busy = false;
  const submit = () => {
    if (!busy) handlers.submit(form.values);
  };
  submitButton?.addEventListener('click', submit);
  // Enter in a single-line input submits, as in Slack (an input that sends its own action on Enter has
  // already handled it).
  overlay.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const single = target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type);
    if (event.key === 'Enter' && submitButton && single && !event.defaultPrevented) {
      event.preventDefault();
      submit();
    }
  });
  // Escape and Tab are watched on the whole document, so they work wherever focus is.
  const onKey = (event: KeyboardEvent) => {
    if (document.querySelector('.confirm-overlay') || !overlay.isConnected) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      handlers.close();
      return;
    }
    trapFocus(dialog, event);
  };
  document.addEventListener('keydown', onKey);
  host.appendChild(overlay);
  const again = focusKey
    ? Array.from(dialog.querySelectorAll<HTMLElement>('[data-key]')).find((el) => el.dataset.key === focusKey)
    : undefined;
  const first = again ?? focusables(body)[0] ?? focusables(dialog)[0];
  (first ?? dialog).focus();

  const showErrors = (errors: Record<string, string>) => {
    for (const [blockId, set] of form.errorSlots) set(errors[blockId]);
  };
  showErrors(modal.errors ?? {});
  return {
    id: modal.id,
    root: overlay,
    form,
    showErrors,
    setBusy(now) {
      busy = now;
      dialog.setAttribute('aria-busy', String(now));
    },
    remove() {
      document.removeEventListener('keydown', onKey);
      overlay.remove();
    },
  };
}

/** A button's `confirm` dialog; resolves true when the member confirms. */
export function confirmDialog(confirm: Obj, ctx: Pick<RenderCtx, 'names'>): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const titleId = uid('confirm-title');
    const textId = uid('confirm-text');
    const yes = h(
      'button',
      { type: 'button', class: `btn ${confirm.style === 'danger' ? 'btn-danger' : 'btn-primary'}` },
      plainEmoji(textField(confirm.confirm)) || 'Yes',
    );
    const no = h('button', { type: 'button', class: 'btn' }, plainEmoji(textField(confirm.deny)) || 'Cancel');
    const dialog = h(
      'div',
      {
        class: 'modal confirm',
        role: 'alertdialog',
        'aria-modal': 'true',
        'aria-labelledby': titleId,
        'aria-describedby': textId,
      },
      h('h2', { class: 'modal-title', id: titleId }, plainEmoji(textField(confirm.title)) || 'Are you sure?'),
      h('div', { class: 'confirm-text', id: textId }, text(confirm.text, ctx)),
      h('div', { class: 'modal-footer' }, no, yes),
    );
    const overlay = h('div', { class: 'overlay confirm-overlay' }, dialog);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        done(false);
        return;
      }
      trapFocus(dialog, event);
    };
    const done = (answer: boolean) => {
      document.removeEventListener('keydown', onKey, true);
      overlay.remove();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    document.addEventListener('keydown', onKey, true);
    document.body.appendChild(overlay);
    no.focus();
  });
}
