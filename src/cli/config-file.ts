import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultConfig, parseConfig, type Config } from '../config/index.js';
import { ACTIONS, normalizeKeyName } from '../present/index.js';
import { ReadError, readRegularText } from '../io/index.js';
import { InputError } from './errors.js';
import type { CliIo } from './io.js';

/** The largest configuration file read: it is a page of settings. */
const MAX_CONFIG_BYTES = 1024 * 1024;

import { defaultConfigPath } from './quick-start.js';

export { defaultConfigPath };

/**
 * Reads the configuration: the file named by `--config` (which must exist), else the default
 * file when there is one, else every default. A file that is not a regular file, too big, not
 * YAML or wrong in any field is an error naming the file, line and column.
 */
export function loadConfig(io: CliIo, explicit: string | undefined): Config {
  const path = explicit !== undefined ? resolve(io.cwd, explicit) : defaultConfigPath(io.env);
  const shown = explicit ?? path;
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new InputError(shown, `is ${stats.isDirectory() ? 'a directory' : 'not a regular file'}; give a config.yaml file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (explicit === undefined) return defaultConfig();
    throw new InputError(shown, 'no such configuration file; check the path given to --config');
  }
  if (size > MAX_CONFIG_BYTES) throw new InputError(shown, 'is over 1 MB; a configuration file is a page of settings');
  let text: string;
  try {
    // Through io/'s reader: a file swapped for a pipe or a device meanwhile is refused, never waited on.
    text = readRegularText(path, 'config', { shown });
  } catch (error) {
    if (error instanceof ReadError && (error.code === 'NOT_REGULAR' || error.code === 'TOO_BIG')) throw error;
    throw new InputError(shown, `cannot be read (${(error as ReadError).code ?? 'error'}); make it readable, e.g. with chmod +r`);
  }
  return parseConfig(text, shown, { actions: ACTIONS, normalize: normalizeKeyName });
}
