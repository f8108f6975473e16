import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { Deck } from '../deck/index.js';
import type { ColorLevel, Theme } from '../theme/index.js';
// The first frame from the start cache needs only these, so they are part of the entry: a chunk
// loaded on demand would cost its own read and compile before that frame.
import supportsHyperlinks from 'supports-hyperlinks';
import { enterEarlyScreen, type EarlyScreen } from '../present/early-screen.js';
import { applyColorLevel, detectColorLevel } from '../theme/color-level.js';
import { writeFileAtomic } from './atomic-write.js';
import { readCachedDeck, readCachedFrame, startCacheDir, writeCachedDeck, writeCachedFrame, type FrameKey } from './start-cache.js';
import { EXIT, InputError, UsageError } from './errors.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

const VERSION = '0.1.0';
/** The longest talk `build` plans, in minutes. */
const MAX_TALK_MINUTES = 1440;
/** Decks from this size on get their first frame from a parse of the first slide alone. */
const BIG_DECK_BYTES = 256 * 1024;
const DIALECT_HELP = 'read the deck as talkdeck, presenterm, marp, slides, patat, lookatme, mdp, reveal-md or remark (default: detected)';

type ExportFormatName = 'html' | 'pdf' | 'pptx' | 'md' | 'txt' | 'json';

/** The folder holding package.json: built-in themes live in its `themes/`. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'themes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

function parseSize(text: string): { columns: number; rows: number } {
  const match = /^(\d+)x(\d+)$/u.exec(text.trim());
  if (!match) throw new UsageError(`--size wants COLUMNSxROWS, like 80x24, not "${text}"`);
  return { columns: Number(match[1]), rows: Number(match[2]) };
}

function parsePositive(name: string, max = Infinity) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} wants a positive number, not "${text}"`);
    if (value > max) throw new UsageError(`${name} wants at most ${max}, not "${text}"`);
    return value;
  };
}

/** Errors of every stage carry `file` (and `line`, `column` where known): print them the same way. */
function locatedMessage(error: unknown): string | null {
  if (error instanceof InputError) return error.format();
  if (error instanceof Error && typeof (error as { file?: unknown }).file === 'string') {
    const { file, line, column } = error as Error & { file: string; line?: number; column?: number };
    const where = line ? `${file}:${line}:${column ?? 1}` : file;
    return error.message.startsWith(file) ? error.message : `${where}: ${error.message}`;
  }
  return null;
}

