import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import type { Deck } from '../deck/index.js';
import { sanitizeText, type StyledLine } from '../render/index.js';
import type { Theme } from '../theme/index.js';
import { DEFAULT_KEYMAP, keyHelp, type Keymap } from './keymap.js';

function fit(text: string, width: number): string {
  return width <= 0 ? '' : cliTruncate(text, width, { position: 'end' });
}

function padLines(lines: StyledLine[], rows: number): StyledLine[] {
  const out = lines.slice(0, rows);
  while (out.length < rows) out.push([]);
  return out;
}

/** The `?` screen: every key and what it does. */
export function helpLines(theme: Theme, columns: number, rows: number, keymap: Keymap = DEFAULT_KEYMAP): StyledLine[] {
  const KEY_HELP = keyHelp(keymap);
  const keyWidth = Math.max(...KEY_HELP.map(([keys]) => stringWidth(keys)));
  const left = theme.margin.horizontal;
  const width = columns - left * 2;
  const lines: StyledLine[] = [
    [{ text: ' '.repeat(left) + fit('Keys', width), style: theme.headings.h2 }],
    [],
    ...KEY_HELP.map(([keys, action]): StyledLine => [
      { text: ' '.repeat(left) + fit(keys.padEnd(keyWidth + 2), width), style: theme.strong },
      { text: fit(action, Math.max(0, width - keyWidth - 2)), style: theme.text },
    ]),
    [],
    [{ text: ' '.repeat(left) + fit('Press any key to return.', width), style: { ...theme.text, dim: true } }],
  ];
  return padLines(lines, rows);
}

/** The `o` screen: slide titles, the selected one marked, scrolled to keep it visible. */
export function overviewLines(deck: Deck, selected: number, theme: Theme, columns: number, rows: number): StyledLine[] {
  const left = theme.margin.horizontal;
  const width = columns - left * 2;
  const listRows = Math.max(1, rows - 3);
  const top = Math.max(0, Math.min(selected - Math.floor(listRows / 2), deck.slides.length - listRows));
  const numberWidth = String(deck.slides.length).length;
  const header: StyledLine = [
    { text: ' '.repeat(left) + fit(`Slides (${deck.slides.length}) — Enter to go, Esc to close`, width), style: theme.headings.h2 },
  ];
  const items = deck.slides.slice(top, top + listRows).map((slide, offset): StyledLine => {
    const index = top + offset;
    const marker = index === selected ? '▶ ' : '  ';
    const title = sanitizeText(slide.title || '(untitled)');
    const text = fit(`${marker}${String(index + 1).padStart(numberWidth)}  ${title}`, width);
    const style = index === selected ? { ...theme.searchMatch, bold: true } : theme.text;
    return [{ text: ' '.repeat(left), style: {} }, { text, style }];
  });
  return padLines([header, [], ...items], rows);
}
