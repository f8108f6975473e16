import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { paintFirstFrame } from '../../src/present/start.js';
import { parseDeck } from '../../src/parse/index.js';
import { loadTheme } from '../../src/theme/index.js';

const theme = loadTheme('dark', { themesDir: 'themes', cwd: process.cwd() });
const deck = parseDeck('---\ntitle: Frames\n---\n\n# Opening\n\nFirst point.\n\n<!-- notes: Greet the room. -->\n\n---\n\n# Second\n', { file: 'deck.md' });

describe('the first frame, painted before Ink loads', () => {
  it('is the first slide with its footer, one row per terminal row', () => {
    const rows = stripAnsi(paintFirstFrame({ deck, theme, hyperlinks: false }, 60, 12)).split('\r\n');
    expect(rows).toHaveLength(12);
    expect(rows.join('\n')).toContain('Opening');
    expect(rows[11]).toContain('1 / 2');
    expect(rows.join('\n')).not.toContain('Greet the room');
  });

  it('is the presenter view with --presenter: slide, rule, then the notes', () => {
    const rows = stripAnsi(paintFirstFrame({ deck, theme, hyperlinks: false, presenterView: true, readSource: () => null }, 100, 20)).split('\r\n');
    expect(rows).toHaveLength(20);
    expect(rows.every((row) => row.includes('│'))).toBe(true);
    const notesSide = rows.map((row) => row.slice(row.indexOf('│') + 1)).join('\n');
    expect(notesSide).toContain('Greet the room');
    expect(rows.map((row) => row.slice(0, row.indexOf('│'))).join('\n')).toContain('Opening');
  });
});
