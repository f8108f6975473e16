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
 * theme name, or an `extends` cycle. The message starts with where the problem is, `file:line:col: `,
 * one line per problem, first problem first; `file`, `line` and `column` are those of the first.
 * An error that has no place inside a file (an unknown theme name, a file that cannot be read) has
 * `file` set to the name or path as given, `line` and `column` null, and a message `file: what`.
 */
export class ThemeError extends Error {
  override readonly name = 'ThemeError';
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  /** Every located problem found; empty for an error that has no place inside a file. */
  readonly problems: ThemeProblem[];

  constructor(problems: ThemeProblem[] | { file: string; message: string }) {
    if (Array.isArray(problems)) {
      super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
      this.problems = problems;
      this.file = problems[0]?.file ?? '';
      this.line = problems[0]?.line ?? null;
      this.column = problems[0]?.column ?? null;
    } else {
      super(`${problems.file}: ${problems.message}`);
      this.problems = [];
      this.file = problems.file;
      this.line = null;
      this.column = null;
    }
  }
}
