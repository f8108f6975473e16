import { describe, expect, test } from 'vitest';
import { readArticle } from '../../src/compile/article.js';
import { personName, readHeaderBlock } from '../../src/compile/front-matter.js';
import { assessTalk, checkSources, compileTalkDetailed } from '../../src/compile/index.js';
import { baseIndent, codeLine, codeRun, indentOf, isPlainText, markdownSignals, plainHeading, proseRun, qaLabel, scanPlainText } from '../../src/compile/plain-text.js';
import { findOverflows } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { FIXTURES_DIR, parseIn, readIn } from './helpers.js';

/** Python's PEP 255 as python/peps keeps it (pep-0255.txt, public domain): a header block, headings at column 0, a body indented four spaces, code eight. */
const PEP_PATH = 'plain-text/pep-0255.txt';
const PEP = readIn(FIXTURES_DIR, PEP_PATH) ?? '';
const PEP_LINES = PEP.split('\n');

describe('which articles are plain text', () => {
  test('isPlainText: a .txt file is plain text; a .md file is Markdown whatever it holds', () => {
    expect(isPlainText('sources/pep-0255.txt', PEP)).toBe(true);
    expect(isPlainText('notes.text', 'Some words.\n')).toBe(true);
    expect(isPlainText('sources/pep-0255.md', PEP)).toBe(false);
    expect(isPlainText('a.mdx', 'Some words.\n')).toBe(false);
  });

  test('isPlainText: a .txt that shows two kinds of Markdown is Markdown; a file of another name is plain only without any', () => {
    const readme = '# Tool\n\nSee [the docs](https://example.org/docs).\n\n```sh\nmake\n```\n';
    expect(markdownSignals(readme)).toBe(3);
    expect(isPlainText('README.txt', readme)).toBe(false);
    expect(isPlainText('README', readme)).toBe(false);
    expect(isPlainText('README', 'Tool\n\n    Indented text of a plain file.\n')).toBe(true);
    // A PEP's __future__ and *stressed* words are not Markdown's bold.
    expect(markdownSignals(PEP)).toBe(0);
  });
});

describe('each rule of the plain-text reading, on its own', () => {
  test('indentOf: columns, tabs to the next multiple of 8', () => {
    expect(indentOf('    text')).toBe(4);
    expect(indentOf('\ttext')).toBe(8);
    expect(indentOf('  \ttext')).toBe(8);
    expect(indentOf('text')).toBe(0);
  });

  test("baseIndent: the indentation most prose lines share (the PEP's four spaces, not its code's eight)", () => {
    expect(baseIndent(PEP_LINES)).toBe(4);
    expect(baseIndent(['Title', '', 'Prose at the margin, as most plain files write it.', '', '    x = compute(y)'])).toBe(0);
  });

  test.each(['>>> def g():', '$ make install', 'def fib():', 'class Tree:', 'from __future__ import generators', 'a, b = 0, 1', 'return Tree(list[i], tree(list[:i]))', 'for x in inorder(t.left):', 'int main() {', '}', 'tokenize(readline, eater);'])('codeLine: %s is code', (line) => {
    expect(codeLine(line)).toBe(true);
  });

  test.each(['This PEP introduces the concept of generators to Python, as well', 'For example, tokenize.py in the standard library takes this approach:', 'return", for both generator functions and non-generator functions.', 'Q. Why not a new keyword instead of reusing "def"?'])('codeLine: %s is prose', (line) => {
    expect(codeLine(line)).toBe(false);
  });

  test('proseRun: sentences without code read as prose; a grammar rule or a list of alternatives does not', () => {
    expect(proseRun(['        Generators were first proposed on the list, and the', '        discussion ran for months before anyone wrote code.'])).toBe(true);
    expect(proseRun(['        yield_stmt:    "yield" expression_list'])).toBe(false);
    expect(proseRun(['       return 3 and continue', '       return and continue 3'])).toBe(false);
  });

  test('codeRun: an interactive session at the base indentation is code; a paragraph is not', () => {
    expect(codeRun(['    >>> def f():', '    ...     return 1/0', '    >>> k = g()'])).toBe(true);
    expect(codeRun(['    Example (not idiomatic but to illustrate the point):'])).toBe(false);
    expect(codeRun(['    When a generator function is called, the actual arguments are bound to', '    function-local formal argument names in the usual way, but no code in'])).toBe(false);
  });

  test('plainHeading: a short line outdented from the text under it, or underlined', () => {
    expect(plainHeading(['Abstract'], 4, 4)).toBe(1);
    expect(plainHeading(['Specification:  Yield'], 4, 4)).toBe(1);
    expect(plainHeading(['  Details'], 4, 4)).toBe(2);
    expect(plainHeading(['Installation', '============'], 0, 0)).toBe(1);
    expect(plainHeading(['Usage', '-----'], 0, 0)).toBe(2);
    // Not at the base, not over deeper text, a sentence, or a label that ends in a colon.
    expect(plainHeading(['    Abstract'], 4, 4)).toBeNull();
    expect(plainHeading(['Abstract'], 0, 4)).toBeNull();
    expect(plainHeading(['This is the end.'], 4, 4)).toBeNull();
    expect(plainHeading(['Local Variables:'], 4, 4)).toBeNull();
  });

  test('qaLabel: "Q. " and "A: " open a question and an answer; other letters do not', () => {
    expect(qaLabel('    Q. Why not a new keyword?')).toBe(7);
    expect(qaLabel('    A: Did I miss one?')).toBe(7);
    expect(qaLabel('    B. Something else')).toBe(0);
    expect(qaLabel('    Q.E.D.')).toBe(0);
  });
});

