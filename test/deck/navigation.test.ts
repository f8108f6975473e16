import { describe, expect, it } from 'vitest';
import { clampPosition, first, goTo, last, next, previous } from '../../src/deck/index.js';
import { deckOf, slideOf } from '../fixtures/deck.js';

const deck = deckOf(slideOf(1, 'Slide 1'), slideOf(2, 'Slide 2', 3), slideOf(3, 'Slide 3'));

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
