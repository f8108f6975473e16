import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutNotesScreen } from '../../src/present/notes-view.js';
import { loadTheme } from '../../src/theme/index.js';
import { deckOf, slideOf } from '../fixtures/deck.js';

const root = new URL('../../', import.meta.url);
const theme = loadTheme('dark', { themesDir: fileURLToPath(new URL('themes/', root)), cwd: fileURLToPath(root) });
const notes = Array.from({ length: 30 }, (_, i) => ({ kind: 'paragraph' as const, step: 0, align: 'left' as const, line: i + 1, children: [{ kind: 'text' as const, text: `Note ${i + 1}` }] }));
const deck = deckOf({ ...slideOf(1, 'Long'), notesBlocks: notes }, slideOf(2, 'Next one', 1, 'What comes next'));
const text = (lines: ReturnType<typeof layoutNotesScreen>['lines']) => lines.map((line) => line.map((s) => s.text).join('').trim());

describe('the notes view', () => {
  const at = (scroll: number) => layoutNotesScreen({ deck, slide: 0, step: 0, elapsedMs: 65_000, theme, columns: 60, rows: 20, read: () => null, scroll });

  it('scrolls long notes and keeps the next slide at the bottom of every page', () => {
    const top = at(0);
    expect(top.lines).toHaveLength(20);
    expect(top.maxScroll).toBeGreaterThan(0);
    const first = text(top.lines);
    expect(first[0]).toMatch(/^Slide 1 \/ 2 · Long +⏱ 01:05$/u);
    expect(first).toContain('Note 1');
    expect(first.at(-2)).toBe('Next: 2 · Long'.replace('Long', 'Next one'));
    expect(first.at(-1)).toBe('What comes next');
    expect(first.find((l) => l.includes('more lines'))).toMatch(/↓ \d+ more lines +· j\/k PgUp\/PgDn scroll/u);

    const scrolled = at(5);
    expect(scrolled.scroll).toBe(5);
    // Each note is a paragraph and a blank line: five lines down, the third note is gone.
    expect(text(scrolled.lines)).not.toContain('Note 3');
    expect(text(scrolled.lines)).toContain('Note 4');
    expect(text(scrolled.lines).at(-2)).toContain('Next: 2 · Next one');
    // Past the end is the end.
    const end = at(1_000);
    expect(end.scroll).toBe(end.maxScroll);
    expect(text(end.lines).find((l) => l.includes('(end of notes)'))).toBeDefined();
  });

  it('shows one clock, held when the talk is paused', () => {
    const paused = layoutNotesScreen({ deck, slide: 1, step: 0, elapsedMs: 65_000, paused: true, theme, columns: 60, rows: 12, read: () => null });
    const lines = text(paused.lines);
    expect(lines[0]).toMatch(/⏸ paused 01:05$/u);
    expect(lines.join('\n').match(/⏱|⏸/gu)).toHaveLength(1);
    expect(paused.maxScroll).toBe(0);
    expect(lines).toContain('Next: (end of the deck)');
  });
});
