import type { Diagnostic, Location } from '../deck/index.js';
import { parseDirective, type Directive } from './directives.js';
import { DiagnosticSink, type SourceLine } from './source-line.js';
import { cutLongLines, longLineMessage } from './long-lines.js';

/** Reads an included file: its name (for messages and cycle checks) and text, or why it failed. */
export type IncludeReader = (path: string, fromFile: string) => { file: string; text: string } | { error: string };

/** What a slide is made of before it is built: runs of Markdown lines and directives, in order. */
export type SlideItem =
  | { kind: 'markdown'; lines: SourceLine[] }
  | { kind: 'directive'; directive: Directive; at: Location };

export interface RawSlide {
  items: SlideItem[];
  /** The first thing written on the slide: a non-blank line or a directive. */
  start: Location | null;
}

interface Fence {
  char: string;
  length: number;
  /** Opened inside a block quote: ends with the quote. */
  quoted: boolean;
  /** Opened inside a list item: ends with the item, at a line indented less than `indent`. */
  nested: boolean;
  /** Content column of the list item holding the fence. */
  indent: number;
  at: Location;
  /** Whether a closing fence follows somewhere in the file; looked up at the first `---` inside. */
  closes?: boolean;
}

const SLIDE_BREAK = /^---[ \t]*$/u;
const COMMENT_START = /^[ \t]*<!--/u;
const FENCE_OPEN = /^((?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*)([ \t]*)(`{3,}|~{3,})(.*)$/u;
const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/u;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/u;
const FRONT_MATTER_KEY = /^[\w-]+[ \t]*:/u;
const MAX_INCLUDE_DEPTH = 16;

/** Width of leading text with tabs expanded to the next multiple of 4, as CommonMark counts. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w = ch === '\t' ? w + 4 - (w % 4) : w + 1;
  return w;
}

function leadingWidth(text: string): number {
  return width(/^[ \t]*/u.exec(text)?.[0] ?? '');
}

/**
 * Keeps the content columns of the list items a line sits in, innermost last: enough to tell
 * when a fence opened inside an item ends with it. Lines in block quotes are left to the quote.
 */
function trackLists(lists: number[], text: string): void {
  if (text.trim() === '' || /^[ \t]*>/u.test(text)) return;
  const indent = leadingWidth(text);
  while ((lists.at(-1) ?? -1) > indent) lists.pop();
  const marker = LIST_MARKER.exec(text);
  if (marker) lists.push(width(marker[0].endsWith(' ') || marker[0].endsWith('\t') ? marker[0] : `${marker[0]} `));
}

/** Whether a line after index `from` closes `fence`. */
function closesLater(lines: readonly string[], from: number, fence: Fence): boolean {
  for (let j = from; j < lines.length; j++) {
    const close = FENCE_CLOSE.exec(lines[j] ?? '');
    if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) return true;
  }
  return false;
}

/** Whether lines start with a front matter block: `---`, then `key:` lines, then `---`. */
export function frontMatterEnd(lines: readonly string[]): number | null {
  if (!SLIDE_BREAK.test(lines[0] ?? '')) return null;
  for (let i = 1; i < lines.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/u.test(lines[i] ?? '')) return i;
  }
  return null;
}

/**
 * Splits deck text into raw slides: at `---` lines and `<!-- end_slide -->`, never inside fenced
 * code or a comment. Comments on their own lines are read as directives; includes are spliced in.
 */
export class Scanner {
  private readonly slides: RawSlide[] = [];
  private current: RawSlide = { items: [], start: null };
  private chunk: SourceLine[] | null = null;
  /** Whether an include was asked for: what was scanned then depends on the reader too. */
  included = false;

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly readInclude: IncludeReader | undefined,
  ) {}

  /** The slides scanned so far, the last one closed. */
  finish(): RawSlide[] {
    this.breakSlide();
    return this.slides;
  }

  private breakSlide(): void {
    this.endChunk();
    if (this.current.start !== null) this.slides.push(this.current);
    this.current = { items: [], start: null };
  }

  private endChunk(): void {
    if (this.chunk && this.chunk.some((l) => l.text.trim() !== '')) this.current.items.push({ kind: 'markdown', lines: this.chunk });
    this.chunk = null;
  }

  private pushLine(line: SourceLine): void {
    if (line.text.trim() !== '') this.current.start ??= { file: line.file, line: line.line, column: line.column };
    (this.chunk ??= []).push(line);
  }

  private pushDirective(directive: Directive, at: Location): void {
    this.endChunk();
    this.current.start ??= at;
    this.current.items.push({ kind: 'directive', directive, at });
  }

  /** Scans one file's lines from `startIndex` (0-based); `stack` holds the files including it. */
  scanFile(lines: readonly string[], file: string, startIndex: number, stack: readonly string[]): void {
    let fence: Fence | null = null;
    const lists: number[] = [];
    let pending: SourceLine | null = null;
    let i = startIndex;
    while (pending !== null || i < lines.length) {
      const line: SourceLine = pending ?? { file, line: i + 1, column: 1, text: lines[i++] ?? '' };
      pending = null;

      if (fence) {
        const close = FENCE_CLOSE.exec(line.text);
        if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) {
          fence = null;
          this.pushLine(line);
          continue;
        }
        const quoteEnded = fence.quoted && !/^[ \t]*>/u.test(line.text);
        const itemEnded = fence.nested && line.text.trim() !== '' && leadingWidth(line.text) < fence.indent;
        // A fence never closed runs to the end of its slide, as a fence runs to the end of its
        // document in CommonMark: a deck is a run of documents, and every other tool agrees.
        const unclosedAtBreak = line.column === 1 && SLIDE_BREAK.test(line.text) && !(fence.closes ??= closesLater(lines, i, fence));
        if (unclosedAtBreak) this.unclosedFence(fence);
        if (!quoteEnded && !itemEnded && !unclosedAtBreak) {
          this.pushLine(line);
          continue;
        }
        fence = null;
      }

      if (line.column === 1 && SLIDE_BREAK.test(line.text)) {
        lists.length = 0;
        this.breakSlide();
        continue;
      }

      const comment = line.text.includes('<!--') ? COMMENT_START.exec(line.text) : null;
      if (comment) {
        const at: Location = { file, line: line.line, column: line.column + comment[0].length - 4 };
        let text = line.text.slice(comment[0].length);
        let endLine = line.line;
        let endColumn = line.column + comment[0].length;
        let close = text.indexOf('-->');
        const body: string[] = [];
        while (close < 0 && i < lines.length) {
          body.push(text);
          endLine = i + 1;
          endColumn = 1;
          text = lines[i++] ?? '';
          close = text.indexOf('-->');
        }
        if (close < 0) {
          this.sink.error(at, 'this comment is never closed: add `-->`; the rest of the file is ignored');
          break;
        }
        body.push(text.slice(0, close));
        this.directive(body.join('\n'), at, stack);
        const rest = text.slice(close + 3);
        const indent = rest.length - rest.trimStart().length;
        if (rest.trim() !== '') pending = { file, line: endLine, column: endColumn + close + 3 + indent, text: rest.trimStart() };
        continue;
      }

      trackLists(lists, line.text);
      // A fence needs three backticks or tildes: most lines are told without the pattern.
      const open = line.text.includes('```') || line.text.includes('~~~') ? FENCE_OPEN.exec(line.text) : null;
      if (open && !(open[3]?.startsWith('`') && open[4]?.includes('`'))) {
        const prefix = open[1] ?? '';
        const quoted = prefix.includes('>');
        const column = width(prefix + (open[2] ?? ''));
        const container = quoted ? 0 : (lists.at(-1) ?? 0);
        // Four or more columns past the container's content make indented code, not a fence.
        if (quoted || column - container <= 3) {
          fence = {
            char: open[3]?.[0] ?? '`',
            length: open[3]?.length ?? 3,
            quoted,
            nested: !quoted && lists.length > 0,
            indent: container,
            at: { file, line: line.line, column: line.column + prefix.length + (open[2]?.length ?? 0) },
          };
        }
      }
      this.pushLine(line);
    }
    if (fence && !fence.quoted && !fence.nested) this.unclosedFence(fence);
    // Markdown from one file never runs on into another's.
    this.endChunk();
  }

  private unclosedFence(fence: Fence): void {
    this.sink.warning(fence.at, `this code block is never closed, so it runs to the end of its slide: add a line with ${fence.char.repeat(fence.length)}`);
  }

  private directive(body: string, at: Location, stack: readonly string[]): void {
    const result = parseDirective(body, at.line);
    if (!result.ok) {
      this.sink.error(at, result.message);
      return;
    }
    const { directive } = result;
    switch (directive.kind) {
      case 'comment':
        return;
      case 'endSlide':
        this.breakSlide();
        return;
      case 'include':
        this.include(directive.path, at, stack);
        return;
      default:
        this.pushDirective(directive, at);
    }
  }

  /** Calls the include reader, reporting its failures (or misbehaviour) at the directive. */
  private read(reader: IncludeReader, path: string, at: Location): { file: string; text: string } | null {
    let result: { file?: unknown; text?: unknown; error?: unknown } | null;
    try {
      result = reader(path, at.file) as typeof result;
    } catch (error) {
      this.sink.error(at, `cannot include "${path}": ${(error as Error)?.message ?? String(error)}`);
      return null;
    }
    if (result !== null && typeof result === 'object' && typeof result.file === 'string' && typeof result.text === 'string') {
      return { file: result.file, text: result.text };
    }
    const message = result !== null && typeof result === 'object' && typeof result.error === 'string' ? result.error : `cannot include "${path}"`;
    this.sink.error(at, message);
    return null;
  }

  private include(path: string, at: Location, stack: readonly string[]): void {
    this.included = true;
    if (!this.readInclude) {
      this.sink.error(at, `cannot include "${path}": this deck was not read from a file`);
      return;
    }
    const result = this.read(this.readInclude, path, at);
    if (!result) return;
    const chain = [...stack, at.file];
    if (chain.includes(result.file)) {
      this.sink.error(at, `include cycle: ${[...chain.slice(chain.indexOf(result.file)), result.file].join(' → ')}; remove this include`);
      return;
    }
    if (chain.length > MAX_INCLUDE_DEPTH) {
      this.sink.error(at, `includes nest more than ${MAX_INCLUDE_DEPTH} deep; include the inner files directly, from fewer levels`);
      return;
    }
    const cut = cutLongLines(result.text);
    for (const { line, length } of cut.long) this.sink.error({ file: result.file, line, column: 1 }, longLineMessage(length));
    const lines = cut.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
    let start = 0;
    const end = frontMatterEnd(lines);
    if (end !== null && FRONT_MATTER_KEY.test(lines.slice(1, end).find((l) => l.trim() !== '') ?? '')) {
      this.sink.error({ file: result.file, line: 1, column: 1 }, 'an included file may not have front matter; it is ignored: remove it, or move its keys to the front matter of the deck');
      start = end + 1;
    }
    this.endChunk();
    this.scanFile(lines, result.file, start, chain);
  }
}

