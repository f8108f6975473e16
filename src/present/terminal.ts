/** Escape sequences for taking over the terminal and giving it back. */
export const ENTER_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l';
export const LEAVE_SCREEN = '\x1b[?25h\x1b[?1049l';
export const CURSOR_HOME = '\x1b[H';