/** Reads a text file the user named, with errors that say which file and what is wrong with it. */
function readUserFile(path: string, shown: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(shown, 'no such file; check the path and its spelling');
  }
  if (stat.isDirectory()) throw new InputError(shown, 'is a directory, not a file; give the article files inside it');
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(shown, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); make it readable, e.g. with chmod +r`);
  }
}

/**
 * Refuses an output path that cannot be written before any work is done: a directory, or a file
 * in a folder that does not exist. `shown` is the path as the user gave it.
 */
function checkOutput(path: string, shown: string, example: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // Not there yet: its folder must be.
  }
  if (isDirectory) throw new InputError(shown, `is a directory; give a file name for -o, e.g. ${join(shown, example)}`);
  const folder = dirname(path);
  if (!existsSync(folder)) {
    const shownFolder = dirname(shown);
    throw new InputError(shown, `the folder ${shownFolder} does not exist; create it first (mkdir -p ${shownFolder})`);
  }
}

/** Writes an output file atomically; a failure is the user's to fix, named, not an internal error. */
function writeOutput(path: string, shown: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const fix = code === 'EACCES' || code === 'EPERM' ? 'make the folder writable, or choose another -o' : code === 'ENOSPC' ? 'free some disk space' : 'choose another -o';
    throw new InputError(shown, `cannot be written (${code}); ${fix}`);
  }
}

/** The 1-based line of `key:` in a deck's front matter, or null. */
function frontMatterLine(file: string, key: string): number | null {
  let lines: string[];
  try {
    lines = readFileSync(file, 'utf8').split(/\r?\n/u);
  } catch {
    return null;
  }
  if (!/^---\s*$/u.test(lines[0]?.replace(/^\uFEFF/u, '') ?? '')) return null;
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/u.test(lines[i]!); i++) {
    if (new RegExp(`^${key}\\s*:`, 'u').test(lines[i]!)) return i + 1;
  }
  return null;
}

/** Speaking-rate options shared by the commands that budget time. */
function addRateOptions(command: Command): Command {
  return command
    .option('--wpm <n>', 'speaking rate in words a minute (default 130)', parsePositive('--wpm'))
    .option('--cjk-cpm <n>', 'speaking rate in CJK characters a minute (default 200)', parsePositive('--cjk-cpm'));
}

interface RateOptions {
  minutes?: number;
  wpm?: number;
  cjkCpm?: number;
}

function budgetOptions(options: RateOptions) {
  return { minutes: options.minutes, wordsPerMinute: options.wpm, cjkCharsPerMinute: options.cjkCpm };
}

/** A trace sink for the benchmark: one `event time` line per event. */
function traceTo(path: string): (event: string, atMs: number, label?: string) => void {
  return (event, atMs, label) => appendFileSync(path, `${event} ${atMs.toFixed(3)}${label ? ` ${label}` : ''}\n`);
}

/** Runs the talkdeck command line; resolves with the exit code instead of exiting. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  /** Files changed after this are not kept in the start cache from this launch's reading of them. */
  const startedAt = Date.now();
  const root = packageRoot();
  const themesDir = join(root, 'themes');
  const debug = argv.includes('--debug');
  const out = (text: string) => io.stdout.write(text);
  const err = (text: string) => io.stderr.write(text);
  let exitCode: number = EXIT.ok;

  // Each command loads only the stages it needs, so start-up reads little.
  const parse = () => import('../parse/index.js');
  const themes = () => import('../theme/index.js');
  const render = () => import('../render/index.js');

  const resolveTheme = async (spec: string | undefined, deck: Deck | null, onRead?: (path: string) => void): Promise<Theme> => {
    const { loadTheme, ThemeError } = await themes();
    const fromDeck = !spec && Boolean(deck?.meta.theme);
    try {
      // The deck's own theme fields (presenterm's theme.override) go over whichever theme is used.
      const override = deck?.meta.themeOverride ? { override: deck.meta.themeOverride, overrideFile: deck.file } : {};
      return loadTheme(spec || deck?.meta.theme || 'dark', { themesDir, cwd: io.cwd, compiledDir: join(root, 'dist', 'themes'), onRead, ...override });
    } catch (error) {
      // A theme named by the deck's front matter is the deck's problem: say where it is named.
      if (!fromDeck || !deck || !(error instanceof ThemeError) || error.line !== null) throw error;
      const line = frontMatterLine(deck.file, 'theme');
      throw new InputError(deck.file, `theme: ${error.message}`, line ?? undefined, line ? 1 : undefined);
    }
  };

  // Paths stay as the user wrote them, so messages name files the way the user knows them.
  const userPath = (path: string) => (io.cwd === process.cwd() ? path : resolve(io.cwd, path));
  /** The dialect each deck was read as, for `check` to report. */
  const dialects = new Map<string, { dialect: string; reason: string }>();
  /** The files each deck was made from (itself and its includes), for the frame cache. */
  const deckFiles = new Map<string, string[]>();
  const pendingCacheWrites: Array<() => void> = [];
  const flushCacheWrites = () => {
    for (const write of pendingCacheWrites.splice(0)) write();
  };
  /**
   * Reads and parses a deck. With `cached`, a deck parsed by an earlier launch is taken from the
   * start cache when none of its files has changed (the full-screen commands, where start-up counts).
   */
  const readDeck = async (path: string, allowOutside = false, dialect = 'auto', cached = false): Promise<Deck> => {
    const cacheDir = cached ? startCacheDir(io.env) : null;
    const key = { path, cwd: io.cwd, allowOutside, dialect };
    type Kept = { deck: Deck; dialect: string; reason: string; files: string[] };
    let read: Kept | undefined = cacheDir ? readCachedDeck<Kept>(cacheDir, key) : undefined;
    if (!read) {
      const { loadDeckWithDialect, DIALECT_NAMES } = await parse();
      if (dialect !== 'auto' && !(DIALECT_NAMES as readonly string[]).includes(dialect)) {
        throw new UsageError(`--dialect must be auto or one of ${DIALECT_NAMES.join(', ')}, not "${dialect}"`);
      }
      const fresh = loadDeckWithDialect(userPath(path), { allowOutside, dialect: dialect as 'auto' });
      // Kept once the first frame is up: writing a big deck costs tens of milliseconds.
      // A deck with errors is shown as errors and never kept: what fixes it may be outside its files.
      if (cacheDir && !fresh.deck.diagnostics.some((d) => d.severity === 'error')) {
        pendingCacheWrites.push(() => writeCachedDeck(cacheDir, key, fresh, fresh.files, startedAt));
      }
      read = fresh;
    }
    dialects.set(path, { dialect: read.dialect, reason: read.reason });
    deckFiles.set(path, read.files);
    return read.deck;
  };

  /** Prints a deck's diagnostics; true when any is an error. */
  const reportDiagnostics = async (deck: Deck): Promise<boolean> => {
    if (deck.diagnostics.length === 0) return false;
    const { formatDiagnostic } = await parse();
    // File names and quoted text come from the user: shown, never obeyed by the terminal.
    const { sanitizeText } = await render();
    for (const diagnostic of deck.diagnostics) err(`${sanitizeText(formatDiagnostic(diagnostic))}\n`);
    return deck.diagnostics.some((d) => d.severity === 'error');
  };

  /**
   * Reads an article a deck cites, by its path relative to the deck. A path that leads out of the
   * deck's folder reads as missing unless the user allowed it: a deck from elsewhere must not be
   * able to show any file of the machine in its source view.
   */
  const sourceReader = (deckPath: string, allowOutside = false) => {
    const deckDir = dirname(resolve(io.cwd, deckPath));
    // The notes view asks on every repaint (its clock ticks each second): read a file again only
    // when it has changed.
    const cache = new Map<string, { mtimeMs: number; text: string }>();
    return (path: string): string | null => {
      const target = resolve(deckDir, path);
      const inside = relative(deckDir, target);
      if (!allowOutside && (inside.startsWith('..') || isAbsolute(inside))) return null;
      try {
        const { mtimeMs } = statSync(target);
        const cached = cache.get(target);
        if (cached && cached.mtimeMs === mtimeMs) return cached.text;
        const text = readFileSync(target, 'utf8');
        cache.set(target, { mtimeMs, text });
        return text;
      } catch {
        return null;
      }
    };
  };

  /** Loads a deck for live reload: the deck, or why it could not be used. */
  const reloadDeck = (allowOutside: boolean | undefined, dialect = 'auto') => async (path: string): Promise<Deck | string> => {
    const { loadDeck, formatDiagnostic } = await parse();
    try {
      const next = loadDeck(path, { allowOutside, dialect: dialect as 'auto' });
      const problem = next.diagnostics.find((d) => d.severity === 'error');
      if (problem) return `deck not reloaded: ${formatDiagnostic(problem)}`;
      if (next.slides.length === 0) return 'deck not reloaded: it has no slides; add a heading or some text';
      return next;
    } catch (error) {
      return `deck not reloaded: ${locatedMessage(error) ?? String(error)}`;
    }
  };

  /**
   * Loads a deck for a full-screen command; null (with the reason printed) when it cannot be shown.
   * `beforeOutput` runs before anything is printed: a screen painted early must be left first.
   */
  const deckForScreen = async (deckPath: string, allowOutside?: boolean, dialect?: string, beforeOutput?: () => void): Promise<Deck | null> => {
    if (!io.stdout.isTTY || !io.stdin.isTTY) {
      err(`talkdeck: needs a terminal (stdout and stdin must be a TTY); use \`talkdeck print ${deckPath}\` for plain text\n`);
      exitCode = EXIT.usage;
      return null;
    }
    const deck = await readDeck(deckPath, allowOutside, dialect, true);
    if (deck.diagnostics.length > 0) beforeOutput?.();
    if (await reportDiagnostics(deck)) {
      exitCode = EXIT.input;
      return null;
    }
    if (deck.slides.length === 0) throw new InputError(deckPath, 'the deck has no slides; add a heading or some text');
    return deck;
  };

  /**
   * A deck big enough that parsing all of it keeps the first frame waiting (a 5,000-slide deck
   * takes over half a second cold): its first slide is painted from a parse of that slide alone.
   */
  const isBigDeck = (path: string): boolean => {
    try {
      return statSync(path).size >= BIG_DECK_BYTES;
    } catch {
      return false;
    }
  };

  /**
   * Paints the first slide of a big deck from `headOnly` parse, on the alternate screen; undefined
   * when that parse finds a problem, which the full parse then reports as usual.
   */
  const paintHead = async (deckPath: string, options: { theme?: string; allowOutside?: boolean; dialect?: string; presenter?: boolean }, key: FrameKey): Promise<EarlyScreen | undefined> => {
    try {
      const { loadDeckWithDialect } = await parse();
      const head = loadDeckWithDialect(userPath(deckPath), { allowOutside: options.allowOutside, dialect: (options.dialect ?? 'auto') as 'auto', headOnly: true });
      if (head.deck.slides.length === 0 || head.deck.diagnostics.some((d) => d.severity === 'error')) return undefined;
      const theme = (await themes()).fitThemeToDepth(await resolveTheme(options.theme, head.deck), key.colorLevel as ColorLevel);
      const { paintFirstFrame } = await import('../present/index.js');
      applyColorLevel(key.colorLevel as ColorLevel);
      const view = { presenterView: Boolean(options.presenter), readSource: sourceReader(deckPath, options.allowOutside) };
      return enterEarlyScreen(io.stdin, io.stdout, paintFirstFrame({ deck: head.deck, theme, hyperlinks: key.hyperlinks, ...view }, key.columns, key.rows));
    } catch {
      // Whatever went wrong, the full parse meets it again and says so.
      return undefined;
    }
  };

  const program = new Command('talkdeck')
    .description('Compile articles into talks and present them in the terminal.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run 'talkdeck COMMAND --help' for usage)");

  program
    .command('present', { isDefault: true })
    .description('present a deck full-screen in this terminal')
    .argument('<deck>', 'the deck, a Markdown file')
    .option('--dialect <name>', DIALECT_HELP)
    .option('-t, --theme <name|path>', 'theme: a built-in name (see `talkdeck themes`) or a theme file')
    .option('--allow-outside', 'let includes and sources reach outside the deck folder')
    .option('--presenter', 'slide and speaker notes side by side (for one wide terminal)')
    .option('--publish-speaker-notes', "also publish in presenterm's speaker-notes protocol")
    .action(async (deckPath: string, options: { theme?: string; allowOutside?: boolean; presenter?: boolean; publishSpeakerNotes?: boolean; dialect?: string }) => {
      const trace = io.env.TALKDECK_TRACE ? traceTo(io.env.TALKDECK_TRACE) : undefined;
      trace?.('mark', performance.now(), 'cli');
      const colorLevel = detectColorLevel(io.env, true);
      const hyperlinks = supportsHyperlinks.stdout !== false && io.env.TALKDECK_HYPERLINKS !== '0';
      // The first frame of the last launch, when nothing it was made from has changed since.
      const cacheDir = io.stdout.isTTY && io.stdin.isTTY ? startCacheDir(io.env) : null;
      const frameKey: FrameKey = {
        deckPath: resolve(io.cwd, deckPath),
        command: 'present',
        options: { theme: options.theme ?? null, dialect: options.dialect ?? null, allowOutside: Boolean(options.allowOutside), presenter: Boolean(options.presenter) },
        cwd: io.cwd,
        columns: io.stdout.columns || 80,
        rows: io.stdout.rows || 24,
        colorLevel,
        hyperlinks,
      };
      // The presenter view shows citations from articles the key does not cover: not kept.
      const keepFrames = cacheDir !== null && !options.presenter;
      const cached = keepFrames ? readCachedFrame(cacheDir, frameKey) : null;
      let early: EarlyScreen | undefined;
      /** The early frame came from a parse of the first slide alone: keep the full deck's instead. */
      let fromHead = false;
      if (cached !== null) {
        early = enterEarlyScreen(io.stdin, io.stdout, cached);
        trace?.('first-frame', performance.now(), 'cached');
      } else if (io.stdout.isTTY && io.stdin.isTTY && isBigDeck(userPath(deckPath))) {
        early = await paintHead(deckPath, options, frameKey);
        fromHead = early !== undefined;
        if (fromHead) trace?.('first-frame', performance.now(), 'head');
      }
      let handedToPresenter = false;
      try {
        // Messages go to the main screen: leave the early frame, and let the presenter paint anew.
        let signalled: number | null = null;
        const leaveEarly = () => {
          signalled = early?.interrupted() ?? null;
          early?.restore();
          early?.dispose();
          early = undefined;
          fromHead = false;
        };
        const deck = await deckForScreen(deckPath, options.allowOutside, options.dialect, leaveEarly);
        // A signal that came while the deck was read is answered, not forgotten with the early frame.
        if (signalled !== null) {
          exitCode = signalled;
          return;
        }
        if (!deck) return;
        trace?.('mark', performance.now(), 'deck');
        const themeFiles: string[] = [];
        const theme = (await themes()).fitThemeToDepth(await resolveTheme(options.theme, deck, (path) => themeFiles.push(path)), colorLevel);
        trace?.('mark', performance.now(), 'theme');
        applyColorLevel(colorLevel);
        const { presentDeck } = await import('../present/index.js');
        trace?.('mark', performance.now(), 'modules');
        const keep = (frame: string) => {
          flushCacheWrites();
          // A terminal resized since the key was taken would file the frame under the wrong size.
          if (!keepFrames || !cacheDir || deck.diagnostics.length > 0) return;
          if ((io.stdout.columns || 80) !== frameKey.columns || (io.stdout.rows || 24) !== frameKey.rows) return;
          writeCachedFrame(cacheDir, frameKey, frame, [...(deckFiles.get(deckPath) ?? []), ...themeFiles], startedAt);
        };
        if (early) flushCacheWrites();
        if (fromHead) {
          const { paintFirstFrame } = await import('../present/index.js');
          keep(paintFirstFrame({ deck, theme, hyperlinks }, frameKey.columns, frameKey.rows));
        }
        handedToPresenter = true;
        exitCode = await presentDeck({
          deckPath: resolve(io.cwd, deckPath),
          deck,
          theme,
          hyperlinks,
          stdin: io.stdin,
          stdout: io.stdout,
          readSource: sourceReader(deckPath, options.allowOutside),
          presenterView: options.presenter,
          publish: { presenterm: Boolean(options.publishSpeakerNotes) },
          trace,
          loadDeck: reloadDeck(options.allowOutside, options.dialect),
          early,
          onFirstFrame: keep,
        });
      } finally {
        // presentDeck gives the terminal back itself; before it is reached, this does.
        if (!handedToPresenter) {
          early?.restore();
          early?.dispose();
        }
      }
    });

  addRateOptions(
    program
      .command('notes')
      .description('follow a presenting talkdeck (or presenterm) in a second terminal: notes, sources, next slide, time')
      .argument('<deck>', 'the deck being presented')
      .option('--dialect <name>', DIALECT_HELP)
      .option('-t, --theme <name|path>', 'theme')
      .option('-m, --minutes <n>', 'target length of the talk, for pacing', parsePositive('--minutes')),
  ).action(async (deckPath: string, options: { theme?: string; dialect?: string } & RateOptions) => {
      const deck = await deckForScreen(deckPath, false, options.dialect);
      if (!deck) return;
      flushCacheWrites();
      const notesLevel = detectColorLevel(io.env, true);
      const theme = (await themes()).fitThemeToDepth(await resolveTheme(options.theme, deck), notesLevel);
      applyColorLevel(notesLevel);
      const { followNotes } = await import('../present/index.js');
      exitCode = await followNotes({
        budget: budgetOptions(options),
        deckPath: resolve(io.cwd, deckPath),
        deck,
        theme,
        read: sourceReader(deckPath),
        loadDeck: reloadDeck(false, options.dialect),
        stdin: io.stdin,
        stdout: io.stdout,
      });
    });

  addRateOptions(
    program
      .command('rehearse')
      .description('present with a rehearsal bar (time against budget, pacing) and log the run')
      .argument('<deck>', 'the deck, a Markdown file')
      .option('--dialect <name>', DIALECT_HELP)
      .option('-m, --minutes <n>', 'target length of the talk (default: the deck\'s duration)', parsePositive('--minutes'))
      .option('-t, --theme <name|path>', 'theme')
      .option('--apply', 'write the rehearsed times back into the deck as per-slide budgets'),
  ).action(async (deckPath: string, options: { theme?: string; apply?: boolean; dialect?: string } & RateOptions) => {
      const deck = await deckForScreen(deckPath, false, options.dialect);
      if (!deck) return;
      flushCacheWrites();
      const rehearseLevel = detectColorLevel(io.env, true);
      const theme = (await themes()).fitThemeToDepth(await resolveTheme(options.theme, deck), rehearseLevel);
      applyColorLevel(rehearseLevel);
      const rehearse = await import('../rehearse/index.js');
      const { presentDeck } = await import('../present/index.js');
      const budgets = rehearse.computeBudgets(deck, budgetOptions(options));
      const logPath = rehearse.rehearsalLogPath(resolve(io.cwd, deckPath));
      mkdirSync(dirname(logPath), { recursive: true });
      const recorder = new rehearse.RehearsalRecorder({ logPath, deck, now: Date.now, minutes: options.minutes ?? null });
      let logProblem: string | null = null;
      const record = <T,>(step: () => T): T | null => {
        try {
          return step();
        } catch (error) {
          // A full disk must not end the rehearsal; say so afterwards.
          logProblem = error instanceof Error ? error.message : String(error);
          return null;
        }
      };
      record(() => recorder.enter(0));
      exitCode = await presentDeck({
        deckPath: resolve(io.cwd, deckPath),
        deck,
        theme,
        hyperlinks: false,
        stdin: io.stdin,
        stdout: io.stdout,
        readSource: sourceReader(deckPath),
        publish: { presenterm: false },
        loadDeck: reloadDeck(false, options.dialect),
        onPosition: (state) => record(() => recorder.enter(state.position.slide)),
        statusLine: (state, elapsedMs, columns) =>
          rehearse.layoutRehearsalBar({
            pace: rehearse.pace({
              budgets,
              slide: state.position.slide,
              elapsedMs: recorder.elapsedMs(),
              slideElapsedMs: recorder.slideElapsedMs(),
            }),
            elapsedMs,
            columns,
            theme,
          }),
      });
      const finished = record(() => recorder.finish());
      if (logProblem) err(`talkdeck: the rehearsal log could not be written: ${logProblem}\n`);
      if (!finished) return;
      out(`rehearsal of ${deck.slides.length} slides: ${rehearse.formatClock(finished.totalSeconds * 1000)} (logged to ${relative(io.cwd, logPath)})\n`);
      if (options.apply) {
        const absolute = resolve(io.cwd, deckPath);
        writeFileAtomic(absolute, rehearse.applyTimes(readFileSync(absolute, 'utf8'), deck, rehearse.rehearsedSeconds(deck, finished)));
        out(`${deckPath}: per-slide times written from this rehearsal\n`);
      }
    });

  addRateOptions(
    program
      .command('report')
      .description('rehearsal report: per-slide time against budget, last run and median, trend')
      .argument('<deck>', 'the deck, a Markdown file')
      .option('--dialect <name>', DIALECT_HELP)
      .option('-m, --minutes <n>', 'target length of the talk', parsePositive('--minutes'))
      .option('--json', 'machine-readable output'),
  ).action(async (deckPath: string, options: { json?: boolean; dialect?: string } & RateOptions) => {
      const deck = await readDeck(deckPath, false, options.dialect);
      if (await reportDiagnostics(deck)) {
        exitCode = EXIT.input;
        return;
      }
      const rehearse = await import('../rehearse/index.js');
      const runs = rehearse.readRehearsals(rehearse.rehearsalLogPath(resolve(io.cwd, deckPath)));
      const report = rehearse.buildReport(deck, runs, rehearse.computeBudgets(deck, budgetOptions(options)));
      out(options.json ? rehearse.reportToJson(report) : rehearse.formatReport(report, { columns: io.stdout.columns || 80, color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR }));
    });

  program
    .command('print')
    .description('write every slide as plain text (for screen readers, pipes and review)')
    .argument('<deck>', 'the deck, a Markdown file')
    .option('--dialect <name>', DIALECT_HELP)
    .option('-w, --width <columns>', 'wrap width', parsePositive('--width'), 80)
    .action(async (deckPath: string, options: { width: number; dialect?: string }) => {
      const deck = await readDeck(deckPath, false, options.dialect);
      if (await reportDiagnostics(deck)) exitCode = EXIT.input;
      const { printDeck } = await render();
      out(printDeck(deck, { width: Math.floor(options.width) }));
    });

  program
    .command('check')
    .description('report deck problems: diagnostics, overflowing slides, stale source citations')
    .argument('<deck>', 'the deck, a Markdown file')
    .option('--dialect <name>', DIALECT_HELP)
    .option('-s, --size <COLSxROWS>', 'terminal size to check overflow at', '80x24')
    .option('-t, --theme <name|path>', 'theme to lay out with')
    .option('--fix', 'move citation line ranges whose passage only moved')
    .option('--allow-outside', 'let includes and sources reach outside the deck folder')
    .action(async (deckPath: string, options: { size: string; theme?: string; fix?: boolean; allowOutside?: boolean; dialect?: string }) => {
      const size = parseSize(options.size);
      const absolute = resolve(io.cwd, deckPath);
      const deck = await readDeck(deckPath, options.allowOutside, options.dialect);
      const read = dialects.get(deckPath);
      if (read) out(`${deckPath}: read as ${read.dialect} (${read.reason})\n`);
      let problems = await reportDiagnostics(deck);
      const theme = await resolveTheme(options.theme, deck);
      const [{ findOverflows }, { checkSources, fixSources, groupSourceProblems, slideList }] = await Promise.all([render(), import('../compile/index.js')]);
      for (const overflow of findOverflows(deck, theme, size)) {
        const slide = deck.slides[overflow.slide - 1];
        err(
          `${deckPath}:${slide?.location.line ?? 1}:1: slide ${overflow.slide} ("${slide?.title ?? ''}") overflows ${size.columns}x${size.rows} by ${overflow.hiddenLines} line(s); split the slide or shorten it\n`,
        );
        problems = true;
      }
      const sourceProblems = checkSources(deck, sourceReader(deckPath, options.allowOutside));
      if (options.fix && sourceProblems.some((p) => p.kind === 'moved')) {
        writeFileAtomic(absolute, fixSources(readFileSync(absolute, 'utf8'), sourceProblems));
      }
      for (const group of groupSourceProblems(sourceProblems)) {
        const problem = group.first;
        // Repeated problems are one line: "183 citations (slides 1-40): cannot read …".
        const which = group.count > 1 ? `${group.count} citations (${slideList(group.slides)})` : `slide ${problem.slide}`;
        if (options.fix && problem.kind === 'moved') {
          // The message's advice (`run check --fix`) has just been followed: show only what was wrong.
          err(`${deckPath}:${problem.ref.line}:1: ${which}: fixed: ${problem.message.replace(/; run `talkdeck check --fix`[^;]*$/u, '')}\n`);
          continue;
        }
        err(`${deckPath}:${problem.ref.line}:1: ${which}: ${problem.message}\n`);
        problems = true;
      }
      if (problems) exitCode = EXIT.input;
      else out(`${deckPath}: ${deck.slides.length} slides, no problems at ${size.columns}x${size.rows}\n`);
    });

  program
    .command('build')
    .description('compile articles into a talk')
    .argument('<articles...>', 'Markdown or text articles; the first leads the talk')
    .requiredOption('-o, --output <deck>', 'the deck file to write')
    .option('-m, --minutes <n>', 'length of the talk (default: as long as the articles hold)', parsePositive('--minutes', MAX_TALK_MINUTES))
    .option('--title <title>', 'title of the talk (default: the first article\'s)')
    .option('--lang <code>', 'language of the agenda, takeaways and questions slides: en, zh or ja (default: the first article\'s)')
    .action(async (articles: string[], options: { output: string; minutes?: number; title?: string; lang?: string }) => {
      // All build logic (where articles are cited from, copies, messages) is compile's planBuild.
      const { planBuild, isTalkLanguage, TALK_LANGUAGES, CompileError } = await import('../compile/index.js');
      if (options.lang !== undefined && !isTalkLanguage(options.lang)) throw new UsageError(`--lang wants one of ${TALK_LANGUAGES.join(', ')}, not "${options.lang}"`);
      const output = resolve(io.cwd, options.output);
      for (const article of articles) {
        if (resolve(io.cwd, article) === output) throw new UsageError(`-o ${options.output} would overwrite the article ${article}; choose another -o`);
        readUserFile(resolve(io.cwd, article), article);
      }
      checkOutput(output, options.output, 'talk.md');
      let plan;
      try {
        plan = planBuild({ articles, output: options.output, cwd: io.cwd, minutes: options.minutes, title: options.title, lang: options.lang as Parameters<typeof planBuild>[0]['lang'] });
      } catch (error) {
        if (error instanceof CompileError) throw new InputError(error.file, error.hint ? `${error.message}; ${error.hint}` : error.message);
        throw error;
      }
      for (const copy of plan.copies) {
        mkdirSync(dirname(copy.to), { recursive: true });
        writeOutput(copy.to, relative(io.cwd, copy.to), copy.data);
      }
      writeOutput(output, options.output, plan.markdown);
      for (const line of plan.warnings) err(`${line}\n`);
      for (const line of plan.messages) out(`${line}\n`);
    });

  program
    .command('export')
    .description('export a deck: html (with speaker view), pdf, pptx, md handout, txt, json')
    .argument('<deck>', 'the deck, a Markdown file')
    .option('--dialect <name>', DIALECT_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'pdf', 'pptx', 'md', 'txt', 'json']).makeOptionMandatory())
    .option('-o, --output <file>', 'file to write, or - for standard output (default: the deck name with the format\'s extension)')
    .option('-t, --theme <name|path>', 'theme (default: the deck\'s, else dark)')
    .option('--handout', 'PDF/HTML: slide, notes and citations on one page')
    .option('--steps', 'PDF/PPTX: one page per reveal step')
    .action(async (deckPath: string, options: { format: ExportFormatName; output?: string; theme?: string; handout?: boolean; steps?: boolean; dialect?: string }) => {
      const deck = await readDeck(deckPath, false, options.dialect);
      if (await reportDiagnostics(deck)) {
        exitCode = EXIT.input;
        return;
      }
      const exporter = await import('../export/index.js');
      const output = options.output ?? deckPath.replace(/\.(md|markdown|txt)$/iu, '') + exporter.EXPORT_EXTENSIONS[options.format];
      const binary = options.format === 'pdf' || options.format === 'pptx';
      if (output === '-' && binary) throw new UsageError(`-o - streams text formats only; write ${options.format} to a file`);
      const target = output === '-' ? null : resolve(io.cwd, output);
      if (target === resolve(io.cwd, deckPath)) throw new UsageError(`-o ${output} is the deck itself; choose another -o`);
      if (target !== null) checkOutput(target, output, `talk${exporter.EXPORT_EXTENSIONS[options.format]}`);
      const theme = await resolveTheme(options.theme, deck);
      let data: string | Uint8Array;
      try {
        data = await exporter.exportDeck(deck, {
          format: options.format,
          theme,
          handout: options.handout,
          steps: options.steps,
          chromiumPath: io.env.TALKDECK_CHROMIUM || undefined,
        });
      } catch (error) {
        if (error instanceof exporter.ExportError) throw new InputError(deckPath, error.message);
        throw error;
      }
      if (target === null) {
        out(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
        return;
      }
      writeOutput(target, output, data);
      err(`${output}: ${options.format} written (${deck.slides.length} slides)\n`);
    });

  program
    .command('themes')
    .description('list the built-in themes')
    .action(async () => {
      const { builtinThemeNames } = await themes();
      out(`${builtinThemeNames(themesDir).join('\n')}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error instanceof UsageError) {
        err(`talkdeck: ${error.message}\n`);
      }
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      err(`talkdeck: ${error.message}\n`);
      return EXIT.usage;
    }
    const located = locatedMessage(error);
    if (located) {
      err(`${(await render()).sanitizeText(located)}\n`);
      if (debug && error instanceof Error && error.stack) err(`${error.stack}\n`);
      return EXIT.input;
    }
    err(`talkdeck: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) err(`${error.stack}\n`);
    else err('(run with --debug for details)\n');
    return EXIT.internal;
  }
}
