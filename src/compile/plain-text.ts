import { Builder, columnOf, type BlockScan } from './blocks.js';

/**
 * The plain-text reading of an article (`.txt`, or text that shows no Markdown): indentation is
 * layout, not code. Its rules, each a small function:
 *
 * - `isPlainText`: which articles are read this way;
 * - `baseIndent`: the article's base indentation, the one most of its prose lines share (a PEP
 *   indents its whole body by four spaces);
 * - `codeLine`, `proseRun`, `codeRun`: a block indented deeper than the base is code unless it
 *   reads as prose (then it is a quotation) or a list; a block at the base (or only its first line
 *   indented, as novels set paragraphs) is prose unless it is plainly code (an interactive
 *   session, `>>>`);
 * - `plainHeading`: a short line alone, outdented from the text under it ("Abstract" at column 0
 *   above a body at four spaces) or underlined with `===` or `---`, is a heading.
 *
 * Hard-wrapped lines of a paragraph make one paragraph, as in Markdown.
 */

const MARKDOWN_EXT = /\.(?:md|mdx|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext|rmd|qmd)$/iu;
const TEXT_EXT = /\.(?:txt|text)$/iu;

/** Kinds of Markdown an article shows: ATX headings, fences, links or images, link definitions, bold, HTML blocks, front matter. */
const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^ {0,3}#{1,6}[ \t]+\S/mu,
  /^ {0,3}(?:`{3,}|~{3,})/mu,
  /!?\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"]*")?\)/u,
  /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/mu,
  /(?<![\w*])\*\*\S(?:[^*\n]*\S)?\*\*(?![\w*])/u,
  /^ {0,3}<(?:div|p|img|br|table|details|figure|a)[\s>]/imu,
  /^(?:---|\+\+\+)[ \t]*\r?\n/u,
];

/** How many kinds of Markdown the text shows (see MARKDOWN_SIGNALS). */
export function markdownSignals(text: string): number {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return MARKDOWN_SIGNALS.filter((signal) => signal.test(sample)).length;
}

/**
 * Whether an article is read as plain text: a `.txt` (or `.text`) file unless it shows two kinds
 * of Markdown or more (a README kept as `.txt`); a file of another name only when it shows none.
 * Markdown files (`.md`, `.mdx`, `.markdown`…) are Markdown.
 */
export function isPlainText(path: string, text: string): boolean {
  if (MARKDOWN_EXT.test(path)) return false;
  const signals = markdownSignals(text);
  return TEXT_EXT.test(path) ? signals < 2 : signals === 0;
}

/** Columns of a line's leading white space, tabs to the next multiple of 8. */
export function indentOf(line: string): number {
  return columnOf(line, 8);
}

/** Characters of a line's leading white space. */
function leading(line: string): number {
  return /^[ \t]*/u.exec(line)?.[0].length ?? 0;
}

const CODE_START =
  /^(?:>>>|\$ \S|def |class \w|import \w|from [\w.]+ import |(?:return|yield|raise)(?:[ (]|$)|elif\b|else:|try:|except\b|finally:|(?:if|while|with) .*:$|for .* in .*:$|print(?:[ (]|$)|function\b|(?:var|let|const) \w|#include\b|#!\/)/u;

/**
 * A line that reads as code rather than prose: an interpreter or shell prompt (`>>> `, `$ `), a
 * statement keyword of a common language (`def `, `class `, `return`, `import`…), an assignment,
 * a call alone on its line, a line ending in `{` or `;`, a lone brace, or a line thick with symbols.
 */
export function codeLine(line: string): boolean {
  const text = line.trim();
  if (text === '') return false;
  // A statement keyword opens code, not a wrapped line of a sentence that happens to start with it.
  if (CODE_START.test(text) && !((text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 5 && /[.!?]["')]?$/u.test(text))) return true;
  if (/^[\w.[\]]+(?:\s*,\s*[\w.[\]]+)*\s*(?:[-+*/%|&^]|<<|>>)?=(?!=)\s*\S/u.test(text)) return true;
  if (/^[\w.]+\([^()]*\)\s*;?$/u.test(text)) return true;
  if (/[{;]$|^[{}()[\]]+;?$/u.test(text)) return true;
  if (/^(?:#|\/\/|\/\*)\s/u.test(text) && !/[.!?]$/u.test(text)) return true;
  const symbols = text.match(/[{}()[\]<>=;*/\\|&^%@~`]/gu)?.length ?? 0;
  return text.length >= 8 && symbols / text.length > 0.15;
}

