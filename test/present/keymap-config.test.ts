import { describe, expect, test } from 'vitest';
import { DEFAULT_KEYMAP, earlyKeyBytes, keyHelp, keyToCommand, normalizeKeyName, withKeys } from '../../src/present/keymap.js';
import { initialState, reduce } from '../../src/present/state.js';
import { parseDeck } from '../../src/parse/index.js';

const deck = parseDeck('# One\n\n```bash +exec\necho hi\n```\n\n---\n\n# Two\n', { file: 'deck.md' });

describe('keys from a configuration', () => {
  test.each([
    ['<right>', 'right'],
    ['<page_down>', 'pagedown'],
    ['<c-e>', 'ctrl-e'],
    ['ctrl-E', 'ctrl-e'],
    [' ', 'space'],
    ['q', 'q'],
    ['<esc>', 'escape'],
    ['<hyper-x>', null],
    ['ab', null],
  ])('%j is %j', (written, name) => {
    expect(normalizeKeyName(written)).toBe(name);
  });

  test('one remapped table feeds the presenter, the early screen and the help', () => {
    const keymap = withKeys(DEFAULT_KEYMAP, { next: ['x'], exec: ['ctrl-r'] });
    const state = initialState(deck);
    expect(keyToCommand('x', {}, state, keymap)).toEqual({ kind: 'next' });
    expect(keyToCommand('l', {}, state, keymap)).toBeNull();
    expect(keyToCommand('r', { ctrl: true }, state, keymap)).toEqual({ kind: 'exec' });
    expect(earlyKeyBytes(keymap).filter(([, action]) => action === 'next')).toEqual([['x', 'next']]);
    expect(keyHelp(keymap)).toContainEqual(['x', 'next step or slide']);
    expect(keyHelp(keymap)).toContainEqual(['Ctrl-R', 'run +exec code (with -x); Ctrl-C stops']);
  });

  test('Ctrl-E runs code; Ctrl-C stops a running snippet, and quits only when none runs', () => {
    const state = initialState(deck);
    expect(keyToCommand('e', { ctrl: true }, state)).toEqual({ kind: 'exec' });
    expect(keyToCommand('e', {}, state)).toBeNull();
    expect(keyToCommand('c', { ctrl: true }, state)).toEqual({ kind: 'quit' });
    const block = deck.slides[0]!.blocks[1]!;
    const running = reduce(state, { kind: 'exec-update', block, run: { status: 'running', output: '', exitCode: null } });
    expect(keyToCommand('c', { ctrl: true }, running)).toEqual({ kind: 'exec-stop' });
    const done = reduce(running, { kind: 'exec-update', block, run: { status: 'done', output: 'hi\n', exitCode: 0 } });
    expect(keyToCommand('c', { ctrl: true }, done)).toEqual({ kind: 'quit' });
  });
});
