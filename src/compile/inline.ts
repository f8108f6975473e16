/**
 * Inline Markdown of article text: what to mask before sentence splitting (link targets, code,
 * URLs, tags) and how to turn a passage into plain text. Plain text is made only by deleting
 * markup; every deletion leaves a SENTINEL so that later steps know where words were cut apart.
 */

/** Marks where something was deleted; resolved to a space or nothing by `resolveSentinels`. */
export const SENTINEL = '\u0000';

/** Link reference definitions of an article: lower-cased label → URL. */
export type LinkDefinitions = ReadonlyMap<string, string>;

interface LinkMatch {
  /** Offsets of the link text inside the brackets. */
  textStart: number;
  textEnd: number;
  /** Offset just past the whole link. */
  end: number;
  url: string;
}

/** How far to look for a closing bracket: keeps stray brackets in huge paragraphs linear. */
const MAX_LINK_TEXT = 1000;
const MAX_LINK_DEST = 2000;

/**
 * Offset of the `close` that balances the `open` at `at`, skipping escapes; -1 when there is none
 * within `limit` characters or a blank line (a paragraph break) comes first.
 */
function closing(raw: string, at: number, open: string, close: string, limit: number): number {
  let depth = 0;
  const end = Math.min(raw.length, at + limit);
  for (let i = at; i < end; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
    else if (c === '\n' && raw[i + 1] === '\n') return -1;
  }
  return -1;
}

const closingBracket = (raw: string, open: number): number => closing(raw, open, '[', ']', MAX_LINK_TEXT);
const closingParen = (raw: string, open: number): number => closing(raw, open, '(', ')', MAX_LINK_DEST);

/** A link `[text](url)`, `[text][ref]` or `[ref]` (when defined) starting at `at`, or null. */
function linkAt(raw: string, at: number, defs: LinkDefinitions): LinkMatch | null {
  const close = closingBracket(raw, at);
  if (close < 0) return null;
  const text = raw.slice(at + 1, close);
  if (raw[close + 1] === '(') {
    const end = closingParen(raw, close + 1);
    if (end < 0) return null;
    const dest = raw.slice(close + 2, end).trim();
    const url = (dest.startsWith('<') ? dest.slice(1, dest.indexOf('>') >= 0 ? dest.indexOf('>') : undefined) : dest.split(/\s+/u)[0]) ?? '';
    return { textStart: at + 1, textEnd: close, end: end + 1, url };
  }
  if (raw[close + 1] === '[') {
    const refClose = raw.indexOf(']', close + 2);
    if (refClose < 0 || refClose - close > 200) return null;
    const label = raw.slice(close + 2, refClose).trim().toLowerCase() || text.trim().toLowerCase();
    return { textStart: at + 1, textEnd: close, end: refClose + 1, url: defs.get(label) ?? '' };
  }
  const url = defs.get(text.trim().toLowerCase());
  return url === undefined ? null : { textStart: at + 1, textEnd: close, end: close + 1, url };
}

const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>()[\]"“”'‘’]+/y;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp);/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const FOOTNOTE_REF = /\[\^[^\]\s]{1,40}\]/y;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function matchAt(pattern: RegExp, raw: string, at: number): string | null {
  pattern.lastIndex = at;
  const match = pattern.exec(raw);
  return match ? match[0] : null;
}

/** A bare URL without the punctuation that ends the sentence around it. */
function bareUrl(raw: string, at: number): string | null {
  const prev = at > 0 ? raw[at - 1] : ' ';
  if (WORD_CHAR.test(prev ?? ' ')) return null;
  const url = matchAt(BARE_URL, raw, at);
  return url ? url.replace(/[.,;:!?]+$/u, '') : null;
}

function codeSpanEnd(raw: string, at: number): number {
  let ticks = 0;
  while (raw[at + ticks] === '`') ticks++;
  const fence = '`'.repeat(ticks);
  let from = at + ticks;
  for (;;) {
    const close = raw.indexOf(fence, from);
    if (close < 0 || close - at > MAX_LINK_DEST) return -1;
    let after = close + ticks;
    if (raw[after] !== '`') return after;
    while (raw[after] === '`') after++;
    from = after;
  }
}

/**
 * Ranges of raw text a sentence may not end inside: link targets, images, code spans, autolinks,
 * HTML tags and bare URLs. Offsets into `raw`, sorted, end exclusive.
 */
