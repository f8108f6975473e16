import { sanitizeOutput } from '../text/index.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * The output edge: everything a command prints goes through here, and here every byte a terminal
 * could act on becomes a visible placeholder (text/sanitize.ts). Only `painted` output keeps
 * talkdeck's own colours and links. The full-screen commands hand the raw streams to the
 * presenter, whose every frame is sanitised where it is painted.
 */
export interface Output {
  /** Writes plain text to stdout. */
  out(text: string): void;
  /** Writes text holding talkdeck's own SGR colours and OSC 8 links to stdout. */
  painted(text: string): void;
  /** Writes plain text to stderr. */
  err(text: string): void;
  /**
   * Writes bytes as they are to stdout (a PDF or PPTX to `-o -`). Never to a terminal, which
   * would take them as commands: callers check `isTerminal` first, and this refuses too.
   */
  bytes(data: Uint8Array): void;
  /** Whether stdout is a terminal. */
  readonly isTerminal: boolean;
}

export function createOutput(io: CliIo): Output {
  return {
    out: (text) => void io.stdout.write(sanitizeOutput(text)),
    painted: (text) => void io.stdout.write(sanitizeOutput(text, { painted: true })),
    err: (text) => void io.stderr.write(sanitizeOutput(text)),
    bytes: (data) => {
      if (io.stdout.isTTY) throw new Error('binary output refused: stdout is a terminal');
      io.stdout.write(data);
    },
    isTerminal: Boolean(io.stdout.isTTY),
  };
}
