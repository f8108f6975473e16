import type { Location, SourceRef } from '../deck/index.js';
import { collapseWhitespace, fingerprintOf } from './source-ref.js';
import type { DiagnosticSink } from './source-line.js';

/** Reads a cited article, `path` as written in the reference (relative to the deck file). */
export type SourceReader = (path: string) => { text: string } | { error: string };

/**
 * Checks a source reference: its fingerprint against its quote and, when the article can be
 * read, its lines and quote against the article. Problems are warnings: a stale citation does
 * not stop a talk.
 */
export class SourceChecker {
  private readonly cache = new Map<string, { lines: string[] } | { error: string }>();

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly read: SourceReader | undefined,
  ) {}

  check(ref: SourceRef, at: Location): void {
    const expected = fingerprintOf(ref.quote);
    if (expected !== ref.fingerprint) {
      this.sink.warning(at, `fingerprint #${ref.fingerprint} does not match the quote (its fingerprint is #${expected})`);
    }
    if (!this.read) return;
    const article = this.article(ref.path);
    if ('error' in article) {
      this.sink.warning(at, `cannot check source "${ref.path}": ${article.error}`);
      return;
    }
    const count = article.lines.length;
    if (ref.endLine > count) {
      this.sink.warning(at, `lines ${ref.startLine}-${ref.endLine} are past the end of "${ref.path}" (${count} lines)`);
      return;
    }
    const passage = collapseWhitespace(article.lines.slice(ref.startLine - 1, ref.endLine).join('\n'));
    if (!passage.includes(collapseWhitespace(ref.quote))) {
      const span = ref.startLine === ref.endLine ? `line ${ref.startLine}` : `lines ${ref.startLine}-${ref.endLine}`;
      this.sink.warning(at, `the quote is not in ${span} of "${ref.path}"`);
    }
  }

  private article(path: string): { lines: string[] } | { error: string } {
    const cached = this.cache.get(path);
    if (cached) return cached;
    let entry: { lines: string[] } | { error: string };
    try {
      const result = this.read?.(path) as { text?: unknown; error?: unknown } | null | undefined;
      if (result && typeof result.text === 'string') {
        const lines = result.text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').split('\n');
        // A final line end does not start another line.
        if (lines.length > 1 && lines.at(-1) === '') lines.pop();
        entry = { lines };
      } else entry = { error: typeof result?.error === 'string' ? result.error : 'it could not be read' };
    } catch (error) {
      entry = { error: (error as Error)?.message ?? String(error) };
    }
    this.cache.set(path, entry);
    return entry;
  }
}
