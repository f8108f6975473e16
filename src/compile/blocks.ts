/**
 * A line-based scanner for the block structure of an article (a practical subset of CommonMark,
 * plus what blogs add to it): headings (ATX and setext, with every line they span), paragraphs,
 * list items and block quotes with exact line spans; code blocks, tables, images and HTML blocks
 * kept as figures; link and footnote definitions, template tags and MDX imports recognised so
 * that they stay out of the prose.
 */

export interface Heading {
  level: number;
  /** Raw inline Markdown of the heading, its lines joined by a space. */
  text: string;
  /** 1-based lines of the heading's text (a setext heading may span several; its underline excluded). */
  line: number;
  endLine: number;
  /** The heading's text lines verbatim (markers and container prefixes removed), joined by '\n'. */
  quote: string;
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
  /** Items of one list share a number; -1 for paragraphs and quotes. */
  list: number;
  /** Position among every block and figure of the article, in reading order. */
  order: number;
}

/** A code block, table, image or HTML block: shown on a slide as it is, never split into sentences. */
export interface FigureBlock {
  kind: 'code' | 'table' | 'html' | 'image';
  startLine: number;
  endLine: number;
  /** The figure's lines (code without its fence or indentation; a table's rows; an HTML block's lines). */
  lines: string[];
  /** Code: the fence's info string; '' otherwise. */
  info: string;
  heading: number;
  order: number;
}

/** A link reference definition, with its line: LCTT's `[#]: via: "…"` headers are made of them. */
export interface Definition {
  line: number;
  label: string;
  /** Everything after `[label]:`, trimmed. */
  rest: string;
}

export interface BlockScan {
  headings: Heading[];
  blocks: ProseBlock[];
  figures: FigureBlock[];
  /** Link reference definitions: lower-cased label → URL. */
  definitions: Map<string, string>;
  definitionLines: Definition[];
  /** Footnote definitions (`[^1]: …`) and their lines: notes to the text, never slides. */
  footnotes: { label: string; startLine: number; endLine: number; text: string }[];
  /** Lines that hold code (fenced or indented), for telling an article of only code. */
  codeLines: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`]*)$/u;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/u;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/u;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const HTML_BLOCK = /^ {0,3}<(?:!--|\?|![A-Z]|\/?(?:address|article|aside|blockquote|body|center|details|dialog|div|dl|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|iframe|img|li|main|nav|ol|p|picture|pre|script|section|source|style|summary|svg|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|canvas|math|object|embed|noscript|br)(?:[\s/>]|$))/iu;
/** Any tag alone on its line (CommonMark's HTML block type 7), JSX components in MDX included. */
/** How both HTML_BLOCK and LONE_TAG lines start: tested first, as HTML_BLOCK, case-insensitive, takes V8 over a millisecond to compile. */
const HTML_START = /^ {0,3}</u;
const LONE_TAG = /^ {0,3}<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>[ \t]*$/u;
/** A template tag alone on its line: Go's `{{image "x"}}`, Jekyll's `{% include %}`, mdBook's `{{#include}}`. */
const TEMPLATE_LINE = /^ {0,3}(?:\{\{.*\}\}|\{%.*%\})[ \t]*$/u;
/** MDX module lines: `import X from '…'` and `export const …`. */
const MDX_MODULE = /^(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['"][^'"]+['"];?|export\s+(?:const|let|default|function)\b.*)[ \t]*$/u;
/**
 * A custom container's fence, opening (`:::tip`, `::: warning 注意`, `:::note[Title]`, `::: {.aside}`)
 * or closing (`:::`): VitePress, Docusaurus, markdown-it-container and Pandoc's fenced divs.
 * The fence and its label are markup, not prose; what is between the fences is read as usual.
 */
const CONTAINER_FENCE = /^ {0,3}:{3,}(?:[ \t]*[\w{[-].*)?[ \t]*$/u;
const DEFINITION = /^ {0,3}\[([^\]]{1,200})\]:[ \t]*(.*)$/u;
const FOOTNOTE = /^ {0,3}\[\^([^\]\s]{1,40})\]:[ \t]*(.*)$/u;
const QUOTE = /^ {0,3}>[ \t]?/u;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)/u;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;
const BLANK = /^[ \t]*$/u;

/**
 * A heading's text without the attribute list that Markdown extensions put at its end for the
 * page's anchors and styles (`## Why {#why-composition-api}` in kramdown, Pandoc, Hugo, VitePress;
 * `{: #id .class}` in kramdown): an address, not words of the heading.
 */
export function withoutAttributes(text: string): string {
  return text.replace(/\s*\{(?::\s*)?[#.][A-Za-z_][\w:.-]*(?:\s+(?:[#.][A-Za-z_][\w:.-]*|[\w-]+=(?:"[^"]*"|'[^']*'|\S+)))*\s*\}\s*$/u, '').trim() || text;
}

/** The column a line's text starts at, a tab counting to the next multiple of `tabStop` (four in Markdown, as CommonMark says). */
export function columnOf(line: string, tabStop = 4): number {
  let column = 0;
  for (const c of line) {
    if (c === ' ') column++;
    else if (c === '\t') column += tabStop - (column % tabStop);
    else return column;
  }
  return column;
}

/** The line without its first `columns` columns of indentation. */
function dropColumns(line: string, columns: number): string {
  let column = 0;
  let k = 0;
  while (k < line.length && column < columns && (line[k] === ' ' || line[k] === '\t')) {
    column += line[k] === '\t' ? 4 - (column % 4) : 1;
    k++;
  }
  return line.slice(k);
}

/**
 * What ends an HTML block that does not end at a blank line, by how it starts (CommonMark 0.31,
 * HTML blocks 1-5); null for the others, which end at a blank line.
 */
export function htmlBlockEnd(firstLine: string): RegExp | null {
  const start = /^ {0,3}<(!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?=[\s>]|$))/iu.exec(firstLine)?.[1]?.toLowerCase();
  if (!start) return null;
  if (start === '!--') return /-->/u;
  if (start === '?') return /\?>/u;
  if (start === '![cdata[') return /\]\]>/u;
  if (start.startsWith('!')) return />/u;
  return /<\/(?:script|pre|style|textarea)>/iu;
}
const INDENTED = /^(?: {4}|\t)/u;
/** A paragraph that is only an image (and perhaps a link around it). */
const IMAGE_ONLY = /^\s*(?:\[\s*)?!\[[^\]]*\]\s*(?:\([^)]*\)|\[[^\]]*\])(?:\s*\]\s*\([^)]*\))?\s*$/u;

