import { dirname, join } from 'node:path';
import { readPrivateText } from '../io/index.js';

/** Version of the log record format, written as `v` on every line. */
export const REHEARSAL_LOG_VERSION = 1;

/** One slide of a rehearsal run, in the deck's order at the time. */
export interface RehearsedSlide {
  /** The slide's title then, to match it again after the deck is edited. */
  title: string;
  /** Time spent on the slide over all its visits, to a tenth of a second. */
  seconds: number;
  /** How many times the slide was entered. */
  visits: number;
}

/** One rehearsal run as recorded: a line of `.talkdeck/rehearsals.jsonl`. */
export interface RehearsalRun {
  v: typeof REHEARSAL_LOG_VERSION;
  runId: string;
  /** true on the line written when the run finished; false on checkpoints. */
  final: boolean;
  /**
   * Set on a final line when the speaker quit before the last slide: the run is listed but left out
   * of the report's medians (unless asked for). A run that never finished (killed) counts as aborted too.
   */
  aborted?: boolean;
  /** When the run started, ISO 8601. */
  date: string;
  /** When this line was written, ISO 8601. */
  savedAt: string;
  /** The deck's title. */
  deck: string;
  /** The deck file's name, without its folder. */
  deckFile: string;
  /** Target length of the talk for this run, or null when none was set. */
  minutes: number | null;
  slides: RehearsedSlide[];
  /** Sum of the slides' seconds. */
  totalSeconds: number;
  /** Slide (0-based) shown when the line was written; its current visit is not yet counted. */
  current: number | null;
}

/** Whether a run was cut short: the speaker quit before the last slide, or it never finished (killed). */
export function isAborted(run: RehearsalRun): boolean {
  return run.aborted === true || !run.final;
}

/** Where a deck's rehearsals are logged: `.talkdeck/rehearsals.jsonl` beside the deck file. */
export function rehearsalLogPath(deckFile: string): string {
  return join(dirname(deckFile), '.talkdeck', 'rehearsals.jsonl');
}

/** What a rehearsal log holds: its runs, and the lines (1-based) that are not records. */
export interface RehearsalLog {
  runs: RehearsalRun[];
  /** Lines that do not parse or are not records, such as a line torn by a crash; empty lines are not counted. */
  skipped: number[];
}

/**
 * Reads a rehearsal log: the last line of each run (its final record, or its last checkpoint if it
 * never finished), in the order the runs started. Lines that do not parse or are not records, such
 * as a line torn by a crash, are left out and listed in `skipped`. A missing file has no runs. The
 * log is read as a private file: a `.talkdeck/` that is a link or another user's, or a log that is
 * a link, is a ReadError.
 */
export function readRehearsalLog(path: string, shown = path): RehearsalLog {
  const text = readPrivateText(path, { shown });
  return text === null ? { runs: [], skipped: [] } : parseRehearsalLog(text);
}

/** The runs in a rehearsal log, without the lines skipped; see readRehearsalLog. */
export function readRehearsals(path: string, shown = path): RehearsalRun[] {
  return readRehearsalLog(path, shown).runs;
}

/** The runs and skipped lines in the text of a rehearsal log; see readRehearsalLog. */
export function parseRehearsalLog(text: string): RehearsalLog {
  const runs = new Map<string, RehearsalRun>();
  const skipped: number[] = [];
  text.split('\n').forEach((line, index) => {
    const run = parseRehearsalLine(line);
    if (run === null) {
      if (line.trim() !== '') skipped.push(index + 1);
      return;
    }
    // Re-setting a key keeps its first position: runs stay in the order they started.
    runs.set(run.runId, run);
  });
  return { runs: [...runs.values()], skipped };
}

/** The runs in the text of a rehearsal log; see readRehearsalLog. */
export function parseRehearsals(text: string): RehearsalRun[] {
  return parseRehearsalLog(text).runs;
}

/** One log line as a run, or null when it is not a valid record. */
export function parseRehearsalLine(line: string): RehearsalRun | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  return isRun(value) ? value : null;
}

/** A run as its log line, without the newline. */
export function formatRehearsalLine(run: RehearsalRun): string {
  return JSON.stringify(run);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The longest time a log may hold for a run or a slide: a week. A log is a file anyone could have
 * edited; 1e308 seconds, or a number JSON cannot even hold, is bad data, never a time to show.
 */
export const MAX_REHEARSAL_SECONDS = 7 * 24 * 3600;
/** The most visits a slide may have in one run. */
const MAX_VISITS = 1_000_000;

function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;
}

function isSeconds(value: unknown): value is number {
  return isCount(value, MAX_REHEARSAL_SECONDS);
}

/** An ISO 8601 time that parses to a real date. */
function isDate(value: unknown): value is string {
  return typeof value === 'string' && Number.isFinite(Date.parse(value));
}

function isRun(value: unknown): value is RehearsalRun {
  if (!isRecord(value)) return false;
  return (
    value.v === REHEARSAL_LOG_VERSION &&
    typeof value.runId === 'string' &&
    value.runId !== '' &&
    typeof value.final === 'boolean' &&
    (value.aborted === undefined || typeof value.aborted === 'boolean') &&
    isDate(value.date) &&
    isDate(value.savedAt) &&
    typeof value.deck === 'string' &&
    typeof value.deckFile === 'string' &&
    (value.minutes === null || isCount(value.minutes, MAX_REHEARSAL_SECONDS / 60)) &&
    isSeconds(value.totalSeconds) &&
    (value.current === null || (Number.isInteger(value.current) && isCount(value.current, Number.MAX_SAFE_INTEGER))) &&
    Array.isArray(value.slides) &&
    value.slides.every((s) => isRecord(s) && typeof s.title === 'string' && isSeconds(s.seconds) && Number.isInteger(s.visits) && isCount(s.visits, MAX_VISITS))
  );
}
