import type { Command } from 'commander';
import type { Config } from '../config/index.js';
import type { DeckInput } from './deck-input.js';
import type { CliIo, Output } from './io.js';
import type { DeckOptions } from './options.js';

/** What every command is given besides its arguments and options. */
export interface CommandContext {
  /** The raw terminal, for the full-screen commands to hand to the presenter. */
  io: CliIo;
  /** Everything else a command prints goes here: the sanitising output edge. */
  output: Output;
  /** The deck named on the command line, read the one way every command reads it. */
  deckInput(shown: string, options: DeckOptions): DeckInput;
  /** Built-in themes. */
  themesDir: string;
  /** When this run began (Date.now()). */
  startedAt: number;
  /** The configuration file (`--config`, else `$XDG_CONFIG_HOME/talkdeck/config.yaml`), read on first use; throws its located errors. */
  config(): Config;
  /** The whole command line, for the commands that describe it (completion). */
  program(): Command;
}

/**
 * One command of the table in commands/index.ts: its name, how commander declares it (description,
 * arguments, options), and what it does, from parsed arguments and options to an exit code.
 */
export interface CommandSpec<Args extends unknown[] = unknown[], Options = unknown> {
  name: string;
  /** The command run when none is named (`talkdeck DECK`). */
  isDefault?: boolean;
  declare(command: Command): Command;
  run(args: Args, options: Options, context: CommandContext): Promise<number>;
}

/** Types a command's spec; the table holds them all as CommandSpec. */
export function defineCommand<Args extends unknown[], Options>(spec: CommandSpec<Args, Options>): CommandSpec {
  return spec as unknown as CommandSpec;
}
