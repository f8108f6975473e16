import { describe, expect, test } from 'vitest';
import { aboutPublisher, modeline } from '../../src/compile/boilerplate.js';
import { scanBlocks, withoutAttributes } from '../../src/compile/blocks.js';
import { condenseBullet, crossReference, danglingReference, dropAppositive, fragmentBullet } from '../../src/compile/condense.js';
import { compileTalkDetailed } from '../../src/compile/index.js';
import { stripMarkup } from '../../src/compile/inline.js';
import { readArticle } from '../../src/compile/article.js';

/**
 * Inputs a review of the rules for real-world articles found them wrong on: each rule must leave
 * the article's own words alone where they are not the page's machinery.
 */
const FILLER = Array.from({ length: 6 }, (_, k) => `Paragraph ${k + 1} explains how the scheduler places each pod on a node, and why it waits when no node has room for it yet.`);

function spoken(markdown: string): string {
  const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text: markdown }], { minutes: 10 });
  return talk.slides.flatMap((s) => [s.title, ...s.bullets.map((b) => b.text), ...s.notes.map((n) => n.text)]).join('\n');
}

describe('"About …" is a publisher only when a name follows', () => {
  test.each([
    ['About the Node.js release schedule', false],
    ['About 40% of the respondents said they run', false],
    ['About Node.js Foundation', true],
    ['About the Linux Foundation', true],
  ])('aboutPublisher: %s → %s', (line, about) => {
    expect(aboutPublisher(line) !== null).toBe(about);
  });

  test('a late section "About the Node.js release schedule" and a paragraph "About 40% of …" stay in the talk', () => {
    const article = ['# Releases', '', ...FILLER.flatMap((p) => [p, '']), '## About the Node.js release schedule', '', 'Even-numbered releases become long-term support releases after six months of current status.', '', '## Adoption', '', 'About 40% of the respondents said they run', 'Kubernetes in production today, and most of them run it on a public cloud.', '', '## Summary', '', 'The schedule tells operators when to move, and the survey tells them that many already have.', ''].join('\n');
    const said = spoken(article);
    expect(said).toMatch(/long-term support releases/u);
    expect(said).toMatch(/40% of the respondents/u);
  });
});

test('a heading "Update: …" is a section of the article, not an editor\'s note', () => {
  const article = ['# Storage', '', ...FILLER.slice(0, 2).flatMap((p) => [p, '']), '## Update: the new storage engine', '', 'The new storage engine writes each block once and compacts in the background.', ''].join('\n');
  expect(spoken(article)).toMatch(/writes each block once/u);
});

describe('condensing keeps what a sentence says', () => {
  test('no phrase is cut from a denied or limited clause', () => {
    for (const sentence of [
      'Third-party plugins cannot access the network from inside the sandbox without an explicit permission in the manifest file.',
      'The kernel regression in this release only affects servers running the older ext3 file system on spinning disks.',
    ]) {
      for (const b of condenseBullet(sentence)) expect(sentence.startsWith(b.text) && b.text.length < sentence.length - 1 ? b.text : 'whole or not a prefix', sentence).not.toMatch(/sandbox$|servers$|network$/u);
    }
  });

  test('a quotation is cut only at its end, marked "…", and names every speaker', () => {
    const quote = '“Third-party plugins cannot access the network from inside the sandbox without an explicit permission in the manifest,” said Jane Doe.';
    for (const b of condenseBullet(quote)) expect(b.text).not.toBe('“Third-party plugins cannot access the network from inside the sandbox” — Jane Doe');
    const two = condenseBullet('“Snyk is focused on securing the vast module ecosystem that makes Node.js one of the most powerful runtime platforms today,” said Guy Podjarny and Jane Roe.').map((b) => b.text);
    expect(two.length).toBeGreaterThan(0);
    for (const text of two) expect(text).toMatch(/^“Snyk is focused on securing the vast module ecosystem.*” — Guy Podjarny and Jane Roe$/u);
    for (const text of two) if (!text.includes('platforms today')) expect(text).toContain(' …”');
  });

  test('dropAppositive leaves opening phrases and lists alone', () => {
    for (const sentence of ['In Node.js, a Buffer, unlike a string, is mutable and has a fixed size.', 'In 2023, a security audit, funded by the OpenSSF, found two issues.', 'GitHub Discussions, a Slack workspace, and a mailing list are where the community meets.']) {
      expect(dropAppositive(sentence)).toBe(sentence);
    }
  });
});

