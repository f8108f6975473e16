import { isRunning, type Command, type PresentState } from './state.js';

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

/** What a key does on the slide screen (no overlay open). */
export type Action =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'overview'
  | 'search'
  | 'sources'
  | 'answers'
  | 'blank'
  | 'pause'
  | 'reload'
  | 'exec'
  | 'help'
  | 'close'
  | 'quit';

/**
 * A key as the keymap names it: a printable character as itself, or one of the names in
 * KEY_NAMES (`right`, `pagedown`, `ctrl-c`, …).
 */
export type KeyName = string;

/** One row of a keymap: an action, the keys that do it, and what the help says it does. */
export interface Binding<A extends string = Action> {
  action: A;
  keys: readonly KeyName[];
  help: string;
}

export type Keymap = readonly Binding[];

/**
 * The presenter's keys, written once: the presenter reads them (keyToCommand), the screen shown
 * before Ink has loaded answers the ones that move through the deck from the bytes a terminal sends
 * for them (earlyKeyBytes), and `?` lists them (keyHelp). It is plain data, so a configuration can
 * replace the keys of any action (withKeys).
 */
export const DEFAULT_KEYMAP: Keymap = [
  { action: 'next', keys: ['right', 'down', 'space', 'l', 'j', 'n', 'pagedown', 'return'], help: 'next step or slide' },
  { action: 'previous', keys: ['left', 'up', 'h', 'k', 'p', 'pageup', 'backspace', 'delete'], help: 'previous step or slide' },
  { action: 'first', keys: ['g', 'home'], help: 'first slide' },
  { action: 'last', keys: ['G', 'end'], help: 'last slide' },
  { action: 'overview', keys: ['o'], help: 'overview of slides' },
  { action: 'search', keys: ['/'], help: 'search; n / N: next / previous match' },
  { action: 'sources', keys: ['s'], help: "the slide's source passages" },
  { action: 'blank', keys: ['b', '.'], help: 'blank the screen; any key shows it' },
  { action: 'pause', keys: ['t'], help: 'pause or resume clock and auto-advance' },
  { action: 'answers', keys: ['a'], help: 'ask the sources (Enter: citing slide)' },
  { action: 'reload', keys: ['r'], help: 'reload the deck' },
  { action: 'exec', keys: ['ctrl-e'], help: 'run +exec code (with -x); Ctrl-C stops' },
  { action: 'help', keys: ['?'], help: 'this help' },
  { action: 'close', keys: ['escape'], help: 'close overlay, clear search' },
  { action: 'quit', keys: ['q', 'ctrl-c'], help: 'quit' },
];

/** What a key does in `talkdeck notes`, the follower in a second terminal. */
export type NotesAction = 'scroll-down' | 'scroll-up' | 'page-down' | 'page-up' | 'top' | 'answers' | 'help' | 'quit';

export type NotesKeymap = ReadonlyArray<Binding<NotesAction>>;

/** The follower's keys: it only scrolls what it shows; the presenter moves the talk. */
export const NOTES_KEYMAP: NotesKeymap = [
  { action: 'scroll-down', keys: ['j', 'down'], help: 'scroll the notes down' },
  { action: 'scroll-up', keys: ['k', 'up'], help: 'scroll the notes up' },
  { action: 'page-down', keys: ['pagedown', 'space'], help: 'a page down' },
  { action: 'page-up', keys: ['pageup'], help: 'a page up' },
  { action: 'top', keys: ['g', 'home'], help: "back to the top of the slide's notes" },
  { action: 'answers', keys: ['a'], help: 'ask the sources: find passages of the articles (only this screen shows them)' },
  { action: 'help', keys: ['?'], help: 'this help' },
  { action: 'quit', keys: ['q', 'ctrl-c'], help: 'quit (the talk goes on)' },
];

/** Every action a key can be bound to, in the keymap's order: what a configuration's `keys:` may name. */
export const ACTIONS: readonly Action[] = DEFAULT_KEYMAP.map((binding) => binding.action);

/** The keymap with the keys of some actions replaced, e.g. from a configuration file. */
export function withKeys<A extends string>(keymap: ReadonlyArray<Binding<A>>, keys: Partial<Record<A, readonly KeyName[]>>): Array<Binding<A>> {
  return keymap.map((binding) => (keys[binding.action] ? { ...binding, keys: keys[binding.action]! } : binding));
}

