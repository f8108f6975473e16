import type { Article, Sentence } from './article.js';
import { displayWidth } from './text-width.js';
import type { Vocabulary } from './vectors.js';

/** An article's sentences as term ids: `terms` from its words, `anchors` from its links and the glossary. */
export interface Analysis {
  article: Article;
  terms: number[][];
  anchors: number[][];
  /** Term ids of names and numbers (capitalised words past a sentence's first, words with digits, Latin words in Chinese text). */
  names: Set<number>[];
}

/** A passage of another article that supports a slide, and the main article's sentence it echoes most. */
export interface Support {
  sentence: Sentence;
  /** Index of the main article's sentence. */
  anchor: number;
}

/** How much a shared term says, by where it came from: a link target says most, a glossary word least. */
const KIND_WEIGHT = { word: 1, link: 1.6, glossary: 0.6 } as const;
/** The least evidence (sum of idf-weighted shared terms) for a passage to support a slide. */
const MIN_SCORE = 3.2;
/** A term is distinctive when at most about one sentence in eight has it (idf ≥ 2). */
const DISTINCTIVE_IDF = 2;
/** Shared names, numbers or glossary terms a passage needs (a shared link target counts as enough on its own). */
const MIN_DISTINCTIVE = 2;
/** Or this many shared distinctive words of any kind: a paraphrase in the same language. */
const MIN_WORDS = 4;
/** Passages narrower than this (display columns) are captions and credits, not points. */
const MIN_COLUMNS = 40;
/** The most passages one article lends a slide. */
const PER_ARTICLE = 3;

type Kind = keyof typeof KIND_WEIGHT;

function termKinds(analysis: Analysis, i: number, vocab: Vocabulary): Map<number, Kind> {
  const kinds = new Map<number, Kind>();
  for (const id of analysis.anchors[i] ?? []) kinds.set(id, vocab.terms[id]?.startsWith('url:') ? 'link' : 'glossary');
  for (const id of analysis.terms[i] ?? []) kinds.set(id, kinds.get(id) === 'link' ? 'link' : 'word');
  return kinds;
}

/**
 * Finds, for each slide (a chunk of the main article's sentences), the passages of the other
 * articles that support it. Evidence is language-independent where it can be: shared names,
 * numbers, Latin terms and link targets, weighted by rarity (idf over every sentence of every
 * article); glossary words bridge Chinese and English at a lower weight. Each passage supports
 * at most the one slide it matches best, and only with enough evidence, from at least two
 * distinctive terms (or one shared link). Linear in the articles' length.
 */
export function findSupport(chunks: readonly { start: number; end: number }[], analyses: readonly Analysis[], vocab: Vocabulary, minScore = MIN_SCORE): Support[][] {
  const result: Support[][] = chunks.map(() => []);
  if (analyses.length < 2 || chunks.length === 0) return result;

  const df = new Map<number, number>();
  let documents = 0;
  for (const a of analyses) {
    for (let i = 0; i < a.terms.length; i++) {
      documents++;
      for (const id of new Set([...(a.terms[i] ?? []), ...(a.anchors[i] ?? [])])) df.set(id, (df.get(id) ?? 0) + 1);
    }
  }
  const idf = (id: number) => Math.log((documents + 1) / ((df.get(id) ?? 0) + 0.5));

  // Each slide's terms, and which slides hold each term.
  const main = analyses[0] as Analysis;
  const chunkKinds = chunks.map((chunk) => {
    const kinds = new Map<number, Kind>();
    for (let i = chunk.start; i < chunk.end; i++) {
      for (const [id, kind] of termKinds(main, i, vocab)) if (kinds.get(id) !== 'word' && kinds.get(id) !== 'link') kinds.set(id, kind);
    }
    return kinds;
  });
  const holders = new Map<number, number[]>();
  chunkKinds.forEach((kinds, c) => {
    for (const id of kinds.keys()) {
      const list = holders.get(id);
      if (list) list.push(c);
      else holders.set(id, [c]);
    }
  });
  const sizes = chunkKinds.map((k) => k.size);
  const meanSize = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length) || 1;

  for (const analysis of analyses.slice(1)) {
    const found: { chunk: number; score: number; sentence: Sentence }[] = [];
    analysis.article.sentences.forEach((sentence, i) => {
      if (displayWidth(sentence.plain) < MIN_COLUMNS) return;
      const scores = new Map<number, { score: number; terms: number; words: number; link: boolean }>();
      const names = analysis.names[i] ?? new Set<number>();
      for (const [id, kind] of termKinds(analysis, i, vocab)) {
        const slides = holders.get(id);
        if (!slides) continue;
        for (const c of slides) {
          const other = chunkKinds[c]?.get(id) ?? 'word';
          const w = idf(id) * Math.min(KIND_WEIGHT[kind], KIND_WEIGHT[other]);
          const entry = scores.get(c) ?? { score: 0, terms: 0, words: 0, link: false };
          entry.score += w;
          if (idf(id) >= DISTINCTIVE_IDF) {
            entry.words++;
            // Shared names, numbers and glossary terms are evidence; shared ordinary words are coincidence, unless many.
            if (names.has(id) || kind === 'glossary' || other === 'glossary') entry.terms++;
          }
          entry.link ||= kind === 'link' && other === 'link';
          scores.set(c, entry);
        }
      }
      let best = -1;
      let bestScore = 0;
      // A paraphrase shares most of its weighty words, not a handful of a long sentence's.
      const ownWords = new Set(analysis.terms[i] ?? []).size;
      const enoughWords = Math.max(MIN_WORDS, Math.ceil(ownWords * 0.4));
      for (const [c, entry] of scores) {
        if (entry.terms < MIN_DISTINCTIVE && entry.words < enoughWords && !entry.link) continue;
        const score = entry.score / Math.sqrt(Math.max(1, (sizes[c] ?? 1) / meanSize));
        if (score > bestScore || (score === bestScore && c < best)) {
          bestScore = score;
          best = c;
        }
      }
      if (best >= 0 && bestScore >= minScore) found.push({ chunk: best, score: bestScore, sentence });
    });
    const byChunk = new Map<number, typeof found>();
    for (const f of found) byChunk.set(f.chunk, [...(byChunk.get(f.chunk) ?? []), f]);
    for (const [c, list] of byChunk) {
      list.sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
      const kept = list.slice(0, PER_ARTICLE).sort((a, b) => a.sentence.index - b.sentence.index);
      const chunk = chunks[c] as { start: number; end: number };
      for (const f of kept) {
        // The main sentence the passage echoes most: the notes put the two together.
        const own = termKinds(analysis, f.sentence.index, vocab);
        let anchor = chunk.start;
        let anchorScore = -1;
        for (let i = chunk.start; i < chunk.end; i++) {
          let score = 0;
          for (const id of new Set([...(main.terms[i] ?? []), ...(main.anchors[i] ?? [])])) if (own.has(id)) score += idf(id);
          if (score > anchorScore) {
            anchorScore = score;
            anchor = i;
          }
        }
        result[c]?.push({ sentence: f.sentence, anchor });
      }
    }
  }
  return result;
}