export function protectedRanges(raw: string, defs: LinkDefinitions): [number, number][] {
  const ranges: [number, number][] = [];
  const special = /[\\`[!<]|https?:\/\/|www\./gu;
  for (let m = special.exec(raw); m; m = special.exec(raw)) {
    const i = m.index;
    const c = m[0];
    let next = i + 1;
    if (c === '\\') {
      next = i + 2;
    } else if (c === '`') {
      const end = codeSpanEnd(raw, i);
      if (end > 0) {
        ranges.push([i, end]);
        next = end;
      } else {
        while (raw[next] === '`') next++;
      }
    } else if (c === '[' || (c === '!' && raw[i + 1] === '[')) {
      const image = c === '!';
      const link = linkAt(raw, image ? i + 1 : i, defs);
      if (link) {
        // A whole link: a "?" or "。" inside its text does not end the sentence around it.
        ranges.push([i, link.end]);
        if (image) next = link.end;
      } else if (image) next = i + 2;
    } else if (c === '<') {
      const tag = matchAt(AUTOLINK, raw, i) ?? matchAt(HTML_TAG, raw, i);
      if (tag) {
        ranges.push([i, i + tag.length]);
        next = i + tag.length;
      }
    } else if (c !== '!') {
      const url = bareUrl(raw, i);
      if (url) {
        ranges.push([i, i + url.length]);
        next = i + url.length;
      }
    }
    special.lastIndex = next;
  }
  return mergeRanges(ranges);
}

/**
 * Sorts ranges and merges those that overlap or touch. A link's target is protected as a whole,
 * and a bare URL inside it would be protected again: overlapping ranges, masked one after the
 * other, made the masked text longer than the text and shifted every later sentence boundary.
 */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  if (ranges.length < 2) return ranges;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Plain text of a passage with markup deleted, and the link targets it held. */
export interface Stripped {
  /** Text with SENTINEL where markup was deleted; link text, code spans and words kept. */
  text: string;
  urls: string[];
}

/**
 * Deletes inline Markdown from a passage: images, link targets (keeping the link text), autolinks,
 * bare URLs, HTML tags, footnote references, emphasis markers and backslashes of escapes.
 */
/**
 * An unfilled template placeholder: `{{{ x }}}` (Handlebars, Hugo's raw output), `{{ .Site.Title }}`
 * (a Go template's field or variable), `{{< figure … >}}` and `{{% heading "x" %}}` (Hugo's
 * shortcodes), `{% x %}` (Liquid, Jinja). Not `{{ message }}` or `{{1, 2}}`
 * in prose, which may be what the article is about (Vue's interpolation, a Python set in a set).
 */
/**
 * An MDN (KumaScript) macro call: `{{domxref("console")}}`, `{{APIRef("Console API")}}`, or a bare
 * capitalised one, `{{Compat}}`; not Vue's `{{ message }}`, which an article may be about.
 */
const MDN_MACRO = /\{\{\s*(?:[A-Za-z][\w-]*\(\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+)?(?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+))*\s*\)|(?:[A-Z][\w-]*|[a-z]+Sidebar))\s*\}\}/uy;
/** Macros whose argument is a page's name, shown as a link in the page. */
const NAMING_MACRO = /^(?:domxref|jsxref|htmlelement|cssxref|svgelement|svgattr|httpheader|httpmethod|httpstatus|glossary|event|webextapiref|htmlattrxref|mathmlelement|rfc)$/iu;

const TEMPLATE_PLACEHOLDER = /\{\{\{[^{}\n]{1,80}\}\}\}|\{\{-?\s*[.$][^{}\n]{0,80}\}\}|\{\{<\s*\/?[\w-][^\n]{0,200}?>\}\}|\{\{%\s*\/?[\w-][^\n]{0,200}?%\}\}|\{%[^%\n]{1,80}%\}/uy;

