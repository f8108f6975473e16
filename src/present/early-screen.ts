import { CURSOR_HOME, ENTER_SCREEN, LEAVE_SCREEN } from './terminal.js';

/**
 * The screen between the first frame and the moment the full-screen runner (Ink) owns the
 * terminal. The first slide is painted as soon as it is known, before React, Ink and Yoga are
 * loaded, and sometimes before the deck is even parsed (from the frame cache); meanwhile keys wait
 * in the terminal (raw mode, so they are not echoed), and whatever happens the terminal is given
 * back: a failure restores it, and a signal is remembered and answered once loading is done.
 */
export interface EarlyScreen {
  /** Gives the terminal back (main screen, cursor shown, cooked mode), unless handed over. */
  restore(): void;
  /** The exit code for a signal that arrived while loading (130, 143, 129), or null. */
  interrupted(): number | null;
  /** From now on the full-screen runner restores the terminal. */
  handOver(): void;
  /** Removes the handlers; call once the runner has finished. */
  dispose(): void;
}

/** Enters the alternate screen, paints `frame` (rows joined by CRLF) and sets raw mode. */
export function enterEarlyScreen(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, frame: string): EarlyScreen {
  let handedOver = false;
  const restore = () => {
    if (handedOver) return;
    handedOver = true;
    if (stdin.isTTY) {
      try {
        stdin.setRawMode(false);
      } catch {
        // stdin may already be closed.
      }
    }
    stdout.write(LEAVE_SCREEN);
  };
  process.once('exit', restore);
  let interrupted: number | null = null;
  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  // These stay until dispose(): removing one while a signal that arrived during loading still waits
  // in the event loop would drop that signal.
  const handlers = signals.map(([signal, code]) => {
    const handler = () => {
      interrupted ??= code;
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    if (stdin.isTTY) stdin.setRawMode(true);
    stdout.write(ENTER_SCREEN + frame + CURSOR_HOME);
  } catch (error) {
    restore();
    throw error;
  }
  return {
    restore,
    interrupted: () => interrupted,
    handOver: () => {
      handedOver = true;
    },
    dispose: () => {
      process.off('exit', restore);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
