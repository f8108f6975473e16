import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, fsyncSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { LocatedError, type Deck } from '../deck/index.js';
import { openPrivateAppend } from '../io/index.js';
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

/** One slide as the run knows it: its title, and the time and visits counted for it. */
interface SlideRecord {
  title: string;
  ms: number;
  visits: number;
}

/**
 * Times one rehearsal run slide by slide and appends it to the rehearsal log.
 *
 * Every slide change appends a checkpoint (the run so far, `final: false`) and flushes it to disk,
 * so a run that is killed loses at most the time on the slide it was showing; finish() appends the
 * final line. Readers keep the last line of each run. Time runs from the first enter().
 *
 * Slides are counted by identity, not by position: when the deck is edited during the run (live
 * reload), enter() is given the new deck, and its slides are matched to those already counted by
 * position and title, then by title; a new slide is counted from nothing, and a slide that left the
 * deck keeps its time in the log. Lines list the deck's slides as they are now, then those gone.
 *
 * The log is a private file (see io/openPrivateAppend): `.talkdeck/` must be the user's own folder,
 * and the log is never reached through a link.
 */
export class RehearsalRecorder {
  readonly runId: string;
  private readonly logPath: string;
  private readonly now: () => number;
  private readonly wall: () => number;
  private readonly deckTitle: string;
  private readonly deckFile: string;
  private readonly minutes: number | null;
  private readonly date: string;
  /** Every slide counted so far, in the order first seen. */
  private readonly records: SlideRecord[];
  /** The deck enter() was last given, and for each of its slides the record counting it. */
  private deck: Deck;
  private slots: number[];
  /** The record being timed. */
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
    this.deckTitle = options.deck.meta.title;
    this.deckFile = basename(options.deck.file);
    this.deck = options.deck;
    this.records = options.deck.slides.map((slide) => ({ title: slide.title, ms: 0, visits: 0 }));
    this.slots = this.records.map((_, i) => i);
    this.date = new Date(this.wall()).toISOString();
  }

  /** The slide being timed (0-based, in the deck enter() was last given), or null before the first enter() and after finish(). */
  get currentSlide(): number | null {
    if (this.current === null) return null;
    const index = this.slots.indexOf(this.current);
    return index < 0 ? null : index;
  }

  /** Whether finish() has been called. */
  get finished(): boolean {
    return this.finalRun !== null;
  }

  /**
   * Moves to a slide (0-based) of `deck` (by default the deck last given): credits the time since
   * the last change to the slide that was shown, counts a visit, and appends a checkpoint. Entering
   * the slide already shown does nothing; so does any call after finish(). Throws RangeError for a
   * slide outside the deck.
   */
  enter(slideIndex: number, deck: Deck = this.deck): void {
    if (this.finalRun !== null) return;
    if (deck !== this.deck) this.follow(deck);
    if (!Number.isInteger(slideIndex) || slideIndex < 0 || slideIndex >= this.slots.length) {
      throw new RangeError(`no slide ${slideIndex} in a deck of ${this.slots.length}`);
    }
    const record = this.slots[slideIndex]!;
    if (record === this.current) return;
    const at = this.now();
    this.credit(at);
    this.startedAt ??= at;
    this.current = record;
    this.enteredAt = at;
    this.records[record]!.visits += 1;
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
    const total = this.records.reduce((sum, record) => sum + record.ms, 0);
    return this.current === null ? total : total + this.visitMs(this.now());
  }

  /** Time spent on a slide (0-based) over all its visits so far, the current one included; the current slide by default. */
  slideElapsedMs(slideIndex: number | null = this.currentSlide): number {
    if (slideIndex === null) return 0;
    const record = this.slots[slideIndex];
    if (record === undefined) return 0;
    const past = this.records[record]!.ms;
    return record === this.current ? past + this.visitMs(this.now()) : past;
  }

  /** The run as recorded so far: the current visit is not counted until the slide changes. */
  record(): RehearsalRun {
    return this.finalRun ?? this.snapshot(false);
  }

  /** Matches the slides of an edited deck to the records: same position and title, else same title, else new. */
  private follow(deck: Deck): void {
    const used = new Set<number>();
    const slots: (number | null)[] = deck.slides.map((slide, i) => {
      const record = this.slots[i];
      if (record !== undefined && this.records[record]!.title === slide.title) {
        used.add(record);
        return record;
      }
      return null;
    });
    deck.slides.forEach((slide, i) => {
      if (slots[i] !== null || slide.title === '') return;
      const record = this.records.findIndex((r, k) => !used.has(k) && r.title === slide.title);
      if (record >= 0) {
        used.add(record);
        slots[i] = record;
      }
    });
    this.slots = slots.map((record, i) => {
      if (record !== null) return record;
      this.records.push({ title: deck.slides[i]!.title, ms: 0, visits: 0 });
      return this.records.length - 1;
    });
    this.deck = deck;
  }

  private visitMs(at: number): number {
    return Math.max(0, at - this.enteredAt);
  }

  private credit(at: number): void {
    if (this.current !== null) this.records[this.current]!.ms += this.visitMs(at);
  }

  private snapshot(final: boolean): RehearsalRun {
    const inDeck = new Set(this.slots);
    const order = [...this.slots, ...this.records.map((_, k) => k).filter((k) => !inDeck.has(k) && this.records[k]!.visits > 0)];
    const slides = order.map((k) => ({ title: this.records[k]!.title, seconds: tenths(this.records[k]!.ms / 1000), visits: this.records[k]!.visits }));
    const current = this.current === null ? null : order.indexOf(this.current);
    return {
      v: REHEARSAL_LOG_VERSION,
      runId: this.runId,
      final,
      date: this.date,
      savedAt: new Date(this.wall()).toISOString(),
      deck: this.deckTitle,
      deckFile: this.deckFile,
      minutes: this.minutes,
      slides,
      totalSeconds: tenths(slides.reduce((sum, s) => sum + s.seconds, 0)),
      current: current === null || current < 0 ? null : current,
    };
  }

  /** Appends one line and flushes it to disk before returning. */
  private append(run: RehearsalRun): void {
    let fd: number | null = null;
    try {
      fd = openPrivateAppend(this.logPath);
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
      const reason = error instanceof LocatedError ? error.format() : (error as Error).message;
      throw new RehearsalLogError(this.logPath, `cannot write the rehearsal log: ${reason}`, { cause: error });
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}

function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}
