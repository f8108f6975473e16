import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { countWords } from '../../src/compile/coverage.js';
import { sentenceStarts, uaxBoundaries } from '../../src/compile/sentences.js';
import { SENTENCE_RULES_INEXACT, WORD_RULES_INEXACT } from '../../src/compile/unicode-inexact.js';
import { CLI } from '../e2e/tmux.js';
import { CORPUS_DIR, UNIKERNELS_DIR } from './helpers.js';

// `build` reads sentences and counts words by Unicode's rules (UAX #29) itself, because the first
// Intl.Segmenter a process makes costs ICU's start (about 16 ms). ICU's segmenter is the reference.

const sentences = new Intl.Segmenter('zh', { granularity: 'sentence' });
const icuBoundaries = (text: string) => [...sentences.segment(text)].map((s) => s.index).filter((i) => i > 0);
const words = new Intl.Segmenter('en', { granularity: 'word' });
const icuCount = (text: string) => {
  let n = 0;
  for (const s of words.segment(text)) {
    if (!s.isWordLike) continue;
    const cjk = s.segment.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu)?.length ?? 0;
    n += cjk > 0 ? cjk : 1;
  }
  return n;
};

/** Every paragraph of the corpus articles and the bundled pair, line breaks as spaces (as the sentence splitter sees them). */
function paragraphs(): string[] {
  const files = [
    ...readdirSync(join(CORPUS_DIR, 'articles')).map((f) => join(CORPUS_DIR, 'articles', f)),
    ...readdirSync(join(UNIKERNELS_DIR, 'sources')).map((f) => join(UNIKERNELS_DIR, 'sources', f)),
  ];
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/u)).map((p) => p.replace(/\n/gu, ' ')).filter((p) => p.trim() !== '');
}

describe('sentence boundaries without ICU', () => {
  test.each([
    '他说：“好。”然后走了。',
    '真的吗？！是的。',
    'Node.js 很快。v1.2.3 发布了。',
    '美国（U.S.）的政策。下一句',
    '结束……然后继续。',
    'Hello. world',
    'Hello. 世界',
    'Hello.世界',
    '3.14 是圆周率。',
    '“引号。”“下一句。”',
    'done!\r\nnext',
    'emoji 😀. Next',
    'café\u0301. Next',
    'ok.) fine',
    'ok.) Fine',
    'ok. 1 apple',
    'ok, fine. — Next',
    'テスト。次の文',
    'ﾃｽﾄ｡次',
    '한국어. 다음 문장',
    'X．Y',
    'what⁉ Next',
    '“Q?” he asked.',
    'A. B. C.',
  ])('as ICU finds them: %s', (text) => {
    expect(uaxBoundaries(text)).toEqual(icuBoundaries(text));
  });

  test('as ICU finds them in every paragraph of the corpus', () => {
    const differ = paragraphs().filter((p) => uaxBoundaries(p).join() !== icuBoundaries(p).join());
    expect(differ).toEqual([]);
  });

  test.each(['中文።下一句', '他说：❝好。❞然后走了。', '中文。\u0600下', '中 ა.ბ', 'ﾃｽﾄ｡ﾞ次', 'ok\u037E Next', '中文⸮下一句'])('text with a character the rules read otherwise is split by ICU: %s', (text) => {
    expect(SENTENCE_RULES_INEXACT.test(text)).toBe(true);
    expect(sentenceStarts(text)).toEqual(icuBoundaries(text));
  });

  test('every character of the first plane that the rules take as ICU does, in six contexts', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || [10, 13, 0x85, 0x2028, 0x2029].includes(cp)) continue;
      const c = String.fromCodePoint(cp);
      if (SENTENCE_RULES_INEXACT.test(c)) continue;
      for (const text of [`中文${c}下一句`, `中文。${c}下一句`, `x.${c} y`, `A.${c}B`, `“Q?${c}” he`, `a${c}. b`]) {
        if (uaxBoundaries(text).join() !== icuBoundaries(text).join()) differ.push(`U+${cp.toString(16)} in ${text}`);
      }
    }
    expect(differ).toEqual([]);
  }, 60_000);
});

describe('word count without ICU', () => {
  test.each([["don't stop", 2], ['e.g. this', 2], ['3,000 and 3.14', 3], ['a.1 1.a', 4], ['foo_bar __ x_', 3], ['a:b focus:transform', 2], ['한국어 Vue의', 5], ['UwU ♥️', 1], ['学习编码 learn to code', 7], ['ﾃｽﾄ', 1]] as const)('as ICU counts: %s', (text, n) => {
    expect(countWords(text)).toBe(n);
    expect(icuCount(text)).toBe(n);
  });

  test('as ICU counts every paragraph of the corpus', () => {
    const differ = paragraphs().filter((p) => countWords(p) !== icuCount(p));
    expect(differ).toEqual([]);
  });

  test.each(['二〇二四年', '𠮷野家で食べた', 'zero\u200Bwidth', '10\u202F000 euros', 'ﾃｽﾄabc', 'ガ\u3099', 'a¸b', 'foo‿bar', 'テスト々', 'ภาษาไทย'])('text with a character the rules count otherwise is counted by ICU: %s', (text) => {
    expect(WORD_RULES_INEXACT.test(text)).toBe(true);
    expect(countWords(text)).toBe(icuCount(text));
  });

  test('every character of the first plane that the rules take as ICU does, in six contexts', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (WORD_RULES_INEXACT.test(c)) continue;
      for (const text of [`a${c}b`, `x ${c} y`, `中${c}文`, `1${c}2`, `_${c}_`, `${c}cd`]) {
        if (countWords(text) !== icuCount(text)) differ.push(`U+${cp.toString(16)} in ${text}`);
      }
    }
    expect(differ).toEqual([]);
  }, 60_000);
});

describe('build starts no ICU', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-icu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('building the bundled English and Chinese articles makes no Intl.Segmenter', () => {
    const hook = join(dir, 'hook.cjs');
    const log = join(dir, 'segmenters.log');
    writeFileSync(hook, `const fs = require('node:fs'); const S = Intl.Segmenter; Intl.Segmenter = new Proxy(S, { construct(t, args) { fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n'); return Reflect.construct(t, args); } });\n`);
    // The bundled talk's folder as it is: its articles in sources/, the deck beside them.
    mkdirSync(join(dir, 'sources'));
    const sources = ['unikernels-are-unfit-for-production.md', 'unikernels-undebuggable-tns.zh.md'].map((f) => {
      copyFileSync(join(UNIKERNELS_DIR, 'sources', f), join(dir, 'sources', f));
      return `sources/${f}`;
    });
    const built = spawnSync('node', ['--require', hook, CLI, 'build', ...sources, '-o', 'talk.md'], { cwd: dir, encoding: 'utf8' });
    expect(built.status).toBe(0);
    // The same talk as the bundled one, byte for byte.
    expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe(readFileSync(join(UNIKERNELS_DIR, 'talk.md'), 'utf8'));
    let made = '';
    try {
      made = readFileSync(log, 'utf8');
    } catch {
      // No segmenter was made: no log.
    }
    expect(made).toBe('');
  });
});
