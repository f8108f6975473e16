import { readFileSync, statSync } from 'node:fs';
import { InputError } from './errors.js';

/** Reads a text file the user named (an article), with errors that say which file and what is wrong with it. */
export function readUserFile(path: string, shown: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(shown, 'no such file; check the path and its spelling');
  }
  if (stat.isDirectory()) throw new InputError(shown, 'is a directory, not a file; give the article files inside it');
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(shown, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); make it readable, e.g. with chmod +r`);
  }
}
