import { image2sixel } from 'sixel';
import type { HalfBlockCell, ImageLayout, ImageMark, StyledLine } from '../render/index.js';
import { kittyDelete, kittySequence, iterm2Sequence, isGraphics } from './encode.js';
import { tmuxWrap, type ImageProtocol } from './protocol.js';

/** Reads an image's bytes by its source as the deck writes it; throws when it cannot (missing, outside the deck's folder, too big). */
export type ImageReader = (src: string) => Uint8Array;

export interface ImageStoreOptions {
  read: ImageReader;
  protocol: ImageProtocol;
  /** Wrap sequences for tmux's passthrough. */
  tmux?: boolean;
  /** A cell's size in pixels, for sixel (drawn pixel for pixel); default 10 × 20. */
  cellPixels?: { width: number; height: number };
  /** Called when an image has been read or encoded: the frame should be laid out and drawn again. */
  onChange?: () => void;
}

type Sharp = typeof import('sharp').default;

interface Entry {
  state: 'loading' | 'ready' | 'failed';
  bytes?: Uint8Array;
  size?: { width: number; height: number };
  format?: string;
}

/** Where an image of the frame goes: its top-left cell (0-based) and its box. */
export interface Placement {
  mark: ImageMark;
  row: number;
  column: number;
}

let sharpModule: Promise<Sharp> | null = null;
/** sharp (libvips) is loaded on the first image shown, never at start-up. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((module) => module.default);
  return sharpModule;
}

/** Decoding stops at images larger than this many pixels (a decompression bomb is refused, not decoded). */
const MAX_PIXELS = 64 * 1024 * 1024;

/**
 * The images of a deck, read and decoded when first shown and encoded once per size: what the
 * layout asks (an image's size; half-block cells) and the sequences that draw each on the terminal.
 * Everything is cached by source, size and protocol, so moving between slides never encodes again.
 */
export class ImageStore {
  /** Changes whenever an image has been read, decoded or encoded. */
  version = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly encoded = new Map<string, string | null>();
  private readonly cellCache = new Map<string, HalfBlockCell[][] | null>();
  private readonly kittyIds = new Map<string, number>();
  private readonly shown = new Set<number>();
  private nextId = 7000;

  constructor(private readonly options: ImageStoreOptions) {}

  get protocol(): ImageProtocol {
    return this.options.protocol;
  }

  /** What the layout needs: sizes, and half-block cells for `blocks`. */
  layout(): ImageLayout {
    const protocol = this.options.protocol;
    return {
      mode: protocol === 'none' ? 'none' : protocol === 'blocks' ? 'blocks' : 'graphics',
      size: (src) => this.size(src),
      cells: (src, columns, rows) => this.cells(src, columns, rows),
      cellAspect: (this.options.cellPixels?.height ?? 20) / (this.options.cellPixels?.width ?? 10),
    };
  }

  /** The image's size in pixels once read; null meanwhile (reading starts) and for an image that cannot be read. */
  size(src: string): { width: number; height: number } | null {
    const entry = this.entries.get(src);
    if (!entry) {
      void this.load(src);
      return null;
    }
    return entry.size ?? null;
  }

  /** Reads and measures the image (once). */
  async load(src: string): Promise<{ width: number; height: number } | null> {
    const known = this.entries.get(src);
    if (known && known.state !== 'loading') return known.size ?? null;
    const entry: Entry = known ?? { state: 'loading' };
    this.entries.set(src, entry);
    try {
      entry.bytes = this.options.read(src);
      const sharp = await loadSharp();
      const meta = await sharp(entry.bytes, { limitInputPixels: MAX_PIXELS }).metadata();
      if (!meta.width || !meta.height) throw new Error('no size');
      entry.size = { width: meta.width, height: meta.height };
      entry.format = meta.format;
      entry.state = 'ready';
    } catch {
      entry.state = 'failed';
      entry.bytes = undefined;
    }
    this.changed();
    return entry.size ?? null;
  }

  private changed(): void {
    this.version++;
    this.options.onChange?.();
  }

  private cells(src: string, columns: number, rows: number): HalfBlockCell[][] | null {
    const key = `${src}\0${columns}x${rows}`;
    if (this.cellCache.has(key)) return this.cellCache.get(key)!;
    const entry = this.entries.get(src);
    if (entry?.state !== 'ready' || !entry.bytes) return null;
    this.cellCache.set(key, null);
    void this.decodeCells(entry.bytes, columns, rows).then(
      (cells) => {
        this.cellCache.set(key, cells);
        this.changed();
      },
      () => {},
    );
    return null;
  }