/** A scan kept for the next one of the same lines (see `scanDeck`). */
type HandedOn = { file: string; start: number; lines: readonly string[]; raws: RawSlide[]; diagnostics: Diagnostic[] } | null;

/**
 * Where that scan is kept: on the process's global object, not in this module, because the
 * command line's entry (dist/talkdeck.cjs) bundles its own copy of this module for the outline it
 * makes before the first frame, and the parse that follows runs in the chunks' copy. Both copies
 * come from one build; the slot holds plain data.
 */
const SLOT = Symbol.for('talkdeck.scan.handedOn');
const slot = globalThis as unknown as Record<typeof SLOT, HandedOn | undefined>;

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Scans a deck's lines from `start` (0-based) into raw slides, reporting to `sink`. With
 * `handOn`, a scan that read no include is kept for the next call, which takes it when it is
 * given the same file, start and lines (compared line by line): the presenter outlines a deck
 * (outline.ts) and then parses the same text, and a 5,000-slide deck takes a tenth of a second to
 * scan. Only one scan is kept, and only until the next call.
 */
export function scanDeck(lines: readonly string[], file: string, start: number, sink: DiagnosticSink, readInclude: IncludeReader | undefined, handOn = false): RawSlide[] {
  const last = slot[SLOT] ?? null;
  slot[SLOT] = null;
  if (last !== null && last.file === file && last.start === start && sameLines(last.lines, lines)) {
    for (const d of last.diagnostics) sink.diagnostics.push({ ...d });
    return last.raws;
  }
  const own = new DiagnosticSink();
  const scanner = new Scanner(own, readInclude);
  scanner.scanFile(lines, file, start, []);
  const raws = scanner.finish();
  sink.diagnostics.push(...own.diagnostics.map((d) => ({ ...d })));
  if (handOn && !scanner.included) slot[SLOT] = { file, start, lines, raws, diagnostics: own.diagnostics };
  return raws;
}
