import type { Deck } from '../deck/index.js';
import type { StyledLine } from '../render/index.js';
import type { Theme } from '../theme/index.js';
import { computeBudgets, type BudgetOptions } from './budgets.js';
import { pace } from './pace.js';
import { RehearsalRecorder } from './recorder.js';
import { layoutRehearsalBar } from './rehearsal-bar.js';
import type { RehearsalRun } from './rehearsal-log.js';

/** Where the talk is, as the presenter tells its hooks: the position in the deck shown (reloaded decks included). */
interface PresenterPosition {
  position: { slide: number };
  deck?: Deck;
}

/** What a rehearsal plugs into the presenter: it hears every slide change and draws its bar. */
export interface RehearsalHooks {
  onPosition(state: PresenterPosition): void;
  statusLine(state: PresenterPosition, elapsedMs: number, columns: number): StyledLine | null;
}

export interface RehearsalSession {
  hooks: RehearsalHooks;
  /** Ends the run and logs it: the run, or null when the log could not be written (see `problem`). */
  finish(): RehearsalRun | null;
  /** Why the log could not be written, if it could not; the rehearsal itself goes on regardless. */
  readonly problem: string | null;
}

export interface RehearsalSessionOptions {
  deck: Deck;
  theme: Theme;
  /** The log to append to, usually rehearsalLogPath(deck file). */
  logPath: string;
  budget: BudgetOptions;
  /** Target length of the talk for this run, or null. */
  minutes: number | null;
  now?: () => number;
}

/**
 * A rehearsal run: the recorder that logs every slide change, and the hooks that the presenter
 * calls (onPosition, and the rehearsal bar as its status line). A log that cannot be written (a
 * full disk) never ends the rehearsal: the problem is kept for the command to report afterwards.
 */
export function startRehearsal(options: RehearsalSessionOptions): RehearsalSession {
  let budgets = { deck: options.deck, budgets: computeBudgets(options.deck, options.budget) };
  /** The budgets of the deck shown: a reloaded deck has its own. */
  const budgetsOf = (deck: Deck = budgets.deck) => {
    if (deck !== budgets.deck) budgets = { deck, budgets: computeBudgets(deck, options.budget) };
    return budgets.budgets;
  };
  const recorder = new RehearsalRecorder({ logPath: options.logPath, deck: options.deck, now: options.now ?? Date.now, minutes: options.minutes });
  let problem: string | null = null;
  const record = <T>(step: () => T): T | null => {
    try {
      return step();
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  record(() => recorder.enter(0));
  return {
    hooks: {
      // The deck as shown: after a live reload its slides are matched to those timed by identity.
      onPosition: (state) => void record(() => recorder.enter(state.position.slide, state.deck)),
      statusLine: (state, elapsedMs, columns) =>
        layoutRehearsalBar({
          pace: pace({ budgets: budgetsOf(state.deck), slide: state.position.slide, elapsedMs: recorder.elapsedMs(), slideElapsedMs: recorder.slideElapsedMs() }),
          elapsedMs,
          columns,
          theme: options.theme,
        }),
    },
    finish: () => record(() => recorder.finish()),
    get problem() {
      return problem;
    },
  };
}

/** Where the followed talk is: the presenter's slide, the talk's time, the time on this slide. */
export interface FollowedPosition {
  slide: number;
  elapsedMs: number;
  slideElapsedMs: number;
}

/**
 * Pacing for `talkdeck notes`, as in the rehearsal bar: this slide's time against its budget, the
 * talk against the plan. Plugged into the follower as its status line, for one deck.
 */
export function pacingLine(deck: Deck, budget: BudgetOptions, theme: Theme): (time: FollowedPosition, columns: number) => StyledLine {
  const budgets = computeBudgets(deck, budget);
  return (time, columns) =>
    layoutRehearsalBar({ pace: pace({ budgets, slide: time.slide, elapsedMs: time.elapsedMs, slideElapsedMs: time.slideElapsedMs }), elapsedMs: time.elapsedMs, columns, theme });
}
