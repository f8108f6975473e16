import chalk from 'chalk';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { layoutScreen, paintLines, printDeck } from '../../src/render/index.js';
import { loadTheme } from '../../src/theme/index.js';

const root = new URL('../../', import.meta.url);
const theme = loadTheme('dark', { themesDir: fileURLToPath(new URL('themes/', root)), cwd: fileURLToPath(root) });

/** Escape sequences talkdeck itself writes: SGR colours and OSC 8 hyperlinks to allowed URLs. */
const OWN_SEQUENCES = /\x1b\[[0-9;]*m|\x1b\]8;;(?:(?:https?|mailto):[\x21-\x7e]*)?\x1b\\/gu;
/** Any control byte a terminal would act on: C0 but newline, DEL, and C1. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]/u;

const ESC = '\x1b';
const PAYLOADS = [
  `${ESC}[2J${ESC}[H`, // clear screen, home
  `${ESC}]0;pwned${ESC}\\`, // OSC: window title
  `${ESC}]52;c;ZWNobyBoaQ==\x07`, // OSC 52: write the clipboard
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, // a hyperlink of its own
  `${ESC}P+q544e${ESC}\\`, // DCS
  '\x9b31m', // C1 CSI
  '\x9d0;t\x9c', // C1 OSC
  '\x07\x08\x7f', // BEL, BS, DEL
  '\u202eevil\u202c', // bidi override
];

function hostileDeck(payload: string): string {
  return [
    '---',
    `title: T${payload}`,
    '---',
    '',
    `# Head ${payload}`,
    '',
    `Text ${payload} **bold ${payload}** [link ${payload}](javascript:alert(1)) [ok](https://example.com/${payload})`,
    '',
    `- item ${payload}`,
    '',
    `| a${payload} | b |`,
    '|---|---|',
    `| ${payload} | c |`,
    '',
    '```sh',
    `echo "${payload}"`,
    '```',
    '',
    `![alt ${payload}](img${payload}.png)`,
    '',
    `<!-- notes: note ${payload} -->`,
    '',
  ].join('\n');
}

let level = chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

describe('no byte from a deck reaches the terminal as a control sequence', () => {
  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))('%s in every kind of content', (_name, payload) => {
    const deck = parseDeck(hostileDeck(payload), { file: 'hostile.md' });
    const frame = paintLines(
      layoutScreen({ deck, position: { slide: 0, step: 0 }, theme, columns: 80, rows: 30, elapsedMs: 0, hyperlinks: true }),
      80,
      theme.background,
    );
    const stripped = frame.replace(OWN_SEQUENCES, '').replace(/\r\n/gu, '\n');
    expect(stripped).not.toMatch(CONTROL);
    // Only http(s)/mailto targets become hyperlinks (OWN_SEQUENCES admits nothing else), and a
    // target never carries a raw control byte: those are percent-encoded.
    expect(frame).not.toMatch(/\x1b\]8;;javascript/u);
    for (const [, target] of frame.matchAll(/\x1b\]8;;([^\x1b]*)\x1b\\/gu)) expect(target).toMatch(/^((https?|mailto):[\x21-\x7e]*)?$/u);
    const printed = printDeck(deck, { width: 60 });
    expect(printed).not.toMatch(CONTROL);
  });
});

describe('any deck lays out at any size without throwing or spilling', () => {
  const size = fc.record({ columns: fc.integer({ min: 20, max: 300 }), rows: fc.integer({ min: 6, max: 100 }) });
  const piece = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('# ', '## ', '- ', '1. ', '> ', '> [!NOTE]', '```', '---', '|a|b|\n|-|-|\n|c|d|', '<!-- pause -->', '<!-- columns: 1 2 -->', '<!-- column: 1 -->', '<!-- jump_to_middle -->', '中文字符', '👩‍👩‍👧', 'e\u0301', '\t'),
  );
  const deckText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('\n'));

  it('stays within the terminal for random decks and sizes', () => {
    fc.assert(
      fc.property(deckText, size, (text, { columns, rows }) => {
        const deck = parseDeck(text, { file: 'random.md' });
        if (deck.slides.length === 0) return;
        const slide = deck.slides.length - 1;
        const lines = layoutScreen({ deck, position: { slide, step: deck.slides[slide]!.steps - 1 }, theme, columns, rows, elapsedMs: 0, hyperlinks: false });
        expect(lines).toHaveLength(rows);
        for (const line of lines) expect(stringWidth(line.map((s) => s.text).join(''))).toBeLessThanOrEqual(columns);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['deep nesting', `${'> '.repeat(200)}deep\n\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}`],
    ['a 100,000-character line', `# Long\n\n${'word '.repeat(20_000)}`],
    ['an unclosed fence', '# Code\n\n```js\nconst a = 1;\n'],
    ['thousands of list items', `# List\n\n${Array.from({ length: 5000 }, (_, i) => `- item ${i}`).join('\n')}`],
  ])('%s', (_name, text) => {
    const deck = parseDeck(text, { file: 'big.md' });
    for (const [columns, rows] of [[20, 6], [80, 24], [300, 100]] as const) {
      const lines = layoutScreen({ deck, position: { slide: 0, step: 0 }, theme, columns, rows, elapsedMs: 0, hyperlinks: false });
      expect(lines).toHaveLength(rows);
      for (const line of lines) expect(stringWidth(line.map((s) => s.text).join(''))).toBeLessThanOrEqual(columns);
    }
  });
});
