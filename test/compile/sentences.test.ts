import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/compile/sentences.js';
import { mergeRanges, plainText, protectedRanges } from '../../src/compile/inline.js';
import { readArticle } from '../../src/compile/article.js';

function split(text: string, defs: Map<string, string> = new Map()): string[] {
  return splitSentences(text, defs).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  test.each<[string, string, string[]]>([
    ['plain sentences', 'One fish. Two fish! Red fish? Blue fish.', ['One fish.', 'Two fish!', 'Red fish?', 'Blue fish.']],
    ['e.g. and i.e. go on', 'Use a shield, e.g. a stack of plates. It works, i.e. it shades.', ['Use a shield, e.g. a stack of plates.', 'It works, i.e. it shades.']],
    ['titles before names', 'Dr. Li met Mr. Berg and Mrs. Ode. Prof. Kowalski came too.', ['Dr. Li met Mr. Berg and Mrs. Ode.', 'Prof. Kowalski came too.']],
    ['vs. and etc.', 'Asphalt vs. Grass was the test. Trees, planters etc. Were measured too.', ['Asphalt vs. Grass was the test.', 'Trees, planters etc. Were measured too.']],
    ['decimals and versions', 'It reached 52.4 degrees. Version 2.0.1 fixed it.', ['It reached 52.4 degrees.', 'Version 2.0.1 fixed it.']],
    ['numbers after abbreviations', 'See Fig. 3 and No. 5 below. Then stop.', ['See Fig. 3 and No. 5 below.', 'Then stop.']],
    ['initials', 'J. R. Smith wrote it. He was right.', ['J. R. Smith wrote it.', 'He was right.']],
    ['bare URLs', 'Read https://example.org/a.b.html first. Then go.', ['Read https://example.org/a.b.html first.', 'Then go.']],
    ['link targets', 'See [the report](https://x.org/v1.2/r.pdf). It helps.', ['See [the report](https://x.org/v1.2/r.pdf).', 'It helps.']],
    ['code spans', 'Call `a.b(). c` now. Done.', ['Call `a.b(). c` now.', 'Done.']],
    ['closing quotes and brackets', 'He said "stop." Then he left. (It was late.) We slept.', ['He said "stop."', 'Then he left.', '(It was late.)', 'We slept.']],
    ['a lower-case continuation', 'The value (approx. ten) is fine. Next.', ['The value (approx. ten) is fine.', 'Next.']],
    ['an ellipsis', 'They are so thin… Before we go on. Wait...', ['They are so thin…', 'Before we go on.', 'Wait...']],
    ['lines of a wrapped paragraph', 'A sentence that\nwraps. Another\none.', ['A sentence that\nwraps.', 'Another\none.']],
    ['Chinese punctuation', '单内核是一种应用程序。它很小！真的吗？是的。', ['单内核是一种应用程序。', '它很小！', '真的吗？', '是的。']],
    ['Chinese quotes close the sentence', '他写道:“你基本上就完蛋了。”。然后呢？', ['他写道:“你基本上就完蛋了。”。', '然后呢？']],
    ['an image between Chinese sentences', '需要移植。![图](img/a.png)更糟糕的是，很难调试。', ['需要移植。', '![图](img/a.png)更糟糕的是，很难调试。']],
    ['Latin abbreviations inside Chinese text', 'Dr. Wang 来了。他很忙。', ['Dr. Wang 来了。', '他很忙。']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('a reference link defined elsewhere is not cut', () => {
    const defs = new Map([['a', 'https://example.org/x.y']]);
    expect(split('By [Jane Doe][a]. Next one.', defs)).toEqual(['By [Jane Doe][a].', 'Next one.']);
  });
});

describe('the Chinese link bug: overlapping protected ranges', () => {
  test('a Chinese sentence with a link is cut at its full stops, and every later boundary stays put', () => {
    const text = '这是[链接](https://example.com/a.b.html)的例子。第二句话很短。第三句在[这里](http://x.org/y.z)结束。第四句。';
    expect(split(text)).toEqual(['这是[链接](https://example.com/a.b.html)的例子。', '第二句话很短。', '第三句在[这里](http://x.org/y.z)结束。', '第四句。']);
  });

  test('the news report\'s sentences with links are whole sentences, none cut like "这是链接的例子。第"', () => {
    const text =
      '坎特里尔是对多克公司周四宣布[已购买 Unikernel Systems](https://thenewstack.io/docker-buys-unikernel-systems-plans-bring-unikernels-data-center/) 一事所引发的兴奋做出回应的。Docker [在 unikernels 中找到了希望](http://blog.docker.com/2016/01/unikernel/)，因为它们比容器更小。';
    const sentences = split(text);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(s).toMatch(/。$/u);
  });

  test('a link target holding a bare URL is one protected range, not two overlapping ones', () => {
    const raw = '见[这里](https://example.com/a.b)。';
    const ranges = protectedRanges(raw, new Map());
    for (let i = 1; i < ranges.length; i++) expect((ranges[i] as [number, number])[0]).toBeGreaterThan((ranges[i - 1] as [number, number])[1]);
    expect(mergeRanges([[0, 10], [5, 20], [30, 40], [40, 45]])).toEqual([[0, 20], [30, 45]]);
  });
});

/**
 * Hard-wrapped Chinese Markdown, as the Kubernetes documentation's Chinese pages are written
 * (kubernetes/website `content/zh-cn/docs/concepts/workloads/controllers/replicaset.md` and
 * `content/zh-cn/docs/tasks/run-application/run-stateless-application-deployment.md`, CC BY 4.0):
 * a line break inside a paragraph is a soft break (CommonMark), not a sentence end.
 */
describe('soft line breaks in Chinese paragraphs', () => {
  const replicaSet = [
    '尽管你完全可以直接创建裸的 Pods，强烈建议你确保这些裸的 Pods 并不包含可能与你',
    '的某个 ReplicaSet 的选择算符相匹配的标签。原因在于 ReplicaSet 并不仅限于拥有',
    '在其模板中设置的 Pods，它还可以像前面小节中所描述的那样获得其他 Pods。',
  ].join('\n');
  const deployment = [
    '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用, 且你可以在一个',
    'YAML 文件中描述 Deployment。例如，下面这个 YAML 文件描述了一个运行 nginx:1.14.2',
    'Docker 镜像的 Deployment：',
  ].join('\n');

  test('a line break inside a sentence does not end it: two sentences over three lines', () => {
    expect(split(replicaSet)).toEqual([
      '尽管你完全可以直接创建裸的 Pods，强烈建议你确保这些裸的 Pods 并不包含可能与你\n的某个 ReplicaSet 的选择算符相匹配的标签。',
      '原因在于 ReplicaSet 并不仅限于拥有\n在其模板中设置的 Pods，它还可以像前面小节中所描述的那样获得其他 Pods。',
    ]);
    expect(split(deployment)).toEqual([
      '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用, 且你可以在一个\nYAML 文件中描述 Deployment。',
      '例如，下面这个 YAML 文件描述了一个运行 nginx:1.14.2\nDocker 镜像的 Deployment：',
    ]);
  });

  test('the sentences cite every line they span, and their plain text joins Chinese lines with nothing, Chinese and Latin with a space', () => {
    const article = readArticle(0, 'replicaset.md', `# ReplicaSet\n\n${replicaSet}\n\n${deployment}\n`);
    expect(article.sentences.map((s) => [s.startLine, s.endLine, s.plain])).toEqual([
      [3, 4, '尽管你完全可以直接创建裸的 Pods，强烈建议你确保这些裸的 Pods 并不包含可能与你的某个 ReplicaSet 的选择算符相匹配的标签。'],
      [4, 5, '原因在于 ReplicaSet 并不仅限于拥有在其模板中设置的 Pods，它还可以像前面小节中所描述的那样获得其他 Pods。'],
      [7, 8, '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用, 且你可以在一个 YAML 文件中描述 Deployment。'],
      [8, 9, '例如，下面这个 YAML 文件描述了一个运行 nginx:1.14.2 Docker 镜像的 Deployment：'],
    ]);
    expect(plainText('多副本应用通过\n[ReplicationController](/x/)\n来配置。', new Map())).toBe('多副本应用通过 ReplicationController 来配置。');
  });
});

describe('blocks nested in a list item or a quote', () => {
  test('a sentence that starts at a nested list item or quote starts after its marker; in Chinese the nested line also ends the sentence before it', () => {
    // The corpus's 18F post on meetings (en-18f-efficient-meeting.md): a list inside a block quote.
    const invite = readArticle(0, 'meeting.md', [
      '# Meetings',
      '',
      '> Invite text:',
      '> ',
      '> - Let’s do sprint planning as usual!',
      '> - Will Slack leads and takes notes (notes location: \\<link\\>)',
      '',
    ].join('\n'));
    expect(invite.sentences.map((s) => [s.startLine, s.quote])).toEqual([
      [3, 'Invite text:'],
      [5, 'Let’s do sprint planning as usual!'],
      [6, 'Will Slack leads and takes notes (notes location: \\<link\\>)'],
    ]);
    // The corpus's MIT licence, line by line (zh-lctt-mit-license-line-by-line-long.md): an outline, and a quote under a book.
    expect(split('**头部**\n  * **许可证名称**：“MIT 许可证”\n  * **版权说明**：“版权 (c) …”')).toEqual(['**头部**', '**许可证名称**：“MIT 许可证”', '**版权说明**：“版权 (c) …”']);
    expect(split('Heather Meeker 的 [Open (Source) for Business][34]\n  > 在我看来，这是迄今为止关于 GNU 通用公共许可证和更广泛的左版的最佳著作。这本书涵盖了历史、许可证、它们的发展，以及兼容性和合规性。')).toEqual([
      'Heather Meeker 的 [Open (Source) for Business][34]',
      '在我看来，这是迄今为止关于 GNU 通用公共许可证和更广泛的左版的最佳著作。',
      '这本书涵盖了历史、许可证、它们的发展，以及兼容性和合规性。',
    ]);
  });
});

describe('dotted initialisms: "U.S.", "A.M."', () => {
  test('before a time zone the sentence goes on', () => {
    // kubernetes/website `content/en/blog/_posts/2024/kubernetes-v1-30-release.md` (CC BY 4.0)
    const text = 'Join members of the Kubernetes v1.30 release team on Thursday, May 23rd, 2024, at 9 A.M. PT to learn about the major features of this release. Register here.';
    expect(split(text)).toEqual(['Join members of the Kubernetes v1.30 release team on Thursday, May 23rd, 2024, at 9 A.M. PT to learn about the major features of this release.', 'Register here.']);
  });

  test('before a name the sentence goes on; before a word that opens sentences it ends', () => {
    // github/opensource.guide `_articles/how-to-contribute.md` (CC BY 4.0)
    const advice = 'If you\'ve never contributed to open source before, take some advice from U.S. President John F. Kennedy, who once said, _"Ask not what your country can do for you - ask what you can do for your country."_';
    expect(split(advice)).toEqual([advice]);
    // CSSEGISandData/measles_data `README.md`
    expect(split('This project is a collaborative, interdisciplinary effort conducted by researchers at Johns Hopkins University who are tracking and modeling the risk of measles in the U.S. The team includes members from multiple JHU divisions:')).toEqual([
      'This project is a collaborative, interdisciplinary effort conducted by researchers at Johns Hopkins University who are tracking and modeling the risk of measles in the U.S.',
      'The team includes members from multiple JHU divisions:',
    ]);
  });
});

test('an opening bracket after a sentence end opens the next sentence (MDN\'s Japanese guide to loops)', async () => {
  const { splitSentences } = await import('../../src/compile/sentences.js');
  const text = '`条件式`の値が偽の場合、`for` ループは終了します。（`条件式`がすべて省略されている場合、条件式は真であるとみなされます。）';
  const parts = splitSentences(text).map((s) => text.slice(s.start, s.end).trim());
  expect(parts).toEqual(['`条件式`の値が偽の場合、`for` ループは終了します。', '（`条件式`がすべて省略されている場合、条件式は真であるとみなされます。）']);
});

describe('an ellipsis between code spans or numbers', () => {
  test('is a range, not a sentence end ("`val1` … `valN`", MDN\'s parameters)', () => {
    const text = '`val1` … `valN` are the values to output.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([text]);
    expect(splitSentences('Pages 1 ... 10 are the introduction. The rest is reference.').length).toBe(2);
    expect(splitSentences('We waited… Then it crashed.').length).toBe(2);
  });
});
