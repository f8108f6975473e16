import { existsSync, openSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { LocatedError, type Deck, type Slide } from '../deck/index.js';
import type { Theme } from '../theme/index.js';
import { detectColorLevel, type ColorLevel } from '../theme/color-level.js';
import type { KeptDeck } from './deck-schema.js';
import { enterEarlyScreen, type EarlyScreen } from './early-screen.js';
import { frameKeyOf, hyperlinksIn, isTerminal, screenBackground, type EntryStart, type KeptStart } from './kept-frame.js';
import type { NotesStatusLine } from './NotesApp.js';
import type { PresentOptions } from './run.js';
import type { AnswerSearch } from './state.js';
import { readCachedDeck, readCachedFrame, startCacheDir, writeCachedDeck, writeCachedFrame, type CacheKey, type FrameKey } from './start-cache.js';
import { createTalkClock, type TalkClock } from './talk-clock.js';
import type { Background } from './terminal-background.js';

/**
 * Presenter start-up policy, in one place: which deck and frame the start cache may give, when the
 * first frame is painted before the deck is parsed (from the cache, or from a big deck's first
 * slide alone), when the cache is written, and how the early screen hands over to the presenter.
 * The command line hands in a DeckSource and the terminal; everything else is decided here.
 */

/** Where a full-screen command's deck comes from; the command line's DeckInput is one. */
export interface DeckSource {
  /** The deck's path as the user gave it, for messages. */
  readonly shown: string;
  /** The deck's absolute path. */
  readonly absolute: string;
  /** What besides file contents shapes the parsed deck (how it was named, dialect, options). */
  readonly cacheKey: CacheKey;
  /**
   * Reads and parses the deck; `headOnly` builds its first slide alone; `keySlides` gives each
   * slide's key (KeptDeck.slideKeys), and `reuse` holds slides of an earlier parse by those keys,
   * taken instead of building the slides again (parse/'s options of those names).
   */
  read(options?: { headOnly?: boolean; keySlides?: boolean; reuse?: ReadonlyMap<string, Slide> }): Promise<KeptDeck>;
  /**
   * The theme for the deck: the user's choice, else the deck's own, else `fallback` (the built-in
   * theme that suits the terminal's background; dark by default); `onRead` hears each file read.
   */
  theme(deck: Deck, onRead?: (path: string) => void, fallback?: string): Promise<Theme>;
  /**
   * The deck split into slides without the Markdown parser: a key of what its first slide, title
   * and slide count are made from, and the files read; null when that cannot be told exactly.
   */
  outline(): Promise<{ key: string; files: string[] } | null>;
  /** Reads the articles the deck cites. */
  sources(): PresentOptions['readSource'];
  /** Re-reads the deck for live reload: the deck, or a message saying why it cannot be used. */
  reloader(): PresentOptions['loadDeck'];
  /** Prints the deck's diagnostics; true when any is an error. */
  report(deck: Deck): Promise<boolean>;
}

/** The terminal a full-screen command runs in. */
export interface ScreenIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Writes a message to stderr (already made safe for the terminal by the caller). */
  err(text: string): void;
  /** When this launch began (Date.now()): nothing written after it is kept in the start cache. */
  startedAt: number;
  /** A first frame painted from the start cache before the command line was loaded (paintKeptFrame). */
  kept?: KeptStart | null;
  /** The terminal's background as the entry asked it (paintKeptFrame); undefined when it did not ask. */
  background?: Background | null;
  /** The deck's outline as the entry made it (paintKeptFrame), for the frame key `base`. */
  outline?: EntryStart['outline'];
}

/** What a command adds to the presenter: the rehearsal plugs in here. */
export interface PresenterHooks {
  onPosition?: PresentOptions['onPosition'];
  statusLine?: PresentOptions['statusLine'];
  control?: PresentOptions['control'];
}

