import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/**
 * What a launch can keep for the next one: the first frame of a deck, and the parsed deck.
 *
 * What a speaker waits for at `talkdeck present` is the first slide. Drawing it cold means loading
 * the Markdown and YAML parsers, parsing the whole deck and laying the slide out, several times
 * the cost of starting Node. But a deck is presented again and again unchanged (rehearsals, then
 * the talk), so the painted frame is kept, keyed by everything that shapes it: the files read to
 * make it (deck, includes, theme files) by content hash, and the terminal's size, colour depth and
 * hyperlink support, the options, the working folder and the build of talkdeck. On the next launch
 * the frame is painted straight from the cache while the deck is read behind it, and the parsed
 * deck is kept the same way (a 5,000-slide deck parses in about half a second, and reads back from
 * JSON in a tenth of that). Any change to any input is a miss, and a miss is only the cold start.
 */

/** Everything besides file contents that shapes what is kept. */
export type CacheKey = Record<string, string | number | boolean | null | Record<string, string | number | boolean | null>>;

/** Everything besides file contents that shapes the first frame. */
export interface FrameKey extends CacheKey {
  /** Absolute path of the deck. */
  deckPath: string;
  /** The command, and the options of it that change the picture. */
  command: string;
  options: Record<string, string | boolean | null>;
  cwd: string;
  columns: number;
  rows: number;
  colorLevel: number;
  hyperlinks: boolean;
}

type Kind = 'frames' | 'decks';

interface Entry {
  /** Absolute path and SHA-256 of each file the value was made from. */
  files: Array<[string, string]>;
  value: unknown;
}

/** Entries kept before the oldest are dropped. */
const MAX_ENTRIES = 200;

declare const __TALKDECK_BUILD__: string | undefined;
/** Changes with every change of talkdeck's code, themes or dependencies (set by the build). */
const BUILD = typeof __TALKDECK_BUILD__ === 'string' ? __TALKDECK_BUILD__ : 'source';

/**
 * Where things are kept: `TALKDECK_CACHE_DIR`, else `$XDG_CACHE_HOME/talkdeck`, else
 * `~/.cache/talkdeck`. Null (no cache) when `TALKDECK_CACHE` is `off`, `0` or `false`.
 */
export function startCacheDir(env: Record<string, string | undefined>): string | null {
  const switchedOff = (env.TALKDECK_CACHE ?? '').trim().toLowerCase();
  if (switchedOff === 'off' || switchedOff === '0' || switchedOff === 'false') return null;
  if (env.TALKDECK_CACHE_DIR) return env.TALKDECK_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'talkdeck');
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function entryPath(dir: string, kind: Kind, key: CacheKey): string {
  const identity = JSON.stringify({ build: BUILD, node: process.versions.node, icu: process.versions.icu ?? '', kind, ...key });
  return join(dir, kind, `${sha256(identity).slice(0, 32)}.json`);
}

/**
 * A painted frame may hold only printable text, line breaks, SGR colour sequences and OSC 8
 * hyperlinks. Anything else means the entry is not ours, and it is never written to the terminal.
 */
const ALLOWED_SEQUENCES = /\u001b\[[0-9;:]*m|\u001b\]8;;[\u0021-\u007e]*\u001b\\/gu;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

export function isSafeFrame(frame: string): boolean {
  return !CONTROL.test(frame.replace(ALLOWED_SEQUENCES, ''));
}

/** The value kept for `key`, if every file it was made from is unchanged; else undefined. */
function readCached(dir: string, kind: Kind, key: CacheKey): unknown {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(dir, kind, key), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (!entry || !Array.isArray(entry.files) || entry.files.length === 0) return undefined;
  for (const file of entry.files) {
    if (!Array.isArray(file) || typeof file[0] !== 'string' || typeof file[1] !== 'string') return undefined;
    try {
      if (sha256(readFileSync(file[0])) !== file[1]) return undefined;
    } catch {
      return undefined;
    }
  }
  return entry.value;
}

/**
 * Keeps `value` for `key`, made from `files`. Best effort: a cache that cannot be written
 * (read-only home, full disk) costs the next start its head start and nothing else.
 */
function writeCached(dir: string, kind: Kind, key: CacheKey, value: unknown, files: readonly string[]): void {
  try {
    const entry: Entry = { files: [...new Set(files)].map((file) => [file, sha256(readFileSync(file))]), value };
    mkdirSync(join(dir, kind), { recursive: true, mode: 0o700 });
    writeFileAtomic(entryPath(dir, kind, key), JSON.stringify(entry), { mode: 0o600 });
    prune(join(dir, kind));
  } catch {
    // Best effort, see above.
  }
}

/** The frame painted for `key` last time, if every file it was made from is unchanged; else null. */
export function readCachedFrame(dir: string, key: FrameKey): string | null {
  const frame = readCached(dir, 'frames', key);
  return typeof frame === 'string' && isSafeFrame(frame) ? frame : null;
}

/** Keeps a painted first frame for `key`, made from `files`. */
export function writeCachedFrame(dir: string, key: FrameKey, frame: string, files: readonly string[]): void {
  if (isSafeFrame(frame)) writeCached(dir, 'frames', key, frame, files);
}

/** A parsed deck kept for `key` (how it was named, options), if its files are unchanged; else undefined. */
export function readCachedDeck<T>(dir: string, key: CacheKey): T | undefined {
  return readCached(dir, 'decks', key) as T | undefined;
}

/** Keeps a parsed deck (plain data) for `key`, made from `files`. */
export function writeCachedDeck(dir: string, key: CacheKey, deck: unknown, files: readonly string[]): void {
  writeCached(dir, 'decks', key, deck, files);
}

/** Drops the least recently written entries beyond MAX_ENTRIES. */
function prune(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= MAX_ENTRIES) return;
  const aged = names
    .map((name) => {
      try {
        return { name, mtimeMs: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, mtimeMs: 0 };
      }
    })
    .sort((a, b) => a.mtimeMs - b.mtimeMs);
  for (const { name } of aged.slice(0, names.length - MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
