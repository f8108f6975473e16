import type { EntryStart, KeptStart } from '../present/index.js';
import { sanitizeOutput } from '../text/index.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** When the run began (Date.now()); now when not given. */
  startedAt?: number;
  /** A first frame the entry painted from the start cache (main.ts); given back before anything is printed. */
  kept?: KeptStart | null;
  /** The terminal's background as the entry asked it for the kept frame's key; undefined when it did not ask. */
  background?: EntryStart['background'];
  /** The deck's outline as the entry made it for the kept frame's key; undefined when it did not make one. */
  outline?: EntryStart['outline'];
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
  // A message must not land on a screen painted early and then be wiped with it.
  const screen = () => io.kept?.release();
  return {
    bytes: (data) => {
      if (io.stdout.isTTY) throw new Error('binary output refused: stdout is a terminal');
      io.stdout.write(data);
    },
    isTerminal: Boolean(io.stdout.isTTY),
    out: (text) => void (screen(), io.stdout.write(sanitizeOutput(text))),
    painted: (text) => void (screen(), io.stdout.write(sanitizeOutput(text, { painted: true }))),
    err: (text) => void (screen(), io.stderr.write(sanitizeOutput(text))),
  };
}