export interface LaunchOptions {
  /** The theme asked for on the command line (a name or a path). */
  theme?: string;
  /** The options that change the picture, for the frame cache's key. */
  keyOptions: Record<string, string | boolean | null>;
  /** Slide and notes side by side. */
  presenter?: boolean;
  publishSpeakerNotes?: boolean;
  /** Plugs a command's hooks in once the deck and theme are known (a rehearsal); `clock` is the talk's, which `t` pauses. */
  hooks?: (deck: Deck, theme: Theme, clock: TalkClock) => PresenterHooks;
  /** Move to the next slide after this long on each (Ignite, PechaKucha). */
  autoAdvanceMs?: number | null;
  /** Says what auto-advance does, over the first slide; given the deck's slide count. */
  autoAdvanceBanner?: (slides: number) => string;
  /** The keys, when a configuration changed them (default DEFAULT_KEYMAP). */
  keymap?: PresentOptions['keymap'];
  /** Running `+exec` blocks: off unless the user turned it on. */
  exec?: PresentOptions['exec'];
  /** How images are shown. */
  images?: PresentOptions['images'];
  /** Q&A over the deck's source articles (`a`), built when first asked for. */
  answers?: (deck: Deck) => Promise<AnswerSearch>;
}

/** Exit code for a command that needs a terminal and has none. */
const EXIT_USAGE = 2;
const EXIT_INPUT = 1;
/** Decks from this size on get their first frame from a parse of the first slide alone. */
const BIG_DECK_BYTES = 256 * 1024;
/** How long after the presenter starts a freshly parsed deck is written to the start cache. */
const DECK_WRITE_DELAY_MS = 1500;

/**
 * The deck's theme with every colour fitted to the terminal's depth (the perceptually nearest it
 * can show); when neither the user nor the deck names one, the built-in theme for the terminal's
 * background.
 */
async function screenTheme(source: DeckSource, deck: Deck, level: ColorLevel, background: Background | null, onRead?: (path: string) => void): Promise<Theme> {
  const [{ fitThemeToDepth }, theme] = await Promise.all([import('../theme/index.js'), source.theme(deck, onRead, background ?? 'dark')]);
  return fitThemeToDepth(theme, level);
}

/**
 * A trace sink for the benchmark (`TALKDECK_TRACE=file`): one `event time` line per event. A file
 * that cannot be written is the user's to fix, said before anything is painted: the folder named,
 * not an internal error halfway through the start.
 */
function traceTo(path: string, cwd: string): NonNullable<PresentOptions['trace']> {
  const absolute = resolve(cwd, path);
  // Kept open: opening the file for each event would be part of the key → frame times it measures.
  let fd: number;
  try {
    fd = openSync(absolute, 'a');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const folder = dirname(path);
    if (code === 'ENOENT' && !existsSync(dirname(absolute))) {
      throw new LocatedError({ file: path }, `TALKDECK_TRACE names a file in the folder ${folder}, which does not exist`, `create it first (mkdir -p ${folder}), or point TALKDECK_TRACE elsewhere`);
    }
    const hint = code === 'EISDIR' ? 'give a file name, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'make the folder writable, or point TALKDECK_TRACE elsewhere' : 'point TALKDECK_TRACE elsewhere';
    throw new LocatedError({ file: path }, `TALKDECK_TRACE names a file that cannot be written (${code})`, hint);
  }
  return (event, atMs, label) => void writeSync(fd, `${event} ${atMs.toFixed(3)}${label ? ` ${label}` : ''}\n`);
}

/**
 * A deck big enough that parsing all of it keeps the first frame waiting (a 5,000-slide deck
 * takes over half a second cold): its first slide is painted from a parse of that slide alone.
 */
function isBigDeck(path: string): boolean {
  try {
    return statSync(path).size >= BIG_DECK_BYTES;
  } catch {
    return false;
  }
}

/**
 * The deck of a full-screen command, taken from the start cache when none of its files changed
 * since it was kept. Writing a fresh one to the cache waits for `flush` (a moment after the
 * presenter starts: writing a big deck costs tens of milliseconds).
 */
class ScreenDeck {
  private pending: Array<() => void> = [];
  files: string[] = [];

  constructor(
    private readonly source: DeckSource,
    private readonly io: ScreenIo,
  ) {}

