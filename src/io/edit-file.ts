import { readRegularText, type ReadKind } from './read-file.js';
import { WriteError } from './write-error.js';
import { writeFileSafe } from './write-file.js';

export interface EditFileOptions {
  /** The path as the user knows it, for messages (default: `path`). */
  shown?: string;
  /** What the file is, for its size limit (default `deck`). */
  kind?: ReadKind;
  /** How many times an edit is computed again when the file changes under it (default 3). */
  attempts?: number;
}

/**
 * Edits a text file in place without losing an edit made meanwhile: reads it, computes the new text
 * with `edit` (null: nothing to change), and writes it safely (writeFileSafe) only if the file still
 * holds what was read. If it changed — the user saved it while the edit was computed — the edit is
 * computed again from the new text, up to `attempts` times; then a WriteError `CHANGED` says so and
 * the file is as the user last saved it. Returns whether the file was written.
 */
export function editFile(path: string, edit: (text: string) => string | null, options: EditFileOptions = {}): boolean {
  const shown = options.shown ?? path;
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    const text = readRegularText(path, options.kind ?? 'deck', { shown });
    const next = edit(text);
    if (next === null || next === text) return false;
    try {
      writeFileSafe(path, next, { shown, expect: text });
      return true;
    } catch (error) {
      if (!(error instanceof WriteError) || error.code !== 'CHANGED' || attempt >= attempts) throw error;
    }
  }
}
