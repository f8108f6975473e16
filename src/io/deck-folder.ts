import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ReadError } from './read-error.js';
import { readErrorFrom, readRegularFile, type ReadKind } from './read-file.js';

export interface DeckFolderOptions {
  /** Let paths lead outside the folder (the user's `--allow-outside`: they trust the deck). */
  allowOutside?: boolean;
  /**
   * Keep what was read and read a file again only when it changed (its inode, size or modification
   * time): for readers asked on every repaint, such as the notes view.
   */
  cache?: boolean;
}

/**
 * The one way to read what a deck or article points at: includes, cited articles, images, themes
 * named by the deck, the rehearsal log. Every path is resolved through its symbolic links and
 * refused when it leads outside the folder (unless allowed); only regular files are read, each kind
 * up to its size limit. Errors are ReadError, naming the file as the caller shows it.
 */
export interface DeckFolder {
  /** The folder's real path. */
  readonly root: string;
  readonly allowOutside: boolean;
  /** The real path of `path` (absolute, or relative to the folder); throws ReadError when outside or missing. */
  confine(path: string, shown?: string): string;
  /** Whether `path` (after its links) stays inside the folder. A missing file is judged by its path. */
  contains(path: string): boolean;
  readBytes(path: string, kind: ReadKind, shown?: string): Buffer;
  readText(path: string, kind: ReadKind, shown?: string): string;
}

/** Whether `path` is `root` or inside it; both absolute and normalised. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** The real path of `path`, or the path itself resolved when it (or a link in it) is missing. */
export function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function outside(shown: string, real: string): ReadError {
  return new ReadError(shown, 'OUTSIDE', `is outside the deck's folder (it leads to ${real})`, 'move it into that folder, or pass --allow-outside if you trust this deck');
}

/** A confined reader for the folder `root` (usually the deck file's folder). */
export function openDeckFolder(root: string, options: DeckFolderOptions = {}): DeckFolder {
  const realRoot = realOrResolved(root);
  const allowOutside = options.allowOutside === true;
  const kept = options.cache ? new Map<string, { stamp: string; text: string }>() : null;

  const confine = (path: string, shown = path): string => {
    const absolute = resolve(realRoot, path);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (error) {
      throw readErrorFrom(error, shown, 'source');
    }
    if (!allowOutside && !isInside(realRoot, real)) throw outside(shown, real);
    return real;
  };

  const readBytes = (path: string, kind: ReadKind, shown = path): Buffer => {
    const real = confine(path, shown);
    // The real path has no link left in it: one swapped in since is refused (O_NOFOLLOW), and the
    // file actually opened is checked against the folder again.
    return readRegularFile(real, kind, {
      shown,
      noFollow: true,
      check: allowOutside ? undefined : (opened) => {
        if (!isInside(realRoot, opened)) throw outside(shown, opened);
      },
    });
  };

  return {
    root: realRoot,
    allowOutside,
    confine,
    contains: (path) => allowOutside || isInside(realRoot, realOrResolved(resolve(realRoot, path))),
    readBytes,
    readText(path, kind, shown = path) {
      if (kept === null) return readBytes(path, kind, shown).toString('utf8');
      const real = confine(path, shown);
      let stamp = '';
      try {
        const stats = statSync(real);
        stamp = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
      } catch {
        // Read below, which says why it cannot be.
      }
      const hit = kept.get(real);
      if (hit && hit.stamp === stamp) return hit.text;
      const text = readBytes(path, kind, shown).toString('utf8');
      kept.set(real, { stamp, text });
      return text;
    },
  };
}
