import MiniSearch from 'minisearch';
import type { Deck } from '../deck/index.js';
import { readArticle } from './article.js';
import { TermIndex } from './tokens.js';

/**
 * Q&A from the sources: a BM25 index (minisearch) over the passages of the articles a deck cites —
 * the articles themselves, not the slides. A passage is one paragraph, list item or quote of an
 * article, with its lines. Words are the compiler's own terms (lower-cased, stop words out,
 * stemmed; CJK runs cut by the compiler's word segmenter), for the passages and the question alike.
 */

export interface Answer {
  path: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The passage's lines, verbatim. */
  lines: string[];
  score: number;
  /** The 0-based slide that cites these lines, or null when none does. */
  slide: number | null;
  /** The passage's lines that some slide cites (1-based line numbers). */
  cited: number[];
}

export interface AnswerIndex {
  /** The best passages for a question, best first (at most `limit`). */
  search(question: string, limit?: number): Answer[];
  /** How many passages are indexed. */
  passages: number;
}

interface Passage {
  id: number;
  path: string;
  startLine: number;
  endLine: number;
  text: string;
}

/**
 * Indexes the passages of every article the deck cites. `readSource` reads a cited path through
 * the deck's confined reader; an article that cannot be read or is not an article is left out.
 */
export function buildAnswerIndex(deck: Deck, readSource: (path: string) => string | null): AnswerIndex {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const termIndex = new TermIndex((term) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = terms.length;
      ids.set(term, id);
      terms.push(term);
    }
    return id;
  });
  const tokenize = (text: string) => termIndex.ids(text).map((id) => terms[id] as string);

  const paths = [...new Set(deck.slides.flatMap((slide) => slide.sources.map((ref) => ref.path)))];
  const passages: Passage[] = [];
  const lines = new Map<string, string[]>();
  paths.forEach((path, i) => {
    let text: string | null;
    try {
      text = readSource(path);
    } catch {
      text = null;
    }
    if (text === null) return;
    let article;
    try {
      article = readArticle(i, path, text);
    } catch {
      return;
    }
    lines.set(path, article.lines);
    // One passage a block: its sentences together.
    const byBlock = new Map<number, Passage>();
    for (const s of article.sentences) {
      const passage = byBlock.get(s.block);
      if (passage) {
        passage.endLine = Math.max(passage.endLine, s.endLine);
        passage.text += ` ${s.plain}`;
      } else {
        const created = { id: passages.length, path, startLine: s.startLine, endLine: s.endLine, text: s.plain };
        byBlock.set(s.block, created);
        passages.push(created);
      }
    }
  });

  const search = new MiniSearch<Passage>({ fields: ['text'], storeFields: [], tokenize, processTerm: (term) => term });
  search.addAll(passages);

  const citingSlide = (p: Passage): number | null => {
    const slide = deck.slides.find((s) => s.sources.some((ref) => ref.path === p.path && ref.startLine <= p.endLine && ref.endLine >= p.startLine));
    return slide ? slide.index - 1 : null;
  };
  return {
    passages: passages.length,
    search(question, limit = 8) {
      if (tokenize(question).length === 0) return [];
      return search
        .search(question, { prefix: (term) => term.length >= 4 })
        .slice(0, limit)
        .map((result) => {
          const p = passages[result.id as number] as Passage;
          const cited: number[] = [];
          for (let n = p.startLine; n <= p.endLine; n++) {
            if (deck.slides.some((s) => s.sources.some((ref) => ref.path === p.path && ref.startLine <= n && ref.endLine >= n))) cited.push(n);
          }
          return { path: p.path, startLine: p.startLine, endLine: p.endLine, lines: (lines.get(p.path) ?? []).slice(p.startLine - 1, p.endLine), score: result.score, slide: citingSlide(p), cited };
        });
    },
  };
}