/** Collects an article's headings, prose blocks and figures in reading order; shared by the Markdown and plain-text scanners. */
export class Builder {
  readonly headings: Heading[] = [];
  readonly blocks: ProseBlock[] = [];
  readonly figures: FigureBlock[] = [];
  private lines: { text: string; prefix: number; line: number }[] = [];
  private kind: ProseBlock['kind'] = 'paragraph';
  private list = -1;
  private lists = 0;
  private order = 0;
  /** Whether the last block flushed was a list item (a following item joins its list). */
  private lastItem = false;

  get open(): boolean {
    return this.lines.length > 0;
  }

  get openKind(): ProseBlock['kind'] | null {
    return this.open ? this.kind : null;
  }

  start(kind: ProseBlock['kind'], text: string, prefix: number, line: number): void {
    this.flush();
    this.kind = kind;
    if (kind === 'item') {
      if (!this.lastItem) this.list = this.lists++;
    }
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
    const endLine = this.lines[this.lines.length - 1]?.line ?? line;
    const quote = this.lines.map((l) => l.text.trim()).join('\n');
    this.lines = [];
    this.lastItem = false;
    this.headings.push({ level, text: withoutAttributes(text), line, endLine, quote });
  }

  heading(level: number, text: string, line: number): void {
    this.flush();
    this.lastItem = false;
    this.headings.push({ level, text: withoutAttributes(text), line, endLine: line, quote: text });
  }

  figure(kind: FigureBlock['kind'], startLine: number, lines: string[], info = ''): void {
    this.flush();
    this.lastItem = false;
    this.figures.push({ kind, startLine, endLine: startLine + lines.length - 1, lines, info, heading: this.headings.length - 1, order: this.order++ });
  }

  /** A blank line or a block that is not prose ends a list. */
  endList(): void {
    this.lastItem = false;
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
    const text = this.lines.map((l) => l.text).join('\n');
    const startLine = this.lines[0]?.line ?? 1;
    const endLine = this.lines[this.lines.length - 1]?.line ?? 1;
    if (this.kind === 'paragraph' && IMAGE_ONLY.test(text)) {
      this.lines = [];
      this.figure('image', startLine, [text]);
      return;
    }
    this.blocks.push({
      kind: this.kind,
      startLine,
      endLine,
      text,
      lineStarts,
      prefixes,
      heading: this.headings.length - 1,
      list: this.kind === 'item' ? this.list : -1,
      order: this.order++,
    });
    this.lastItem = this.kind === 'item';
    this.lines = [];
  }
}

