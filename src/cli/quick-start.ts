import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DeckOptions } from './options.js';

/**
 * The command line as the entry (main.ts) reads it before commander is loaded, for one purpose:
 * to paint the first frame of `talkdeck DECK` from the start cache while the rest of talkdeck is
 * still loading. Only the plain shapes are read (`[present] DECK` with `--theme`, `--dialect`,
 * `--allow-outside`); anything else is left to commander, and so is everything after the paint:
 * a frame is kept only for options that once worked, and the presenter checks the key again.
 */

/** The commands of the table in commands/index.ts (a test keeps the two lists one). */
export const COMMAND_NAMES: readonly string[] = ['present', 'notes', 'serve', 'rehearse', 'report', 'print', 'check', 'coverage', 'build', 'export', 'themes', 'completion', 'help'];

/** `talkdeck [present] DECK` with the options that shape the first frame, or null for any other command line. */
export function quickPresentArgs(argv: readonly string[]): { deck: string; options: DeckOptions } | null {
  const args = argv[0] === 'present' ? argv.slice(1) : [...argv];
  const options: DeckOptions = {};
  let deck: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (name === '--theme' || name === '-t' || name === '--dialect') {
      const value = equals > 0 ? arg.slice(equals + 1) : args[++i];
      if (value === undefined || value === '' || value.startsWith('-')) return null;
      if (name === '--dialect') options.dialect = value;
      else options.theme = value;
    } else if (arg === '--allow-outside') {
      options.allowOutside = true;
    } else if (arg.startsWith('-') || arg === '' || deck !== null) {
      return null;
    } else {
      deck = arg;
    }
  }
  if (deck === null || (argv[0] !== 'present' && COMMAND_NAMES.includes(deck))) return null;
  return { deck, options };
}

/** Where the configuration is looked for when `--config` is not given: `$XDG_CONFIG_HOME/talkdeck/config.yaml`, else `~/.config/…`. */
export function defaultConfigPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'talkdeck', 'config.yaml');
}

/** What of the command line and the configuration changes `present`'s picture. */
export interface PresentKeyParts {
  theme: string | null;
  dialect: string | null;
  allowOutside: boolean;
  presenter: boolean;
  execEnabled: boolean;
  execReplaceEnabled: boolean;
  imageProtocol: string;
  /** The configuration's key bindings. */
  keys: Record<string, unknown>;
}

/**
 * The options of `present` that change the picture: the start cache's frame key holds them. One
 * function for the entry's early paint (no configuration file, the defaults) and for the command
 * (screenOptions), so that the two keys are the same whenever the pictures are.
 */
export function presentKeyOptions(parts: Partial<PresentKeyParts>): Record<string, string | boolean | null> {
  return {
    theme: parts.theme ?? null,
    dialect: parts.dialect ?? null,
    allowOutside: Boolean(parts.allowOutside),
    presenter: Boolean(parts.presenter),
    exec: `${Boolean(parts.execEnabled)}:${Boolean(parts.execReplaceEnabled)}`,
    imageProtocol: parts.imageProtocol ?? 'auto',
    keys: JSON.stringify(parts.keys ?? {}),
  };
}
