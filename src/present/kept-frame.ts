import supportsHyperlinks from 'supports-hyperlinks';
import { detectColorLevel, type ColorLevel } from '../theme/color-level.js';
import { enterEarlyScreen, type EarlyScreen } from './early-screen.js';
import { readCachedFrame, startCacheDir, type FrameKey } from './start-cache.js';
import { detectBackground, type Background } from './terminal-background.js';

/**
 * The first frame of `talkdeck DECK` from the start cache, painted by the command line's entry
 * before commander, the commands and the deck are loaded. This file and what it imports statically
 * are bundled into the entry itself (scripts/build.mjs), with no chunk to read and link before the
 * frame: keep its imports few and free of dynamic imports. launch.ts takes the frame over.
 */

/** The terminal a full-screen command runs in, as far as the first frame needs it. */
export interface EntryIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The deck split into slides without the Markdown parser: the key of its first slide, and the files read (DeckSource.outline). */
export interface OutlineKey {
  key: string;
  files: string[];
}

/**
 * What the entry did before the command line was loaded: the frame it painted, the background it
 * asked for the key, and the deck's outline when it made one (for the key `base`).
 */
export interface EntryStart {
  kept: KeptStart | null;
  background?: Background | null;
  outline?: { base: FrameKey; made: OutlineKey | null };
}

/**
 * The first frame of `talkdeck DECK`, painted from the start cache by the command line's entry
 * before commander and the commands are loaded; launchPresenter takes it over when the key it
 * works out is the same, and gives the terminal back otherwise.
 */
export interface KeptStart {
  readonly key: FrameKey;
  /** Kept under the key of the deck's outline (a later slide was edited): the outline, and the frame painted. */
  readonly outline?: { made: OutlineKey; frame: string };
  readonly early: EarlyScreen;
  /** When it was painted (performance.now()). */
  readonly paintedAt: number;
  /** Hands the early screen to the presenter; null when it was given back already. */
  take(): EarlyScreen | null;
  /** Gives the terminal back unless the presenter took the screen over. */
  release(): void;
}

export function isTerminal(io: Pick<EntryIo, 'stdin' | 'stdout'>): boolean {
  return Boolean(io.stdout.isTTY && io.stdin.isTTY);
}

/** Whether the presenter may make OSC 8 links in this terminal. */
export function hyperlinksIn(env: EntryIo['env']): boolean {
  return supportsHyperlinks.stdout !== false && env.TALKDECK_HYPERLINKS !== '0';
}

/**
 * The terminal's background, when it can choose the theme: a terminal, colours on, and no theme
 * asked for on the command line (a deck's own theme still wins over it later).
 */
export async function screenBackground(io: Pick<EntryIo, 'stdin' | 'stdout' | 'env'>, level: ColorLevel, theme: string | undefined): Promise<Background | null> {
  if (theme || level === 0 || !isTerminal(io)) return null;
  return detectBackground(io.stdin, io.stdout, io.env);
}

/** The start cache's key of the first frame of the deck at `deckPath` in this terminal. */
export function frameKeyOf(deckPath: string, keyOptions: Record<string, string | boolean | null>, background: Background | null, io: Pick<EntryIo, 'stdout' | 'env' | 'cwd'>, hyperlinks: boolean): FrameKey {
  return {
    deckPath,
    command: 'present',
    options: { ...keyOptions, background },
    cwd: io.cwd,
    columns: io.stdout.columns || 80,
    rows: io.stdout.rows || 24,
    colorLevel: detectColorLevel(io.env, true),
    hyperlinks,
  };
}

/**
 * Paints the first frame of presenting the deck at `deckPath` (absolute) with `keyOptions`, when
 * the start cache holds it for this terminal and nothing it was made from changed; else, after
 * an edit of a later slide, when it holds it under the key of the deck's `outline` (made without
 * the Markdown parser, handed in by the command line). Called by the command line's entry before
 * the rest of talkdeck is loaded: the speaker sees the slide while commander, the commands and
 * the deck are read behind it.
 */
export async function paintKeptFrame(deckPath: string, keyOptions: Record<string, string | boolean | null>, io: EntryIo, outline?: () => Promise<OutlineKey | null>): Promise<EntryStart> {
  if (!isTerminal(io)) return { kept: null };
  const cacheDir = startCacheDir(io.env);
  if (cacheDir === null) return { kept: null };
  // The background chooses the theme when none is asked for, so it is part of the key: asked here
  // once, and handed to the presenter whether or not a frame was kept.
  const level = detectColorLevel(io.env, true);
  const theme = typeof keyOptions.theme === 'string' ? keyOptions.theme : undefined;
  const asked = screenBackground(io, level, theme);
  // While the terminal answers (the question is out already), the frame is read for each answer
  // it may give: reading and checking an entry takes about as long as the round trip.
  const hyperlinks = hyperlinksIn(io.env);
  const candidates = new Map<Background | null, { key: FrameKey; frame: string | null }>();
  const answers = theme || level === 0 ? ([null] as const) : ([null, 'dark', 'light'] as const);
  for (const answer of answers) {
    const key = frameKeyOf(deckPath, keyOptions, answer, io, hyperlinks);
    candidates.set(answer, { key, frame: readCachedFrame(cacheDir, key) });
  }
  const background = await asked;
  let { key, frame } = candidates.get(background)!;
  let byOutline: KeptStart['outline'];
  let made: EntryStart['outline'];
  if (frame === null && outline) {
    const base = key;
    made = { base, made: await outline() };
    if (made.made !== null) {
      key = { ...base, outline: made.made.key };
      frame = readCachedFrame(cacheDir, key);
      if (frame !== null) byOutline = { made: made.made, frame };
    }
  }
  if (frame === null) return { kept: null, background, outline: made };
  const early = enterEarlyScreen(io.stdin, io.stdout, frame);
  const paintedAt = performance.now();
  let state: 'painted' | 'taken' | 'released' = 'painted';
  const kept: KeptStart = {
    key,
    outline: byOutline,
    early,
    paintedAt,
    take: () => {
      if (state !== 'painted') return null;
      state = 'taken';
      return early;
    },
    release: () => {
      if (state !== 'painted') return;
      state = 'released';
      early.restore();
      early.dispose();
    },
  };
  return { kept, background, outline: made };
}
