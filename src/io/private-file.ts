import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReadError } from './read-error.js';
import { readErrorFrom, readRegularFile } from './read-file.js';
import { WriteError } from './write-error.js';
import { writeErrorFrom } from './write-file.js';

/**
 * Files talkdeck keeps for itself (the rehearsal log in `.talkdeck/` beside a deck) live in a
 * private folder: a real folder, not a link, owned by the user and writable by nobody else. A
 * deck's folder may come from someone else, and what is appended to a link to `~/.bashrc` would run
 * in the next shell; so the folder is checked on every open, and the file in it is opened without
 * following links (`O_NOFOLLOW`), through the folder's checked descriptor.
 */

export interface PrivateFileOptions {
  /** The path as the user knows it, for messages (default: `path`). */
  shown?: string;
}

function uid(): number | undefined {
  return process.getuid?.();
}

/** What is wrong with a private folder's lstat, or null when it is fine. */
function folderProblem(stats: Stats): { message: string; hint: string } | null {
  const fix = 'remove it (talkdeck makes a fresh one)';
  if (stats.isSymbolicLink()) return { message: 'is a symbolic link, not a folder of yours', hint: fix };
  if (!stats.isDirectory()) return { message: 'is not a folder', hint: fix };
  const me = uid();
  if (me !== undefined && stats.uid !== me) return { message: `belongs to another user (uid ${stats.uid})`, hint: `${fix}, or run talkdeck as that user` };
  if ((stats.mode & 0o022) !== 0) return { message: 'can be written by other users', hint: 'make it yours alone: chmod go-w on it' };
  return null;
}

/** What is wrong with a private file's fstat, or null when it is fine. */
function fileProblem(stats: Stats): { message: string; hint: string } | null {
  if (!stats.isFile()) return { message: 'is not a regular file', hint: 'remove it (talkdeck makes a fresh one)' };
  const me = uid();
  if (me !== undefined && stats.uid !== me) return { message: `belongs to another user (uid ${stats.uid})`, hint: 'remove it, or run talkdeck as that user' };
  if (stats.nlink > 1) return { message: 'has other names (hard links)', hint: 'remove it (talkdeck makes a fresh one)' };
  return null;
}

/**
 * Makes sure `folder` is a private folder of the user's, creating it (mode 0700, its parents as
 * usual) when missing.
 * Throws WriteError (code `NOT_PRIVATE`) naming what is wrong with it.
 */
export function ensurePrivateFolder(folder: string, shown = folder): void {
  try {
    mkdirSync(dirname(folder), { recursive: true });
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeErrorFrom(error, shown, 'nothing was written');
  }
  const problem = folderProblem(lstatSync(folder));
  if (problem) throw new WriteError(shown, 'NOT_PRIVATE', problem.message, problem.hint);
}

/** Opens the checked folder and returns a path to `name` in it that cannot be redirected by a rename. */
function openFolder(folder: string, make: (stats: Stats) => Error): { fd: number; path: (name: string) => string } {
  const fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  try {
    const stats = fstatSync(fd);
    const problem = folderProblem(stats);
    if (problem) throw make(stats);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  // Linux names an open folder /proc/self/fd/N: a path through it reaches this very folder even if
  // it was renamed and replaced by a link since it was checked. Elsewhere, the checked path.
  const viaDescriptor = existsSync(`/proc/self/fd/${fd}`);
  return { fd, path: (name) => (viaDescriptor ? `/proc/self/fd/${fd}/${name}` : join(folder, name)) };
}

/**
 * Opens a private file for appending (and reading, to look at its end), creating it with mode 0600
 * in a private folder (created too). Returns the descriptor; the caller closes it. Throws
 * WriteError when the folder or the file is not private, or cannot be opened.
 */
export function openPrivateAppend(path: string, options: PrivateFileOptions = {}): number {
  const shown = options.shown ?? path;
  const folder = dirname(path);
  const shownFolder = dirname(shown);
  ensurePrivateFolder(folder, shownFolder);
  let dir: { fd: number; path: (name: string) => string } | null = null;
  try {
    dir = openFolder(folder, (stats) => new WriteError(shownFolder, 'NOT_PRIVATE', folderProblem(stats)?.message ?? 'is not private', 'remove it (talkdeck makes a fresh one)'));
    const fd = openSync(dir.path(basename(path)), constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY, 0o600);
    const problem = fileProblem(fstatSync(fd));
    if (problem) {
      closeSync(fd);
      throw new WriteError(shown, 'NOT_PRIVATE', problem.message, problem.hint);
    }
    return fd;
  } catch (error) {
    if (error instanceof WriteError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new WriteError(shown, 'NOT_PRIVATE', 'is a symbolic link', 'remove the link: talkdeck writes its own files only as regular files', { cause: error });
    }
    throw writeErrorFrom(error, shown, 'nothing was written');
  } finally {
    if (dir !== null) closeSync(dir.fd);
  }
}

/**
 * Reads a private file as UTF-8 text, or null when it does not exist (nor its folder). The folder
 * must be private, and the file a regular file reached without following links.
 * Throws ReadError otherwise.
 */
export function readPrivateText(path: string, options: PrivateFileOptions = {}): string | null {
  const shown = options.shown ?? path;
  const folder = dirname(path);
  const shownFolder = dirname(shown);
  let stats: Stats;
  try {
    stats = lstatSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw readErrorFrom(error, shownFolder, 'log');
  }
  const problem = folderProblem(stats);
  if (problem) throw new ReadError(shownFolder, 'NOT_PRIVATE', problem.message, problem.hint);
  let dir: { fd: number; path: (name: string) => string } | null = null;
  try {
    dir = openFolder(folder, (s) => new ReadError(shownFolder, 'NOT_PRIVATE', folderProblem(s)?.message ?? 'is not private', 'remove it (talkdeck makes a fresh one)'));
    const file = dir.path(basename(path));
    let fileStats: Stats;
    try {
      fileStats = lstatSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (fileStats.isSymbolicLink()) throw new ReadError(shown, 'ELOOP', 'is a symbolic link', 'remove the link: talkdeck keeps its own files only as regular files');
    return readRegularFile(file, 'log', { shown, noFollow: true }).toString('utf8');
  } catch (error) {
    throw readErrorFrom(error, shown, 'log');
  } finally {
    if (dir !== null) closeSync(dir.fd);
  }
}
