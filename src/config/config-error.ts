import { LocatedError } from '../deck/index.js';

/** A configuration file that cannot be used: unreadable, not YAML, or a field that is wrong, at its line and column. */
export class ConfigError extends LocatedError {
  override readonly name = 'ConfigError';
}
