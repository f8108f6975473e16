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

describe('presenterm', () => {
  // presenterm cannot run here: each expectation follows its source (mfontanini/presenterm), named in the test.
  test('the front matter (title, sub_title, event, location, date, authors) makes an intro slide (PresentationMetadata::has_frontmatter)', () => {
    const deck = read('---\ntitle: Talk\nsub_title: Sub\nevent: Conf\nlocation: Ghent\ndate: 2024-05-01\nauthors:\n  - Ada\n  - Grace\n---\n\nFirst\n===\n\ntext\n', 'presenterm');
    expect(outline(deck)).toEqual(['Talk (1)', 'First (1)']);
    expect(blocksText(deck.slides[0]?.blocks ?? [])).toEqual(['Talk', 'Sub', 'Conf', 'Ghent', '2024-05-01', 'Ada, Grace']);
    // Any one of those keys is enough; a front matter with only a theme makes none.
    expect(outline(read('---\ndate: 2024-05-01\n---\n\n# A\n', 'presenterm'))).toEqual(['2024-05-01 (1)', 'A (1)']);
    expect(outline(read('---\ntheme:\n  name: dark\n---\n\n# A\n', 'presenterm'))).toEqual(['A (1)']);
  });

  test('a setext heading (`Title` over `---` or `===`) is the slide title, never a slide break (markdown/parse.rs SetexHeading)', () => {
    const deck = read('First\n===\n\ntext\n\nSecond\n---\n\nmore\n\n---\n\nafter a rule\n<!-- end_slide -->\n\nThird\n---\n', 'presenterm');
    expect(outline(deck)).toEqual(['First (1)', 'Third (1)']);
    expect(deck.slides[0]?.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual(['h1', 'paragraph', 'h1', 'paragraph', 'rule', 'paragraph']);
  });

  test('with end_slide_shorthand a thematic break after a blank line (`---`, `***`) ends the slide; `Title` over `---` stays a title (builder/mod.rs ThematicBreak)', () => {
    const deck = read('---\noptions:\n  end_slide_shorthand: true\n---\n\nFirst\n---\n\ntext\n\n---\n\nSecond\n===\n\n***\n\n# Third\n', 'presenterm');
    expect(outline(deck)).toEqual(['First (1)', 'Second (1)', 'Third (1)']);
  });

  test('`<!-- column: N -->` and the other shared directives do not decide the dialect against presenterm', () => {
    const columns = '# A\n\n<!-- column_layout: [1, 1] -->\n<!-- column: 0 -->\nleft\n<!-- column: 1 -->\nright\n<!-- reset_layout -->\n<!-- end_slide -->\n\n# B\n<!-- pause -->\nb\n';
    expect(parseDeckWithDialect(columns, { file: 'c.md' })).toMatchObject({ dialect: 'presenterm', reason: 'line 3: presenterm comment command `column_layout`, and more slides end with `<!-- end_slide -->` than with `---`' });
    // The same directives in a deck of `---` breaks: nothing says presenterm, so it stays talkdeck's.
    expect(parseDeckWithDialect(columns.replace('<!-- end_slide -->', '---'), { file: 'c.md' })).toMatchObject({ dialect: 'talkdeck', reason: "no other presenter's markers found" });
  });

  test('`newlines`/`new_lines` and `newline`/`new_line` are aliases (builder/comment.rs serde aliases)', () => {
    const deck = read('# A\n\n<!-- newlines: 2 -->\n<!-- new_lines: 3 -->\n<!-- newline -->\n<!-- new_line -->\n\ntext\n', 'presenterm');
    expect(deck.slides[0]?.blocks.map((b) => (b.kind === 'spacer' ? `spacer ${b.lines}` : b.kind))).toEqual(['heading', 'spacer 2', 'spacer 3', 'spacer 1', 'spacer 1', 'paragraph']);
    expect(deck.diagnostics).toEqual([]);
  });

  test('`theme: {name}` and `{path}` choose the theme; both at once is an error, as in presenterm (builder/frontmatter.rs set_theme)', () => {
    expect(read('---\ntheme:\n  name: nord\n---\n\n# A\n', 'presenterm').meta.theme).toBe('nord');
    expect(read('---\ntheme:\n  path: themes/mine.yaml\n---\n\n# A\n', 'presenterm').meta.theme).toBe('themes/mine.yaml');
    expect(messages(read('---\ntheme:\n  name: nord\n  path: x.yaml\n---\n\n# A\n', 'presenterm'))).toEqual(['3: error: `theme` may have a `name` or a `path`, not both: keep one']);
  });

  test('every documented comment command is accepted: what talkdeck cannot show gets an info (CommentCommand::generate_samples)', () => {
    const deck = parseDeckWithDialect(fixture('presenterm-commands.md'), { file: 'presenterm-commands.md' });
    expect(deck.dialect).toBe('presenterm');
    expect(messages(deck.deck)).toEqual([
      '16: info: ignored presenterm command font_size: it has no meaning in talkdeck',
      '19: info: ignored presenterm command incremental_tables: it has no meaning in talkdeck',
      '20: info: ignored presenterm command incremental_tables: it has no meaning in talkdeck',
      '22: info: ignored presenterm command list_item_newlines: it has no meaning in talkdeck',
      '33: info: ignored presenterm command snippet_output: it has no meaning in talkdeck',
    ]);
    expect(deck.deck.slides.map((s) => [s.title, s.steps, s.notes])).toEqual([['Samples', 1, ''], ['One', 2, 'Your note here']]);
  });

  test("author's comments: `comment:`, `vim:`, fold marks and comments over several lines (builder/comment.rs should_ignore_comment)", () => {
    const deck = read('# A\n\n<!-- comment: hi mom -->\n<!--\nmulti line\nnote to self\n-->\n<!-- vim: set ft=markdown -->\n<!-- {{{ -->\ntext\n<!-- }}} -->\n<!-- speaker_note: |\n  one\n  two\n-->\n', 'presenterm');
    expect(deck.slides.map((s) => [s.title, s.notes])).toEqual([['A', 'one\ntwo']]);
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('mdp', () => {
  test('a separator is any line of three or more `-` or `*` after an empty line, 49 dashes too; `- - -` is a list item (mdp -d: 2 slides)', () => {
    const deck = read('%title: T\n\n# One\n\ntext\n\n-------------------------------------------------\n\n# Two\n\n* * *\n\n# Three\nunder\n---\n\n# Four\n');
    expect(outline(deck)).toEqual(['One (1)', 'Two (1)']);
    expect(deck.slides[1]?.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual(['h1', 'rule', 'h1', 'h2', 'h1']);
  });
});

describe('reveal-md', () => {
  // reveal.js's markdown plugin (5.2.1, slidify and its notes split), run on the same text.
  test('notes start at `Note:`/`Notes:`/`note:` at the start of a line (reveal.js\'s /^s*notes?:/im), only when the slide has one', () => {
    const deck = read('# A\n\ntext\n\n  Notes: indented\n\n---\n\n# B\n\nNotes: one\nmore\n\n---\n\n# C\n\nnote: lower\n\n---\n\n# D\n\nNote: a\n\nNote: b\n', 'reveal-md');
    expect(deck.slides.map((s) => [s.title, s.notes])).toEqual([['A', ''], ['B', 'one\nmore'], ['C', 'lower'], ['D', '']]);
    expect(messages(deck)).toEqual(['24: info: this slide has 2 notes separators: reveal.js shows it without notes, and so does talkdeck']);
  });

  test('the front matter may set its own `notesSeparator`', () => {
    const deck = read('---\nrevealOptions: {}\nnotesSeparator: "^Speaker:"\n---\n\n# A\n\nSpeaker: hello\n\nNote: not this\n', 'reveal-md');
    expect(deck.slides.map((s) => s.notes)).toEqual(['hello\n\nNote: not this']);
  });
});

describe('slides (maaslalani) and CommonMark', () => {
  test('an unclosed code fence runs to the end of its slide, a warning at the fence, not an error', () => {
    const deck = read('# A\n\n```go\nfunc main() {\n\n---\n\n# B\n', 'slides');
    expect(outline(deck)).toEqual(['A (1)', 'B (1)']);
    expect(deck.slides[0]?.blocks.map((b) => (b.kind === 'code' ? `code ${b.text}` : b.kind))).toEqual(['heading', 'code func main() {']);
    expect(messages(deck)).toEqual(['3: warning: this code block is never closed, so it runs to the end of its slide: add a line with ```']);
  });
});

describe('detection', () => {
  test('a plain `---` deck with no marker stays talkdeck, and check says why', () => {
    expect(parseDeckWithDialect('# A\n\ntext\n\n---\n\n# B\n<!-- pause -->\nmore\n', { file: 'd.md' })).toMatchObject({ dialect: 'talkdeck', reason: "no other presenter's markers found" });
  });

  test.each([
    ['---\nheadingDivider: 2\n---\n\n# A\n', 'marp', 'front matter has the Marp directive `headingDivider:`'],
    ['---\nlocation: Ghent\n---\n\n# A\n', 'presenterm', "front matter has presenterm's `location:`"],
    ['---\ntheme:\n  override:\n    default: {}\n---\n\n# A\n', 'presenterm', "front matter has presenterm's `theme.override:`"],
    ['---\nseparator: "^\\n\\n\\n"\n---\n\n# A\n', 'reveal-md', 'front matter has reveal-md options (`separator`, `verticalSeparator`, `highlightTheme`)'],
    ['# A\n\n<!-- font_size: 2 -->\n\n---\n\n# B\n', 'presenterm', 'line 3: presenterm comment command `font_size`'],
    ['# A\n\n<!-- font_size: 2 -->\n<!-- time: 30s -->\n', 'talkdeck', "line 4 has a talkdeck directive (talkdeck also reads presenterm's, as on line 3)"],
    ['class: center, middle\n\n# A\n\n---\nname: two\n\n# B\n', 'remark', 'line 1: remark slide properties (`class:`) at the top of a slide'],
  ])('the most specific evidence decides: %j is %s', (text, dialect, reason) => {
    expect(parseDeckWithDialect(text, { file: 'd.md' })).toMatchObject({ dialect, reason });
  });
});

describe('lookatme', () => {
  test('`Title` over `---` is a heading, as its parser (mistune) reads it (lookatme.parser.Parser: 2 slides)', () => {
    expect(outline(read('# A\n\nTitle\n---\n\ntext\n\n---\n\n# B\n\nx\n', 'lookatme'))).toEqual(['A (1)', 'B (1)']);
  });
});