export function stripMarkup(raw: string, defs: LinkDefinitions): Stripped {
  const urls: string[] = [];
  const out: string[] = [];
  let plainFrom = 0;
  const cut = (from: number, to: number, replacement: string) => {
    if (from > plainFrom) out.push(raw.slice(plainFrom, from));
    out.push(replacement);
    plainFrom = to;
  };
  // Jump from one character that may start markup to the next; plain text in between is kept whole.
  const special = /[\\`![<&*_~]|https?:\/\/|www\.|\{\{|\{%/gu;
  for (let m = special.exec(raw); m; m = special.exec(raw)) {
    const i = m.index;
    const c = m[0];
    let next = i + 1;
    switch (c) {
      case '{{':
      case '{%': {
        // A template's placeholder no one filled in ("TiDB 是 {{{.company }}} 公司…", "{% include %}"):
        // the page's machinery, not its words. It goes, with the space after it.
        // A KumaScript macro of MDN's that names a page ({{domxref("console")}}, {{jsxref("Array.prototype.map")}},
        // {{HTMLElement("div")}}) reads as that name; one that only lays the page out ({{APIRef("Console API")}},
        // {{Compat}}, {{PreviousNext(…)}}) goes.
        const macro = matchAt(MDN_MACRO, raw, i);
        if (macro) {
          const [, name = '', arg = '', shown] = /^\{\{\s*(\w+)\(\s*["']([^"']*)["'](?:\s*,\s*["']([^"']*)["'])?/u.exec(macro) ?? [];
          const words = NAMING_MACRO.test(name) ? (shown ?? arg) : '';
          const space = !words && /\s/u.test(raw[i - 1] ?? ' ') ? (matchAt(/\s+/uy, raw, i + macro.length)?.length ?? 0) : 0;
          cut(i, i + macro.length + space, words);
          next = i + macro.length + space;
          break;
        }
        const placeholder = matchAt(TEMPLATE_PLACEHOLDER, raw, i);
        if (placeholder) {
          const end = i + placeholder.length;
          // A shortcode that carries words for the reader keeps them: `{{< glossary_tooltip text="Pods" term_id="pod" >}}`.
          const words = /^\{\{[<%]\s*[\w-]+\b[^\n]*?\btext="([^"]{1,120})"/u.exec(placeholder)?.[1];
          if (words) {
            cut(i, end, words);
            next = end;
            break;
          }
          const space = /\s/u.test(raw[i - 1] ?? ' ') ? (matchAt(/\s+/uy, raw, end)?.length ?? 0) : 0;
          cut(i, end + space, '');
          next = end + space;
        }
        break;
      }
      case '\\':
        if (i + 1 < raw.length && /[!-/:-@[-`{-~]/u.test(raw[i + 1] ?? '')) {
          cut(i, i + 1, '');
          next = i + 2;
        }
        break;
      case '`': {
        const end = codeSpanEnd(raw, i);
        if (end > 0) {
          next = end;
          const role = end > 0 ? restRole(raw, plainFrom, i, end) : null;
          if (role) {
            cut(role.from, role.to, role.text);
            next = role.to;
          }
        } else while (raw[next] === '`') next++;
        break;
      }
      case '!':
      case '[': {
        if (c === '[' && raw[i + 1] === '^') {
          const ref = matchAt(FOOTNOTE_REF, raw, i);
          if (ref) {
            cut(i, i + ref.length, SENTINEL);
            next = i + ref.length;
            break;
          }
        }
        const image = c === '!';
        if (image && raw[i + 1] !== '[') break;
        const link = linkAt(raw, image ? i + 1 : i, defs);
        if (!link) break;
        if (link.url) urls.push(link.url);
        if (image) {
          cut(i, link.end, SENTINEL);
        } else {
          const inner = stripMarkup(raw.slice(link.textStart, link.textEnd), defs);
          urls.push(...inner.urls);
          cut(i, link.end, `${SENTINEL}${inner.text}${SENTINEL}`);
        }
        next = link.end;
        break;
      }
      case '<': {
        const auto = matchAt(AUTOLINK, raw, i);
        const tag = auto ?? matchAt(HTML_TAG, raw, i);
        if (tag) {
          if (auto) urls.push(auto.slice(1, -1));
          cut(i, i + tag.length, SENTINEL);
          next = i + tag.length;
        }
        break;
      }
      case '&': {
        const entity = matchAt(ENTITY, raw, i);
        if (entity) {
          cut(i, i + entity.length, ENTITIES[entity.slice(1, -1)] ?? '');
          next = i + entity.length;
        }
        break;
      }
      case '*':
      case '_':
      case '~': {
        let j = i;
        while (raw[j] === c) j++;
        const before = i > 0 ? (raw[i - 1] ?? ' ') : ' ';
        const after = raw[j] ?? ' ';
        const spaced = /\s/u.test(before) && /\s/u.test(after);
        const intraword = WORD_CHAR.test(before) && WORD_CHAR.test(after);
        const marker = c === '~' ? j - i === 2 : !spaced && !(c === '_' && intraword);
        if (marker) cut(i, j, SENTINEL);
        next = j;
        break;
      }
      default: {
        const url = bareUrl(raw, i);
        if (url) {
          urls.push(url);
          cut(i, i + url.length, SENTINEL);
          next = i + url.length;
        }
      }
    }
    special.lastIndex = next;
  }
  if (plainFrom < raw.length) out.push(raw.slice(plainFrom));
  const text = out.length === 1 ? (out[0] ?? '') : out.join('');
  // reStructuredText's "For example::" reads "For example:".
  const end = text.trimEnd();
  return { text: end.endsWith('::') && /\p{L}$/u.test(end.slice(-3, -2)) ? `${end.slice(0, -1)}${text.slice(end.length)}` : text, urls };
}

/** reStructuredText roles whose text is code: `:func:`os.path.join``, `:class:`Foo``. */
const CODE_ROLES = /^(?:(?:py|c|cpp|js):)?(?:func|meth|class|mod|attr|data|obj|exc|const|envvar|option|program|file|command|samp|kbd|macro|type|member|var|code|literal)$/u;
/** The other roles of reStructuredText and Sphinx, read as their text (an emoji's `:rocket:` is none of them). */
const TEXT_ROLES = /^(?:ref|doc|term|abbr|dfn|guilabel|menuselection|emphasis|strong|sub|sup|title-reference|numref|keyword|token|download|math|manpage|mimetype|newsgroup|regexp|any|index)$/u;

