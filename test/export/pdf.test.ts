import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { ExportError, exportPdf } from '../../src/export/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { fixtureDeck, pdfPages, pdfText, pixelStats, run, tempDir, theme, writeTemp } from './helpers.js';

const PDF_TIMEOUT = 180_000;
const features = fixtureDeck('features.md');
const dark = theme('dark');

function pageSize(path: string): [number, number] {
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/mu.exec(run('pdfinfo', [path]));
  if (!match) throw new Error('pdfinfo gave no page size');
  return [Number(match[1]), Number(match[2])];
}

/** Page `n` rasterised by pdftoppm at 30 dpi. */
function rasterise(path: string, n: number): Uint8Array {
  const prefix = `${path}-p${n}`;
  run('pdftoppm', ['-png', '-r', '30', '-f', String(n), '-l', String(n), '-singlefile', path, prefix]);
  return readFileSync(`${prefix}.png`);
}

describe('exportPdf', () => {
  let dir: { dir: string; remove: () => void };
  let slides: string;
  beforeAll(async () => {
    dir = tempDir('pdf');
    slides = writeTemp(dir.dir, 'features.pdf', await exportPdf(features, { theme: dark }));
  }, PDF_TIMEOUT);
  afterAll(() => dir?.remove());

  it('prints one 16:9 page per slide', () => {
    expect(pdfPages(slides)).toBe(features.slides.length);
    const [w, h] = pageSize(slides);
    expect(w / h).toBeCloseTo(16 / 9, 2);
    expect(readFileSync(slides).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps every slide title as selectable text, Chinese included, each on its own page', () => {
    const all = pdfText(slides);
    for (const slide of features.slides) expect(all).toContain(slide.title);
    expect(all).toContain('中文标题：内核');
    expect(all).toContain('这是一段中文文字');
    features.slides.forEach((slide, i) => expect(pdfText(slides, i + 1)).toContain(slide.title));
  });

  it('has a document outline and is tagged', () => {
    const bytes = readFileSync(slides).toString('latin1');
    expect(bytes).toContain('/Outlines');
    expect(run('pdfinfo', [slides])).toMatch(/^Tagged:\s+yes/mu);
  });

  it('draws every page (no blank pages)', () => {
    for (let n = 1; n <= features.slides.length; n++) {
      const stats = pixelStats(rasterise(slides, n));
      expect(stats.colors, `page ${n}`).toBeGreaterThan(8);
      expect(stats.nonBackground, `page ${n}`).toBeGreaterThan(0.003);
    }
  });

  it(
    'prints one page per reveal step with --steps, later steps hidden',
    async () => {
      const path = writeTemp(dir.dir, 'steps.pdf', await exportPdf(features, { theme: dark, steps: true }));
      const total = features.slides.reduce((n, s) => n + s.steps, 0);
      expect(total).toBeGreaterThan(features.slides.length);
      expect(pdfPages(path)).toBe(total);
      // Slide 2 has three steps: pages 2, 3 and 4.
      expect(pdfText(path, 2)).toContain('first point');
      expect(pdfText(path, 2)).not.toContain('second point');
      expect(pdfText(path, 3)).toContain('second point');
      expect(pdfText(path, 3)).not.toContain('third point');
      expect(pdfText(path, 4)).toContain('third point');
    },
    PDF_TIMEOUT,
  );

  it(
    'prints a handout with --handout: slide, notes and citations on one A4 portrait page per slide',
    async () => {
      const path = writeTemp(dir.dir, 'handout.pdf', await exportPdf(features, { theme: dark, handout: true }));
      expect(pdfPages(path)).toBe(features.slides.length);
      const [w, h] = pageSize(path);
      expect(Math.round(w)).toBeCloseTo(595, -1);
      expect(Math.round(h)).toBeCloseTo(842, -1);
      const page2 = pdfText(path, 2);
      expect(page2).toContain('Reveal Steps');
      expect(page2).toContain('third point');
      expect(page2).toContain('Reveal the points one by one.');
      expect(page2).toContain('sources/article.md:3–4');
      expect(page2).toContain('The first line of the passage and its second line.');
      const page4 = pdfText(path, 4);
      expect(page4).toContain('中文备注');
      expect(page4).toContain('调试困难的段落');
      const stats = pixelStats(rasterise(path, 2));
      expect(stats.nonBackground).toBeGreaterThan(0.01);
    },
    PDF_TIMEOUT,
  );

  it(
    'keeps a handout to one page per slide even when the notes are long',
    async () => {
      const long: Deck = structuredClone(features);
      const note = long.slides[0]!.notesBlocks[0]!;
      long.slides[0]!.notesBlocks = Array.from({ length: 120 }, (_, i) => ({ ...note, line: i }));
      const path = writeTemp(dir.dir, 'long-handout.pdf', await exportPdf(long, { theme: dark, handout: true }));
      expect(pdfPages(path)).toBe(long.slides.length);
    },
    PDF_TIMEOUT,
  );

  it(
    'draws Chinese with real glyphs, not tofu boxes (different characters rasterise differently)',
    async () => {
      const deck = parseDeck(['中文标题', '内核调试', '标题中文'].map((t) => `<!-- no_footer -->\n# ${t}\n`).join('\n---\n'), { file: join(dir.dir, 'cjk.md') });
      const path = writeTemp(dir.dir, 'cjk.pdf', await exportPdf(deck, { theme: dark }));
      expect(pdfPages(path)).toBe(3);
      expect(deck.slides.every((s) => !s.layout.footer)).toBe(true);
      const pages = [1, 2, 3].map((n) => Buffer.from(rasterise(path, n)));
      // Tofu would draw the same empty box for every character: the pages would be identical.
      expect(pages[0]!.equals(pages[1]!)).toBe(false);
      expect(pages[0]!.equals(pages[2]!)).toBe(false);
      expect(pixelStats(pages[1]!).nonBackground).toBeGreaterThan(0.005);
      expect(pdfText(path, 2)).toContain('内核调试');
    },
    PDF_TIMEOUT,
  );

  it('says how to install Chromium when it is missing', async () => {
    const error = await exportPdf(features, { theme: dark, chromiumPath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as Error).message).toContain('/nonexistent/chromium');
    expect((error as Error).message).toContain('apt-get install chromium');
  });
});
