import { assertNever, type Block, type ListItem } from '../deck/index.js';
import type { TextStyle, Theme } from '../theme/index.js';
import { codeTokens, styleCodeLines } from './highlight.js';
import { inlineSegments, type InlineContext } from './inline.js';
import { alignLines, joinSegments, lineWidth, padLine, prefixLines, spaces } from './line.js';
import { sanitizeText } from './sanitize.js';
import { mergeStyle, pickStyle } from './style.js';
import { layoutTable } from './table.js';
import type { ExecLayout, ImageLayout, Segment, SnippetView, StyledLine } from './types.js';
import { displayWidth } from './width.js';
import { hardWrap, wrapSegments } from './wrap.js';

export interface BlockContext extends InlineContext {
  /** Current reveal step: blocks and items with a later step are hidden. */
  step: number;
  /** Nesting depth of lists, for the bullet character. */
  listDepth: number;
  /** Style running text is drawn in (body text, or a quote's style inside a quote). */
  text: TextStyle;
  /** Runs of `+exec` blocks, and whether they may run. */
  exec?: ExecLayout;
  /** How images are drawn. */
  images?: ImageLayout;
  /** Rows left below what is laid out so far: an image or a run's output is fitted into them. */
  rowsLeft?: number;
}

/** Lines of a run of blocks, and where a `middle` block sits (line index), if any at this level. */
export interface BlocksLayout {
  lines: StyledLine[];
  middle: number | null;
}

/** Gap between side-by-side columns. */
const COLUMN_GAP = 3;

/** Whether a block is shown at the context's step. */
function visible(block: { step: number }, ctx: BlockContext): boolean {
  return block.step <= ctx.step;
}

/**
 * Lays out blocks top to bottom within `width`: one blank line between visible blocks (none when
 * `tight`, as inside list items); spacers add blank lines, `middle` is recorded for the caller.
 */
export function layoutBlocks(blocks: readonly Block[], width: number, ctx: BlockContext, tight = false): BlocksLayout {
  const lines: StyledLine[] = [];
  let middle: number | null = null;
  let separate = false;
  const budget = ctx.rowsLeft ?? Infinity;
  for (const block of blocks) {
    if (!visible(block, ctx)) continue;
    if (block.kind === 'middle') {
      if (middle === null) middle = lines.length;
      separate = false;
      continue;
    }
    if (block.kind === 'spacer') {
      for (let i = 0; i < block.lines; i++) lines.push([]);
      continue;
    }
    const rowsLeft = Math.max(1, budget - lines.length - (separate && !tight ? 1 : 0));
    const blockLines = layoutBlock(block, width, budget === Infinity ? ctx : { ...ctx, rowsLeft });
    if (blockLines.length === 0) continue;
    if (separate && !tight) lines.push([]);
    lines.push(...blockLines);
    separate = true;
  }
  return { lines, middle };
}

