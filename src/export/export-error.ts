/**
 * An export that could not be made. The message says what went wrong and what to do about it,
 * e.g. which package to install.
 */
export class ExportError extends Error {
  override readonly name = 'ExportError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
