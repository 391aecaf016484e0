// Slack mrkdwn and rich_text, parsed into a small tree of plain nodes (no DOM here, so the tests run it in
// Node). Every string in the tree is text: the page turns each node into an element of a fixed tag with
// textContent, so nothing the app or a member typed can ever become markup. Links keep their URL only
// when it is http(s) or mailto.

/** A node of the tree: a text leaf, or an element from a fixed list of tags. */
export type MNode = string | MElement;

export type MTag =
  | 'p'
  | 'strong'
  | 'em'
  | 'del'
  | 'code'
  | 'pre'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'a'
  | 'span'
  | 'br';

export interface MElement {
  tag: MTag;
  children: MNode[];
  /** Only on `a`, and only a safe URL. */
  href?: string;
  /** A class name for mentions ("mention"). */
  cls?: string;
}

/** How mentions are named: a member's or the bot's display name, a channel's name. */
export interface Names {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
}

const noNames: Names = { user: () => undefined, channel: () => undefined };

/** True for a URL the page may link to: http, https or mailto. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim());
}

/** Slack escapes `&`, `<` and `>` in text; this turns them back. */
export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/** The emoji the app uses, so their shortcodes read as the picture; other shortcodes stay as text. */
const EMOJI: Record<string, string> = {
  books: '📚',
  bust_in_silhouette: '👤',
  calendar: '📅',
  coffee: '☕',
  dart: '🎯',
  envelope: '✉️',
  envelope_with_arrow: '📩',
  eyes: '👀',
  file_cabinet: '🗄️',
  handshake: '🤝',
  hourglass_flowing_sand: '⏳',
  leftwards_arrow_with_hook: '↩️',
  link: '🔗',
  lock: '🔒',
  mag: '🔍',
  mailbox_with_mail: '📬',
  memo: '📝',
  pencil: '✏️',
  pray: '🙏',
  seedling: '🌱',
  sparkles: '✨',
  speech_balloon: '💬',
  tada: '🎉',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
  writing_hand: '✍️',
  '+1': '👍',
  thumbsup: '👍',
  star: '⭐',
};

function emoji(name: string): string {
  return EMOJI[name] ?? `:${name}:`;
}

function el(tag: MTag, children: MNode[], extra: Partial<MElement> = {}): MElement {
  return { tag, children, ...extra };
}

// ---------------------------------------------------------------------------------------------
// mrkdwn

/** A mrkdwn string as a list of block nodes (paragraphs, quotes, lists, preformatted text). */
export function parseMrkdwn(text: string, names: Names = noNames): MNode[] {
  const out: MNode[] = [];
  // Code fences first: they may span lines and hold anything, shown as is.
  const parts = text.split('```');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const isCode = i % 2 === 1 && i < parts.length - 1;
    if (isCode) {
      out.push(el('pre', [decodeEntities(part.replace(/^\n/, '').replace(/\n$/, ''))]));
    } else if (i % 2 === 1) {
      // An unclosed fence: the backticks are text.
      out.push(...parseLines(`\`\`\`${part}`, names));
    } else if (part !== '') {
      out.push(...parseLines(part, names));
    }
  }
  return out;
}

const BULLET = /^\s*(?:[•◦▪‣]|-|\*(?=\s))\s+/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/;

function parseLines(text: string, names: Names): MNode[] {
  const lines = text.replace(/^\n+|\n+$/g, '').split('\n');
  const out: MNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('>')) {
        quoted.push((lines[i] ?? '').replace(/^> ?/, ''));
        i++;
      }
      out.push(el('blockquote', parseLines(quoted.join('\n'), names)));
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = NUMBERED.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: MNode[] = [];
      while (i < lines.length && pattern.test(lines[i] ?? '')) {
        items.push(el('li', parseInline((lines[i] ?? '').replace(pattern, ''), names)));
        i++;
      }
      out.push(el(ordered ? 'ol' : 'ul', items));
    } else {
      const para: MNode[] = [];
      while (i < lines.length) {
        const next = lines[i] ?? '';
        if (next.startsWith('>') || BULLET.test(next) || NUMBERED.test(next)) break;
        if (para.length > 0) para.push(el('br', []));
        para.push(...parseInline(next, names));
        i++;
      }
      out.push(el('p', para));
    }
  }
  return out;
}

const STYLES: Record<string, MTag> = { '*': 'strong', _: 'em', '~': 'del' };
const WORDISH = /[\p{L}\p{N}]/u;

