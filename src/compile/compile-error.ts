import { LocatedError } from '../deck/index.js';

/** An article that cannot be compiled into a talk: empty, binary, or without prose. */
export class CompileError extends LocatedError {
  override readonly name = 'CompileError';

  /**
   * @param file the article's path as given to `compileTalk` (relative to the deck)
   * @param message what is wrong with it, without the file name
   */
  constructor(file: string, message: string) {
    super({ file }, message);
  }
}
