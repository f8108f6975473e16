import type { Command, PresentState } from './state.js';

/** The keys the presenter reads, as Ink's useInput reports them. */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageDown?: boolean;
  pageUp?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
}

/** Key help, shown by `?`: one row per action. */
export const KEY_HELP: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['→ ↓ Space l j n PgDn Enter', 'next step or slide'],
  ['← ↑ h k p PgUp Backspace', 'previous step or slide'],
  ['g gg Home', 'first slide'],
  ['G End', 'last slide'],
  ['12 Enter  or  12G', 'go to slide 12'],
  ['o', 'overview of slides'],
  ['/', 'search; then n / N for next / previous match'],
  ['s', "the slide's source passages"],
  ['r', 'reload the deck'],
  ['?', 'this help'],
  ['Esc', 'close overlay, clear search'],
  ['q  Ctrl-C', 'quit'],
];

function mapOverview(input: string, key: KeyPress): Command | null {
  if (key.escape || input === 'o' || input === 'q') return { kind: 'close' };
  if (key.return) return { kind: 'overview-pick' };
  if (key.downArrow || key.rightArrow || input === 'j' || input === 'l') return { kind: 'overview-move', delta: 1 };
  if (key.upArrow || key.leftArrow || input === 'k' || input === 'h') return { kind: 'overview-move', delta: -1 };
  if (key.pageDown) return { kind: 'overview-move', delta: 10 };
  if (key.pageUp) return { kind: 'overview-move', delta: -10 };
  if (key.home || input === 'g') return { kind: 'overview-move', delta: -Infinity };
  if (key.end || input === 'G') return { kind: 'overview-move', delta: Infinity };
  return null;
}

function mapSearchInput(input: string, key: KeyPress): Command | null {
  if (key.escape) return { kind: 'close' };
  if (key.return) return { kind: 'search-submit' };
  if (key.backspace || key.delete) return { kind: 'search-erase' };
  if (key.ctrl || key.tab || !input) return null;
  return { kind: 'search-type', text: input };
}

function mapSources(input: string, key: KeyPress): Command | null {
  if (key.escape || input === 's' || input === 'q') return { kind: 'close' };
  if (key.downArrow || input === 'j') return { kind: 'scroll', delta: 1 };
  if (key.upArrow || input === 'k') return { kind: 'scroll', delta: -1 };
  if (key.pageDown || input === ' ') return { kind: 'scroll', delta: 10 };
  if (key.pageUp) return { kind: 'scroll', delta: -10 };
  if (key.home || input === 'g') return { kind: 'scroll', delta: -Infinity };
  return null;
}

/** Maps a key press to a command, given what is on screen. Returns null for keys with no meaning. */
export function keyToCommand(input: string, key: KeyPress, state: PresentState): Command | null {
  if (key.ctrl && input === 'c') return { kind: 'quit' };
  switch (state.overlay.kind) {
    case 'overview':
      return mapOverview(input, key);
    case 'search-input':
      return mapSearchInput(input, key);
    case 'sources':
      return mapSources(input, key);
    case 'help':
      if (input === 'q') return { kind: 'quit' };
      return { kind: 'close' };
    case 'none':
      break;
  }
  if (/^[0-9]$/u.test(input)) return { kind: 'digit', digit: input };
  if (state.pendingNumber && (key.return || input === 'G')) return { kind: 'jump' };
  if (state.search && input === 'n') return { kind: 'search-next' };
  if (state.search && input === 'N') return { kind: 'search-previous' };
  if (key.rightArrow || key.downArrow || key.pageDown || key.return || ['l', 'j', 'n', ' '].includes(input)) {
    return { kind: 'next' };
  }
  if (key.leftArrow || key.upArrow || key.pageUp || key.backspace || key.delete || ['h', 'k', 'p'].includes(input)) {
    return { kind: 'previous' };
  }
  if (key.home || input === 'g') return { kind: 'first' };
  if (key.end || input === 'G') return { kind: 'last' };
  if (key.escape) return { kind: 'close' };
  switch (input) {
    case 'o':
      return { kind: 'overview' };
    case '/':
      return { kind: 'search-start' };
    case '?':
      return { kind: 'help' };
    case 'r':
      return { kind: 'reload' };
    case 's':
      return { kind: 'sources' };
    case 'q':
      return { kind: 'quit' };
    default:
      return null;
  }
}

/**
 * Splits what the terminal sent in one read into single key presses: keys typed quickly (or sent
 * by a script) can arrive together, like `3` and Enter as "3\r".
 */
export function splitKeys(input: string, key: KeyPress): Array<[string, KeyPress]> {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.escape) return [[input, key]];
  return chars.map((char): [string, KeyPress] => {
    if (char === '\r' || char === '\n') return ['', { return: true }];
    if (char === '\x7f' || char === '\b') return ['', { backspace: true }];
    return [char, {}];
  });
}
