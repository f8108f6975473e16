import type { Color } from '../theme/index.js';
import { paintLine } from './paint.js';
import type { StyledLine } from './types.js';

const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';
/** What Ink wrote before each full frame: erase the screen and its scrollback, cursor home. */
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
const ERASE_LINE = '\x1b[2K';

/** How a screen writer reaches the terminal. */
export interface ScreenWriterOptions {
  /** Writes bytes to the terminal (one call per frame). */
  write(bytes: string): void;
  /** Wrap each frame in a synchronised update (DEC 2026), as Ink does on a terminal. */
  sync: boolean;
  /**
   * Written after each frame inside the same update (the images drawn over it). When it wrote
   * anything, the next frame is painted whole: what it drew is not in the rows compared.
   */
  after?: () => string;
  /** Told after each frame is written (not when nothing differed), with the number of rows rewritten, for latency traces. */
  onFrame?: (rows: number) => void;
}

/** Paints full-screen frames, rewriting only the rows that differ from the rows on screen. */
export interface ScreenWriter {
  /**
   * Shows `lines` (one per terminal row, each fitting `columns`), padded with `background`. The
   * first frame, a frame of another size, and a frame after `invalidate` are painted whole (the
   * screen cleared first); every other frame rewrites only its changed rows.
   */
  show(lines: readonly StyledLine[], columns: number, background: Color): void;
  /** Paints rows ahead of time (the next slide's), so that showing them later only compares and writes. */
  prepare(lines: readonly StyledLine[], columns: number, background: Color): void;
  /** Writes `after` again (an image became ready) and paints the next frame whole. */
  refresh(): void;
  /** The screen no longer holds the last frame: the next one is painted whole. */
  invalidate(): void;
}

/**
 * A frame writer for the presenter: each row is painted by `paintLine` (cached per line object,
 * through the sanitiser of the frame's output edge) and written at its row with an absolute cursor
 * move after erasing the row, so the terminal ends up with exactly the cells a full repaint would
 * leave, for a fraction of the bytes and none of the work of re-reading the whole screen.
 */
export function createScreenWriter(options: ScreenWriterOptions): ScreenWriter {
  let shown: string[] | null = null;
  let shownColumns = -1;
  /** The frame's bytes and what `after` draws over it, in one update; '' when there is nothing to write. */
  const frame = (body: string): string => {
    const overlay = options.after?.() ?? '';
    // What the overlay drew (images) is not in `shown`: the next frame repaints every row.
    if (overlay !== '') shown = null;
    const bytes = body + overlay;
    return bytes !== '' && options.sync ? BSU + bytes + ESU : bytes;
  };
  return {
    show(lines, columns, background) {
      const painted = lines.map((line) => paintLine(line, columns, background));
      let body = '';
      let rows = 0;
      if (shown === null || columns !== shownColumns || painted.length !== shown.length) {
        body = CLEAR;
        for (let row = 0; row < painted.length; row++) {
          if (painted[row] === '') continue;
          body += `\x1b[${row + 1};1H${painted[row]}`;
          rows++;
        }
      } else {
        for (let row = 0; row < painted.length; row++) {
          if (painted[row] === shown[row]) continue;
          body += `\x1b[${row + 1};1H${ERASE_LINE}${painted[row]}`;
          rows++;
        }
      }
      shown = painted;
      shownColumns = columns;
      // Nothing differs: the screen shows this frame already (and no image was drawn over the last one).
      if (body === '') return;
      options.write(frame(body));
      options.onFrame?.(rows);
    },
    prepare(lines, columns, background) {
      for (const line of lines) paintLine(line, columns, background);
    },
    refresh() {
      const bytes = frame('');
      if (bytes !== '') options.write(bytes);
    },
    invalidate() {
      shown = null;
    },
  };
}
