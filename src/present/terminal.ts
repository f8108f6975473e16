/** Escape sequences for taking over the terminal and giving it back. */
export const ENTER_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
export const LEAVE_SCREEN = '\x1b[?25h\x1b[?1049l';
export const CURSOR_HOME = '\x1b[H';

/** The signals that end the presenter, and the exit code for each (128 + the signal's number). */
export const EXIT_SIGNALS: ReadonlyArray<readonly [NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];
