import type { Diagnostic } from '../deck/index.js';

/** Formats a diagnostic the way compilers do: `file:line:col: severity: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
