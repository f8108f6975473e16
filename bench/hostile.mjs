// Decks built to be slow to read: how long `talkdeck print` takes on each (wall time, with Node
// start-up), beside a deck of ordinary Markdown of about the same size. Part of `npm run bench`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const DECKS = [
  ['ordinary Markdown, 100 KB', () => Array.from({ length: 400 }, (_, i) => `Some *emphasis* and _more_ in paragraph ${i}, with a [link](https://example.org) and \`code\`.\n\n- a list item\n  - nested`).join('\n\n')],
  ['100,000 characters of `*a`', () => '*a'.repeat(50_000)],
  ['100,000 characters of `_a`', () => '_a'.repeat(50_000)],
  ['a list nested 500 deep (250 KB)', () => Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')],
  ['one line of 100,000 CJK characters', () => '中文字'.repeat(33_334)],
];

export async function benchHostile({ runs }) {
  mkdirSync('bench/.work', { recursive: true });
  const rows = [];
  for (const [name, make] of DECKS) {
    const path = `bench/.work/hostile.md`;
    writeFileSync(path, `# Slide\n\n${make()}\n`);
    const times = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      try {
        execFileSync('node', ['dist/talkdeck.cjs', 'print', path], { stdio: 'ignore', timeout: 300_000 });
      } catch {
        // Exit 1 when the deck has an error: what is measured is the time.
      }
      times.push(performance.now() - t0);
    }
    rows.push({ deck: name, 'print, median (ms)': median(times).toFixed(0) });
  }
  return rows;
}
