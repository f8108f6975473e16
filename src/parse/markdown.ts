import { Marked, type Token, type Tokens } from 'marked';
import type { AlertKind, Block, CellAlign, Inline, ListItem } from '../deck/index.js';
import { inlineText } from '../deck/index.js';
import { parseCodeInfo } from './code-info.js';
import { commentBody, decodeEntities, htmlToText, imageTag, isBreakTag, isComment } from './html-text.js';
import { DiagnosticSink, type SourceLine } from './source-line.js';

/**
 * The one Markdown parser of talkdeck: a private instance, GitHub-flavoured, never the global
 * `marked` (whose options anyone could change). Its tokens are turned into deck blocks here and
 * never leave this file.
 */
const markdown = new Marked({ gfm: true, breaks: false, pedantic: false });

/**
 * How long reading one run of Markdown may take. marked is quadratic or worse on input no real
 * deck holds (thousands of unmatched `*` or `_` in one paragraph take seconds, lists nested hundreds
 * deep minutes), and a deck from someone else must not freeze the presenter: past this budget the
 * run is shown as plain text, with an error at its line. Real Markdown reads at about 0.2 ms a KB;
 * the budget is ten times that, and a quarter of a second more, of CPU time (so that a busy machine
 * does not cut off a real deck).
 */
const LEX_BUDGET_MS = 250;
const LEX_BUDGET_MS_PER_KB = 2;

/** Reading a run of Markdown went past its budget. */
class LexTimeout extends Error {}

/** When the run being read must be done (performance.now()); Infinity between runs. */
let lexDeadline = Infinity;
/** The run's budget, and the process's CPU time when it began (ms). */
let lexBudgetMs = 0;
let lexStartCpuMs = 0;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Called before the tokenizers that can loop long; declines, so marked's own tokenizer runs. */
function withinBudget(): false {
  if (performance.now() > lexDeadline) {
    // The budget is CPU time: on a loaded machine the clock runs while this process waits, and a
    // real deck must not be cut off for that. The clock is the cheap first check.
    const used = cpuMs() - lexStartCpuMs;
    if (used > lexBudgetMs) throw new LexTimeout('too slow to read');
    lexDeadline = performance.now() + (lexBudgetMs - used);
  }
  return false;
}

markdown.use({
  tokenizer: {
    list: withinBudget,
    blockquote: withinBudget,
    paragraph: withinBudget,
    emStrong: withinBudget,
    del: withinBudget,
    link: withinBudget,
    reflink: withinBudget,
    inlineText: withinBudget,
  },
});

/** Link reference definitions (`[name]: url`), shared by every run of Markdown in a deck. */
export type LinkDefinitions = Record<string, { href: string; title: string | null }>;

/** A block as the converter makes it: step and alignment are filled in later by the slide builder. */
type Draft = Block extends infer B ? (B extends Block ? Omit<B, 'step' | 'align' | 'line'> : never) : never;

const ALERTS = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/iu;
const DEF_LINE = /^ {0,3}\[[^\]\n]+\]:/mu;

function lex(text: string, links: LinkDefinitions): Token[] {
  const lexer = new markdown.Lexer({ ...markdown.defaults });
  Object.assign(lexer.tokens.links, links);
  lexBudgetMs = LEX_BUDGET_MS + (LEX_BUDGET_MS_PER_KB * text.length) / 1024;
  lexStartCpuMs = cpuMs();
  lexDeadline = performance.now() + lexBudgetMs;
  try {
    return lexer.lex(text);
  } finally {
    lexDeadline = Infinity;
  }
}

/** Adds the link reference definitions found in a run of Markdown to `links`. */
export function collectLinkDefinitions(text: string, links: LinkDefinitions): void {
  if (!DEF_LINE.test(text)) return;
  try {
    const found = lex(text, {}) as Token[] & { links?: LinkDefinitions };
    for (const [name, def] of Object.entries(found.links ?? {})) {
      if (!Object.hasOwn(links, name)) links[name] = { href: def.href, title: def.title ?? null };
    }
  } catch {
    // A lexer failure is reported when the same text is converted.
  }
}

function countNewlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** Converts runs of deck Markdown (lines with their origins) into blocks. */
/** How much of a block that could not be read as Markdown is kept, as plain text. */
const FALLBACK_CHARS = 100_000;

