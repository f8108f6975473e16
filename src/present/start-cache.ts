import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { READ_LIMITS, readRegularFile, readRegularText, writeFileSafe } from '../io/index.js';
import { isSafePainted } from '../text/index.js';
import type { KeptDeck } from './deck-schema.js';

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

/** How long before a launch a file must have been last written for what was read of it to be kept. */
const SETTLE_MS = 1000;

/** Entries kept before the oldest are dropped. */
const MAX_ENTRIES = 200;

/** An entry larger than this is not written: 32 MB holds a 5,000-slide deck several times over. */
export const MAX_ENTRY_BYTES = READ_LIMITS.cache;

declare const __TALKDECK_BUILD__: string | undefined;
/** Changes with every change of talkdeck's code, themes or dependencies (set by the build). */
const BUILD = typeof __TALKDECK_BUILD__ === 'string' ? __TALKDECK_BUILD__ : 'source';

/**
 * Where things are kept: `TALKDECK_CACHE_DIR`, else `$XDG_CACHE_HOME/talkdeck`, else
 * `~/.cache/talkdeck`. Null (no cache) when `TALKDECK_CACHE` is `off`, `0` or `false`, and when the
 * folder is not the user's own: entries from a folder others can write to are never trusted.
 */
export function startCacheDir(env: Record<string, string | undefined>): string | null {
  const switchedOff = (env.TALKDECK_CACHE ?? '').trim().toLowerCase();
  if (switchedOff === 'off' || switchedOff === '0' || switchedOff === 'false') return null;
  const dir = env.TALKDECK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'talkdeck');
  return isPrivate(dir) ? dir : null;
}

/**
 * A folder that is missing (it will be made private) or a real folder of this user's that only
 * they can write to; with `mustExist`, a missing folder is not private.
 */
function isPrivate(dir: string, mustExist = false): boolean {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch {
    return !mustExist;
  }
  if (!stat.isDirectory()) return false;
  const uid = process.getuid?.();
  return (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
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
 * hyperlinks (text/sanitize.ts's rule). Anything else means the entry is not ours, and it is never
 * written to the terminal.
 */
export function isSafeFrame(frame: string): boolean {
  return !frame.includes('\t') && isSafePainted(frame);
}

/**
 * The value kept for `key`, if every file it was made from is unchanged; else undefined, and
 * `onStale` hears the value of an entry whose files changed since (untrusted, like any entry).
 */
function readCached(dir: string, kind: Kind, key: CacheKey, onStale?: (value: unknown) => void): unknown {
  let entry: Entry;
  try {
    // Through io/'s reader: a regular file of the cache's own (never through a link), within the
    // cap the cache writes by.
    entry = JSON.parse(readRegularText(entryPath(dir, kind, key), 'cache', { noFollow: true })) as Entry;
  } catch {
    return undefined;
  }
  if (!entry || !Array.isArray(entry.files) || entry.files.length === 0) return undefined;
  for (const file of entry.files) {
    if (!Array.isArray(file) || typeof file[0] !== 'string' || typeof file[1] !== 'string') return undefined;
    try {
      // Through io/'s reader: only regular files, within a deck's size limit (the largest of the
      // kinds kept), so a FIFO, a device or a huge file named in an entry cannot hang or flood the start.
      if (sha256(readRegularFile(file[0], 'deck')) !== file[1]) {
        onStale?.(entry.value);
        return undefined;
      }
    } catch {
      onStale?.(entry.value);
      return undefined;
    }
  }
  return entry.value;
}

/**
 * Keeps `value` for `key`, made from `files`, as they were when the launch began (`startedAt`, a
 * Date.now() time): a file changed since, or just before (within `SETTLE_MS`, for file systems
 * that keep coarse times), may have been read half-written, so nothing is kept that time. Best
 * effort: a cache that cannot be written (read-only home, full disk) costs the next start its head
 * start and nothing else.
 */
function writeCached(dir: string, kind: Kind, key: CacheKey, value: unknown, files: readonly string[], startedAt: number, alsoRead: readonly string[] = []): void {
  try {
    for (const file of alsoRead) {
      if (statSync(file).mtimeMs > startedAt - SETTLE_MS) return;
    }
    const entryFiles: Array<[string, string]> = [];
    for (const file of new Set(files)) {
      const stat = statSync(file);
      if (!stat.isFile() || stat.mtimeMs > startedAt - SETTLE_MS) return;
      entryFiles.push([file, sha256(readRegularFile(file, 'deck'))]);
    }
    const text = JSON.stringify({ files: entryFiles, value } satisfies Entry);
    if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return;
    // Checked at every write, not only at start: the folder may have changed hands since.
    if (!isPrivate(dir)) return;
    mkdirSync(join(dir, kind), { recursive: true, mode: 0o700 });
    if (!isPrivate(join(dir, kind), true)) return;
    writeFileSafe(entryPath(dir, kind, key), text, { mode: 0o600 });
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

/**
 * Keeps a painted first frame for `key`, made from `files` (checked by content at every read)
 * and `alsoRead` (files the key itself stands for: only checked not to have been written during
 * the launch or just before it).
 */
export function writeCachedFrame(dir: string, key: FrameKey, frame: string, files: readonly string[], startedAt: number, alsoRead: readonly string[] = []): void {
  if (isSafeFrame(frame)) writeCached(dir, 'frames', key, frame, files, startedAt, alsoRead);
}

/**
 * A parsed deck kept for `key` (how it was named, options), if its files are unchanged and
 * `validate` (deck-schema.ts's asKeptDeck, loaded once the first frame is up) finds a deck's
 * shape; else undefined. When its files changed, `onStale` hears the entry's value: its unchanged
 * slides may still be taken (deck-schema.ts's keptSlides checks them).
 */
export function readCachedDeck(dir: string, key: CacheKey, validate: (value: unknown) => KeptDeck | undefined, onStale?: (value: unknown) => void): KeptDeck | undefined {
  const value = readCached(dir, 'decks', key, onStale);
  return value === undefined ? undefined : validate(value);
}

/** Keeps a parsed deck for `key`, made from `files`. */
export function writeCachedDeck(dir: string, key: CacheKey, deck: KeptDeck, files: readonly string[], startedAt: number): void {
  writeCached(dir, 'decks', key, deck, files, startedAt);
}

/** Drops the least recently written entries beyond MAX_ENTRIES. */
function prune(dir: string): void {
  const all = readdirSync(dir);
  // Temporary files of writes that a killed process never finished.
  for (const name of all.filter((entry) => entry.endsWith('.tmp'))) {
    try {
      if (statSync(join(dir, name)).mtimeMs < Date.now() - 3_600_000) rmSync(join(dir, name), { force: true });
    } catch {
      // Gone already.
    }
  }
  const names = all.filter((name) => name.endsWith('.json'));
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
