import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, earlyKeyBytes, helpRows, keyHelp, keyToCommand, NOTES_KEYMAP, notesKeyAction, withKeys, type KeyPress } from '../../src/present/keymap.js';
import { createReplyFilter } from '../../src/present/terminal-replies.js';
import { initialState } from '../../src/present/state.js';
import { deckOf, slideOf } from '../fixtures/deck.js';

const state = initialState(deckOf(slideOf(1, 'One'), slideOf(2, 'Two')));
const press = (input: string, key: KeyPress = {}) => keyToCommand(input, key, state)?.kind ?? null;

describe('the one keymap', () => {
  it('gives the presenter, the early screen and the help the same keys', () => {
    // The presenter.
    expect([press('', { rightArrow: true }), press(' '), press('l'), press('', { pageDown: true }), press('', { return: true })]).toEqual(['next', 'next', 'next', 'next', 'next']);
    expect([press('', { leftArrow: true }), press('k'), press('', { backspace: true }), press('', { delete: true })]).toEqual(['previous', 'previous', 'previous', 'previous']);
    expect([press('q'), press('c', { ctrl: true }), press('?'), press('x')]).toEqual(['quit', 'quit', 'help', null]);
    // The early screen: the bytes of every next, previous and quit key, and nothing else.
    const early = new Map(earlyKeyBytes());
    expect(early.get('\u001b[C')).toBe('next');
    expect(early.get('\u001bOB')).toBe('next');
    expect(early.get(' ')).toBe('next');
    expect(early.get('\r')).toBe('next');
    expect(early.get('\u001b[5~')).toBe('previous');
    expect(early.get('\u007f')).toBe('previous');
    expect(early.get('q')).toBe('quit');
    expect(early.get('\u0003')).toBe('quit');
    expect(early.has('o')).toBe(false);
    expect(early.has('\u001b')).toBe(false);
    // The help: one row per action, in the table's order, plus going to a slide by number.
    const help = keyHelp();
    expect(help[0]).toEqual(['→ ↓ Space l j n PgDn Enter', 'next step or slide']);
    expect(help.map(([, what]) => what)).toEqual([...DEFAULT_KEYMAP.slice(0, 4).map((b) => b.help), 'go to slide 12', ...DEFAULT_KEYMAP.slice(4).map((b) => b.help)]);
  });

  it('takes other keys for an action from a configuration, everywhere at once', () => {
    const keymap = withKeys(DEFAULT_KEYMAP, { next: ['x', 'right'], quit: ['Q'] });
    expect(keyToCommand('x', {}, state, keymap)?.kind).toBe('next');
    expect(keyToCommand('l', {}, state, keymap)).toBeNull();
    expect(keyToCommand('Q', {}, state, keymap)?.kind).toBe('quit');
    expect(new Map(earlyKeyBytes(keymap)).get('x')).toBe('next');
    expect(new Map(earlyKeyBytes(keymap)).has('l')).toBe(false);
    expect(keyHelp(keymap)[0]).toEqual(['x →', 'next step or slide']);
  });
});

describe('the speaker keys and the follower keys', () => {
  it('b and . blank, t pauses; the help lists them from the table', () => {
    expect([press('b'), press('.'), press('t')]).toEqual(['blank', 'blank', 'pause']);
    const help = new Map(keyHelp());
    expect(help.get('b .')).toBe('blank the screen; any key shows it');
    expect(help.get('t')).toBe('pause or resume clock and auto-advance');
    // A configuration moves them like any other key.
    expect(keyToCommand('B', {}, state, withKeys(DEFAULT_KEYMAP, { blank: ['B'] }))?.kind).toBe('blank');
  });

  it('talkdeck notes has its own table: scroll, page, top, answers, help, quit', () => {
    expect([notesKeyAction('j', {}), notesKeyAction('', { downArrow: true }), notesKeyAction('k', {}), notesKeyAction('', { pageDown: true }), notesKeyAction(' ', {})]).toEqual([
      'scroll-down',
      'scroll-down',
      'scroll-up',
      'page-down',
      'page-down',
    ]);
    expect([notesKeyAction('', { pageUp: true }), notesKeyAction('g', {}), notesKeyAction('a', {}), notesKeyAction('?', {}), notesKeyAction('q', {}), notesKeyAction('c', { ctrl: true }), notesKeyAction('x', {})]).toEqual([
      'page-up',
      'top',
      'answers',
      'help',
      'quit',
      'quit',
      null,
    ]);
    expect(helpRows(NOTES_KEYMAP).map(([keys]) => keys)).toEqual(['j ↓', 'k ↑', 'PgDn Space', 'PgUp', 'g Home', 'a', '?', 'q Ctrl-C']);
  });
});

describe('terminal replies', () => {
  it('are swallowed, as Ink splits them into events, and keys after them are not', () => {
    const isReply = createReplyFilter();
    // OSC 11's answer as Ink hands it on: ESC ], the body, then ESC \ (or BEL inside the body).
    expect(['\u001b]', '11;rgb:1e1e/1e1e/2e2e', '\u001b\\', 'j'].map(isReply)).toEqual([true, true, true, false]);
    expect(['\u001b]', '11;rgb:ffff/ffff/ffff\u0007', '1'].map(isReply)).toEqual([true, true, false]);
    expect(isReply('\u001b[?64;1;2;6;9;15;18;21;22c')).toBe(true);
    expect(['\u001b', '\u001b[C', 'q', '1'].map(isReply)).toEqual([false, false, false, false]);
  });
});

describe('the ? screen', () => {
  it('shows every key and the whole of what it does in an 80x24 terminal, nothing cut short', async () => {
    const { helpLines } = await import('../../src/present/overlays.js');
    const { loadTheme } = await import('../../src/theme/index.js');
    const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });
    const text = helpLines(theme, 80, 24).map((line) => line.map((span) => span.text).join(''));
    expect(text.join('\n')).not.toContain('…');
    for (const [, help] of keyHelp(DEFAULT_KEYMAP)) expect(text.some((line) => line.includes(help)), help).toBe(true);
    expect(text.some((line) => line.includes('Press any key to return.'))).toBe(true);
  });
});