/** Lines of one block, aligned as the block asks. */
export function layoutBlock(block: Block, width: number, ctx: BlockContext): StyledLine[] {
  const { theme } = ctx;
  switch (block.kind) {
    case 'heading': {
      const style = theme.headings[`h${block.level}`];
      const base = mergeStyle(ctx.text, pickStyle(style));
      const prefix: Segment[] = style.prefix ? [{ text: sanitizeText(style.prefix), style: base }] : [];
      const prefixWidth = lineWidth(prefix);
      const text = wrapSegments(inlineSegments(block.children, base, ctx), width - prefixWidth);
      const lines = prefixLines(text, prefix);
      const aligned = alignLines(lines, block.align, width, true);
      if (style.underlineChar) {
        const widest = Math.min(width, Math.max(...lines.map(lineWidth)));
        const char = sanitizeText(style.underlineChar);
        const repeat = Math.max(0, Math.floor(widest / Math.max(1, displayWidth(char))));
        const underline: StyledLine = [{ text: char.repeat(repeat), style: mergeStyle(pickStyle(style), { bold: false }) }];
        aligned.push(...alignLines([underline], block.align, width, true));
      }
      return aligned;
    }
    case 'paragraph':
      return alignLines(wrapSegments(inlineSegments(block.children, ctx.text, ctx), width), block.align, width, true);
    case 'list':
      return alignLines(layoutList(block.ordered, block.start, block.items, width, ctx), block.align, width, false);
    case 'quote': {
      const barStyle = pickStyle(theme.quote);
      const inner = { ...ctx, text: mergeStyle(ctx.text, pickStyle(theme.quote)) };
      return alignLines(barred(block.blocks, sanitizeText(theme.quote.bar), barStyle, width, inner, []), block.align, width, false);
    }
    case 'alert': {
      const alert = theme.alerts[block.alert];
      const style = pickStyle(alert);
      const title: StyledLine = joinSegments([
        { text: sanitizeText(alert.icon ? `${alert.icon} ` : ''), style: mergeStyle(style, { bold: true }) },
        { text: sanitizeText(alert.label), style: mergeStyle(style, { bold: true }) },
      ]);
      return alignLines(barred(block.blocks, sanitizeText(theme.quote.bar), style, width, ctx, [title]), block.align, width, false);
    }
    case 'table': {
      const header = mergeStyle(ctx.text, theme.table.header);
      const lines = layoutTable(
        {
          align: block.cellAlign,
          header: block.header.map((cell) => inlineSegments(cell, header, ctx)),
          rows: block.rows.map((row) => row.map((cell) => inlineSegments(cell, ctx.text, ctx))),
          border: theme.table.border,
        },
        width,
      );
      return alignLines(lines, block.align, width, false);
    }
    case 'code':
      return alignLines(block.exec ? layoutExecCode(block, width, ctx) : layoutCode(block, width, ctx), block.align, width, false);
    case 'rule': {
      const char = sanitizeText(theme.rule.char) || '─';
      const repeat = Math.max(0, Math.floor(width / Math.max(1, displayWidth(char))));
      return [[{ text: char.repeat(repeat), style: pickStyle(theme.rule) }]];
    }
    case 'image':
      return alignLines(layoutPicture(block, width, ctx) ?? layoutImage(block.src, block.alt, width, ctx), block.align, width, false);
    case 'html': {
      // The parser has already reduced the HTML to its text content (entities decoded), so a '<'
      // left here is text, not a tag.
      const text = sanitizeText(block.text).trim();
      if (text === '') return [];
      return alignLines(wrapSegments([{ text, style: mergeStyle(ctx.text, { dim: true }) }], width), block.align, width, true);
    }
    case 'columns':
      return layoutColumns(block.widths, block.columns, width, ctx);
    case 'spacer':
      return Array.from({ length: block.lines }, () => []);
    case 'middle':
      return [];
    default:
      return assertNever(block);
  }
}

/** Blocks drawn behind a bar (quotes, alerts), with optional lines (the alert's title) first. */
function barred(blocks: readonly Block[], bar: string, barStyle: TextStyle, width: number, ctx: BlockContext, head: StyledLine[]): StyledLine[] {
  const prefix: Segment[] = [{ text: `${bar} `, style: barStyle }];
  const inner = Math.max(1, width - lineWidth(prefix));
  const body = layoutBlocks(blocks, inner, ctx).lines;
  const lines = [...head.flatMap((line) => wrapSegments(line, inner)), ...body];
  return lines.map((line) => joinSegments([...prefix, ...line]));
}

function listMarker(ordered: boolean, number: number, item: ListItem, depth: number, theme: Theme): string {
  if (item.task !== null) return item.task ? theme.list.taskDone : theme.list.taskOpen;
  if (ordered) return `${number}.`;
  const bullets = theme.list.bullets.length > 0 ? theme.list.bullets : ['•'];
  return bullets[depth % bullets.length]!;
}

