import { LocatedError } from '../deck/index.js';

/**
 * An export that could not be made. The message says what went wrong and what to do about it,
 * e.g. which package to install; `file` is the deck being exported (exportDeck fills it in).
 */
export class ExportError extends LocatedError {
  override readonly name = 'ExportError';

  constructor(message: string, options?: { cause?: unknown; file?: string }) {
    super({ file: options?.file ?? '' }, message, undefined, options);
  }

  /** The same error, naming the deck it was exporting. */
  forDeck(file: string): ExportError {
    return new ExportError(this.message, { cause: this.cause, file });
  }
}
