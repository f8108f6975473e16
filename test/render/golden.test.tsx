import chalk from 'chalk';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { loadDeck, loadDeckWithDialect } from '../../src/parse/index.js';
import { printDeck } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { renderFrame } from '../../src/render/ink.js';
import type { Theme } from '../../src/theme/types.js';
import { goldenCases } from '../fixtures/render/cases.js';
import { testTheme } from '../fixtures/render/theme.js';
import { boxed, expectGolden, orphanGoldens } from './golden.js';

const SIZES = [
  { columns: 40, rows: 12 },
  { columns: 80, rows: 24 },
];
const ELAPSED_MS = 83_000;

let level = chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 0;
});
afterAll(() => {
  chalk.level = level;
});

/** The steps worth a frame: fully revealed, and the first step when there are more. */
function stepsOf(deck: Deck, slide: number): number[] {
  const steps = deck.slides[slide]!.steps;
  return steps > 1 ? [0, steps - 1] : [0];
}

function frameCases(prefix: string, deck: Deck, theme: Theme, produced: Set<string>): void {
  deck.slides.forEach((_, slide) => {
    for (const step of stepsOf(deck, slide)) {
      for (const { columns, rows } of SIZES) {
        const last = step === deck.slides[slide]!.steps - 1;
        const name = `${prefix}${deck.slides.length > 1 ? `-${String(slide + 1).padStart(2, '0')}` : ''}.${last ? 'full' : `step${step}`}.${columns}x${rows}`;
        produced.add(name);
        it(name, () => {
          const frame = renderFrame({ deck, position: { slide, step }, theme, columns, rows, elapsedMs: ELAPSED_MS, hyperlinks: false });
          const lines = frame.split('\n');
          expect(lines).toHaveLength(rows);
          for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
          expectGolden(name, boxed(frame, columns, name));
        });
      }
    }
  });
}

describe('golden frames: hand-made slides', () => {
  const produced = new Set<string>();
  for (const [name, build] of Object.entries(goldenCases)) frameCases(`case-${name}`, build(), testTheme, produced);
  it('has no stale golden files', () => {
    expect(orphanGoldens(produced, 'case-')).toEqual([]);
  });
});

const root = new URL('../../', import.meta.url);
const themesDir = fileURLToPath(new URL('themes/', root));
const dark = () => loadTheme('dark', { themesDir, cwd: fileURLToPath(root) });

describe('golden frames: the tour deck, dark theme', () => {
  const produced = new Set<string>();
  const deck = loadDeck(fileURLToPath(new URL('decks/tour.md', root)));
  it('parses without diagnostics', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.length).toBe(21);
  });
  frameCases('tour', deck, dark(), produced);
  produced.add('tour.print.60');
  it('tour.print.60', () => {
    expectGolden('tour.print.60', printDeck(deck, { width: 60 }));
  });
  it('has no stale golden files', () => {
    expect(orphanGoldens(produced, 'tour')).toEqual([]);
  });
});

describe('golden frames: one slide of each dialect, as its tool would show it', () => {
  const produced = new Set<string>();
  for (const dialect of ['presenterm', 'marp', 'slides', 'patat', 'lookatme', 'mdp', 'reveal-md', 'remark']) {
    const name = `dialect-${dialect}.40x12`;
    produced.add(name);
    it(name, () => {
      const { deck, dialect: picked } = loadDeckWithDialect(fileURLToPath(new URL(`test/fixtures/dialects/${dialect}.md`, root)));
      expect(picked).toBe(dialect);
      const slide = Math.min(1, deck.slides.length - 1);
      const frame = renderFrame({ deck, position: { slide, step: deck.slides[slide]!.steps - 1 }, theme: dark(), columns: 40, rows: 12, elapsedMs: ELAPSED_MS, hyperlinks: false });
      expectGolden(name, boxed(frame, 40, name));
    });
  }
  it('has no stale golden files', () => {
    expect(orphanGoldens(produced, 'dialect-')).toEqual([]);
  });
});
