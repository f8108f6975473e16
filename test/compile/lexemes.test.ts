import { expect, test } from 'vitest';
import { lexemeOffsets, lexemes, lexemeTable } from '../../src/compile/lexemes.js';

/** The list and hash wink-nlp reads, over words kept in one string, behave as an array and a Map would. */
test('lexemes: indexes, the last of equal words, words added, and any other array use', () => {
  const words = ['the', 'dog', '', 'run', 'dog', 'naïve', '多线程'];
  const text = words.join('\u0000');
  const offsets = lexemeOffsets(text);
  const { list, hash } = lexemes(text, offsets, lexemeTable(text, offsets));
  expect(list.length).toBe(words.length);
  words.forEach((w, k) => expect(list[k]).toBe(w));
  const map = new Map(words.map((w, k) => [w, k]));
  for (const w of [...words, 'cat', 'th', 'thee', 'Dog']) expect(hash[w]).toBe(map.get(w));
  expect('run' in hash && !('cat' in hash)).toBe(true);
  // wink-nlp adds a word it does not know: hash[word] = index; index = list.push(word).
  hash.cat = list.length;
  expect(list.push('cat')).toBe(words.length + 1);
  expect([hash.cat, list[words.length], list.length]).toEqual([words.length, 'cat', words.length + 1]);
  expect(list.slice(-2)).toEqual(['多线程', 'cat']);
});
