import type { CodeExec, LineRange } from '../deck/index.js';

/** What a fenced code block's info string says: `rust +line_numbers {1,3-5}`. */
export interface CodeInfo {
  lang: string;
  lineNumbers: boolean;
  highlight: LineRange[];
  /** `+exec`, `+exec_replace`, `+auto_exec` (with `+exec:NAME`'s executor); null when the block does not run. */
  exec: Pick<CodeExec, 'mode' | 'executor'> | null;
  /** Problems found, as messages; the caller locates them at the fence. */
  problems: string[];
}

/** Attributes talkdeck knows but ignores, so presenterm decks parse without complaints. */
const IGNORED_ATTRIBUTES = new Set(['+render', '+no_background', '+image', '+acquire_terminal', '+id', '+validate', '+expect', '+pty']);

/**
 * Lines of code that run but are not shown, by language, as presenterm hides them: `# ` in Rust
 * (as rustdoc does), `/// ` in the others that have a prefix.
 */
const HIDDEN_LINE_PREFIXES: Record<string, string> = {
  rust: '# ',
  rs: '# ',
  ...Object.fromEntries(
    ['bash', 'sh', 'zsh', 'fish', 'shell', 'python', 'py', 'js', 'javascript', 'jsx', 'ts', 'typescript', 'tsx', 'go', 'c', 'c++', 'cpp', 'java', 'kotlin', 'php', 'julia', 'csharp', 'fsharp', 'pwsh'].map((lang) => [lang, '/// ']),
  ),
  elixir: '## ',
  jsonnet: '## ',
};

/**
 * A code block's shown text and the code that runs: lines starting with the language's hidden
 * prefix are left out of the first and kept, prefix removed, in the second.
 */
export function splitHiddenLines(lang: string, text: string): { shown: string; code: string } {
  const prefix = HIDDEN_LINE_PREFIXES[lang.toLowerCase()];
  if (!prefix || !text.split('\n').some((line) => line.startsWith(prefix))) return { shown: text, code: text };
  const lines = text.split('\n');
  return {
    shown: lines.filter((line) => !line.startsWith(prefix)).join('\n'),
    code: lines.map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line)).join('\n'),
  };
}

/**
 * Parses a code fence info string: a language, `+line_numbers`, and a highlight set in braces.
 * The set lists line numbers and ranges (`{1,3-5}`); presenterm's dynamic groups `{1|3-5}` are
 * merged into one set, and `all` highlights every line.
 */
export function parseCodeInfo(info: string, lineCount: number): CodeInfo {
  const result: CodeInfo = { lang: '', lineNumbers: false, highlight: [], exec: null, problems: [] };
  const braces = /\{([^}]*)\}?/u.exec(info);
  const rest = braces ? info.slice(0, braces.index) + ' ' + info.slice(braces.index + braces[0].length) : info;
  if (braces) {
    if (!braces[0].endsWith('}')) result.problems.push('line highlight set is missing its closing `}`');
    result.highlight = parseHighlight(braces[1] ?? '', lineCount, result.problems);
  }
  for (const word of rest.split(/\s+/u).filter(Boolean)) {
    const exec = /^\+(exec|exec_replace|auto_exec)(?::(.+))?$/u.exec(word);
    if (word === '+line_numbers') result.lineNumbers = true;
    else if (exec) {
      const mode = exec[1] === 'exec' ? 'exec' : exec[1] === 'auto_exec' ? 'auto' : 'replace';
      result.exec = { mode, executor: exec[2] ?? result.exec?.executor ?? null };
    } else if (word.startsWith('+')) {
      if (!IGNORED_ATTRIBUTES.has(word.split(':')[0] ?? word)) result.problems.push(`unknown code block attribute "${word}"; known: +line_numbers, +exec, +exec_replace, +auto_exec`);
    } else if (result.lang === '') result.lang = word;
    else result.problems.push(`unexpected "${word}" in the code block's info string`);
  }
  return result;
}

function parseHighlight(spec: string, lineCount: number, problems: string[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const part of spec.split(/[,|]/u)) {
    const item = part.trim();
    if (item === '') continue;
    if (item === 'all') {
      if (lineCount > 0) ranges.push({ from: 1, to: lineCount });
      continue;
    }
    const match = /^(\d{1,6})(?:\s*-\s*(\d{1,6}))?$/u.exec(item);
    if (!match) {
      problems.push(`invalid line highlight "${item}": expected a line like 3 or a range like 3-5`);
      continue;
    }
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from) {
      problems.push(`invalid line highlight "${item}": lines count from 1 and a range may not run backwards`);
      continue;
    }
    if (to > lineCount) {
      problems.push(`line highlight "${item}" is past the end of the code (${lineCount} line${lineCount === 1 ? '' : 's'})`);
      if (from <= lineCount) ranges.push({ from, to: lineCount });
      continue;
    }
    ranges.push({ from, to });
  }
  return mergeRanges(ranges);
}

/** Sorts ranges and merges the ones that overlap or touch. */
export function mergeRanges(ranges: readonly LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: LineRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