  async read(): Promise<Deck> {
    const cacheDir = startCacheDir(this.io.env);
    let kept: KeptDeck | undefined;
    let reuse: ReadonlyMap<string, Slide> | undefined;
    if (cacheDir) {
      const { asKeptDeck, keptSlides } = await import('./deck-schema.js');
      // After an edit, the deck kept from the last launch still holds every slide not edited.
      kept = readCachedDeck(cacheDir, this.source.cacheKey, asKeptDeck, (stale) => (reuse = keptSlides(stale)));
    }
    if (!kept) {
      const fresh = await this.source.read({ keySlides: cacheDir !== null, reuse });
      // A deck with errors is shown as errors and never kept: what fixes it may be outside its files.
      if (cacheDir && !fresh.deck.diagnostics.some((d) => d.severity === 'error')) {
        const { deck, dialect, reason, files, slideKeys } = fresh;
        this.pending.push(() => writeCachedDeck(cacheDir, this.source.cacheKey, { deck, dialect, reason, files, ...(slideKeys ? { slideKeys } : {}) }, files, this.io.startedAt));
      }
      kept = fresh;
    }
    this.files = kept.files;
    return kept.deck;
  }

  flush(): void {
    for (const write of this.pending.splice(0)) write();
  }
}

/**
 * Loads the deck of a full-screen command: the deck, or the exit code when it cannot be shown
 * (no terminal, errors in the deck; printed). `beforeOutput` runs before anything is printed: a
 * screen painted early must be left first.
 */
async function openDeck(source: DeckSource, io: ScreenIo, screenDeck: ScreenDeck, beforeOutput?: () => void): Promise<Deck | number> {
  if (!isTerminal(io)) {
    // A deck that cannot be read says so first: the file, not the terminal, is what to fix then.
    await screenDeck.read();
    io.err(`talkdeck: needs a terminal (stdout and stdin must be a TTY); use \`talkdeck print ${source.shown}\` for plain text\n`);
    return EXIT_USAGE;
  }
  const deck = await screenDeck.read();
  if (deck.diagnostics.length > 0) beforeOutput?.();
  if (await source.report(deck)) return EXIT_INPUT;
  if (deck.slides.length === 0) throw new LocatedError({ file: source.shown }, 'the deck has no slides; add a heading or some text');
  return deck;
}

/**
 * Paints the first slide of a big deck from a parse of that slide alone, on the alternate screen;
 * undefined when that parse finds a problem, which the full parse then reports as usual.
 */
async function paintHead(source: DeckSource, options: LaunchOptions, key: FrameKey, io: ScreenIo, background: Background | null): Promise<EarlyScreen | undefined> {
  try {
    const head = await source.read({ headOnly: true });
    if (head.deck.slides.length === 0 || head.deck.diagnostics.some((d) => d.severity === 'error')) return undefined;
    const theme = await screenTheme(source, head.deck, key.colorLevel as ColorLevel, background);
    const { paintFirstFrame } = await import('./start.js');
    (await import('../theme/index.js')).applyColorLevel(key.colorLevel as ColorLevel);
    const view = { presenterView: Boolean(options.presenter), readSource: source.sources() };
    return enterEarlyScreen(io.stdin, io.stdout, paintFirstFrame({ deck: head.deck, theme, hyperlinks: key.hyperlinks, ...view }, key.columns, key.rows));
  } catch {
    // Whatever went wrong, the full parse meets it again and says so.
    return undefined;
  }
}

/**
 * `talkdeck present` and `talkdeck rehearse`: presents the deck full-screen until the user quits;
 * resolves with the exit code. The first frame of the last launch is painted at once when nothing
 * it was made from has changed; else a big deck's first slide from a parse of that slide alone.
 * A rehearsal (`hooks`) draws its own bar and must see every slide: no cached frame, no keys
 * answered before the presenter has loaded.
 */
