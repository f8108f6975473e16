/** An article that cannot be compiled into a talk: empty, binary, or without prose. */
export class CompileError extends Error {
  override readonly name = 'CompileError';

  /**
   * @param file the article's path as given to `compileTalk` (relative to the deck)
   * @param message what is wrong with it, without the file name
   */
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
