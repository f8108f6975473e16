import { layoutScreen, paintLines } from '../render/index.js';
import type { FollowOptions } from './NotesApp.js';
import type { PresentOptions } from './run.js';
import { CURSOR_HOME, ENTER_SCREEN, LEAVE_SCREEN } from './terminal.js';

/**
 * Presents a deck full-screen until the user quits; resolves with the exit code.
 *
 * Start-up is the part a speaker waits for, so the first slide is painted straight away from the
 * pure layout, before React, Ink and Yoga are even loaded; Ink then takes over the same screen
 * and paints the same frame over it. Keys pressed meanwhile wait in the terminal (raw mode, so
 * they are not echoed) and reach the presenter once it listens.
 */
export async function presentDeck(options: PresentOptions): Promise<number> {
  const { stdin, stdout } = options;
  let handedOver = false;
  // Until the full-screen runner owns the terminal, this gives it back if start-up fails.
  const restore = () => {
    if (handedOver) return;
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(LEAVE_SCREEN);
  };
  process.once('exit', restore);
  // A signal during start-up is answered once the presenter has loaded, with the terminal restored.
  let interrupted: number | null = null;
  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  const handlers = signals.map(([signal, code]) => {
    const handler = () => {
      interrupted ??= code;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    if (stdin.isTTY) stdin.setRawMode(true);
    const columns = stdout.columns || 80;
    const rows = stdout.rows || 24;
    const lines = layoutScreen({
      deck: options.deck,
      position: { slide: 0, step: 0 },
      theme: options.theme,
      columns,
      rows,
      elapsedMs: 0,
      hyperlinks: options.hyperlinks,
    });
    options.trace?.('mark', performance.now(), 'layout');
    stdout.write(ENTER_SCREEN + paintLines(lines, columns, options.theme.background) + CURSOR_HOME);
    options.trace?.('first-frame', performance.now());
    const { runPresenter } = await import('./run.js');
    // The start-up handlers stay until the end: removing one while a signal that arrived during
    // the import still waits in the event loop would drop that signal.
    if (interrupted !== null) {
      restore();
      handedOver = true;
      return interrupted;
    }
    handedOver = true;
    return await runPresenter({ ...options, entered: true });
  } catch (error) {
    restore();
    handedOver = true;
    throw error;
  } finally {
    process.off('exit', restore);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

/** `talkdeck notes DECK`: follows the presenting instance of the same deck until `q`. */
export async function followNotes(options: FollowOptions): Promise<number> {
  const notes = await import('./NotesApp.js');
  return notes.followNotes(options);
}
