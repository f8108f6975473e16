import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Block } from '../../src/deck/index.js';
import { parseDeck, parseDirective } from '../../src/parse/index.js';
import { heading, item, list, messages, para, parseFixture, simpleList, slide, text } from './helpers.js';

describe('reveal steps', () => {
  test('<!-- pause --> puts what follows one step later', () => {
    const deck = parseFixture('pause.md');
    expect(deck.slides).toEqual([
      slide({
        index: 1,
        title: 'Title',
        blocks: [heading(1, 1, 'Title'), para(4, 'Second', { step: 1 }), para(7, 'Third', { step: 2 })],
        steps: 3,
        location: { file: 'pause.md', line: 1, column: 1 },
      }),
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('a list split by pauses stays one list; an ordered list continues only when its numbers do', () => {
    const deck = parseFixture('pause-splits-list.md');
    expect(deck.slides[0]?.blocks).toEqual([
      list(1, [item([para(1, 'a')]), item([para(2, 'b')]), item([para(4, 'c', { step: 1 })], 1)]),
      list(6, [item([para(6, 'one', { step: 1 })], 1), item([para(8, 'two', { step: 2 })], 2)], { ordered: true, start: 1, step: 1 }),
      list(10, [item([para(10, 'five', { step: 3 })], 3)], { ordered: true, start: 5, step: 3 }),
    ]);
    expect(deck.slides[0]?.steps).toBe(4);
  });

  test('a pause that reveals nothing is a warning, and its empty step is dropped', () => {
    const deck = parseFixture('pause-reveals-nothing.md');
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Title'), para(4, 'Shown', { step: 1 })]);
    expect(deck.slides[0]?.steps).toBe(2);
    expect(messages(deck)).toEqual([
      'pause-reveals-nothing.md:2:1: warning: this pause reveals nothing: no content follows it on this slide',
      'pause-reveals-nothing.md:5:1: warning: this pause reveals nothing: no content follows it on this slide',
    ]);
  });

  test('a slide may open empty: a leading pause keeps step 0 blank', () => {
    const deck = parseDeck('<!-- pause -->\n# Late', { file: 'late.md' });
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 2, 'Late', { step: 1 })]);
    expect(deck.slides[0]?.steps).toBe(2);
    expect(deck.diagnostics).toEqual([]);
  });

  test('incremental_lists in front matter: one step per item after the first, nested items included', () => {
    const deck = parseFixture('incremental-lists-front-matter.md');
    expect(deck.meta.incrementalLists).toBe(true);
    expect(deck.slides).toEqual([
      slide({
        index: 1,
        title: '',
        blocks: [
          para(4, 'Intro'),
          list(6, [
            item([para(6, 'a')], 0),
            item([para(7, 'b', { step: 1 }), list(8, [item([para(8, 'b.1', { step: 2 })], 2)], { step: 1 })], 1),
            item([para(9, 'c', { step: 3 })], 3),
          ]),
          para(11, 'After', { step: 3 }),
        ],
        steps: 4,
        location: { file: 'incremental-lists-front-matter.md', line: 4, column: 1 },
      }),
      slide({
        index: 2,
        title: '',
        blocks: [simpleList(14, ['x', 'y'])],
        location: { file: 'incremental-lists-front-matter.md', line: 13, column: 1 },
      }),
    ]);
  });

  test('the incrementalLists option overrides the front matter', () => {
    const deck = parseFixture('incremental-lists-front-matter.md', { incrementalLists: false });
    expect(deck.meta.incrementalLists).toBe(false);
    expect(deck.slides[0]?.steps).toBe(1);
    expect(parseDeck('- a\n- b\n- c', { file: 'x.md', incrementalLists: true }).slides[0]?.steps).toBe(3);
  });

  test('<!-- incremental_lists --> switches per slide, from that point on', () => {
    const deck = parseFixture('incremental-lists-directive.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [
        list(1, [
          item([para(1, 'before')], 0),
          item([para(2, 'the directive')], 0),
          item([para(5, 'one', { step: 1 })], 1),
          item([para(6, 'two', { step: 2 })], 2),
          item([para(8, 'three', { step: 2 })], 2),
          item([para(9, 'four', { step: 2 })], 2),
        ]),
      ],
      [simpleList(11, ['next slide', 'is back to the default'])],
    ]);
    expect(deck.slides.map((s) => s.steps)).toEqual([3, 1]);
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('speaker notes', () => {
  test('notes:, multi-line notes:, speaker_note: and the YAML block form, joined in order', () => {
    const deck = parseFixture('notes-forms.md');
    expect(deck.slides[0]?.notes).toBe(
      "One line of *notes*.\n\nSeveral lines,\n  indented.\n\npresenterm's short form\n\npresenterm's YAML form\nover two lines",
    );
    expect(deck.slides[0]?.notesBlocks).toEqual([
      para(3, [text('One line of '), { kind: 'emphasis', children: [text('notes')] }, text('.')]),
      para(5, 'Several lines, indented.'),
      para(8, "presenterm's short form"),
      para(10, "presenterm's YAML form over two lines"),
    ]);
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Notes')]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('notes that start with > or | are Markdown unless they open a YAML block', () => {
    const deck = parseDeck('# N\n<!-- notes: > quoted in notes -->\n<!-- notes: | a | b | -->', { file: 'n.md' });
    expect(deck.slides[0]?.notes).toBe('> quoted in notes\n\n| a | b |');
    expect(deck.slides[0]?.notesBlocks[0]).toEqual({ kind: 'quote', blocks: [para(2, 'quoted in notes')], step: 0, align: 'left', line: 2 });
    expect(deck.diagnostics).toEqual([]);
  });

  test('empty notes and broken YAML notes are errors', () => {
    expect(messages(parseDeck('# N\n<!-- speaker_note: |\n-->\n<!-- notes: |\n  a\n b\n -->', { file: 'n.md' }))).toEqual([
      'n.md:2:1: error: notes are empty; write the notes after the colon, or remove the comment',
      'n.md:4:1: error: invalid YAML in notes: All mapping items must start at the same column; indent every line of the notes by the same amount under the `|`',
    ]);
  });

  test('notes starting on a later line of the comment are located there', () => {
    const result = parseDirective('\n  notes:\n\n  text here\n', 10);
    expect(result).toEqual({ ok: true, directive: { kind: 'notes', text: 'text here', lineOffset: 3 } });
  });
});

describe('source references', () => {
  test('are kept in order; malformed ones are errors at the comment', () => {
    const deck = parseFixture('source-refs.md');
    expect(deck.slides[0]?.sources).toEqual([
      { path: 'articles/a.md', startLine: 3, endLine: 4, quote: 'first "quoted" passage', fingerprint: 'cd9b17474d99', line: 3 },
      { path: 'articles/b.md', startLine: 10, endLine: 10, quote: 'second', fingerprint: '16367aacb67a', line: 4 },
    ]);
    expect(messages(deck)).toEqual([
      'source-refs.md:5:1: error: malformed source reference: expected `PATH:START-END #FINGERPRINT "QUOTE"`',
      'source-refs.md:6:1: error: invalid line range 9-2: lines are 1-based and the end may not come before the start',
    ]);
  });

  test('a fingerprint that does not match its quote is a warning', () => {
    const deck = parseDeck('# S\n<!-- source: a.md:1 #abcdef "changed quote" -->', { file: 's.md' });
    expect(deck.slides[0]?.sources).toHaveLength(1);
    const actual = createHash('sha256').update('changed quote').digest('hex').slice(0, 12);
    expect(messages(deck)).toEqual([`s.md:2:1: warning: fingerprint #abcdef does not match the quote (its fingerprint is #${actual})`]);
  });
});

describe('layout', () => {
  test('columns, column N (from 0), reset_layout and presenterm column_layout', () => {
    const deck = parseFixture('columns.md');
    const columns = (line: number, widths: number[], cols: Block[][]): Block => ({ kind: 'columns', widths, columns: cols, step: 0, align: 'left', line });
    expect(deck.slides[0]?.blocks).toEqual([
      heading(1, 1, 'Columns'),
      columns(3, [2, 1], [[para(5, 'Left'), para(9, 'More left')], [para(7, 'Right')]]),
      para(11, 'Below'),
      columns(12, [1, 1, 1], [[], [], [para(14, 'Third')]]),
    ]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('column mistakes are located diagnostics', () => {
    const deck = parseFixture('columns-errors.md');
    expect(deck.slides[0]?.blocks).toEqual([
      { kind: 'columns', widths: [1, 1], columns: [[para(3, 'Before any column')], []], step: 0, align: 'left', line: 2 },
    ]);
    expect(messages(deck)).toEqual([
      'columns-errors.md:1:1: error: `column` needs a column layout first, e.g. <!-- columns: 1 1 -->',
      'columns-errors.md:3:1: warning: this content comes before the first `<!-- column: N -->`; it goes into column 0',
      'columns-errors.md:4:1: error: column 2 is out of range: this layout has 2 columns, numbered from 0 to 1',
      'columns-errors.md:5:1: error: invalid column widths "x": expected relative widths like `1 1` or `2 1`',
      'columns-errors.md:7:1: warning: there is no column layout to reset',
    ]);
  });

  test('alignment applies to the blocks that follow, until the slide ends', () => {
    const deck = parseFixture('alignment.md');
    expect(deck.slides.map((s) => s.blocks)).toEqual([
      [
        para(1, 'Left by default'),
        heading(1, 3, 'Centered heading', { align: 'center' }),
        list(5, [item([para(5, 'centered list', { align: 'center' })])], { align: 'center' }),
        { kind: 'quote', blocks: [para(7, 'right quote', { align: 'right' })], step: 0, align: 'right', line: 7 },
      ],
      [para(9, 'Back to left on a new slide')],
    ]);
  });

  test('jump_to_middle and new_lines (and presenterm new_line) become blocks', () => {
    const deck = parseFixture('jump-to-middle-new-lines.md');
    expect(deck.slides).toEqual([
      slide({
        index: 1,
        title: 'Middle',
        blocks: [
          { kind: 'middle', step: 0, align: 'left', line: 1 },
          heading(1, 2, 'Middle'),
          { kind: 'spacer', lines: 3, step: 0, align: 'left', line: 3 },
          { kind: 'spacer', lines: 1, step: 0, align: 'left', line: 4 },
          para(5, 'after'),
        ],
        location: { file: 'jump-to-middle-new-lines.md', line: 1, column: 1 },
      }),
    ]);
  });

  test('no_footer turns the footer off for its slide only', () => {
    expect(parseFixture('no-footer.md').slides.map((s) => s.layout)).toEqual([{ footer: true }, { footer: false }]);
  });

  test('skip_slide leaves a slide out and the rest are numbered 1..N', () => {
    const deck = parseFixture('skip-slide.md');
    expect(deck.slides.map((s) => [s.index, s.title, s.location.line])).toEqual([
      [1, 'One', 1],
      [2, 'Two', 6],
      [3, 'Three', 11],
    ]);
    expect(deck.diagnostics).toEqual([]);
  });
});

describe('time', () => {
  test('time: sets the slide budget; a bare number is seconds; a second time: wins with a warning', () => {
    const deck = parseFixture('time.md');
    expect(deck.slides.map((s) => s.timeMs)).toEqual([45_000, 90_000, 90_000, 90_000, null]);
    expect(messages(deck)).toEqual([
      'time.md:12:1: warning: this slide already has a `time`; the last one counts',
      'time.md:15:1: error: invalid time "soon": expected a duration like 45s, 2m, 1m30s or 1:30',
    ]);
  });
});

describe('comments and unknown directives', () => {
  test('<!-- // … --> and empty comments are for the author and ignored', () => {
    const deck = parseFixture('comments.md');
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Comments'), para(8, 'text')]);
    expect(deck.diagnostics).toEqual([]);
  });

  test('unknown directives are errors, with the closest name or the comment syntax suggested', () => {
    const deck = parseFixture('unknown-directives.md');
    expect(messages(deck)).toEqual([
      'unknown-directives.md:2:1: error: unknown directive "pase"; did you mean "pause"?',
      'unknown-directives.md:3:1: error: unknown directive "Pause"; did you mean "pause"?',
      'unknown-directives.md:4:1: error: unknown directive "end-slide"; did you mean "end_slide"?',
      'unknown-directives.md:5:1: error: unknown directive "remember to smile"; to leave a comment, write <!-- // … -->',
      'unknown-directives.md:6:1: error: unknown directive "TODO"; to leave a comment, write <!-- // … -->',
      'unknown-directives.md:7:1: error: unknown directive "frobnicate"; to leave a comment, write <!-- // … -->',
      'unknown-directives.md:8:1: error: "pause" takes no value; write <!-- pause --> alone',
      'unknown-directives.md:9:1: error: "column" needs a value: <!-- column: … -->',
      'unknown-directives.md:10:1: error: "alignment" needs a colon before its value: <!-- alignment: … -->',
      'unknown-directives.md:11:3: error: unknown directive "colums"; did you mean "columns"?',
    ]);
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Unknown')]);
    expect(deck.slides[0]?.steps).toBe(1);
  });

  test('malformed directive values are errors at the directive', () => {
    const deck = parseFixture('directive-bad-values.md');
    expect(messages(deck)).toEqual([
      'directive-bad-values.md:2:1: error: alignment must be left, center or right, not "middle"',
      'directive-bad-values.md:3:1: error: invalid column widths "x": expected relative widths like `1 1` or `2 1`',
      'directive-bad-values.md:4:1: error: invalid column widths "1 0": expected relative widths like `1 1` or `2 1`',
      'directive-bad-values.md:5:1: error: invalid time "soon": expected a duration like 45s, 2m, 1m30s or 1:30',
      'directive-bad-values.md:6:1: error: invalid time "0s": expected a duration like 45s, 2m, 1m30s or 1:30',
      'directive-bad-values.md:7:1: error: new_lines must be a whole number from 1 to 200, not "0"',
      'directive-bad-values.md:8:1: error: new_lines must be a whole number from 1 to 200, not "lots"',
      'directive-bad-values.md:9:1: error: incremental_lists must be true or false, not "maybe"',
      'directive-bad-values.md:10:1: error: invalid column "-1": expected a column number counted from 0',
      'directive-bad-values.md:11:1: error: "notes" needs a value: <!-- notes: … -->',
      'directive-bad-values.md:12:1: error: "include" needs a value: <!-- include: … -->',
    ]);
    expect(deck.slides[0]?.blocks).toEqual([heading(1, 1, 'Bad values')]);
  });

  test('a comment inside a paragraph or a block quote is not a directive: warned, not dropped silently', () => {
    const deck = parseFixture('comment-not-on-own-line.md');
    expect(deck.slides[0]?.blocks).toEqual([
      heading(1, 1, 'Inline'),
      para(2, 'Some text  more text'),
      { kind: 'quote', blocks: [para(4, 'quoted')], step: 0, align: 'left', line: 3 },
    ]);
    expect(messages(deck)).toEqual([
      'comment-not-on-own-line.md:2:11: warning: this comment is not read as a directive: directives go on a line of their own, outside block quotes',
      'comment-not-on-own-line.md:3:3: warning: this comment is not read as a directive: directives go on a line of their own, outside block quotes',
    ]);
  });

  test('text after a directive on the same line is Markdown', () => {
    const deck = parseFixture('text-after-directive.md');
    expect(deck.slides[0]?.blocks).toEqual([
      heading(1, 1, 'After'),
      para(2, 'shown at step one', { step: 1 }),
      para(3, 'Centered at step two', { step: 2, align: 'center' }),
    ]);
    expect(deck.slides[0]?.steps).toBe(3);
    expect(deck.diagnostics).toEqual([]);
  });
});
