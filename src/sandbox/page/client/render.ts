// Block Kit in the browser: messages, the Home tab and modals, drawn from the blocks the app sent.
//
// Why this is written here rather than taken from a library: the one ready-made renderer,
// slack-blocks-to-jsx, needs React and draws messages only, not modals with inputs or Home tabs. The
// page must also stay free of a front-end build chain (the server bundles this folder with esbuild, no
// framework, no extra packages), and every string in a block is untrusted: it is set as text
// (createElement + textContent, see dom.ts), never parsed as HTML, so a contact named
// `<img src=x onerror=alert(1)>` shows as those characters.
//
// The parsing and value logic lives in mrkdwn.ts and model.ts (no DOM, tested in Node); this file only
// turns it into elements and wires up the controls.
import type { ActionWhere, Json, PageAction, PageMessage, PageUser, PageValues } from '../protocol';
import { h, materialise, uid } from './dom';
import {
  allOptions,
  initialValue,
  isObj,
  messageTime,
  objs,
  reportedOption,
  STATEFUL,
  str,
  textField,
  valueKey,
} from './model';
import { isSafeUrl, type Names, parseMrkdwn, parseRichText, plainEmoji } from './mrkdwn';

type Obj = Record<string, unknown>;

/** A modal's live form: the values as the member edits them, and where each block shows its error. */
export interface Form {
  values: PageValues;
  errorSlots: Map<string, (message: string | undefined) => void>;
}

export interface RenderCtx {
  names: Names;
  users: PageUser[];
  channel: { id: string; name: string };
  where: ActionWhere;
  /** Set in a modal. */
  form?: Form;
  /** Sends a block action (main.ts adds the modal's values when the action comes from a view). */
  act(action: PageAction, where: ActionWhere): void;
  /** Asks the member a button's `confirm` question; true when they confirm. */
  confirm(confirm: Obj): Promise<boolean>;
  /** A key for this surface, so focus can come back to the same control after a redraw. */
  key: string;
}

/** A text object as nodes: mrkdwn parsed, plain_text as text. */
export function text(object: unknown, ctx: Pick<RenderCtx, 'names'>): Node {
  if (!isObj(object)) return document.createTextNode(typeof object === 'string' ? object : '');
  const value = str(object.text);
  if (object.type === 'mrkdwn') return materialise(parseMrkdwn(value, ctx.names));
  return document.createTextNode(object.emoji === false ? value : plainEmoji(value));
}

function plainOf(object: unknown): string {
  return plainEmoji(textField(object));
}

/** A text object drawn inline (labels, option texts): mrkdwn's paragraphs flattened into a span. */
function inlineText(object: unknown, ctx: RenderCtx): HTMLElement {
  const span = h('span', { class: 'inline-text' });
  span.appendChild(text(object, ctx));
  return span;
}

// ---------------------------------------------------------------------------------------------
// Blocks

export function renderBlocks(blocks: unknown, ctx: RenderCtx): HTMLElement {
  const root = h('div', { class: 'blocks' });
  objs(blocks).forEach((block, index) => {
    const node = renderBlock(block, index, ctx);
    if (node) root.appendChild(node);
  });
  return root;
}

function renderBlock(block: Obj, index: number, ctx: RenderCtx): HTMLElement | null {
  const blockId = str(block.block_id) || `block-${index}`;
  switch (block.type) {
    case 'header':
      return h('h3', { class: 'bk-header' }, plainOf(block.text));
    case 'divider':
      return h('hr', { class: 'bk-divider' });
    case 'section': {
      const node = h('div', { class: 'bk-section' });
      const body = h('div', { class: 'bk-section-body' });
      if (block.text) body.appendChild(h('div', { class: 'bk-text' }, text(block.text, ctx)));
      const fields = objs(block.fields);
      if (fields.length > 0) {
        const grid = h('div', { class: 'bk-fields' });
        for (const field of fields) grid.appendChild(h('div', { class: 'bk-field' }, text(field, ctx)));
        body.appendChild(grid);
      }
      node.appendChild(body);
      if (isObj(block.accessory)) {
        const accessory = element(block.accessory, blockId, index, 0, ctx, { label: accessoryLabel(block) });
        if (accessory) node.appendChild(h('div', { class: 'bk-accessory' }, accessory));
      }
      return node;
    }
    case 'context': {
      const node = h('div', { class: 'bk-context' });
      for (const part of objs(block.elements)) {
        if (part.type === 'image') node.appendChild(image(part, 'bk-context-image'));
        else node.appendChild(h('span', { class: 'bk-context-text' }, text(part, ctx)));
      }
      return node;
    }
    case 'actions': {
      const node = h('div', { class: 'bk-actions' });
      objs(block.elements).forEach((part, n) => {
        const control = element(part, blockId, index, n, ctx, {});
        if (control) node.appendChild(control);
      });
      return node;
    }
    case 'image': {
      const figure = h('figure', { class: 'bk-image' });
      if (block.title) figure.appendChild(h('figcaption', {}, plainOf(block.title)));
      figure.appendChild(image(block, 'bk-image-img'));
      return figure;
    }
    case 'rich_text':
      return h('div', { class: 'bk-rich' }, materialise(parseRichText(block.elements, ctx.names)));
    case 'input':
      return inputBlock(block, blockId, index, ctx);
    case 'file':
    case 'video':
      return h('p', { class: 'bk-unsupported' }, block.type === 'video' ? plainOf(block.title) : 'A file');
    default:
      return null;
  }
}

