/**
 * A line-based scanner for the block structure of an article (a practical subset of CommonMark):
 * headings (ATX and setext), paragraphs, list items and block quotes are kept with exact line
 * spans; code, HTML, tables and rules are recognised so that they are left out of the prose.
 */

export interface Heading {
  level: number;
  /** Raw inline Markdown of the heading. */
  text: string;
  /** 1-based line of the heading text. */
  line: number;
}

/** A run of prose lines: a paragraph, a list item or a paragraph inside a block quote. */
export interface ProseBlock {
  kind: 'paragraph' | 'item' | 'quote';
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The block's lines without their container prefixes (`> `, `- `, indentation), joined by '\n'. */
  text: string;
  /** For each line of the block: where it starts in `text`, and how many characters of prefix were removed. */
  lineStarts: number[];
  prefixes: number[];
  /** Index into `headings` of the heading the block is under, -1 before any heading. */
  heading: number;
}

export interface BlockScan {
  headings: Heading[];
  blocks: ProseBlock[];
  /** Link reference definitions: lower-cased label → URL. */
  definitions: Map<string, string>;
  /** Lines that hold code (fenced or indented), for telling an article of only code. */
  codeLines: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/u;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/u;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const HTML_BLOCK = /^ {0,3}<(?:!--|\?|![A-Z]|\/?(?:address|article|aside|blockquote|body|center|details|dialog|div|dl|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|iframe|img|li|main|nav|ol|p|picture|pre|script|section|source|style|summary|svg|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|canvas|math|object|embed|noscript|br)(?:[\s/>]|$))/iu;
const DEFINITION = /^ {0,3}\[([^\]]{1,200})\]:[ \t]*<?([^\s>]+)>?/u;
const QUOTE = /^ {0,3}>[ \t]?/u;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/u;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;
const BLANK = /^[ \t]*$/u;
const INDENTED = /^(?: {4}|\t)/u;

class Builder {
  readonly headings: Heading[] = [];
  readonly blocks: ProseBlock[] = [];
  private lines: { text: string; prefix: number; line: number }[] = [];
  private kind: ProseBlock['kind'] = 'paragraph';

  get open(): boolean {
    return this.lines.length > 0;
  }

  get openKind(): ProseBlock['kind'] | null {
    return this.open ? this.kind : null;
  }

  start(kind: ProseBlock['kind'], text: string, prefix: number, line: number): void {
    this.flush();
    this.kind = kind;
    this.lines.push({ text, prefix, line });
  }

  add(text: string, prefix: number, line: number): void {
    if (!this.open) this.kind = 'paragraph';
    this.lines.push({ text, prefix, line });
  }

  /** Turns the open paragraph into a setext heading. */
  toHeading(level: number): void {
    const text = this.lines.map((l) => l.text.trim()).join(' ');
    const line = this.lines[0]?.line ?? 1;
    this.lines = [];
    this.headings.push({ level, text, line });
  }

  heading(level: number, text: string, line: number): void {
    this.flush();
    this.headings.push({ level, text, line });
  }

  flush(): void {
    if (!this.open) return;
    const lineStarts: number[] = [];
    const prefixes: number[] = [];
    let offset = 0;
    for (const l of this.lines) {
      lineStarts.push(offset);
      prefixes.push(l.prefix);
      offset += l.text.length + 1;
    }
    this.blocks.push({
      kind: this.kind,
      startLine: this.lines[0]?.line ?? 1,
      endLine: this.lines[this.lines.length - 1]?.line ?? 1,
      text: this.lines.map((l) => l.text).join('\n'),
      lineStarts,
      prefixes,
      heading: this.headings.length - 1,
    });
    this.lines = [];
  }
}

/** Scans an article's lines (already split, without line ends) into headings and prose blocks. */
export function scanBlocks(lines: readonly string[]): BlockScan {
  const b = new Builder();
  const definitions = new Map<string, string>();
  let fence: string | null = null;
  let html = false;
  let table = false;
  let codeLines = 0;
  let lastWasItem = false;

  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const line = i + 1;
    if (fence !== null) {
      codeLines++;
      const close = FENCE.exec(text);
      if (close && close[1]?.[0] === fence[0] && (close[1]?.length ?? 0) >= fence.length && BLANK.test(text.slice(close[0].length))) fence = null;
      continue;
    }
    if (BLANK.test(text)) {
      lastWasItem = b.openKind === 'item' || (lastWasItem && !b.open);
      b.flush();
      html = false;
      table = false;
      continue;
    }
    if (html || table) continue;
    const fenceOpen = FENCE.exec(text);
    if (fenceOpen) {
      b.flush();
      fence = fenceOpen[1] ?? '```';
      codeLines++;
      continue;
    }
    const atx = ATX.exec(text);
    if (atx) {
      b.heading(atx[1]?.length ?? 1, (atx[2] ?? '').trim(), line);
      continue;
    }
    const setext = SETEXT.exec(text);
    if (setext && b.openKind === 'paragraph') {
      b.toHeading(setext[1]?.[0] === '=' ? 1 : 2);
      continue;
    }
    if (RULE.test(text)) {
      b.flush();
      continue;
    }
    if (HTML_BLOCK.test(text)) {
      b.flush();
      html = true;
      continue;
    }
    if (!b.open) {
      const def = DEFINITION.exec(text);
      if (def && BLANK.test(text.slice(def[0].length).replace(/^[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\))/u, ''))) {
        const label = (def[1] ?? '').trim().toLowerCase();
        if (!definitions.has(label)) definitions.set(label, def[2] ?? '');
        continue;
      }
      if (text.includes('|') && TABLE_DELIMITER.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
        table = true;
        continue;
      }
      if (INDENTED.test(text) && !lastWasItem) {
        codeLines++;
        continue;
      }
    }
    const quote = QUOTE.exec(text);
    if (quote) {
      const rest = text.slice(quote[0].length);
      if (BLANK.test(rest)) b.flush();
      else if (b.openKind === 'quote') b.add(rest, quote[0].length, line);
      else b.start('quote', rest, quote[0].length, line);
      continue;
    }
    const item = ITEM.exec(text);
    if (item && !(b.openKind === 'paragraph' && /^\d/u.test(item[2] ?? '') && item[2] !== '1.' && item[2] !== '1)')) {
      b.start('item', text.slice(item[0].length), item[0].length, line);
      lastWasItem = true;
      continue;
    }
    const indent = /^[ \t]*/u.exec(text)?.[0].length ?? 0;
    if (b.open) b.add(text.slice(indent), indent, line);
    else b.start('paragraph', text.slice(indent), indent, line);
    lastWasItem = false;
  }
  b.flush();
  return { headings: b.headings, blocks: b.blocks, definitions, codeLines };
}
