import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { exportPptx } from '../../src/export/index.js';
import { oneParagraphProperties, symbolFonts } from '../../src/export/pptx-xml.js';
import { loadDeck } from '../../src/parse/index.js';
import { hostileDeck } from '../fixtures/export/hostile-deck.js';
import { fixtureDeck, hasCommand, pdfText, tempDir, theme, writeTemp } from './helpers.js';
import { contentModelProblems, paragraphs } from './ooxml.js';

const dark = theme('dark');
const TEXT_PART = /^ppt\/(?:slides|notesSlides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/u;

/** The text parts of a package, by name. */
async function textParts(data: Uint8Array): Promise<Map<string, string>> {
  const entries = unzipSync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(entries).sort()) {
    if (TEXT_PART.test(name)) out.set(name, strFromU8(entries[name]!));
  }
  return out;
}

const FIXTURES: [string, () => Deck, boolean][] = [
  ['features.md', () => fixtureDeck('features.md'), false],
  ['features.md, a slide per step', () => fixtureDeck('features.md'), true],
  ['scripts.md (CJK, emoji, code, table)', () => fixtureDeck('scripts.md'), false],
  ['the hostile deck', () => hostileDeck, false],
  ['decks/tour.md', () => loadDeck('decks/tour.md'), false],
  ['the bundled talk', () => loadDeck('decks/unikernels/talk.md'), false],
];

