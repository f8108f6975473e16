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

  test('a Chinese title is no condition alone, no place phrase cut before its verb, and no object of a preposition', () => {
    // Slide titles of the LCTT BBC Micro translation and of Vue's FAQ once the compiler's similarity changed.
    expect(titleFault('这样如果观众拥有一台微型计算机', '这样如果观众拥有一台微型计算机，他们就可以跟着节目学习。')).toBe('function-word');
    expect(titleFault('该纪录片据信可能在英国议会', '该纪录片据信可能在英国议会上展示过。')).toBe('cut-word');
    expect(titleFault('不同的选项块间', '我们无需再为了一个逻辑关注点在不同的选项块间来回滚动切换。')).toBe('cut-word');
    expect(titleFault('逻辑关注点标', '如果我们为相同的逻辑关注点标上一种颜色，那将会是这样：')).toBe('cut-word');
    // The same shapes that stand: a clause with its verb after the place, a subject, a condition with its main clause.
    expect(titleFault('纪录片在英国议会上展示', '该纪录片在英国议会上展示。')).toBeNull();
    expect(titleFault('组合式 API 解决了 mixins 的所有缺陷', '组合式 API 解决了 mixins 的所有缺陷。')).toBeNull();
    expect(titleFault('如果观众拥有计算机，就可以学习', '如果观众拥有计算机，就可以学习。')).toBeNull();
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
    // The taggers' words keep "tokenize.py" whole (joinDottedNames); insideWord judges a stop among
    // words as a tagger without that would give them.
    expect(taggedWords('For example, tokenize.py in the library takes this approach.').map((w) => w.text)).toContain('tokenize.py');
    const at = (text: string, start: number) => ({ text, pos: 'NOUN' as const, start, end: start + text.length });
    const words = [at('tokenize', 13), { ...at('.', 21), pos: 'PUNCT' as const }, at('py', 22), at('approach', 50), { ...at('.', 58), pos: 'PUNCT' as const }, at('Then', 60)];
    expect([1, 4].map((k) => insideWord(words, k))).toEqual([true, false]);
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

/**
 * Names with periods or version numbers in them, from real articles: kubernetes/website's v1.30
 * release post (CC BY 4.0), nodejs/nodejs.org's "Node.js Foundation momentum" announcement (MIT),
 * and the Vue documentation's Chinese Composition API FAQ (vuejs-translations/docs-zh-cn, CC BY 4.0).
 */
describe('names are whole words of a title: "v1.30", "Node.js", "Vue 2"', () => {
  test('the taggers\' pieces of a dotted name or a name and its version are one word', () => {
    expect(taggedWords('Similar to previous releases, the release of Kubernetes v1.30 introduces new stable, beta, and alpha features.').map((w) => w.text)).toContain('Kubernetes v1.30');
    expect(taggedWords('In 2016, the Node.js Project issued 63 new releases with seven different release managers.').map((w) => w.text)).toContain('Node.js');
    expect(taggedWords('这个 FAQ 假定你已经有一些使用 Vue 的经验，特别是用选项式 API 使用 Vue 2 的经验。').map((w) => w.text)).toContain('Vue 2');
    // A year after a name is no version.
    const survey = taggedWords('This survey builds on the questions asked in the first Node.js Foundation survey, which was conducted in January 2016, and adds a number of questions.');
    expect(survey.map((w) => w.text)).toEqual(expect.arrayContaining(['Node.js', 'January', '2016']));
  });

  test('no title candidate starts or ends inside one', () => {
    const cases: [string, RegExp][] = [
      ['Similar to previous releases, the release of Kubernetes v1.30 introduces new stable, beta, and alpha features.', /^(?:30|\.)|v1$/u],
      ['To help with debugging issues on nodes, Kubernetes v1.27 introduced a feature that allows fetching logs of services running on the node.', /^(?:27|\.)|v1$/u],
      ['In 2016, the Node.js Project issued 63 new releases with seven different release managers.', /^(?:js|\.)|Node$/iu],
      ['Founded in 2015, the Node.js Foundation was created to accelerate the development of Node.js and support the large ecosystem that encompasses it through open governance.', /^(?:js|\.)|Node$/iu],
      ['这个 FAQ 假定你已经有一些使用 Vue 的经验，特别是用选项式 API 使用 Vue 2 的经验。', /^2/u],
    ];
    for (const [source, cut] of cases) {
      const texts = titleCandidates(source).map((c) => c.text);
      expect(texts.filter((t) => cut.test(t)), source).toEqual([]);
    }
    expect(titleCandidates(cases[0]?.[0] ?? '').map((c) => c.text)).toContain('Kubernetes v1.30');
    expect(titleCandidates(cases[2]?.[0] ?? '').map((c) => c.text)).toContain('Node.js Project');
    expect(titleCandidates(cases[4]?.[0] ?? '').map((c) => c.text)).toContain('Vue 2 的经验');
  });
});

describe('no title says the opposite of its sentence', () => {
  test('a noun phrase after a denied "is" is not offered: "它绝不是…的灵丹妙药" names no panacea, "is not a fix" no fix', () => {
    // The corpus's MIT licence, line by line (zh-lctt-mit-license-line-by-line-long.md).
    const texts = titleCandidates('它绝不是解决所有软件知识产权弊病的灵丹妙药，尤其是它比已经出现的软件专利灾难还要早几十年。').map((c) => c.text);
    expect(texts.filter((t) => /灵丹妙药/u.test(t))).toEqual([]);
    // The corpus's Rust 1.52.1 post: downgrading "is not a fix".
    expect(titleCandidates('The bugs this verification detects are present in all Rust versions, and can trigger miscompilations in incremental builds, so downgrading to a prior stable version is not a fix.').map((c) => c.text)).not.toContain('fix');
    // The corpus's Go blog post "Errors are values": "doesn't need to have" denies no topic.
    expect(titleCandidates('It doesn\'t need to have the standard `Write` signature, and it\'s lower-cased in part to highlight the distinction.').map((c) => c.text)).toContain('standard `Write` signature');
  });
});

describe('no title starts inside a term the article keeps using', () => {
  test('a talk about open source titles no slide "Source …", even where the tagger reads "open" as a verb', async () => {
    const { compileTalkDetailed } = await import('../../src/compile/index.js');
    const { readFileSync } = await import('node:fs');
    // The corpus's opensource.guide article: its titles had read "Source software" and "Source project".
    const text = readFileSync('test/corpus/articles/en-opensource-guide-how-to-contribute.md', 'utf8');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text }]);
    expect(talk.slides.map((s) => s.title).filter((t) => /^Source\b/u.test(t))).toEqual([]);
  });
});

