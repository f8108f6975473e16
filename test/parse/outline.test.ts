import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadDeckWithDialect } from '../../src/parse/index.js';
import { outlineDeck } from '../../src/parse/outline.js';

const dir = mkdtempSync(join(tmpdir(), 'talkdeck-outline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let serial = 0;
let compared = 0;
/** Writes a deck (and its include) to a file of its own; its path. */
function deckFile(text: string, part = 'Included part.\n'): string {
  const folder = mkdtempSync(join(dir, 'deck-'));
  writeFileSync(join(folder, 'part.md'), part);
  const path = join(folder, `deck-${serial++}.md`);
  writeFileSync(path, text);
  return path;
}

/** Writes `text` over the deck at `path` and returns its outline's key. */
async function keyOf(path: string, text: string, part?: string): Promise<string | null> {
  writeFileSync(path, text);
  if (part !== undefined) writeFileSync(join(path, '..', 'part.md'), part);
  return (await outlineDeck(path))?.key ?? null;
}

const TALK = readFileSync('decks/unikernels/talk.md', 'utf8');

describe("a deck's outline: what its first slide, title and slide count are made from", () => {
  it('keeps its key when a later slide is edited, even by lines added or taken away', async () => {
    const path = deckFile(TALK);
    const before = await keyOf(path, TALK);
    expect(before).toMatch(/^[0-9a-f]{64}$/u);
    const lines = TALK.split('\n');
    const at = lines.findIndex((line, i) => i > lines.length / 2 && line.startsWith('- '));
    const edited = [...lines];
    edited[at] = `${lines[at]} (edited)`;
    expect(await keyOf(path, edited.join('\n'))).toBe(before);
    edited.splice(at, 0, '- a new point', '', 'And a paragraph.');
    expect(await keyOf(path, edited.join('\n'))).toBe(before);
  });

  it.each([
    ['the first slide', (t: string) => t.replace('\nBryan Cantrill\n\n- ', '\nBryan M. Cantrill\n\n- ')],
    ['the front matter', (t: string) => t.replace(/^duration: .*$/mu, 'duration: 99m')],
    ['the slide count', (t: string) => `${t}\n---\n\n# One more\n`],
    ['a skipped first slide', (t: string) => t.replace('# Unikernels are unfit for production\n', '# Unikernels are unfit for production\n<!-- skip_slide -->\n')],
    ['a link definition on a later slide', (t: string) => `${t}\n[ref]: https://example.com\n`],
  ])('changes its key with %s', async (_what, edit) => {
    const path = deckFile(TALK);
    const before = await keyOf(path, TALK);
    // The edit must find what it changes in the bundled talk, or this would test nothing.
    expect(edit(TALK)).not.toBe(TALK);
    expect(await keyOf(path, edit(TALK))).not.toBe(before);
  });

  it('changes its key when a file the first slide includes changes, not when only a later one does', async () => {
    const text = '# One\n\n<!-- include: part.md -->\n\n---\n\n# Two\n';
    const path = deckFile(text);
    const before = await keyOf(path, text, 'Part one.\n');
    expect(await keyOf(path, text, 'Part two.\n')).not.toBe(before);
    const later = '# One\n\n---\n\n# Two\n\n<!-- include: part.md -->\n';
    const first = await keyOf(path, later, 'Part one.\n');
    expect(await keyOf(path, later, 'Part two.\n')).toBe(first);
    // ... unless the include changes the count.
    expect(await keyOf(path, later, 'Part one.\n\n---\n\n# Three\n')).not.toBe(first);
  });

  it('is null where only the full parse can tell: unreadable, an error in the split, an intro slide, templates', async () => {
    expect(await outlineDeck(join(dir, 'missing.md'))).toBeNull();
    expect(await outlineDeck(dir)).toBeNull();
    expect(await outlineDeck(deckFile('# A\n\n<!-- include: nowhere.md -->\n'))).toBeNull();
    expect(await outlineDeck(deckFile('---\ntitle: never closed\n'))).toBeNull();
    expect(await outlineDeck(deckFile(readFileSync('test/fixtures/dialects/presenterm.md', 'utf8')))).toBeNull();
    expect(await outlineDeck(deckFile('# A\n\n???\n\nnotes\n\n---\nlayout: true\n\n# B\n'))).toBeNull();
  });

  it('reads the YAML parser only for decks that have YAML to read, and then reads them right', async () => {
    const marp = readFileSync('test/fixtures/dialects/marp.md', 'utf8');
    const outline = await outlineDeck(deckFile(marp));
    expect(outline?.slideCount).toBe(loadDeckWithDialect(deckFile(marp)).deck.slides.length);
  });

  /** Lines decks are made of, the tricky ones included: breaks, fences, comments, definitions, markers of other tools. */
  const LINES = [
    '# Title A', '# Title B', '## Sub', 'Some text.', 'A [link][ref] and [another].', '- item', '- other item', '1. one', '> quote', 'Setext', '===',
    '```js', '```', '~~~', 'code();', '<!-- pause -->', '<!-- skip_slide -->', '<!-- end_slide -->', '<!-- notes: said -->', '<!--', '-->',
    '<!-- include: part.md -->', '<!-- incremental_lists: true -->', '<!-- alignment: center -->', '[ref]: https://a.example', '[another]: https://b.example',
    '---', '----', '', '', '???', 'Note: x', '. . .', '| a | b |', '|---|---|', '<!-- speaker_note: |', '  indented note', '*emphasis* and `code`',
  ];
  const FRONT = ['', '---\ntitle: T\n---\n', '---\ntitle: U\nincremental_lists: true\n---\n', '---\ntheme: nord\n---\n', '---\nmarp: true\nheadingDivider: 2\n---\n', '---\npatat:\n  incrementalLists: true\n---\n'];
  const PLAIN = ['# Title A', '## Sub', 'Some text.', '- item', '- other item', '1. one', 'A [link][ref].', ''];
  const slideLines = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...LINES) }), { minLength: 1, maxLength: 6 });
  const deckText = fc
    .tuple(fc.constantFrom(...FRONT), fc.array(slideLines, { minLength: 1, maxLength: 5 }))
    .map(([front, slides]) => `${front}${slides.map((lines) => lines.join('\n')).join('\n\n---\n\n')}\n`);
  const edit = fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), fc.constantFrom(...LINES));

  it('is exact: decks whose outlines have one key have one first slide, meta and slide count', async () => {
    await fc.assert(
      fc.asyncProperty(deckText, fc.array(edit, { minLength: 1, maxLength: 3 }), async (text, edits) => {
        const lines = text.split('\n');
        for (const [at, how, line] of edits) {
          const i = at % lines.length;
          if (how === 'replace') lines[i] = line;
          else if (how === 'insert') lines.splice(i, 0, line);
          else if (lines.length > 1) lines.splice(i, 1);
        }
        const path = deckFile(text);
        const read = async () => ({ outline: await outlineDeck(path), deck: loadDeckWithDialect(path).deck });
        const before = await read();
        writeFileSync(path, lines.join('\n'));
        const after = await read();
        for (const { outline, deck } of [before, after]) if (outline) expect(outline.slideCount).toBe(deck.slides.length);
        if (!before.outline || !after.outline || before.outline.key !== after.outline.key) return;
        compared++;
        const shown = ({ deck }: typeof before) => ({ meta: deck.meta, count: deck.slides.length, first: deck.slides[0] });
        expect(shown(after)).toEqual(shown(before));
      }),
      { numRuns: 300 },
    );
    // Most edits leave the first slide alone: the comparison above is made, not skipped.
    expect(compared).toBeGreaterThan(30);
  }, 60_000);
});

describe("the outline's scan, handed on to the parse that follows", () => {
  it('is taken by the parse even from another copy of the parser (the entry bundles its own)', async () => {
    const path = deckFile(TALK);
    // The entry's copy of the outline, and the command line's copy of the parser.
    vi.resetModules();
    const entry = await import('../../src/parse/outline.js');
    vi.resetModules();
    const scan = await import('../../src/parse/scan.js');
    const parser = await import('../../src/parse/index.js');
    const scanned = vi.spyOn(scan.Scanner.prototype, 'scanFile');
    try {
      expect(await entry.outlineDeck(path)).not.toBeNull();
      const handed = parser.loadDeckWithDialect(path);
      expect(scanned).not.toHaveBeenCalled();
      // The same deck as a parse that scans for itself.
      expect(parser.loadDeckWithDialect(path)).toEqual(handed);
      expect(scanned).toHaveBeenCalled();
    } finally {
      scanned.mockRestore();
    }
  });
});
