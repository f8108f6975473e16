import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { LocatedError } from '../deck/index.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { VALUE_ONLY_ATTACHED } from './commands/serve.js';
import { DeckInput, themeFolders } from './deck-input.js';
import { EXIT, UsageError } from './errors.js';
import { createOutput, type CliIo, type Output } from './io.js';
import { loadConfig } from './config-file.js';
import { closestName } from '../text/index.js';
import type { Config } from '../config/index.js';

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

/** The arguments without the options every command takes (`--debug`, `--config FILE`). */
function withoutGlobalOptions(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--debug') continue;
    if (argv[i] === '--config') {
      i++;
      continue;
    }
    if (argv[i]!.startsWith('--config=')) continue;
    out.push(argv[i]!);
  }
  return out;
}

/** A bare option of VALUE_ONLY_ATTACHED becomes `--option=`, so commander does not take the next word as its value. */
function attachedValuesOnly(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((word, index) => ((end === -1 || index < end) && VALUE_ONLY_ATTACHED.includes(word) ? `${word}=` : word));
}

/**
 * A first word that is no command, no file and no option, but close to a command's name
 * (`presnt`), or followed by more words (`talkdeck foo talk.md`): said as such, instead of
 * commander's "too many arguments" or a missing file.
 */
function unknownCommand(argv: readonly string[], cwd: string): string | null {
  const words = withoutGlobalOptions(argv);
  const first = words[0];
  if (first === undefined || first.startsWith('-')) return null;
  const names = [...COMMANDS.map((c) => c.name), 'help'];
  if (names.includes(first) || existsSync(join(cwd, first)) || existsSync(first)) return null;
  const near = closestName(first, names);
  if (near) return `unknown command '${first}'; did you mean '${near}'?`;
  if (/\.(md|markdown|txt)$/iu.test(first)) return null;
  const positional = words.filter((w) => !w.startsWith('-'));
  return positional.length > 1 ? `unknown command '${first}'; the commands are ${COMMANDS.map((c) => c.name).join(', ')} (see talkdeck --help)` : null;
}

/**
 * Runs the talkdeck command line; resolves with the exit code instead of exiting. The commands
 * are a table (commands/index.ts); this only wires them to commander and turns errors into exit codes.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const output = createOutput(io);
  const env = { io, output, ...themeFolders(packageRoot()) };
  let config: Config | undefined;
  const context: CommandContext = {
    io,
    output,
    deckInput: (shown, options) => new DeckInput(shown, options, env),
    themesDir: env.themesDir,
    config: () => (config ??= loadConfig(io, program.opts<{ config?: string }>().config)),
    program: () => program,
    startedAt: io.startedAt ?? Date.now(),
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('talkdeck')
    .description('Compile articles into talks and present them in the terminal.')
    .usage('[DECK] | COMMAND [options]')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--config <file>', 'configuration file (default: $XDG_CONFIG_HOME/talkdeck/config.yaml)')
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
    // `talkdeck` alone: the help, as a usage error when no one is at a terminal to read it.
    if (withoutGlobalOptions(argv).length === 0) {
      if (io.stdout.isTTY) {
        output.out(program.helpInformation());
        return EXIT.ok;
      }
      output.err(program.helpInformation());
      return EXIT.usage;
    }
    const unknown = unknownCommand(argv, io.cwd);
    if (unknown) throw new UsageError(unknown);
    await program.parseAsync(attachedValuesOnly(argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, output, argv.includes('--debug'));
  }
}