/** Named keys: how the help shows each, and the bytes terminals send for it. */
export const KEY_NAMES: Readonly<Record<string, { label: string; bytes: readonly string[] }>> = {
  right: { label: '→', bytes: ['\x1b[C', '\x1bOC'] },
  left: { label: '←', bytes: ['\x1b[D', '\x1bOD'] },
  up: { label: '↑', bytes: ['\x1b[A', '\x1bOA'] },
  down: { label: '↓', bytes: ['\x1b[B', '\x1bOB'] },
  pagedown: { label: 'PgDn', bytes: ['\x1b[6~'] },
  pageup: { label: 'PgUp', bytes: ['\x1b[5~'] },
  home: { label: 'Home', bytes: ['\x1b[H', '\x1bOH', '\x1b[1~'] },
  end: { label: 'End', bytes: ['\x1b[F', '\x1bOF', '\x1b[4~'] },
  space: { label: 'Space', bytes: [' '] },
  return: { label: 'Enter', bytes: ['\r'] },
  backspace: { label: 'Backspace', bytes: ['\x7f', '\b'] },
  delete: { label: 'Delete', bytes: ['\x1b[3~'] },
  tab: { label: 'Tab', bytes: ['\t'] },
  escape: { label: 'Esc', bytes: ['\x1b'] },
  // Ctrl-A to Ctrl-Z, as the bytes 1 to 26 (Ctrl-I, -J and -M are Tab, newline and Enter: not offered).
  ...Object.fromEntries(
    [...'abcdefghklnopqrstuvwxyz'].map((letter) => [`ctrl-${letter}`, { label: `Ctrl-${letter.toUpperCase()}`, bytes: [String.fromCharCode(letter.charCodeAt(0) - 96)] }]),
  ),
};

/** presenterm's names for keys (`<page_down>`), where they differ from the keymap's. */
const PRESENTERM_NAMES: Readonly<Record<string, KeyName>> = { page_down: 'pagedown', page_up: 'pageup', esc: 'escape', enter: 'return', del: 'delete', ' ': 'space' };

/**
 * The keymap's name for a key as a configuration writes it: a printable character (`q`, `G`, `?`),
 * a name (`right`, `pagedown`, `space`, `ctrl-e`), or presenterm's form (`<right>`, `<page_down>`,
 * `<c-e>`, `" "`); null when it names no key.
 */
export function normalizeKeyName(written: string): KeyName | null {
  let name = written;
  const bracketed = /^<(.+)>$/u.exec(name);
  if (bracketed) name = bracketed[1]!.toLowerCase();
  if (name === ' ') return 'space';
  const ctrl = /^(?:c|ctrl|control)-([a-z])$/iu.exec(name);
  if (ctrl) name = `ctrl-${ctrl[1]!.toLowerCase()}`;
  name = PRESENTERM_NAMES[name] ?? name;
  if (KEY_NAMES[name]) return name;
  if (!bracketed && [...name].length === 1 && /^[\x21-\x7e]$/u.test(name)) return name;
  return null;
}

/** How the help shows a key. */
export function keyLabel(name: KeyName): string {
  return KEY_NAMES[name]?.label ?? name;
}

/** The help rows, shown by `?`: keys and what they do, one row per action (and going to slide N). */
export function keyHelp(keymap: Keymap = DEFAULT_KEYMAP): Array<readonly [keys: string, action: string]> {
  const rows = helpRows(keymap);
  const at = keymap.filter((b) => b.keys.length > 0).findIndex((b) => b.action === 'last') + 1;
  return [...rows.slice(0, at), ['12 Enter  or  12G', 'go to slide 12'] as const, ...rows.slice(at)];
}

/** Help rows of any keymap: the keys of each action as the help shows them, and what it does. */
export function helpRows<A extends string>(keymap: ReadonlyArray<Binding<A>>): Array<readonly [keys: string, action: string]> {
  return keymap.filter((b) => b.keys.length > 0).map((b) => [b.keys.map(keyLabel).join(' '), b.help] as const);
}

/** Key help for the default keymap. */
export const KEY_HELP = keyHelp();

/** The moves answered before the presenter has loaded, by the bytes a terminal sends for their keys; longest first. */
export type EarlyAction = 'next' | 'previous' | 'quit';

