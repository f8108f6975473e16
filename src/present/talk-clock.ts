/**
 * The talk's one clock: time since the talk started, less the time it was paused. The presenter's
 * footer, the notes channel, auto-advance and a rehearsal's log all read it, so pausing stops
 * every one of them at once.
 */
export interface TalkClock {
  /** Milliseconds of talk so far: paused time is not counted. */
  elapsedMs(): number;
  /**
   * A wall clock (ms since the epoch) that stands still while the talk is paused: what a
   * rehearsal's recorder measures slide times with.
   */
  now(): number;
  readonly paused: boolean;
  setPaused(paused: boolean): void;
}

/** A clock started now, on `wall` (Date.now by default). */
export function createTalkClock(wall: () => number = Date.now): TalkClock {
  const startedAt = wall();
  let pausedMs = 0;
  let pausedAt: number | null = null;
  const now = () => (pausedAt ?? wall()) - pausedMs;
  return {
    now,
    elapsedMs: () => now() - startedAt,
    get paused() {
      return pausedAt !== null;
    },
    setPaused(paused) {
      if (paused && pausedAt === null) pausedAt = wall();
      else if (!paused && pausedAt !== null) {
        pausedMs += wall() - pausedAt;
        pausedAt = null;
      }
    },
  };
}
