import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { LocatedError, type Deck } from '../deck/index.js';
import { formatRehearsalLine, REHEARSAL_LOG_VERSION, type RehearsalRun } from './rehearsal-log.js';

export interface RecorderOptions {
  /** The log to append to, usually rehearsalLogPath(deck.file). */
  logPath: string;
  deck: Deck;
  /** The clock slide times are measured with, in milliseconds since the epoch (it stands still while the talk is paused). */
  now: () => number;
  /** The wall clock the log's dates are written from (default: `now`). */
  wall?: () => number;
  /** Names the run in the log; a random UUID if not given. */
  runId?: string;
  /** Target length of the talk for this run. */
  minutes?: number | null;
}

/** A rehearsal log could not be written. */
export class RehearsalLogError extends LocatedError {
  override readonly name = 'RehearsalLogError';

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super({ file }, message, undefined, options);
  }
}

/**
 * Times one rehearsal run slide by slide and appends it to the rehearsal log.
 *
 * Every slide change appends a checkpoint (the run so far, `final: false`) and flushes it to disk,
 * so a run that is killed loses at most the time on the slide it was showing; finish() appends the
 * final line. Readers keep the last line of each run. Time runs from the first enter().
 */
export class RehearsalRecorder {
  readonly runId: string;
  private readonly logPath: string;
  private readonly now: () => number;
  private readonly wall: () => number;
  private readonly deck: { title: string; file: string; slideTitles: string[] };
  private readonly minutes: number | null;
  private readonly date: string;
  private readonly slideMs: number[];
  private readonly visits: number[];
  private current: number | null = null;
  private enteredAt = 0;
  private startedAt: number | null = null;
  private finalRun: RehearsalRun | null = null;

  constructor(options: RecorderOptions) {
    this.logPath = options.logPath;
    this.now = options.now;
    this.wall = options.wall ?? options.now;
    this.runId = options.runId ?? randomUUID();
    this.minutes = options.minutes ?? null;
    this.deck = {
      title: options.deck.meta.title,
      file: basename(options.deck.file),
      slideTitles: options.deck.slides.map((slide) => slide.title),
    };
    this.slideMs = this.deck.slideTitles.map(() => 0);
    this.visits = this.deck.slideTitles.map(() => 0);
    this.date = new Date(this.wall()).toISOString();
  }

  /** The slide being timed (0-based), or null before the first enter() and after finish(). */
  get currentSlide(): number | null {
    return this.current;
  }

  /** Whether finish() has been called. */
  get finished(): boolean {
    return this.finalRun !== null;
  }

  /**
   * Moves to a slide (0-based): credits the time since the last change to the slide that was
   * shown, counts a visit, and appends a checkpoint. Entering the slide already shown does nothing;
   * so does any call after finish(). Throws RangeError for a slide outside the deck.
   */
  enter(slideIndex: number): void {
    if (this.finalRun !== null) return;
    if (!Number.isInteger(slideIndex) || slideIndex < 0 || slideIndex >= this.slideMs.length) {
      throw new RangeError(`no slide ${slideIndex} in a deck of ${this.slideMs.length}`);
    }
    if (slideIndex === this.current) return;
    const at = this.now();
    this.credit(at);
    this.startedAt ??= at;
    this.current = slideIndex;
    this.enteredAt = at;
    this.visits[slideIndex] += 1;
    this.append(this.snapshot(false));
  }

  /**
   * Ends the run: credits the slide shown and appends the final line, marked `aborted` when the
   * speaker quit before the end. Later calls return the same run.
   */
  finish(options: { aborted?: boolean } = {}): RehearsalRun {
    if (this.finalRun !== null) return this.finalRun;
    const at = this.now();
    this.credit(at);
    this.current = null;
    const run: RehearsalRun = { ...this.snapshot(true), ...(options.aborted ? { aborted: true } : {}) };
    this.append(run);
    this.finalRun = run;
    return run;
  }

  /** Time since the first enter(), or 0 before it. */
  elapsedMs(): number {
    if (this.startedAt === null) return 0;
    const total = this.slideMs.reduce((a, b) => a + b, 0);
    return this.current === null ? total : total + this.visitMs(this.now());
  }

  /** Time spent on a slide over all its visits so far, the current one included; the current slide by default. */
  slideElapsedMs(slideIndex: number | null = this.current): number {
    if (slideIndex === null) return 0;
    const past = this.slideMs[slideIndex] ?? 0;
    return slideIndex === this.current ? past + this.visitMs(this.now()) : past;
  }

  /** The run as recorded so far: the current visit is not counted until the slide changes. */
  record(): RehearsalRun {
    return this.finalRun ?? this.snapshot(false);
  }

  private visitMs(at: number): number {
    return Math.max(0, at - this.enteredAt);
  }

  private credit(at: number): void {
    if (this.current !== null) this.slideMs[this.current] += this.visitMs(at);
  }

  private snapshot(final: boolean): RehearsalRun {
    const slides = this.deck.slideTitles.map((title, i) => ({ title, seconds: tenths(this.slideMs[i] / 1000), visits: this.visits[i] }));
    return {
      v: REHEARSAL_LOG_VERSION,
      runId: this.runId,
      final,
      date: this.date,
      savedAt: new Date(this.wall()).toISOString(),
      deck: this.deck.title,
      deckFile: this.deck.file,
      minutes: this.minutes,
      slides,
      totalSeconds: tenths(slides.reduce((sum, s) => sum + s.seconds, 0)),
      current: this.current,
    };
  }

  /** Appends one line and flushes it to disk before returning. */
  private append(run: RehearsalRun): void {
    let fd: number | null = null;
    try {
      mkdirSync(dirname(this.logPath), { recursive: true });
      fd = openSync(this.logPath, 'a+');
      // A line torn by an earlier crash has no newline: start on a fresh line so this one stays whole.
      const size = fstatSync(fd).size;
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      // One write call per line: with O_APPEND it lands whole at the end of the file.
      appendFileSync(fd, `${prefix}${formatRehearsalLine(run)}\n`);
      fsyncSync(fd);
    } catch (error) {
      throw new RehearsalLogError(this.logPath, `cannot write the rehearsal log: ${(error as Error).message}`, { cause: error });
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}

function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}
