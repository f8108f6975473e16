import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../io/index.js';
import { InputError } from './errors.js';

/**
 * Refuses an output path that cannot be written before any work is done: a directory, or a file
 * in a folder that does not exist. `shown` is the path as the user gave it, `example` a file name
 * to suggest.
 */
export function checkOutput(path: string, shown: string, example: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // Not there yet: its folder must be.
  }
  if (isDirectory) throw new InputError(shown, `is a directory; give a file name for -o, e.g. ${join(shown, example)}`);
  const folder = dirname(path);
  if (!existsSync(folder)) {
    const shownFolder = dirname(shown);
    throw new InputError(shown, `the folder ${shownFolder} does not exist; create it first (mkdir -p ${shownFolder})`);
  }
}

/**
 * Every file a command writes (a built deck, an export, `check --fix`, `rehearse --apply`) is
 * written here, through io/'s one safe write; a failure is the user's to fix, named, never an
 * internal error.
 */
export function writeOutput(path: string, shown: string, data: string | Uint8Array, fix = 'choose another -o'): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const advice = code === 'EACCES' || code === 'EPERM' ? `make the folder writable, or ${fix}` : code === 'ENOSPC' ? 'free some disk space' : fix;
    throw new InputError(shown, `cannot be written (${code}); ${advice}`);
  }
}