describe('scanPlainText', () => {
  const scan = scanPlainText(PEP_LINES, 15);

  test('headings at column 0 are sections, cited by their line', () => {
    expect(scan.headings.slice(0, 3)).toEqual([
      { level: 1, text: 'Abstract', line: 17, endLine: 17, quote: 'Abstract' },
      { level: 1, text: 'Motivation', line: 24, endLine: 24, quote: 'Motivation' },
      { level: 1, text: 'Specification:  Yield', line: 122, endLine: 122, quote: 'Specification:  Yield' },
    ]);
    expect(scan.headings.map((h) => h.text)).toContain('Q & A');
  });

  test('a paragraph at the base indentation is prose, its hard-wrapped lines one block', () => {
    const abstract = scan.blocks[0];
    expect(abstract).toMatchObject({ kind: 'paragraph', startLine: 19, endLine: 21, prefixes: [4, 4, 4] });
    expect(abstract?.text).toBe('This PEP introduces the concept of generators to Python, as well\nas a new statement used in conjunction with them, the "yield"\nstatement.');
  });

  test('a block indented deeper than the base is code, over its blank lines, without its indentation', () => {
    const tree = scan.figures.find((f) => f.lines[0] === '# A binary tree class.');
    expect(tree).toMatchObject({ kind: 'code', startLine: 299 });
    expect(tree?.lines[1]).toBe('class Tree:');
    expect(tree?.lines[3]).toBe('    def __init__(self, label, left=None, right=None):');
    expect(tree?.lines).toContain('        for x in inorder(t.left):');
    expect(tree?.lines.at(-1)).toBe('print');
    // An interactive session at the base indentation is code too.
    expect(scan.figures.some((f) => f.lines[0] === '>>> def f():' && f.startLine === 243)).toBe(true);
  });

  test('a hanging indent continues its paragraph; a deeper block of prose is a quotation; bullets are items', () => {
    const lines = ['Notes', '', '    Q. Why a new keyword for "yield"?  Why not a builtin function instead?', '', '    A. Control flow is much better expressed via keyword in Python, and', '       yield is a control construct.', '', '        The best way to predict the future is to invent it, said', '        someone who went on to build it.', '', '    - first point of the list, in words', '    - second point of the list, in words'];
    const { blocks, figures } = scanPlainText(lines);
    expect(figures).toEqual([]);
    expect(blocks.map((b) => [b.kind, b.startLine, b.endLine])).toEqual([
      ['paragraph', 3, 3],
      ['paragraph', 5, 6],
      ['quote', 8, 9],
      ['item', 11, 11],
      ['item', 12, 12],
    ]);
    expect(blocks[1]?.text).toBe('Control flow is much better expressed via keyword in Python, and\nyield is a control construct.');
    expect(blocks[3]?.list).toBe(blocks[4]?.list);
  });

  test('a paragraph whose first line alone is indented is a paragraph, not code', () => {
    const lines = ['    It was late when the boat came in, and the harbour', 'lights were already burning along the wall.', '', '    The crew tied her up and went home without a word,', 'tired after a long day on the water.'];
    const { blocks, figures } = scanPlainText(lines);
    expect(figures).toEqual([]);
    expect(blocks.map((b) => [b.kind, b.startLine, b.endLine])).toEqual([
      ['paragraph', 1, 2],
      ['paragraph', 4, 5],
    ]);
  });
});

