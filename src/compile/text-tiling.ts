/** Tokens on each side of a gap that TextTiling compares (about six pseudo-sentences of twenty). */
const BLOCK_TOKENS = 120;

/**
 * Lexical cohesion across each gap between consecutive units (sentences), TextTiling style
 * (Hearst 1997): the cosine of the term counts of a block of units before the gap and one after,
 * blocks of as many units as make about BLOCK_TOKENS tokens on average. Returns n-1 scores; gap i
 * lies between unit i and unit i+1. The blocks slide along, so each unit enters and leaves each
 * block once: linear in tokens. `vocabularySize` bounds the term ids.
 */
export function gapCohesion(units: readonly (readonly number[])[], vocabularySize: number, blockTokens = BLOCK_TOKENS): number[] {
  const n = units.length;
  if (n < 2) return [];
  let tokens = 0;
  for (const u of units) tokens += u.length;
  // Short texts get shorter blocks, so that a block stays within a topic of a few paragraphs.
  const k = Math.max(1, Math.min(Math.round(blockTokens / Math.max(1, tokens / n)), Math.floor(n / 8)));
  const left = new Float64Array(vocabularySize);
  const right = new Float64Array(vocabularySize);
  let dot = 0;
  let leftSq = 0;
  let rightSq = 0;
  const add = (side: Float64Array, other: Float64Array, ids: readonly number[], sign: 1 | -1) => {
    let sq = 0;
    for (const id of ids) {
      const before = side[id] ?? 0;
      const after = before + sign;
      side[id] = after;
      sq += after * after - before * before;
      dot += sign * (other[id] ?? 0);
    }
    return sq;
  };
  // Gap 0: left holds unit 0, right holds units 1..k.
  leftSq += add(left, right, units[0] ?? [], 1);
  for (let i = 1; i <= Math.min(k, n - 1); i++) rightSq += add(right, left, units[i] ?? [], 1);
  const scores: number[] = [];
  for (let gap = 0; gap + 1 < n; gap++) {
    if (gap > 0) {
      // Unit `gap` crosses from the right block to the left; the blocks' far ends move on by one.
      rightSq += add(right, left, units[gap] ?? [], -1);
      leftSq += add(left, right, units[gap] ?? [], 1);
      if (gap - k >= 0) leftSq += add(left, right, units[gap - k] ?? [], -1);
      if (gap + k < n) rightSq += add(right, left, units[gap + k] ?? [], 1);
    }
    scores.push(leftSq > 0 && rightSq > 0 ? Math.max(0, dot) / Math.sqrt(leftSq * rightSq) : 0);
  }
  return scores;
}

/**
 * Depth scores of cohesion dips: for each gap, how far cohesion falls from the nearest peak on
 * its left plus from the nearest peak on its right, after smoothing with a window of three.
 * A deep dip is a likely topic boundary.
 */
export function depthScores(cohesion: readonly number[]): number[] {
  const n = cohesion.length;
  const smooth = cohesion.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
      sum += cohesion[j] ?? 0;
      count++;
    }
    return sum / count;
  });
  // The climb from gap i to its left peak passes through gap i-1 and continues as its climb
  // would, so both peaks follow from their neighbour's: linear even on long plateaus.
  const leftPeak = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = smooth[i] ?? 0;
    leftPeak[i] = i > 0 && (smooth[i - 1] ?? 0) >= s ? (leftPeak[i - 1] ?? s) : s;
  }
  const rightPeak = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const s = smooth[i] ?? 0;
    rightPeak[i] = i < n - 1 && (smooth[i + 1] ?? 0) >= s ? (rightPeak[i + 1] ?? s) : s;
  }
  return smooth.map((s, i) => (leftPeak[i] ?? s) - s + ((rightPeak[i] ?? s) - s));
}

/**
 * Picks `count` cut points among gaps by score, no two closer than `minSpacing` units and none
 * closer than that to either end. `score[i]` is the worth of cutting after unit i (-Infinity: never).
 * Returns the gap indexes in ascending order.
 */
export function pickCuts(score: readonly number[], count: number, minSpacing: number): number[] {
  const order = score.map((s, i) => ({ s, i })).filter((g) => Number.isFinite(g.s));
  order.sort((a, b) => b.s - a.s || a.i - b.i);
  const units = score.length + 1;
  const chosen: number[] = [];
  for (const { i } of order) {
    if (chosen.length >= count) break;
    if (i + 1 < minSpacing || units - (i + 1) < minSpacing) continue;
    if (chosen.some((c) => Math.abs(c - i) < minSpacing)) continue;
    chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Where topics change in a run of sentences: `count - 1` cuts at the deepest cohesion dips,
 * taken at paragraph starts when there are enough of them. `worth[g]` is the depth-based worth
 * of gap g (see `depthScores`), `opensBlock[i]` whether sentence i starts a paragraph. Returns the
 * indexes of the sentences that start each topic after the first.
 */
export function topicStarts(worth: readonly number[], opensBlock: readonly boolean[], count: number): number[] {
  const n = opensBlock.length;
  if (count <= 1 || n < 2) return [];
  const paragraphGap = worth.map((_, g) => opensBlock[g + 1] === true);
  const plenty = paragraphGap.filter(Boolean).length >= 2 * (count - 1);
  const scores = worth.map((w, g) => (plenty && !paragraphGap[g] ? -Infinity : w + (paragraphGap[g] ? 0.25 : 0)));
  return pickCuts(scores, count - 1, Math.max(2, Math.floor((0.5 * n) / count))).map((g) => g + 1);
}
