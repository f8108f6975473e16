/** Sparse term vectors over an interned vocabulary: the arithmetic behind every similarity here. */

/** Interns terms to small integers for the length of one compilation. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  get size(): number {
    return this.terms.length;
  }
}

/** A sparse vector: ascending term ids with their weights, and its Euclidean norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : dot(a, b) / (a.norm * b.norm);
}

/** Builds a vector from a list of term ids (repeats count), each weighted by `weight(id, count)`. */
export function vectorFromIds(list: readonly number[], weight: (id: number, count: number) => number): SparseVector {
  const sorted = Int32Array.from(list).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let norm = 0;
  let k = -1;
  let count = 0;
  const close = () => {
    if (k < 0) return;
    const w = weight(ids[k] ?? 0, count);
    weights[k] = w;
    norm += w * w;
  };
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      close();
      k++;
      ids[k] = sorted[i] ?? 0;
      count = 0;
    }
    count++;
  }
  close();
  return { ids, weights, norm: Math.sqrt(norm) };
}

/** Cosine similarity of each vector with the sum of all of them, through a dense accumulator. */
export function centroidSimilarities(vectors: readonly SparseVector[], vocabularySize: number): number[] {
  const centroid = new Float64Array(vocabularySize);
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) centroid[v.ids[i] ?? 0] = (centroid[v.ids[i] ?? 0] ?? 0) + (v.weights[i] ?? 0);
  let norm = 0;
  for (let i = 0; i < centroid.length; i++) norm += (centroid[i] ?? 0) ** 2;
  norm = Math.sqrt(norm);
  return vectors.map((v) => {
    if (v.norm === 0 || norm === 0) return 0;
    let dot = 0;
    for (let i = 0; i < v.ids.length; i++) dot += (v.weights[i] ?? 0) * (centroid[v.ids[i] ?? 0] ?? 0);
    return dot / (v.norm * norm);
  });
}
