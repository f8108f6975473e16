import { describe, expect, it } from 'vitest';
import { clampPosition, first, goTo, last, next, previous, type Deck, type Slide } from '../../src/deck/index.js';

function slide(index: number, steps: number): Slide {
  return {
    index,
    title: `Slide ${index}`,
    blocks: [],
    steps,
    notes: '',
    notesBlocks: [],
    sources: [],
    layout: { footer: true },
    timeMs: null,
    location: { file: 'deck.md', line: 1, column: 1 },
  };
}

const deck: Deck = {
  file: 'deck.md',
  meta: { title: '', subtitle: '', author: '', date: '', event: '', theme: '', durationMs: null, incrementalLists: false, extra: {} },
  slides: [slide(1, 1), slide(2, 3), slide(3, 1)],
  diagnostics: [],
};

describe('navigation', () => {
  it.each([
    ['next reveals a step before leaving the slide', next(deck, { slide: 1, step: 0 }), { slide: 1, step: 1 }],
    ['next leaves a fully revealed slide', next(deck, { slide: 1, step: 2 }), { slide: 2, step: 0 }],
    ['next stays on the last slide', next(deck, { slide: 2, step: 0 }), { slide: 2, step: 0 }],
    ['previous hides a step', previous(deck, { slide: 1, step: 2 }), { slide: 1, step: 1 }],
    ['previous enters the previous slide fully revealed', previous(deck, { slide: 2, step: 0 }), { slide: 1, step: 2 }],
    ['previous stays on the first slide', previous(deck, { slide: 0, step: 0 }), { slide: 0, step: 0 }],
    ['first', first(), { slide: 0, step: 0 }],
    ['last is fully revealed', last(deck), { slide: 2, step: 0 }],
    ['goTo is 1-based', goTo(deck, 2), { slide: 1, step: 0 }],
    ['goTo clamps high', goTo(deck, 99), { slide: 2, step: 0 }],
    ['goTo clamps low', goTo(deck, 0), { slide: 0, step: 0 }],
    ['clampPosition keeps a valid position', clampPosition(deck, { slide: 1, step: 1 }), { slide: 1, step: 1 }],
    ['clampPosition shrinks to the deck', clampPosition(deck, { slide: 7, step: 4 }), { slide: 2, step: 0 }],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
