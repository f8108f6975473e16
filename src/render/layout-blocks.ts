import { assertNever, type Block, type ListItem } from '../deck/index.js';
import type { TextStyle, Theme } from '../theme/index.js';
import { codeTokens, styleCodeLines } from './highlight.js';
import { inlineSegments, type InlineContext } from './inline.js';
import { alignLines, joinSegments, lineWidth, padLine, prefixLines, spaces } from './line.js';
import { sanitizeText } from './sanitize.js';
import { mergeStyle, pickStyle } from './style.js';
import { layoutTable } from './table.js';
import type { Segment, StyledLine } from './types.js';
import { displayWidth } from './width.js';
import { hardWrap, wrapSegments } from './wrap.js';

export interface BlockContext extends InlineContext {
  /** Current reveal step: blocks and items with a later step are hidden. */
  step: number;
  /** Nesting depth of lists, for the bullet character. */
  listDepth: number;
  /** Style running text is drawn in (body text, or a quote's style inside a quote). */
  text: TextStyle;
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
    const blockLines = layoutBlock(block, width, ctx);
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
      return alignLines(layoutCode(block, width, ctx), block.align, width, false);
    case 'rule': {
      const char = sanitizeText(theme.rule.char) || '─';
      const repeat = Math.max(0, Math.floor(width / Math.max(1, displayWidth(char))));
      return [[{ text: char.repeat(repeat), style: pickStyle(theme.rule) }]];
    }
    case 'image':
      return alignLines(layoutImage(block.src, block.alt, width, ctx), block.align, width, false);
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
    if ((last.style.bg !== undefined && last.style.bg !== 'default') || last.style.inverse || last.style.underline) break;
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
