/** A problem with what the user asked for: printed as is, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with an input file: printed as `file[:line:col]: message`, exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** `file:line:col: message`, with as much location as is known. */
  format(): string {
    const where = [this.file, this.line, this.line !== undefined ? this.column ?? 1 : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    return `${where}: ${this.message}`;
  }
}

/** Exit codes of every command: the contract scripts rely on. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;
