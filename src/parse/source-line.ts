import type { Diagnostic, Location, Severity } from '../deck/index.js';

/**
 * One line of deck text with where it came from. A line is usually a whole line of a file
 * (`column` 1); text left after a directive's `-->` starts further right.
 */
export interface SourceLine {
  file: string;
  /** 1-based line in `file`. */
  line: number;
  /** 1-based column in the file where `text` starts. */
  column: number;
  text: string;
}

/** Collects diagnostics for one parse. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  report(at: Location, severity: Severity, message: string): void {
    this.diagnostics.push({ file: at.file, line: Math.max(1, at.line), column: Math.max(1, at.column), severity, message });
  }

  error(at: Location, message: string): void {
    this.report(at, 'error', message);
  }

  warning(at: Location, message: string): void {
    this.report(at, 'warning', message);
  }
}
