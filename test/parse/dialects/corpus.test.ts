import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { blocksText, type Slide } from '../../../src/deck/index.js';
import { parseDeckWithDialect, type DialectName } from '../../../src/parse/index.js';

/**
 * Real decks from the tools' repositories (test/corpus/decks/SOURCES.md), each read as its own
 * tool reads it: expect.json was written by read-with-tools.mjs from the tools themselves (patat,
 * mdp, lookatme, marp-core, reveal.js's markdown plugin, remark's parser) or from their rules.
 */
const root = new URL('../../corpus/decks/', import.meta.url);

interface Reading {
  dialect: string;
  by: string;
  slides: { first: string; steps: number; notes: boolean | null }[];
}

const readings = JSON.parse(readFileSync(new URL('expect.json', root), 'utf8')) as Record<string, Reading>;

/** Decks talkdeck still reads differently from their tool, with the reason (also in decks/DIALECTS.md). */
const STILL_DIFFERENT: Record<string, string> = {};

const NO_MARKERS = "no other presenter's markers found";

/** Letters and digits only, lower case: what is left of a line once markup and layout are gone. */
const bare = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The slide's title and every line of its visible text, for finding the tool's first line. */
function lines(slide: Slide): string[] {
  return [slide.title, ...blocksText(slide.blocks).flatMap((block) => block.split('\n'))].map(bare).filter((l) => l !== '');
}

/** How a deck reads: the dialect, and per slide whether it starts with the tool's first line, its steps and notes. */
function reading(name: string, expected: Reading) {
  const text = readFileSync(fileURLToPath(new URL(name, root)), 'utf8');
  const detected = parseDeckWithDialect(text, { file: name });
  // A deck with no marker of any tool stays talkdeck's; its user names the tool with --dialect.
  const unmarked = detected.dialect === 'talkdeck' && detected.reason === NO_MARKERS;
  const { deck, dialect } = unmarked ? parseDeckWithDialect(text, { file: name, dialect: expected.dialect as DialectName }) : detected;
  return {
    dialect,
    slides: deck.slides.map((slide, i) => {
      const want = expected.slides[i];
      const first = bare(want?.first ?? '').slice(0, 24);
      const own = lines(slide);
      // The tool's first line is the slide's title or its first line of text (some tools draw a
      // heading or an image's alt text first, so the first two lines are looked at).
      const starts = first === '' || own.slice(0, 2).some((line) => line.startsWith(first) || first.startsWith(line.slice(0, 24)) && line.length >= 4);
      return {
        first: starts ? (want?.first ?? '') : `${slide.title || own[0] || ''} (not "${want?.first ?? ''}")`,
        steps: slide.steps,
        notes: want?.notes === null ? null : slide.notes.trim() !== '',
      };
    }),
  };
}

describe('real decks read as their own tools read them', () => {
  const names = Object.keys(readings);

  test('the corpus has at least 40 decks, at least three for each tool', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
    const perTool = new Map<string, number>();
    for (const name of names) perTool.set(name.split('/')[0] ?? '', (perTool.get(name.split('/')[0] ?? '') ?? 0) + 1);
    expect([...perTool.keys()].sort()).toEqual(['lookatme', 'marp', 'mdp', 'patat', 'presenterm', 'remark', 'reveal-md', 'slides']);
    for (const [tool, count] of perTool) expect(count, tool).toBeGreaterThanOrEqual(3);
  });

  test.each(names.filter((name) => !(name in STILL_DIFFERENT)))('%s', (name) => {
    const expected = readings[name] as Reading;
    expect(reading(name, expected)).toEqual({ dialect: expected.dialect, slides: expected.slides });
  });

  // Listed in decks/DIALECTS.md with the reason; a fix makes this fail, so the list stays true.
  const different = Object.keys(STILL_DIFFERENT);
  if (different.length > 0) {
    test.each(different)('%s still reads differently (decks/DIALECTS.md)', (name) => {
      const expected = readings[name] as Reading;
      expect(reading(name, expected)).not.toEqual({ dialect: expected.dialect, slides: expected.slides });
    });
  }
});
