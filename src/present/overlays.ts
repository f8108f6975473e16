import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import type { Deck } from '../deck/index.js';
import { sanitizeText, type StyledLine } from '../render/index.js';
import type { Theme } from '../theme/index.js';
import { DEFAULT_KEYMAP, keyHelp, type Keymap } from './keymap.js';
import type { AnswerView } from './state.js';

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

/** Words into rows of at most `width` columns (a word longer than a row is cut). */
function wrapWords(text: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const next = row ? `${row} ${word}` : word;
    if (stringWidth(next) <= width) row = next;
    else {
      if (row) rows.push(row);
      row = stringWidth(word) > width ? fit(word, width) : word;
    }
  }
  if (row) rows.push(row);
  return rows;
}

const where = (a: AnswerView) => `${a.path}:${a.startLine}${a.endLine > a.startLine ? `-${a.endLine}` : ''}`;

/**
 * The `a` screen: the question being typed and the passages of the source articles that answer
 * it, each with its path and lines and the slide that cites it; the selected one marked. `answers`
 * is null while the index loads.
 */
export function answersLines(query: string, answers: readonly AnswerView[] | null, selected: number, theme: Theme, columns: number, rows: number): StyledLine[] {
  const left = theme.margin.horizontal;
  const width = Math.max(1, columns - left * 2);
  const pad = { text: ' '.repeat(left), style: {} };
  const lines: StyledLine[] = [
    [pad, { text: fit('Ask the sources — type a question, ↑↓ to choose, Enter to go, Esc to return', width), style: theme.headings.h2 }],
    [pad, { text: fit(`? ${sanitizeText(query)}▏`, width), style: theme.strong }],
    [],
  ];
  if (answers === null) lines.push([pad, { text: fit('reading the articles…', width), style: { ...theme.text, dim: true } }]);
  else if (query.trim() === '') lines.push([pad, { text: fit('The passages of the articles this deck cites are searched, not the slides.', width), style: { ...theme.text, dim: true } }]);
  else if (answers.length === 0) lines.push([pad, { text: fit('no passage answers that', width), style: { ...theme.text, dim: true } }]);
  const pick = Math.min(selected, Math.max(0, (answers?.length ?? 1) - 1));
  (answers ?? []).forEach((answer, i) => {
    const chosen = i === pick;
    const slide = answer.slide === null ? 'no slide cites it (Enter shows it)' : `slide ${answer.slide + 1}`;
    lines.push([pad, { text: fit(`${chosen ? '▶ ' : '  '}${sanitizeText(where(answer))} — ${slide}`, width), style: chosen ? { ...theme.searchMatch, bold: true } : theme.strong }]);
    // The passage under it, wrapped (three rows for the chosen answer, one for the others); the lines a slide cites highlighted.
    const rows = answer.lines.flatMap((line, k) => wrapWords(sanitizeText(line.trim()), Math.max(1, width - 4)).map((text) => ({ text, cited: answer.cited.includes(answer.startLine + k) })));
    const shown = rows.slice(0, chosen ? 3 : 1);
    for (const [k, row] of shown.entries()) {
      const more = k === shown.length - 1 && rows.length > shown.length ? '…' : '';
      lines.push([pad, { text: '    ', style: {} }, { text: fit(row.text + more, width - 4), style: row.cited ? theme.searchMatch : chosen ? theme.text : { ...theme.text, dim: true } }]);
    }
  });
  return padLines(lines, rows);
}

/** One answer's passage on the full screen, its lines numbered: for the audience, when no slide cites it. */
export function passageLines(answer: AnswerView, theme: Theme, columns: number, rows: number): StyledLine[] {
  const left = theme.margin.horizontal;
  const width = Math.max(1, columns - left * 2);
  const pad = { text: ' '.repeat(left), style: {} };
  const number = String(answer.endLine).length;
  const lines: StyledLine[] = [
    [pad, { text: fit(sanitizeText(where(answer)), width), style: theme.headings.h2 }],
    [],
    ...answer.lines.map((line, i): StyledLine => [
      pad,
      { text: `${String(answer.startLine + i).padStart(number)}  `, style: { ...theme.text, dim: true } },
      { text: fit(sanitizeText(line), Math.max(1, width - number - 2)), style: answer.cited.includes(answer.startLine + i) ? theme.searchMatch : theme.text },
    ]),
  ];
  const out = padLines(lines, rows - 1);
  out.push([pad, { text: fit('Esc returns to the talk', width), style: { ...theme.text, dim: true } }]);
  return out;
}
