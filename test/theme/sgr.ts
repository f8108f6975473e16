/** What a terminal cell looks like after the SGR sequences before it: colours as written, and attributes. */
export interface Cell {
  char: string;
  fg: string;
  bg: string;
  bold: boolean;
  inverse: boolean;
}

/**
 * Reads painted terminal output (one row) into cells, following SGR sequences the way a terminal
 * does: 16-colour, 256-colour and truecolor fore- and backgrounds, bold and reverse. Colours come
 * out as the codes that set them ("48;5;234", "44", "48;2;30;30;46"; "" for the default).
 */
export function readCells(row: string): Cell[] {
  return readScreen(row)[0] ?? [];
}

/** Reads a whole screen, rows split at newlines; the SGR state carries over from row to row, as tmux's capture leaves it. */
export function readScreen(text: string): Cell[][] {
  const rows: Cell[][] = [[]];
  let cells = rows[0]!;
  let state = { fg: '', bg: '', bold: false, inverse: false };
  const re = /\u001b\[([0-9;]*)m|\u001b\]8;;[^\u001b]*\u001b\\|([^\u001b])/gu;
  for (const m of text.matchAll(re)) {
    if (m[2] === '\n') {
      rows.push((cells = []));
      continue;
    }
    if (m[2] !== undefined) {
      cells.push({ char: m[2], ...state });
      continue;
    }
    if (m[1] === undefined) continue;
    const codes = m[1] === '' ? [0] : m[1].split(';').map(Number);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c === 0) state = { fg: '', bg: '', bold: false, inverse: false };
      else if (c === 1) state.bold = true;
      else if (c === 22) state.bold = false;
      else if (c === 7) state.inverse = true;
      else if (c === 27) state.inverse = false;
      else if (c === 39) state.fg = '';
      else if (c === 49) state.bg = '';
      else if (c === 38 || c === 48) {
        const take = codes[i + 1] === 5 ? 3 : 5;
        const value = codes.slice(i, i + take).join(';');
        if (c === 38) state.fg = value;
        else state.bg = value;
        i += take - 1;
      } else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) state.fg = String(c);
      else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) state.bg = String(c);
    }
  }
  return rows;
}

/** A cell's look as one comparable string. */
export const look = (cell: Cell): string => `${cell.fg}/${cell.bg}${cell.bold ? '/b' : ''}${cell.inverse ? '/r' : ''}`;
