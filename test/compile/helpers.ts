import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blocksText, type Deck, type Slide } from '../../src/deck/index.js';
import { collapseWhitespace, parseDeck } from '../../src/parse/index.js';
import { compileTalk } from '../../src/compile/index.js';

/** Folder of the bundled talk and its sources. */
export const UNIKERNELS_DIR = fileURLToPath(new URL('../../decks/unikernels/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/compile/', import.meta.url));

export const BUNDLED = ['sources/unikernels-are-unfit-for-production.md', 'sources/unikernels-undebuggable-tns.zh.md'];

/** A set of articles as compileTalk takes them, with where their paths are relative to. */
export interface Corpus {
  name: string;
  dir: string;
  paths: string[];
}

export const CORPORA: Corpus[] = [
  { name: 'bundled English + Chinese', dir: UNIKERNELS_DIR, paths: BUNDLED },
  { name: 'bundled Chinese alone', dir: UNIKERNELS_DIR, paths: [BUNDLED[1] as string] },
  { name: 'with headings', dir: FIXTURES_DIR, paths: ['with-headings.md'] },
  { name: 'plain text', dir: FIXTURES_DIR, paths: ['plain-text.txt'] },
  { name: 'mixed language and abbreviations', dir: FIXTURES_DIR, paths: ['mixed-abbreviations.md'] },
  { name: 'no title, with lists, a quote and code', dir: FIXTURES_DIR, paths: ['untitled-lists-quotes.md'] },
];

export function readIn(dir: string, path: string): string | null {
  try {
    return readFileSync(`${dir}${path}`, 'utf8');
  } catch {
    return null;
  }
}

export function compileCorpus(corpus: Corpus, minutes?: number, title?: string): string {
  return compileTalk(
    corpus.paths.map((path) => ({ path, text: readIn(corpus.dir, path) ?? '' })),
    { minutes, title },
  );
}

/** The corpus of real articles (test/corpus/articles), each as it would sit in a deck's sources/. */
export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
export const CORPUS_ARTICLES: string[] = readdirSync(`${CORPUS_DIR}articles`)
  .filter((f) => !f.startsWith('.') && f !== 'SOURCES.md')
  .sort();

/** Parses a compiled deck as if it were written in `dir`, checking its sources as the parser does. */
export function parseIn(dir: string, text: string): Deck {
  return parseDeck(text, {
    file: `${dir}talk.md`,
    readSource: (path) => {
      const source = readIn(dir, path);
      return source === null ? { error: 'cannot read' } : { text: source };
    },
  });
}

/** Words the structure slides add on their own: not drawn from any passage, by design. */
export const SCAFFOLDING = new Set(['agenda', 'takeaways', 'questions', '议', '程', '要', '点', '提', '问', 'アジェンダ', 'まとめ', '質疑応答', '質', '疑', '応', '答']);

export type SlideRole = 'title' | 'agenda' | 'section' | 'content' | 'takeaways' | 'questions';

/** What a slide of a compiled deck is, from its shape. */
export function roleOf(slide: Slide, index: number, count: number): SlideRole {
  if (index === 0) return 'title';
  if (index === count - 1) return 'questions';
  if (slide.title === 'Agenda' || slide.title === '议程' || slide.title === 'アジェンダ') return 'agenda';
  if ((slide.title === 'Takeaways' || slide.title === '要点' || slide.title === 'まとめ') && index === count - 2) return 'takeaways';
  if (slide.blocks.some((b) => b.kind === 'middle')) return 'section';
  return 'content';
}

/** The slide's visible lines: heading and every paragraph or list item, markers dropped. */
export function visibleLines(slide: Slide): string[] {
  return blocksText(slide.blocks).map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, ''));
}

/** Top-level bullets of a slide. */
export function bulletsOf(slide: Slide): string[] {
  const out: string[] = [];
  for (const block of slide.blocks) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) out.push(blocksText(item.blocks.filter((b) => b.kind !== 'list'))[0] ?? '');
  }
  return out;
}

/** Whether a quote is in the given lines of a text, whitespace collapsed. */
export function quoteInLines(text: string, startLine: number, endLine: number, quote: string): boolean {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  return collapseWhitespace(lines.slice(startLine - 1, endLine).join('\n')).includes(collapseWhitespace(quote));
}

/**
 * A long article made from the bundled English article: its sentences in a seeded order, with
 * some words swapped for others, until it is `bytes` long (as bench/compile.mjs makes them).
 */
export function longArticle(bytes: number, seed = 1): string {
  const body = (readIn(UNIKERNELS_DIR, BUNDLED[0] as string) ?? '').split('\n--------')[0] ?? '';
  const sentences = body
    .split(/\n\s*\n/u)
    .slice(1)
    .flatMap((p) => p.trim().split(/(?<=[.!?])\s+(?=[A-Z(])/u));
  const words = [...new Set(body.match(/\b[a-z]{5,12}\b/gu) ?? [])].sort();
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out: string[] = ['Unikernels at scale', '===================', ''];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 6) }, () =>
      pick(sentences).replace(/(?<![[(/\w])\b[a-z]{5,12}\b(?![\w\]])/gu, (w) => (next() < 0.15 ? pick(words) : w)),
    ).join(' ');
    out.push(paragraph, '');
    size += paragraph.length + 2;
  }
  return out.join('\n');
}