/** A name for a section's accessory control: the section's text, which says what it is for. */
function accessoryLabel(block: Obj): string {
  const raw = textField(block.text);
  return raw.replace(/[*_~`<>]/g, '').slice(0, 120);
}

/** An image, only from an http(s) URL; otherwise its alt text. */
function image(block: Obj, cls: string): HTMLElement {
  const url = str(block.image_url);
  const alt = str(block.alt_text);
  if (/^https?:\/\//i.test(url)) {
    return h('img', { class: cls, src: url, alt, loading: 'lazy', referrerpolicy: 'no-referrer' });
  }
  return h('span', { class: `${cls} image-missing`, role: 'img', 'aria-label': alt }, alt || 'Image');
}

function inputBlock(block: Obj, blockId: string, index: number, ctx: RenderCtx): HTMLElement {
  const node = h('div', { class: 'bk-input' });
  const part = isObj(block.element) ? block.element : {};
  const id = uid('input');
  // A multi-select list needs Ctrl or ⌘ to pick more than one; its hint says so.
  const multi = str(part.type).startsWith('multi_');
  const hintText = [plainOf(block.hint), multi ? 'Hold Ctrl (⌘ on a Mac) to pick more than one.' : '']
    .filter(Boolean)
    .join(' ');
  const hintId = hintText ? uid('hint') : null;
  const errorId = uid('error');
  const labelId = uid('label');
  const grouped = isGroup(str(part.type));
  const label = h(
    'label',
    { class: 'bk-label', id: labelId, ...(grouped ? {} : { for: id }) },
    plainOf(block.label),
    block.optional ? h('span', { class: 'optional' }, ' (optional)') : null,
  );
  node.appendChild(label);
  const control = element(part, blockId, index, 0, ctx, {
    id,
    labelledBy: grouped ? labelId : undefined,
    describedBy: hintId ?? undefined,
    dispatch: block.dispatch_action === true,
    inInput: true,
    required: block.optional !== true,
  });
  if (control) node.appendChild(control);
  if (hintId) node.appendChild(h('div', { class: 'bk-hint', id: hintId }, hintText));
  const error = h('div', { class: 'bk-error', id: errorId, role: 'alert' });
  node.appendChild(error);
  const target = control?.matches('[data-invalid-target]')
    ? control
    : control?.querySelector<HTMLElement>('[data-invalid-target]');
  ctx.form?.errorSlots.set(blockId, (message) => {
    error.textContent = message ?? '';
    node.classList.toggle('has-error', Boolean(message));
    if (!target) return;
    const described = [hintId, message ? errorId : null].filter(Boolean).join(' ');
    if (described) target.setAttribute('aria-describedby', described);
    else target.removeAttribute('aria-describedby');
    if (message) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
  });
  return node;
}

function isGroup(type: string): boolean {
  return type === 'checkboxes' || type === 'radio_buttons';
}

// ---------------------------------------------------------------------------------------------
// Elements

interface ElementOpts {
  id?: string;
  labelledBy?: string | undefined;
  describedBy?: string | undefined;
  /** An accessible name when there is no label element. */
  label?: string;
  /** In an input block with dispatch_action: changes are sent as block actions too. */
  dispatch?: boolean;
  inInput?: boolean;
  required?: boolean;
}

function element(
  part: Obj,
  blockId: string,
  blockIndex: number,
  n: number,
  ctx: RenderCtx,
  opts: ElementOpts,
): HTMLElement | null {
  const type = str(part.type);
  const actionId = str(part.action_id) || `action-${blockIndex}-${n}`;
  const base = { action_id: actionId, block_id: blockId, type };
  const key = `${ctx.key}/${blockId}/${actionId}`;
  if (type === 'button') return button(part, base, key, ctx);
  if (type === 'overflow') return overflow(part, base, key, ctx);
  if (type === 'image') return image(part, 'bk-accessory-image');
  if (!STATEFUL.has(type)) return h('span', { class: 'bk-unsupported' }, `(${type || 'element'})`);

  // A stateful element: its value lives in the modal's form (or, outside a modal, only in the control).
  const current = ctx.form?.values[blockId]?.[actionId] ?? initialValue(part);
  // Outside a modal, or in an actions block or a section of a modal, every change is a block action.
  const dispatch = !ctx.form || !opts.inInput || opts.dispatch === true;
  const update = (value: Json, send = dispatch) => {
    if (ctx.form) {
      ctx.form.values[blockId] ??= {};
      ctx.form.values[blockId][actionId] = value;
    }
    if (send) ctx.act({ ...value, ...base } as PageAction, ctx.where);
  };
  const common: Record<string, string | boolean | undefined> = {
    id: opts.id ?? uid('control'),
    'data-key': key,
    'data-invalid-target': true,
    'aria-describedby': opts.describedBy,
    'aria-label':
      opts.id || opts.labelledBy ? undefined : opts.label || plainOf(part.placeholder) || fallbackName(type),
  };
  const placeholder = plainOf(part.placeholder);
  const vkey = valueKey(type);

  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input': {
      const multiline = type === 'plain_text_input' && part.multiline === true;
      const value = str(current[vkey]);
      const attrs = {
        ...common,
        class: 'bk-text-input',
        placeholder: placeholder || undefined,
        maxlength: typeof part.max_length === 'number' ? part.max_length : undefined,
        minlength: typeof part.min_length === 'number' ? part.min_length : undefined,
      };
      const control = multiline
        ? h('textarea', { ...attrs, rows: 4 })
        : h('input', {
            ...attrs,
            type: type === 'email_text_input' ? 'email' : type === 'url_text_input' ? 'url' : 'text',
            inputmode:
              type === 'number_input' ? (part.is_decimal_allowed ? 'decimal' : 'numeric') : undefined,
          });
      control.value = value;
      const read = (): Json => ({ type, value: control.value === '' ? null : control.value });
      control.addEventListener('input', () => update(read(), false));
      control.addEventListener('keydown', (event) => {
        const e = event as KeyboardEvent;
        if (e.key !== 'Enter' || e.isComposing || (multiline && !e.metaKey && !e.ctrlKey)) return;
        if (dispatch) {
          e.preventDefault();
          update(read(), true);
        }
      });
      return control;
    }
    case 'static_select':
    case 'external_select': {
      const options = allOptions(part);
      const select = h('select', { ...common, class: 'bk-select' });
      select.appendChild(h('option', { value: '' }, placeholder || 'Choose…'));
      appendOptions(select, part);
      const selected = isObj(current[vkey]) ? str((current[vkey] as Obj).value) : '';
      const at = options.findIndex((o) => str(o.value) === selected);
      select.value = at >= 0 ? String(at) : '';
      select.addEventListener('change', () => {
        const picked = options[Number(select.value)];
        update({ type, [vkey]: select.value === '' || !picked ? null : reportedOption(picked) });
      });
      return select;
    }
    case 'multi_static_select':
    case 'multi_external_select': {
      const options = allOptions(part);
      const select = h('select', {
        ...common,
        class: 'bk-select',
        multiple: true,
        size: Math.min(6, options.length),
      });
      appendOptions(select, part);
      const chosen = new Set(objs(current[vkey]).map((o) => str(o.value)));
      Array.from(select.options).forEach((o, i) => {
        o.selected = chosen.has(str(options[i]?.value));
      });
      select.addEventListener('change', () => {
        const picked = Array.from(select.selectedOptions).map((o) => options[Number(o.value)]);
        update({ type, [vkey]: picked.filter(isObj).map(reportedOption) });
      });
      return select;
    }
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const choices = type === 'users_select' ? userChoices(ctx) : channelChoices(ctx);
      const select = h('select', { ...common, class: 'bk-select' });
      select.appendChild(h('option', { value: '' }, placeholder || 'Choose…'));
      for (const c of choices) select.appendChild(h('option', { value: c.id }, c.name));
      select.value = str(current[vkey]);
      select.addEventListener('change', () => update({ type, [vkey]: select.value || null }));
      return select;
    }
    case 'multi_users_select':
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const choices = type === 'multi_users_select' ? userChoices(ctx) : channelChoices(ctx);
      const chosen = new Set(Array.isArray(current[vkey]) ? (current[vkey] as unknown[]).map(String) : []);
      const select = h('select', {
        ...common,
        class: 'bk-select',
        multiple: true,
        size: Math.min(6, choices.length),
      });
      for (const c of choices) {
        const option = h('option', { value: c.id }, c.name);
        option.selected = chosen.has(c.id);
        select.appendChild(option);
      }
      select.addEventListener('change', () =>
        update({ type, [vkey]: Array.from(select.selectedOptions).map((o) => o.value) }),
      );
      return select;
    }
    case 'datepicker':
    case 'timepicker': {
      const control = h('input', {
        ...common,
        class: 'bk-text-input',
        type: type === 'datepicker' ? 'date' : 'time',
      });
      control.value = str(current[vkey]);
      control.addEventListener('change', () => update({ type, [vkey]: control.value || null }));
      return control;
    }
    case 'datetimepicker': {
      const control = h('input', { ...common, class: 'bk-text-input', type: 'datetime-local' });
      const initial = typeof current[vkey] === 'number' ? new Date((current[vkey] as number) * 1000) : null;
      if (initial) control.value = initial.toISOString().slice(0, 16);
      control.addEventListener('change', () => {
        const ms = Date.parse(`${control.value}:00Z`);
        update({ type, [vkey]: Number.isNaN(ms) ? null : Math.floor(ms / 1000) });
      });
      return control;
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const radio = type === 'radio_buttons';
      const options = objs(part.options);
      const group = h('div', {
        class: 'bk-choices',
        role: radio ? 'radiogroup' : 'group',
        'data-invalid-target': true,
        'aria-labelledby': opts.labelledBy,
        'aria-label': opts.labelledBy ? undefined : opts.label || fallbackName(type),
        'aria-describedby': opts.describedBy,
      });
      const name = uid('choice');
      const chosen = new Set(
        radio
          ? [isObj(current[vkey]) ? str((current[vkey] as Obj).value) : '']
          : objs(current[vkey]).map((o) => str(o.value)),
      );
      const boxes: HTMLInputElement[] = [];
      options.forEach((option, i) => {
        const id = uid('opt');
        const box = h('input', {
          type: radio ? 'radio' : 'checkbox',
          id,
          name,
          value: String(i),
          'data-key': `${key}/${i}`,
        });
        box.checked = chosen.has(str(option.value));
        boxes.push(box);
        const row = h(
          'div',
          { class: 'bk-choice' },
          box,
          h('label', { for: id }, inlineText(option.text, ctx)),
          option.description ? h('div', { class: 'bk-choice-desc' }, text(option.description, ctx)) : null,
        );
        group.appendChild(row);
        box.addEventListener('change', () => {
          const picked = boxes
            .filter((b) => b.checked)
            .map((b) => options[Number(b.value)])
            .filter(isObj);
          update(
            radio
              ? { type, [vkey]: picked[0] ? reportedOption(picked[0]) : null }
              : { type, [vkey]: picked.map(reportedOption) },
          );
        });
      });
      return group;
    }
    default:
      return null;
  }
}

/** A name for a control with no label or placeholder (an element in an actions block). */
function fallbackName(type: string): string {
  if (type === 'datepicker') return 'Pick a date';
  if (type === 'timepicker' || type === 'datetimepicker') return 'Pick a time';
  if (type.endsWith('_input')) return 'Type here';
  return 'Choose an option';
}

function appendOptions(select: HTMLSelectElement, part: Obj): void {
  let i = 0;
  for (const option of objs(part.options))
    select.appendChild(h('option', { value: String(i++) }, plainOf(option.text)));
  for (const group of objs(part.option_groups)) {
    const node = h('optgroup', { label: plainOf(group.label) });
    for (const option of objs(group.options))
      node.appendChild(h('option', { value: String(i++) }, plainOf(option.text)));
    select.appendChild(node);
  }
}

function userChoices(ctx: RenderCtx): { id: string; name: string }[] {
  return ctx.users.map((u) => ({ id: u.id, name: u.name }));
}

function channelChoices(ctx: RenderCtx): { id: string; name: string }[] {
  return [{ id: ctx.channel.id, name: `#${ctx.channel.name}` }];
}

function button(part: Obj, base: PageAction, key: string, ctx: RenderCtx): HTMLElement {
  const style = part.style === 'primary' || part.style === 'danger' ? ` btn-${part.style}` : '';
  const node = h(
    'button',
    {
      type: 'button',
      class: `btn${style}`,
      'data-key': key,
      'aria-label': str(part.accessibility_label) || undefined,
    },
    plainOf(part.text),
  );
  node.addEventListener('click', async () => {
    if (isObj(part.confirm) && !(await ctx.confirm(part.confirm))) return;
    const url = str(part.url);
    if (url && isSafeUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
    ctx.act(
      {
        ...base,
        text: part.text ?? { type: 'plain_text', text: '' },
        ...(part.value !== undefined ? { value: str(part.value) } : {}),
        ...(part.style ? { style: part.style } : {}),
      },
      ctx.where,
    );
  });
  return node;
}

/** An overflow menu: a "More options" button opening a list of options. */
function overflow(part: Obj, base: PageAction, key: string, ctx: RenderCtx): HTMLElement {
  const wrap = h('div', { class: 'overflow' });
  const menuId = uid('menu');
  const opener = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-icon',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': menuId,
      'data-key': key,
    },
    h('span', { 'aria-hidden': 'true' }, '⋯'),
    h('span', { class: 'visually-hidden' }, 'More options'),
  );
  const menu = h('div', { class: 'overflow-menu', role: 'menu', id: menuId, hidden: true });
  const items: HTMLButtonElement[] = [];
  const close = (focusOpener: boolean) => {
    menu.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', outside, true);
    if (focusOpener) opener.focus();
  };
  const outside = (event: Event) => {
    if (!wrap.contains(event.target as Node)) close(false);
  };
  for (const option of objs(part.options)) {
    const item = h(
      'button',
      { type: 'button', role: 'menuitem', class: 'overflow-item', tabindex: -1 },
      plainOf(option.text),
    );
    item.addEventListener('click', async () => {
      close(true);
      if (isObj(part.confirm) && !(await ctx.confirm(part.confirm))) return;
      const url = str(option.url);
      if (url && isSafeUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
      ctx.act({ ...base, selected_option: reportedOption(option) }, ctx.where);
    });
    items.push(item);
    menu.appendChild(item);
  }
  opener.addEventListener('click', () => {
    if (!menu.hidden) return close(false);
    menu.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    items[0]?.focus();
    document.addEventListener('click', outside, true);
  });
  menu.addEventListener('keydown', (event) => {
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  wrap.append(opener, menu);
  return wrap;
}

// ---------------------------------------------------------------------------------------------
// Messages

export function renderMessage(
  message: PageMessage,
  now: string,
  tz: string,
  ctx: Omit<RenderCtx, 'where' | 'key'>,
): HTMLElement {
  const node = h('div', { class: `msg${message.ephemeral ? ' msg-ephemeral' : ''}`, 'data-ts': message.ts });
  node.appendChild(
    h(
      'div',
      { class: 'msg-head' },
      h('span', { class: 'msg-author' }, message.userName || message.userId),
      h('span', { class: 'msg-time' }, messageTime(message.ts, now, tz)),
      message.ephemeral ? h('span', { class: 'msg-only-you' }, 'Only visible to you') : null,
      message.threadTs && message.threadTs !== message.ts
        ? h('span', { class: 'msg-thread' }, 'Reply in thread')
        : null,
    ),
  );
  const full: RenderCtx = {
    ...ctx,
    where: { kind: 'message', channelId: message.channelId, ts: message.ts },
    key: `msg:${message.ts}`,
  };
  if (Array.isArray(message.blocks) && message.blocks.length > 0) {
    node.appendChild(renderBlocks(message.blocks, full));
  } else {
    node.appendChild(h('div', { class: 'msg-text' }, materialise(parseMrkdwn(message.text, ctx.names))));
  }
  return node;
}
