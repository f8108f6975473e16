import type { Command } from 'commander';
import { UsageError } from './errors.js';

/** Option parsers and option sets shared by several commands. */

/** The longest talk `build` plans, in minutes. */
export const MAX_TALK_MINUTES = 1440;

export const DIALECT_HELP = 'read the deck as talkdeck, presenterm, marp, slides, patat, lookatme, mdp, reveal-md or remark (default: detected)';

export function parseSize(text: string): { columns: number; rows: number } {
  const match = /^(\d+)x(\d+)$/u.exec(text.trim());
  if (!match) throw new UsageError(`--size wants COLUMNSxROWS, like 80x24, not "${text}"`);
  return { columns: Number(match[1]), rows: Number(match[2]) };
}

export function parsePositive(name: string, max = Infinity) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${name} wants a positive number, not "${text}"`);
    if (value > max) throw new UsageError(`${name} wants at most ${max}, not "${text}"`);
    return value;
  };
}

/**
 * `--dialect` and `--allow-outside`, which every command that reads a deck takes. Everything a deck
 * names (includes, cited files, images, its theme) is read from inside its folder only, unless the
 * user trusts the deck and says so.
 */
export function addDeckOptions(command: Command): Command {
  return command
    .option('--dialect <name>', DIALECT_HELP)
    .option('--allow-outside', 'let what the deck names (includes, cited files, images, its theme) be read from outside its folder');
}

/** Speaking-rate options shared by the commands that budget time. */
export function addRateOptions(command: Command): Command {
  return command
    .option('--wpm <n>', 'speaking rate in words a minute (default 130)', parsePositive('--wpm'))
    .option('--cjk-cpm <n>', 'speaking rate in CJK characters a minute (default 200)', parsePositive('--cjk-cpm'));
}

/** A dialect name as given to `--dialect`; checked against parse/'s list when the deck is read. */
export type DialectChoice = string;

export interface DeckOptions {
  dialect?: DialectChoice;
  allowOutside?: boolean;
  theme?: string;
}

export interface RateOptions {
  minutes?: number;
  wpm?: number;
  cjkCpm?: number;
}

/** The rate options as rehearse/'s BudgetOptions. */
export function budgetOptions(options: RateOptions) {
  return { minutes: options.minutes, wordsPerMinute: options.wpm, cjkCharsPerMinute: options.cjkCpm };
}