export function earlyKeyBytes(keymap: Keymap = DEFAULT_KEYMAP): Array<readonly [bytes: string, action: EarlyAction]> {
  const out: Array<readonly [string, EarlyAction]> = [];
  for (const binding of keymap) {
    if (binding.action !== 'next' && binding.action !== 'previous' && binding.action !== 'quit') continue;
    const action = binding.action;
    for (const key of binding.keys) {
      // A lone ESC is the start of every other sequence: never answered early.
      if (key === 'escape') continue;
      for (const bytes of KEY_NAMES[key]?.bytes ?? (key.length > 0 ? [key] : [])) out.push([bytes, action]);
    }
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

/** The names of the key pressed, as the keymap writes them. */
function pressedKeys(input: string, key: KeyPress): KeyName[] {
  const names: KeyName[] = [];
  if (key.rightArrow) names.push('right');
  if (key.leftArrow) names.push('left');
  if (key.upArrow) names.push('up');
  if (key.downArrow) names.push('down');
  if (key.pageDown) names.push('pagedown');
  if (key.pageUp) names.push('pageup');
  if (key.home) names.push('home');
  if (key.end) names.push('end');
  if (key.return) names.push('return');
  if (key.escape) names.push('escape');
  if (key.backspace) names.push('backspace');
  if (key.delete) names.push('delete');
  if (key.tab) names.push('tab');
  // With Ctrl held the letter is not itself: Ctrl-E is not `e`.
  if (key.ctrl) {
    if (/^[a-z]$/u.test(input)) names.push(`ctrl-${input}`);
    return names;
  }
  if (input === ' ') names.push('space');
  else if (input !== '') names.push(input);
  return names;
}

const ACTION_COMMANDS: Record<Action, Command> = {
  next: { kind: 'next' },
  previous: { kind: 'previous' },
  first: { kind: 'first' },
  last: { kind: 'last' },
  overview: { kind: 'overview' },
  search: { kind: 'search-start' },
  sources: { kind: 'sources' },
  blank: { kind: 'blank' },
  pause: { kind: 'pause' },
  answers: { kind: 'answers-start' },
  reload: { kind: 'reload' },
  exec: { kind: 'exec' },
  help: { kind: 'help' },
  close: { kind: 'close' },
  quit: { kind: 'quit' },
};

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

function mapAnswers(input: string, key: KeyPress): Command | null {
  if (key.escape) return { kind: 'close' };
  if (key.return) return { kind: 'answers-pick' };
  if (key.downArrow || key.tab) return { kind: 'answers-move', delta: 1 };
  if (key.upArrow) return { kind: 'answers-move', delta: -1 };
  if (key.backspace || key.delete) return { kind: 'answers-erase' };
  if (key.ctrl || !input) return null;
  return { kind: 'answers-type', text: input };
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
export function keyToCommand(input: string, key: KeyPress, state: PresentState, keymap: Keymap = DEFAULT_KEYMAP): Command | null {
  if (key.ctrl && input === 'c') return isRunning(state) ? { kind: 'exec-stop' } : { kind: 'quit' };
  switch (state.overlay.kind) {
    case 'overview':
      return mapOverview(input, key);
    case 'search-input':
      return mapSearchInput(input, key);
    case 'sources':
      return mapSources(input, key);
    case 'answers':
      return mapAnswers(input, key);
    case 'passage':
      if (key.escape || input === 'q' || key.return) return { kind: 'close' };
      return null;
    case 'help':
      if (input === 'q') return { kind: 'quit' };
      return { kind: 'close' };
    case 'blank': {
      // The screen stays dark while the clock is paused or resumed; any other key brings the slide back.
      const binding = keymap.find((b) => b.keys.some((name) => pressedKeys(input, key).includes(name)));
      if (binding?.action === 'quit' || binding?.action === 'pause') return ACTION_COMMANDS[binding.action];
      return { kind: 'close' };
    }
    case 'none':
      break;
  }
  if (/^[0-9]$/u.test(input)) return { kind: 'digit', digit: input };
  if (state.pendingNumber && (key.return || input === 'G')) return { kind: 'jump' };
  if (state.search && input === 'n') return { kind: 'search-next' };
  if (state.search && input === 'N') return { kind: 'search-previous' };
  const pressed = pressedKeys(input, key);
  const binding = keymap.find((b) => b.keys.some((name) => pressed.includes(name)));
  return binding ? ACTION_COMMANDS[binding.action] : null;
}

/** Maps a key press in `talkdeck notes` to what it does, or null for keys with no meaning there. */
export function notesKeyAction(input: string, key: KeyPress, keymap: NotesKeymap = NOTES_KEYMAP): NotesAction | null {
  if (key.ctrl && input === 'c') return 'quit';
  const pressed = pressedKeys(input, key);
  return keymap.find((b) => b.keys.some((name) => pressed.includes(name)))?.action ?? null;
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
