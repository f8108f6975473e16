import { dirname, extname, resolve } from 'node:path';
import type { Block, Deck, Inline } from '../deck/index.js';
import { openDeckFolder, ReadError, type DeckFolder } from '../io/index.js';
import { detectImageType, IMAGE_MIME } from './image-type.js';

/** The names of files taken for images; what they hold is checked when they are read. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.avif']);

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
  if (!IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) return null;
  return resolve(dirname(deck.file), path);
}

export interface EmbedImagesOptions {
  /** The deck's folder, through which images are read (default: the deck file's, confined). */
  folder?: DeckFolder;
  /** Told of each image left out (outside the folder, not an image, too big, unreadable). */
  onProblem?: (problem: ReadError) => void;
}

/** An image file's bytes as a data: URI, or a ReadError saying why it is not embedded. */
async function dataUri(data: Buffer, shown: string): Promise<string | ReadError> {
  const type = detectImageType(data);
  if (type === null) return new ReadError(shown, 'NOT_IMAGE', 'is not a PNG, JPEG, GIF, WebP, AVIF or SVG image', 'give an image file: it is left out of the export');
  if (type !== 'svg') return `data:${IMAGE_MIME[type]};base64,${data.toString('base64')}`;
  // The SVG sanitiser (and its XML parser) is loaded only when a deck embeds an SVG.
  const { sanitizeSvg } = await import('./sanitize-svg.js');
  const svg = sanitizeSvg(data.toString('utf8'));
  if (svg === null) return new ReadError(shown, 'NOT_IMAGE', 'is not a well-formed SVG document', 'fix or replace the file: it is left out of the export');
  return `data:${IMAGE_MIME.svg};base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * Reads the deck's local images and returns them as data: URIs keyed by the source as written, so
 * the export works offline. Images are read through the deck's folder (never outside it unless the
 * folder allows, regular files only, up to 10 MB) and embedded only when their bytes are an image:
 * PNG, JPEG, GIF, WebP or AVIF as they are, SVG once sanitised. Any other is left out, and the
 * export shows its alt text.
 */
export async function embedImages(deck: Deck, options: EmbedImagesOptions = {}): Promise<Map<string, string>> {
  const sources = new Set<string>();
  for (const slide of deck.slides) {
    imageSources(slide.blocks, sources);
    imageSources(slide.notesBlocks, sources);
  }
  const folder = options.folder ?? openDeckFolder(dirname(resolve(deck.file)));
  const out = new Map<string, string>();
  for (const src of sources) {
    let path: string | null;
    try {
      path = localImagePath(deck, src);
    } catch {
      continue;
    }
    if (path === null) continue;
    let uri: string | ReadError;
    try {
      uri = await dataUri(folder.readBytes(path, 'image', src), src);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      uri = error;
    }
    if (typeof uri === 'string') out.set(src, uri);
    else options.onProblem?.(uri);
  }
  return out;
}