describe('blocks', () => {
  test('indented code after a list that a quote ended is code', () => {
    const scan = scanBlocks(['1. Step one', '', '> A quote here.', '', '    $ npm install foo', '']);
    expect(scan.figures.map((f) => [f.kind, f.lines.join('\n')])).toEqual([['code', '$ npm install foo']]);
  });

  test('"<!-->" and "<!--->" are whole comments; what follows is the article', () => {
    for (const comment of ['<!-->', '<!--->']) {
      const scan = scanBlocks(['Para.', '', comment, '', 'Visible text.', '']);
      expect(scan.blocks.map((b) => b.text)).toEqual(['Para.', 'Visible text.']);
    }
  });

  test('a heading ending in braces that are not an attribute list keeps them', () => {
    expect(withoutAttributes('Spread syntax { ...rest }')).toBe('Spread syntax { ...rest }');
    expect(withoutAttributes('Why {#why-composition-api}')).toBe('Why');
  });
});

test('"ex:" written for "for example" is no vim modeline', () => {
  expect(modeline('ex: PORT=8080 npm start')).toBeNull();
  expect(modeline('ex: set the DEBUG=1 flag to see logs')).toBeNull();
  expect(modeline('vim: set ts=4 sw=4:')).not.toBeNull();
});

test('a Markdown file opening with "Note: …" over "Date: …" keeps its note as prose', () => {
  const article = readArticle(0, 'a.md', 'Note: this guide assumes Node 20 and a Linux machine.\nDate: 2024-05-01\n\n# Setting up\n\nInstall the tools first, then clone the repository and run the tests.\n');
  expect(article.sentences.map((s) => s.plain).join(' ')).toContain('this guide assumes Node 20');
});

test('notes over several sub-headings say each where it starts: an answer keeps its question', async () => {
  const { readFileSync } = await import('node:fs');
  // The corpus's Vue Composition API FAQ (Chinese): "可以。" answers the heading "可以在同一个组件中使用两种 API 吗？".
  const text = readFileSync('test/corpus/articles/zh-vue-docs-composition-api-faq.md', 'utf8');
  const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text }]);
  const notes = talk.slides.flatMap((s) => s.notes);
  const answer = notes.find((n) => n.text === '可以。');
  expect(answer?.lead).toBe('可以在同一个组件中使用两种 API 吗？');
  expect(answer?.cites.length).toBe(2);
});

test("MDN's macros: one that names a page reads as that name, one that lays the page out goes, Vue's {{ message }} stays", async () => {
  const { stripMarkup } = await import('../../src/compile/inline.js');
  const plain = (t: string) => stripMarkup(t, new Map()).text;
  // mdn/content's console.log() page (CC BY-SA 2.5).
  expect(plain('See Outputting text to the console in the documentation of {{domxref("console")}} for further details.')).toBe('See Outputting text to the console in the documentation of console for further details.');
  expect(plain('None ({{jsxref("undefined")}}).')).toBe('None (undefined).');
  expect(plain('A {{Glossary("Polyfill", "polyfill")}} helps.')).toBe('A polyfill helps.');
  expect(plain('{{APIRef("Console API")}} The method prints.')).toBe('The method prints.');
  expect(plain('Vue interpolation {{ message }} stays.')).toBe('Vue interpolation {{ message }} stays.');
});