  /** The image scaled to `columns` × `rows` cells of two pixels each, as half-block colours. */
  async decodeCells(bytes: Uint8Array, columns: number, rows: number): Promise<HalfBlockCell[][]> {
    const sharp = await loadSharp();
    const { data } = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).resize(columns, rows * 2, { fit: 'fill' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const colour = (x: number, y: number): string | null => {
      const i = (y * columns + x) * 4;
      if (data[i + 3]! < 128) return null;
      return `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    };
    return Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, x): HalfBlockCell => [colour(x, row * 2), colour(x, row * 2 + 1)]));
  }

  /** The sequence that draws `mark`'s image at the cursor, or null until it has been encoded (encoding starts). */
  sequence(mark: ImageMark): string | null {
    const protocol = this.options.protocol;
    if (!isGraphics(protocol)) return null;
    const key = `${protocol}\0${mark.src}\0${mark.columns}x${mark.rows}`;
    if (this.encoded.has(key)) return this.encoded.get(key)!;
    const entry = this.entries.get(mark.src);
    if (entry?.state !== 'ready' || !entry.bytes) return null;
    this.encoded.set(key, null);
    void this.encode(protocol, entry, mark).then(
      (sequence) => {
        this.encoded.set(key, this.options.tmux ? tmuxWrap(sequence) : sequence);
        this.changed();
      },
      () => {},
    );
    return null;
  }

  /** Encodes an image for a protocol at a box's size. */
  async encode(protocol: 'kitty' | 'iterm2' | 'sixel', entry: Entry, mark: ImageMark): Promise<string> {
    const sharp = await loadSharp();
    const bytes = entry.bytes!;
    const cell = this.options.cellPixels ?? { width: 10, height: 20 };
    if (protocol === 'sixel') {
      // Sixel is drawn pixel for pixel: the box's size in pixels, the aspect ratio kept inside it.
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .resize(mark.columns * cell.width, mark.rows * cell.height, { fit: 'inside' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return image2sixel(new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height, 256, 1);
    }
    // iTerm2 shows an animated GIF as it is; the others get the first frame as PNG, at most twice the box's pixels.
    if (protocol === 'iterm2' && entry.format === 'gif') return iterm2Sequence(bytes, mark.columns, mark.rows);
    const png = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .resize(mark.columns * cell.width, mark.rows * cell.height, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    if (protocol === 'iterm2') return iterm2Sequence(png, mark.columns, mark.rows);
    return kittySequence(png, this.kittyId(mark), mark.columns, mark.rows);
  }

  private kittyId(mark: ImageMark): number {
    const key = `${mark.src}\0${mark.columns}x${mark.rows}`;
    let id = this.kittyIds.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.kittyIds.set(key, id);
    }
    return id;
  }

  /**
   * What to write after a frame is painted: each fully visible image drawn at its place (cursor
   * saved and restored around it), and kitty's images no longer on screen deleted by id. Images
   * drawn by iTerm2 and sixel leave with the text painted over them.
   */
  overlay(lines: readonly StyledLine[]): string {
    const protocol = this.options.protocol;
    if (!isGraphics(protocol)) return '';
    const wrap = (sequence: string) => (this.options.tmux ? tmuxWrap(sequence) : sequence);
    let out = '';
    const drawn = new Set<number>();
    for (const placement of findPlacements(lines)) {
      const sequence = this.sequence(placement.mark);
      if (sequence === null) continue;
      if (protocol === 'kitty') drawn.add(this.kittyId(placement.mark));
      out += `\x1b7\x1b[${placement.row + 1};${placement.column + 1}H${sequence}\x1b8`;
    }
    if (protocol === 'kitty') {
      for (const id of this.shown) if (!drawn.has(id)) out = wrap(kittyDelete(id)) + out;
      this.shown.clear();
      for (const id of drawn) this.shown.add(id);
    }
    return out;
  }

  /** Deletes every image kitty still holds (on quit). */
  clear(): string {
    if (this.options.protocol !== 'kitty') return '';
    const wrap = (sequence: string) => (this.options.tmux ? tmuxWrap(sequence) : sequence);
    const out = [...this.kittyIds.values()].map((id) => wrap(kittyDelete(id))).join('');
    this.shown.clear();
    return out;
  }
}

/** Every image box of a frame whose rows are all on screen, at its top-left cell. */
export function findPlacements(lines: readonly StyledLine[]): Placement[] {
  const found = new Map<ImageMark['src'], { mark: ImageMark; row: number; column: number; seen: number }>();
  const out: Placement[] = [];
  lines.forEach((line, row) => {
    let column = 0;
    for (const segment of line) {
      const mark = segment.image;
      if (mark) {
        const key = `${mark.src}\0${column}\0${row - mark.row}`;
        if (mark.row === 0) found.set(key, { mark, row, column, seen: 1 });
        else {
          const open = found.get(key);
          if (open) open.seen++;
        }
      }
      column += [...segment.text].length;
    }
  });
  for (const placement of found.values()) if (placement.seen === placement.mark.rows) out.push({ mark: placement.mark, row: placement.row, column: placement.column });
  return out;
}
