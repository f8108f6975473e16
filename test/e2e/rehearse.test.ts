import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
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
    const screen = await pane.waitFor((s) => s.includes('1 / 21') && s.includes('Slide 1 / 21'));
    const row = screen.split('\n').find((line) => line.includes('Welcome to talkdeck') && line.includes('│'));
    expect(row).toBeDefined();
    expect(screen).toContain('Welcome everyone.');
    pane.send('q');
    // Quit for real before the next test presents the same deck (its notes channel is this deck's).
    await pane.waitFor(() => pane.format('#{pane_dead}') === '1');
  });

  it('s opens the source passages of the slide in context, Esc closes them', async () => {
    const pane = run(`present ${TOUR}`, { columns: 100, rows: 30 });
    await pane.waitFor('1 / 21');
    pane.send('8', 'Enter');
    await pane.waitFor('8 / 21');
    pane.send('s');
    const screen = await pane.waitFor('Sources of slide 8');
    expect(screen).toMatch(/\[1\] unikernels\/sources\/unikernels-are-unfit-for-production\.md:13/u);
    expect(screen).toMatch(/▶ +13 │So those are the reasons for unikernels/u);
    pane.send('Escape');
    await pane.waitFor((s) => s.includes('8 / 21') && !s.includes('Sources of slide'));
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

describe('talkdeck rehearse, with a deck folder from someone else and a deck edited meanwhile', () => {
  /** Rehearses `deck` in a pane that shows the exit code when talkdeck ends. */
  function rehearse(deck: string, args = ''): Pane {
    const pane = startPane(`sh -c 'node ${CLI} rehearse ${deck} ${args}; echo EXIT=$?; exec cat'`, { columns: 100, rows: 24 });
    panes.push(pane);
    return pane;
  }

  it('never appends to a file that .talkdeck/rehearsals.jsonl links to; says why the run was not logged', async () => {
    const folder = mkdtempSync(join(dir, 'linked-'));
    const deck = join(folder, 'four.md');
    copyFileSync('test/fixtures/e2e/four.md', deck);
    const bashrc = join(folder, 'bashrc');
    writeFileSync(bashrc, 'export PATH\n');
    mkdirSync(join(folder, '.talkdeck'), { mode: 0o700 });
    symlinkSync('../bashrc', join(folder, '.talkdeck', 'rehearsals.jsonl'));
    const pane = rehearse(deck);
    await pane.waitFor('1 / 4');
    pane.send('Right');
    await pane.waitFor('2 / 4');
    pane.send('q');
    const after = await pane.waitFor('EXIT=');
    expect(after).toContain('the rehearsal log could not be written');
    expect(after).toContain('is a symbolic link');
    expect(readFileSync(bashrc, 'utf8')).toBe('export PATH\n');
  });

  it('--apply writes each time on the slide it was spent on, after the deck was edited during the run', async () => {
    const deck = join(mkdtempSync(join(dir, 'edited-')), 'four.md');
    const original = readFileSync('test/fixtures/e2e/four.md', 'utf8');
    writeFileSync(deck, original);
    const pane = rehearse(deck, '--apply');
    await pane.waitFor('1 / 4');
    pane.send('Right', 'Right');
    await pane.waitFor('2 / 4');
    pane.send('Right');
    await pane.waitFor('3 / 4');
    pane.send('Right');
    await pane.waitFor('4 / 4');
    pane.send('Left');
    await pane.waitFor('3 / 4');
    // Saved during the rehearsal: a slide of code put first, Delta Four (rehearsed) removed.
    const code = '---\ntitle: Four Slides\n---\n\n# Code first\n\n```md\n# Gamma Three\n\n---\n```\n\n---\n\n';
    const edited = original.replace(/^---\ntitle: Four Slides\nauthor: Test Author\n---\n\n/u, code).replace(/\n---\n\n# Delta Four\n\nThe end\.\n?$/u, '\n');
    writeFileSync(deck, edited);
    // Reloaded: the presenter stays at the third slide, which is Beta Two now.
    await pane.waitFor((screen) => screen.includes('Beta Two') && screen.includes('3 / 4'));
    pane.send('q');
    const after = await pane.waitFor('EXIT=');
    expect(after).toContain('EXIT=0');
    expect(after).toMatch(/no longer in the deck: "Delta Four"/u);
    const times = readFileSync(deck, 'utf8');
    // The code block is untouched; every time directive sits under its own slide's title.
    expect(times).toContain('```md\n# Gamma Three\n\n---\n```');
    for (const title of ['Alpha One', 'Beta Two', 'Gamma Three']) expect(times).toMatch(new RegExp(`# ${title}\\n<!-- time: \\d+(?:s|m)[^>]*-->`, 'u'));
    expect(times).not.toMatch(/# Code first\n<!-- time/u);
  });
});
