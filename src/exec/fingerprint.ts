import { createHash } from 'node:crypto';

/**
 * A run's output as `check --exec` compares it: line endings as LF, each line as the terminal
 * leaves it after carriage returns (a progress bar's last state), trailing blank lines dropped.
 */
export function normalizeOutput(output: string): string {
  return output
    .replace(/\r\n/gu, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1).replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n+$/u, '');
}

/** The first 12 hex digits of SHA-256 of the normalised output: what `<!-- exec_output: #… -->` keeps. */
export function outputFingerprint(output: string): string {
  return createHash('sha256').update(normalizeOutput(output), 'utf8').digest('hex').slice(0, 12);
}
