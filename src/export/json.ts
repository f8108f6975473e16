import { blocksText, slideText, type Deck } from '../deck/index.js';

/** One slide in the JSON contract. */
export interface JsonSlide {
  index: number;
  title: string;
  text: string;
  notes: string;
  sources: { path: string; startLine: number; endLine: number; quote: string; fingerprint: string }[];
  steps: number;
  timeSeconds: number | null;
}

/** The JSON contract other tools read: `{ title, meta, slides }`. Names here never change. */
export interface JsonDeck {
  title: string;
  meta: Record<string, unknown>;
  slides: JsonSlide[];
}

/** Turns a deck into the JSON contract's data. */
export function deckToJson(deck: Deck): JsonDeck {
  const { extra, ...known } = deck.meta;
  return {
    title: deck.meta.title,
    meta: { ...extra, ...known },
    slides: deck.slides.map((slide) => ({
      index: slide.index,
      title: slide.title,
      text: slideText(slide),
      notes: blocksText(slide.notesBlocks).join('\n'),
      sources: slide.sources.map(({ path, startLine, endLine, quote, fingerprint }) => ({
        path,
        startLine,
        endLine,
        quote,
        fingerprint,
      })),
      steps: slide.steps,
      timeSeconds: slide.timeMs === null ? null : slide.timeMs / 1000,
    })),
  };
}

/** The JSON export as text, pretty-printed and ending in a newline. */
export function exportJson(deck: Deck): string {
  return `${JSON.stringify(deckToJson(deck), null, 2)}\n`;
}