describe('a title does not stop on an adjective that waits for its noun', () => {
  test('"introduces new stable" out of "introduces new stable, beta, and alpha features" is cut; "is fast" before a list is a claim', () => {
    // kubernetes/website's v1.30 release post (CC BY 4.0).
    expect(titleFault('The release of Kubernetes v1.30 introduces new stable', 'Similar to previous releases, the release of Kubernetes v1.30 introduces new stable, beta, and alpha features.')).toBe('cut-word');
    expect(titleFault('Unikernels are fast', 'Unikernels are fast, small, and hard to debug.')).toBeNull();
  });
});

describe('Japanese titles start and end on whole words', () => {
  // mdn/translated-content's Japanese "Loops and iteration" guide (CC BY-SA 2.5): titles had been
  // cut out of words ("された条件が" out of 指定された条件が, "ないので永遠" out of ならないので永遠に).
  test('words come from a Japanese dictionary segmenter, not a Chinese one', () => {
    const words = taggedWords('for ループは指定された条件が false と評価されるまで繰り返します。').map((w) => w.text);
    // jieba, a Chinese segmenter, cuts ル|ー|プ and 評|価 and 繰|り|返|し.
    expect(words).toEqual(expect.arrayContaining(['ループ', '指定', '条件', '評価', '繰り返し']));
    expect(words).not.toContain('ル');
  });

  test('titleFault refuses a title that starts inside a word or ends on a particle or a form that leads on', () => {
    const source = 'for ループは指定された条件が false と評価されるまで繰り返します。';
    expect(titleFault('定された条件', source)).toBe('cut-word');
    expect(titleFault('指定された条件が', source)).toBe('function-word');
    expect(titleFault('break を使用すると', 'ラベルを付けずに break を使用すると、ループを終了します。')).toBe('function-word');
    expect(titleFault('条件', source)).toBeNull();
  });
});

describe('steps of a how-to name their slide as the article does', () => {
  test.each([
    ['Create a Deployment based on the YAML file.', 'Create a Deployment based on the YAML file'],
    ['To share the rules with others, commit the `.gitignore` file to your repository.', 'commit the `.gitignore` file to your repository'],
    ['Fork the repository and clone it locally.', 'Fork the repository and clone it locally'],
  ])('%s', (sentence, step) => {
    expect(titleCandidates(sentence).find((c) => c.text === step)?.kind).toBe('clause');
    expect(titleShape(step)).toBe('claim');
  });

  test.each([
    // A name the tagger reads as a verb, past the sentence's start.
    ['Answer questions about the project on e.g., Stack Overflow or Reddit', 'Stack Overflow or Reddit'],
    // What something did or does, not a step.
    ['Yields b back to its caller.', 'Yields b back to its caller'],
    ['Found unstable fingerprints in the cache.', 'Found unstable fingerprints in the cache'],
    ["Let's get a definition first.", "Let's get a definition first"],
  ])('not a step: %s', (sentence, text) => {
    expect(titleCandidates(sentence).find((c) => c.text === text && c.kind !== 'phrase')).toBeUndefined();
  });
});

describe('the setting is not the topic', () => {
  test('no title from an opening phrase of place or time while a clause follows it', () => {
    expect(titleCandidates('From your terminal, untrack the file.').map((c) => c.text)).not.toContain('terminal');
    expect(titleCandidates('In the kernel, every driver runs with full privileges.').map((c) => c.text)).not.toContain('kernel');
    expect(titleCandidates('In the kernel, every driver runs with full privileges.').map((c) => c.text)).toContain('every driver runs with full privileges');
  });
});
