import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Slide } from '../../src/deck/index.js';
import { loadDeckWithDialect, parseDeckWithDialect, type DialectDeck, type ParseDeckOptions } from '../../src/parse/index.js';
import { outlineDeck } from '../../src/parse/outline.js';

/**
 * A parse of an edited deck that takes its unchanged slides from an earlier parse (`reuse`, as the
 * presenter does from the start cache after an edit) gives exactly the deck a full parse gives.
 */

const dir = mkdtempSync(join(tmpdir(), 'talkdeck-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The slides of a parse by key, as they come back from the start cache (through JSON). */
function keptOf(read: DialectDeck): Map<string, Slide> {
  const kept = JSON.parse(JSON.stringify(read)) as DialectDeck;
  const slides = new Map<string, Slide>();
  kept.slideKeys?.forEach((key, i) => {
    if (key !== '' && !slides.has(key)) slides.set(key, kept.deck.slides[i]!);
  });
  return slides;
}

/** Parses `after` reusing the slides of a parse of `before` (or those slides): the deck, and how many slides were taken. */
function reparse(before: string | Map<string, Slide>, after: string, options: ParseDeckOptions): { read: DialectDeck; taken: number } {
  const kept = typeof before === 'string' ? keptOf(parseDeckWithDialect(before, { ...options, keySlides: true })) : before;
  let taken = 0;
  const counting = new Map(kept);
  counting.get = (key: string) => {
    const slide = kept.get(key);
    if (slide) taken++;
    return slide;
  };
  return { read: parseDeckWithDialect(after, { ...options, reuse: counting }), taken };
}

/** A full parse, without keys. */
const full = (text: string, options: ParseDeckOptions) => parseDeckWithDialect(text, options);
const withoutKeys = (read: DialectDeck) => {
  const copy: Partial<DialectDeck> = { ...read };
  delete copy.slideKeys;
  return copy;
};

/** Edits a speaker makes between rehearsals, each at the middle of the deck. */
function edits(text: string): Array<[string, string]> {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const at = (change: (copy: string[]) => void) => {
    const copy = [...lines];
    change(copy);
    return copy.join('\n');
  };
  return [
    ['unchanged', text],
    ['a line changed', at((c) => (c[middle] = `${c[middle]} (edited)`))],
    ['lines added', at((c) => c.splice(middle, 0, '', 'An added paragraph.', ''))],
    ['a line removed', at((c) => c.splice(middle, 1))],
    ['a slide added', at((c) => c.splice(middle, 0, '', '---', '', '# Added', '', '- a point', ''))],
    ['lines added at the top', `${lines[0]}\n\n\n${lines.slice(1).join('\n')}`],
  ];
}

const corpus = new URL('../corpus/decks/', import.meta.url);
const DECKS = [
  ...readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(new URL(`${entry.name}/`, corpus)).map((name) => join(corpus.pathname, entry.name, name))),
  'decks/tour.md',
  'decks/unikernels/talk.md',
].filter((path) => path.endsWith('.md'));

describe('a parse that reuses the slides of an earlier one', () => {
  it('equals a full parse on every corpus deck, unchanged and after each kind of edit', () => {
    let taken = 0;
    for (const path of DECKS) {
      const text = readFileSync(path, 'utf8');
      const options = { file: path };
      const kept = keptOf(parseDeckWithDialect(text, { ...options, keySlides: true }));
      for (const [edit, after] of edits(text)) {
        const again = reparse(kept, after, options);
        expect(withoutKeys(again.read), `${path}, ${edit}`).toEqual(full(after, options));
        taken += again.taken;
      }
    }
    // Most slides of most decks are taken, not built.
    expect(taken).toBeGreaterThan(1000);
  });

  it('takes every slide of an unchanged deck, and moves the slides below an edit to their new lines', () => {
    const text = readFileSync('decks/unikernels/talk.md', 'utf8');
    const options = { file: 'talk.md' };
    const first = parseDeckWithDialect(text, { ...options, keySlides: true });
    expect(first.slideKeys).toHaveLength(first.deck.slides.length);
    expect(reparse(text, text, options).taken).toBe(first.slideKeys!.filter((key) => key !== '').length);
    const lines = text.split('\n');
    const at = lines.findIndex((line, i) => i > lines.length / 2 && line.startsWith('---'));
    const moved = [...lines.slice(0, at), '', '', ...lines.slice(at)].join('\n');
    const again = reparse(text, moved, options);
    expect(again.taken).toBe(first.deck.slides.length);
    expect(withoutKeys(again.read)).toEqual(full(moved, options));
  });

  it("rebuilds what the deck lends every slide: link definitions, the front matter's incremental lists", () => {
    const options = { file: 'deck.md' };
    const text = '---\ntitle: T\n---\n\n# One\n\nSee [the site][site].\n\n- a\n- b\n\n---\n\n# Two\n\n[site]: https://one.example\n';
    for (const after of [text.replace('https://one.example', 'https://two.example'), text.replace('title: T', 'title: T\nincremental_lists: true')]) {
      const again = reparse(text, after, options);
      expect(withoutKeys(again.read)).toEqual(full(after, options));
      expect(again.taken).toBe(0);
    }
  });

  it('never takes a slide its build had something to say about, and gives two equal slides their own copies', () => {
    const options = { file: 'deck.md' };
    const text = '# One\n\n<!-- pause -->\n\n---\n\n# Same\n\n- a\n\n---\n\n# Same\n\n- a\n';
    const first = parseDeckWithDialect(text, { ...options, keySlides: true });
    expect(first.deck.diagnostics).toHaveLength(1);
    expect(first.slideKeys?.[0]).toBe('');
    const again = reparse(text, text, options);
    expect(withoutKeys(again.read)).toEqual(full(text, options));
    expect(again.taken).toBe(2);
    expect(again.read.deck.slides[1]!.blocks).not.toBe(again.read.deck.slides[2]!.blocks);
  });

  it('gives no keys where a dialect moves slides (an intro slide, a slide plan)', () => {
    const intro = parseDeckWithDialect('---\ntitle: Intro\n---\n\n# One\n\n<!-- end_slide -->\n\n# Two\n', { file: 'deck.md', dialect: 'presenterm', keySlides: true });
    expect(intro.deck.slides.length).toBe(3);
    expect(intro.slideKeys).toBeUndefined();
    expect(parseDeckWithDialect('# One\n', { file: 'deck.md', headOnly: true, keySlides: true }).slideKeys).toBeUndefined();
  });

  it('rebuilds a slide whose include changed, and a deck outlined first parses as one that was not', async () => {
    const folder = mkdtempSync(join(dir, 'include-'));
    const deck = join(folder, 'deck.md');
    const part = join(folder, 'part.md');
    writeFileSync(deck, '# One\n\n<!-- include: part.md -->\n\n---\n\n# Two\n\n- b\n');
    writeFileSync(part, 'Part one.\n');
    const kept = keptOf(loadDeckWithDialect(deck, { keySlides: true }));
    writeFileSync(part, 'Part two.\n');
    const again = loadDeckWithDialect(deck, { reuse: kept });
    expect(withoutKeys(again)).toEqual(loadDeckWithDialect(deck));
    expect(JSON.stringify(again.deck)).toContain('Part two.');

    const plain = join(folder, 'plain.md');
    writeFileSync(plain, readFileSync('decks/unikernels/talk.md', 'utf8'));
    const alone = loadDeckWithDialect(plain);
    expect(await outlineDeck(plain)).not.toBeNull();
    expect(loadDeckWithDialect(plain)).toEqual(alone);
  });
});
