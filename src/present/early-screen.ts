import type { Position } from '../deck/index.js';
import { earlyKeyBytes, type EarlyAction } from './keymap.js';
import { CURSOR_HOME, ENTER_SCREEN, EXIT_SIGNALS, LEAVE_SCREEN } from './terminal.js';

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
  /**
   * Answers the keys that move through the deck by painting `view.frame(position)`, until
   * handOver: a speaker who presses → at once need not wait for Ink. `q` and Ctrl-C quit. Any other
   * key ends this, and it and every key after it are left for the presenter, in order.
   */
  answerKeys(view: EarlyView): void;
  /** From now on the full-screen runner restores the terminal; returns the position reached. */
  handOver(): Position;
  /** Removes the handlers; call once the runner has finished. */
  dispose(): void;
}

/** What the early screen needs to move through a deck: how to move, and the frame at a position. */
export interface EarlyView {
  move(position: Position, direction: 'next' | 'previous'): Position;
  frame(position: Position): string;
  /** Called after each key it answered, for latency traces. */
  onKey?(): void;
  /** The keys answered, by the bytes a terminal sends (default: those of the default keymap). */
  keys?: ReadonlyArray<readonly [bytes: string, action: EarlyAction]>;
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
  // These stay until dispose(): removing one while a signal that arrived during loading still waits
  // in the event loop would drop that signal.
  const handlers = EXIT_SIGNALS.map(([signal, code]) => {
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
  let position: Position = { slide: 0, step: 0 };
  // Read the way Ink reads ('readable', then read()), so that handing stdin over leaves it in the
  // state Ink expects; a paused or flowing stream would not keep the event loop alive for Ink.
  let listening: (() => void) | null = null;
  const stopAnswering = () => {
    if (!listening) return;
    stdin.off('readable', listening);
    listening = null;
  };
  return {
    restore: () => {
      stopAnswering();
      restore();
    },
    interrupted: () => interrupted,
    answerKeys: (view) => {
      if (listening || handedOver || !stdin.isTTY) return;
      const keys = view.keys ?? earlyKeyBytes();
      const answer = (text: string): string => {
        let rest = text;
        while (rest !== '') {
          const known = keys.find(([bytes]) => rest.startsWith(bytes));
          // Not ours: it, and what follows, is the presenter's to read.
          if (!known) return rest;
          rest = rest.slice(known[0].length);
          if (known[1] === 'quit') {
            interrupted ??= known[0] === '\x03' ? 130 : 0;
            restore();
            return '';
          }
          position = view.move(position, known[1]);
          stdout.write(CURSOR_HOME + view.frame(position) + CURSOR_HOME);
          view.onKey?.();
        }
        return '';
      };
      listening = () => {
        let chunk: Buffer | string | null;
        while (listening && (chunk = stdin.read() as Buffer | string | null) !== null) {
          const left = answer(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
          if (left !== '' || handedOver) {
            stopAnswering();
            if (left !== '') stdin.unshift(Buffer.from(left, 'utf8'));
          }
        }
      };
      stdin.on('readable', listening);
    },
    handOver: () => {
      stopAnswering();
      handedOver = true;
      return position;
    },
    dispose: () => {
      process.off('exit', restore);
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
