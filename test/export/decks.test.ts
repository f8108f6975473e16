import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { exportHtml, exportJson, exportMarkdown, exportPdf, exportPptx, exportText } from '../../src/export/index.js';
import { loadDeck } from '../../src/parse/index.js';
import { pdfPages, pdfText, tempDir, theme, writeTemp, zipEntries } from './helpers.js';

/** The bundled decks, each checked in every format once it exists. */
const DECKS = ['decks/tour.md', 'decks/unikernels/talk.md'];
/** Emoji may lack a font on a bare machine; titles are compared without them. */
// eslint-disable-next-line no-misleading-character-class -- emoji, selectors and joiners are all to go, wherever they stand
const withoutEmoji = (text: string) => text.replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu, '').trim();

for (const path of DECKS) {
  describe.skipIf(!existsSync(path))(`export of ${path}${existsSync(path) ? '' : ' — SKIPPED: the deck does not exist yet'}`, () => {
    let deck: Deck;
    let dir: { dir: string; remove: () => void };
    const dark = theme('dark');
    beforeAll(() => {
      deck = loadDeck(path);
      dir = tempDir('decks');
    });
    afterAll(() => dir?.remove());

    it('parses without errors', () => {
      expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(deck.slides.length).toBeGreaterThan(3);
    });

    it('gives an HTML box per slide and the same slides in Markdown, text and JSON', async () => {
      const html = await exportHtml(deck, { theme: dark });
      expect(html.match(/<div class="box" data-index=/gu)).toHaveLength(deck.slides.length);
      expect(exportMarkdown(deck).match(/^## Slide \d+/gmu)).toHaveLength(deck.slides.length);
      expect(exportText(deck).match(/^\[\d+\/\d+\]/gmu)).toHaveLength(deck.slides.length);
      expect(JSON.parse(exportJson(deck)).slides).toHaveLength(deck.slides.length);
    });

    it('gives a PPTX slide and notes page per slide', async () => {
      const file = writeTemp(dir.dir, 'deck.pptx', await exportPptx(deck, { theme: dark }));
      const entries = zipEntries(file);
      expect(entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/u.test(e))).toHaveLength(deck.slides.length);
    });

    it(
      'gives a PDF page per slide with every title as text',
      async () => {
        const file = writeTemp(dir.dir, 'deck.pdf', await exportPdf(deck, { theme: dark }));
        expect(pdfPages(file)).toBe(deck.slides.length);
        const text = pdfText(file).replace(/\s+/gu, ' ');
        // Word by word: pdftotext joins a word hyphenated at a line end ("hand-waved") and may put a
        // centred title's Latin and Chinese runs in another order.
        for (const slide of deck.slides) for (const word of withoutEmoji(slide.title).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) expect(text, slide.title).toContain(word);
      },
      180_000,
    );
  });
}