describe('a sentence that opens with what it is for', () => {
  // GitHub Docs, "Ignoring files": the bullet had been the purpose alone, its command cut away.
  const sentence = "To always ignore a certain file or directory, add it to a file named `ignore` that's located inside the directory `~/.config/git`.";

  test('never becomes a bullet of its purpose alone', () => {
    expect(condenseBullet(sentence).map((b) => b.text)).not.toContain('To always ignore a certain file or directory');
  });

  test('the quality report counts such a purpose, cut from its command, as a fragment; a whole sentence that opens so is not one', () => {
    expect(fragmentBullet('To always ignore a certain file or directory', sentence)).toBe(true);
    expect(fragmentBullet('To always ignore a certain file or directory, add it to a file named `ignore`', sentence)).toBe(false);
    expect(fragmentBullet('To date, no unikernel has shipped a debugger', 'To date, no unikernel has shipped a debugger.')).toBe(false);
  });
});

describe('a sentence that only sends the reader elsewhere is no bullet', () => {
  test.each([
    'For more information, see github/gitignore and the gitignore.io site.',
    'See Outputting text to the console in the documentation of console for further details.',
    'For more information on this feature also read converting the volume mode of a Snapshot.',
    'See README-VIM.md.',
    'If you need the exact rules, refer to the gitignore manual for more information.',
    '详见官方文档的部署一节。',
    '更多信息，请参阅 Kubernetes 文档。',
    '詳しくは for...of 文のリファレンスを参照してください。',
  ])('%s', (sentence) => {
    expect(crossReference(sentence)).toBe(true);
    for (const bullet of condenseBullet(sentence)) expect(danglingReference(bullet.text), bullet.text).toBe(true);
  });

  test.each(['See, the problem is that nobody can attach a debugger.', 'We will see a 2x speedup on the second run.', 'Users see their changes at once, for more than one reason.', '参数详细说明了每个字段的含义。'])('not: %s', (sentence) => {
    expect(crossReference(sentence)).toBe(false);
  });

  test('a section that is only a pointer ("See README-VIM.md.") makes no slide of it', () => {
    const text = `# Tool\n\n${FILLER.join('\n\n')}\n\n## Vim plugin\n\nSee [README-VIM.md](README-VIM.md).\n\n## Tips\n\n${FILLER.slice(0, 3).join('\n\n')}\n`;
    const { talk } = compileTalkDetailed([{ path: 'sources/a.md', text }], { minutes: 10 });
    const bullets = talk.slides.flatMap((s) => s.bullets.map((b) => b.text));
    expect(bullets.length).toBeGreaterThan(3);
    expect(bullets.join('\n')).not.toMatch(/README-VIM/u);
  });
});

describe('the last item of a list starts no bullet', () => {
  test.each([
    // PEP 257: the clause's subject is "String literals", far before the list.
    ['String literals occurring immediately after a simple assignment at the top level of a module, class, or ``__init__`` method are called "attribute docstrings".', /^(?:Or )?``__init__`` method are called/u],
    ['The docstring for a function or method should summarize its behavior and document its arguments, return value(s), side effects, exceptions raised, and restrictions on when it can be called (all if applicable).', /^Exceptions raised/u],
    // Astro's docs: three adjectives before their noun.
    ['Our welcoming, respectful, inclusive community on Discord is ready to provide support, motivation, and encouragement to anyone who is learning the framework.', /^Inclusive community/u],
  ])('%s', (sentence, fragment) => {
    for (const bullet of condenseBullet(sentence)) expect(bullet.text).not.toMatch(fragment);
  });

  test('a short opening phrase is no list item: the clause after it still makes a bullet', () => {
    const bullets = condenseBullet('Last year, Google released a new version of its browser for phones, and the team published a long report on how it measured the speed.').map((b) => b.text);
    expect(bullets.some((b) => b.startsWith('Google released a new version of its browser'))).toBe(true);
  });

  test('an opening phrase before a comma is no list: the clause after it still makes a bullet', () => {
    const bullets = condenseBullet('In 2016, Docker bought Unikernel Systems and hired most of its engineers to work on the Docker for Mac and Windows products.').map((b) => b.text);
    expect(bullets.some((b) => b.startsWith('Docker bought Unikernel Systems and hired most of its engineers'))).toBe(true);
  });
});

