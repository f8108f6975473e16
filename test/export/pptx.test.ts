import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPptx } from '../../src/export/index.js';
import { hostileDeck } from '../fixtures/export/hostile-deck.js';
import { fixtureDeck, hasCommand, launchChromium, tempDir, theme, writeTemp, zipEntries, zipText } from './helpers.js';

const features = fixtureDeck('features.md');
const dark = theme('dark');

const slideFiles = (entries: string[]) => entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/u.test(e));
const notesFiles = (entries: string[]) => entries.filter((e) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/u.test(e));
/** Text runs of an OOXML part, entities decoded. */
const texts = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((m) =>
    m[1]!.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&'),
  );

describe('exportPptx', () => {
  let dir: { dir: string; remove: () => void };
  let path: string;
  let entries: string[];
  beforeAll(async () => {
    dir = tempDir('pptx');
    path = writeTemp(dir.dir, 'features.pptx', await exportPptx(features, { theme: dark }));
    entries = zipEntries(path);
  });
  afterAll(() => dir?.remove());

  it('has one slide per deck slide, each with speaker notes', () => {
    expect(slideFiles(entries)).toHaveLength(features.slides.length);
    expect(notesFiles(entries)).toHaveLength(features.slides.length);
  });

  it('puts titles in title placeholders and text in editable text boxes, not pictures', () => {
    const slide2 = zipText(path, 'ppt/slides/slide2.xml');
    expect(slide2).toMatch(/<p:ph[^>]*type="title"/u);
    expect(texts(slide2)).toEqual(expect.arrayContaining(['Reveal Steps', 'first point', 'second point', 'third point']));
    // The only picture in the deck is the image on slide 5.
    const media = entries.filter((e) => e.startsWith('ppt/media/') && !e.endsWith('/'));
    expect(media).toHaveLength(1);
    expect(zipText(path, 'ppt/slides/slide5.xml')).toContain('<p:pic>');
    for (const n of [1, 2, 3, 4, 6]) expect(zipText(path, `ppt/slides/slide${n}.xml`)).not.toContain('<p:pic>');
  });

  it('makes bullets real bullets with levels, and numbers real numbering', () => {
    const slide2 = zipText(path, 'ppt/slides/slide2.xml');
    expect(slide2.match(/<a:buChar char="&#x2022;"\/>/gu)).toHaveLength(3);
    const slide6 = zipText(path, 'ppt/slides/slide6.xml');
    expect(slide6).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/>/u);
    expect(slide6).toMatch(/<a:pPr lvl="1"[^>]*><a:spcAft><a:spcPts val="600"\/><\/a:spcAft><a:buSzPct val="100000"\/><a:buChar char="&#x25E6;"\/>/u);
    expect(slide6).toMatch(/<a:pPr lvl="2"[^>]*>.*?<a:buChar char="&#x25B8;"\/>/u);
    expect(texts(slide6)).toEqual(expect.arrayContaining(['nested', 'deeper', '✔ ', 'done']));
  });

  it('puts code in a monospace box with the theme colours and tables in real tables', () => {
    const slide3 = zipText(path, 'ppt/slides/slide3.xml');
    expect(slide3).toContain('<a:tbl>');
    expect(slide3.match(/<a:tr /gu)).toHaveLength(3);
    expect(texts(slide3)).toEqual(expect.arrayContaining(['Tool', 'Speed', 'talkdeck', 'fast', 'other', 'slow']));
    expect(slide3).toContain('typeface="DejaVu Sans Mono"');
    expect(texts(slide3).join('')).toContain('function greet(name: string): string {');
    // Code box filled with the theme's code background; keywords in the theme's keyword colour.
    expect(slide3).toContain(`<a:srgbClr val="${dark.code.block.bg?.slice(1).toUpperCase()}"/>`);
    expect(slide3).toContain(`<a:srgbClr val="${dark.code.tokens.keyword!.fg?.slice(1).toUpperCase()}"/>`);
  });

  it("uses the theme's background and text colours", () => {
    const master = zipText(path, 'ppt/slideMasters/slideMaster1.xml') + zipText(path, 'ppt/slideLayouts/slideLayout2.xml');
    expect(master).toContain(`<a:srgbClr val="${dark.background.slice(1).toUpperCase()}"`);
    expect(zipText(path, 'ppt/slides/slide2.xml')).toContain(`<a:srgbClr val="${dark.text.fg?.slice(1).toUpperCase()}"/>`);
  });

  it('carries notes and citations (path:lines "quote") in the speaker notes', () => {
    const notes2 = texts(zipText(path, 'ppt/notesSlides/notesSlide2.xml')).join('\n');
    expect(notes2).toContain('Reveal the points one by one.');
    expect(notes2).toContain('sources/article.md:3-4 "The first line of the passage and its second line."');
    const notes4 = texts(zipText(path, 'ppt/notesSlides/notesSlide4.xml')).join('\n');
    expect(notes4).toContain('中文备注');
    expect(notes4).toContain('sources/article.md:6 "调试困难的段落，说明单内核难以调试。"');
  });

  it('keeps http(s) links as hyperlinks', () => {
    const rels = zipText(path, 'ppt/slides/_rels/slide5.xml.rels');
    expect(rels).toContain('Target="https://example.com/docs" TargetMode="External"');
  });

  it('makes one slide per reveal step with steps', async () => {
    const stepsPath = writeTemp(dir.dir, 'steps.pptx', await exportPptx(features, { theme: dark, steps: true }));
    const total = features.slides.reduce((n, s) => n + s.steps, 0);
    expect(slideFiles(zipEntries(stepsPath))).toHaveLength(total);
    expect(texts(zipText(stepsPath, 'ppt/slides/slide2.xml'))).not.toContain('second point');
    expect(texts(zipText(stepsPath, 'ppt/slides/slide4.xml'))).toContain('third point');
  });

  describe('with a hostile deck', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it('writes well-formed XML in every part, keeps payloads as text and links only to safe URLs', async () => {
      const hostile = writeTemp(dir.dir, 'hostile.pptx', await exportPptx(hostileDeck, { theme: dark }));
      const page = await browser.newPage();
      const parts = zipEntries(hostile).filter((e) => /\.(xml|rels)$/u.test(e));
      expect(parts.length).toBeGreaterThan(20);
      for (const part of parts) {
        const xml = zipText(hostile, part);
        const error = await page.evaluate(
          (source: string) => {
            const doc = new (globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, t: string): { getElementsByTagName(n: string): { length: number; item(i: number): { textContent: string } | null } } } }).DOMParser().parseFromString(source, 'application/xml');
            const err = doc.getElementsByTagName('parsererror');
            return err.length ? (err.item(0)?.textContent ?? 'error') : null;
          },
          xml,
        );
        expect(error, part).toBeNull();
        for (const target of xml.matchAll(/TargetMode="External"|Target="([^"]*)"[^>]*TargetMode="External"/gu)) {
          if (target[1] !== undefined) expect(target[1], part).toMatch(/^(https?|mailto):/u);
        }
      }
      const slide1 = zipText(hostile, 'ppt/slides/slide1.xml');
      const rels = zipText(hostile, 'ppt/slides/_rels/slide1.xml.rels');
      expect(rels).not.toMatch(/javascript|vbscript|data:|evil\.example/iu);
      // Only the one https link of the slide survives as a hyperlink.
      expect(rels.match(/TargetMode="External"/gu)).toHaveLength(1);
      expect(texts(slide1).join('')).toContain(`<script>window.__pwned='script'</script>`);
      await page.close();
    });
  });

  const office = ['soffice', 'libreoffice'].find(hasCommand);
  it.skipIf(!office)(
    office ? 'opens in LibreOffice Impress (headless conversion to PDF)' : 'opens in LibreOffice Impress — SKIPPED: LibreOffice (soffice) is not installed',
    () => {
      const result = spawnSync(office ?? 'soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir.dir, path], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(readdirSync(dir.dir)).toContain('features.pdf');
    },
    150_000,
  );
});
