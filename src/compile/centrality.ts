import { centroidSimilarities, cosine, type SparseVector } from './vectors.js';

/** Above this many sentences, centrality is measured against the centroid instead of the full graph. */
const MAX_GRAPH = 160;
const DAMPING = 0.85;
const ITERATIONS = 40;

/**
 * How central each sentence is to its group: continuous LexRank (Erkan & Radev 2004), the
 * stationary distribution of a random walk over the cosine-similarity graph, for groups up to
 * MAX_GRAPH sentences; for larger groups, cosine similarity to the group's centroid (the
 * degree centrality of the unthresholded graph up to normalisation), which is linear.
 * Scores are scaled so that the most central sentence has 1.
 */
export function centrality(vectors: readonly SparseVector[], vocabularySize: number): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  let scores: number[];
  if (n > MAX_GRAPH) {
    scores = centroidSimilarities(vectors, vocabularySize);
  } else {
    const sim = new Float64Array(n * n);
    const rowSum = new Float64Array(n);
    // Each sentence's weights spread over the vocabulary once, so that its products with every later
    // sentence are read off that array: the same sums as cosine's merge of the two term lists, in the
    // same order (a term the first lacks adds 0), at a fraction of the cost.
    const dense = new Float64Array(vocabularySize);
    for (let i = 0; i < n; i++) {
      const a = vectors[i] as SparseVector;
      for (let k = 0; k < a.ids.length; k++) dense[a.ids[k] as number] = a.weights[k] as number;
      for (let j = i + 1; j < n; j++) {
        const b = vectors[j] as SparseVector;
        let s = 0;
        if (a.norm !== 0 && b.norm !== 0) {
          let sum = 0;
          for (let k = 0; k < b.ids.length; k++) sum += (dense[b.ids[k] as number] as number) * (b.weights[k] as number);
          s = sum / (a.norm * b.norm);
        }
        sim[i * n + j] = s;
        sim[j * n + i] = s;
        rowSum[i] = (rowSum[i] ?? 0) + s;
        rowSum[j] = (rowSum[j] ?? 0) + s;
      }
      for (let k = 0; k < a.ids.length; k++) dense[a.ids[k] as number] = 0;
    }
    let p = new Float64Array(n).fill(1 / n);
    for (let iter = 0; iter < ITERATIONS; iter++) {
      const next = new Float64Array(n).fill((1 - DAMPING) / n);
      for (let i = 0; i < n; i++) {
        const pi = p[i] ?? 0;
        const total = rowSum[i] ?? 0;
        if (total === 0) {
          for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + (DAMPING * pi) / n;
          continue;
        }
        for (let j = 0; j < n; j++) {
          const s = sim[i * n + j] ?? 0;
          if (s > 0) next[j] = (next[j] ?? 0) + (DAMPING * pi * s) / total;
        }
      }
      p = next;
    }
    scores = Array.from(p);
  }
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  return max > 0 ? scores.map((s) => s / max) : scores.map(() => 0);
}

/** A thing to choose, with its worth and its vector. */
export interface Candidate {
  score: number;
  vector: SparseVector;
}

/**
 * Maximal Marginal Relevance (Carbonell & Goldstein 1998): picks up to `count` candidates, each
 * time the one with the best λ·score − (1−λ)·(greatest similarity to what is already chosen, here
 * or in `already`). Candidates more similar than `maxSimilarity` to a chosen one are skipped.
 * `conflict(a, b)` marks pairs that may not both be chosen. Returns indexes in choice order.
 */
export function selectMmr(
  candidates: readonly Candidate[],
  count: number,
  options: { lambda?: number; already?: readonly SparseVector[]; maxSimilarity?: number; conflict?: (a: number, b: number) => boolean } = {},
): number[] {
  const lambda = options.lambda ?? 0.7;
  const maxSimilarity = options.maxSimilarity ?? 0.6;
  const already = options.already ?? [];
  const chosen: number[] = [];
  const redundancy = candidates.map((c) => already.reduce((m, v) => Math.max(m, cosine(c.vector, v)), 0));
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -Infinity;
    candidates.forEach((c, i) => {
      if (chosen.includes(i) || (redundancy[i] ?? 0) > maxSimilarity) return;
      if (options.conflict && chosen.some((k) => options.conflict?.(k, i))) return;
      const value = lambda * c.score - (1 - lambda) * (redundancy[i] ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    chosen.push(best);
    const picked = candidates[best]?.vector;
    if (picked) candidates.forEach((c, i) => (redundancy[i] = Math.max(redundancy[i] ?? 0, cosine(c.vector, picked))));
  }
  return chosen;
}
