import type { Deck } from '../deck/index.js';
import { isRunOfDeck, rehearsedSeconds } from './match-run.js';
import { isAborted, type RehearsalRun } from './rehearsal-log.js';

/** How many of the latest runs the medians cover. */
export const RECENT_RUNS = 5;
/** A slide whose median is off its budget by more than this fraction is flagged. */
export const FLAG_RATIO = 0.25;

export type SlideFlag = 'long' | 'short';

export interface ReportSlide {
  /** 1-based, like Slide.index. */
  index: number;
  title: string;
  budgetMs: number;
  /** Time in the latest run, or null when that run did not reach the slide. */
  lastMs: number | null;
  /** Median over the recent runs that timed the slide (an unfinished run does not time the slide it stopped on), or null. */
  medianMs: number | null;
  /** How many recent runs the median is taken over. */
  samples: number;
  /** (median − budget) / budget; null without a median or a budget. */
  offBy: number | null;
  /** Set when the median is more than FLAG_RATIO over (long) or under (short) the budget. */
  flag: SlideFlag | null;
}

export interface ReportRun {
  runId: string;
  /** When the run started, ISO 8601. */
  date: string;
  totalMs: number;
  /** Change of total from the run before; null for the first. */
  deltaMs: number | null;
  /** false when the run never finished (killed): its last slide is missing. */
  final: boolean;
  /** The speaker quit before the last slide, or the run never finished: left out of the medians unless asked for. */
  aborted: boolean;
  minutes: number | null;
}

export interface Report {
  deck: string;
  budgetTotalMs: number;
  /** Runs of this deck, oldest first, aborted ones included. */
  runs: ReportRun[];
  /** How many of those runs were aborted. */
  abortedRuns: number;
  /** Whether aborted runs count in the medians and the Last column (`report --include-aborted`). */
  includesAborted: boolean;
  /** How many of the latest runs the medians cover (at most RECENT_RUNS). */
  recentRuns: number;
  slides: ReportSlide[];
  /** Total of the latest run counted. */
  lastTotalMs: number | null;
  /** Median total of the recent finished runs. */
  medianTotalMs: number | null;
}

export interface ReportOptions {
  /** Count aborted runs (quit early, or killed) in the medians and the Last column too. */
  includeAborted?: boolean;
}

/**
 * The rehearsal report of a deck: per slide, its budget against the latest run and the median of the
 * recent ones, flagged when the median runs long or short; and the total of every run with its change.
 * Runs of other decks (logged beside this one) and runs that never reached a slide are left out.
 * An aborted run (the speaker quit before the last slide, or it was killed) is listed with the runs
 * but counts in no median nor in the Last column, unless `includeAborted`.
 */
export function buildReport(deck: Deck, runs: readonly RehearsalRun[], budgets: readonly number[], options: ReportOptions = {}): Report {
  const own = runs.filter((run) => isRunOfDeck(deck, run) && run.slides.some((s) => s.visits > 0));
  const includesAborted = Boolean(options.includeAborted);
  const counted = includesAborted ? own : own.filter((run) => !isAborted(run));
  const recent = counted.slice(-RECENT_RUNS);
  const recentSeconds = recent.map((run) => rehearsedSeconds(deck, run));
  const lastSeconds = recentSeconds.at(-1) ?? null;

  const slides = deck.slides.map((slide, i): ReportSlide => {
    const budgetMs = budgets[i] ?? 0;
    const samples = recentSeconds.flatMap((seconds) => (seconds[i] === null || seconds[i] === undefined ? [] : [seconds[i] * 1000]));
    const medianMs = samples.length > 0 ? Math.round(median(samples)) : null;
    const last = lastSeconds?.[i] ?? null;
    const offBy = medianMs !== null && budgetMs > 0 ? (medianMs - budgetMs) / budgetMs : null;
    let flag: SlideFlag | null = null;
    if (medianMs !== null) {
      if (budgetMs > 0) flag = offBy !== null && offBy > FLAG_RATIO ? 'long' : offBy !== null && offBy < -FLAG_RATIO ? 'short' : null;
      else if (medianMs > 0) flag = 'long';
    }
    return { index: slide.index, title: slide.title, budgetMs, lastMs: last === null ? null : Math.round(last * 1000), medianMs, samples: samples.length, offBy, flag };
  });

  const reportRuns = own.map((run, k): ReportRun => {
    const totalMs = Math.round(run.totalSeconds * 1000);
    const previous = k > 0 ? Math.round(own[k - 1]!.totalSeconds * 1000) : null;
    return {
      runId: run.runId,
      date: run.date,
      totalMs,
      deltaMs: previous === null ? null : totalMs - previous,
      final: run.final,
      aborted: isAborted(run),
      minutes: run.minutes,
    };
  });
  const countedRuns = reportRuns.filter((run) => includesAborted || !run.aborted);
  // An unfinished run's total is short by the slide it stopped on: it is listed, but left out of the median.
  const recentTotals = countedRuns.slice(-RECENT_RUNS).flatMap((run) => (run.final ? [run.totalMs] : []));

  return {
    deck: deck.meta.title,
    budgetTotalMs: budgets.reduce((a, b) => a + b, 0),
    runs: reportRuns,
    abortedRuns: reportRuns.filter((run) => run.aborted).length,
    includesAborted,
    recentRuns: recent.length,
    slides,
    lastTotalMs: countedRuns.at(-1)?.totalMs ?? null,
    medianTotalMs: recentTotals.length > 0 ? Math.round(median(recentTotals)) : null,
  };
}

/** Times per slide (0-based) in seconds from a report, by the median of recent runs or the latest run. */
export function reportSeconds(report: Report, from: 'median' | 'last' = 'median'): (number | null)[] {
  return report.slides.map((slide) => {
    const ms = from === 'median' ? slide.medianMs : slide.lastMs;
    return ms === null ? null : ms / 1000;
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
