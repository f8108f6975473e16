import { readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { openDeckFolder, readRegularText, ReadError } from '../io/index.js';
import { editDistance } from '../text/index.js';
import type { Deck } from '../deck/index.js';
import type { DialectName } from './dialects/index.js';
import { parseDeckWithDialect, type DialectDeck, type IncludeReader, type KeptSlides, type ParseDeckOptions, type SourceReader } from './parse-deck.js';
import { ParseError } from './parse-error.js';

export interface LoadDeckOptions {
  /** Allow `<!-- include: -->` to read files outside the deck's folder. */
  allowOutside?: boolean;
  /** Overrides the front matter's `incremental_lists` default. */
  incrementalLists?: boolean;
  /**
   * Also check `<!-- source: -->` references against the cited articles (default false: the
   * `check` command has its own, richer check). The fingerprint is always checked.
   */
  checkSources?: boolean;
  /** The presenter the deck was written for; `auto` (the default) detects it. */
  dialect?: DialectName | 'auto';
  /** Build only the first slide and count the rest (see ParseDeckOptions.headOnly). */
  headOnly?: boolean;
  /** The deck file's text, already read (e.g. by an edit that must parse exactly what it rewrites). */
  text?: string;
  /** Give each slide's key, for a later parse to reuse (see ParseDeckOptions.keySlides). */
  keySlides?: boolean;
  /** Slides of an earlier parse of this deck, by key (see ParseDeckOptions.reuse). */
  reuse?: KeptSlides;
}

/** What a file that could not be read is for: the fix suggested depends on it. */
type FileRole = 'deck' | 'include' | 'source';

/** A file that cannot be read: what is wrong (`reason`) and what to do about it (`fix`). */
class ReadProblem extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}; ${fix}`);
  }
}

/** A file in `path`'s folder whose name is close to the missing one's, written like `shown`. */
function nearbyName(path: string, shown: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dirname(path)).filter((name) => !name.startsWith('.'));
  } catch {
    return null;
  }
  // Stricter than for directive names: a file name is long, and a wrong guess sends the user astray.
  const wanted = basename(path).toLowerCase();
  const limit = Math.min(2, Math.max(1, Math.floor(wanted.length / 4)));
  const near = names
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .filter((candidate) => candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))[0]?.name;
  if (near === undefined) return null;
  return shown.includes('/') || shown.includes(sep) ? join(dirname(shown), near) : near;
}

/** The first Markdown file directly inside `dir`, written like `shown`: for a directory given where a file was wanted. */
function markdownIn(dir: string, shown: string): string | null {
  try {
    const name = readdirSync(dir)
      .filter((entry) => /\.(md|markdown)$/iu.test(entry))
      .sort()[0];
    return name === undefined ? null : join(shown, name);
  } catch {
    return null;
  }
}

/**
 * Why a file could not be read, in words, e.g. `no such file`, with a fix. `shown` is the path as
 * the user wrote it (an include's as written in the deck), for the names suggested.
 */
function describe(error: unknown, path: string, role: FileRole, shown: string): ReadProblem {
  if (!(error instanceof ReadError)) return new ReadProblem((error as Error)?.message ?? String(error), 'check the path');
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR': {
      const near = nearbyName(path, shown);
      if (near !== null) return new ReadProblem('no such file', `did you mean "${near}"?`);
      if (role === 'include') return new ReadProblem('no such file', "check the path: it is relative to the file that includes it");
      if (role === 'deck' && !/[./\\]/u.test(shown)) {
        return new ReadProblem('no such file', 'check the path, or run `talkdeck --help` to see the commands');
      }
      return new ReadProblem('no such file', 'check the path and its spelling');
    }
    case 'EISDIR': {
      const inside = markdownIn(path, shown);
      return new ReadProblem('is a directory', inside === null ? 'give a Markdown file instead' : `give a Markdown file instead, e.g. "${inside}"`);
    }
    default:
      return new ReadProblem(error.message, error.hint ?? 'check the path');
  }
}

/**
 * Reads and parses a deck file. BOM and CRLF line ends are fine. Includes are read relative to
 * the including file; one that leaves the deck's folder is a diagnostic unless `allowOutside`.
 * Throws ParseError only when the deck file itself cannot be read.
 */
export function loadDeck(path: string, options: LoadDeckOptions = {}): Deck {
  return loadDeckWithDialect(path, options).deck;
}

/** A deck read from disk, with the dialect it was read as and the files it was made from. */
export interface LoadedDeck extends DialectDeck {
  /** The deck file and every file it included or tried to include. */
  files: string[];
  /** The deck file's text as it was read and parsed: what an edit of the file starts from. */
  text: string;
}

/** Reads and parses a deck file like `loadDeck`, and reports the dialect it was read as. */
export function loadDeckWithDialect(path: string, options: LoadDeckOptions = {}): LoadedDeck {
  let text: string;
  try {
    text = options.text ?? readRegularText(path, 'deck');
  } catch (error) {
    const problem = describe(error, path, 'deck', path);
    throw new ParseError({ file: path }, problem.reason, problem.fix, { cause: error });
  }
  // Everything the deck names is read through its folder: links resolved, kept inside unless allowed.
  const folder = openDeckFolder(dirname(path), { allowOutside: options.allowOutside });
  const files = [resolve(path)];
  const readInclude: IncludeReader = (includePath, fromFile) => {
    const target = normalize(isAbsolute(includePath) ? includePath : join(dirname(fromFile), includePath));
    if (!folder.contains(resolve(target))) {
      return { error: `cannot include "${includePath}": it is outside the deck's folder; move it into that folder, or pass --allow-outside to present or check if you trust this deck` };
    }
    // Listed even when it cannot be read: a cache of this deck must notice when it can.
    files.push(resolve(target));
    try {
      return { file: target, text: folder.readText(resolve(target), 'include', includePath) };
    } catch (error) {
      if (error instanceof ReadError && error.code === 'OUTSIDE') {
        return { error: `cannot include "${includePath}": it is outside the deck's folder; move it into that folder, or pass --allow-outside to present or check if you trust this deck` };
      }
      const problem = describe(error, target, 'include', includePath);
      return { error: `cannot include "${includePath}": ${problem.reason} (${target}); ${problem.fix}` };
    }
  };
  const readSource: SourceReader = (sourcePath) => {
    const target = isAbsolute(sourcePath) ? sourcePath : join(dirname(path), sourcePath);
    try {
      return { text: folder.readText(resolve(target), 'source', sourcePath) };
    } catch (error) {
      const reason = error instanceof ReadError ? (error.code === 'OUTSIDE' ? "it is outside the deck's folder" : error.message) : (error as Error).message;
      return { error: `${reason} (${normalize(target)})` };
    }
  };
  const deckOptions: ParseDeckOptions = { file: path, readInclude };
  if (options.checkSources === true) deckOptions.readSource = readSource;
  if (options.incrementalLists !== undefined) deckOptions.incrementalLists = options.incrementalLists;
  if (options.dialect !== undefined) deckOptions.dialect = options.dialect;
  if (options.headOnly) deckOptions.headOnly = true;
  if (options.keySlides) deckOptions.keySlides = true;
  if (options.reuse) deckOptions.reuse = options.reuse;
  return { ...parseDeckWithDialect(text, deckOptions), files, text };
}
