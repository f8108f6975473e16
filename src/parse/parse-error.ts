/**
 * A deck that cannot be read at all (missing, a directory, unreadable). Problems inside a deck
 * are never thrown: they are diagnostics on the Deck.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';

  /**
   * `line` and `column` are 1-based; both are 0 when the error concerns the whole file.
   */
  constructor(
    message: string,
    readonly file: string,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
  }
}
