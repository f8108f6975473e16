import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/compile/article.js';
import { depthScores, gapCohesion, pickCuts, topicStarts } from '../../src/compile/text-tiling.js';
import { TermIndex } from '../../src/compile/tokens.js';
import { Vocabulary } from '../../src/compile/vectors.js';
import { FIXTURES_DIR, readIn } from './helpers.js';

describe('TextTiling', () => {
  const article = readArticle(0, 'plain-text.txt', readIn(FIXTURES_DIR, 'plain-text.txt') ?? '');
  const vocab = new Vocabulary();
  const index = new TermIndex((t) => vocab.id(t));
  const units = article.sentences.map((s) => index.ids(s.plain));
  const depth = depthScores(gapCohesion(units, vocab.size));

  test('finds the two places where the topic changes: bees → sailing → bread', () => {
    const starts = topicStarts(depth, article.sentences.map((s) => s.opensBlock), 3);
    const lines = starts.map((i) => article.sentences[i]?.startLine);
    expect(lines).toEqual([22, 40]);
    expect(article.sentences[starts[0] ?? 0]?.plain).toMatch(/^Sailing a small boat/u);
    expect(article.sentences[starts[1] ?? 0]?.plain).toMatch(/^Baking bread/u);
  });

  test('cohesion dips deepest at the topic changes, give or take a sentence', () => {
    const changes = [22, 40].map((line) => article.sentences.findIndex((s) => s.startLine === line));
    const deepest = depth
      .map((d, g) => ({ d, g }))
      .sort((a, b) => b.d - a.d)
      .slice(0, 2)
      .map((x) => x.g + 1)
      .sort((a, b) => a - b);
    deepest.forEach((start, i) => expect(Math.abs(start - (changes[i] ?? 0))).toBeLessThanOrEqual(1));
  });

  test('sliding blocks give the same cohesion as blocks built afresh at each gap', () => {
    const k = 2;
    const fresh = units.slice(0, -1).map((_, g) => {
      const count = (from: number, to: number) => {
        const m = new Map<number, number>();
        for (let i = Math.max(0, from); i < Math.min(units.length, to); i++) for (const id of units[i] ?? []) m.set(id, (m.get(id) ?? 0) + 1);
        return m;
      };
      const l = count(g - k + 1, g + 1);
      const r = count(g + 1, g + 1 + k);
      let dot = 0;
      for (const [id, c] of l) dot += c * (r.get(id) ?? 0);
      const norm = (m: Map<number, number>) => Math.sqrt([...m.values()].reduce((a, c) => a + c * c, 0));
      return norm(l) && norm(r) ? dot / (norm(l) * norm(r)) : 0;
    });
    const tokens = units.reduce((a, u) => a + u.length, 0);
    const sliding = gapCohesion(units, vocab.size, k * (tokens / units.length));
    expect(Math.floor(units.length / 8)).toBeGreaterThanOrEqual(k);
    sliding.forEach((s, i) => expect(s).toBeCloseTo(fresh[i] ?? 0, 9));
  });

  test('pickCuts keeps cuts apart and away from the ends', () => {
    expect(pickCuts([0.9, 0.8, 0.1, 0.7, 0.95, 0.2], 2, 2)).toEqual([1, 4]);
    expect(pickCuts([5, -Infinity, 1], 1, 1)).toEqual([0]);
  });
});