/** Cells of a table row: split at pipes that are not escaped or inside code spans. */
export function tableCells(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/u, '').replace(/\|$/u, '');
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i] ?? '';
    if (c === '\\' && trimmed[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      code = !code;
      cell += c;
    } else if (c === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * Scans an article's lines (already split, without line ends) into headings, prose blocks and
 * figures. Lines before `from` (front matter) are skipped.
 */
export function scanBlocks(lines: readonly string[], from = 0): BlockScan {
  const b = new Builder();
  const definitions = new Map<string, string>();
  const definitionLines: Definition[] = [];
  const footnotes: BlockScan['footnotes'] = [];
  let codeLines = 0;
  let lastWasItem = false;
  // The column where the content of the list item last opened starts ("1. " → 3), while its list
  // goes on: what is indented to it after a blank line belongs to the item (a paragraph, or code
  // indented four more), not to an indented code block of the page's.
  let listIndent: number | null = null;

  for (let i = from; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const line = i + 1;
    if (BLANK.test(text)) {
      lastWasItem = b.openKind === 'item' || (lastWasItem && !b.open);
      b.flush();
      continue;
    }
    // A block that starts left of the item's content (a quote, a table, a comment) ends its list.
    if (listIndent !== null && !b.open && columnOf(text) < listIndent && !ITEM.test(dropColumns(text, Math.min(columnOf(text), listIndent)))) listIndent = null;
    const fenceOpen = FENCE.exec(listIndent !== null ? text.replace(new RegExp(`^ {0,${listIndent}}`, 'u'), '') : text);
    if (fenceOpen) {
      b.flush();
      const fence = fenceOpen[1] ?? '```';
      const indent = /^ */u.exec(text)?.[0].length ?? 0;
      if (listIndent !== null && indent < listIndent) listIndent = null;
      const closeFence = new RegExp(`^ {0,${indent + 3}}(\`{3,}|~{3,})[ \\t]*$`, 'u');
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        // Closed at the fence's own indentation (a fence inside a list item is indented with it).
        const close = closeFence.exec(lines[j] ?? '');
        if (close && close[1]?.[0] === fence[0] && (close[1]?.length ?? 0) >= fence.length) break;
        body.push((lines[j] ?? '').replace(new RegExp(`^ {0,${indent}}`, 'u'), ''));
      }
      codeLines += body.length + 2;
      // The figure's lines are the code between the fences.
      if (body.some((l) => !BLANK.test(l))) b.figure('code', line + 1, body, (fenceOpen[2] ?? '').trim());
      else b.flush();
      i = j;
      lastWasItem = false;
      continue;
    }
    if (CONTAINER_FENCE.test(text)) {
      // The fence is markup; what it holds is the article's (a tip, a warning).
      b.flush();
      b.endList();
      listIndent = null;
      continue;
    }
    const atx = ATX.exec(text);
    if (atx) {
      b.heading(atx[1]?.length ?? 1, (atx[2] ?? '').trim(), line);
      lastWasItem = false;
      listIndent = null;
      continue;
    }
    const setext = SETEXT.exec(text);
    if (setext && b.openKind === 'paragraph') {
      b.toHeading(setext[1]?.[0] === '=' ? 1 : 2);
      continue;
    }
    if (RULE.test(text)) {
      b.flush();
      b.endList();
      listIndent = null;
      continue;
    }
    // A comment or a raw element may also cut a paragraph short (CommonMark's HTML blocks 1-5).
    const end = htmlBlockEnd(text);
    if ((!b.open && HTML_START.test(text) && (HTML_BLOCK.test(text) || LONE_TAG.test(text))) || (end && b.openKind === 'paragraph')) {
      const body: string[] = [];
      let j = i;
      if (end) {
        // A comment, a processing instruction, a declaration, CDATA or a raw element (script, pre,
        // style, textarea) runs to its own end, blank lines and all (CommonMark's HTML blocks 1-5):
        // a translation keeps the original's paragraphs in comments, and they are not the article's.
        for (; j < lines.length; j++) {
          body.push(lines[j] ?? '');
          // On the first line, after its "<" ("<!-->" and "<!--->" are whole comments).
          if (end.test(j === i ? text.replace(/^ {0,3}</u, '') : (lines[j] ?? ''))) break;
        }
        j = Math.min(j + 1, lines.length);
      } else for (; j < lines.length && !BLANK.test(lines[j] ?? ''); j++) body.push(lines[j] ?? '');
      // A comment is for the article's editors, never for its readers: nothing of it is shown.
      if (/^ {0,3}<!--/u.test(text)) b.flush();
      else b.figure('html', line, body);
      i = j - 1;
      continue;
    }
    if (!b.open && (TEMPLATE_LINE.test(text) || (MDX_MODULE.test(text) && !/[.!?。]$/u.test(text.trim()) && /^(?:import|export)\s/u.test(text)))) {
      b.endList();
      listIndent = null;
      continue;
    }
    if (!b.open) {
      const footnote = FOOTNOTE.exec(text);
      if (footnote) {
        // A footnote runs to the next blank line, with its indented continuation paragraphs.
        let j = i + 1;
        const body = [footnote[2] ?? ''];
        while (j < lines.length && (!BLANK.test(lines[j] ?? '') ? !FOOTNOTE.exec(lines[j] ?? '') : INDENTED.test(lines[j + 1] ?? ''))) {
          body.push((lines[j] ?? '').trim());
          j++;
        }
        footnotes.push({ label: footnote[1] ?? '', startLine: line, endLine: j, text: body.join(' ').trim() });
        i = j - 1;
        continue;
      }
      const def = DEFINITION.exec(text);
      if (def) {
        const rest = (def[2] ?? '').trim();
        const label = (def[1] ?? '').trim().toLowerCase();
        const url = /^<?([^\s>]+)>?/u.exec(rest)?.[1] ?? '';
        if (!definitions.has(label)) definitions.set(label, url);
        definitionLines.push({ line, label, rest });
        continue;
      }
      if (text.includes('|') && TABLE_DELIMITER.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
        const body: string[] = [];
        let j = i;
        for (; j < lines.length && !BLANK.test(lines[j] ?? '') && (lines[j] ?? '').includes('|'); j++) body.push(lines[j] ?? '');
        b.figure('table', line, body);
        i = j - 1;
        continue;
      }
      const column = columnOf(text);
      if (listIndent !== null && column >= listIndent + 4 && BLANK.test(lines[i - 1] ?? '')) {
        // Code inside a list item (a numbered step's command), indented four past the item's content.
        const inside = listIndent + 4;
        const body: string[] = [];
        let j = i;
        while (j < lines.length && (columnOf(lines[j] ?? '') >= inside || (BLANK.test(lines[j] ?? '') && columnOf(lines[j + 1] ?? '') >= inside))) {
          body.push(dropColumns(lines[j] ?? '', inside));
          j++;
        }
        while (body.length > 0 && BLANK.test(body[body.length - 1] ?? '')) {
          body.pop();
          j--;
        }
        // Written for an item's content at four columns ("1.  " or eight spaces under "1. "): the
        // code's own indentation is what its lines share beyond that.
        const shared = Math.min(...body.filter((l) => !BLANK.test(l)).map(columnOf));
        if (shared > 0 && Number.isFinite(shared)) body.splice(0, body.length, ...body.map((l) => dropColumns(l, shared)));
        codeLines += body.length;
        b.figure('code', line, body);
        i = j - 1;
        continue;
      }
      if (INDENTED.test(text) && !lastWasItem && listIndent === null) {
        const body: string[] = [];
        let j = i;
        while (j < lines.length && (INDENTED.test(lines[j] ?? '') || (BLANK.test(lines[j] ?? '') && INDENTED.test(lines[j + 1] ?? '')))) {
          body.push((lines[j] ?? '').replace(/^(?: {4}|\t)/u, ''));
          j++;
        }
        codeLines += body.length;
        b.figure('code', line, body);
        i = j - 1;
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
    // Inside a list, an item may be indented under the one before (a nested list).
    const nested: string = listIndent !== null ? dropColumns(text, Math.min(columnOf(text), listIndent)) : text;
    const item = ITEM.exec(nested);
    if (item && !(b.openKind === 'paragraph' && /^\d/u.test(item[2] ?? '') && item[2] !== '1.' && item[2] !== '1)')) {
      const before = text.length - nested.length;
      // MDN writes a definition list as items whose definition opens with ": " ("- : A list of values").
      const definition = /^:[ \t]+(?=\S)/u.exec(nested.slice(item[0].length))?.[0].length ?? 0;
      b.start('item', nested.slice(item[0].length + definition), before + item[0].length + definition, line);
      lastWasItem = true;
      const marker = (item[1]?.length ?? 0) + (item[2]?.length ?? 1);
      listIndent = columnOf(text) - columnOf(nested) + (BLANK.test(nested.slice(item[0].length)) ? marker + 1 : columnOf(item[0]) === item[0].length ? item[0].length : marker + 1);
      continue;
    }
    const indent = /^[ \t]*/u.exec(text)?.[0].length ?? 0;
    if (b.open) b.add(text.slice(indent), indent, line);
    else {
      // A paragraph between list items that is not indented under them ends the list.
      if (indent === 0) b.endList();
      if (listIndent !== null && columnOf(text) < listIndent) listIndent = null;
      b.start('paragraph', text.slice(indent), indent, line);
    }
    lastWasItem = false;
  }
  b.flush();
  return { headings: b.headings, blocks: b.blocks, figures: b.figures, definitions, definitionLines, footnotes, codeLines };
}