describe('a header block', () => {
  test('personName: the name of an address with a name', () => {
    expect(personName('nas@arctrix.com (Neil Schemenauer)')).toBe('Neil Schemenauer');
    expect(personName('Guido van Rossum <guido@python.org>')).toBe('Guido van Rossum');
    expect(personName('tim@example.org')).toBe('tim@example.org');
  });

  test("readHeaderBlock: the PEP's Title, Author (over three lines) and Created, cited by line", () => {
    const header = readHeaderBlock(PEP_LINES);
    expect(header).toMatchObject({ format: 'header', endLine: 14 });
    expect(header?.title).toEqual({ text: 'Simple Generators', line: 2, endLine: 2, quote: 'Title: Simple Generators' });
    expect(header?.author).toMatchObject({ text: 'Neil Schemenauer, Tim Peters, Magnus Lie Hetland', line: 5, endLine: 7 });
    expect(header?.date?.text).toBe('18-May-2001');
  });

  test('readHeaderBlock: MultiMarkdown and Pelican metadata; not a paragraph that starts with a label', () => {
    expect(readHeaderBlock(['Title: My post', 'Date: 2010-12-03', '', 'Text.'])?.title?.text).toBe('My post');
    expect(readHeaderBlock(['Note: this post is old.', 'Update: see the new one.', '', 'Text.'])).toBeNull();
    expect(readHeaderBlock(['Title: My post', 'and then a sentence that is not a field.', '', 'Text.'])).toBeNull();
    expect(readHeaderBlock(['Title: only one field', '', 'Text.'])).toBeNull();
  });
});

describe('PEP 255, compiled', () => {
  const path = PEP_PATH;
  const compiled = compileTalkDetailed([{ path, text: PEP }]);
  const { slides } = compiled.talk;
  const shown = slides.flatMap((s) => [s.title, s.subtitle, ...s.bullets.map((b) => b.text)]);

  test('its title is the header\'s Title, its author the Authors\' names, its date Created', () => {
    expect(compiled.talk.title).toBe('Simple Generators');
    expect(compiled.talk.author).toBe('Neil Schemenauer, Tim Peters, Magnus Lie Hetland');
    expect(compiled.talk.date).toBe('18-May-2001');
  });

  test('no slide shows the header, the RCS keywords or the Emacs file variables, and no sentence holds them', () => {
    for (const text of shown) expect(text).not.toMatch(/Local Variables|\$Revision|\$Date|Python-Version|Post-History|indent-tabs-mode|Standards Track/u);
    const article = compiled.articles.get(path)?.article;
    expect(article?.sentences.filter((s) => /Local Variables|indent-tabs-mode|\$Revision|Post-History/u.test(s.plain))).toEqual([]);
    expect(article?.boilerplate.map((b) => [b.rule, b.startLine, b.endLine])).toEqual(expect.arrayContaining([['front-matter', 1, 14]]));
    expect(article?.boilerplate.some((b) => b.startLine === 508 && b.endLine === 511)).toBe(true);
  });

  test('right under the last section (references and copyright cut), the Emacs footer is still kept off, by its own rule', () => {
    const lines = PEP_LINES.filter((_, i) => i < 471 || i >= 507);
    const article = readArticle(0, path, lines.join('\n'));
    expect(article.boilerplate.find((b) => b.text.includes('Local Variables'))).toMatchObject({ rule: 'file-variables', startLine: 472, endLine: 475 });
  });

  test('its sections are its headings (references and copyright left out), each cited at its line', () => {
    const article = compiled.articles.get(path)?.article;
    expect(article?.headings.map((h) => [h.text, h.line])).toEqual([
      ['Abstract', 17],
      ['Motivation', 24],
      ['Specification:  Yield', 122],
      ['Specification:  Return', 187],
      ['Specification:  Generators and Exception Propagation', 232],
      ['Specification:  Try/Except/Finally', 262],
      ['Example', 297],
      ['Q & A', 368],
      ['BDFL Pronouncements', 432],
      ['Reference Implementation', 463],
    ]);
  });

  test('most of its sentences are prose, not code, and its code is shown as code', () => {
    const article = compiled.articles.get(path)?.article;
    const sentences = article?.sentences ?? [];
    expect(sentences.length).toBeGreaterThan(100);
    const codey = sentences.filter((s) => /^(?:>>>|\.\.\.|def |class |yield |return\b)/u.test(s.plain) || codeLine(s.plain));
    expect(codey.length).toBeLessThan(sentences.length * 0.05);
    expect(article?.figures.filter((f) => f.kind === 'code').length).toBeGreaterThanOrEqual(8);
    expect(compiled.talk.minutes).toBeGreaterThanOrEqual(10);
  });

  test('compiles to a deck that passes talkdeck check and check --size 80x24, and the quality report', () => {
    const deck = parseIn(FIXTURES_DIR, compiled.markdown);
    expect(deck.diagnostics).toEqual([]);
    expect(checkSources(deck, (p) => readIn(FIXTURES_DIR, p))).toEqual([]);
    expect(findOverflows(deck, loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() }), { columns: 80, rows: 24 })).toEqual([]);
    const quality = assessTalk([{ path, text: PEP }], compiled);
    expect({ titles: quality.fragmentExamples, bullets: quality.fragmentBulletExamples, boilerplate: quality.boilerplateExamples, dangling: quality.danglingBullets }).toEqual({ titles: [], bullets: [], boilerplate: [], dangling: 0 });
  });

  test('read as Markdown (the same text as .md), the PEP is mostly code: the plain reading is what changes it', () => {
    const markdown = readArticle(0, 'plain-text/pep-0255.md', PEP);
    const plain = readArticle(0, path, PEP);
    expect(markdown.sentences.length).toBeLessThan(plain.sentences.length / 4);
  });
});