describe("reStructuredText's inline markup, and Markdown that only looks like it", () => {
  // Without the marks stripMarkup leaves where emphasis was.
  const plain = (t: string) => stripMarkup(t, new Map()).text.replaceAll('\u0000', '');
  test('roles reStructuredText defines, and hyperlinks with a target, read as their text', () => {
    expect(plain('See :pep:`8` and :func:`os.path.join`, as `the guide <https://example.org/g>`_ says.')).toBe('See PEP 8 and `os.path.join`, as the guide says.');
    expect(plain('For example::')).toBe('For example:');
  });

  test('Markdown is left alone: emphasis around code, an emoji before code, a "::" after a space', () => {
    expect(plain('_always call `close()`_ first')).toBe('always call `close()` first');
    expect(plain('Ship it :rocket:`deploy` now')).toBe('Ship it :rocket:`deploy` now');
    expect(plain('The scope operator is ::')).toBe('The scope operator is ::');
  });
});

describe('what is not a pointer to another page', () => {
  test.each([
    'See how the cache cuts median latency in half on the second run.',
    'Consult the on-call engineer before you restart the primary database.',
    'If the build fails, see whether the lock file changed since the last release.',
    'For more information about users who visit the site, the log stores each request with its time.',
  ])('%s', (sentence) => {
    expect(crossReference(sentence)).toBe(false);
  });
});

describe('a list of what one subject does is not cut before its last item', () => {
  test.each([
    ['We hash each input, hash the compiler flags, and combine them into a key.', 'We hash each input, hash the compiler flags'],
    ["It's fine to politely push back on an idea, ask for more context, or further clarify your position.", "It's fine to politely push back on an idea, ask for more context"],
    ['It could call `panic!` and crash the program, use a default username, or look up the username from somewhere other than a file.', 'It could call `panic!` and crash the program, use a default username'],
    // A list of things too.
    ['You can customize the size, position, and border of the window with the --tmux option.', 'You can customize the size, position'],
    // opensource.guide's "How to Contribute".
    ['There are books, recipes, lists, and classes that get developed as open source projects.', 'There are books, recipes, lists'],
  ])('%s', (sentence, cut) => {
    expect(condenseBullet(sentence).map((b) => b.text)).not.toContain(cut);
  });

  test('a verb whose object is the quotation after it ends no bullet, and the report counts such a cut as a fragment', () => {
    const sentence = 'Perhaps what is happening is that programmers new to Go ask, "How does one handle errors?", learn this pattern, and stop there.';
    expect(fragmentBullet('Perhaps what is happening is that programmers new to Go ask', sentence)).toBe(true);
    expect(condenseBullet(sentence).map((b) => b.text)).not.toContain('Perhaps what is happening is that programmers new to Go ask');
  });
});

describe('takeaways', () => {
  test('a four-word opener of the closing paragraph ("The payoff came quickly") is no takeaway; the figures and the lesson after it are', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../fixtures/compile/build-cache-post.md', import.meta.url), 'utf8');
    const { talk } = compileTalkDetailed([{ path: 'sources/post.md', text }]);
    const takeaways = talk.slides.find((s) => s.kind === 'takeaways')?.bullets.map((b) => b.text) ?? [];
    expect(takeaways).not.toContain('The payoff came quickly');
    expect(takeaways).toContain('The hit rate rose to 87% in the first week');
    expect(takeaways.some((t) => t.startsWith('A cache is only as good as its key'))).toBe(true);
  });
});
