import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { Deck } from '../deck/index.js';
import type { DialectName } from './dialects/index.js';
import { parseDeckWithDialect, type DialectDeck, type IncludeReader, type ParseDeckOptions, type SourceReader } from './parse-deck.js';
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
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'EUNKNOWN';
}

/** Why a file could not be read, in words, e.g. `no such file`. */
function describe(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read (${errorCode(error)})`;
  }
}

/** Reads a text file; throws a message (not a Node error) when that is impossible. */
function readText(path: string): string {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new Error(describe(error));
  }
  if (isDirectory) throw new Error('is a directory');
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(describe(error));
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
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
  /** The deck file and every file it included, as read. */
  files: string[];
}

/** Reads and parses a deck file like `loadDeck`, and reports the dialect it was read as. */
export function loadDeckWithDialect(path: string, options: LoadDeckOptions = {}): LoadedDeck {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    throw new ParseError(`${path}: ${(error as Error).message}`, path);
  }
  const root = realOrResolved(dirname(path));
  const files = [resolve(path)];
  const readInclude: IncludeReader = (includePath, fromFile) => {
    const target = normalize(isAbsolute(includePath) ? includePath : join(dirname(fromFile), includePath));
    if (!options.allowOutside && !isInside(root, realOrResolved(target))) {
      return { error: `cannot include "${includePath}": it is outside the deck's folder` };
    }
    try {
      const included = { file: target, text: readText(target) };
      files.push(resolve(target));
      return included;
    } catch (error) {
      return { error: `cannot include "${includePath}": ${(error as Error).message} (${target})` };
    }
  };
  const readSource: SourceReader = (sourcePath) => {
    const target = isAbsolute(sourcePath) ? sourcePath : join(dirname(path), sourcePath);
    try {
      return { text: readText(target) };
    } catch (error) {
      return { error: `${(error as Error).message} (${normalize(target)})` };
    }
  };
  const deckOptions: ParseDeckOptions = { file: path, readInclude };
  if (options.checkSources === true) deckOptions.readSource = readSource;
  if (options.incrementalLists !== undefined) deckOptions.incrementalLists = options.incrementalLists;
  if (options.dialect !== undefined) deckOptions.dialect = options.dialect;
  return { ...parseDeckWithDialect(text, deckOptions), files };
}
