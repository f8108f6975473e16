import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/compile/article.js';
import { readLooseYaml } from '../../src/compile/front-matter.js';
import { aboutPublisher, byline, claimLine, creditLine, editorNote, endnoteHeading, fileVariables, followLine, imageCredit, linkDump, modeline, rcsKeywords, siteFooter, sourceLine, sponsorLine, tableOfContents } from '../../src/compile/boilerplate.js';
import { CompileError, compileTalkDetailed } from '../../src/compile/index.js';

/** Every text a talk shows on its slides other than the title slide (which carries the attribution). */
function slideText(markdown: string): string {
  const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: markdown }], { minutes: 5 });
  return talk.slides
    .filter((s) => s.kind !== 'title' && s.kind !== 'questions')
    .flatMap((s) => [s.title, s.subtitle, ...s.bullets.map((b) => b.text)])
    .join('\n');
}

const BODY = [
  'Unikernels put the application into the kernel, and the operating system goes away with it. ',
  'That makes them small, but it also removes every tool an operator reaches for at three in the morning. ',
  'Debugging a unikernel in production means attaching to a hypervisor and guessing.',
].join('');

describe('each rule, on its own', () => {
  test.each([
    ['作者：[David Both][a]', 'author'],
    ['译者：[wxy](https://github.com/wxy)', 'translator'],
    ['校对：[wxy](https://github.com/wxy)', 'editor'],
    ['选题：[lkxed][b]', 'credit'],
    ['Translated by Jane Doe', 'translator'],
    ['本文由 LCTT 原创编译，Linux中国 荣誉推出', 'credit'],
  ])('creditLine: %s is a %s line', (line, role) => {
    expect(creditLine(line)?.role).toBe(role);
  });

  test('creditLine: an unfilled template credits no one', () => {
    expect(creditLine('译者：译者ID')?.placeholder).toBe(true);
    expect(creditLine('译者：译者ID 校对：校对者ID')?.placeholder).toBe(true);
  });

  test.each(['via: https://opensource.com/article/22/11/zram-swap-linux', '原文：https://thenewstack.io/x/', 'Originally published at example.org', 'Source: https://example.org/a'])('sourceLine: %s', (line) => {
    expect(sourceLine(line)?.role).toBe('source');
  });

  test('sourceLine: prose that starts with "Sources" is not a source line', () => {
    expect(sourceLine('Sources of truth are hard to keep in one place when every team owns a copy.')).toBeNull();
  });

  test.each(['By Jane Doe', 'Posted by Jane Doe on May 3'])('byline: %s', (line) => {
    expect(byline(line)?.value).toBe('Jane Doe');
  });

  test.each(['[bazz2 own this article]', 'Translating by someone', 'translating---geekpi'])('claimLine: %s', (line) => {
    expect(claimLine(line)?.rule).toBe('claim-line');
  });

  test.each(['This entry was posted in Unikernels. Bookmark the permalink.', 'Share this:', 'Copyright © 2016 Joyent', '推荐阅读', '转载请注明出处'])('siteFooter: %s', (line) => {
    expect(siteFooter(line)?.rule).toBe('site-footer');
  });

  test.each(['Docker 和 Joyent 以及新堆栈的赞助商。', 'This post is sponsored by Example Corp.', 'Thanks to our sponsors'])('sponsorLine: %s', (line) => {
    expect(sponsorLine(line)?.rule).toBe('sponsor');
  });

  test.each(['通过 Pixabay 的特征图像。', 'Photo by Jane Doe on Unsplash', 'Feature image via Pixabay.', 'Image credit: NASA', '题图来自 Unsplash'])('imageCredit: %s', (line) => {
    expect(imageCredit(line)?.rule).toBe('image-credit');
  });

  test.each(['Follow @bcantrill on Twitter', 'Follow the Twitter account for updates, we plan on adding new goodies.', 'Subscribe to our newsletter for more.', '欢迎关注我们的公众号'])('followLine: %s', (line) => {
    expect(followLine(line)?.rule).toBe('follow');
  });

  test('tableOfContents: a heading so named, a marker line, a list of anchor links', () => {
    expect(tableOfContents('Table of Contents', 'heading')?.rule).toBe('table-of-contents');
    expect(tableOfContents('目录', 'heading')?.rule).toBe('table-of-contents');
    expect(tableOfContents('[TOC]', 'line')?.rule).toBe('table-of-contents');
    expect(tableOfContents('', 'list', ['[Installation](#installation)', '[Usage](#usage)', '[Tips](#tips)'])?.rule).toBe('table-of-contents');
    expect(tableOfContents('Contents of the kernel', 'heading')).toBeNull();
  });

  test.each(['Notes', 'Footnotes', 'References', 'Further reading', 'See also', '参考资料', '延伸阅读'])('endnoteHeading: %s', (heading) => {
    expect(endnoteHeading(heading)?.rule).toBe('endnotes');
  });

  test.each(['Footnotes and References', 'Notes & links', 'Notes, Sources', '参考资料和延伸阅读'])('endnoteHeading: %s, endnote sections together', (heading) => {
    expect(endnoteHeading(heading)?.rule).toBe('endnotes');
  });

  test('endnoteHeading: a heading that only starts like one is a section of the argument', () => {
    expect(endnoteHeading('Notes and queries on the scheduler')).toBeNull();
    expect(endnoteHeading('Links and loaders')).toBeNull();
  });

  test.each([
    'Local Variables:\nmode: indented-text\nindent-tabs-mode: nil\nEnd:',
    '# Local Variables:\n# mode: text\n# fill-column: 72\n# End:',
    '.. Local Variables:\n   mode: indented-text\n   End:',
  ])('fileVariables: %j', (block) => {
    expect(fileVariables(block)?.rule).toBe('file-variables');
  });

  test('fileVariables: a heading or a sentence about local variables is prose', () => {
    expect(fileVariables('Local Variables')).toBeNull();
    expect(fileVariables('Local variables: they live on the stack. End: of story')).toBeNull();
  });

  test.each(['vim: set ts=4 sw=4:', 'vim:tw=78:ts=8:ft=help:norl:', '# vim: set ft=markdown :', 'ex: set ai'])('modeline: %s', (line) => {
    expect(modeline(line)?.rule).toBe('modeline');
  });

  test('modeline: "vim:" before words that set nothing is prose', () => {
    expect(modeline('vim: the editor')).toBeNull();
    expect(modeline('Vim: set x')).toBeNull();
  });

  test.each(['$Revision$', 'Last-Modified: $Date$', 'Version: $Revision: 1.3 $', '$Id: pep-0255.txt,v 1.2 2001/06/23 tim Exp $'])('rcsKeywords: %s', (line) => {
    expect(rcsKeywords(line)?.rule).toBe('rcs-keywords');
  });

  test('rcsKeywords: a sentence that mentions a keyword is prose', () => {
    expect(rcsKeywords('The $Id$ keyword is expanded by CVS.')).toBeNull();
  });

  test('linkDump: a list of links with a few words each; not a list of sentences that link', () => {
    expect(linkDump(['[fzf.vim](https://x/a) - Vim plugin', '[fzf-lua](https://x/b) - Neovim plugin', '[skim](https://x/c)'])?.rule).toBe('link-dump');
    expect(linkDump(['[Docker](https://x) bought Unikernel Systems on Thursday, and the whole industry took notice.', 'Second point without a link at all.', 'Third point.'])).toBeNull();
  });
});

