import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

/** The presenter's speaker keys (search, blank, pause, auto-advance) and its default theme, in a real terminal. */
const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const FOUR = resolve('test/fixtures/e2e/four.md');
const TALK = resolve('decks/unikernels/talk.md');
const panes: Pane[] = [];
let dir = '';

function run(command: string, env: Record<string, string> = {}, size = { columns: 80, rows: 24 }): Pane {
  const pane = startPane(command, size, env);
  panes.push(pane);
  return pane;
}

/** Polls until `ms` have passed, failing at once if the screen ever stops passing `check`. */
async function holdsFor(pane: Pane, ms: number, check: (screen: string) => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const screen = pane.capture();
    if (!check(screen)) throw new Error(`the screen changed:\n${screen}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function footerClock(screen: string): string {
  return /(\d\d:\d\d)\s*$/u.exec(screen.trimEnd())?.[1] ?? '';
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-speaker-'));
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('search in the presenter', () => {
  it('shows a prompt as soon as / is pressed, marks the matches and lands on the step that shows them', async () => {
    const pane = run(`node ${CLI} present ${FOUR}`);
    await pane.waitFor('1 / 4');
    pane.send('/');
    await pane.waitFor((s) => s.includes('Search: /▏') && s.includes('Esc cancels'));
    pane.type('revealed');
    // A live count while typing.
    await pane.waitFor('Search: /revealed▏ 1 slide match');
    pane.send('Enter');
    // "Revealed later." comes with the slide's second step: the jump shows it.
    const screen = await pane.waitFor((s) => s.includes('2 / 4') && s.includes('Revealed later.'));
    expect(screen).toContain('"revealed": match 1 of 1');
    // The match is marked (the theme's search colours, underlined so it shows without colours too); the rest of the line is not.
    const painted = pane.capture({ escapes: true });
    const row = painted.split('\n').find((line) => line.includes('Revealed') && line.includes('later.'))!;
    const underline = /\x1b\[(?:[0-9;]*;)?4(?:;[0-9;]*)?m/u;
    expect(row).toMatch(new RegExp(`${underline.source}(\\x1b\\[[0-9;]*m)*Revealed`, 'u'));
    expect(row.slice(row.indexOf('Revealed') + 8)).not.toMatch(underline);
    pane.send('q');
  });
});

describe('blank screen, pause and auto-advance', () => {
  it('b blanks the screen and any key brings the slide back where it was', async () => {
    const pane = run(`node ${CLI} present ${FOUR}`);
    await pane.waitFor('1 / 4');
    pane.send('Right');
    await pane.waitFor('2 / 4');
    pane.send('b');
    await pane.waitFor((s) => s.trim() === '');
    // Pausing keeps it dark; another key shows the slide again without moving.
    pane.send('t');
    await holdsFor(pane, 300, (s) => s.trim() === '');
    pane.send('Right');
    const back = await pane.waitFor('2 / 4');
    expect(back).toContain('Beta Two');
    expect(back).toContain('paused');
    pane.send('q');
  });

  it('--auto-advance moves on by itself; t stops it and the clock, and t again resumes both', async () => {
    const pane = run(`node ${CLI} present ${FOUR} --auto-advance 1`);
    await pane.waitFor((s) => s.includes('1 / 4') && s.includes('auto-advance: the next slide every 1 s'));
    await pane.waitFor('2 / 4', 5000);
    pane.send('t');
    const paused = await pane.waitFor('paused: the clock is stopped');
    const slide = /(\d) \/ 4/u.exec(paused)![1];
    const clock = footerClock(paused);
    // Two seconds paused: twice the slide's time, and the clock's seconds would have moved.
    await holdsFor(pane, 2000, (s) => s.includes(`${slide} / 4`) && footerClock(s) === clock);
    pane.send('t');
    await pane.waitFor(`${Number(slide) + 1} / 4`, 5000);
    await pane.waitFor('4 / 4', 5000);
    pane.send('q');
  });

  it('--auto-advance ignite says what Ignite is and that the deck is not 20 slides', async () => {
    const pane = run(`node ${CLI} present ${FOUR} --auto-advance ignite`, {}, { columns: 120, rows: 24 });
    await pane.waitFor('every 15 s; t pauses (Ignite: 20 slides × 15 s; this deck has 4)');
    pane.send('q');
  });
});

describe('the default theme follows the terminal background', () => {
  /** The 256-colour background of the slide's rows, as tmux shows it. */
  const background = (pane: Pane) => /\x1b\[(?:[0-9;]*;)?48;5;(\d+)m/u.exec(pane.capture({ escapes: true }))?.[1];
  // The dark theme's background is 234 at 256 colours, the light theme's 231.
  const DARK = '234';
  const LIGHT = '231';

  it('asks the terminal with OSC 11 (tmux answers from window-style), and --theme still wins', async () => {
    // The pane sets its own background (tmux then answers OSC 11 with it) before talkdeck starts.
    const pane = run(`sh -c 'tmux -L talkdeck-test-${process.pid} set-option window-style bg=#fafafa; node ${CLI} present ${TALK}'`, { TALKDECK_CACHE: 'off' });
    await pane.waitFor(/ 1 \/ \d+ /u);
    expect(background(pane)).toBe(LIGHT);
    pane.send('q');
    const chosen = run(`sh -c 'tmux -L talkdeck-test-${process.pid} set-option window-style bg=#fafafa; node ${CLI} present ${TALK} --theme dark'`, { TALKDECK_CACHE: 'off' });
    await chosen.waitFor(/ 1 \/ \d+ /u);
    expect(background(chosen)).toBe(DARK);
    chosen.send('q');
  });

  it('falls back on COLORFGBG when the terminal does not say', async () => {
    const pane = run(`node ${CLI} present ${TALK}`, { COLORFGBG: '0;15', TALKDECK_CACHE: 'off' });
    await pane.waitFor(/ 1 \/ \d+ /u);
    expect(background(pane)).toBe(LIGHT);
    pane.send('q');
    const dark = run(`node ${CLI} present ${TALK}`, { COLORFGBG: '15;0', TALKDECK_CACHE: 'off' });
    await dark.waitFor(/ 1 \/ \d+ /u);
    expect(background(dark)).toBe(DARK);
    dark.send('q');
  });

  it('leaves no reply on the screen or in the shell, even when quit at once, from the start cache too', async () => {
    const deck = join(dir, 'talk.md');
    copyFileSync(FOUR, deck);
    for (const round of [1, 2, 3]) {
      // `cat -v` shows whatever reaches the shell after the presenter quits; END, typed after, marks the end of it.
      const pane = run(`sh -c 'tmux -L talkdeck-test-${process.pid} set-option window-style bg=#fafafa; node ${CLI} present ${deck}; echo EXIT=$?; exec cat -v'`);
      // The first round quits as soon as the slide shows, the others from the start cache's frame.
      await pane.waitFor('1 / 4');
      pane.send('q');
      await pane.waitFor('EXIT=0');
      pane.type('END');
      pane.send('Enter');
      const after = await pane.waitFor(/END\n.*END/su);
      expect(after, `round ${round}`).not.toMatch(/\^\[|rgb:|11;/u);
      expect(after.split('\n').filter((line) => line.trim() !== '')).toEqual(['EXIT=0', 'END', 'END']);
    }
  });
});

describe('export to standard output', () => {
  it('refuses PDF and PPTX bytes on a terminal, saying how to pipe or redirect them', async () => {
    const pane = run(`sh -c 'node ${CLI} export ${FOUR} -f pptx -o -; echo EXIT=$?; exec cat'`, {}, { columns: 160, rows: 10 });
    const screen = await pane.waitFor('EXIT=');
    expect(screen).toContain('EXIT=2');
    expect(screen).toContain('-o - would print pptx bytes on the terminal; pipe it (-o - | …), redirect it (-o - > talk.pptx) or name a file');
    expect(screen).not.toContain('PK');
  });
});

describe('rehearsal log', () => {
  it('a paused rehearsal does not count the pause', async () => {
    const deck = join(dir, 'pause.md');
    copyFileSync(FOUR, deck);
    const pane = run(`sh -c 'node ${CLI} rehearse ${deck}; echo EXIT=$?; exec cat'`);
    await pane.waitFor('1 / 4');
    pane.send('t');
    await pane.waitFor('paused');
    await holdsFor(pane, 2000, (s) => s.includes('paused'));
    pane.send('t', 'Right', 'Right', 'Right', 'Right');
    await pane.waitFor('4 / 4');
    pane.send('q');
    await pane.waitFor('EXIT=0');
    const log = readFileSync(join(dir, '.talkdeck', 'rehearsals.jsonl'), 'utf8').trim().split('\n');
    const run1 = JSON.parse(log.at(-1)!);
    expect(run1.final).toBe(true);
    expect(run1.aborted).toBeUndefined();
    // Two seconds paused on the first slide, not counted.
    expect(run1.slides[0].seconds).toBeLessThan(1.5);
  });
});
