import { LocatedError } from '../deck/index.js';

/** An article that cannot be compiled into a talk: empty, binary, without prose, or with broken front matter. */
export class CompileError extends LocatedError {
  override readonly name = 'CompileError';

  /**
   * @param file the article's path as given to `compileTalk` (relative to the deck)
   * @param message what is wrong with it, without the file name
   * @param hint how to fix it
   * @param at the line (1-based) and column the fault is at, when it is at one place
   */
  constructor(file: string, message: string, hint?: string, at?: { line: number; column?: number }) {
    super({ file, line: at?.line, column: at?.column }, message, hint);
  }
}
