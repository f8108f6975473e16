import { basename } from 'node:path';
import type { Deck } from '../deck/index.js';
import type { RehearsalRun, RehearsedSlide } from './rehearsal-log.js';

/** Whether a logged run is a rehearsal of this deck: the same file name, or the same (non-empty) title. */
export function isRunOfDeck(deck: Deck, run: RehearsalRun): boolean {
  return run.deckFile === basename(deck.file) || (deck.meta.title !== '' && run.deck === deck.meta.title);
}

/**
 * A run's slides matched to the deck's slides as they are now (0-based), null where none matches.
 * A slide matches the run's slide at the same position with the same title, else the first unmatched
 * one with its (non-empty) title: slides keep their times when others are added, removed or moved.
 */
export function matchRun(deck: Deck, run: RehearsalRun): (RehearsedSlide | null)[] {
  const used = new Set<number>();
  const matched: (number | null)[] = deck.slides.map((slide, i) => {
    if (run.slides[i] !== undefined && run.slides[i].title === slide.title) {
      used.add(i);
      return i;
    }
    return null;
  });
  deck.slides.forEach((slide, i) => {
    if (matched[i] !== null || slide.title === '') return;
    const j = run.slides.findIndex((s, k) => !used.has(k) && s.title === slide.title);
    if (j >= 0) {
      used.add(j);
      matched[i] = j;
    }
  });
  return matched.map((j) => (j === null ? null : run.slides[j]!));
}

/**
 * Seconds the run spent on each of the deck's slides (0-based), null for slides it did not visit or
 * match, and for the slide an unfinished run was showing when it stopped (its time there is unknown).
 */
export function rehearsedSeconds(deck: Deck, run: RehearsalRun): (number | null)[] {
  const cutShort = !run.final && run.current !== null ? run.slides[run.current] : undefined;
  return matchRun(deck, run).map((slide) => (slide !== null && slide.visits > 0 && slide !== cutShort ? slide.seconds : null));
}

/**
 * The slides a run timed (visited at least once) that match none of the deck's slides as it is
 * now, by title (`(untitled)` for a slide without one): slides removed since, or renamed.
 */
export function unmatchedSlides(deck: Deck, run: RehearsalRun): string[] {
  const matched = new Set(matchRun(deck, run).filter((slide): slide is RehearsedSlide => slide !== null));
  return run.slides.filter((slide) => slide.visits > 0 && !matched.has(slide)).map((slide) => slide.title || '(untitled)');
}
