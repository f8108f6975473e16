import type { CellAlign } from '../deck/index.js';
import type { TextStyle } from '../theme/index.js';
import { alignLine, joinSegments, lineWidth, padLine } from './line.js';
import type { Segment, StyledLine } from './types.js';
import { longestWordWidth, wrapSegments } from './wrap.js';

export interface TableInput {
  align: CellAlign[];
  header: Segment[][];
  rows: Segment[][][];
  border: TextStyle;
}

/** Narrowest a column is made before its words are split, so one long word cannot starve the others. */
const MIN_WORD_COLUMNS = 12;

function naturalWidth(cell: readonly Segment[]): number {
  return Math.max(0, ...wrapSegments(cell, Number.MAX_SAFE_INTEGER).map(lineWidth));
}

/**
 * Fits column widths into `available` columns of cell content: natural widths when they fit,
 * otherwise each column keeps its longest word (up to a cap) and the rest of the room goes to
 * the columns that want it most. Every column gets at least 1.
 */
export function fitColumnWidths(natural: number[], minimum: number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return natural.map((w) => Math.max(1, w));
  let widths = minimum.map((m, i) => Math.max(1, Math.min(m, natural[i]!, MIN_WORD_COLUMNS)));
  let sum = widths.reduce((a, b) => a + b, 0);
  if (sum > available) {
    widths = widths.map((w) => Math.max(1, Math.floor((w * available) / sum)));
    sum = widths.reduce((a, b) => a + b, 0);
    while (sum > available) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest]! <= 1) break;
      widths[widest]!--;
      sum--;
    }
    return widths;
  }
  let room = available - sum;
  const wants = natural.map((n, i) => Math.max(0, n - widths[i]!));
  const totalWant = wants.reduce((a, b) => a + b, 0);
  if (totalWant > 0) {
    const shares = wants.map((want) => Math.min(want, Math.floor((want * room) / totalWant)));
    widths = widths.map((w, i) => w + shares[i]!);
    room -= shares.reduce((a, b) => a + b, 0);
    while (room > 0) {
      let best = -1;
      for (let i = 0; i < widths.length; i++) {
        if (natural[i]! - widths[i]! > 0 && (best < 0 || natural[i]! - widths[i]! > natural[best]! - widths[best]!)) best = i;
      }
      if (best < 0) break;
      widths[best]!++;
      room--;
    }
  }
  return widths;
}

/** Lays out a table with box-drawing borders, cells wrapped to widths fitted to `width`. */
export function layoutTable(table: TableInput, width: number): StyledLine[] {
  const count = Math.max(table.header.length, ...table.rows.map((row) => row.length), 1);
  const allRows = [table.header, ...table.rows];
  const cell = (row: Segment[][], i: number): Segment[] => row[i] ?? [];
  const natural = Array.from({ length: count }, (_, i) => Math.max(1, ...allRows.map((row) => naturalWidth(cell(row, i)))));
  const minimum = Array.from({ length: count }, (_, i) => Math.max(1, ...allRows.map((row) => longestWordWidth(cell(row, i)))));
  // Borders take count + 1 columns; cells get a space of padding each side unless that would
  // force words to split that fit without it.
  const sumMinimum = minimum.reduce((a, m, i) => a + Math.min(m, natural[i]!, MIN_WORD_COLUMNS), 0);
  const bare = width - (count + 1);
  const padded = bare - 2 * count;
  const padding = padded >= count && (padded >= sumMinimum || bare < sumMinimum) ? 1 : 0;
  const available = Math.max(count, padding ? padded : bare);
  const widths = fitColumnWidths(natural, minimum, available);
  const border = table.border;
  const rule = (left: string, middle: string, right: string): StyledLine => [
    { text: left + widths.map((w) => '─'.repeat(w + 2 * padding)).join(middle) + right, style: border },
  ];
  const pad: Segment = { text: ' '.repeat(padding), style: {} };
  const rowLines = (row: Segment[][]): StyledLine[] => {
    const cells = widths.map((w, i) => wrapSegments(cell(row, i), w));
    const height = Math.max(1, ...cells.map((lines) => lines.length));
    const lines: StyledLine[] = [];
    for (let y = 0; y < height; y++) {
      const line: Segment[] = [{ text: '│', style: border }];
      widths.forEach((w, i) => {
        const content = alignLine(cells[i]![y] ?? [], table.align[i] ?? 'left', w);
        line.push(pad, ...padLine(content, w), pad, { text: '│', style: border });
      });
      lines.push(joinSegments(line));
    }
    return lines;
  };
  const out: StyledLine[] = [rule('┌', '┬', '┐')];
  const hasHeader = table.header.some((c) => c.some((s) => s.text.trim() !== ''));
  if (hasHeader) out.push(...rowLines(table.header), rule('├', '┼', '┤'));
  for (const row of table.rows) out.push(...rowLines(row));
  out.push(rule('└', '┴', '┘'));
  return out;
}
