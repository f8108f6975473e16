import type { Block, Inline, Slide } from './types.js';
import { renderBlocks, renderInlines, type BlockOf, type BlockRenderer, type InlineRenderer } from './walk.js';

/**
 * The one plain-text renderer of a deck, on the one walk (walk.ts). Two styles:
 * - `compact`, one line per paragraph, list item and table row, nothing wrapped: the text of the
 *   JSON contract and the txt export, search, and speech timing;
 * - `reading`, for people and screen readers (`talkdeck print`): blocks apart, wrapped by display
 *   width, list items under a hanging indent, tables aligned, code indented, alerts labelled,
 *   links followed by their URL.
 * Nothing here makes text safe for a terminal: print cleans what it measures, and the command
 * line's output edge cleans all it writes.
 */

/** How inline content reads as plain text. */
export interface InlineTextOptions {
  /** Follow a link's text with its URL in parentheses (unless the text is the URL). */
  linkUrls?: boolean;
  /** Show an image as `[image: alt]` instead of its bare alt text. */
  imageLabels?: boolean;
}

/** Measuring and wrapping by display width, for the reading style: render/ provides it. */
export interface TextLayout {
  /** Makes text safe to measure and show (the terminal sanitiser); what is measured is what is shown. */
  clean(text: string): string;
  /** Display width in terminal columns. */
  measure(text: string): number;
  /** Wraps at spaces (and between CJK characters) to `width` columns. */
  wrap(text: string, width: number): string[];
  /** Cuts into pieces of `width` columns, for code. */
  hardWrap(text: string, width: number): string[];
}

export type PlainTextOptions = { style: 'compact' } | { style: 'reading'; layout: TextLayout; width: number };

const ALERT_LABELS = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' } as const;

/** The URL a link's text names, compared loosely: `mailto:` and a trailing slash aside. */
function bareUrl(url: string): string {
  return url.trim().replace(/^mailto:/iu, '').replace(/\/$/u, '');
}

function inlineRenderer(options: InlineTextOptions): InlineRenderer<string> {
  const children = (nodes: readonly Inline[]) => renderInlines(nodes, renderer).join('');
  const renderer: InlineRenderer<string> = {
    text: (node) => node.text,
    code: (node) => node.text,
    strong: (node) => children(node.children),
    emphasis: (node) => children(node.children),
    strike: (node) => children(node.children),
    link: (node) => {
      const text = children(node.children);
      if (!options.linkUrls) return text;
      return text.trim() === '' ? node.href : bareUrl(text) === bareUrl(node.href) ? text : `${text} (${node.href})`;
    },
    image: (node) => (options.imageLabels ? `[image: ${node.alt || node.src}]` : node.alt),
    break: () => '\n',
  };
  return renderer;
}

const PLAIN_INLINES = inlineRenderer({});

/** Plain text of inline content; by default links read as their text and images as their alt text. */
export function inlineText(inlines: readonly Inline[], options?: InlineTextOptions): string {
  return renderInlines(inlines, options ? inlineRenderer(options) : PLAIN_INLINES).join('');
}

function listMarker(block: BlockOf<'list'>, i: number, task: boolean | null): string {
  return task === null ? (block.ordered ? `${block.start + i}.` : '-') : task ? '[x]' : '[ ]';
}

/** The compact style: a line per paragraph, item and row, every reveal step included. */
const COMPACT: BlockRenderer<string[]> = {
  heading: (block) => [inlineText(block.children)],
  paragraph: (block) => [inlineText(block.children)],
  list: (block) =>
    block.items.flatMap((item, i) => {
      const [head = '', ...rest] = compactLines(item.blocks);
      return [`${listMarker(block, i, item.task)} ${head}`, ...rest.map((line) => `  ${line}`)];
    }),
  quote: (block) => compactLines(block.blocks),
  alert: (block) => compactLines(block.blocks),
  table: (block) => [block.header, ...block.rows].map((row) => row.map((cell) => inlineText(cell)).join(' | ')),
  code: (block) => block.text.split('\n'),
  image: (block) => [`[image: ${block.alt || block.src}]`],
  html: (block) => (block.text.trim() ? [block.text] : []),
  columns: (block) => block.columns.flatMap((column) => compactLines(column)),
  rule: () => [],
  spacer: () => [],
  middle: () => [],
};

