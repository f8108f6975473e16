import { blocksText as deckBlocksText, inlineText, type Block, type Deck, type Slide, type TextLayout } from '../deck/index.js';
import { sanitizeText } from './sanitize.js';
import { displayWidth } from './width.js';
import { hardWrap, wrapSegments } from './wrap.js';

export interface PrintOptions {
  /** Wrap width in display columns. */
  width: number;
}

/** Measuring and wrapping for deck/'s plain-text renderer: by display width, on sanitised text. */
const LAYOUT: TextLayout = {
  clean: sanitizeText,
  measure: displayWidth,
  wrap: (text, width) => wrapSegments([{ text, style: {} }], width).map((line) => line.map((s) => s.text).join('')),
  hardWrap: (text, width) => hardWrap([{ text, style: {} }], width).map((line) => line.map((s) => s.text).join('')),
};

function wrap(text: string, width: number): string[] {
  return LAYOUT.wrap(sanitizeText(text), width);
}

/** Text under a first-line prefix, later lines indented by the prefix's width. */
function hanging(prefix: string, lines: string[]): string[] {
  const indent = ' '.repeat(displayWidth(prefix));
  return (lines.length > 0 ? lines : ['']).map((line, i) => (line === '' ? (i === 0 ? prefix.trimEnd() : '') : (i === 0 ? prefix : indent) + line));
}

function blocksText(blocks: readonly Block[], width: number): string[] {
  return deckBlocksText(blocks, { style: 'reading', layout: LAYOUT, width });
}

function slideText(slide: Slide, number: number, count: number, width: number): string[] {
  const title = sanitizeText(slide.title).replace(/\s+/gu, ' ').trim();
  const out = wrap(title ? `Slide ${number} of ${count}: ${title}` : `Slide ${number} of ${count}`, width);
  // The title line already says the first heading: a screen reader need not hear it twice.
  const [first, ...rest] = slide.blocks;
  const repeatsTitle = first?.kind === 'heading' && inlineText(first.children, { linkUrls: true, imageLabels: true }).replace(/\s+/gu, ' ').trim() === slide.title.replace(/\s+/gu, ' ').trim();
  const body = blocksText(repeatsTitle ? rest : slide.blocks, width);
  if (body.length > 0) out.push('', ...body);
  const notes = slide.notesBlocks.length > 0 ? blocksText(slide.notesBlocks, width) : slide.notes.trim() ? slide.notes.trim().split('\n').flatMap((line) => wrap(line, width)) : [];
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  if (slide.sources.length > 0) {
    out.push('', 'Sources:');
    for (const source of slide.sources) {
      const lines = source.startLine === source.endLine ? `${source.startLine}` : `${source.startLine}-${source.endLine}`;
      out.push(...hanging('- ', wrap(`${source.path}:${lines} "${source.quote.replace(/\s+/gu, ' ').trim()}"`, width - 2)));
    }
  }
  return out;
}

/**
 * The deck as plain text for `talkdeck print` and screen readers: per slide a `Slide n of N:
 * Title` line, its content with every step shown (list markers, tables as aligned text, code
 * indented, images as `[image: alt (path)]`), then notes and sources; wrapped by display width,
 * sanitised, without ANSI or box drawing.
 */
export function printDeck(deck: Deck, options: PrintOptions): string {
  const width = Math.max(10, Math.floor(options.width));
  const slides = deck.slides.map((slide, i) => slideText(slide, i + 1, deck.slides.length, width).map((line) => line.trimEnd()).join('\n'));
  return slides.join('\n\n\n') + (slides.length > 0 ? '\n' : '');
}
