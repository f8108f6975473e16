import { assertNever, inlineText, type Block, type Deck, type Inline, type Slide } from '../deck/index.js';
import { sanitizeText } from './sanitize.js';
import { displayWidth } from './width.js';
import { hardWrap, wrapSegments } from './wrap.js';

export interface PrintOptions {
  /** Wrap width in display columns. */
  width: number;
}

const ALERT_LABELS = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const;

/** Inline content as printed: links as `text (url)` unless the text is the URL, images labelled. */
function plainInline(inlines: readonly Inline[]): string {
  return inlineText(inlines, { linkUrls: true, imageLabels: true });
}

function wrap(text: string, width: number): string[] {
  return wrapSegments([{ text: sanitizeText(text), style: {} }], width).map((line) => line.map((s) => s.text).join(''));
}

/** Text under a first-line prefix, later lines indented by the prefix's width. */
function hanging(prefix: string, lines: string[]): string[] {
  const indent = ' '.repeat(displayWidth(prefix));
  return (lines.length > 0 ? lines : ['']).map((line, i) => (line === '' ? (i === 0 ? prefix.trimEnd() : '') : (i === 0 ? prefix : indent) + line));
}

function tableText(block: Extract<Block, { kind: 'table' }>, width: number): string[] {
  const rows = [block.header, ...block.rows].map((row) => row.map((cell) => sanitizeText(plainInline(cell)).replace(/\s+/gu, ' ').trim()));
  const count = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (count - 1);
  if (total <= width) {
    return rows.map((row) =>
      widths
        .map((w, i) => {
          const cell = row[i] ?? '';
          const pad = ' '.repeat(w - displayWidth(cell));
          return block.cellAlign[i] === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    );
  }
  // Too wide to align: one line per row as `header: value` pairs, which also reads well aloud.
  const [header, ...body] = rows;
  return body.flatMap((row) => wrap(row.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join('; '), width));
}

function blocksText(blocks: readonly Block[], width: number, tight = false): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const lines = blockText(block, width);
    if (lines.length === 0) continue;
    if (out.length > 0 && !tight) out.push('');
    out.push(...lines);
  }
  return out;
}

function blockText(block: Block, width: number): string[] {
  const w = Math.max(1, width);
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return wrap(plainInline(block.children), w);
    case 'list':
      return block.items.flatMap((item, i) => {
        const marker = item.task !== null ? (item.task ? '[x]' : '[ ]') : block.ordered ? `${block.start + i}.` : '-';
        const prefix = `${marker} `;
        return hanging(prefix, blocksText(item.blocks, w - displayWidth(prefix), true));
      });
    case 'quote':
      return blocksText(block.blocks, w - 2).map((line) => (line === '' ? '' : `  ${line}`));
    case 'alert':
      return hanging(`${ALERT_LABELS[block.alert]}: `, blocksText(block.blocks, w - displayWidth(`${ALERT_LABELS[block.alert]}: `)));
    case 'table':
      return tableText(block, w);
    case 'code':
      return sanitizeText(block.text.replace(/\n$/u, ''))
        .split('\n')
        .flatMap((line) => hardWrap([{ text: line, style: {} }], w - 4).map((part) => `    ${part.map((s) => s.text).join('')}`.trimEnd()));
    case 'image':
      return wrap(`[image: ${block.alt || 'untitled'} (${block.src})]`, w);
    case 'html': {
      const text = block.text.trim();
      return text === '' ? [] : wrap(text, w);
    }
    case 'columns':
      return blocksText(block.columns.flat(), w);
    case 'rule':
    case 'spacer':
    case 'middle':
      return [];
    default:
      return assertNever(block);
  }
}

function slideText(slide: Slide, number: number, count: number, width: number): string[] {
  const title = sanitizeText(slide.title).replace(/\s+/gu, ' ').trim();
  const out = wrap(title ? `Slide ${number} of ${count}: ${title}` : `Slide ${number} of ${count}`, width);
  // The title line already says the first heading: a screen reader need not hear it twice.
  const [first, ...rest] = slide.blocks;
  const repeatsTitle = first?.kind === 'heading' && plainInline(first.children).replace(/\s+/gu, ' ').trim() === slide.title.replace(/\s+/gu, ' ').trim();
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
