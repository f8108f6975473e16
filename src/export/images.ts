import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { Block, Deck, Inline } from '../deck/index.js';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};
/** Larger files stay out of the export rather than bloat it. */
const MAX_BYTES = 10 * 1024 * 1024;

function inlineImages(inlines: readonly Inline[], out: Set<string>): void {
  for (const node of inlines) {
    if (node.kind === 'image') out.add(node.src);
    else if ('children' in node) inlineImages(node.children, out);
  }
}

/** Every image source a list of blocks refers to. */
export function imageSources(blocks: readonly Block[], out = new Set<string>()): Set<string> {
  for (const block of blocks) {
    switch (block.kind) {
      case 'image':
        out.add(block.src);
        break;
      case 'heading':
      case 'paragraph':
        inlineImages(block.children, out);
        break;
      case 'list':
        for (const item of block.items) imageSources(item.blocks, out);
        break;
      case 'quote':
      case 'alert':
        imageSources(block.blocks, out);
        break;
      case 'columns':
        for (const column of block.columns) imageSources(column, out);
        break;
      case 'table':
        for (const row of [block.header, ...block.rows]) for (const cell of row) inlineImages(cell, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The path of a local image (relative to the deck file, or absolute), or null for URLs and other files. */
export function localImagePath(deck: Deck, src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(src) || src.startsWith('//')) return null;
  const path = decodeURI(src.split(/[?#]/u)[0] ?? '');
  if (!MIME[extname(path).toLowerCase()]) return null;
  return resolve(dirname(deck.file), path);
}

/**
 * Reads the deck's local images (png, jpeg, gif, webp, svg, avif up to 10 MB) and returns them as
 * data: URIs keyed by the source as written, so the export works offline. Missing files are left out.
 */
export async function embedImages(deck: Deck): Promise<Map<string, string>> {
  const sources = new Set<string>();
  for (const slide of deck.slides) {
    imageSources(slide.blocks, sources);
    imageSources(slide.notesBlocks, sources);
  }
  const out = new Map<string, string>();
  await Promise.all(
    [...sources].map(async (src) => {
      let path: string | null;
      try {
        path = localImagePath(deck, src);
      } catch {
        return;
      }
      if (path === null) return;
      try {
        const info = await stat(path);
        if (!info.isFile() || info.size > MAX_BYTES) return;
        const data = await readFile(path);
        out.set(src, `data:${MIME[extname(path).toLowerCase()]};base64,${data.toString('base64')}`);
      } catch {
        // A missing image shows as its alt text.
      }
    }),
  );
  return out;
}
