import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileSafe } from '../io/index.js';
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
 * Every file a command writes (a built deck, an export) is written here, through io/'s one safe
 * write: atomic, durable, keeping the target's mode, owner and links, and streaming to a device or
 * a pipe instead of replacing it. A failure is a WriteError naming the file and the cause (a
 * LocatedError: exit 1), never an internal error.
 */
export function writeOutput(path: string, shown: string, data: string | Uint8Array): void {
  writeFileSafe(path, data, { shown });
}
