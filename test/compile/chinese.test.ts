import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { indexedBlock, KNOWN_DICTIONARY, searchedBlock, segmentChinese, totalFrequency } from '../../src/compile/chinese.js';
import { taggedWords } from '../../src/compile/words.js';
import { BUNDLED, readIn, UNIKERNELS_DIR } from './helpers.js';

const require = createRequire(import.meta.url);
const dictionary = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));

describe("the build's index of jieba's dictionary", () => {
  // npm test builds dist/ first; dist/jieba-blocks.bin is the build's index.
  const file = new URL('../../dist/jieba-blocks.bin', import.meta.url);
  test('finds the same block of lines for every character as the binary search of the dictionary does', () => {
    const bytes = readFileSync(file);
    const index = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    expect(index[0]).toBe(dictionary.length);
    // Every character of the first plane the dictionary's words start with (the look-up reads Han
    // runs: first-plane characters), one before and one after each (absent ones), and the ends.
    const chars = new Set<string>(['\u0000', '\uFFFE']);
    for (let k = 1; k < index.length; k += 2) for (const code of [(index[k] as number) - 1, index[k] as number, (index[k] as number) + 1]) if (code < 0xd800 || (code > 0xdfff && code < 0xffff)) chars.add(String.fromCodePoint(code));
    const differ = [...chars].filter((c) => JSON.stringify(indexedBlock(index, dictionary.length, c)) !== JSON.stringify(searchedBlock(dictionary, c)));
    expect(chars.size).toBeGreaterThan(10_000);
    expect(differ).toEqual([]);
  });
});

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
