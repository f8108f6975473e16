import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from '../e2e/tmux.js';
import { look, readScreen, type Cell } from './sgr.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const DECK = resolve('test/fixtures/theme/highlight.md');
const panes: Pane[] = [];

afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => stopServer());

/** Presents the deck in tmux with `env` and returns the screen's rows as cells once it shows. */
async function screen(env: Record<string, string>, args = ''): Promise<Cell[][]> {
  const pane = startPane(`node ${CLI} present ${DECK} ${args}`, { columns: 60, rows: 16 }, { TALKDECK_CACHE: 'off', ...env });
  panes.push(pane);
  await pane.waitFor('const third');
  return readScreen(pane.capture({ escapes: true }));
}

const row = (rows: Cell[][], text: string): Cell[] => rows.find((cells) => cells.map((c) => c.char).join('').includes(text))!;
const first = (cells: Cell[], char: string): Cell => cells.find((c) => c.char === char)!;
const before = (cells: Cell[], char: string): Cell => cells[cells.findIndex((c) => c.char === char) - 1]!;

describe('colours in a real terminal', () => {
  it('in a 256-colour terminal (tmux, no COLORTERM), the dark theme keeps its dark page and the right line highlighted', async () => {
    const rows = await screen({ TERM: 'xterm-256color', COLORTERM: '' });
    const page = row(rows, 'Line two')[0]!;
    const plain = first(row(rows, 'const first'), 'c');
    const lit = first(row(rows, 'const second'), 'c');
    // #1e1e2e, #181825 and #313244 at their perceptually nearest: near-black greys, in that order of lightness.
    expect(page.bg).toBe('48;5;234');
    expect(plain.bg).toBe('48;5;233');
    expect(lit.bg).toBe('48;5;236');
    expect(before(row(rows, 'const second'), 'c').char).toBe('▌');
  }, 20_000);

  it('under NO_COLOR the highlighted line keeps its marker, and nothing is coloured', async () => {
    const rows = await screen({ TERM: 'xterm-256color', NO_COLOR: '1' });
    expect(before(row(rows, 'const second'), 'c').char).toBe('▌');
    expect(before(row(rows, 'const first'), 'c').char).toBe(' ');
    expect(rows.flat().every((c) => c.fg === '' && c.bg === '')).toBe(true);
  }, 20_000);

  it('the terminal theme marks the highlighted line with its marker and bold', async () => {
    const rows = await screen({ TERM: 'xterm-256color' }, '--theme terminal');
    const lit = first(row(rows, 'const second'), 'c');
    const plain = first(row(rows, 'const first'), 'c');
    expect(before(row(rows, 'const second'), 'c').char).toBe('▌');
    expect(look(lit)).not.toBe(look(plain));
    expect(lit.bold).toBe(true);
  }, 20_000);
});