export async function launchPresenter(source: DeckSource, options: LaunchOptions, io: ScreenIo): Promise<number> {
  const trace = io.env.TALKDECK_TRACE ? traceTo(io.env.TALKDECK_TRACE, io.cwd) : undefined;
  trace?.('mark', performance.now(), 'cli');
  const rehearsal = options.hooks !== undefined;
  const colorLevel = detectColorLevel(io.env, true);
  const hyperlinks = !rehearsal && hyperlinksIn(io.env);
  const terminal = isTerminal(io);
  // Asked before the cache is read: the theme it chooses is part of the cached frame's key.
  const background = io.background !== undefined ? io.background : await screenBackground(io, colorLevel, options.theme);
  trace?.('mark', performance.now(), `background=${background ?? 'unknown'}`);
  // The first frame of the last launch, when nothing it was made from has changed since.
  const cacheDir = terminal ? startCacheDir(io.env) : null;
  const frameKey = frameKeyOf(source.absolute, options.keyOptions, background, io, hyperlinks);
  // The presenter view shows citations from articles the key does not cover, and a rehearsal its bar: not kept.
  const keepFrames = cacheDir !== null && !options.presenter && !rehearsal;
  // Painted already by the command line's entry, for this very key (or this key and the deck's
  // outline): taken over as it is.
  const keptBy = io.kept?.outline ? { ...frameKey, outline: io.kept.outline.made.key } : frameKey;
  const kept = keepFrames && io.kept && JSON.stringify(io.kept.key) === JSON.stringify(keptBy) ? io.kept.take() : null;
  const byOutline = kept ? io.kept!.outline : undefined;
  io.kept?.release();
  if (kept) trace?.('first-frame', io.kept!.paintedAt, byOutline ? 'outline' : 'cached');
  let cached = byOutline ? byOutline.frame : kept ? null : keepFrames ? readCachedFrame(cacheDir, frameKey) : null;
  let cachedBy = byOutline ? 'outline' : 'cached';
  // After an edit the deck's files differ, but the first slide is most often the same: its frame
  // is kept under a key of what it is made from, which the deck's outline gives without the parser.
  let outline: { key: FrameKey; files: string[] } | null = byOutline ? { key: keptBy, files: byOutline.made.files } : null;
  if (keepFrames && !kept && cached === null) {
    // The entry outlined the deck already when it looked for a kept frame under this key.
    const made = io.outline && JSON.stringify(io.outline.base) === JSON.stringify(frameKey) ? io.outline.made : await source.outline();
    if (made !== null) {
      outline = { key: { ...frameKey, outline: made.key }, files: made.files };
      cached = readCachedFrame(cacheDir, outline.key);
      cachedBy = 'outline';
    }
  }
  const screenDeck = new ScreenDeck(source, io);
  let early: EarlyScreen | undefined;
  /** The early frame came from a parse of the first slide alone: keep the full deck's instead. */
  let fromHead = false;
  if (kept) {
    early = kept;
  } else if (cached !== null) {
    early = enterEarlyScreen(io.stdin, io.stdout, cached);
    trace?.('first-frame', performance.now(), cachedBy);
  } else if (terminal && !rehearsal && isBigDeck(source.absolute)) {
    early = await paintHead(source, options, frameKey, io, background);
    fromHead = early !== undefined;
    if (fromHead) trace?.('first-frame', performance.now(), 'head');
  }
  let handedToPresenter = false;
  let deckWrite: NodeJS.Timeout | undefined;
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
    const deck = await openDeck(source, io, screenDeck, leaveEarly);
    // A signal that came while the deck was read is answered, not forgotten with the early frame.
    if (signalled !== null) return signalled;
    if (typeof deck === 'number') return deck;
    trace?.('mark', performance.now(), 'deck');
    const themeFiles: string[] = [];
    const theme = await screenTheme(source, deck, colorLevel, background, (path) => themeFiles.push(path));
    trace?.('mark', performance.now(), 'theme');
    (await import('../theme/index.js')).applyColorLevel(colorLevel);
    const { presentDeck, paintFirstFrame } = await import('./start.js');
    trace?.('mark', performance.now(), 'modules');
    const keep = (frame: string) => {
      // A terminal resized since the key was taken would file the frame under the wrong size.
      if (!keepFrames || !cacheDir || deck.diagnostics.length > 0) return;
      if ((io.stdout.columns || 80) !== frameKey.columns || (io.stdout.rows || 24) !== frameKey.rows) return;
      const deckFiles = new Set(outline?.files ?? screenDeck.files);
      writeCachedFrame(cacheDir, frameKey, frame, [...screenDeck.files, ...themeFiles], io.startedAt);
      // Under the outline's key the deck's own files are not checked (the key holds what matters of
      // them), but nothing is kept if they were written during the launch or just before it.
      if (outline) writeCachedFrame(cacheDir, outline.key, frame, [...screenDeck.files, ...themeFiles].filter((file) => !deckFiles.has(file)), io.startedAt, [...deckFiles]);
    };
    // Writing the deck to the cache takes a while for a big one (~100 ms for 5,000 slides, most of
    // it JSON): not before the first keys are answered, but a moment later, or at the end.
    deckWrite = setTimeout(() => screenDeck.flush(), DECK_WRITE_DELAY_MS);
    deckWrite.unref();
    if (fromHead) keep(paintFirstFrame({ deck, theme, hyperlinks }, frameKey.columns, frameKey.rows));
    // The frame the outline gave is this deck's first frame: kept under the deck's files too, so
    // the next launch of the same deck need not outline it.
    else if (cached !== null && cachedBy === 'outline') keep(cached);
    const clock = createTalkClock();
    const hooks = options.hooks?.(deck, theme, clock);
    handedToPresenter = true;
    return await presentDeck({
      deckPath: source.absolute,
      deck,
      theme,
      hyperlinks,
      stdin: io.stdin,
      stdout: io.stdout,
      readSource: source.sources(),
      presenterView: options.presenter,
      publish: { presenterm: Boolean(options.publishSpeakerNotes), dir: await channelDir(io) },
      trace,
      loadDeck: source.reloader(),
      early,
      onFirstFrame: keep,
      earlyKeys: !rehearsal,
      onPosition: hooks?.onPosition,
      statusLine: hooks?.statusLine,
      clock,
      autoAdvanceMs: options.autoAdvanceMs,
      banner: options.autoAdvanceBanner ? { kind: 'info', text: options.autoAdvanceBanner(deck.slides.length) } : null,
      keymap: options.keymap,
      exec: options.exec,
      images: options.images,
      control: hooks?.control,
      answers: options.answers && (() => options.answers!(deck)),
    });
  } finally {
    // presentDeck gives the terminal back itself; before it is reached, this does.
    if (!handedToPresenter) {
      early?.restore();
      early?.dispose();
    }
    clearTimeout(deckWrite);
    screenDeck.flush();
  }
}