class Converter {
  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly sink: DiagnosticSink,
    private readonly links: LinkDefinitions,
  ) {}

  private at(index: number): SourceLine {
    const clamped = Math.max(0, Math.min(index, this.lines.length - 1));
    return this.lines[clamped] ?? { file: '', line: 1, column: 1, text: '' };
  }

  lineOf(index: number): number {
    return this.at(index).line;
  }

  /** Where `raw` first occurs on or after line `index`, for messages about a piece of a block. */
  locate(raw: string, index: number): { file: string; line: number; column: number } {
    const needle = raw.split('\n')[0] ?? raw;
    for (let i = Math.max(0, index); i < Math.min(this.lines.length, index + 200); i++) {
      const line = this.at(i);
      const pos = line.text.indexOf(needle);
      if (pos >= 0) return { file: line.file, line: line.line, column: line.column + pos };
    }
    const line = this.at(index);
    return { file: line.file, line: line.line, column: line.column };
  }

  blocksOf(text: string, baseIndex: number): Block[] {
    let tokens: Token[];
    try {
      tokens = lex(text, this.links);
    } catch (error) {
      // Named at the block's first line that holds anything.
      const line = this.at(baseIndex + (/^(?:[ \t]*\n)*/u.exec(text)?.[0].split('\n').length ?? 1) - 1);
      // Markdown's regular expressions run out of stack on a block of several megabytes.
      const tooBig = error instanceof RangeError && /call stack/u.test(error.message);
      const lines = countNewlines(text) + 1;
      const block = `this block of ${lines.toLocaleString('en')} line(s), ${text.length.toLocaleString('en')} characters,`;
      this.sink.error(
        line,
        tooBig
          ? `${block} is too large to read as Markdown; its start is shown as plain text: split it into smaller paragraphs or slides`
          : error instanceof LexTimeout
            ? `${block} takes too long to read as Markdown (lists or quotes nested very deep, or thousands of unmatched * or _); its start is shown as plain text: simplify it, or split it into smaller paragraphs`
            : `could not read this Markdown: ${(error as Error).message}`,
      );
      const shown = text.trim();
      const cut = shown.length > FALLBACK_CHARS ? `${shown.slice(0, FALLBACK_CHARS)}…` : shown;
      return shown === '' ? [] : [this.finish({ kind: 'paragraph', children: [{ kind: 'text', text: cut }] }, baseIndex)];
    }
    return this.convert(tokens, text, baseIndex);
  }

  /** Converts tokens lexed from `text`, whose first line is line `baseIndex` of the run. */
  convert(tokens: readonly Token[], text: string, baseIndex: number): Block[] {
    const blocks: Block[] = [];
    let cursor = 0;
    let index = baseIndex;
    for (const token of tokens) {
      const found = token.raw === '' ? -1 : text.indexOf(token.raw, cursor);
      const pos = found < 0 ? cursor : found;
      index += countNewlines(text, cursor, pos);
      const lead = /^\n*/u.exec(token.raw)?.[0].length ?? 0;
      blocks.push(...this.block(token, index + lead));
      if (found >= 0) {
        index += countNewlines(token.raw);
        cursor = pos + token.raw.length;
      }
    }
    return blocks;
  }

  private finish(draft: Draft, index: number): Block {
    return { ...draft, step: 0, align: 'left', line: this.lineOf(index) } as Block;
  }

  private block(token: Token, index: number): Block[] {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'space':
      case 'def':
        return [];
      case 'heading': {
        const h = token as Tokens.Heading;
        const level = Math.max(1, Math.min(6, h.depth)) as 1 | 2 | 3 | 4 | 5 | 6;
        return [this.finish({ kind: 'heading', level, children: this.inlines(h.tokens, index) }, index)];
      }
      case 'paragraph':
      case 'text':
        return this.paragraph(token as Tokens.Paragraph | Tokens.Text, index);
      case 'list':
        return [this.list(token as Tokens.List, index)];
      case 'blockquote':
        return [this.quote(token as Tokens.Blockquote, index)];
      case 'table':
        return [this.table(token as Tokens.Table, index)];
      case 'code':
        return [this.code(token as Tokens.Code, index)];
      case 'hr':
        return [this.finish({ kind: 'rule' }, index)];
      case 'html':
        return this.html(token as Tokens.HTML, index);
      case 'checkbox':
        return [];
      default:
        return t.raw.trim() === '' ? [] : [this.finish({ kind: 'paragraph', children: [{ kind: 'text', text: t.raw.trim() }] }, index)];
    }
  }

  private paragraph(token: Tokens.Paragraph | Tokens.Text, index: number): Block[] {
    const children = token.tokens ? this.inlines(token.tokens, index) : plainText(decodeEntities(token.text));
    const visible = children.filter((c) => !(c.kind === 'text' && c.text.trim() === ''));
    const only = visible.length === 1 ? visible[0] : undefined;
    if (only?.kind === 'image') return [this.finish({ kind: 'image', src: only.src, alt: only.alt }, index)];
    if (visible.length === 0) return [];
    return [this.finish({ kind: 'paragraph', children: trimInlines(children) }, index)];
  }

  private list(token: Tokens.List, index: number): Block {
    const items: ListItem[] = [];
    let cursor = 0;
    let itemIndex = index;
    for (const item of token.items) {
      const found = token.raw.indexOf(item.raw.trimEnd(), cursor);
      if (found >= 0) {
        itemIndex = index + countNewlines(token.raw, 0, found);
        cursor = found + item.raw.trimEnd().length;
      }
      const children = item.tokens.filter((t) => t.type !== 'checkbox');
      items.push({
        task: item.task ? Boolean(item.checked) : null,
        blocks: this.convert(children, item.text, itemIndex),
        step: 0,
      });
    }
    const start = token.ordered && token.start !== '' ? Number(token.start) : 1;
    return this.finish({ kind: 'list', ordered: token.ordered, start: Number.isFinite(start) ? start : 1, items }, index);
  }

  private quote(token: Tokens.Blockquote, index: number): Block {
    const alert = ALERTS.exec(token.text);
    if (alert) {
      const kind = (alert[1] ?? 'note').toLowerCase() as AlertKind;
      const rest = token.text.slice(alert[0].length);
      const blocks = rest.trim() === '' ? [] : this.blocksOf(rest, index + 1);
      return this.finish({ kind: 'alert', alert: kind, blocks }, index);
    }
    return this.finish({ kind: 'quote', blocks: this.convert(token.tokens, token.text, index) }, index);
  }

  private table(token: Tokens.Table, index: number): Block {
    const align: CellAlign[] = token.align.map((a) => a ?? null);
    const header = token.header.map((cell) => trimInlines(this.inlines(cell.tokens, index)));
    const rows = token.rows.map((row, r) => row.map((cell) => trimInlines(this.inlines(cell.tokens, index + 2 + r))));
    // types.ts gives a table's `align` to its columns (CellAlign[]), which clashes with the
    // block-level `align: Alignment` of BlockBase; the table keeps its column alignments.
    return { kind: 'table', cellAlign: align, header, rows, step: 0, align: 'left', line: this.lineOf(index) };
  }

  private code(token: Tokens.Code, index: number): Block {
    const fenced = token.codeBlockStyle !== 'indented';
    const text = fenced ? token.text : token.text.replace(/\n+$/u, '');
    const info = fenced ? (/^[ \t]*(?:`{3,}|~{3,})(.*)$/mu.exec(token.raw.replace(/^\n+/u, ''))?.[1] ?? '') : '';
    const lineCount = text === '' ? 0 : text.split('\n').length;
    const parsed = parseCodeInfo(info.trim(), lineCount);
    const at = this.at(index);
    for (const problem of parsed.problems) this.sink.warning(at, problem);
    return this.finish({ kind: 'code', lang: parsed.lang, text, lineNumbers: parsed.lineNumbers, highlight: parsed.highlight }, index);
  }

  private html(token: Tokens.HTML, index: number): Block[] {
    this.reportComments(token.raw, index);
    const image = imageTag(token.raw.replace(/<!--[\s\S]*?-->/gu, ''));
    if (image) return [this.finish({ kind: 'image', src: image.src, alt: image.alt }, index)];
    const text = htmlToText(token.raw);
    if (text !== '') return [this.finish({ kind: 'html', text }, index)];
    const breaks = token.raw.match(/<br\s*\/?>/giu)?.length ?? 0;
    return breaks > 0 ? [this.finish({ kind: 'spacer', lines: breaks }, index)] : [];
  }

  /** Comments that reach Markdown sit where directives are not read (inside a quote, mid-paragraph). */
  private reportComments(html: string, index: number): void {
    for (const match of html.matchAll(/<!--[\s\S]*?(?:-->|$)/gu)) {
      const body = commentBody(match[0]).trim();
      if (body === '' || body.startsWith('//')) continue;
      this.sink.warning(
        this.locate(match[0], index),
        'this comment is not read as a directive: directives go on a line of their own, outside block quotes',
      );
    }
  }

  inlines(tokens: readonly Token[], index: number): Inline[] {
    const out: Inline[] = [];
    for (const token of tokens) {
      const t = token as Tokens.Generic;
      switch (t.type) {
        case 'text': {
          const text = token as Tokens.Text;
          if (text.tokens && text.tokens.length > 0) out.push(...this.inlines(text.tokens, index));
          else out.push(...plainText(decodeEntities(text.text)));
          break;
        }
        case 'escape':
          out.push({ kind: 'text', text: (token as Tokens.Escape).text });
          break;
        case 'strong':
          out.push({ kind: 'strong', children: this.inlines((token as Tokens.Strong).tokens, index) });
          break;
        case 'em':
          out.push({ kind: 'emphasis', children: this.inlines((token as Tokens.Em).tokens, index) });
          break;
        case 'del':
          out.push({ kind: 'strike', children: this.inlines((token as Tokens.Del).tokens, index) });
          break;
        case 'codespan':
          out.push({ kind: 'code', text: (token as Tokens.Codespan).text });
          break;
        case 'br':
          out.push({ kind: 'break' });
          break;
        case 'link': {
          const link = token as Tokens.Link;
          const href = link.autolink ? link.href : decodeEntities(link.href);
          out.push({ kind: 'link', href, children: this.inlines(link.tokens, index) });
          break;
        }
        case 'image': {
          const image = token as Tokens.Image;
          out.push({ kind: 'image', src: decodeEntities(image.href), alt: inlineText(this.inlines(image.tokens, index)) });
          break;
        }
        case 'html': {
          const raw = (token as Tokens.Tag).raw;
          if (isBreakTag(raw)) out.push({ kind: 'break' });
          else if (isComment(raw)) this.reportComments(raw, index);
          else {
            const image = imageTag(raw);
            if (image) out.push({ kind: 'image', ...image });
          }
          break;
        }
        case 'checkbox':
          break;
        default:
          out.push(...plainText(t.raw));
      }
    }
    return mergeText(out);
  }
}

/** Text with soft line breaks read as spaces, as Markdown renders them. */
function plainText(text: string): Inline[] {
  const collapsed = text.replace(/[ \t]*\n[ \t]*/gu, ' ');
  return collapsed === '' ? [] : [{ kind: 'text', text: collapsed }];
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const last = out.at(-1);
    if (node.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + node.text };
    else if (!(node.kind === 'text' && node.text === '')) out.push(node);
  }
  return out;
}

/** Drops whitespace at the very start and end of a run of inlines (left by stripped tags or breaks). */
function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.kind === 'text') {
    const text = first.text.trimStart();
    if (text === '') out.shift();
    else out[0] = { kind: 'text', text };
  }
  const last = out.at(-1);
  if (last?.kind === 'text') {
    const text = last.text.trimEnd();
    if (text === '') out.pop();
    else out[out.length - 1] = { kind: 'text', text };
  }
  return out;
}

/**
 * Converts a run of deck Markdown into blocks, reporting problems to `sink`. `lines` keep each
 * line's origin so that blocks and messages point into the right file.
 */
export function markdownLinesToBlocks(lines: readonly SourceLine[], sink: DiagnosticSink, links: LinkDefinitions = {}): Block[] {
  if (lines.length === 0) return [];
  const converter = new Converter(lines, sink, links);
  return converter.blocksOf(lines.map((l) => l.text).join('\n'), 0);
}

/** Splits Markdown text into source lines starting at `firstLine` of `file`. */
export function toSourceLines(markdownText: string, file: string, firstLine: number): SourceLine[] {
  return markdownText
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((text, i) => ({ file, line: firstLine + i, column: 1, text }));
}

/**
 * Parses Markdown (speaker notes, an included snippet) into blocks whose `line` counts from
 * `firstLine`. Every block starts at step 0, left-aligned. Problems are not reported here; the
 * deck parser reports them for notes it reads.
 */
export function parseMarkdownBlocks(markdownText: string, file: string, firstLine: number): Block[] {
  return markdownLinesToBlocks(toSourceLines(markdownText, file, firstLine), new DiagnosticSink());
}