describe.each(FIXTURES)('PPTX of %s', (_name, deck, steps) => {
  let parts: Map<string, string>;
  beforeAll(async () => {
    parts = await textParts(await exportPptx(deck(), { theme: dark, steps }));
  }, 60_000);

  it('has exactly one <a:pPr> in every paragraph that has one, and it comes first', () => {
    let checked = 0;
    for (const [part, xml] of parts) {
      for (const [i, children] of paragraphs(xml).entries()) {
        checked++;
        const props = children.filter((c) => c === 'a:pPr').length;
        expect(props, `${part} paragraph ${i}: ${children.join(' ')}`).toBeLessThanOrEqual(1);
        if (props) expect(children[0], `${part} paragraph ${i}`).toBe('a:pPr');
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("keeps DrawingML's content models for paragraphs, runs and their properties", () => {
    const problems = [...parts].flatMap(([part, xml]) => contentModelProblems(xml, part));
    expect(problems).toEqual([]);
  });
});

describe('the repairs', () => {
  // What pptxgenjs writes for a list item whose first word is bold: a pPr per run.
  const raw =
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr marL="228600" indent="-228600"><a:buChar char="&#x2022;"/></a:pPr><a:r><a:rPr b="1"/><a:t>bold</a:t></a:r>' +
    '<a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:rPr/><a:t> plain</a:t></a:r><a:endParaRPr/></a:p></p:txBody>';

  it('the check finds the second <a:pPr> in what pptxgenjs writes', () => {
    expect(contentModelProblems(raw, 'raw')).toEqual([expect.stringContaining('<a:pPr> out of order')]);
  });

  it('keep the first <a:pPr>, the one with the bullet', () => {
    const fixed = oneParagraphProperties(raw);
    expect(contentModelProblems(fixed, 'fixed')).toEqual([]);
    expect(fixed).toContain('<a:p><a:pPr marL="228600" indent="-228600"><a:buChar char="&#x2022;"/></a:pPr><a:r>');
    expect(fixed).not.toContain('buNone');
  });

  it('name a sym font after cs for runs in the emoji face, once', () => {
    const run = '<a:rPr><a:latin typeface="E"/><a:ea typeface="E"/><a:cs typeface="E" charset="0"/></a:rPr>';
    const once = symbolFonts(run, 'E');
    expect(once).toBe('<a:rPr><a:latin typeface="E"/><a:ea typeface="E"/><a:cs typeface="E" charset="0"/><a:sym typeface="E"/></a:rPr>');
    expect(symbolFonts(once, 'E')).toBe(once);
  });
});

describe('PPTX of CJK, emoji, code and tables', () => {
  let dir: { dir: string; remove: () => void };
  let path: string;
  let slide1: string;
  let slide2: string;
  beforeAll(async () => {
    dir = tempDir('pptx-scripts');
    const data = await exportPptx(fixtureDeck('scripts.md'), { theme: dark });
    path = writeTemp(dir.dir, 'scripts.pptx', data);
    const parts = await textParts(data);
    slide1 = parts.get('ppt/slides/slide1.xml')!;
    slide2 = parts.get('ppt/slides/slide2.xml')!;
  });
  afterAll(() => dir?.remove());

  /** The runs of a part as [text, rPr]. */
  const runs = (xml: string) => [...xml.matchAll(/<a:r>(<a:rPr[\s\S]*?<\/a:rPr>|<a:rPr[^>]*\/>)<a:t>([^<]*)<\/a:t><\/a:r>/gu)].map((m) => [m[2]!, m[1]!] as const);

  it('sets emoji in runs of their own, with the emoji face as latin, ea, cs and sym font', () => {
    const emoji = runs(slide1).filter(([text]) => /\p{Extended_Pictographic}/u.test(text));
    expect(emoji.map(([text]) => text)).toEqual(['🚀', '🐛', '✅', '🎉', '👍']);
    for (const [, props] of emoji) {
      for (const slot of ['latin', 'ea', 'cs', 'sym']) expect(props).toContain(`<a:${slot} typeface="Noto Color Emoji"`);
    }
  });

  it('tags East Asian runs with their language and gives them a CJK ea font', () => {
    const cjk = runs(slide1).filter(([text]) => /\p{Script=Han}|\p{Script=Hiragana}/u.test(text));
    expect(cjk.map(([text]) => text)).toEqual(expect.arrayContaining(['单内核不适合生产环境', '调试', '困难', '中文', '日本語のテキスト']));
    for (const [text, props] of cjk) {
      expect(props).toContain(/\p{Script=Hiragana}/u.test(text) ? 'lang="ja-JP"' : 'lang="zh-CN"');
      expect(props).toContain('<a:ea typeface="Noto Sans CJK SC"');
    }
  });

  it('numbers code lines and puts a band in the highlighted-line colour behind the highlighted one', () => {
    expect(runs(slide2).map(([text]) => text)).toEqual(expect.arrayContaining(['1  ', '2  ']));
    const band = /<p:cNvPr id="\d+" name="highlighted line 2"[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/u.exec(slide2);
    expect(band).not.toBeNull();
    expect(band![5]).toBe(dark.code.highlightLine.bg!.slice(1).toUpperCase());
    const box = /name="code \(js\) background"[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>/u.exec(slide2)!;
    // Lines are set at an exact spacing, so line 2's band starts one line below the box's top padding.
    const lineEmu = Number(band![4]);
    expect(Number(band![2]) - Number(box[2])).toBeCloseTo(6 * 12700 + lineEmu, -3);
    expect(slide2).toContain(`<a:lnSpc><a:spcPts val="${Math.round((lineEmu / 12700) * 100)}"/></a:lnSpc>`);
    expect(slide2).not.toContain('highlighted line 1"');
  });

  it('pads table cells', () => {
    const cells = [...slide2.matchAll(/<a:tcPr marL="(\d+)" marR="(\d+)" marT="(\d+)" marB="(\d+)"/gu)];
    expect(cells).toHaveLength(4);
    for (const cell of cells) expect(cell.slice(1).map(Number)).toEqual([128016, 128016, 73152, 73152]);
  });

  const office = ['soffice', 'libreoffice'].find(hasCommand);
  it.skipIf(!office)(
    office ? 'keeps every bullet, the CJK text and the emoji through LibreOffice (PDF text by pdftotext)' : 'LibreOffice keeps bullets, CJK and emoji — SKIPPED: LibreOffice (soffice) is not installed',
    () => {
      const result = spawnSync(office ?? 'soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir.dir, path], { encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
      const lines = pdfText(join(dir.dir, 'scripts.pdf'), 1).split('\n').map((l) => l.trim());
      for (const item of ['单内核不适合生产环境', '调试困难 🐛', 'Mixed 中文 and English ✅', '日本語のテキスト']) {
        expect(lines, item).toContain(`• ${item}`);
      }
      expect(lines).toContain('混合文字 🚀');
      expect(lines).toContain('Emoji alone: 🎉 👍');
    },
    150_000,
  );
});
