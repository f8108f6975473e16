import { LocatedError } from '../deck/index.js';

/** An article that cannot be compiled into a talk: empty, binary, or without prose. */
export class CompileError extends LocatedError {
  override readonly name = 'CompileError';

  /**
   * @param file the article's path as given to `compileTalk` (relative to the deck)
   * @param message what is wrong with it, without the file name
   * @param hint how to fix it
   */
  constructor(file: string, message: string, hint?: string) {
    super({ file }, message, hint);
  }
}
