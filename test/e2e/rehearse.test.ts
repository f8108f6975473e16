import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.js');
const TOUR = resolve('decks/tour.md');
let dir = '';
const panes: Pane[] = [];

function run(args: string, size = { columns: 80, rows: 24 }): Pane {
  const pane = startPane(`node ${CLI} ${args}`, size);
  panes.push(pane);
  return pane;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-rehearse-'));
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('presenter views', () => {
  it('--presenter shows the slide and its notes side by side', async () => {
    const pane = run(`present ${TOUR} --presenter`, { columns: 160, rows: 30 });
    const screen = await pane.waitFor((s) => s.includes('1 / 20') && s.includes('Slide 1 / 20'));
    const row = screen.split('\n').find((line) => line.includes('Welcome to talkdeck') && line.includes('│'));
    expect(row).toBeDefined();
    expect(screen).toContain('Welcome everyone.');
    pane.send('q');
  });

  it('s opens the source passages of the slide in context, Esc closes them', async () => {
    const pane = run(`present ${TOUR}`, { columns: 100, rows: 30 });
    await pane.waitFor('1 / 20');
    pane.send('8', 'Enter');
    await pane.waitFor('8 / 20');
    pane.send('s');
    const screen = await pane.waitFor('Sources of slide 8');
    expect(screen).toMatch(/\[1\] unikernels\/sources\/unikernels-are-unfit-for-production\.md:13/u);
    expect(screen).toMatch(/▶ +13 │So those are the reasons for unikernels/u);
    pane.send('Escape');
    await pane.waitFor((s) => s.includes('8 / 20') && !s.includes('Sources of slide'));
    pane.send('q');
  });
});

describe('talkdeck rehearse', () => {
  it('shows the rehearsal bar with pacing in words, logs the run and applies the times', async () => {
    const deck = join(dir, 'four.md');
    copyFileSync('test/fixtures/e2e/four.md', deck);
    const pane = startPane(`sh -c 'node ${CLI} rehearse ${deck} --minutes 2 --apply; echo EXIT=$?; exec cat'`, { columns: 80, rows: 24 });
    panes.push(pane);
    const screen = await pane.waitFor((s) => s.includes('1 / 4') && /on track|ahead|behind/u.test(s));
    expect(screen).toMatch(/⏱/u);
    pane.send('Right');
    await pane.waitFor('2 / 4');
    pane.send('q');
    const after = await pane.waitFor('EXIT=');
    expect(after).toContain('EXIT=0');
    // Quit on the second of four slides: logged, as aborted.
    expect(after).toMatch(/rehearsal stopped before the last of 4 slides: .* as aborted/su);
    const log = join(dir, '.talkdeck', 'rehearsals.jsonl');
    expect(existsSync(log)).toBe(true);
    const last = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ final: true, aborted: true, slides: expect.any(Array) });
    expect(last.slides[0].visits).toBe(1);
    expect(readFileSync(deck, 'utf8')).toMatch(/<!-- time: \d+s -->/u);
    // The report lists the run but takes no median from it, unless asked.
    const report = (...args: string[]) => execFileSync('node', [CLI, 'report', deck, ...args], { encoding: 'utf8' });
    expect(report()).toContain('1 run, 1 aborted (left out: --include-aborted); none to take medians of');
    expect(report('--include-aborted')).toContain('1 run, 1 aborted (counted); medians of the last 1');
  });
});
