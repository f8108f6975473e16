import type { Slide } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { layoutBlocks, type BlockContext } from './layout-blocks.js';
import { joinSegments, lineWidth, spaces, truncateLine } from './line.js';
import type { LayoutOptions, LayoutSize, SlideLayout, StyledLine } from './types.js';
import { displayWidth } from './width.js';

/** Content narrower than this gives up horizontal margin before it gives up text. */
const MIN_CONTENT_COLUMNS = 20;

/**
 * The margins a size can afford: at most a sixteenth of the width on each side and a twelfth of
 * the height on top, so a small terminal spends its cells on content.
 */
export function effectiveMargin(theme: Theme, size: LayoutSize): { horizontal: number; vertical: number } {
  let horizontal = Math.max(0, Math.min(Math.floor(theme.margin.horizontal), Math.floor(size.columns / 16)));
  while (horizontal > 0 && size.columns - 2 * horizontal < MIN_CONTENT_COLUMNS) horizontal--;
  const vertical = Math.max(0, Math.min(Math.floor(theme.margin.vertical), Math.floor(size.rows / 12)));
  return { horizontal, vertical };
}

/** The line put where an overflowing slide is cut: shorter wordings when the width is small. */
export function overflowMarker(hiddenLines: number, theme: Theme, width: number): StyledLine {
  const noun = hiddenLines === 1 ? 'line' : 'lines';
  const wordings = [`▼ ${hiddenLines} more ${noun} — slide overflows`, `▼ ${hiddenLines} more ${noun}`, `▼ ${hiddenLines}`];
  const text = wordings.find((w) => displayWidth(w) <= width) ?? wordings[wordings.length - 1]!;
  return truncateLine([{ text, style: theme.overflow }], width);
}

function isBlank(line: StyledLine): boolean {
  return line.every((segment) => segment.text.trim() === '' && !segment.image);
}

function contentLines(slide: Slide, step: number, theme: Theme, width: number, options: LayoutOptions, rows: number): { lines: StyledLine[]; middle: number | null } {
  const ctx: BlockContext = { theme, hyperlinks: options.hyperlinks, step, listDepth: 0, text: theme.text, exec: options.exec, images: options.images, rowsLeft: rows };
  const { lines, middle } = layoutBlocks(slide.blocks, width, ctx);
  while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
  return { lines, middle: middle !== null && middle <= lines.length ? middle : null };
}

function computeLayout(slide: Slide, step: number, theme: Theme, size: LayoutSize, options: LayoutOptions): SlideLayout {
  if (size.columns <= 0 || size.rows <= 0) return { lines: [], overflow: slide.blocks.length > 0, hiddenLines: 0 };
  const margin = effectiveMargin(theme, size);
  const width = Math.max(1, size.columns - 2 * margin.horizontal);
  const rows = Math.max(1, size.rows - margin.vertical);
  const { lines, middle } = contentLines(slide, step, theme, width, options, rows);
  let body = lines;
  if (middle !== null) {
    // Centre what follows `middle` by its fully revealed height, so it does not move as steps reveal.
    const full = step + 1 >= slide.steps ? { lines, middle } : contentLines(slide, Number.MAX_SAFE_INTEGER, theme, width, options, rows);
    const before = lines.slice(0, middle);
    while (before.length > 0 && isBlank(before[before.length - 1]!)) before.pop();
    const after = lines.slice(middle);
    const afterHeight = full.lines.length - (full.middle ?? full.lines.length);
    const minimumStart = before.length === 0 ? 0 : before.length + 1;
    const start = Math.max(minimumStart, Math.floor((rows - afterHeight) / 2));
    if (start + afterHeight <= rows) {
      body = [...before, ...Array.from({ length: start - before.length }, (): StyledLine => []), ...after];
    }
  }
  let hiddenLines = 0;
  if (body.length > rows) {
    const keep = rows - 1;
    hiddenLines = body.length - keep;
    body = [...body.slice(0, keep), overflowMarker(hiddenLines, theme, width)];
  }
  const indent = margin.horizontal > 0 ? [spaces(margin.horizontal)] : [];
  const out: StyledLine[] = Array.from({ length: margin.vertical }, (): StyledLine => []);
  for (const line of body) {
    // A last guard: nothing may exceed the width, whatever a block did.
    const fitted = lineWidth(line) > width ? truncateLine(line, width) : line;
    out.push(fitted.length === 0 ? [] : joinSegments([...indent, ...fitted]));
  }
  return { lines: out, overflow: hiddenLines > 0, hiddenLines };
}

const cache = new WeakMap<Slide, WeakMap<Theme, Map<string, SlideLayout>>>();
const PER_SLIDE_LIMIT = 64;

/**
 * Lays out a slide at a reveal step into the content area `size` (the terminal minus footer and
 * banner): theme margins applied, blocks and items of later steps hidden, content after `middle`
 * vertically centred, and when the content is taller than the area it is cut with a visible marker
 * line. Returns at most `size.rows` lines, none wider than `size.columns`. Pure; results are cached
 * per (slide, theme, step, size, options) and must not be mutated.
 */
export function layoutSlide(slide: Slide, step: number, theme: Theme, size: LayoutSize, options: LayoutOptions): SlideLayout {
  let byTheme = cache.get(slide);
  if (!byTheme) {
    byTheme = new WeakMap();
    cache.set(slide, byTheme);
  }
  let entries = byTheme.get(theme);
  if (!entries) {
    entries = new Map();
    byTheme.set(theme, entries);
  }
  const key = `${step}:${size.columns}x${size.rows}:${options.hyperlinks ? 1 : 0}:${options.extrasKey ?? ''}`;
  let layout = entries.get(key);
  if (!layout) {
    layout = computeLayout(slide, step, theme, size, options);
    if (entries.size >= PER_SLIDE_LIMIT) entries.delete(entries.keys().next().value as string);
    entries.set(key, layout);
  }
  return layout;
}
