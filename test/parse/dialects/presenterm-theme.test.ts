import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseDeck } from '../../../src/parse/index.js';

const file = 'presenterm-theme-override.md';
const text = readFileSync(fileURLToPath(new URL(`../../fixtures/dialects/${file}`, import.meta.url)), 'utf8');

describe("presenterm's theme.override", () => {
  test('keys with a match in talkdeck\'s theme are set over the deck\'s theme; each of the others gets an info at its line', () => {
    const deck = parseDeck(text, { file });
    expect(deck.meta.theme).toBe('dark');
    expect(deck.meta.themeOverride).toEqual({
      margin: { horizontal: 4 },
      text: { fg: '#e6e6e6' },
      background: '#040312',
      headings: { h1: { fg: '#ee9322', bold: true }, h2: { prefix: '▓▓▓ ', fg: 'cyan' } },
      inlineCode: { fg: '#04de20' },
      code: { block: { bg: 'default' } },
      quote: { bar: '▍' },
      alerts: { note: { fg: 'blueBright', label: 'Nota' } },
      footer: { progressChar: '#' },
    });
    expect(deck.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      "16:7 info: `theme.override.slide_title.font_size` (presenterm) is not applied: talkdeck's theme has no font sizes (a terminal has one)",
      "26:7 info: `theme.override.code.theme_name` (presenterm) is not applied: talkdeck's theme has no syntect highlighting themes (its code colours are in code.tokens)",
      "38:5 info: `theme.override.intro_slide` (presenterm) is not applied: talkdeck's theme has no intro-slide styles",
    ]);
  });

  test('a colour that is not presenterm\'s, or a palette name not defined, is a located message and is left out', () => {
    const deck = parseDeck('---\ntheme:\n  override:\n    default:\n      colors:\n        foreground: purplish\n        background: p:nowhere\n---\n\n# A\n', { file: 'p.md', dialect: 'presenterm' });
    expect(deck.meta.themeOverride).toBeUndefined();
    expect(deck.diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`)).toEqual([
      '6 warning: `theme.override.default.colors.foreground`: "purplish" is not a presenterm colour (hex like ff0000, a name like dark_red, or palette:name); ignored',
      "7 info: `theme.override.default.colors.background`: palette colour nowhere is not defined in the override's palette; ignored",
    ]);
  });

  test('an override that is not a mapping is a warning', () => {
    const deck = parseDeck('---\ntheme:\n  override: big\n---\n\n# A\n', { file: 'p.md', dialect: 'presenterm' });
    expect(deck.diagnostics.map((d) => `${d.line} ${d.severity}: ${d.message}`)).toEqual(['3 warning: `theme.override` must be a mapping of presenterm theme keys; ignored']);
  });
});