describe('reading real shapes of articles', () => {
  test('YAML front matter: title, author, date and description are metadata, never slide text', () => {
    const article = readArticle(0, 'a.md', `---\ntitle: 'Why unikernels fail'\ndate: '2016-01-22'\nspoiler: They cannot be debugged.\nauthor: Jane Doe\n---\n\n${BODY}\n`);
    expect(article.title).toEqual({ text: 'Why unikernels fail', line: 2, endLine: 2, quote: "title: 'Why unikernels fail'" });
    expect(article.meta.date?.text).toBe('2016-01-22');
    expect(article.meta.description?.text).toBe('They cannot be debugged.');
    expect(article.attributions.find((a) => a.role === 'author')?.value).toBe('Jane Doe');
    expect(article.sentences.map((s) => s.plain).join(' ')).not.toMatch(/spoiler|2016-01-22|title:/u);
    expect(slideText(`---\ntitle: 'Why unikernels fail'\ndate: '2016-01-22'\nspoiler: They cannot be debugged.\n---\n\n${BODY}\n`)).not.toMatch(/spoiler|2016|title:/u);
  });

  test('TOML front matter (+++) is metadata too, not a bullet', () => {
    const text = `+++\npath = "2015/05/11/traits"\ntitle = "Abstraction without overhead"\nauthors = ["Aaron Turon"]\ndescription = "Traits for zero-cost abstraction"\n+++\n\n${BODY}\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.title?.text).toBe('Abstraction without overhead');
    expect(article.title?.line).toBe(3);
    expect(article.attributions.find((a) => a.role === 'author')?.value).toBe('Aaron Turon');
    expect(slideText(text)).not.toMatch(/path =|\+\+\+|authors/u);
  });

  test('front matter that does not parse, or is never closed, is an error at its line, not slide text or a lost article', () => {
    const fault = (text: string) => {
      try {
        readArticle(0, 'a.md', text);
      } catch (error) {
        return error as CompileError;
      }
      throw new Error('no error');
    };
    const yaml = fault(`---\ntitle: Why unikernels fail\ntags: [ops, kernels\n---\n\n${BODY}\n`);
    expect(yaml).toBeInstanceOf(CompileError);
    expect(yaml.format()).toMatch(/^a\.md:3:\d+: its YAML front matter does not parse: .+; fix the YAML between the `---` lines \(quote a value .+\), or remove it$/u);
    expect(fault(`+++\ntitle = "Why\n+++\n\n${BODY}\n`).format()).toMatch(/^a\.md:2:\d+: its TOML front matter does not parse: unfinished string/u);
    // Unclosed, the whole article would have been read as front matter.
    expect(fault(`---\ntitle: Why unikernels fail\n\n${BODY}\n`).format()).toBe('a.md:1:1: its front matter is never closed; close it with a line of --- (add it after the last field)');
    // Broken for Ruby's YAML too: a quote never closed, a second ": " in a plain value.
    expect(readLooseYaml(['title: "Unclosed', 'date: 2024-01-01'])).toBeNull();
    expect(readLooseYaml(['title: Foo: Bar'])).toBeNull();
    expect(readLooseYaml(['tags: [ops, kernels'])).toBeNull();
    // What Ruby's YAML reads: a "#" inside quotes, an escaped quote, a comma inside a quoted list item.
    expect(readLooseYaml(['title: "Fixing issue #42" # the title', 'excerpt: "Two', 'lines."'])).toEqual({ title: 'Fixing issue #42', excerpt: 'Two lines.' });
    expect(readLooseYaml(['title: "She said \\"hi\\""', "note: 'it''s'", 'tags: ["a, b", c]'])).toEqual({ title: 'She said "hi"', note: "it's", tags: ['a, b', 'c'] });
    // A rule above a paragraph is no front matter, nor one above "Note: …" and prose, closed or not.
    expect(readArticle(0, 'a.md', `---\nNote: this page was moved to the new handbook.\n\n${BODY}\n`).sentences.length).toBeGreaterThanOrEqual(3);
    expect(readArticle(0, 'a.md', `---\nSome prose comes first here.\nNote: see below\n---\n\n${BODY}\n`).sentences.length).toBeGreaterThanOrEqual(3);
    // A repeated key is read as Jekyll reads it.
    expect(readArticle(0, 'a.md', `---\n\n${BODY}\n`).sentences.length).toBe(3);
    expect(readArticle(0, 'a.md', `---\ntitle: One\ntitle: Two\n---\n\n${BODY}\n`).title?.text).toBe('Two');
  });

  test("front matter Jekyll reads and the yaml package does not (a quoted value continued at the left margin) is read line by line", () => {
    // As 18F's blog writes it (test/corpus/articles/en-18f-efficient-meeting.md).
    const text = `---\ntitle: "How to run an efficient meeting"\nauthors:\n- will\n- alex-bisker\nexcerpt: "Many people spend a significant percentage\nof working time in meetings."\nimage: /assets/blog/the-meeting.jpg\n---\n\n${BODY}\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.title?.text).toBe('How to run an efficient meeting');
    expect(article.title?.line).toBe(2);
    expect(article.attributions.find((a) => a.role === 'author')?.value).toBe('will, alex-bisker');
    expect(article.meta.description?.text).toBe('Many people spend a significant percentage of working time in meetings.');
    expect(slideText(text)).not.toMatch(/excerpt|working time in meetings|the-meeting\.jpg/u);
  });

  test('a setext heading over two lines is cited with both lines', () => {
    const article = readArticle(0, 'a.md', `# Title\n\nFirst part of a long\nheading over two lines\n---------------------\n\n${BODY}\n`);
    expect(article.headings[0]).toMatchObject({ line: 3, endLine: 4, quote: 'First part of a long\nheading over two lines' });
  });

  test('a claim line above a setext title is not part of the title, and no slide shows it', () => {
    const text = `[bazz2 own this article]\nPerformance benchmarks: KVM vs. Xen\n================\n\n${BODY}\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.title).toMatchObject({ text: 'Performance benchmarks: KVM vs. Xen', line: 2 });
    expect(article.boilerplate.map((b) => b.rule)).toContain('claim-line');
    expect(slideText(text)).not.toContain('own this article');
  });

  test('a stray line above the first heading is not the title', () => {
    const article = readArticle(0, 'a.md', `Translated by Jane Doe\n\n# The real title\n\n${BODY}\n`);
    expect(article.title?.text).toBe('The real title');
    expect(article.attributions.find((a) => a.role === 'translator')?.value).toBe('Jane Doe');
  });

  test("LCTT's credit header and footer: attributions for the title slide, off the slides", () => {
    const text = [
      '[#]: subject: "Drop swap for zram on Linux"',
      '[#]: via: "https://opensource.com/article/22/11/zram-swap-linux"',
      '[#]: author: "David Both https://opensource.com/users/dboth"',
      '[#]: translator: "wxy"',
      '',
      '在 Linux 上用 zram 替代传统交换空间',
      '======',
      '',
      '我在我的电脑上花了很多时间，我发现了很多有趣的东西。它被识别为交换空间，这就是首先引起我的好奇心的原因，所以我做了一些研究。zram 最初被称为“压缩缓存”。',
      '',
      '--------------------------------------------------------------------------------',
      '',
      'via: https://opensource.com/article/22/11/zram-swap-linux',
      '',
      '作者：[David Both][a]',
      '选题：[lkxed][b]',
      '译者：[wxy](https://github.com/wxy)',
      '校对：[wxy](https://github.com/wxy)',
      '',
      '本文由 [LCTT](https://github.com/LCTT/TranslateProject) 原创编译，[Linux中国](https://linux.cn/) 荣誉推出',
      '',
      '[a]: https://opensource.com/users/dboth',
      '[b]: https://github.com/lkxed',
    ].join('\n');
    const article = readArticle(0, 'a.md', text);
    expect(article.title?.text).toBe('在 Linux 上用 zram 替代传统交换空间');
    expect(article.attributions.find((a) => a.role === 'source')?.url).toBe('https://opensource.com/article/22/11/zram-swap-linux');
    expect(article.attributions.find((a) => a.role === 'author')?.value).toMatch(/David Both/u);
    expect(article.sentences.map((s) => s.plain).join('')).not.toMatch(/作者|译者|校对|选题|LCTT|via/u);
  });

  test('footnote definitions and a References section stay off the slides', () => {
    const text = `# Title\n\n${BODY} It matters[^1].\n\n## Details\n\n${BODY}\n\n[^1]: Since incremental was first enabled, which was in Rust 1.24.\n\n## References\n\n- [The Unikernel paper](https://example.org/paper), from 2013.\n- [A talk about it](https://example.org/talk).\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.boilerplate.map((b) => b.rule)).toEqual(expect.arrayContaining(['footnotes', 'endnotes']));
    expect(article.headings.map((h) => h.text)).toEqual(['Details']);
    expect(article.sentences.map((s) => s.plain).join(' ')).not.toMatch(/incremental|Unikernel paper/u);
  });

  test('an Emacs file-variables footer, a vim modeline and RCS keyword lines stay off the slides of a Markdown article too', () => {
    const text = `# Title\n\n$Id: a.md,v 1.4 2001/06/23 tim Exp $\n\n${BODY}\n\n${BODY}\n\nLocal Variables:\nmode: indented-text\nindent-tabs-mode: nil\nEnd:\n\nvim: set tw=72 ft=markdown:\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.boilerplate.map((b) => b.rule)).toEqual(expect.arrayContaining(['rcs-keywords', 'file-variables', 'modeline']));
    expect(slideText(text)).not.toMatch(/Local Variables|indent-tabs|vim:|\$Id/u);
  });

  test('a table of contents stays off the slides', () => {
    const text = `# Title\n\n## Contents\n\n- [Why](#why)\n- [How](#how)\n\n## Why\n\n${BODY}\n\n## How\n\n${BODY}\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.boilerplate.map((b) => b.rule)).toContain('table-of-contents');
    expect(article.headings.map((h) => h.text)).toEqual(['Why', 'How']);
  });

  test('sponsor, image-credit and follow-me lines inside the text stay off the slides', () => {
    const text = `# Title\n\n${BODY}\n\nDocker 和 Joyent 以及新堆栈的赞助商。\n\n通过 Pixabay 的特征图像。\n\n${BODY} Follow the Twitter account for updates, we plan on adding new goodies.\n`;
    const article = readArticle(0, 'a.md', text);
    expect(article.boilerplate.map((b) => b.rule)).toEqual(expect.arrayContaining(['sponsor', 'image-credit', 'follow']));
    expect(slideText(text)).not.toMatch(/赞助|Pixabay|Twitter/u);
  });
});

describe('a copyright heading is no site footer', () => {
  test('"版权声明：…" is a footer line; "版权声明" alone, the heading of a section about copyright notices, is not', () => {
    expect(siteFooter('版权声明：本文为博主原创文章，转载请附上原文出处链接。')).not.toBeNull();
    expect(siteFooter('版权所有 © 2023 Linux 中国')).not.toBeNull();
    expect(siteFooter('版权声明')).toBeNull();
    const article = readArticle(0, 'mit.md', '# MIT 许可证逐行解读\n\n开头一段介绍了这个许可证的来历和它在开源社区中的地位。\n\n#### 版权声明\n\n即使版权声明不像过去那样绝对必要，但它们仍然有很多用处。\n\n#### 许可授予\n\n许可授予的部分说明了软件的使用者可以做什么。\n');
    expect(article.headings.map((h) => h.text)).toContain('版权声明');
    expect(article.sentences.some((s) => s.plain.includes('仍然有很多用处'))).toBe(true);
  });
});

describe('HTML blocks that end at their own end, not at a blank line (CommonMark blocks 1-5)', () => {
  test('a comment holding the original of a translation, blank lines and all, shows nothing of it', () => {
    const article = ['# 部署', '', BODY, '', '<!--', '## Creating', '', 'You can run an application by creating a Kubernetes Deployment object.', '-->', '## 创建', '', '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用。它会替换失败的 Pod，并让应用一直保持运行。', ''].join('\n');
    const shown = slideText(article);
    expect(shown).toContain('创建');
    expect(shown).not.toMatch(/Creating|You can run|-->/u);
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 5 });
    expect(talk.slides.flatMap((s) => s.notes).join('\n')).not.toMatch(/You can run|-->/u);
  });

  test('a comment may cut a paragraph short, and a raw <pre> runs past its blank lines', () => {
    const article = ['# Deploying', '', `${BODY}`, '<!-- draft:', '', 'An editor left this sentence in a comment for later.', '-->', '', '<pre>', 'Some preformatted text.', '', 'Still preformatted after a blank line.', '</pre>', '', BODY, ''].join('\n');
    const shown = slideText(article);
    expect(shown).not.toMatch(/editor left|Still preformatted/u);
  });
});

