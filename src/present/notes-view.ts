import type { Deck, Slide, SourceRef } from '../deck/index.js';
import {
  displayWidth,
  formatElapsed,
  layoutScreen,
  layoutSlide,
  padLine,
  sanitizeText,
  truncateLine,
  wrapSegments,
  type SlideScreenProps,
  type StyledLine,
} from '../render/index.js';
import type { TextStyle, Theme } from '../theme/index.js';

/** Reads a cited article (path relative to the deck); null when it cannot be read. */
export type SourceReader = (path: string) => string | null;

const CONTEXT_LINES = 2;

function text(value: string, style: TextStyle): StyledLine {
  return [{ text: sanitizeText(value), style }];
}

function dim(style: TextStyle): TextStyle {
  return { ...style, dim: true };
}

/**
 * One citation shown in its context: a heading line, then the cited lines (highlighted) with a
 * few lines around them, each numbered; what no longer matches the quote is said plainly.
 */
export function layoutCitation(ref: SourceRef, number: number, read: SourceReader, theme: Theme, columns: number): StyledLine[] {
  const range = ref.startLine === ref.endLine ? `${ref.startLine}` : `${ref.startLine}-${ref.endLine}`;
  const out: StyledLine[] = [truncateLine(text(`[${number}] ${ref.path}:${range}`, theme.strong), columns)];
  const source = read(ref.path);
  if (source === null) {
    out.push(truncateLine(text(`    (cannot read ${ref.path})`, theme.banner.error), columns));
    out.push(...wrapSegments(text(`“${ref.quote}”`, theme.quote), columns - 4).map((l) => [{ text: '    ', style: {} }, ...l]));
    return out;
  }
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const first = Math.max(1, ref.startLine - CONTEXT_LINES);
  const last = Math.min(lines.length, ref.endLine + CONTEXT_LINES);
  const numberWidth = String(last).length;
  const gutter = numberWidth + 4;
  for (let n = first; n <= last; n++) {
    const cited = n >= ref.startLine && n <= ref.endLine;
    const style = cited ? theme.code.highlightLine : dim(theme.text);
    const marker = cited ? '▶' : ' ';
    const prefix = `${marker} ${String(n).padStart(numberWidth)} │`;
    // Context lines show their start only (an article line is often a whole paragraph); cited
    // lines are shown in full.
    const wrapped = wrapSegments(text(lines[n - 1] ?? '', cited ? { ...theme.text, ...style } : style), Math.max(8, columns - gutter));
    const body = cited ? wrapped : wrapped.slice(0, 1).map((l) => (wrapped.length > 1 ? [...l, { text: '…', style }] : l));
    body.forEach((line, i) => {
      const head = i === 0 ? prefix : `${' '.repeat(numberWidth + 2)} │`;
      out.push(truncateLine([{ text: head, style: cited ? theme.strong : dim(theme.text) }, ...line], columns));
    });
  }
  if (ref.endLine > lines.length) out.push(text(`    (the article has only ${lines.length} lines)`, theme.banner.error));
  return out;
}

/** Every citation of a slide in context, for the notes view and the `s` overlay. */
export function layoutSources(slide: Slide, read: SourceReader, theme: Theme, columns: number): StyledLine[] {
  if (slide.sources.length === 0) return [text('This slide cites no source passages.', dim(theme.text))];
  const out: StyledLine[] = [];
  slide.sources.forEach((ref, i) => {
    if (i > 0) out.push([]);
    out.push(...layoutCitation(ref, i + 1, read, theme, columns));
  });
  return out;
}

