import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { blocksText, type Deck } from '../../../src/deck/index.js';
import { parseDeck, parseDeckWithDialect, type DialectName } from '../../../src/parse/index.js';

/**
 * One named test for each rule of issue 13's "Known differences": how each tool reads its own
 * decks. Expectations come from the tools (`patat --dump`, `mdp -d`, marp-core, remark's parser,
 * reveal.js's markdown plugin) or, for presenterm and slides, from their source; each test says which.
 */

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/dialects/${name}`, import.meta.url)), 'utf8');
}

const read = (text: string, dialect?: DialectName) => parseDeck(text, dialect === undefined ? { file: 'd.md' } : { file: 'd.md', dialect });

/** Each slide as its title (or first line of text when untitled) and reveal steps. */
const outline = (deck: Deck) => deck.slides.map((s) => `${s.title || (blocksText(s.blocks)[0] ?? '').split('\n')[0]} (${s.steps})`);

const messages = (deck: Deck) => deck.diagnostics.map((d) => `${d.line}: ${d.severity}: ${d.message}`);

describe('patat', () => {
  test('a header above the slide level followed by content makes a title slide and then a new slide (patat --dump)', () => {
    // patat 0.8.8 --dump of the fixture: 10 slides, in this order.
    const deck = parseDeckWithDialect(fixture('patat-title-slides.md'), { file: 'patat-title-slides.md' });
    expect(deck.dialect).toBe('patat');
    expect(outline(deck.deck)).toEqual([
      'Opening words, before any heading. (1)',
      'Sessions (1)',
      'Commands (1)',
      'Windows (1)',
      'Panes and layouts. (1)',
      'Keys (1)',
      'Questions? (1)',
      ' ( ? ) (1)',
      'The end (1)',
      ' (1)',
    ]);
    expect(deck.deck.slides[9]?.notes).toBe('Thank everyone.');
  });

  test('with `---` rules, headings do not split slides and make no title slides (patat --dump)', () => {
    const deck = read('---\npatat:\n  slideLevel: 2\n...\n\n# Part\n\nintro text\n\n---\n\n## Slide\n\ncontent\n');
    expect(outline(deck)).toEqual(['Part (1)', 'Slide (1)']);
  });

  test('an incremental list starts with no item shown: every item is a reveal step (patat --dump)', () => {
    // patat: "# Title" alone, then a, then b with the paragraph after it, then c, then d.
    const deck = read('---\npatat:\n  incrementalLists: true\n...\n\n# Title\n\n- a\n- b\n\nafter\n\n- c\n- d\n');
    expect(outline(deck)).toEqual(['Title (5)']);
    const [, first, paragraph, second] = deck.slides[0]?.blocks ?? [];
    expect(first?.kind === 'list' ? first.items.map((item) => item.step) : null).toEqual([1, 2]);
    expect(paragraph?.step).toBe(2);
    expect(second?.kind === 'list' ? second.items.map((item) => item.step) : null).toEqual([3, 4]);
  });

  test('nested items are steps too, a list in a quote shows at once (patat --dump of tests/golden fragments.md: 6 and 3 steps)', () => {
    const deck = read('---\npatat:\n  incrementalLists: true\n...\n\n- This list\n\n- is displayed\n\n    * item\n    * by item\n\n- Or sometimes\n\n    > * all at\n    > * once\n\n---\n\nLegen\n\n. . .\n\nwait for it\n\n. . .\n\nDary!\n');
    expect(deck.slides.map((s) => s.steps)).toEqual([6, 3]);
  });

  test('`Title` over `---` is a heading, as pandoc reads it, never a slide break (patat --dump)', () => {
    const deck = read('# A\n\nTitle\n---\n\ntext\n\n---\n\n# B\n\nx\n', 'patat');
    expect(outline(deck)).toEqual(['A (1)', 'B (1)']);
    expect(deck.slides[0]?.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual(['h1', 'h2', 'paragraph']);
  });

  test("pandoc's code attributes `{.haskell .ghci}` give the language; an eval block's output is a placeholder step (patat --dump)", () => {
    const deck = read('---\npatat:\n  eval:\n    ghci:\n      command: ghci\n...\n\n# Eval\n\n~~~~~{.haskell .ghci}\n1 + 1\n~~~~~\n\n```{.python}\nx\n```\n');
    const [, code, placeholder, other] = deck.slides[0]?.blocks ?? [];
    expect(code?.kind === 'code' ? [code.lang, code.step] : null).toEqual(['haskell', 0]);
    expect(placeholder?.kind === 'paragraph' ? [blocksText([placeholder])[0], placeholder.step] : null).toEqual(['(the output of this ghci block: talkdeck runs no code)', 1]);
    expect(other?.kind === 'code' ? other.lang : null).toBe('python');
    expect(messages(deck)).toEqual(['10: info: patat eval block (ghci) shown as code, not run; its output step shows a placeholder']);
    // With `fragment: false` patat shows the output at once: no step.
    expect(read('---\npatat:\n  eval:\n    ghci:\n      command: ghci\n      fragment: false\n...\n\n# Eval\n\n```ghci\n1\n```\n\nend\n').slides[0]?.steps).toBe(1);
  });
});

describe('Marp', () => {
  test('headingDivider as a list of levels splits at those levels only (marp-core: [1, 3])', () => {
    // marp-core renders this as two slides: "A text B" and "C c D".
    const deck = read('---\nmarp: true\nheadingDivider: [1, 3]\n---\n# A\n\ntext\n\n## B\n\n### C\n\nc\n\n#### D\n');
    expect(outline(deck)).toEqual(['A (1)', 'C (1)']);
    expect(messages(deck)).toEqual(['3: info: Marp directive headingDivider: slides also end before headings of level 1, 3']);
  });

  test('headingDivider [2] skips level 1; the directive may stand in a comment, the last one winning (marp-core)', () => {
    expect(outline(read('---\nmarp: true\nheadingDivider: [2]\n---\n# A\n\n## B\n\n# C\n\n## D\n'))).toEqual(['A (1)', 'B (1)', 'D (1)']);
    const commented = read('---\nmarp: true\nheadingDivider: 1\n---\n\n<!-- headingDivider: 2 -->\n\n# A\n\n## B\n');
    expect(outline(commented)).toEqual(['A (1)', 'B (1)']);
    expect(messages(commented)).toEqual(['3: info: Marp directive headingDivider: slides also end before headings of level 1', '6: info: Marp directive headingDivider: slides also end before headings of level 1, 2']);
  });

  test('a headingDivider that is no level is ignored with an info', () => {
    const deck = read('---\nmarp: true\nheadingDivider: big\n---\n# A\n\n## B\n');
    expect(outline(deck)).toEqual(['A (1)']);
    expect(messages(deck)).toEqual(['3: info: ignored Marp directive headingDivider: its value is not a heading level from 1 to 6 or a list of them']);
  });

  test('`Title` over `---` is a heading, as markdown-it reads it (marp-core: "A Title text", "B")', () => {
    expect(outline(read('---\nmarp: true\n---\n\n# A\n\nTitle\n---\n\ntext\n\n---\n\n# B\n'))).toEqual(['A (1)', 'B (1)']);
  });
});

describe('remark', () => {
  // Each expectation is what remark's own Parser and Slide model (gnab/remark src/remark) give.
  test('`--` after `???` starts a continued slide: the notes end there, the rest is the next reveal step', () => {
    const deck = read('# A\n\n???\nnote\n--\nmore\n', 'remark');
    expect(deck.slides.map((s) => ({ title: s.title, steps: s.steps, notes: s.notes }))).toEqual([{ title: 'A', steps: 2, notes: 'note' }]);
    expect(deck.slides[0]?.blocks.map((b) => `${b.kind}@${b.step}`)).toEqual(['heading@0', 'paragraph@1']);
  });

  test('HTML comments are invisible, not directives; a `<!-- key: value -->` comment is a slide property', () => {
    const deck = read('# A\n\n<!-- pause -->\n\ntext <!-- x -->\n<!-- class: center -->\n', 'remark');
    expect(outline(deck)).toEqual(['A (1)']);
    expect(deck.slides[0]?.blocks.map((b) => `${b.kind} ${b.align}`)).toEqual(['heading center', 'paragraph center']);
    expect(blocksText(deck.slides[0]?.blocks ?? [])).toEqual(['A', 'text']);
    expect(deck.diagnostics).toEqual([]);
  });

  test('fences inside `<pre><code>` do not break fence tracking (remark: two slides)', () => {
    const deck = read('# A\n\n<pre><code>```javascript\nadd(a, b)\n```</code></pre>\n\n---\n\n# B\n', 'remark');
    expect(outline(deck)).toEqual(['A (1)', 'B (1)']);
    expect(deck.diagnostics).toEqual([]);
  });

  test('`.class[text]` renders its text: inline, nested, with several classes, across lines; `\\.class[` is text', () => {
    const deck = read('Next.red[*] and .a[.b[nested]] and .a.b[two] and \\.no[way] and [a link](x.md)\n\n.big[\nblock\n]\n', 'remark');
    expect(blocksText(deck.slides[0]?.blocks ?? [])).toEqual(['Next* and nested and two and .no[way] and a link', 'block']);
  });

  test("a layout slide is not shown: the slides after it repeat its content and take its properties, until `layout: false`", () => {
    // remark: "<top>Talk</> # One Talk", then "## Frame {{content}}→'' end", then "## Frame inside end".
    const deck = read('name: base\nlayout: true\ntitle: Talk\nclass: center\n\n.top[{{title}}]\n\n---\n\n# One {{ title }}\n\n---\nname: frame\nlayout: false\n\n## Frame\n\n{{content}}\n\nend\n\n---\ntemplate: frame\n\ninside\n', 'remark');
    expect(deck.slides.map((s) => [s.title, blocksText(s.blocks).join(' / ')])).toEqual([
      ['One Talk', 'Talk / One Talk'],
      ['Frame', 'Frame /  / end'],
      ['Frame', 'Frame / inside / end'],
    ]);
    expect(deck.slides[0]?.blocks.map((b) => b.align)).toEqual(['center', 'center']);
    expect(deck.slides[0]?.location.line).toBe(10);
  });

  test('`template:` repeats a named slide, a slide with only properties shows its template, `exclude: true` hides a slide', () => {
    const deck = read('name: cover\n\n# Cover\n\n---\ntemplate: cover\n\n---\nexclude: true\n\n# Hidden\n\n---\ntemplate: cover\n\n## More\n', 'remark');
    expect(deck.slides.map((s) => [s.index, s.title, blocksText(s.blocks).join(' / ')])).toEqual([
      [1, 'Cover', 'Cover'],
      [2, 'Cover', 'Cover'],
      [3, 'More', 'Cover / More'],
    ]);
  });

  test('a `template:` naming no earlier slide falls back to the layout, with a warning', () => {
    const deck = read('layout: true\n\nframe\n\n---\ntemplate: later\n\nown\n', 'remark');
    expect(deck.slides.map((s) => blocksText(s.blocks).join(' / '))).toEqual(['frame / own']);
    expect(messages(deck)).toEqual(['6: warning: remark template "later" is not the name of a slide before this one; ignored']);
  });

  test('`#Title` is a heading, as in remark\'s pedantic marked; `class: middle` centres the slide', () => {
    const deck = read('#remark\n\n---\nclass: middle, center\n\n#Two\n', 'remark');
    expect(outline(deck)).toEqual(['remark (1)', 'Two (1)']);
    expect(deck.slides[1]?.blocks.map((b) => `${b.kind} ${b.align}`)).toEqual(['middle center', 'heading center']);
  });
});