describe("site generators' markup is not the article's words", () => {
  const titles = (markdown: string) => {
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: markdown }], { minutes: 5 });
    return talk.slides.map((s) => s.title);
  };

  test("Hugo shortcodes go, a shortcode's words for the reader stay, and a heading made of one names no slide", () => {
    const article = [
      '---',
      'title: Run a stateless application',
      '---',
      '',
      '## {{% heading "objectives" %}}',
      '',
      `${BODY} A {{< glossary_tooltip text="Deployment" term_id="deployment" >}} keeps the application running.`,
      '',
      '{{< figure src="/images/logo.png" alt="logo" >}}',
      '',
      '## Scaling',
      '',
      `${BODY} {{< note >}}Scaling changes the number of replicas.{{< /note >}}`,
      '',
    ].join('\n');
    const shown = slideText(article);
    expect(shown).not.toMatch(/\{\{|\}\}|\{\}|glossary_tooltip|heading "/u);
    expect(shown).toMatch(/A Deployment keeps the application running|Scaling changes the number of replicas/u);
    expect(titles(article).every((t) => t.trim() !== '')).toBe(true);
  });

  test('heading anchors ({#id}, {: #id .class}) are not part of a heading', () => {
    const article = ['# 组合式 API 常见问答 {#composition-api-faq}', '', BODY, '', '## Why it helps {: #why .lead}', '', BODY.replace('Unikernels', 'Composition'), ''].join('\n');
    const all = titles(article).join('\n');
    expect(all).toContain('组合式 API 常见问答');
    expect(all).not.toMatch(/\{#|\{:/u);
  });

  test('a container fence (:::tip, ::: warning Note, :::) is markup; what it holds stays', () => {
    const article = ['# Containers', '', BODY, '', ':::tip', 'Unikernels boot in milliseconds, which makes them attractive for functions.', ':::', '', '::: warning Note', 'Unikernels cannot run a debugger against themselves in production.', ':::', ''].join('\n');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 5 });
    const everything = talk.slides.flatMap((s) => [s.title, ...s.bullets.map((b) => b.text), ...s.notes.map((n) => n.text)]).join('\n');
    expect(everything).not.toContain(':::');
    expect(everything).toMatch(/boot in milliseconds/u);
  });

  test("a front matter author written as a link is the link's words", () => {
    const article = ['---', 'title: Kubernetes v1.30', 'author: >', '  [Kubernetes v1.30 Release Team](https://github.com/kubernetes/sig-release)', '---', '', BODY, ''].join('\n');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 5 });
    const title = talk.slides[0];
    const shown = [title?.subtitle ?? '', ...(title?.notes.map((n) => n.text) ?? [])].join('\n');
    expect(shown).toContain('Kubernetes v1.30 Release Team');
    expect(shown).not.toMatch(/\]\(https|\\\[/u);
  });

  test('a glossary of labelled items ("**Author:** the person who created the project") is prose, not the credits', () => {
    const article = [
      '# How to contribute',
      '',
      BODY,
      '',
      'A typical open source project has the following types of people:',
      '',
      '* **Author:** The person/s or organization that created the project',
      '* **Owner:** The person/s who has administrative ownership over the repository',
      '* **Maintainers:** Contributors who are responsible for driving the vision of the project',
      '* **Community Members:** People who use the project and talk about its direction',
      '',
      BODY,
      '',
    ].join('\n');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 5 });
    expect(JSON.stringify(talk.slides[0])).not.toContain('The person/s or organization');
  });
});

