/**
 * The one error type every stage throws for a problem the user can fix: a file, and where known a
 * 1-based line and column, a message that says what is wrong, and a hint that says how to fix it.
 * Stages extend it (`ParseError`, `CompileError`, `ThemeError`, `ReadError`, …); the command line
 * formats any of them by `instanceof LocatedError`, never by reading the message.
 *
 * "No line" is always `undefined`, never `0` or `null`.
 */
export class LocatedError extends Error {
  override name = 'LocatedError';
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(where: { file: string; line?: number; column?: number }, message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = where.file;
    this.line = where.line !== undefined && where.line > 0 ? where.line : undefined;
    this.column = this.line !== undefined && where.column !== undefined && where.column > 0 ? where.column : undefined;
    this.hint = hint;
  }

  /** `file[:line[:col]]: message[; hint]`, with as much location as is known. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
    return `${where}: ${this.message}${this.hint ? `; ${this.hint}` : ''}`;
  }
}
