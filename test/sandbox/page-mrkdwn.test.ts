// The sandbox page's mrkdwn and rich_text parser: each construct, Slack's entities, links with bad
// schemes, and hostile strings, which must come out as text leaves (the page sets them with textContent).
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  isSafeUrl,
  type MNode,
  type Names,
  parseInline,
  parseMrkdwn,
  parseRichText,
  textOf,
} from '../../src/sandbox/page/client/mrkdwn';

const names: Names = {
  user: (id) => ({ U1: 'Alex Rivera', B1: 'Coach' })[id],
  channel: (id) => (id === 'C1' ? 'cohort-fall' : undefined),
};

/** Every element's tag and href in the tree, for checking that nothing else slipped in. */
function elements(nodes: MNode[]): { tag: string; href?: string }[] {
  return nodes.flatMap((n) =>
    typeof n === 'string'
      ? []
      : [{ tag: n.tag, ...(n.href ? { href: n.href } : {}) }, ...elements(n.children)],
  );
}

const allText = (nodes: MNode[]) => nodes.map(textOf).join('');

describe('inline mrkdwn', () => {
  it('reads bold, italic, strike and code', () => {
    expect(parseInline('*bold* and _italic_ and ~gone~ and `x = 1`')).toEqual([
      { tag: 'strong', children: ['bold'] },
      ' and ',
      { tag: 'em', children: ['italic'] },
      ' and ',
      { tag: 'del', children: ['gone'] },
      ' and ',
      { tag: 'code', children: ['x = 1'] },
    ]);
  });

  it('nests styles', () => {
    expect(parseInline('*bold _and italic_*')).toEqual([
      { tag: 'strong', children: ['bold ', { tag: 'em', children: ['and italic'] }] },
    ]);
  });

  it('leaves marks inside words and unclosed marks as text', () => {
    expect(parseInline('snake_case_name')).toEqual(['snake_case_name']);
    expect(parseInline('2 * 3 = 6')).toEqual(['2 * 3 = 6']);
    expect(parseInline('*not closed')).toEqual(['*not closed']);
  });

  it('keeps code literal', () => {
    expect(parseInline('`*not bold* <@U1>`', names)).toEqual([
      { tag: 'code', children: ['*not bold* <@U1>'] },
    ]);
  });

  it('links safe URLs, with or without a label', () => {
    expect(parseInline('<https://example.com/a?b=1&amp;c=2|the site>')).toEqual([
      { tag: 'a', children: ['the site'], href: 'https://example.com/a?b=1&c=2' },
    ]);
    expect(parseInline('<mailto:jane@example.com>')).toEqual([
      { tag: 'a', children: ['mailto:jane@example.com'], href: 'mailto:jane@example.com' },
    ]);
  });

  it('auto-links bare http(s) URLs, without trailing punctuation', () => {
    expect(parseInline('see https://example.com/x.')).toEqual([
      'see ',
      { tag: 'a', children: ['https://example.com/x'], href: 'https://example.com/x' },
      '.',
    ]);
  });

  it('shows links with other schemes as text', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      const nodes = parseInline(`<${bad}|click me>`);
      expect(elements(nodes)).toEqual([]);
      expect(allText(nodes)).toBe('click me');
    }
    expect(parseInline('<javascript:alert(1)>')).toEqual(['javascript:alert(1)']);
  });

  it('names user and channel mentions', () => {
    expect(parseInline('hi <@U1> and <@B1> in <#C1>', names)).toEqual([
      'hi ',
      { tag: 'span', children: ['@Alex Rivera'], cls: 'mention' },
      ' and ',
      { tag: 'span', children: ['@Coach'], cls: 'mention' },
      ' in ',
      { tag: 'span', children: ['#cohort-fall'], cls: 'mention' },
    ]);
  });

  it('falls back to the label, then the id, for unknown mentions', () => {
    expect(allText(parseInline('<#C9|general> <@U9>', names))).toBe('#general @U9');
  });

  it('reads special mentions and dates', () => {
    expect(allText(parseInline('<!here> <!channel> <!everyone> <!subteam^S1|@mentors>'))).toBe(
      '@here @channel @everyone @mentors',
    );
    expect(allText(parseInline('<!date^1392734382^{date_short}|Feb 18, 2014>'))).toBe('Feb 18, 2014');
  });

  it('decodes the entities Slack escapes, once', () => {
    expect(parseInline('a &lt;b&gt; &amp; c')).toEqual(['a <b> & c']);
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('shows the known emoji shortcodes as emoji and others as text', () => {
    expect(parseInline(':wave: hi :not_an_emoji:')).toEqual(['👋 hi :not_an_emoji:']);
  });
});

