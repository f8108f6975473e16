import type { Deck } from './types.js';

/** Where the presenter is: a 0-based slide and the number of reveal steps shown beyond the first. */
export interface Position {
  slide: number;
  step: number;
}

export const START: Position = { slide: 0, step: 0 };

function clampSlide(deck: Deck, slide: number): number {
  return Math.max(0, Math.min(slide, deck.slides.length - 1));
}

/** Reveals the next step of the slide, or moves to the next slide. */
export function next(deck: Deck, pos: Position): Position {
  const slide = deck.slides[pos.slide];
  if (!slide) return START;
  if (pos.step + 1 < slide.steps) return { slide: pos.slide, step: pos.step + 1 };
  if (pos.slide + 1 < deck.slides.length) return { slide: pos.slide + 1, step: 0 };
  return pos;
}

/** Hides the last revealed step, or moves to the previous slide fully revealed. */
export function previous(deck: Deck, pos: Position): Position {
  if (pos.step > 0) return { slide: pos.slide, step: pos.step - 1 };
  if (pos.slide === 0) return pos;
  const prev = deck.slides[pos.slide - 1];
  return { slide: pos.slide - 1, step: prev ? prev.steps - 1 : 0 };
}

export function first(): Position {
  return START;
}

/** The last slide, fully revealed. */
export function last(deck: Deck): Position {
  const index = Math.max(0, deck.slides.length - 1);
  return { slide: index, step: Math.max(0, (deck.slides[index]?.steps ?? 1) - 1) };
}

/** Goes to a 1-based slide number, clamped to the deck. */
export function goTo(deck: Deck, slideNumber: number): Position {
  return { slide: clampSlide(deck, slideNumber - 1), step: 0 };
}

/** Keeps a position valid after the deck changed (live reload): same slide if it still exists. */
export function clampPosition(deck: Deck, pos: Position): Position {
  const slide = clampSlide(deck, pos.slide);
  const steps = deck.slides[slide]?.steps ?? 1;
  return { slide, step: Math.max(0, Math.min(pos.step, steps - 1)) };
}