function layoutList(ordered: boolean, start: number, items: readonly ListItem[], width: number, ctx: BlockContext): StyledLine[] {
  const { theme } = ctx;
  const inner = { ...ctx, listDepth: ctx.listDepth + 1 };
  const markers = items.map((item, i) => sanitizeText(listMarker(ordered, start + i, item, ctx.listDepth, theme)));
  // Ordered markers are right-aligned to the widest number so item text lines up.
  const markerWidth = Math.max(0, ...markers.map(displayWidth));
  const lines: StyledLine[] = [];
  items.forEach((item, i) => {
    if (!visible(item, ctx)) return;
    const marker = ordered && item.task === null ? markers[i]!.padStart(markerWidth) : markers[i]!;
    const indent = displayWidth(marker) + 1;
    const content = layoutBlocks(item.blocks, Math.max(1, width - indent), inner, true).lines;
    const first: Segment[] = [{ text: marker, style: theme.list.marker }, spaces(1)];
    lines.push(...prefixLines(content.length > 0 ? content : [[]], first));
  });
  return lines;
}

function layoutCode(block: Extract<Block, { kind: 'code' }>, width: number, ctx: BlockContext): StyledLine[] {
  const { theme } = ctx;
  const base = mergeStyle(ctx.text, theme.code.block);
  const text = sanitizeText(block.text.replace(/\n$/u, ''));
  const lines = styleCodeLines(codeTokens(block.lang, text), theme, base);
  const digits = String(lines.length).length;
  const gutter = block.lineNumbers ? digits + 2 : 0;
  // One column of padding each side inside the block's background.
  const inner = Math.max(1, width - 2 - gutter);
  const wrapped = lines.map((line) => hardWrap(line, inner));
  const contentWidth = Math.min(inner, Math.max(1, ...wrapped.flat().map(lineWidth)));
  const isHighlighted = (n: number): boolean => block.highlight.some((range) => n >= range.from && n <= range.to);
  const out: StyledLine[] = [];
  wrapped.forEach((parts, index) => {
    const number = index + 1;
    const lit = isHighlighted(number);
    const fill = lit ? mergeStyle(base, theme.code.highlightLine) : base;
    parts.forEach((part, p) => {
      const body = lit ? part.map((s) => ({ ...s, style: mergeStyle(s.style, theme.code.highlightLine) })) : part;
      const gutterText = block.lineNumbers ? `${p === 0 ? String(number).padStart(digits) : ' '.repeat(digits)}  ` : '';
      // The padding column carries the highlight marker, so highlighted lines show without colour.
      const lead = lit && p === 0 ? { text: theme.code.highlightMarker.char, style: mergeStyle(fill, pickStyle(theme.code.highlightMarker)) } : spaces(1, fill);
      const line: Segment[] = [lead];
      if (gutterText) line.push({ text: gutterText, style: mergeStyle(fill, theme.code.lineNumber) });
      line.push(...padLine(body, contentWidth, fill), spaces(1, fill));
      out.push(joinSegments(line));
    });
  });
  return out;
}

/** Words for how a run stands, on the rule under its code. */
function runStatus(run: SnippetView | undefined, exec: ExecLayout): string {
  if (!run) return `not run — ${exec.key ?? 'Ctrl-E'} runs it`;
  switch (run.status) {
    case 'running':
      return 'running — Ctrl-C stops it';
    case 'done':
      return 'finished';
    case 'failed':
      return `failed (exit ${run.exitCode ?? '?'})`;
    case 'stopped':
      return 'stopped';
    case 'timed-out':
      return 'stopped: it ran past the timeout';
    case 'unavailable':
      return run.message ?? 'cannot run';
  }
}

