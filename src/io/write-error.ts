import { LocatedError } from '../deck/index.js';

/** Why a file could not be written: an errno code (`ENOSPC`, `EACCES`, `EROFS`, …), or `CHANGED`. */
export type WriteErrorCode = 'CHANGED' | 'NOT_PRIVATE' | (string & {});

/**
 * A file that could not be written: the disk is full, the folder read-only or not writable, or the
 * file changed on disk while talkdeck worked on it. The file is left as it was.
 */
export class WriteError extends LocatedError {
  override name = 'WriteError';
  readonly code: WriteErrorCode;

  constructor(file: string, code: WriteErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super({ file }, message, hint, options);
    this.code = code;
  }
}