describe('block mrkdwn', () => {
  it('splits lines into a paragraph with breaks', () => {
    expect(parseMrkdwn('one\ntwo')).toEqual([
      { tag: 'p', children: ['one', { tag: 'br', children: [] }, 'two'] },
    ]);
  });

  it('reads quotes', () => {
    expect(parseMrkdwn('>quoted *line*\n> second\nafter')).toEqual([
      {
        tag: 'blockquote',
        children: [
          {
            tag: 'p',
            children: [
              'quoted ',
              { tag: 'strong', children: ['line'] },
              { tag: 'br', children: [] },
              'second',
            ],
          },
        ],
      },
      { tag: 'p', children: ['after'] },
    ]);
  });

  it('reads bulleted and numbered lists', () => {
    expect(parseMrkdwn('• one\n- two')).toEqual([
      {
        tag: 'ul',
        children: [
          { tag: 'li', children: ['one'] },
          { tag: 'li', children: ['two'] },
        ],
      },
    ]);
    expect(parseMrkdwn('Steps:\n1. first\n2. second')).toEqual([
      { tag: 'p', children: ['Steps:'] },
      {
        tag: 'ol',
        children: [
          { tag: 'li', children: ['first'] },
          { tag: 'li', children: ['second'] },
        ],
      },
    ]);
  });

  it('keeps preformatted text as is, across lines', () => {
    expect(parseMrkdwn('before ```*a*\n<@U1> &lt;b&gt;``` after', names)).toEqual([
      { tag: 'p', children: ['before '] },
      { tag: 'pre', children: ['*a*\n<@U1> <b>'] },
      { tag: 'p', children: [' after'] },
    ]);
  });

  it('shows an unclosed fence as text', () => {
    expect(allText(parseMrkdwn('a ```b'))).toBe('a ```b');
  });

  it('does not quote escaped user text (the app escapes > as &gt;)', () => {
    expect(parseMrkdwn('&gt; not a quote')).toEqual([{ tag: 'p', children: ['> not a quote'] }]);
  });
});

describe('hostile text', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '&lt;img src=x onerror=alert(1)&gt;',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
  ];

  it('turns into text leaves and only the fixed tags, never a link to a bad scheme', () => {
    for (const raw of hostile) {
      const nodes = parseMrkdwn(raw, names);
      for (const e of elements(nodes)) {
        expect([
          'p',
          'br',
          'span',
          'a',
          'strong',
          'em',
          'del',
          'code',
          'pre',
          'blockquote',
          'ul',
          'ol',
          'li',
        ]).toContain(e.tag);
        if (e.href) expect(isSafeUrl(e.href)).toBe(true);
      }
    }
  });

  it('shows a contact named <img src=x onerror=alert(1)> literally, as the app escapes it', () => {
    // kit.ts esc() turns < > & into entities; the page turns them back into the same characters, as text.
    const escaped = '*Jane* &lt;img src=x onerror=alert(1)&gt;';
    const nodes = parseMrkdwn(escaped);
    expect(allText(nodes)).toBe('Jane <img src=x onerror=alert(1)>');
    expect(elements(nodes).map((e) => e.tag)).toEqual(['p', 'strong']);
  });

  it('survives long and odd input', () => {
    const long = `${'*_~`<'.repeat(2000)}${'>'.repeat(100)}`;
    expect(() => parseMrkdwn(long)).not.toThrow();
    expect(() => parseMrkdwn('```'.repeat(101))).not.toThrow();
  });
});

describe('rich_text', () => {
  it('reads sections with styled text, links and mentions', () => {
    const nodes = parseRichText(
      [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'Hi ', style: { bold: true } },
            { type: 'user', user_id: 'U1' },
            { type: 'text', text: ', see ' },
            { type: 'link', url: 'https://example.com', text: 'this' },
            { type: 'text', text: ' in ' },
            { type: 'channel', channel_id: 'C1' },
            { type: 'link', url: 'javascript:alert(1)', text: 'bad' },
            { type: 'emoji', name: 'tada' },
            { type: 'broadcast', range: 'here' },
          ],
        },
      ],
      names,
    );
    expect(nodes).toEqual([
      {
        tag: 'p',
        children: [
          { tag: 'strong', children: ['Hi '] },
          { tag: 'span', children: ['@Alex Rivera'], cls: 'mention' },
          ', see ',
          { tag: 'a', children: ['this'], href: 'https://example.com' },
          ' in ',
          { tag: 'span', children: ['#cohort-fall'], cls: 'mention' },
          'bad',
          '🎉',
          { tag: 'span', children: ['@here'], cls: 'mention' },
        ],
      },
    ]);
  });

  it('reads lists, quotes and preformatted text', () => {
    const nodes = parseRichText([
      {
        type: 'rich_text_list',
        style: 'ordered',
        elements: [
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] },
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'two', style: { italic: true } }] },
        ],
      },
      { type: 'rich_text_quote', elements: [{ type: 'text', text: 'wise words' }] },
      { type: 'rich_text_preformatted', elements: [{ type: 'text', text: '<b>as is</b>' }] },
    ]);
    expect(nodes).toEqual([
      {
        tag: 'ol',
        children: [
          { tag: 'li', children: ['one'] },
          { tag: 'li', children: [{ tag: 'em', children: ['two'] }] },
        ],
      },
      { tag: 'blockquote', children: [{ tag: 'p', children: ['wise words'] }] },
      { tag: 'pre', children: ['<b>as is</b>'] },
    ]);
  });

  it('does not read rich text as mrkdwn', () => {
    const nodes = parseRichText(
      [{ type: 'rich_text_section', elements: [{ type: 'text', text: '*x* <@U1>' }] }],
      names,
    );
    expect(nodes).toEqual([{ tag: 'p', children: ['*x* <@U1>'] }]);
  });

  it('ignores what is not a list of objects', () => {
    expect(parseRichText('nope')).toEqual([]);
    expect(parseRichText([null, 3, { type: 'rich_text_section', elements: 'x' }])).toEqual([
      { tag: 'p', children: [] },
    ]);
  });
});
