import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { LocatedError } from '../deck/index.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { DeckInput, themeFolders } from './deck-input.js';
import { EXIT, UsageError } from './errors.js';
import { createOutput, type CliIo, type Output } from './io.js';

export type { CliIo } from './io.js';

const VERSION = '0.1.0';

/** The folder holding package.json: built-in themes live in its `themes/`. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'themes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The exit code for an error that ended a command, with the error printed the way its kind is printed. */
function reportError(error: unknown, output: Output, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error instanceof UsageError) output.err(`talkdeck: ${error.message}\n`);
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UsageError) {
    output.err(`talkdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  if (error instanceof LocatedError) {
    output.err(`${error.format()}\n${stack}`);
    return EXIT.input;
  }
  output.err(`talkdeck: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  output.err(stack || '(run with --debug for details)\n');
  return EXIT.internal;
}

/**
 * Runs the talkdeck command line; resolves with the exit code instead of exiting. The commands
 * are a table (commands/index.ts); this only wires them to commander and turns errors into exit codes.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const output = createOutput(io);
  const env = { io, output, ...themeFolders(packageRoot()) };
  const context: CommandContext = {
    io,
    output,
    deckInput: (shown, options) => new DeckInput(shown, options, env),
    themesDir: env.themesDir,
    startedAt: Date.now(),
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('talkdeck')
    .description('Compile articles into talks and present them in the terminal.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run 'talkdeck COMMAND --help' for usage)");
  for (const spec of COMMANDS) {
    const command = spec.declare(program.command(spec.name, { isDefault: spec.isDefault }));
    command.action(async (...args: unknown[]) => {
      // commander passes the arguments, then the options, then the command itself.
      exitCode = await spec.run(args.slice(0, -2), args.at(-2), context);
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, output, argv.includes('--debug'));
  }
}
