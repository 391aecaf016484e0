// Building DOM nodes without markup: elements from createElement, text from textContent / text nodes.
// No data ever goes through innerHTML, insertAdjacentHTML, outerHTML or document.write.
import type { MNode } from './mrkdwn';
import { isSafeUrl } from './mrkdwn';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** An element with attributes (set with setAttribute; `false`/`null` leave one out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if ((name === 'href' || name === 'src') && !isSafeUrl(String(value))) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

let nextId = 0;
/** A fresh id for linking labels, hints and errors. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** The parsed mrkdwn tree as nodes. */
export function materialise(nodes: MNode[]): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.appendChild(document.createTextNode(node));
      continue;
    }
    if (node.tag === 'br') {
      out.appendChild(document.createElement('br'));
      continue;
    }
    const element = document.createElement(node.tag);
    if (node.tag === 'a' && node.href && isSafeUrl(node.href)) {
      element.setAttribute('href', node.href);
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.cls) element.className = node.cls;
    element.appendChild(materialise(node.children));
    out.appendChild(element);
  }
  return out;
}

/** The elements in `root` that Tab can reach, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  const selector =
    'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter(
    (el) => !el.closest('[hidden]') && el.getClientRects().length > 0,
  );
}

/** Keeps Tab and Shift+Tab inside `root`. */
export function trapFocus(root: HTMLElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const items = focusables(root);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
