import { describe, expect, test } from 'vitest';
import { insideWord, titleCandidates, titleFault, titleShape } from '../../src/compile/titles.js';
import { taggedWords } from '../../src/compile/words.js';

describe('titles from a slide\'s leading passage', () => {
  test('a claim at the head of a sentence is a clause title', () => {
    const candidates = titleCandidates('Hypervisor vulnerabilities emphatically exist; one cannot play up Linux kernel vulnerabilities as a silent menace.');
    expect(candidates).toContainEqual({ text: 'Hypervisor vulnerabilities emphatically exist', kind: 'clause', words: 4 });
  });

  test('noun phrases end on a noun, never on a function word, and never reach into a code span', () => {
    const candidates = titleCandidates('The return type of `File::open` is a `Result<T, E>` that holds a file handle.');
    for (const c of candidates) {
      expect(c.text).not.toMatch(/\b(?:of|the|a|is|that)$/u);
      expect((c.text.match(/`/gu) ?? []).length % 2).toBe(0);
    }
  });

  test('no title points back ("Any such slop is lost", "This merits a final reemphasis") or speaks as the writer', () => {
    const texts = [
      ...titleCandidates('In the unikernel model, any such slop is lost.'),
      ...titleCandidates('This merits a final reemphasis.'),
      ...titleCandidates('I am personally a huge fan of Alpine Linux.'),
    ].map((c) => c.text);
    expect(texts).not.toContain('Any such slop is lost');
    expect(texts).not.toContain('any such slop is lost');
    expect(texts).not.toContain('This merits a final reemphasis');
    expect(texts.some((t) => /^I\b/u.test(t))).toBe(false);
  });

  test('Chinese titles are whole jieba words: none cuts 多线程 or 操作系统', () => {
    const source = '多线程程序调度器以前由操作系统自己处理所有的硬件接口责任。';
    for (const c of titleCandidates(source)) {
      expect(titleFault(c.text, source)).toBeNull();
      expect(c.text).not.toMatch(/^(?:线程|程调|作系统)/u);
    }
    expect(titleCandidates(source).map((c) => c.text)).toEqual(expect.arrayContaining(['多线程程序调度器', '操作系统']));
  });

  test('titleFault names what is wrong with a title', () => {
    expect(titleFault('线程程序', '多线程程序调度器以前由操作系统处理')).toBe('cut-word');
    expect(titleFault('Performance arguments of', 'The performance arguments of unikernels')).toBe('function-word');
    expect(titleFault('File::open` is', 'The type of `File::open` is Result')).toBe('cut-code');
    expect(titleFault('Hypervisor vulnerabilities emphatically exist', 'Hypervisor vulnerabilities emphatically exist; one cannot')).toBeNull();
  });

  test('titleShape tells a claim from a noun phrase that only names a topic', () => {
    expect(titleShape('Hypervisor vulnerabilities emphatically exist')).toBe('claim');
    expect(titleShape('There are no processes in unikernels')).toBe('claim');
    expect(titleShape('Unikernel of choice')).toBe('phrase');
    expect(titleShape('Performance of modern microprocessors')).toBe('phrase');
    expect(titleShape('What’s the problem with unikernels?')).toBe('question');
  });

  test('no claim title leans on another clause or goes on from a quote or parenthesis', () => {
    const texts = [
      ...titleCandidates('Even though no one is reading your code, you should write it well.'),
      ...titleCandidates('It includes both text-based “question-and-answer” periods as well as live broadcasts.'),
    ]
      .filter((c) => c.kind !== 'phrase')
      .map((c) => c.text);
    expect(texts).not.toContain('Even though no one is reading your code');
    expect(texts).not.toContain('periods as well as live broadcasts');
    expect(texts).not.toContain('Periods as well as live broadcasts');
  });
});

describe('a stop inside a name ends no clause', () => {
  test('insideWord: the stop of "tokenize.py" is part of the name; the stop that ends a sentence is not', () => {
    const words = taggedWords('For example, tokenize.py in the library takes this approach. Then it ends.');
    const stops = words.map((w, k) => (w.text === '.' ? k : -1)).filter((k) => k >= 0);
    expect(stops.map((k) => insideWord(words, k))).toEqual([true, false, false]);
  });

  test('no title starts inside a file name ("Py in the standard library takes this approach")', () => {
    const texts = titleCandidates('For example, tokenize.py in the standard library takes this approach: the caller must pass a "tokeneater" function to tokenize().').map((c) => c.text);
    expect(texts.some((t) => /^py\b/iu.test(t))).toBe(false);
    expect(texts).toContain('tokenize.py in the standard library takes this approach');
  });
});

describe('what names the page is no title', () => {
  test('a link\'s words that name another post ("described in a previous post") are not offered as a title', () => {
    const texts = titleCandidates('They are used as markers for types, like the `Send` marker described in a previous post.').map((c) => c.text.toLowerCase());
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => /previous post/u.test(t))).toEqual([]);
  });
});

test('a claim that opens with words a footer may open with is still a title: "copyright law protects …"', () => {
  const texts = titleCandidates('In the United States, copyright law protects the expression of ideas.').map((c) => c.text.toLowerCase());
  expect(texts.some((t) => t.startsWith('copyright law'))).toBe(true);
});

describe('a whole sentence is no fragment, however it ends', () => {
  test('"输出类似于这样" is the whole sentence "输出类似于这样：", not a phrase cut before its object', () => {
    expect(titleFault('输出类似于这样', '输出类似于这样：')).toBeNull();
    expect(titleFault('输出类似于这样', '输出类似于这样的表格。')).not.toBeNull();
  });
});
