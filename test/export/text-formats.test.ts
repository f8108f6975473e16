import { describe, expect, it } from 'vitest';
import { deckToJson, EXPORT_FORMATS, ExportError, exportDeck, exportJson, exportMarkdown, exportText, type ExportFormat } from '../../src/export/index.js';
import { slideText } from '../../src/deck/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { hostileDeck } from '../fixtures/export/hostile-deck.js';
import { fixtureDeck, theme } from './helpers.js';

const features = fixtureDeck('features.md');

/** The Markdown of one `## Slide N` section. */
function section(markdown: string, n: number): string {
  const start = markdown.indexOf(`## Slide ${n}`);
  const end = markdown.indexOf('\n---\n', start);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('exportMarkdown (handout)', () => {
  const md = exportMarkdown(features);

  it('has the title, the details, one section per slide and a references section', () => {
    expect(md.startsWith('# Export Features\n\nEvery block kind · Ada Lovelace · Test Conf · 2025-06-01\n')).toBe(true);
    const headings = [...md.matchAll(/^## (.*)$/gmu)].map((m) => m[1]);
    expect(headings).toEqual([...features.slides.map((s) => `Slide ${s.index}: ${s.title}`), 'References']);
  });

  it('renders slide content, notes and numbered citations', () => {
    expect(section(md, 2)).toBe(
      '## Slide 2: Reveal Steps\n\n- first point\n- second point\n- third point\n\n**Notes**\n\nReveal the points one by one.\n\n**Sources:** \\[1\\] (see References)\n',
    );
    expect(section(md, 3)).toContain('```ts\nfunction greet(name: string): string {\n  return `hello ${name}`;\n}\n```');
    expect(section(md, 3)).toContain('| Tool | Speed |\n| :--- | ---: |\n| talkdeck | fast |');
    expect(section(md, 5)).toContain('Left column with a [link](<https://example.com/docs>) and `code`.');
    expect(section(md, 5)).toContain('> [!TIP]\n> Alerts carry the theme\'s colours.');
    expect(section(md, 6)).toContain('1. one\n2. two\n   - nested\n     - deeper');
    expect(section(md, 6)).toContain('- [x] done\n- [ ] open');
  });

  it('lists each cited passage once with its path, lines and quote', () => {
    const refs = md.slice(md.indexOf('## References'));
    expect(refs).toBe(
      '## References\n\n1. `sources/article.md:3-4` — “The first line of the passage and its second line.”\n2. `sources/article.md:6` — “调试困难的段落，说明单内核难以调试。”\n',
    );
  });

  it('escapes text so a hostile deck stays text, and drops unsafe link targets', () => {
    const hostile = exportMarkdown(hostileDeck);
    // Outside code spans and fences, no `<` opens a tag: each is escaped, or opens a link destination `](<…>)`.
    const prose = hostile.replace(/```[\s\S]*?```/gu, '').replace(/`[^`\n]*`/gu, '');
    expect(prose).not.toMatch(/(?<!\\|\]\()<[a-zA-Z/!?]/u);
    expect(hostile).not.toMatch(/\]\(<?(javascript|data|vbscript):/iu);
    expect(hostile).toContain('\\<script\\>');
    expect(hostile).toContain('[safe \\<img src=x onerror="window.\\_\\_pwned=\'img\'"\\>](<https://example.com/?q=');
  });

  it('escapes so that the parser reads back the same text', () => {
    const source = '# A *b* `c`\n\n- x\n- y\n\n---\n\n# Two\n\n1 < 2 & [l](https://e.com) *not* \\*emphasis\\* <b>\n';
    const original = parseDeck(source, { file: 'a.md' });
    const again = parseDeck(exportMarkdown(original), { file: 'b.md' });
    const text = again.slides.map(slideText).join('\n');
    for (const slide of original.slides) for (const line of slideText(slide).split('\n')) expect(text).toContain(line);
    expect(text).toContain('1 < 2 & l not *emphasis*');
  });
});

describe('exportText', () => {
  const text = exportText(features);

  it('has a heading per slide with its visible text, notes and sources', () => {
    const blocks = text.split(/\n(?=\[\d+\/\d+\] )/u);
    expect(blocks).toHaveLength(features.slides.length + 1);
    expect(blocks[0]).toBe('Export Features\n===============\nEvery block kind · Ada Lovelace · Test Conf · 2025-06-01\n');
    expect(blocks[2]).toBe(
      '[2/6] Reveal Steps\n------------------\nReveal Steps\n- first point\n- second point\n- third point\n\nNotes:\n  Reveal the points one by one.\n\nSources:\n  sources/article.md:3-4 "The first line of the passage and its second line."\n',
    );
    // Underlined to the title's display width (CJK characters are two columns wide).
    expect(blocks[4]).toContain('[4/6] 中文标题：内核\n--------------------\n');
  });

  it('carries no markup and no control characters', () => {
    const hostile = exportText({ ...hostileDeck, meta: { ...hostileDeck.meta, title: 'a\u001b[31mred\u0007' } });
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(hostile.startsWith('a␛[31mred␇\n')).toBe(true);
  });
});

describe('exportJson', () => {
  it('keeps the contract: { title, meta, slides: [{ index, title, text, notes, sources }] }', () => {
    const json = JSON.parse(exportJson(features)) as ReturnType<typeof deckToJson>;
    expect(Object.keys(json)).toEqual(['title', 'meta', 'slides']);
    expect(json.title).toBe('Export Features');
    expect(json.slides.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(json.slides[1]).toEqual({
      index: 2,
      title: 'Reveal Steps',
      text: 'Reveal Steps\n- first point\n- second point\n- third point',
      notes: 'Reveal the points one by one.',
      sources: [{ path: 'sources/article.md', startLine: 3, endLine: 4, quote: 'The first line of the passage and its second line.', fingerprint: 'ffcccf7d0c28' }],
      steps: 3,
      timeSeconds: null,
    });
  });
});

describe('exportDeck', () => {
  const dark = theme('dark');

  it.each([
    ['html', 'string'],
    ['md', 'string'],
    ['txt', 'string'],
    ['json', 'string'],
    ['pptx', 'bytes'],
  ] as const)('returns %s as %s', async (format, kind) => {
    const out = await exportDeck(features, { format, theme: dark });
    if (kind === 'string') expect(typeof out).toBe('string');
    else expect(out).toBeInstanceOf(Uint8Array);
  });

  it('gives a handout layout for html with handout', async () => {
    const out = await exportDeck(features, { format: 'html', theme: dark, handout: true });
    expect(out).toContain('data-layout="handout"');
    expect(out).toContain('<h2>Notes</h2>');
  });

  it('matches the per-format functions', async () => {
    expect(await exportDeck(features, { format: 'md', theme: dark })).toBe(exportMarkdown(features));
    expect(await exportDeck(features, { format: 'txt', theme: dark })).toBe(exportText(features));
    expect(await exportDeck(features, { format: 'json', theme: dark })).toBe(exportJson(features));
  });

  it('rejects an unknown format with an ExportError naming the formats', async () => {
    const error = await exportDeck(features, { format: 'docx' as ExportFormat, theme: dark }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as Error).message).toBe(`unknown export format "docx"; use one of ${EXPORT_FORMATS.join(', ')}`);
  });
});