/** A prose line: four words of letters or more, and not code. */
function proseLine(line: string): boolean {
  return (line.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4 && !codeLine(line);
}

/**
 * The article's base indentation: the indentation most of its prose lines share (the smallest of
 * equals), in columns; 0 for an article without prose lines.
 */
export function baseIndent(lines: readonly string[], from = 0): number {
  const counts = new Map<number, number>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (proseLine(line)) counts.set(indentOf(line), (counts.get(indentOf(line)) ?? 0) + 1);
  }
  let base = 0;
  let most = 0;
  for (const [indent, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > most) {
      base = indent;
      most = count;
    }
  }
  return base;
}

/**
 * A block that reads as prose: eight words or more, ending as a sentence ends, and no line of it
 * code. An indented block that is prose is a quotation, not code.
 */
export function proseRun(lines: readonly string[]): boolean {
  const text = lines.map((l) => l.trim()).join(' ');
  const words = text.match(/\p{L}{2,}/gu)?.length ?? 0;
  return words >= 8 && /[.!?]["')\]]?$/u.test(text) && !lines.some(codeLine);
}

/**
 * A block at the base indentation that is code all the same: an interactive session (its first
 * line a `>>>` or `$ ` prompt), or lines most of which are code and that do not read as prose.
 */
export function codeRun(lines: readonly string[]): boolean {
  const first = (lines[0] ?? '').trim();
  if (/^(?:>>>|\$)(?: |$)/u.test(first)) return true;
  const code = lines.filter(codeLine).length;
  return lines.length >= 2 && code >= lines.length * 0.6 && !proseRun(lines);
}

/**
 * The length of a question or answer label that opens a line of a FAQ ("Q. ", "A: "), or 0. The
 * label is the paragraph's prefix, as a list marker is an item's, so no sentence is "Q." alone
 * and no bullet starts with "A.". Read only in an article that asks questions so ("A. Smith" opens
 * a sentence elsewhere).
 */
export function qaLabel(line: string): number {
  return /^[ \t]*[QA][.:][ \t]+(?=\S)/u.exec(line)?.[0].length ?? 0;
}

/** A list item's marker: a bullet (`-`, `*`, `+`, `•`) or a number (`1.`, `2)`), and the space after it. */
const ITEM = /^([ \t]*)(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)/u;

/** A line of `=`, `-`, `~`, `^`, `*` or `#` that underlines the line above it. */
const UNDERLINE = /^[ \t]*([=\-~^*#+])\1{2,}[ \t]*$/u;

/**
 * A heading of plain text, with its level, or null: one short line (twelve words at most, no
 * final `.`, `,`, `;`, `:` or `!`, not code) alone in its paragraph, either outdented from the
 * text that follows it after a blank line and from the base indentation ("Abstract" at column 0
 * above a body at four spaces; level 1 at column 0, else 2), or underlined (`===` level 1, other
 * characters level 2).
 */
export function plainHeading(run: readonly string[], nextIndent: number, base: number): number | null {
  const text = (run[0] ?? '').trim();
  const words = text.split(/\s+/u).length;
  const shaped = text.length <= 80 && words <= 12 && /\p{L}/u.test(text) && !/[.,;:!]$/u.test(text) && !codeLine(text);
  if (!shaped) return null;
  if (run.length === 2) {
    const underline = UNDERLINE.exec(run[1] ?? '');
    if (!underline || (run[1] ?? '').trim().length < Math.min(3, text.length) || (run[1] ?? '').trim().length < text.length / 2) return null;
    return underline[1] === '=' ? 1 : 2;
  }
  if (run.length !== 1) return null;
  const indent = indentOf(run[0] ?? '');
  return indent < base && nextIndent > indent ? (indent === 0 ? 1 : 2) : null;
}

/** A quotation's attribution on a line of its own: "-- Tim Peters on comp.lang.python, 2001-06-16", "— Ada Lovelace". */
export function attributionLine(line: string): boolean {
  return /^[ \t]*(?:--|—|―)[ \t]*\p{L}.{0,100}$/u.test(line) && !/[.!?]["')\]]?[ \t]*$/u.test(line);
}

/** A paragraph's lines: its first line's index and the index after its last. */
interface Run {
  start: number;
  end: number;
}

/** The runs of non-blank lines from `from` on. */
function runsOf(lines: readonly string[], from: number): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = from; i <= lines.length; i++) {
    const blank = i === lines.length || (lines[i] ?? '').trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

/** Code lines without the indentation they all share (tabs expanded). */
function dedent(lines: readonly string[]): string[] {
  const expanded = lines.map((l) => {
    const indent = indentOf(l);
    return ' '.repeat(indent) + l.slice(leading(l));
  });
  const common = Math.min(...expanded.filter((l) => l.trim() !== '').map(indentOf));
  return expanded.map((l) => (l.trim() === '' ? '' : l.slice(common)));
}

/**
 * Scans a plain-text article's lines into headings, prose blocks (paragraphs, list items,
 * quotations) and code figures, as scanBlocks does for Markdown. Lines before `from` (a header
 * block) are skipped.
 */
export function scanPlainText(lines: readonly string[], from = 0): BlockScan {
  const b = new Builder();
  const base = baseIndent(lines, from);
  const runs = runsOf(lines, from);
  let codeLines = 0;
  const text = (i: number) => lines[i] ?? '';
  const runLines = (r: Run) => lines.slice(r.start, r.end);
  const faq = lines.some((l, i) => i >= from && /^[ \t]*Q[.:][ \t]+\S/u.test(l)) && lines.some((l, i) => i >= from && /^[ \t]*A[.:][ \t]+\S/u.test(l));
  const itemRun = (r: Run) => ITEM.test(text(r.start)) && !runLines(r).some(codeLine) && (text(r.start).replace(ITEM, '').match(/\p{L}{2,}/gu)?.length ?? 0) >= 3;

  // After a paragraph that ends in "::" (reStructuredText's literal block), the block indented under it is code.
  let literalUnder = -1;
  let quoted = false;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k] as Run;
    const body = runLines(run);
    const indent = indentOf(text(run.start));
    const next = runs[k + 1];
    const literal = literalUnder >= 0 && indent > literalUnder;
    literalUnder = -1;
    const level = literal ? null : plainHeading(body, next ? indentOf(text(next.start)) : -1, base);
    if (level !== null) {
      b.heading(level, text(run.start).trim(), run.start + 1);
      quoted = false;
      continue;
    }
    // A quotation's attribution ("-- Tim Peters on comp.lang.python") under it is neither code nor a sentence of the article.
    if (quoted && !literal && body.length === 1 && indent > base && attributionLine(body[0] ?? '')) continue;
    // A paragraph whose first line alone is indented (as novels set them) is at the base all the same.
    const deeper = literal || (indent > base && !(body.length > 1 && body.slice(1).every((l) => indentOf(l) <= base)));
    quoted = false;
    if (literal || (deeper && !proseRun(body) && !itemRun(run)) || (!deeper && codeRun(body))) {
      // Code runs on over blank lines while the blocks after it are indented deeper and are code too.
      let last = k;
      while (deeper) {
        const after = runs[last + 1];
        if (!after || indentOf(text(after.start)) <= (literal ? indent - 1 : base) || (!literal && (proseRun(runLines(after)) || itemRun(after)))) break;
        last++;
      }
      const end = (runs[last] as Run).end;
      const code = dedent(lines.slice(run.start, end));
      codeLines += code.length;
      b.figure('code', run.start + 1, code);
      k = last;
      continue;
    }
    // Prose: a paragraph (or a quotation, indented deeper than the base), or list items.
    let itemIndent = -1;
    for (let i = run.start; i < run.end; i++) {
      const line = text(i);
      const item = ITEM.exec(line);
      const startsItem = item && (i === run.start ? itemRun(run) : itemIndent === indentOf(line));
      if (item && startsItem) {
        itemIndent = indentOf(line);
        b.start('item', line.slice(item[0].length), item[0].length, i + 1);
      } else if (i === run.start) {
        const prefix = (faq && qaLabel(line)) || leading(line);
        b.start(deeper ? 'quote' : 'paragraph', line.slice(prefix), prefix, i + 1);
      }
      else b.add(line.slice(leading(line)), leading(line), i + 1);
    }
    b.flush();
    quoted = deeper;
    if (/(?:^|[^:]):: *$/u.test(text(run.end - 1))) literalUnder = indentOf(text(run.end - 1));
  }
  b.flush();
  return { headings: b.headings, blocks: b.blocks, figures: b.figures, definitions: new Map(), definitionLines: [], footnotes: [], codeLines };
}