/** Markdown notes laid out like slide content, at any length. */
function layoutNoteBlocks(slide: Slide, theme: Theme, columns: number): StyledLine[] {
  if (slide.notesBlocks.length === 0) return [text('(no notes for this slide)', dim(theme.text))];
  const asSlide: Slide = { ...slide, blocks: slide.notesBlocks, steps: 1, layout: { footer: false } };
  const flat: Theme = { ...theme, margin: { horizontal: 0, vertical: 0 } };
  const { lines } = layoutSlide(asSlide, 0, flat, { columns, rows: 10_000 }, { hyperlinks: false });
  while (lines.length > 0 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

export interface NotesViewInput {
  deck: Deck;
  slide: number;
  step: number;
  /** Milliseconds since the talk started, or null when not known yet. */
  elapsedMs: number | null;
  /** The speaker has paused the talk's clock. */
  paused?: boolean;
  theme: Theme;
  columns: number;
  rows: number;
  read: SourceReader;
  /** Shown under the header, e.g. pacing from a rehearsal or "waiting for the presenter". */
  status?: StyledLine | null;
  /** Lines scrolled past at the top of the notes and sources (clamped to what there is). */
  scroll?: number;
}

/** The notes view laid out, with how far its notes can scroll. */
export interface NotesScreen {
  /** Exactly `rows` lines. */
  lines: StyledLine[];
  /** The scroll used (the one asked for, clamped). */
  scroll: number;
  /** The furthest the notes can scroll; 0 when they fit. */
  maxScroll: number;
  /** How many lines of notes and sources show at once: a page. */
  page: number;
}

/** Rows the next-slide preview keeps at the bottom of the notes view, however long the notes. */
const NEXT_ROWS = 3;

/** The next slide's title and first lines, dimmed: what the speaker says next. */
function layoutNext(deck: Deck, index: number, theme: Theme, width: number, rows: number): StyledLine[] {
  const next = deck.slides[index + 1];
  if (!next) return [text('Next: (end of the deck)', dim(theme.text))];
  const out = [truncateLine(text(`Next: ${index + 2} · ${next.title || '(untitled)'}`, theme.strong), width)];
  const preview = layoutSlide({ ...next, layout: { footer: false } }, next.steps - 1, { ...theme, margin: { horizontal: 0, vertical: 0 } }, { columns: width, rows: 40 }, { hyperlinks: false }).lines;
  // The title is on the Next line already: skip the heading (and its rule) when it opens the slide.
  const lines = preview.filter((l) => l.length > 0 && lineText(l).trim() !== '');
  const body = lines.length > 0 && lineText(lines[0]!).includes(next.title) && next.title !== '' ? lines.slice(1) : lines;
  const withoutRules = body.filter((l) => !/^\s*[━─═-]+\s*$/u.test(lineText(l)));
  for (const line of withoutRules.slice(0, rows - 1)) out.push(truncateLine(line.map((s) => ({ ...s, style: dim(s.style) })), width));
  return out;
}

function lineText(line: StyledLine): string {
  return line.map((segment) => segment.text).join('');
}

/**
 * The speaker's view of one slide: where the talk is and its time (the one clock), the notes and
 * each citation in its context, scrolled by `scroll` when they are longer than the screen, and the
 * next slide, always at the bottom. Exactly `rows` lines.
 */
export function layoutNotesScreen(input: NotesViewInput): NotesScreen {
  const { deck, theme, columns, rows } = input;
  const width = Math.max(1, columns - theme.margin.horizontal * 2);
  const left = ' '.repeat(Math.min(theme.margin.horizontal, Math.max(0, columns - 1)));
  const slide = deck.slides[input.slide];
  const pad = (lines: StyledLine[]) => {
    const out = lines.slice(0, rows).map((line) => [{ text: left, style: {} }, ...line]);
    while (out.length < rows) out.push([]);
    return out;
  };
  if (!slide) {
    return { lines: pad([text(`slide ${input.slide + 1} is not in this deck (${deck.slides.length} slides)`, theme.banner.error)]), scroll: 0, maxScroll: 0, page: 1 };
  }
  const elapsed = input.elapsedMs === null ? '--:--' : formatElapsed(input.elapsedMs);
  const steps = slide.steps > 1 ? ` · step ${input.step + 1}/${slide.steps}` : '';
  const head = `Slide ${input.slide + 1} / ${deck.slides.length}${steps} · ${slide.title || '(untitled)'}`;
  const clock = `${input.paused ? '⏸ paused' : '⏱'} ${elapsed}`;
  const clockWidth = displayWidth(clock);
  const title = truncateLine(text(head, theme.headings.h2), Math.max(1, width - clockWidth - 1));
  const top: StyledLine[] = [[...padLine(title, width - clockWidth), ...text(clock, theme.strong)]];
  // A status is a line (pacing) or a message (advice while no presenter is heard): wrapped, three lines at most.
  if (input.status) top.push(...wrapSegments(input.status, width).slice(0, 3));
  top.push(text(theme.rule.char.repeat(width), theme.rule));

  const body: StyledLine[] = [...layoutNoteBlocks(slide, theme, width), [], text('Sources', theme.headings.h3), ...layoutSources(slide, input.read, theme, width)];
  // The next slide keeps its rows at the bottom; on a screen too small for all three parts it goes first.
  const nextRows = Math.min(NEXT_ROWS, Math.max(0, rows - top.length - 2));
  const next = nextRows > 0 ? layoutNext(deck, input.slide, theme, width, nextRows) : [];
  const room = Math.max(1, rows - top.length - (next.length > 0 ? next.length + 1 : 0));
  let shown: StyledLine[];
  let scroll = 0;
  let maxScroll = 0;
  let page = room;
  if (body.length <= room) {
    shown = [...body, ...Array.from({ length: room - body.length }, (): StyledLine => [])];
  } else {
    // One row says where the notes stand and how to scroll them.
    page = Math.max(1, room - 1);
    maxScroll = body.length - page;
    scroll = Math.max(0, Math.min(input.scroll ?? 0, maxScroll));
    const below = body.length - scroll - page;
    const where = `${scroll > 0 ? `↑ ${scroll} ` : ''}${below > 0 ? `↓ ${below} more line${below === 1 ? '' : 's'}` : '(end of notes)'}  · j/k PgUp/PgDn scroll`;
    shown = [...body.slice(scroll, scroll + page), truncateLine(text(where, dim(theme.text)), width)];
  }
  const lines = [...top, ...shown, ...(next.length > 0 ? [[], ...next] : [])];
  return { lines: pad(lines), scroll, maxScroll, page };
}

/** The notes view's lines alone (see layoutNotesScreen). */
export function layoutNotesView(input: NotesViewInput): StyledLine[] {
  return layoutNotesScreen(input).lines;
}

/** What the slide side needs (see SlideScreenProps), and a reader for the notes side's citations. */
export interface PresenterViewInput extends Omit<SlideScreenProps, 'footer'> {
  read: SourceReader;
}

/** `present --presenter`: the slide on the left, the speaker's notes view on the right. */
export function layoutPresenterView(input: PresenterViewInput): StyledLine[] {
  const { deck, position, theme, columns, rows } = input;
  const slideColumns = Math.max(20, Math.floor(columns * 0.58));
  const notesColumns = Math.max(1, columns - slideColumns - 1);
  const slide = layoutScreen({ deck, position, theme, columns: slideColumns, rows, elapsedMs: input.elapsedMs, hyperlinks: input.hyperlinks, banner: input.banner, highlight: input.highlight });
  const notes = layoutNotesView({ deck, slide: position.slide, step: position.step, elapsedMs: input.elapsedMs, theme, columns: notesColumns, rows, read: input.read });
  return slide.map((line, i) => [
    ...padLine(truncateLine(line, slideColumns), slideColumns),
    { text: '│', style: theme.rule },
    ...truncateLine(notes[i] ?? [], notesColumns),
  ]);
}