/** A run's output as lines: CR LF as a line break, and a line with carriage returns as the terminal leaves it. */
export function outputLines(output: string): string[] {
  const lines = output
    .replace(/\r\n/gu, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A code block that runs: the code, a rule saying how its run stands (or how to allow running),
 * and the output below, in a box that keeps to the rows left on the slide and shows the latest
 * lines (it scrolls as output streams in). `+exec_replace` shows the output in the code's place.
 */
function layoutExecCode(block: Extract<Block, { kind: 'code' }>, width: number, ctx: BlockContext): StyledLine[] {
  const { theme } = ctx;
  const exec = ctx.exec;
  const mode = block.exec!.mode;
  const run = exec?.runs.get(block);
  const base = mergeStyle(ctx.text, theme.code.block);
  const note = (text: string): StyledLine[] => wrapSegments([{ text: sanitizeText(text), style: mergeStyle(ctx.text, { dim: true }) }], width);
  const allowed = mode === 'replace' ? exec?.replaceEnabled : exec?.enabled;
  if (mode === 'replace' && allowed) {
    if (!run || (run.status === 'running' && run.output === '')) return note('…');
    if (run.status === 'unavailable') return note(`+exec_replace: ${runStatus(run, exec!)}`);
    return outputLines(run.output).flatMap((line) => hardWrap([{ text: sanitizeText(line), style: ctx.text }], width));
  }
  const code = layoutCode(block, width, ctx);
  if (!exec) return code;
  if (!allowed) {
    const flag = mode === 'replace' ? '-X (--enable-exec-replace)' : '-x (--enable-exec)';
    return [...code, ...note(`+${mode === 'replace' ? 'exec_replace' : mode === 'auto' ? 'auto_exec' : 'exec'}: start with ${flag} to run it`)];
  }
  const codeWidth = Math.max(1, ...code.map(lineWidth));
  const label = ` ${runStatus(run, exec)} `;
  const ruleWidth = Math.min(width, Math.max(codeWidth, displayWidth(label) + 4));
  const rule: StyledLine = truncateRule(`──${label}${'─'.repeat(Math.max(0, ruleWidth - displayWidth(label) - 2))}`, width, mergeStyle(ctx.text, { dim: true }));
  const out = [...code, rule];
  if (!run || run.output === '') return out;
  const inner = Math.max(1, Math.max(codeWidth, Math.min(width, 40)) - 2);
  const wrapped = outputLines(run.output).flatMap((line) => hardWrap([{ text: sanitizeText(line), style: base }], inner));
  // The box keeps to the rows left under the code and its rule, and shows the latest lines.
  const room = Math.max(1, (ctx.rowsLeft ?? Infinity) - out.length);
  const shown = wrapped.length > room ? wrapped.slice(wrapped.length - room) : wrapped;
  for (const line of shown) out.push(joinSegments([spaces(1, base), ...padLine(line, inner, base), spaces(1, base)]));
  return out;
}

function truncateRule(text: string, width: number, style: TextStyle): StyledLine {
  const chars = [...text];
  return [{ text: chars.slice(0, Math.max(0, width)).join(''), style }];
}

/**
 * An image drawn for real: a box of cells sized to the image's aspect ratio within the width (or
 * the deck's `width: N%` of it) and the rows left, either left blank for a graphics protocol to
 * draw over or filled with half blocks. Null when images are not drawn or its size is not known:
 * then the framed alt text.
 */
function layoutPicture(block: Extract<Block, { kind: 'image' }>, width: number, ctx: BlockContext): StyledLine[] | null {
  const images = ctx.images;
  if (!images || images.mode === 'none') return null;
  const size = images.size(block.src);
  if (!size || size.width <= 0 || size.height <= 0) return null;
  const box = imageBox(size, width, ctx.rowsLeft ?? Infinity, images.cellAspect ?? 2, block.size?.widthPercent);
  const reserved = () =>
    Array.from({ length: box.rows }, (_, row): StyledLine => [
      { text: ' '.repeat(box.columns), style: {}, image: { src: block.src, columns: box.columns, rows: box.rows, row } },
    ]);
  if (images.mode === 'graphics') return reserved();
  // Half blocks: a reserved box of the same size until the image has been decoded.
  const cells = images.cells?.(block.src, box.columns, box.rows) ?? null;
  return cells ? cells.map((row) => joinSegments(row.map(halfBlock))) : reserved();
}

function halfBlock([top, bottom]: readonly [string | null, string | null]): Segment {
  if (top && bottom) return { text: '▀', style: { fg: top, bg: bottom } };
  if (top) return { text: '▀', style: { fg: top } };
  if (bottom) return { text: '▄', style: { fg: bottom } };
  return { text: ' ', style: { bg: 'default' } };
}

/**
 * The cells an image takes: its natural width (a cell taken as 10 pixels wide) or the share of the
 * width the deck asks for, never wider than the width nor taller than the rows left, keeping its
 * aspect ratio (a cell is `cellAspect` times as tall as it is wide).
 */
export function imageBox(size: { width: number; height: number }, width: number, rowsLeft: number, cellAspect: number, widthPercent?: number): { columns: number; rows: number } {
  let columns = widthPercent ? Math.round((width * widthPercent) / 100) : Math.ceil(size.width / 10);
  columns = Math.max(1, Math.min(width, columns));
  let rows = Math.max(1, Math.round((columns * size.height) / size.width / cellAspect));
  if (rows > rowsLeft) {
    rows = Math.max(1, Math.floor(rowsLeft));
    columns = Math.max(1, Math.min(columns, Math.round((rows * cellAspect * size.width) / size.height)));
  }
  return { columns, rows };
}

function layoutImage(src: string, alt: string, width: number, ctx: BlockContext): StyledLine[] {
  const style = mergeStyle(ctx.text, pickStyle(ctx.theme.image));
  const inner = Math.max(1, width - 4);
  const altLines = wrapSegments([{ text: `image: ${sanitizeText(alt) || 'untitled'}`, style: mergeStyle(style, { bold: true }) }], inner);
  const pathLines = wrapSegments([{ text: sanitizeText(src), style: mergeStyle(style, { dim: true }) }], inner);
  const content = [...altLines, ...pathLines];
  const boxWidth = Math.min(inner, Math.max(...content.map(lineWidth)));
  const frame = pickStyle(ctx.theme.image);
  return [
    [{ text: `┌${'─'.repeat(boxWidth + 2)}┐`, style: frame }],
    ...content.map((line) =>
      joinSegments([{ text: '│ ', style: frame }, ...padLine(line, boxWidth, style), { text: ' │', style: frame }]),
    ),
    [{ text: `└${'─'.repeat(boxWidth + 2)}┘`, style: frame }],
  ];
}

function layoutColumns(ratios: readonly number[], columns: readonly Block[][], width: number, ctx: BlockContext): StyledLine[] {
  const count = columns.length;
  if (count === 0) return [];
  const gap = width - COLUMN_GAP * (count - 1) >= count * 4 ? COLUMN_GAP : 1;
  const available = Math.max(count, width - gap * (count - 1));
  const weights = columns.map((_, i) => (ratios[i] !== undefined && ratios[i] > 0 ? ratios[i] : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.max(1, Math.floor((available * w) / total)));
  widths[count - 1] = Math.max(1, available - widths.slice(0, -1).reduce((a, b) => a + b, 0));
  const laid = columns.map((blocks, i) => layoutBlocks(blocks, widths[i]!, ctx).lines);
  const height = Math.max(0, ...laid.map((lines) => lines.length));
  if (laid.every((lines) => lines.length === 0)) return [];
  const out: StyledLine[] = [];
  for (let y = 0; y < height; y++) {
    const line: Segment[] = [];
    laid.forEach((lines, i) => {
      if (i > 0) line.push(spaces(gap));
      line.push(...(i === count - 1 ? (lines[y] ?? []) : padLine(lines[y] ?? [], widths[i]!)));
    });
    out.push(joinSegments(line));
  }
  return out.map(trimEnd);
}

/** Drops trailing unstyled spaces, which are invisible but count against the width. */
function trimEnd(line: StyledLine): StyledLine {
  const out = [...line];
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if ((last.style.bg !== undefined && last.style.bg !== 'default') || last.style.inverse || last.style.underline || last.image) break;
    const text = last.text.replace(/ +$/u, '');
    if (text === last.text) break;
    if (text === '') out.pop();
    else {
      out[out.length - 1] = { ...last, text };
      break;
    }
  }
  return out;
}