describe('reStructuredText, read as plain text', () => {
  const REST = [
    'Rationale',
    '=========',
    '',
    'The aim of this document is to standardize the high-level structure of docstrings. The',
    'worst you will get is some dirty looks from the tools (see :pep:`256` and :rfc:`2119`).',
    '',
    '    "A universal convention supplies all of maintainability, clarity, consistency,',
    '    and a foundation for good programming habits too."',
    '',
    '    -- Tim Peters on comp.lang.python, 2001-06-16',
    '',
    'Use :func:`os.path.join` as `the guide <https://example.org/guide>`_ says. For example::',
    '',
    '    Insert a blank line after all docstrings that document a class, as the guide says.',
    '',
    'After the literal block the prose goes on with another full sentence of the rationale.',
    '',
  ].join('\n');
  const article = readArticle(0, 'a.rst', REST);

  test('a block under a paragraph that ends in "::" is code, even when it reads as prose', () => {
    expect(article.figures.map((f) => [f.kind, f.startLine])).toEqual([['code', 14]]);
    expect(article.sentences.map((s) => s.plain).join('\n')).not.toMatch(/Insert a blank line/u);
  });

  test('"For example::" reads "For example:"; roles and hyperlinks read as their text', () => {
    const plain = article.sentences.map((s) => s.plain);
    expect(plain).toContain('For example:');
    expect(plain.join('\n')).toContain('(see PEP 256 and RFC 2119)');
    expect(plain.join('\n')).toContain('Use `os.path.join` as the guide says.');
  });

  test("a quotation's attribution line is neither code nor a sentence", () => {
    expect(article.figures.some((f) => f.lines.join('\n').includes('Tim Peters'))).toBe(false);
    expect(article.sentences.map((s) => s.plain).join('\n')).not.toMatch(/Tim Peters/u);
    expect(article.sentences.map((s) => s.plain).join('\n')).toMatch(/A universal convention/u);
  });
});

describe('a reStructuredText title and its fields', () => {
  const GUIDE = [
    '=================================',
    'Writing Readable Python Functions',
    '=================================',
    '',
    ':Author: Lee Marsh',
    ':Date: 2024-05-02',
    '',
    'Most Python code is read far more often than it is written. This short guide collects three habits.',
    '',
    'Name things for the reader',
    '==========================',
    '',
    'A function name should say what the function returns or does. Avoid abbreviations that only the author understands.',
    '',
    'Keep functions short',
    '====================',
    '',
    'A function that fits on one screen can be understood in one glance. Each part probably wants to be its own function.',
    '',
    'Fail loudly',
    '===========',
    '',
    'Raise an exception with a clear message instead of returning ``None``. Silent failures are the most expensive bugs to find.',
    '',
  ].join('\n');

  test('the title set between two lines is the talk\'s title, and :Author: and :Date: its metadata, off the slides', () => {
    const article = readArticle(0, 'guide.rst', GUIDE);
    expect(article.title).toMatchObject({ text: 'Writing Readable Python Functions', line: 2 });
    expect(article.attributions.find((a) => a.role === 'author')?.value).toBe('Lee Marsh');
    expect(article.meta.date?.text).toBe('2024-05-02');
    expect(article.sentences.map((s) => s.plain).join('\n')).not.toMatch(/Author|Lee Marsh|2024/u);
  });

  test('at its natural length, each of its three sections is a slide under its own heading', () => {
    const { talk } = compileTalkDetailed([{ path: 'sources/guide.rst', text: GUIDE }]);
    expect(talk.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Name things for the reader', 'Keep functions short', 'Fail loudly']);
  });
});
