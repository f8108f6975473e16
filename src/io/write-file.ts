import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WriteError } from './write-error.js';

export interface WriteFileOptions {
  /** The path as the user knows it, for messages (default: `path`). */
  shown?: string;
  /** The written file's mode; default: the existing file's, else 0666 less the umask. */
  mode?: number;
  /**
   * The file's content as it was read before the new content was computed from it. Just before
   * the new file takes its place the file is read again; if it changed (someone saved it in the
   * meantime) nothing is written and a WriteError with code `CHANGED` is thrown.
   */
  expect?: string | Uint8Array;
}

/** How many symbolic links are followed before giving up, as the kernel does. */
const MAX_LINKS = 40;

/** Files whose name says they are a stream of this process or of the system, never a file to replace. */
const STREAM_PATH = /^\/(?:dev|proc)\//u;
/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/3`: this process's own descriptor, written to directly. */
const OWN_DESCRIPTOR = /^\/(?:dev\/(?:std(out|err)|fd\/(\d+))|proc\/(?:self|thread-self)\/fd\/(\d+))$/u;

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
}

/** A failed write as a WriteError naming the file, the cause and what to do. */
export function writeErrorFrom(error: unknown, shown: string, untouched = 'the file was left as it was'): WriteError {
  if (error instanceof WriteError) return error;
  const code = errnoCode(error);
  const say = (cause: string, fix: string) => new WriteError(shown, code, `cannot be written: ${cause} (${code})`, `${fix}; ${untouched}`, { cause: error });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return say('no space left on the disk', 'free some space, or write somewhere else');
    case 'EACCES':
    case 'EPERM':
      return say('permission denied', 'make the file and its folder writable, or write somewhere else');
    case 'EROFS':
      return say('the disk is read-only', 'write somewhere else');
    case 'ENOENT':
    case 'ENOTDIR':
      return say('its folder does not exist', `create the folder first (mkdir -p ${dirname(shown)})`);
    case 'EISDIR':
      return say('it is a directory', 'give a file name');
    case 'EEXIST':
      return say('a file of that name is in the way', 'move or rename that file');
    case 'EPIPE':
      return say('nothing is reading from it any more', 'keep the reading end open');
    case 'ELOOP':
      return say('too many symbolic links', 'point the link at a real file');
    default:
      return say((error as Error)?.message ?? String(error), 'check the disk and the path');
  }
}

/** The process's file-creation mask, read without changing it (Linux); 022 where it cannot be read. */
function umask(): number {
  try {
    const match = /^Umask:\s*([0-7]+)$/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number.parseInt(match[1], 8);
  } catch {
    // Not Linux: the usual mask.
  }
  return 0o022;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The file a write to `path` lands in: symbolic links followed to their end, even when the end
 * does not exist yet (a link to a file still to be written is written through, as a shell would).
 */
function finalTarget(path: string): string {
  let current = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    const link = lstatOrNull(current);
    if (link === null) return join(realpathOr(dirname(current)), basename(current));
    if (!link.isSymbolicLink()) return realpathOr(current);
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Waits about a millisecond, synchronously: a non-blocking descriptor said it is full. */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

/** Writes all of `data` at the descriptor's position (or at `position`), retrying short and busy writes. */
function writeAll(fd: number, data: Uint8Array, position: number | null = null): void {
  let offset = 0;
  while (offset < data.length) {
    let written: number;
    try {
      written = writeSync(fd, data, offset, data.length - offset, position === null ? null : position + offset);
    } catch (error) {
      if (errnoCode(error) === 'EAGAIN') {
        pause();
        continue;
      }
      throw error;
    }
    offset += written;
  }
}

/** Makes a rename in `folder` durable: on some file systems it is only after the folder is synced. */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    // Not every file system syncs folders (EINVAL); the rename itself has happened.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Whether the file at `path` still holds exactly `expected`. A file gone or unreadable has changed. */
function stillHolds(path: string, expected: Uint8Array): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    if (!fstatSync(fd).isFile()) return false;
    // One byte more than expected shows a file that grew.
    const buffer = Buffer.alloc(expected.length + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return length === expected.length && Buffer.compare(buffer.subarray(0, length), expected) === 0;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Writes to what is not a regular file (a device, a pipe, standard output) as a stream, never replacing it. */
function writeStream(path: string, data: Uint8Array): void {
  const own = OWN_DESCRIPTOR.exec(path);
  if (own) {
    const fd = own[1] === 'out' ? 1 : own[1] === 'err' ? 2 : Number(own[2] ?? own[3]);
    writeAll(fd, data);
    return;
  }
  // A pipe with no reader yet waits for one, as a shell's `>` does.
  const fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    writeAll(fd, data);
  } finally {
    closeSync(fd);
  }
}

/**
 * The one way talkdeck writes a file (builds, exports, `check --fix`, `rehearse --apply`, the
 * start cache), so that a failure never leaves half a file and nothing but the target is touched:
 *
 * - the new content goes to a temporary file created beside the target with `O_EXCL` and mode
 *   0600, is written and synced, then renamed over the target, and the folder is synced;
 * - an existing target keeps its mode (and, when run as root, its owner and group);
 * - a symbolic link is written through: the link stays, the file it leads to is replaced;
 * - a target with more than one hard link is rewritten in place once the new content is safe in
 *   the temporary file, so every name keeps seeing the same file (as editors do);
 * - what is not a regular file (a character device such as /dev/null, a pipe, /dev/stdout) is
 *   written to as a stream and never replaced;
 * - with `expect`, a file changed on disk since it was read is left alone (WriteError `CHANGED`).
 *
 * Any failure is a WriteError naming the file and the cause, and the target is as it was.
 * (write-file-atomic, the npm package, does most of the first three but opens its temporary file
 * without O_EXCL and with the target's mode, syncs no folder, and renames over devices and pipes.)
 */
export function writeFileSafe(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): void {
  const shown = options.shown ?? path;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const absolute = resolve(path);
  const existing = statOrNull(absolute);
  if (existing?.isDirectory()) throw new WriteError(shown, 'EISDIR', 'is a directory', 'give a file name');
  if ((existing !== null && !existing.isFile()) || STREAM_PATH.test(absolute)) {
    try {
      writeStream(absolute, bytes);
    } catch (error) {
      throw writeErrorFrom(error, shown, 'nothing was replaced');
    }
    return;
  }

  let target: string;
  try {
    target = finalTarget(absolute);
  } catch (error) {
    throw writeErrorFrom(error, shown);
  }
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  let keepTemp = false;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    writeAll(fd, bytes);
    const mode = options.mode ?? (existing ? existing.mode & 0o777 : 0o666 & ~umask());
    if (existing) keepOwner(fd, existing);
    fchmodSync(fd, mode);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (options.expect !== undefined) {
      const expected = typeof options.expect === 'string' ? Buffer.from(options.expect, 'utf8') : options.expect;
      if (!stillHolds(target, expected)) {
        throw new WriteError(shown, 'CHANGED', 'changed on disk while talkdeck was working on it, so nothing was written', 'run the command again: the file is as it was last saved');
      }
    }
    if (existing !== null && existing.nlink > 1) {
      // Every name of the file keeps seeing it: rewritten in place, the new content safe meanwhile.
      keepTemp = true;
      rewriteInPlace(target, bytes);
      keepTemp = false;
      unlinkSync(temp);
    } else {
      renameSync(temp, target);
    }
    syncFolder(folder);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    if (keepTemp) {
      throw writeErrorFrom(error, shown, `the new content is kept in ${temp}`);
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw writeErrorFrom(error, shown);
  }
}

/** Gives the temporary file the target's owner and group: all of it as root, the group where allowed. */
function keepOwner(fd: number, existing: Stats): void {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  try {
    if (uid === 0) fchownSync(fd, existing.uid, existing.gid);
    else if (gid !== undefined && existing.gid !== gid) fchownSync(fd, -1, existing.gid);
  } catch {
    // A group the user is not in: the file gets the user's own, as any editor's save would.
  }
}

function rewriteInPlace(target: string, bytes: Uint8Array): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    writeAll(fd, bytes, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
