import { formatClock } from './format-time.js';

export type PaceStatus = 'ahead' | 'on-track' | 'behind';

export interface PaceInput {
  /** Budget per slide in ms, 0-based. */
  budgets: readonly number[];
  /** The slide being shown, 0-based. */
  slide: number;
  /** Time since the talk started. */
  elapsedMs: number;
  /** Time spent on this slide so far (all visits). */
  slideElapsedMs: number;
  /** How far outside this slide's window still counts as on track; DEFAULT_TOLERANCE_MS if unset. */
  toleranceMs?: number;
}

export interface Pace {
  status: PaceStatus;
  /** Time in hand: > 0 ahead of the schedule, < 0 behind it, 0 inside this slide's window. */
  deltaMs: number;
  slideBudgetMs: number;
  slideElapsedMs: number;
  /** The status in words, e.g. `0:20 ahead`, `on track`, `1:05 behind`. */
  words: string;
  /** Cumulative budget of the slides before this one: when it is due to start. */
  slideStartMs: number;
  /** Cumulative budget up to and including this one: when it is due to end. */
  slideEndMs: number;
  /** Time left before this slide is due to end (reveal.js's pacing clock); negative when past it. */
  slideLeftMs: number;
}

/** Slack on either side of a slide's window before the pace counts as ahead or behind. */
export const DEFAULT_TOLERANCE_MS = 5_000;

/**
 * Pacing as reveal.js's speaker view judges it: the slide is due between the cumulative budget of
 * the slides before it and that plus its own budget. Reaching it earlier than its start is ahead,
 * still being on it after its end is behind, and anything within `toleranceMs` of the window is on track.
 */
export function pace(input: PaceInput): Pace {
  const { budgets } = input;
  const slide = Math.max(0, Math.min(Math.trunc(input.slide), budgets.length - 1));
  const toleranceMs = Math.max(0, input.toleranceMs ?? DEFAULT_TOLERANCE_MS);
  let slideStartMs = 0;
  for (let i = 0; i < slide; i++) slideStartMs += budgets[i] ?? 0;
  const slideBudgetMs = budgets[slide] ?? 0;
  const slideEndMs = slideStartMs + slideBudgetMs;
  const { elapsedMs } = input;

  const deltaMs = elapsedMs < slideStartMs ? slideStartMs - elapsedMs : elapsedMs > slideEndMs ? slideEndMs - elapsedMs : 0;
  const status: PaceStatus = deltaMs > toleranceMs ? 'ahead' : deltaMs < -toleranceMs ? 'behind' : 'on-track';
  const words = status === 'on-track' ? 'on track' : `${formatClock(deltaMs)} ${status}`;
  return {
    status,
    deltaMs,
    slideBudgetMs,
    slideElapsedMs: input.slideElapsedMs,
    words,
    slideStartMs,
    slideEndMs,
    slideLeftMs: slideEndMs - elapsedMs,
  };
}
