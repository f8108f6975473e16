// source-ref.js directly, not parse/index.js: see write-deck.ts.
import { LocatedError, type Deck, type SourceRef } from '../deck/index.js';
import { collapseWhitespace } from '../parse/source-ref.js';
import { readArticle } from './article.js';
import { contentWords } from './tokens.js';

/** A citation of the deck that no longer matches its article. */
export interface SourceProblem {
  /**
   * 'moved': the passage is in the article, at other lines; 'changed': a passage much like it is
   * near, with other words; 'vanished': nothing like it is left; 'missing-file': the article
   * cannot be read.
   */
  kind: 'moved' | 'changed' | 'missing-file' | 'vanished';
  /** 1-based number of the slide that cites it. */
  slide: number;
  ref: SourceRef;
  /** Where the passage (or what it became) is now; null for 'vanished' and 'missing-file'. */
  newStartLine: number | null;
  newEndLine: number | null;
  /** What the passage reads now ('changed'), or where it moved ('moved'); null otherwise. */
  newText: string | null;
  /** One line for people: what happened, with the old and new text or lines. */
  message: string;
}

/** Below this share of shared words, a passage is another passage, not a changed one. */
const MIN_SIMILARITY = 0.5;

interface SourceFile {
  lines: string[];
  /** Whitespace-collapsed lines joined by one space, and where each line starts in it. */
  flat: string;
  starts: number[];
  /** Passages a changed quote may have become: sentences and whole lines. */
  passages: { startLine: number; endLine: number; text: string; words: Map<string, number> }[] | null;
  path: string;
  text: string;
}

function loadSource(path: string, text: string): SourceFile {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const starts: number[] = [];
  let flat = '';
  for (const line of lines) {
    const collapsed = collapseWhitespace(line);
    if (collapsed && flat) flat += ' ';
    starts.push(flat.length);
    flat += collapsed;
  }
  return { lines, flat, starts, passages: null, path, text };
}

