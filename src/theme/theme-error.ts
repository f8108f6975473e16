import { LocatedError } from '../deck/index.js';

/** One problem in a theme file, at a 1-based line and column. */
export interface ThemeProblem {
  file: string;
  line: number;
  column: number;
  /** What is wrong, starting with the field's path, e.g. `footer.progress.fg: "purpel" is not a colour`. */
  message: string;
}

/**
 * A theme that cannot be loaded: a syntax error, an invalid or unknown field, a missing file or
 * theme name, or an `extends` cycle. `file`, `line`, `column` and `message` are those of the first
 * problem; format() gives every problem, one `file:line:col: message` line each, first problem
 * first. An error that has no place inside a file (an unknown theme name, a file that cannot be
 * read) has `file` set to the name or path as given and no line.
 */
export class ThemeError extends LocatedError {
  override readonly name = 'ThemeError';
  /** Every located problem found; empty for an error that has no place inside a file. */
  readonly problems: ThemeProblem[];

  constructor(problems: ThemeProblem[] | { file: string; message: string }) {
    if (Array.isArray(problems)) {
      const first = problems[0];
      super({ file: first?.file ?? '', line: first?.line, column: first?.column }, first?.message ?? 'invalid theme');
      this.problems = problems;
    } else {
      super({ file: problems.file }, problems.message);
      this.problems = [];
    }
  }

  override format(): string {
    if (this.problems.length === 0) return super.format();
    return this.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n');
  }
}
