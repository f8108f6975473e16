import { describe, expect, it } from 'vitest';
import { deckOf, slideOf } from '../fixtures/deck.js';
import { keyToCommand, type KeyPress } from '../../src/present/keymap.js';
import { findMatches, initialState, matchStep, reduce, type Command, type PresentState } from '../../src/present/state.js';

const slide = slideOf;

const deck = deckOf(
  slide(1, 'Intro'),
  slide(2, 'Reveal', 3),
  slide(3, 'Debugging', 1, 'DTrace and mdb'),
  slide(4, 'Security', 1, 'the hypervisor boundary'),
  slide(5, 'Debugging again', 1, 'no processes, no ps'),
);

function run(commands: Command[], state: PresentState = initialState(deck)): PresentState {
  return commands.reduce(reduce, state);
}

function press(state: PresentState, input: string, key: KeyPress = {}): PresentState {
  const command = keyToCommand(input, key, state);
  return command ? reduce(state, command) : state;
}

function keys(state: PresentState, ...presses: Array<string | KeyPress>): PresentState {
  return presses.reduce<PresentState>(
    (current, p) => (typeof p === 'string' ? press(current, p) : press(current, '', p)),
    state,
  );
}

describe('keymap: every documented key does its job', () => {
  const onReveal = initialState(deck, { slide: 1, step: 0 });
  it.each<[string, string, KeyPress]>([
    ['Right', '', { rightArrow: true }],
    ['Down', '', { downArrow: true }],
    ['Space', ' ', {}],
    ['l', 'l', {}],
    ['j', 'j', {}],
    ['n', 'n', {}],
    ['PageDown', '', { pageDown: true }],
    ['Enter', '', { return: true }],
  ])('%s reveals the next step first', (_name, input, key) => {
    expect(press(onReveal, input, key).position).toEqual({ slide: 1, step: 1 });
  });

  const onThird = initialState(deck, { slide: 2, step: 0 });
  it.each<[string, string, KeyPress]>([
    ['Left', '', { leftArrow: true }],
    ['Up', '', { upArrow: true }],
    ['h', 'h', {}],
    ['k', 'k', {}],
    ['p', 'p', {}],
    ['PageUp', '', { pageUp: true }],
    ['Backspace', '', { backspace: true }],
    ['Backspace sent as DEL', '', { delete: true }],
  ])('%s goes back to the previous slide, fully revealed', (_name, input, key) => {
    expect(press(onThird, input, key).position).toEqual({ slide: 1, step: 2 });
  });

  it.each<[string, Array<string | KeyPress>, { slide: number; step: number }]>([
    ['g', ['g'], { slide: 0, step: 0 }],
    ['gg', ['g', 'g'], { slide: 0, step: 0 }],
    ['Home', [{ home: true }], { slide: 0, step: 0 }],
    ['G', ['G'], { slide: 4, step: 0 }],
    ['End', [{ end: true }], { slide: 4, step: 0 }],
    ['4 Enter', ['4', { return: true }], { slide: 3, step: 0 }],
    ['4G', ['4', 'G'], { slide: 3, step: 0 }],
    ['99G clamps to the last slide', ['9', '9', 'G'], { slide: 4, step: 0 }],
  ])('%s', (_name, presses, expected) => {
    expect(keys(onThird, ...presses).position).toEqual(expected);
  });

  it('q and Ctrl-C quit', () => {
    expect(press(onThird, 'q').quit).toBe(true);
    expect(press(onThird, 'c', { ctrl: true }).quit).toBe(true);
  });

  it('? toggles help and any key closes it without moving', () => {
    const help = press(onThird, '?');
    expect(help.overlay).toEqual({ kind: 'help' });
    const closed = press(help, 'j');
    expect(closed.overlay).toEqual({ kind: 'none' });
    expect(closed.position).toEqual(onThird.position);
  });

  it('o opens the overview on the current slide; moving and Enter jumps', () => {
    const overview = press(onThird, 'o');
    expect(overview.overlay).toEqual({ kind: 'overview', selected: 2 });
    const picked = keys(overview, 'j', 'j', { return: true });
    expect(picked.overlay).toEqual({ kind: 'none' });
    expect(picked.position).toEqual({ slide: 4, step: 0 });
    expect(keys(overview, { escape: true }).position).toEqual(onThird.position);
    expect(keys(overview, 'G').overlay).toEqual({ kind: 'overview', selected: 4 });
    expect(keys(overview, 'g').overlay).toEqual({ kind: 'overview', selected: 0 });
  });

  it('/ searches across slides; n and N step through matches', () => {
    const start = initialState(deck);
    const typed = keys(start, '/', 'd', 'e', 'b', 'u', 'g', { return: true });
    expect(typed.search).toEqual({ query: 'debug', matches: [2, 4] });
    expect(typed.position.slide).toBe(2);
    expect(press(typed, 'n').position.slide).toBe(4);
    expect(keys(typed, 'n', 'n').position.slide).toBe(2);
    expect(press(typed, 'N').position.slide).toBe(4);
    const cleared = press(typed, '', { escape: true });
    expect(cleared.search).toBeNull();
    expect(press(cleared, 'n').position).toEqual({ slide: 3, step: 0 });
  });

  it('search erases with Backspace and reports no match without moving', () => {
    const state = keys(initialState(deck), '/', 'x', 'y', { backspace: true }, { return: true });
    expect(state.search).toEqual({ query: 'x', matches: [] });
    expect(state.position).toEqual({ slide: 0, step: 0 });
    expect(state.banner).toEqual({ kind: 'info', text: 'no slide contains "x"' });
  });

  it('r asks for a reload', () => {
    expect(keyToCommand('r', {}, onThird)).toEqual({ kind: 'reload' });
  });
});

