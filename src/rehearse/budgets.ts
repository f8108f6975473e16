import { blocksText, slideText, type Deck, type Slide } from '../deck/index.js';
import { DEFAULT_CJK_CHARS_PER_MINUTE, DEFAULT_WORDS_PER_MINUTE, speechMs, type SpeechRates } from './speech.js';

export interface BudgetOptions {
  /** Target length of the talk in minutes; wins over the deck's `duration`. */
  minutes?: number;
  /** Speaking rate for space-separated scripts; 130 (English) by default. */
  wordsPerMinute?: number;
  /** Speaking rate for CJK characters; 200 (Chinese) by default. */
  cjkCharsPerMinute?: number;
  /** Every slide gets exactly this (auto-advance: Ignite's 15 s, PechaKucha's 20 s); wins over all else. */
  perSlideMs?: number;
}

/** The least share of the talk a slide gets, however little is said or shown on it. */
export const MIN_SLIDE_MS = 10_000;

/**
 * Time budgets in milliseconds per slide, 0-based like `deck.slides`.
 *
 * A slide's explicit `<!-- time: … -->` wins. The talk's duration (`minutes`, else the deck's
 * `duration`) less those explicit times is spread over the other slides in proportion to how long
 * their notes take to say (words and CJK characters at their rates); a slide without notes weighs
 * what its visible text takes to say, and every slide weighs at least MIN_SLIDE_MS. With a duration
 * the budgets are whole milliseconds summing to it exactly (unless explicit times alone exceed it:
 * then the other slides get 0). Without one, each slide's budget is its weight.
 */
export function computeBudgets(deck: Deck, options: BudgetOptions = {}): number[] {
  if (options.perSlideMs !== undefined && Number.isFinite(options.perSlideMs) && options.perSlideMs > 0) {
    return deck.slides.map(() => Math.round(options.perSlideMs!));
  }
  const rates: SpeechRates = {
    wordsPerMinute: positiveOr(options.wordsPerMinute, DEFAULT_WORDS_PER_MINUTE),
    cjkCharsPerMinute: positiveOr(options.cjkCharsPerMinute, DEFAULT_CJK_CHARS_PER_MINUTE),
  };
  const durationMs =
    options.minutes !== undefined && Number.isFinite(options.minutes) && options.minutes > 0
      ? options.minutes * 60_000
      : deck.meta.durationMs;

  const budgets = deck.slides.map((slide) => slide.timeMs);
  const open = deck.slides.flatMap((slide, i) => (slide.timeMs === null ? [i] : []));
  const weights = open.map((i) => slideWeightMs(deck.slides[i]!, rates));

  if (durationMs === null || durationMs === undefined) {
    for (const [k, i] of open.entries()) budgets[i] = Math.round(weights[k]!);
    return budgets as number[];
  }
  const explicitMs = budgets.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  const shares = splitProportionally(Math.max(0, Math.round(durationMs - explicitMs)), weights);
  for (const [k, i] of open.entries()) budgets[i] = shares[k]!;
  return budgets as number[];
}

/** How long a slide takes by what is said on it: its notes, else its visible text; at least MIN_SLIDE_MS. */
export function slideWeightMs(slide: Slide, rates: SpeechRates): number {
  const notes = slide.notesBlocks.length > 0 ? blocksText(slide.notesBlocks).join('\n') : slide.notes;
  const said = speechMs(notes, rates);
  const weight = said > 0 ? said : speechMs(slideText(slide), rates);
  return Math.max(MIN_SLIDE_MS, weight);
}

/** Splits a whole number of milliseconds in proportion to weights, by largest remainder, so the parts sum to it. */
function splitProportionally(totalMs: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (totalMs * w) / sum);
  const parts = exact.map(Math.floor);
  let left = totalMs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