function lineAt(file: SourceFile, offset: number): number {
  let lo = 0;
  let hi = file.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((file.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  // Blank lines share the offset of the next line with text: take the last line starting there.
  return lo + 1;
}

function bag(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const w of contentWords(text)) words.set(w, (words.get(w) ?? 0) + 1);
  return words;
}

/** Dice similarity of two word bags. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [w, n] of a) {
    common += Math.min(n, b.get(w) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

function passagesOf(file: SourceFile): NonNullable<SourceFile['passages']> {
  if (file.passages) return file.passages;
  const passages: NonNullable<SourceFile['passages']> = [];
  try {
    for (const s of readArticle(0, file.path, file.text).sentences) passages.push({ startLine: s.startLine, endLine: s.endLine, text: s.quote, words: bag(s.plain) });
  } catch {
    // An article that no longer reads as prose still has lines to compare.
  }
  file.lines.forEach((line, i) => {
    if (line.trim()) passages.push({ startLine: i + 1, endLine: i + 1, text: line.trim(), words: bag(line) });
  });
  file.passages = passages;
  return passages;
}

function range(start: number, end: number): string {
  return start === end ? `${start}` : `${start}-${end}`;
}

function short(text: string, max = 100): string {
  const t = collapseWhitespace(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function checkRef(ref: SourceRef, slide: number, file: SourceFile): SourceProblem | null {
  const quote = collapseWhitespace(ref.quote);
  const problem = (kind: SourceProblem['kind'], start: number | null, end: number | null, newText: string | null, message: string): SourceProblem => ({
    kind,
    slide,
    ref,
    newStartLine: start,
    newEndLine: end,
    newText,
    message,
  });
  if (ref.endLine <= file.lines.length && collapseWhitespace(file.lines.slice(ref.startLine - 1, ref.endLine).join('\n')).includes(quote)) return null;
  const at = `${ref.path}:${range(ref.startLine, ref.endLine)}`;

  // Moved: the same words elsewhere; of several places, the nearest to where it was.
  if (quote) {
    let best: { start: number; end: number } | null = null;
    for (let offset = file.flat.indexOf(quote); offset >= 0; offset = file.flat.indexOf(quote, offset + 1)) {
      const start = lineAt(file, offset);
      const end = lineAt(file, offset + quote.length - 1);
      if (!best || Math.abs(start - ref.startLine) < Math.abs(best.start - ref.startLine)) best = { start, end };
    }
    if (best) {
      return problem('moved', best.start, best.end, quote, `the passage cited at ${at} moved to line${best.start === best.end ? '' : 's'} ${range(best.start, best.end)}: "${short(quote)}"; run \`talkdeck check --fix\` to update its lines`);
    }
  }

  // Changed: a passage with most of the same words, the nearest of the best.
  const words = bag(quote);
  let best: { p: NonNullable<SourceFile['passages']>[number]; score: number } | null = null;
  for (const p of passagesOf(file)) {
    const score = similarity(words, p.words);
    if (score < MIN_SIMILARITY) continue;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && Math.abs(p.startLine - ref.startLine) < Math.abs(best.p.startLine - ref.startLine))) best = { p, score };
  }
  if (best) {
    const { p } = best;
    return problem('changed', p.startLine, p.endLine, p.text, `the passage cited at ${at} changed (now ${ref.path}:${range(p.startLine, p.endLine)}): was "${short(quote)}", now "${short(p.text)}"; check the slide still holds, then cite the new text`);
  }
  return problem('vanished', null, null, null, `the passage cited at ${at} is no longer in the file: "${short(quote)}"; cite another passage, or remove the citation`);
}

/**
 * Re-reads every cited article and reports each citation whose passage moved, changed or
 * vanished, or whose article cannot be read. `readSource` gets the path as the deck writes it
 * (relative to the deck file) and returns the text, or null when it cannot be read; or it throws
 * an error that says why (a LocatedError: outside the deck's folder, not a regular file, too big…),
 * and the problem's message says so.
 */
export function checkSources(deck: Deck, readSource: (path: string) => string | null): SourceProblem[] {
  const files = new Map<string, SourceFile | null>();
  /** Why a cited file could not be read, where the reader said. */
  const why = new Map<string, string>();
  const problems: SourceProblem[] = [];
  for (const slide of deck.slides) {
    for (const ref of slide.sources) {
      if (!files.has(ref.path)) {
        let text: string | null;
        try {
          text = readSource(ref.path);
        } catch (error) {
          text = null;
          if (error instanceof LocatedError) why.set(ref.path, `${error.message}${error.hint ? `; ${error.hint}` : ''}`);
        }
        files.set(ref.path, text === null ? null : loadSource(ref.path, text));
      }
      const file = files.get(ref.path);
      if (!file) {
        const reason = why.get(ref.path);
        const message = reason === undefined ? `cannot read the cited file ${ref.path}; check the path (relative to the deck; outside its folder only with --allow-outside)` : `cannot read the cited file ${ref.path}: ${reason}`;
        problems.push({ kind: 'missing-file', slide: slide.index, ref, newStartLine: null, newEndLine: null, newText: null, message });
        continue;
      }
      const problem = checkRef(ref, slide.index, file);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Problems that say the same thing about the same file, counted once: "183 citations: cannot read …". */
export interface SourceProblemGroup {
  /** The first problem of the group (its deck line is where the group is reported). */
  first: SourceProblem;
  count: number;
  /** Slides with a problem of the group, ascending, each once. */
  slides: number[];
  message: string;
}

/**
 * Groups problems with the same message: a file that cannot be read is one line however many
 * citations point at it. Groups keep the order of their first problem.
 */
export function groupSourceProblems(problems: readonly SourceProblem[]): SourceProblemGroup[] {
  const groups = new Map<string, SourceProblemGroup>();
  for (const problem of problems) {
    const key = `${problem.kind}\u0000${problem.message}`;
    const group = groups.get(key);
    if (group) {
      group.count++;
      if (!group.slides.includes(problem.slide)) group.slides.push(problem.slide);
    } else groups.set(key, { first: problem, count: 1, slides: [problem.slide], message: problem.message });
  }
  return [...groups.values()];
}

/** "slide 3", "slides 1-4, 7" */
export function slideList(slides: readonly number[]): string {
  const sorted = [...slides].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return `${sorted.length === 1 ? 'slide' : 'slides'} ${parts.join(', ')}`;
}

const DIRECTIVE_RANGE = /(<!--\s*source:\s*)(\S+?):(\d+)(?:-(\d+))?(\s+#)([0-9a-f]+)/u;

/**
 * Rewrites the line ranges of citations whose passage only moved (problems of kind 'moved'),
 * leaving every other byte of the deck as it was (line ends included). A citation is found at
 * the deck line its reference was read from, or failing that as the one directive with the same
 * path, lines and fingerprint.
 */
export function fixSources(deckText: string, problems: readonly SourceProblem[]): string {
  const parts = deckText.split(/(\r\n|\r|\n)/u);
  // parts alternates line, line end, line, …: line n (1-based) is parts[2(n-1)].
  const lineCount = Math.ceil(parts.length / 2);
  const matches = (line: string, ref: SourceRef) => {
    const m = DIRECTIVE_RANGE.exec(line);
    if (!m) return null;
    const start = Number(m[3]);
    const end = m[4] === undefined ? start : Number(m[4]);
    return m[2] === ref.path && start === ref.startLine && end === ref.endLine && m[6] === ref.fingerprint ? m : null;
  };
  for (const problem of problems) {
    if (problem.kind !== 'moved' || problem.newStartLine === null || problem.newEndLine === null) continue;
    const { ref } = problem;
    let index = ref.line >= 1 && ref.line <= lineCount && matches(parts[2 * (ref.line - 1)] ?? '', ref) ? 2 * (ref.line - 1) : -1;
    if (index < 0) {
      const found: number[] = [];
      for (let i = 0; i < parts.length; i += 2) if (matches(parts[i] ?? '', ref)) found.push(i);
      if (found.length === 1) index = found[0] ?? -1;
    }
    if (index < 0) continue;
    const newRange = range(problem.newStartLine, problem.newEndLine);
    parts[index] = (parts[index] ?? '').replace(DIRECTIVE_RANGE, (_m, open: string, path: string, _s, _e, hash: string, fp: string) => `${open}${path}:${newRange}${hash}${fp}`);
  }
  return parts.join('');
}
