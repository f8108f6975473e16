import { assertNever } from './assert-never.js';
import type { Block, Inline, Slide } from './types.js';

/** Plain text of inline content, links as their text. */
export function inlineText(inlines: readonly Inline[]): string {
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
      case 'link':
        out += inlineText(node.children);
        break;
      case 'image':
        out += node.alt;
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
        lines.push(block.header.map(inlineText).join(' | '));
        for (const row of block.rows) lines.push(row.map(inlineText).join(' | '));
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