/** The notes channel's private folder, from the command's environment (XDG_RUNTIME_DIR, TMPDIR). */
async function channelDir(io: ScreenIo): Promise<string> {
  const { notesChannelDir } = await import('./channel.js');
  return notesChannelDir(io.env, io.env.TMPDIR || tmpdir());
}

export interface NotesLaunchOptions {
  /** The theme asked for on the command line; without one the terminal's background may choose. */
  theme?: string;
  /** The line under the header once the presenter is heard from (pacing from rehearse/). */
  statusLine?: (theme: Theme, deck: Deck) => NotesStatusLine;
  /** Also follow presenterm's speaker-notes datagrams, which every local user can send. */
  presenterm?: boolean;
  /** Q&A over the deck's source articles (`a`), built when first asked for. */
  answers?: (deck: Deck) => Promise<AnswerSearch>;
}

/** `talkdeck notes`: follows the presenting instance in this terminal until `q`; resolves with the exit code. */
export async function launchNotes(source: DeckSource, options: NotesLaunchOptions, io: ScreenIo): Promise<number> {
  const screenDeck = new ScreenDeck(source, io);
  const deck = await openDeck(source, io, screenDeck);
  if (typeof deck === 'number') return deck;
  screenDeck.flush();
  const level = detectColorLevel(io.env, true);
  const theme = await screenTheme(source, deck, level, await screenBackground(io, level, options.theme));
  (await import('../theme/index.js')).applyColorLevel(level);
  const { followNotes } = await import('./start.js');
  return followNotes({
    deckPath: source.absolute,
    shownPath: source.shown,
    deck,
    theme,
    read: source.sources(),
    loadDeck: source.reloader(),
    statusLine: options.statusLine ? (current) => options.statusLine!(theme, current) : undefined,
    stdin: io.stdin,
    stdout: io.stdout,
    channelDir: await channelDir(io),
    presenterm: options.presenterm,
    answers: options.answers && (() => options.answers!(deck)),
  });
}