/** One line of mrkdwn as inline nodes. */
export function parseInline(text: string, names: Names = noNames): MNode[] {
  const out: MNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain) pushText(out, decodeEntities(plain));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '<') {
      const end = text.indexOf('>', i + 1);
      if (end > i + 1) {
        flush();
        out.push(...angle(text.slice(i + 1, end), names));
        i = end + 1;
        continue;
      }
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(el('code', [decodeEntities(text.slice(i + 1, end))]));
        i = end + 1;
        continue;
      }
    }
    const tag = STYLES[ch];
    if (tag && !WORDISH.test(text[i - 1] ?? '')) {
      const end = closing(text, i, ch);
      if (end > 0) {
        flush();
        out.push(el(tag, parseInline(text.slice(i + 1, end), names)));
        i = end + 1;
        continue;
      }
    }
    if (ch === ':') {
      const m = /^:([a-z0-9_+-]+):/.exec(text.slice(i));
      if (m?.[1] && EMOJI[m[1]]) {
        plain += EMOJI[m[1]];
        i += m[0].length;
        continue;
      }
    }
    if ((ch === 'h' || ch === 'H') && !WORDISH.test(text[i - 1] ?? '')) {
      const m = /^https?:\/\/[^\s<>]+[^\s<>.,;:!?)'"]/i.exec(text.slice(i));
      if (m) {
        flush();
        const url = decodeEntities(m[0]);
        out.push(el('a', [url], { href: url }));
        i += m[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** Where a `*`, `_` or `~` run that opens at `start` closes, or -1 when it does not. */
function closing(text: string, start: number, mark: string): number {
  const first = text[start + 1];
  if (first === undefined || first === ' ' || first === mark) return -1;
  for (let j = start + 2; j < text.length; j++) {
    if (text[j] === '<' || text[j] === '`') {
      // Skip over links and code so a mark inside them does not close the run.
      const end = text.indexOf(text[j] === '<' ? '>' : '`', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (text[j] === mark && text[j - 1] !== ' ' && !WORDISH.test(text[j + 1] ?? '')) return j;
  }
  return -1;
}

function pushText(out: MNode[], text: string): void {
  const last = out[out.length - 1];
  if (typeof last === 'string') out[out.length - 1] = last + text;
  else out.push(text);
}

function mention(text: string): MElement {
  return el('span', [text], { cls: 'mention' });
}

/** What `<…>` holds: a mention, a special mention, a date, or a link. */
function angle(inner: string, names: Names): MNode[] {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : '';
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return [mention(`@${names.user(id) ?? (label ? decodeEntities(label) : id)}`)];
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return [mention(`#${names.channel(id) ?? (label ? decodeEntities(label) : id)}`)];
  }
  if (target.startsWith('!')) {
    const word = target.slice(1);
    if (word.startsWith('subteam^')) return [mention(label ? decodeEntities(label) : '@group')];
    if (word.startsWith('date^')) return [decodeEntities(label || word)];
    const special = word.split('^')[0] ?? word;
    return [mention(`@${special}`)];
  }
  const url = decodeEntities(target);
  const shown = label ? decodeEntities(label) : url;
  if (isSafeUrl(url)) return [el('a', [shown], { href: url })];
  return [shown];
}

// ---------------------------------------------------------------------------------------------
// rich_text

type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Obj[] =>
  Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null) : [];

/** A rich_text block's elements as block nodes. */
export function parseRichText(elements: unknown, names: Names = noNames): MNode[] {
  const out: MNode[] = [];
  for (const part of list(elements)) {
    switch (part.type) {
      case 'rich_text_section':
        out.push(el('p', richInline(part.elements, names)));
        break;
      case 'rich_text_preformatted':
        out.push(el('pre', [richInline(part.elements, names).map(textOf).join('')]));
        break;
      case 'rich_text_quote':
        out.push(el('blockquote', [el('p', richInline(part.elements, names))]));
        break;
      case 'rich_text_list': {
        const items = list(part.elements).map((item) => el('li', richInline(item.elements, names)));
        out.push(el(part.style === 'ordered' ? 'ol' : 'ul', items));
        break;
      }
    }
  }
  return out;
}

/** The text of a node and everything under it. */
export function textOf(node: MNode): string {
  return typeof node === 'string' ? node : node.tag === 'br' ? '\n' : node.children.map(textOf).join('');
}

function richInline(elements: unknown, names: Names): MNode[] {
  const out: MNode[] = [];
  for (const part of list(elements)) {
    let node: MNode;
    switch (part.type) {
      case 'text':
        node = str(part.text);
        break;
      case 'link': {
        const url = str(part.url);
        const label = str(part.text) || url;
        node = isSafeUrl(url) ? el('a', [label], { href: url }) : label;
        break;
      }
      case 'user':
        node = mention(`@${names.user(str(part.user_id)) ?? str(part.user_id)}`);
        break;
      case 'channel':
        node = mention(`#${names.channel(str(part.channel_id)) ?? str(part.channel_id)}`);
        break;
      case 'usergroup':
        node = mention('@group');
        break;
      case 'broadcast':
        node = mention(`@${str(part.range) || 'here'}`);
        break;
      case 'emoji':
        node = part.unicode
          ? String.fromCodePoint(
              ...str(part.unicode)
                .split('-')
                .map((h) => Number.parseInt(h, 16) || 0x3f),
            )
          : emoji(str(part.name));
        break;
      case 'date':
        node = str(part.fallback) || str(part.timestamp);
        break;
      default:
        continue;
    }
    out.push(styled(node, part.style));
  }
  return out;
}

function styled(node: MNode, style: unknown): MNode {
  if (typeof style !== 'object' || style === null) return node;
  const s = style as Obj;
  let result = node;
  if (s.code) result = el('code', [textOf(result)]);
  if (s.strike) result = el('del', [result]);
  if (s.italic) result = el('em', [result]);
  if (s.bold) result = el('strong', [result]);
  return result;
}

/** Plain text with the known emoji shortcodes shown as the emoji (as Slack does when `emoji` is on). */
export function plainEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}
