import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { ReadError } from './read-error.js';

/** What a file is read as: each kind has its own size limit and its own words in messages. */
export type ReadKind = 'deck' | 'article' | 'include' | 'source' | 'theme' | 'image' | 'log' | 'cache';

const MB = 1024 * 1024;

/**
 * The largest file of each kind talkdeck reads, in bytes. A deck of tens of megabytes is fine (the
 * parser reads 5,000 slides in well under a second); past these limits a file is refused with a
 * message that says the limit, rather than filling the memory.
 */
export const READ_LIMITS: Readonly<Record<ReadKind, number>> = {
  deck: 64 * MB,
  article: 64 * MB,
  include: 64 * MB,
  source: 64 * MB,
  theme: 1 * MB,
  image: 10 * MB,
  log: 32 * MB,
  cache: 32 * MB,
};

/** The kind of file in words, for messages: `the limit for a deck is 64 MB`. */
export const KIND_NAMES: Readonly<Record<ReadKind, string>> = {
  deck: 'a deck',
  article: 'an article',
  include: 'an included file',
  source: 'a cited file',
  theme: 'a theme file',
  image: 'an image',
  log: 'a rehearsal log',
  cache: 'a start-cache entry',
};

export interface ReadFileOptions {
  /** The path as the user knows it, for messages (default: `path`). */
  shown?: string;
  /** Refuse a symbolic link as the last part of the path (`O_NOFOLLOW`). */
  noFollow?: boolean;
  /** Called with the opened file's real path; throwing refuses it (e.g. outside the deck's folder). */
  check?: (realPath: string) => void;
}

/** `1.5 MB`, `640 KB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** What a file that is not a regular file is, in words. */
function fileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(shown: string, kind: ReadKind, stats: Stats): ReadError {
  if (stats.isDirectory()) {
    const hint = kind === 'image' ? 'give an image file instead' : kind === 'theme' ? 'give a .yaml or .json file' : kind === 'article' ? 'give the article files inside it' : 'give a Markdown file instead';
    return new ReadError(shown, 'EISDIR', 'is a directory, not a file', hint);
  }
  return new ReadError(shown, 'NOT_REGULAR', `is ${fileType(stats)}, not a regular file`, 'talkdeck reads only regular files: give one instead');
}

export function tooBig(shown: string, kind: ReadKind, size: number | null): ReadError {
  const limit = READ_LIMITS[kind];
  const what = size === null || formatBytes(size) === formatBytes(limit) ? `is over ${formatBytes(limit)}` : `is ${formatBytes(size)}`;
  const hint = kind === 'deck' || kind === 'include' ? 'split it into smaller files (see `<!-- include: -->`)' : kind === 'image' ? 'make the image smaller' : 'use a smaller file';
  return new ReadError(shown, 'TOO_BIG', `${what}; the limit for ${KIND_NAMES[kind]} is ${formatBytes(limit)}`, hint);
}

/** A Node error from reading `shown` as a ReadError that says what is wrong and how to fix it. */
export function readErrorFrom(error: unknown, shown: string, kind: ReadKind): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ReadError(shown, code, 'no such file', kind === 'source' || kind === 'image' ? 'check the path (relative to the deck) and its spelling' : 'check the path and its spelling', { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new ReadError(shown, code, 'permission denied', 'make it readable, e.g. with chmod +r', { cause: error });
    case 'ELOOP':
      return new ReadError(shown, code, kind === 'log' ? 'is a symbolic link' : 'is a symbolic link that leads back to itself', kind === 'log' ? 'remove the link: talkdeck writes its own files only as regular files' : 'point the link at a real file', { cause: error });
    case 'ENAMETOOLONG':
      return new ReadError(shown, code, 'the path is too long', 'give a shorter path', { cause: error });
    default:
      return new ReadError(shown, code, `cannot be read (${code})`, 'check that it is a readable file on a working disk', { cause: error });
  }
}

/** The real path of an open file descriptor, where the system says (Linux's /proc); null elsewhere. */
function openedPath(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/**
 * Reads a regular file, whole, up to the size limit of its kind. A named pipe, a device, a socket or
 * a directory is refused before it is opened, and again after (it may have been swapped in between):
 * opening uses `O_NONBLOCK`, so even a pipe swapped in never hangs the read, and the bytes read never
 * exceed the limit by more than one, so `/dev/zero`-like files cannot fill the memory.
 * Throws ReadError.
 */
export function readRegularFile(path: string, kind: ReadKind, options: ReadFileOptions = {}): Buffer {
  const shown = options.shown ?? path;
  const limit = READ_LIMITS[kind];
  let fd: number | null = null;
  try {
    const before = statSync(path);
    if (!before.isFile()) throw notRegular(shown, kind, before);
    if (before.size > limit) throw tooBig(shown, kind, before.size);
    const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | (options.noFollow ? constants.O_NOFOLLOW : 0);
    fd = openSync(path, flags);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(shown, kind, stats);
    if (stats.size > limit) throw tooBig(shown, kind, stats.size);
    if (options.check) {
      const real = openedPath(fd);
      if (real !== null) options.check(real);
    }
    // One byte more than the limit tells a file that grew past it since fstat.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stats.size + 1, 4096)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw tooBig(shown, kind, null);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) throw tooBig(shown, kind, null);
    return buffer.subarray(0, length);
  } catch (error) {
    throw readErrorFrom(error, shown, kind);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Reads a regular text file as UTF-8, like readRegularFile. */
export function readRegularText(path: string, kind: ReadKind, options: ReadFileOptions = {}): string {
  return readRegularFile(path, kind, options).toString('utf8');
}