function compactLines(blocks: readonly Block[]): string[] {
  return renderBlocks(blocks, COMPACT).flat();
}

/** The reading style at `width` columns. */
function reading(layout: TextLayout, width: number): BlockRenderer<string[]> {
  const w = Math.max(1, width);
  const plain = (inlines: readonly Inline[]) => inlineText(inlines, { linkUrls: true, imageLabels: true });
  const wrap = (text: string, at = w) => layout.wrap(layout.clean(text), at);
  /** Text under a first-line prefix, later lines indented by the prefix's width. */
  const hanging = (prefix: string, lines: string[]) => {
    const indent = ' '.repeat(layout.measure(prefix));
    return (lines.length > 0 ? lines : ['']).map((line, i) => (line === '' ? (i === 0 ? prefix.trimEnd() : '') : (i === 0 ? prefix : indent) + line));
  };
  const table = (block: BlockOf<'table'>): string[] => {
    const rows = [block.header, ...block.rows].map((row) => row.map((cell) => layout.clean(plain(cell)).replace(/\s+/gu, ' ').trim()));
    const count = Math.max(...rows.map((row) => row.length));
    const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((row) => layout.measure(row[i] ?? ''))));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (count - 1);
    if (total <= w) {
      return rows.map((row) =>
        widths
          .map((cellWidth, i) => {
            const cell = row[i] ?? '';
            const pad = ' '.repeat(cellWidth - layout.measure(cell));
            return block.cellAlign[i] === 'right' ? pad + cell : cell + pad;
          })
          .join('  ')
          .trimEnd(),
      );
    }
    // Too wide to align: one line per row as `header: value` pairs, which also reads well aloud.
    const [header = [], ...body] = rows;
    return body.flatMap((row) => wrap(row.map((cell, i) => (header[i] ? `${header[i]}: ${cell}` : cell)).join('; ')));
  };
  return {
    heading: (block) => wrap(plain(block.children)),
    paragraph: (block) => wrap(plain(block.children)),
    list: (block) =>
      block.items.flatMap((item, i) => {
        const prefix = `${listMarker(block, i, item.task)} `;
        return hanging(prefix, readingLines(item.blocks, layout, w - layout.measure(prefix), true));
      }),
    quote: (block) => readingLines(block.blocks, layout, w - 2).map((line) => (line === '' ? '' : `  ${line}`)),
    alert: (block) => {
      const label = `${ALERT_LABELS[block.alert]}: `;
      return hanging(label, readingLines(block.blocks, layout, w - layout.measure(label)));
    },
    table,
    code: (block) =>
      layout
        .clean(block.text.replace(/\n$/u, ''))
        .split('\n')
        .flatMap((line) => layout.hardWrap(line, w - 4).map((part) => `    ${part}`.trimEnd())),
    image: (block) => wrap(`[image: ${block.alt || 'untitled'} (${block.src})]`),
    html: (block) => {
      const text = block.text.trim();
      return text === '' ? [] : wrap(text);
    },
    columns: (block) => readingLines(block.columns.flat(), layout, w),
    rule: () => [],
    spacer: () => [],
    middle: () => [],
  };
}

/** Blocks in the reading style: a blank line between blocks unless `tight` (inside a list item). */
function readingLines(blocks: readonly Block[], layout: TextLayout, width: number, tight = false): string[] {
  const out: string[] = [];
  for (const lines of renderBlocks(blocks, reading(layout, width))) {
    if (lines.length === 0) continue;
    if (out.length > 0 && !tight) out.push('');
    out.push(...lines);
  }
  return out;
}

/** Plain text of blocks as lines, in the style asked for (compact by default). */
export function blocksText(blocks: readonly Block[], options: PlainTextOptions = { style: 'compact' }): string[] {
  return options.style === 'compact' ? compactLines(blocks) : readingLines(blocks, options.layout, options.width);
}

/** The slide's visible plain text with every reveal step shown, compact. */
export function slideText(slide: Slide): string {
  return blocksText(slide.blocks).join('\n');
}
