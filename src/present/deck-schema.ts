import * as z from 'zod/mini';
import type { Block, Deck, Inline } from '../deck/index.js';

/**
 * The shape of a Deck, for data read back from the start cache: a cache entry is a file someone
 * else may have written, so a value of the wrong shape is a miss, never a crash deep in layout.
 * zod/mini keeps this to a few kilobytes in the bundle.
 */

const int = z.int();
const count = z.int().check(z.minimum(0));
const alignment = z.enum(['left', 'center', 'right']);

const inline: z.ZodMiniType<Inline> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({ kind: z.literal('strong'), children: z.array(inline) }),
    z.object({ kind: z.literal('emphasis'), children: z.array(inline) }),
    z.object({ kind: z.literal('strike'), children: z.array(inline) }),
    z.object({ kind: z.literal('code'), text: z.string() }),
    z.object({ kind: z.literal('link'), href: z.string(), children: z.array(inline) }),
    z.object({ kind: z.literal('image'), src: z.string(), alt: z.string() }),
    z.object({ kind: z.literal('break') }),
  ]),
);

const base = { step: count, align: alignment, line: int };

const block: z.ZodMiniType<Block> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]), children: z.array(inline) }),
    z.object({ ...base, kind: z.literal('paragraph'), children: z.array(inline) }),
    z.object({
      ...base,
      kind: z.literal('list'),
      ordered: z.boolean(),
      start: int,
      items: z.array(z.object({ task: z.nullable(z.boolean()), blocks: z.array(block), step: count })),
    }),
    z.object({ ...base, kind: z.literal('quote'), blocks: z.array(block) }),
    z.object({ ...base, kind: z.literal('alert'), alert: z.enum(['note', 'tip', 'important', 'warning', 'caution']), blocks: z.array(block) }),
    z.object({
      ...base,
      kind: z.literal('table'),
      cellAlign: z.array(z.nullable(alignment)),
      header: z.array(z.array(inline)),
      rows: z.array(z.array(z.array(inline))),
    }),
    z.object({
      ...base,
      kind: z.literal('code'),
      lang: z.string(),
      text: z.string(),
      lineNumbers: z.boolean(),
      highlight: z.array(z.object({ from: int, to: int })),
    }),
    z.object({ ...base, kind: z.literal('rule') }),
    z.object({ ...base, kind: z.literal('image'), src: z.string(), alt: z.string() }),
    z.object({ ...base, kind: z.literal('html'), text: z.string() }),
    z.object({ ...base, kind: z.literal('columns'), widths: z.array(z.number()), columns: z.array(z.array(block)) }),
    z.object({ ...base, kind: z.literal('spacer'), lines: count }),
    z.object({ ...base, kind: z.literal('middle') }),
  ]),
);

const location = { file: z.string(), line: int, column: int };

const deck: z.ZodMiniType<Deck> = z.object({
  file: z.string(),
  meta: z.object({
    title: z.string(),
    subtitle: z.string(),
    author: z.string(),
    date: z.string(),
    event: z.string(),
    theme: z.string(),
    durationMs: z.nullable(z.number()),
    incrementalLists: z.boolean(),
    extra: z.record(z.string(), z.unknown()),
  }),
  slides: z.array(
    z.object({
      index: int,
      title: z.string(),
      blocks: z.array(block),
      steps: z.int().check(z.minimum(1)),
      notes: z.string(),
      notesBlocks: z.array(block),
      sources: z.array(z.object({ path: z.string(), startLine: int, endLine: int, quote: z.string(), fingerprint: z.string(), line: int })),
      layout: z.object({ footer: z.boolean() }),
      timeMs: z.nullable(z.number()),
      location: z.object(location),
    }),
  ),
  diagnostics: z.array(z.object({ ...location, severity: z.enum(['error', 'warning', 'info']), message: z.string() })),
});

/** A deck as read from disk and kept: the deck, the dialect it was read as and why, and its files. */
export interface KeptDeck {
  deck: Deck;
  dialect: string;
  reason: string;
  files: string[];
}

const keptDeck: z.ZodMiniType<KeptDeck> = z.object({ deck, dialect: z.string(), reason: z.string(), files: z.array(z.string()) });

/** The value as a KeptDeck, or undefined when it has any other shape. */
export function asKeptDeck(value: unknown): KeptDeck | undefined {
  const result = keptDeck.safeParse(value);
  return result.success ? result.data : undefined;
}
