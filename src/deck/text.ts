import { assertNever } from './assert-never.js';
import type { Block, Inline, Slide } from './types.js';

/** How inline content reads as plain text. */
export interface InlineTextOptions {
  /** Follow a link's text with its URL in parentheses (unless the text is the URL). */
  linkUrls?: boolean;
  /** Show an image as `[image: alt]` instead of its bare alt text. */
  imageLabels?: boolean;
}

/** The URL a link's text names, compared loosely: `mailto:` and a trailing slash aside. */
function bareUrl(url: string): string {
  return url.trim().replace(/^mailto:/iu, '').replace(/\/$/u, '');
}

/** Plain text of inline content; by default links read as their text and images as their alt text. */
export function inlineText(inlines: readonly Inline[], options: InlineTextOptions = {}): string {
  let out = '';
  for (const node of inlines) {
    switch (node.kind) {
      case 'text':
      case 'code':
        out += node.text;
        break;
      case 'strong':
      case 'emphasis':
      case 'strike':
        out += inlineText(node.children, options);
        break;
      case 'link': {
        const text = inlineText(node.children, options);
        if (!options.linkUrls) out += text;
        else out += text.trim() === '' ? node.href : bareUrl(text) === bareUrl(node.href) ? text : `${text} (${node.href})`;
        break;
      }
      case 'image':
        out += options.imageLabels ? `[image: ${node.alt || node.src}]` : node.alt;
        break;
      case 'break':
        out += '\n';
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

/** Plain text of blocks, one line per paragraph/item/row, every reveal step included. */
export function blocksText(blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        lines.push(inlineText(block.children));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker = item.task === null ? (block.ordered ? `${block.start + i}.` : '-') : item.task ? '[x]' : '[ ]';
          const [head = '', ...rest] = blocksText(item.blocks);
          lines.push(`${marker} ${head}`, ...rest.map((l) => `  ${l}`));
        });
        break;
      case 'quote':
      case 'alert':
        lines.push(...blocksText(block.blocks));
        break;
      case 'table':
        lines.push(block.header.map((cell) => inlineText(cell)).join(' | '));
        for (const row of block.rows) lines.push(row.map((cell) => inlineText(cell)).join(' | '));
        break;
      case 'code':
        lines.push(...block.text.split('\n'));
        break;
      case 'image':
        lines.push(`[image: ${block.alt || block.src}]`);
        break;
      case 'html':
        if (block.text.trim()) lines.push(block.text);
        break;
      case 'columns':
        for (const column of block.columns) lines.push(...blocksText(column));
        break;
      case 'rule':
      case 'spacer':
      case 'middle':
        break;
      default:
        assertNever(block);
    }
  }
  return lines;
}

/** The slide's visible plain text with every reveal step shown. */
export function slideText(slide: Slide): string {
  return blocksText(slide.blocks).join('\n');
}
