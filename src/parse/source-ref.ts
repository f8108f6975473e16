import { createHash } from 'node:crypto';
import type { SourceRef } from '../deck/index.js';

/**
 * Source references are written as one HTML comment per passage:
 *
 *   <!-- source: sources/article.md:12-14 #3f9a2c1b0d4e "the quoted passage" -->
 *
 * path relative to the deck, a 1-based inclusive line range (`:12` for one line), `#` and the
 * fingerprint, then the quote in double quotes with `\"` and `\\` escaped. The quote never holds
 * `--` raw (written `-\-`) so it cannot end the comment.
 */
export const SOURCE_REF_PATTERN =
  /^(?<path>[^\s"]+?):(?<start>\d+)(?:-(?<end>\d+))?\s+#(?<fp>[0-9a-f]{6,64})\s+"(?<quote>(?:[^"\\]|\\.)*)"\s*$/su;

/** Collapses runs of whitespace to one space and trims: the form quotes are compared in. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A short, stable fingerprint of a quote: the first 12 hex digits of SHA-256 of its collapsed text. */
export function fingerprintOf(quote: string): string {
  return createHash('sha256').update(collapseWhitespace(quote), 'utf8').digest('hex').slice(0, 12);
}

function escapeQuote(quote: string): string {
  return collapseWhitespace(quote).replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/--/gu, '-\\-');
}

function unescapeQuote(quote: string): string {
  return quote.replace(/\\(.)/gsu, '$1');
}

/** The body of a `source:` directive (what follows `source:`) for a reference. */
export function formatSourceRef(ref: Pick<SourceRef, 'path' | 'startLine' | 'endLine' | 'quote' | 'fingerprint'>): string {
  const lines = ref.startLine === ref.endLine ? `${ref.startLine}` : `${ref.startLine}-${ref.endLine}`;
  return `${ref.path}:${lines} #${ref.fingerprint} "${escapeQuote(ref.quote)}"`;
}

/** The whole comment line for a reference. */
export function formatSourceDirective(ref: Pick<SourceRef, 'path' | 'startLine' | 'endLine' | 'quote' | 'fingerprint'>): string {
  return `<!-- source: ${formatSourceRef(ref)} -->`;
}

/** Parses the body of a `source:` directive; returns an error message when it is malformed. */
export function parseSourceRef(body: string, line: number): SourceRef | string {
  const match = SOURCE_REF_PATTERN.exec(body.trim());
  if (!match?.groups) {
    return 'malformed source reference: expected `PATH:START-END #FINGERPRINT "QUOTE"`';
  }
  const { path, start, end, fp, quote } = match.groups as { path: string; start: string; end?: string; fp: string; quote: string };
  const startLine = Number(start);
  const endLine = end === undefined ? startLine : Number(end);
  if (startLine < 1 || endLine < startLine) {
    return `invalid line range ${start}-${end ?? start}: lines are 1-based and the end may not come before the start`;
  }
  return { path, startLine, endLine, quote: unescapeQuote(quote), fingerprint: fp, line };
}