describe('a slide whose only sentence leads into its code is titled by that sentence', () => {
  test('"输出类似于这样：" above its output', () => {
    const article = ['# 部署', '', '你可以通过创建一个 Kubernetes Deployment 对象来运行一个应用。它会替换失败的 Pod，并让应用一直保持运行。', '', '## 信息', '', '显示该 Deployment 的相关信息：', '', '```shell', 'kubectl describe deployment nginx-deployment', '```', '', '输出类似于这样：', '', '```', 'Name:     nginx-deployment', 'Namespace:    default', '```', ''].join('\n');
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: article }], { minutes: 5 });
    expect(talk.slides.every((s) => s.title.trim() !== '')).toBe(true);
  });
});

describe("a press release's publisher paragraph, editors' notes, and bold names are not the news", () => {
  test.each([
    ['About Node.js Foundation', true],
    ['**About the Linux Foundation**', true],
    ['## About Us', true],
    ['关于 PingCAP', true],
    ['About this guide, and how to read it.', false],
    ['About 700 developers came to Austin.', false],
    ['about the platform', false],
  ])('aboutPublisher: %s → %s', (line, named) => {
    expect(aboutPublisher(line) !== null).toBe(named);
  });

  test.each([
    ['This blog was updated on April 19th to highlight two additional changes.', true],
    ["Editor's note: this post first appeared on the team's blog.", true],
    ['UPDATE: Chris Behrens pointed out that I neglected to mention the type of virtual machine.', true],
    ['编者按：本文是系列文章的第二篇。', true],
    ['The update was applied to every node in the cluster.', false],
    ['We updated the scheduler in this release.', false],
  ])('editorNote: %s → %s', (line, named) => {
    expect(editorNote(line) !== null).toBe(named);
  });

  const RELEASE = [
    '---',
    'title: The Node.js Platform Continues to Grow',
    '---',
    '',
    '**NODE.JS INTERACTIVE 2016, AUSTIN, TX., Nov. 30, 2016** — The Node.js Foundation today announced that Snyk has joined as a Silver member of the Foundation.',
    '',
    'The Node.js Project issued sixty-three new releases this year, with seven different release managers sharing the work between them.',
    '',
    'During the conference, the Node.js Foundation also launched **its second user survey**, which will remain open until the end of December.',
    '',
    'Contributors doubled compared to the year before, and the project now counts more unique contributors every month than ever.',
    '',
    'This blog was updated on December 2nd to correct the number of releases.',
    '',
    'About Node.js Foundation',
    'Node.js is used by tens of thousands of organizations in more than 200 countries around the world.',
    '',
    'The Foundation is made up of a diverse group of companies including Platinum members GoDaddy and IBM.',
    '',
  ].join('\n');

  test('the "About X" paragraph and what follows it, and the editor\'s note, reach no slide', () => {
    const shown = slideText(RELEASE);
    expect(shown).not.toMatch(/tens of thousands of organizations|Platinum members|was updated on/u);
    expect(shown).toMatch(/releases/u);
  });

  test('a bold name or phrase inside a longer sentence is no takeaway on its own', () => {
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: RELEASE }], { minutes: 5 });
    const takeaways = talk.slides.filter((s) => s.kind === 'takeaways').flatMap((s) => s.bullets.map((b) => b.text));
    expect(takeaways.length).toBeGreaterThan(0);
    expect(takeaways).not.toContain('Its second user survey');
    expect(takeaways.some((t) => /^NODE\.JS INTERACTIVE 2016/u.test(t))).toBe(false);
  });
});

describe('creditLine tells a name from a definition', () => {
  test.each([
    ['Author: The person/s or organization that created the project', false],
    ['**Author:** Everyone who has contributed something back to the project', false],
    ['Author: The Node.js Project', true],
    ['Author: Jane Doe', true],
  ])('%s → %s', (line, credit) => {
    expect(creditLine(line) !== null).toBe(credit);
  });
});
