import type { Deck, Slide } from '../deck/index.js';
import { rehearsedSeconds, unmatchedSlides } from './match-run.js';
import type { RehearsalRun } from './rehearsal-log.js';

/** Rehearsed times are written rounded to this many seconds. */
export const TIME_STEP_SECONDS = 5;

const SLIDE_BREAK = /^---[ \t]*$/u;
const END_SLIDE = /^[ \t]*<!--[ \t]*end_slide[ \t]*-->[ \t]*$/u;
const COMMENT_START = /^[ \t]*<!--/u;
const TIME_DIRECTIVE = /^([ \t]*)<!--[ \t]*time[ \t]*:(?:(?!-->).)*-->([ \t]*)$/u;
const FENCE = /^[ \t]*(`{3,}|~{3,})/u;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/u;

type Edit = { kind: 'replace'; index: number; text: string } | { kind: 'insert'; index: number; text: string };

/**
 * Writes rehearsed times into deck text as per-slide budgets: `<!-- time: 45s -->`, rounded to
 * 5 s (at least 5 s). In each slide with a time (0-based, like `deck.slides`; null leaves a slide
 * alone) an existing `time` directive is rewritten in place, else one is inserted on the line after
 * the slide's first heading, or before its first line when it has none. Every other byte is kept.
 * `deckText` must be the text `deck` was parsed from; slides that come from included files are skipped.
 */
export function applyTimes(deckText: string, deck: Deck, secondsPerSlide: readonly (number | null)[]): string {
  const bom = deckText.startsWith('\uFEFF') ? '\uFEFF' : '';
  const { lines, eols } = splitLines(deckText.slice(bom.length));
  const docEol = eols.find((eol) => eol !== '') ?? '\n';
  const starts = deck.slides.map((slide) => (slide.location.file === deck.file ? slide.location.line - 1 : null));
  const edits: Edit[] = [];

  deck.slides.forEach((slide, i) => {
    const seconds = secondsPerSlide[i];
    const start = starts[i] ?? null;
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0 || start === null) return;
    if (start < 0 || start >= lines.length) {
      throw new RangeError(`slide ${slide.index} starts at line ${slide.location.line}, past the end of the text: was the deck parsed from it?`);
    }
    const nextStart = Math.min(...starts.filter((s): s is number => s !== null && s > start), lines.length);
    const end = slideEnd(lines, start, nextStart);
    const directive = `<!-- time: ${formatSeconds(roundSeconds(seconds))} -->`;

    const existing = timeDirectiveLines(lines, start, end);
    if (existing.length > 0) {
      for (const index of existing) {
        const match = TIME_DIRECTIVE.exec(lines[index]!);
        edits.push({ kind: 'replace', index, text: `${match?.[1] ?? ''}${directive}${match?.[2] ?? ''}` });
      }
      return;
    }
    edits.push({ kind: 'insert', index: afterHeading(lines, slide, start, end) ?? start, text: directive });
  });

  // From the bottom up, so that earlier indexes stay valid.
  edits.sort((a, b) => b.index - a.index);
  for (const edit of edits) {
    if (edit.kind === 'replace') {
      lines[edit.index] = edit.text;
      continue;
    }
    const before = edit.index - 1;
    let eol: string;
    if (before >= 0 && eols[before] === '') {
      // Inserting after the last line, which has no line end: it gets one, and the new last line none.
      eols[before] = docEol;
      eol = '';
    } else {
      eol = before >= 0 ? eols[before]! : eols[edit.index] || docEol;
    }
    lines.splice(edit.index, 0, edit.text);
    eols.splice(edit.index, 0, eol);
  }
  return bom + lines.map((line, k) => line + eols[k]).join('');
}

/**
 * A rehearsal run's times written into the deck as it is now: `deckText` is the deck file's text
 * read just now and `deck` what it parses to, so every line number is current. Slides are matched
 * to the run by identity (position and title, then title: see matchRun), never by the lines they
 * had during the run, so a time lands on the slide it was spent on, and never inside code. Also
 * says which timed slides the deck no longer has (by title).
 */
export function applyRun(deckText: string, deck: Deck, run: RehearsalRun): { text: string; missing: string[] } {
  return { text: applyTimes(deckText, deck, rehearsedSeconds(deck, run)), missing: unmatchedSlides(deck, run) };
}

/** Lines and their line ends (`\n`, `\r\n` or `\r`, as the parser reads them; '' for a last line without one). */
function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  const pattern = /\r\n|\r|\n/gu;
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push(text.slice(from, match.index));
    eols.push(match[0]);
    from = match.index + match[0].length;
  }
  lines.push(text.slice(from));
  eols.push('');
  return { lines, eols };
}

/** Seconds rounded to TIME_STEP_SECONDS, at least one step: a time of 0 is not a valid budget. */
export function roundSeconds(seconds: number): number {
  return Math.max(TIME_STEP_SECONDS, Math.round(seconds / TIME_STEP_SECONDS) * TIME_STEP_SECONDS);
}

/** Whole seconds as a `time` value: `45s`, `2m`, `1m30s`. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}s`;
  return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}

/**
 * Indices in [start, end) of lines that begin outside fenced code and outside a multi-line
 * comment's continuation: the lines where a slide break or a directive can stand.
 */
function* directiveLines(lines: readonly string[], start: number, end: number): Generator<number> {
  let fence: string | null = null;
  let inComment = false;
  for (let k = start; k < end; k++) {
    const line = lines[k]!;
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    yield k;
    if (COMMENT_START.test(line)) {
      inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      continue;
    }
    fence = FENCE.exec(line)?.[1] ?? null;
  }
}

/** Index just past the slide's own lines: its break (`---`, `<!-- end_slide -->`), the next slide, or the end. */
function slideEnd(lines: readonly string[], start: number, limit: number): number {
  for (const k of directiveLines(lines, start, limit)) {
    if (k > start && (SLIDE_BREAK.test(lines[k]!) || END_SLIDE.test(lines[k]!))) return k;
  }
  return limit;
}

/** Lines in [start, end) that hold a `time` directive, outside code fences and other comments. */
function timeDirectiveLines(lines: readonly string[], start: number, end: number): number[] {
  return [...directiveLines(lines, start, end)].filter((k) => TIME_DIRECTIVE.test(lines[k]!));
}

function closesFence(line: string, fence: string): boolean {
  const match = /^[ \t]*(`{3,}|~{3,})[ \t]*$/u.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** Index of the line after the slide's first heading (after its underline if setext), or null. */
function afterHeading(lines: readonly string[], slide: Slide, start: number, end: number): number | null {
  const heading = slide.blocks.find((block) => block.kind === 'heading');
  if (heading === undefined) return null;
  const index = heading.line - 1;
  if (index < start || index >= end) return null;
  if (ATX_HEADING.test(lines[index]!)) return index + 1;
  for (let k = index + 1; k < end && lines[k]!.trim() !== ''; k++) {
    if (SETEXT_UNDERLINE.test(lines[k]!)) return k + 1;
  }
  return null;
}
