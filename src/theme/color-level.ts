/** How many colours the terminal shows: 0 none, 1 the 16 ANSI colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Works out the colour depth from the environment and whether output is a terminal. Pure: the
 * caller passes the environment in. In order of precedence:
 *
 * - `NO_COLOR` set to anything non-empty: 0 (https://no-color.org).
 * - `FORCE_COLOR`: `0`–`3` is that level exactly (higher numbers mean 3), `true` or empty is 1,
 *   `false` is 0; it applies even when output is not a terminal.
 * - Not a terminal, or `TERM=dumb`: 0.
 * - `COLORTERM=truecolor` or `24bit`, or a `TERM` ending in `-direct` or `-truecolor`: 3.
 * - A `TERM` ending in `-256color` (or `-256`): 2.
 * - Otherwise: 1.
 */
export function detectColorLevel(env: Record<string, string | undefined>, isTTY: boolean): ColorLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    const value = force.trim().toLowerCase();
    if (value === 'false') return 0;
    if (value === '' || value === 'true') return 1;
    const n = Number.parseInt(value, 10);
    if (Number.isFinite(n) && n >= 0) return Math.min(n, 3) as ColorLevel;
    // Anything else ("yes", "always") still asks for colour.
    return 1;
  }
  const term = (env.TERM ?? '').toLowerCase();
  if (!isTTY || term === 'dumb') return 0;
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  if (term.endsWith('-direct') || term.endsWith('-truecolor')) return 3;
  if (term.endsWith('-256color') || term.endsWith('-256')) return 2;
  return 1;
}
