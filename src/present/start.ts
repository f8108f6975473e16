import { next, previous, type Position } from '../deck/index.js';
import { layoutScreen, paintLines } from '../render/index.js';
import { enterEarlyScreen, type EarlyScreen } from './early-screen.js';
import { earlyKeyBytes } from './keymap.js';
import { layoutPresenterView } from './notes-view.js';
import type { FollowOptions } from './NotesApp.js';
import type { PresentOptions } from './run.js';

export interface StartOptions extends PresentOptions {
  /** The screen is entered and the first frame painted already (from the start cache, or a big deck's first slide). */
  early?: EarlyScreen;
  /** Receives the first frame painted here, e.g. to keep it for the next launch. */
  onFirstFrame?: (frame: string) => void;
  /**
   * Answer the keys that move through the deck before Ink has loaded (default true). A rehearsal
   * says false: its log must see every slide the speaker passes.
   */
  earlyKeys?: boolean;
}

/**
 * The first frame of a deck: its first slide laid out and painted, rows joined by CRLF; with
 * `presenterView`, beside the speaker's notes view as `--presenter` shows it.
 */
export function paintFirstFrame(options: FrameOptions, columns: number, rows: number): string {
  return paintFrame(options, { slide: 0, step: 0 }, columns, rows);
}

type FrameOptions = Pick<PresentOptions, 'deck' | 'theme' | 'hyperlinks'> & Partial<Pick<PresentOptions, 'presenterView' | 'readSource'>>;

/** The frame at `position` as the presenter first shows it (clock at 0:00), rows joined by CRLF. */
function paintFrame(options: FrameOptions, position: Position, columns: number, rows: number): string {
  const input = { deck: options.deck, position, theme: options.theme, columns, rows, elapsedMs: 0, hyperlinks: options.hyperlinks };
  const lines = options.presenterView
    ? layoutPresenterView({ ...input, banner: null, read: options.readSource ?? (() => null) })
    : layoutScreen(input);
  return paintLines(lines, columns, options.theme.background);
}

/**
 * Presents a deck full-screen until the user quits; resolves with the exit code.
 *
 * Start-up is the part a speaker waits for, so the first slide is painted straight away from the
 * pure layout (or was painted from the frame cache already), before React, Ink and Yoga are even
 * loaded; Ink then takes over the same screen and paints the same frame over it.
 */
export async function presentDeck(options: StartOptions): Promise<number> {
  const { stdin, stdout } = options;
  let early = options.early;
  try {
    if (!early) {
      const frame = paintFirstFrame(options, stdout.columns || 80, stdout.rows || 24);
      options.trace?.('mark', performance.now(), 'layout');
      early = enterEarlyScreen(stdin, stdout, frame);
      options.trace?.('first-frame', performance.now());
      options.onFirstFrame?.(frame);
    }
    // Until Ink has loaded, moving through the deck is answered here.
    if (options.earlyKeys !== false) {
      early.answerKeys({
        move: (position, direction) => (direction === 'next' ? next(options.deck, position) : previous(options.deck, position)),
        frame: (position) => paintFrame(options, position, stdout.columns || 80, stdout.rows || 24),
        onKey: () => options.trace?.('mark', performance.now(), 'early-key'),
        keys: earlyKeyBytes(options.keymap),
      });
    }
    const { runPresenter, openPresenterChannel } = await import('./run.js');
    // Followers learn the position from the presenter once it runs; until then, the first slide.
    const statusHolder = { current: () => ({ slide: 0, step: 0, elapsedMs: 0 }) };
    const publisher = options.publish ? await openPresenterChannel(options.deckPath, options.publish, () => statusHolder.current()) : null;
    const interrupted = early.interrupted();
    if (interrupted !== null) {
      early.restore();
      await publisher?.close();
      return interrupted;
    }
    const position = early.handOver();
    return await runPresenter({ ...options, entered: true, initialPosition: position, publisher, statusHolder });
  } catch (error) {
    early?.restore();
    throw error;
  } finally {
    early?.dispose();
  }
}

/** `talkdeck notes DECK`: follows the presenting instance of the same deck until `q`. */
export async function followNotes(options: FollowOptions): Promise<number> {
  const notes = await import('./NotesApp.js');
  return notes.followNotes(options);
}
