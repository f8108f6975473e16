import { LocatedError } from '../deck/index.js';

/**
 * Why a file could not be read: an errno code (`ENOENT`, `EACCES`, `EISDIR`, `ELOOP`, …) or one of
 * talkdeck's own refusals.
 */
export type ReadErrorCode = 'OUTSIDE' | 'NOT_REGULAR' | 'TOO_BIG' | (string & {});

/**
 * A file that talkdeck would not or could not read: missing, unreadable, outside the deck's folder,
 * not a regular file, or over its size limit. `file` is the path as the user knows it; the message
 * says what is wrong, the hint how to fix it.
 */
export class ReadError extends LocatedError {
  override name = 'ReadError';
  readonly code: ReadErrorCode;

  constructor(file: string, code: ReadErrorCode, message: string, hint?: string, options?: { cause?: unknown }) {
    super({ file }, message, hint, options);
    this.code = code;
  }
}