describe('live reload', () => {
  it('keeps the current slide when the deck changes', () => {
    const state = initialState(deck, { slide: 3, step: 0 });
    const changed = deckOf(slide(1, 'A'), slide(2, 'B'), slide(3, 'C'), slide(4, 'D2'), slide(5, 'E'), slide(6, 'F'));
    expect(reduce(state, { kind: 'deck-loaded', deck: changed }).position).toEqual({ slide: 3, step: 0 });
  });

  it('clamps when the deck shrinks', () => {
    const state = initialState(deck, { slide: 4, step: 0 });
    expect(reduce(state, { kind: 'deck-loaded', deck: deckOf(slide(1, 'A')) }).position).toEqual({ slide: 0, step: 0 });
  });

  it('keeps the last good deck and shows why when a reload fails', () => {
    const state = run([{ kind: 'next' }, { kind: 'deck-failed', message: 'deck.md:3:1: error: unknown directive' }]);
    expect(state.deck).toBe(deck);
    expect(state.position).toEqual({ slide: 1, step: 0 });
    expect(state.banner).toEqual({ kind: 'error', text: 'deck.md:3:1: error: unknown directive' });
    expect(reduce(state, { kind: 'deck-loaded', deck }).banner).toBeNull();
  });
});

describe('findMatches', () => {
  it('matches titles and text without regard to case', () => {
    expect(findMatches(deck, 'HYPERVISOR')).toEqual([3]);
    expect(findMatches(deck, 'intro')).toEqual([0]);
    expect(findMatches(deck, '')).toEqual([]);
  });
});

describe('speaker keys', () => {
  it('b blanks the screen; any key but t and q shows the slide again without moving', () => {
    const blank = keys(initialState(deck, { slide: 2, step: 0 }), 'b');
    expect(blank.overlay).toEqual({ kind: 'blank' });
    expect(keys(blank, '.').overlay).toEqual({ kind: 'none' });
    const paused = keys(blank, 't');
    expect(paused).toMatchObject({ overlay: { kind: 'blank' }, paused: true });
    const back = keys(paused, { rightArrow: true });
    expect(back).toMatchObject({ overlay: { kind: 'none' }, position: { slide: 2, step: 0 } });
    expect(keys(blank, 'q').quit).toBe(true);
    // `.` blanks as `b` does.
    expect(keys(initialState(deck), '.').overlay).toEqual({ kind: 'blank' });
  });

  it('t pauses and resumes the clock', () => {
    const paused = keys(initialState(deck), 't');
    expect(paused.paused).toBe(true);
    expect(keys(paused, 't').paused).toBe(false);
  });

  it('advance (auto-advance) goes to the next slide at its first step, and stays on the last', () => {
    expect(run([{ kind: 'advance' }], initialState(deck, { slide: 1, step: 1 })).position).toEqual({ slide: 2, step: 0 });
    expect(run([{ kind: 'advance' }], initialState(deck, { slide: 4, step: 0 })).position).toEqual({ slide: 4, step: 0 });
  });

  it('a passing message leaves with its slide; an error stays', () => {
    const info = { ...initialState(deck), banner: { kind: 'info' as const, text: 'auto-advance' } };
    expect(run([{ kind: 'next' }], info).banner).toBeNull();
    const error = { ...initialState(deck), banner: { kind: 'error' as const, text: 'deck not reloaded' } };
    expect(run([{ kind: 'next' }], error).banner).toEqual(error.banner);
  });
});

describe('search', () => {
  it('opens the prompt at once and counts the matching slides as the query is typed', () => {
    const open = keys(initialState(deck), '/');
    expect(open.overlay).toEqual({ kind: 'search-input', query: '', matches: 0 });
    const typed = keys(open, 'd', 'e', 'b');
    expect(typed.overlay).toEqual({ kind: 'search-input', query: 'deb', matches: 2 });
    expect(keys(typed, { backspace: true }, { backspace: true }, { backspace: true }, 'x', 'y', 'z').overlay).toEqual({ kind: 'search-input', query: 'xyz', matches: 0 });
  });

  it('lands on the reveal step where the match shows', () => {
    const stepped: typeof deck = deckOf(slide(1, 'Intro'), {
      ...slide(2, 'Steps', 3),
      blocks: [
        { kind: 'paragraph', step: 0, align: 'left', line: 1, children: [{ kind: 'text', text: 'first' }] },
        {
          kind: 'list',
          step: 0,
          align: 'left',
          line: 2,
          ordered: false,
          start: 1,
          items: [
            { task: null, step: 1, blocks: [{ kind: 'paragraph', step: 0, align: 'left', line: 2, children: [{ kind: 'text', text: 'second' }] }] },
            { task: null, step: 2, blocks: [{ kind: 'paragraph', step: 0, align: 'left', line: 3, children: [{ kind: 'text', text: 'third' }] }] },
          ],
        },
      ],
    });
    const find = (query: string) => keys(initialState(stepped), '/', ...query.split(''), { return: true }).position;
    expect(find('first')).toEqual({ slide: 1, step: 0 });
    expect(find('second')).toEqual({ slide: 1, step: 1 });
    expect(find('THIRD')).toEqual({ slide: 1, step: 2 });
    // The title shows from the start.
    expect(find('steps')).toEqual({ slide: 1, step: 0 });
    expect(matchStep(stepped.slides[1]!, 'third')).toBe(2);
  });
});
