import stringWidth from 'string-width';
import { blocksText, slideText, type Deck } from '../deck/index.js';
import { escapeControls } from '../text/index.js';
import { citeLocation } from './markdown.js';

function indentLines(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${prefix}${line}`))
    .join('\n');
}

/**
 * The deck as plain text: a heading line per slide, its visible text with every step shown, then
 * its notes and its sources (`path:start-end "quote"`). No markup, and no control characters but
 * newlines: the rest are shown as placeholders (␛).
 */
export function exportText(deck: Deck): string {
  const { meta } = deck;
  const out: string[] = [];
  const title = meta.title || deck.slides[0]?.title || 'Slides';
  out.push(title, '='.repeat(Math.min(72, Math.max(3, stringWidth(title)))));
  const details = [meta.subtitle, meta.author, meta.event, meta.date].filter((v) => v.trim() !== '');
  if (details.length) out.push(details.join(' · '));
  for (const slide of deck.slides) {
    const heading = `[${slide.index}/${deck.slides.length}] ${slide.title}`.trimEnd();
    out.push('', heading, '-'.repeat(Math.min(72, stringWidth(heading))));
    const text = slideText(slide).trim();
    if (text) out.push(text);
    const notes = blocksText(slide.notesBlocks).join('\n').trim();
    if (notes) out.push('', 'Notes:', indentLines(notes));
    if (slide.sources.length) {
      out.push('', 'Sources:');
      for (const s of slide.sources) out.push(`  ${citeLocation(s)} "${s.quote.replace(/\s+/gu, ' ').trim()}"`);
    }
  }
  // Tabs become spaces; other control characters (ESC…) become visible placeholders, as on every
  // terminal talkdeck writes to, so the text is safe to `cat`.
  return `${escapeControls(out.join('\n').replace(/\t/gu, '    '))}\n`;
}
