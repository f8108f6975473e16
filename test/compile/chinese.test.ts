import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { KNOWN_DICTIONARY, segmentChinese, totalFrequency } from '../../src/compile/chinese.js';
import { taggedWords } from '../../src/compile/words.js';
import { BUNDLED, readIn, UNIKERNELS_DIR } from './helpers.js';

const require = createRequire(import.meta.url);
const dictionary = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));

describe('Chinese words by jieba', () => {
  test('cuts words ICU cuts apart: 多线程 is one word, and so is 调度器', () => {
    const words = segmentChinese('多线程程序调度器以前由操作系统处理').map((w) => w.text);
    expect(words).toContain('多线程');
    expect(words).toContain('操作系统');
    const icu = Array.from(new Intl.Segmenter('zh', { granularity: 'word' }).segment('多线程'), (s) => s.segment);
    expect(icu.length).toBeGreaterThan(1);
  });

  test("the per-text dictionary cuts exactly as jieba's full dictionary does, on the bundled report", () => {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): { cut(s: string, hmm: boolean): string[] } } };
    const full = Jieba.withDict(dictionary);
    const report = readIn(UNIKERNELS_DIR, BUNDLED[1] as string) ?? '';
    for (const line of report.split('\n').filter((l) => /\p{Script=Han}/u.test(l))) {
      const ours = segmentChinese(line).map((w) => w.text).filter((w) => w.trim());
      const theirs = full.cut(line, true).filter((w) => w.trim());
      expect(ours, line).toEqual(theirs);
    }
  });

  test('the total frequency kept for the shipped dictionary is its real sum', () => {
    expect(dictionary.length).toBe(KNOWN_DICTIONARY.bytes);
    expect(totalFrequency(dictionary)).toBe(KNOWN_DICTIONARY.total);
  });

  test('tags map to Universal POS: 的 is a particle, 应用程序 a noun, 运行 a verb; code spans stay whole', () => {
    const words = taggedWords('单内核是一种应用程序，它在 `ring 0` 的特权模式下运行。');
    const pos = Object.fromEntries(words.map((w) => [w.text, w.pos]));
    expect(pos['的']).toBe('PART');
    expect(pos['应用程序']).toBe('NOUN');
    expect(pos['运行']).toBe('VERB');
    expect(words.map((w) => w.text)).toContain('`ring 0`');
  });
});