/**
 * A reStructuredText role or hyperlink around the code span from `start` to `end`, as the reader
 * sees it: `:pep:`256`` is "PEP 256", `:rfc:`2119`` "RFC 2119", `:ref:`the guide <guide>`` "the
 * guide", `:func:`os.path.join`` the code span `os.path.join`, and `the docs <https://…>`_ "the
 * docs". Only roles reStructuredText and Sphinx define; null when the span is Markdown's code
 * (`:rocket:`deploy`` is an emoji before code, `_always call `close()`_` emphasis).
 */
function restRole(raw: string, plainFrom: number, start: number, end: number): { from: number; to: number; text: string } | null {
  const ticks = /^`+/u.exec(raw.slice(start))?.[0].length ?? 1;
  const inner = raw.slice(start + ticks, end - ticks);
  const shown = (/^(.*?)\s*<[^<>]+>$/su.exec(inner)?.[1] ?? inner).replace(/^~/u, '');
  const role = /:((?:[a-z]+:)?[a-z][\w.+-]*):$/u.exec(raw.slice(Math.max(plainFrom, start - 40), start));
  const name = role?.[1] ?? '';
  if (role && ticks === 1 && (name === 'pep' || name === 'rfc' || CODE_ROLES.test(name) || TEXT_ROLES.test(name))) {
    const from = start - (role[0]?.length ?? 0);
    if (name === 'pep' || name === 'rfc') return { from, to: end, text: `${name.toUpperCase()} ${shown}` };
    if (CODE_ROLES.test(name)) return { from, to: end, text: `\`${shown}\`` };
    return { from, to: end, text: shown };
  }
  // A hyperlink with its target: `text <url>`_ (and the anonymous `…`__). Not Markdown's
  // _emphasis around `code`_, which names no target.
  if (ticks === 1 && raw[end] === '_' && /\s<[^<>\s]+>$/u.test(inner) && !/[\p{L}\p{N}]/u.test(raw[end + (raw[end + 1] === '_' ? 2 : 1)] ?? ' ')) {
    return { from: start, to: end + (raw[end + 1] === '_' ? 2 : 1), text: shown };
  }
  return null;
}

const LATIN_WORDISH = /[\p{L}\p{N}]/u;
const CJK_OR_SPACE = /[\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Turns sentinels into a space where deleting markup would otherwise glue two words (or a colon
 * and a word) together, and into nothing elsewhere; then collapses whitespace.
 */
export function resolveSentinels(text: string): string {
  let out = text;
  if (text.includes(SENTINEL)) {
    const parts: string[] = [];
    let from = 0;
    for (let at = text.indexOf(SENTINEL); at >= 0; at = text.indexOf(SENTINEL, from)) {
      let end = at;
      while (text[end] === SENTINEL) end++;
      const before = text[at - 1] ?? ' ';
      const after = text[end] ?? ' ';
      parts.push(text.slice(from, at));
      if (!CJK_OR_SPACE.test(before) && !CJK_OR_SPACE.test(after) && LATIN_WORDISH.test(after) && (LATIN_WORDISH.test(before) || /[:;,!?.)\]”"]/u.test(before))) {
        parts.push(' ');
      }
      from = end;
    }
    parts.push(text.slice(from));
    out = parts.join('');
  }
  if (out.includes('\n')) out = joinCjkLines(out);
  return NEEDS_COLLAPSE.test(out) ? out.replace(/\s+/gu, ' ').trim() : out;
}

/** Chinese and Japanese characters and their punctuation (CJK symbols, full-width forms). */
const CJK_TEXT = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303F\\uFF00-\\uFFEF';
const LINE_BREAK_IN_CJK = new RegExp(`(?<=[${CJK_TEXT}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK_TEXT}])`, 'gu');

/**
 * A line break of a hard-wrapped paragraph between two Chinese (or Japanese) characters joins
 * them with nothing, as a browser renders it: "且你可以在一个\n文件中" reads "且你可以在一个文件中".
 * Between a CJK character and a Latin word it stays a space ("在一个 YAML 文件中").
 */
export function joinCjkLines(text: string): string {
  return text.replace(LINE_BREAK_IN_CJK, '');
}

/** Whitespace other than single spaces between words. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]|^\s|\s$/u;

/** Plain text of inline Markdown: markup deleted, whitespace collapsed. */
export function plainText(raw: string, defs: LinkDefinitions): string {
  return resolveSentinels(stripMarkup(raw, defs).text);
}
