import { LocatedError } from '../deck/index.js';

/** A problem with what the user asked for: printed as is, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with an input or output file named on the command line: `file[:line:col]: message`, exit code 1. */
export class InputError extends LocatedError {
  override readonly name = 'InputError';

  constructor(file: string, message: string, line?: number, column?: number) {
    super({ file, line, column }, message);
  }
}

/** Exit codes of every command: the contract scripts rely on. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;
