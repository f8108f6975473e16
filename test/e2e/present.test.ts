import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const FOUR = resolve('test/fixtures/e2e/four.md');

let workDir = '';
const panes: Pane[] = [];

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'talkdeck-e2e-'));
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(workDir, { recursive: true, force: true });
});

/**
 * Runs the presenter inside a shell that prints a marker before, and the exit code and the
 * terminal modes after, so the test can see the terminal it leaves behind.
 */
function present(deck: string, size = { columns: 80, rows: 24 }, args = '', env: Record<string, string> = {}): Pane {
  const script = join(workDir, `run-${panes.length}-${Date.now()}.sh`);
  writeFileSync(
    script,
    [
      "printf 'BEFORE-MARK\\n'",
      `node ${CLI} present ${deck} ${args}`,
      'echo "EXIT=$?"',
      // The terminal modes left behind, on one line: "icanon echo" when cooked.
      "stty -a | tr ' ;' '\\n\\n' | grep -Ex -- '-?(icanon|echo)' | tr '\\n' ' '",
      'echo',
      'exec cat',
    ].join('\n'),
  );
  const pane = startPane(`sh ${script}`, size, env);
  panes.push(pane);
  return pane;
}

/** The terminal after the presenter ended: main screen, cursor visible, cooked mode with echo. */
async function expectRestored(pane: Pane, exitCode: number): Promise<void> {
  const screen = await pane.waitFor(/EXIT=\d+[\s\S]*echo/u);
  expect(screen).toContain(`EXIT=${exitCode}`);
  expect(screen).toContain('BEFORE-MARK');
  expect(pane.format('#{alternate_on}')).toBe('0');
  expect(pane.format('#{cursor_flag}')).toBe('1');
  const modes = screen.split('\n').find((line) => /icanon/u.test(line)) ?? '';
  expect(modes.split(/\s+/u)).toContain('icanon');
  expect(modes.split(/\s+/u)).toContain('echo');
}

describe('talkdeck present in a real terminal', () => {
  it('shows the first slide full-screen on the alternate screen, with a footer', async () => {
    const pane = present(FOUR);
    const screen = await pane.waitFor('1 / 4');
    expect(screen).toContain('Alpha One');
    expect(screen).toContain('Four Slides');
    expect(screen).not.toContain('BEFORE-MARK');
    expect(pane.format('#{alternate_on}')).toBe('1');
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('navigates: steps first, then slides; back; last; first; jump by number', async () => {
    const pane = present(FOUR);
    await pane.waitFor('1 / 4');
    pane.send('Right');
    await pane.waitFor((s) => s.includes('2 / 4') && s.includes('Shown at once.') && !s.includes('Revealed later.'));
    pane.send('Space');
    await pane.waitFor((s) => s.includes('2 / 4') && s.includes('Revealed later.'));
    pane.send('j');
    await pane.waitFor('3 / 4');
    pane.send('Left');
    await pane.waitFor((s) => s.includes('2 / 4') && s.includes('Revealed later.'));
    pane.send('End');
    await pane.waitFor('4 / 4');
    pane.send('Home');
    await pane.waitFor('1 / 4');
    pane.send('3', 'Enter');
    await pane.waitFor((s) => s.includes('3 / 4') && s.includes('Gamma Three'));
    pane.send('G');
    await pane.waitFor('4 / 4');
    pane.send('g', 'g');
    await pane.waitFor('1 / 4');
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('opens the overview, help and search', async () => {
    const pane = present(FOUR);
    await pane.waitFor('1 / 4');
    pane.send('o');
    await pane.waitFor((s) => s.includes('Gamma Three') && s.includes('Delta Four') && s.includes('Beta Two'));
    pane.send('Down', 'Down', 'Enter');
    await pane.waitFor((s) => s.includes('3 / 4') && s.includes('debugging with DTrace'));
    pane.send('?');
    await pane.waitFor('overview of slides');
    pane.send('Escape');
    await pane.waitFor('3 / 4');
    pane.send('g');
    await pane.waitFor('1 / 4');
    pane.send('/');
    pane.type('end');
    pane.send('Enter');
    await pane.waitFor((s) => s.includes('4 / 4') && s.includes('The end.'));
    pane.send('C-c');
    await expectRestored(pane, 0);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ])('restores the terminal on %s', async (signal, code) => {
    const pane = present(FOUR);
    await pane.waitFor('1 / 4');
    const shell = pane.format('#{pane_pid}');
    const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    process.kill(Number(node), signal as NodeJS.Signals);
    await expectRestored(pane, code);
  });

  it.each([
    ['an uncaught exception', 'throw new Error("boom")'],
    ['an unhandled rejection', 'Promise.reject(new Error("boom"))'],
  ])('restores the terminal after %s', async (_what, fault) => {
    // The fault is injected into the real presenter process from outside, after it is on screen.
    const preload = join(workDir, `fault-${panes.length}.cjs`);
    writeFileSync(preload, `setTimeout(() => { ${fault}; }, 1500);\n`);
    const pane = present(FOUR, { columns: 80, rows: 24 }, '', { NODE_OPTIONS: `--require ${preload}` });
    await pane.waitFor('1 / 4');
    await expectRestored(pane, 70);
    expect(pane.capture()).toContain('internal error: boom');
  });

  it('re-lays out on resize, and says when the terminal is too small', async () => {
    const pane = present(FOUR, { columns: 80, rows: 24 });
    await pane.waitFor('1 / 4');
    pane.resize(50, 14);
    await pane.waitFor((s) => s.includes('1 / 4') && s.split('\n').every((line) => line.length <= 50));
    pane.resize(16, 5);
    await pane.waitFor((s) => s.replace(/\s+/gu, ' ').includes('too small'));
    pane.resize(80, 24);
    await pane.waitFor((s) => s.includes('Alpha One') && s.includes('1 / 4'));
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('paints exactly the slide after an overlay closes and after a resize, as a whole repaint does', async () => {
    const pane = present(FOUR, { columns: 80, rows: 24 });
    // Every cell with its colours; the talk's clock masked.
    const screen = () => pane.capture({ escapes: true }).replace(/\d\d:\d\d/gu, 'MM:SS');
    const on = (slide: number) => (s: string) => s.includes(`${slide} / 4`) && !s.includes('Keys');
    await pane.waitFor('1 / 4');
    pane.send('3', 'Enter');
    await pane.waitFor(on(3));
    const third = screen();
    // Painted whole: a resize away and back.
    pane.resize(60, 20);
    await pane.waitFor((s) => s.includes('3 / 4') && s.split('\n').length <= 21);
    pane.resize(80, 24);
    await pane.waitFor((s) => on(3)(s) && s.split('\n').some((line) => line.length > 60));
    expect(screen()).toBe(third);
    // Changed rows only, after the help and the overview covered the whole screen.
    for (const overlay of ['?', 'o']) {
      pane.send('g');
      await pane.waitFor(on(1));
      pane.send(overlay);
      await pane.waitFor((s) => !s.includes('1 / 4'));
      pane.send('Escape');
      await pane.waitFor(on(1));
      pane.send('3', 'Enter');
      await pane.waitFor(on(3));
      expect(screen()).toBe(third);
    }
    // And after a resize, from the slide before it.
    pane.resize(70, 22);
    await pane.waitFor((s) => on(3)(s) && s.split('\n').length <= 23);
    pane.resize(80, 24);
    await pane.waitFor((s) => on(3)(s) && s.split('\n').some((line) => line.length > 70));
    pane.send('Left');
    await pane.waitFor(on(2));
    pane.send('Right');
    await pane.waitFor(on(3));
    expect(screen()).toBe(third);
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('reloads a changed deck on the same slide, and keeps the last good deck when it breaks', async () => {
    const deck = join(workDir, 'live.md');
    copyFileSync(FOUR, deck);
    const pane = present(deck);
    await pane.waitFor('1 / 4');
    pane.send('3', 'Enter');
    await pane.waitFor('Gamma Three');
    // An editor's save: write a new file and rename it over the old one.
    writeFileSync(`${deck}.new`, readFileSync(FOUR, 'utf8').replace('Gamma Three', 'Gamma Edited'));
    renameSync(`${deck}.new`, deck);
    await pane.waitFor((s) => s.includes('Gamma Edited') && s.includes('3 / 4'));
    writeFileSync(deck, `${readFileSync(deck, 'utf8')}\n<!-- bogus_directive -->\n`);
    await pane.waitFor((s) => s.includes('not reloaded') && s.includes('Gamma Edited'));
    pane.send('q');
    await expectRestored(pane, 0);
  });
});

describe('live reload under stress', () => {
  it('survives rapid saves, a deleted and re-created file, and keeps the last good deck meanwhile', async () => {
    const deck = join(workDir, 'stress.md');
    copyFileSync(FOUR, deck);
    const pane = present(deck);
    await pane.waitFor('1 / 4');
    pane.send('2', 'Enter');
    await pane.waitFor('Beta Two');
    const original = readFileSync(FOUR, 'utf8');
    for (let i = 0; i < 25; i++) writeFileSync(deck, original.replace('Beta Two', `Beta Save ${i}`));
    await pane.waitFor((s) => s.includes('Beta Save 24') && s.includes('2 / 4'));
    rmSync(deck);
    await pane.waitFor((s) => s.includes('not reloaded') && s.includes('Beta Save 24'));
    writeFileSync(deck, original.replace('Beta Two', 'Beta Reborn'));
    await pane.waitFor((s) => s.includes('Beta Reborn') && !s.includes('not reloaded'));
    pane.send('q');
    await expectRestored(pane, 0);
  });
});

describe('the first frame from the frame cache', () => {
  it('paints from the cache while nothing changed, and never from a stale entry', async () => {
    const dir = mkdtempSync(join(workDir, 'cache-'));
    const deck = join(dir, 'deck.md');
    const part = join(dir, 'part.md');
    const theme = join(dir, 'theme.yaml');
    const trace = join(dir, 'trace.log');
    // Saved a while ago: what was written in the last second before a launch is not kept from it.
    const save = (path: string, text: string) => {
      writeFileSync(path, text);
      const before = new Date(Date.now() - 10_000);
      utimesSync(path, before, before);
    };
    save(deck, '---\ntitle: Cached Deck\n---\n\n# Cached Slide\n\n<!-- include: part.md -->\n\n---\n\n# Second\n');
    save(part, 'Part version one.\n');
    save(theme, 'extends: dark\nheadings:\n  h1: { fg: "#ff8800", bold: true }\n');
    const env = { TALKDECK_CACHE_DIR: join(dir, 'cache'), TALKDECK_TRACE: trace };
    /** Presents the deck until Ink has taken over; whether the first frame came from the cache. */
    const launch = async (expected: string, size = { columns: 80, rows: 24 }): Promise<{ cached: boolean; screen: string }> => {
      rmSync(trace, { force: true });
      const pane = present(deck, size, `--theme ${theme}`, env);
      await pane.waitFor((s) => s.includes('1 / 2') && s.includes(expected));
      // Ink's first frame comes after the cache is written (cold) or read (warm).
      await vi.waitFor(() => expect(readFileSync(trace, 'utf8')).toMatch(/^frame /mu), { timeout: 10000, interval: 20 });
      const first = /^first-frame \S+( cached)?$/mu.exec(readFileSync(trace, 'utf8'));
      const screen = pane.capture({ escapes: true });
      pane.send('q');
      await expectRestored(pane, 0);
      return { cached: Boolean(first?.[1]), screen };
    };
    const cold = await launch('Part version one.');
    expect(cold.cached).toBe(false);
    const warm = await launch('Part version one.');
    expect(warm.cached).toBe(true);
    // Ink repaints over the cached frame: what stays on screen is the same picture either way.
    expect(warm.screen).toBe(cold.screen);

    save(part, 'Part version two.\n');
    expect((await launch('Part version two.')).cached).toBe(false);
    expect((await launch('Part version two.')).cached).toBe(true);
    save(theme, 'extends: dark\nheadings:\n  h1: { fg: "#00ff88", bold: true }\n');
    expect((await launch('Part version two.')).cached).toBe(false);
    save(deck, readFileSync(deck, 'utf8').replace('Cached Slide', 'Edited Slide'));
    expect((await launch('Edited Slide')).cached).toBe(false);
    expect((await launch('Edited Slide', { columns: 100, rows: 30 })).cached).toBe(false);
    expect((await launch('Edited Slide', { columns: 100, rows: 30 })).cached).toBe(true);
  });
});

describe('the first frame after an edit of a later slide', () => {
  it("paints the first slide kept under the outline's key, before the parser is loaded, and misses when slide 1 or the count changed", async () => {
    const dir = mkdtempSync(join(workDir, 'outline-'));
    const deck = join(dir, 'deck.md');
    const trace = join(dir, 'trace.log');
    const save = (text: string) => {
      writeFileSync(deck, text);
      const before = new Date(Date.now() - 10_000);
      utimesSync(deck, before, before);
    };
    const text = '---\ntitle: Outlined Deck\n---\n\n# First Slide\n\nUnchanged.\n\n---\n\n# Second\n\n- a point\n';
    save(text);
    const env = { TALKDECK_CACHE_DIR: join(dir, 'cache'), TALKDECK_TRACE: trace };
    /** Presents the deck until Ink has taken over: how the first frame came, and the screen. */
    const launch = async (count: number): Promise<{ how: string; screen: string; beforeParse: boolean }> => {
      rmSync(trace, { force: true });
      const pane = present(deck, { columns: 80, rows: 24 }, '', env);
      await pane.waitFor((s) => s.includes(`1 / ${count}`) && s.includes('First Slide'));
      await vi.waitFor(() => expect(readFileSync(trace, 'utf8')).toMatch(/^frame /mu), { timeout: 10000, interval: 20 });
      const log = readFileSync(trace, 'utf8');
      const first = /^first-frame (\S+)(?: (\w+))?$/mu.exec(log);
      const parsed = /^mark (\S+) deck$/mu.exec(log);
      const screen = pane.capture({ escapes: true });
      pane.send('q');
      await expectRestored(pane, 0);
      return { how: first?.[2] ?? 'painted', screen, beforeParse: Number(first?.[1]) < Number(parsed?.[1]) };
    };
    const cold = await launch(2);
    expect(cold.how).toBe('painted');
    save(text.replace('- a point', '- a point, edited\n- and one more'));
    const edited = await launch(2);
    expect(edited).toEqual({ how: 'outline', screen: cold.screen, beforeParse: true });
    // The same deck again: now kept under its files too.
    expect((await launch(2)).how).toBe('cached');
    save(`${text}\n---\n\n# Third\n`);
    expect((await launch(3)).how).toBe('painted');
    save(text.replace('Unchanged.', 'Changed.'));
    expect((await launch(2)).how).toBe('painted');
  });
});

describe('keys pressed before the presenter has loaded', () => {
  /** Presents FOUR from a warm start cache (a first launch fills it), tracing to a file. */
  const presentWarm = async () => {
    const dir = mkdtempSync(join(workDir, 'early-'));
    const deck = join(dir, 'four.md');
    writeFileSync(deck, readFileSync(FOUR, 'utf8'));
    const before = new Date(Date.now() - 10_000);
    utimesSync(deck, before, before);
    const trace = join(dir, 'trace.log');
    const env = { TALKDECK_CACHE_DIR: join(dir, 'cache'), TALKDECK_TRACE: trace };
    const first = present(deck, { columns: 80, rows: 24 }, '', env);
    await first.waitFor('1 / 4');
    await vi.waitFor(() => expect(readFileSync(trace, 'utf8')).toMatch(/^frame /mu), { timeout: 10000, interval: 20 });
    first.send('q');
    await expectRestored(first, 0);
    rmSync(trace);
    const pane = present(deck, { columns: 80, rows: 24 }, '', env);
    await pane.waitFor('1 / 4');
    const read = () => readFileSync(trace, 'utf8');
    return { pane, read, inkFrame: () => vi.waitFor(() => expect(read()).toMatch(/^frame /mu), { timeout: 10000, interval: 20 }) };
  };

  it('moves through steps and slides at once, and the presenter carries on from there', async () => {
    const { pane, read, inkFrame } = await presentWarm();
    pane.send('Right', 'Right', 'Right');
    await pane.waitFor('Gamma Three');
    await inkFrame();
    expect(read()).toMatch(/^first-frame \S+ cached$/mu);
    expect(read().match(/^mark \S+ early-key$/gmu)?.length).toBe(3);
    pane.send('Left');
    await pane.waitFor((s) => s.includes('2 / 4') && s.includes('Revealed later.'));
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('leaves any other key, and the keys after it, to the presenter in order', async () => {
    const { pane, inkFrame } = await presentWarm();
    // Right is answered at once; `o` opens the overview once the presenter reads it, and Down
    // then moves its selection from slide 2 to slide 3.
    pane.send('Right', 'o', 'Down');
    await inkFrame();
    await pane.waitFor(/▶\s+3\s+Gamma Three/u);
    pane.send('Enter');
    await pane.waitFor('3 / 4');
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('quits at once on q', async () => {
    const { pane } = await presentWarm();
    pane.send('q');
    await expectRestored(pane, 0);
  });
});

describe('a big deck on a cold start', () => {
  /**
   * Presents a 3,000-slide deck (over 256 KB) with the start cache off; `extra` goes into slide 2501.
   * `trace()` reads the presenter's trace, `inkFrame()` waits until Ink has painted.
   */
  const presentBig = (extra: string) => {
    const dir = mkdtempSync(join(workDir, 'big-'));
    const deck = join(dir, 'big.md');
    const trace = join(dir, 'trace.log');
    const slides = Array.from({ length: 3000 }, (_, i) => `# Big ${i + 1}\n\n- point one of slide ${i + 1}\n- point two of slide ${i + 1}, long enough that the deck passes a quarter of a megabyte\n${i === 2500 ? extra : ''}`);
    writeFileSync(deck, `---\ntitle: Big Deck\n---\n\n${slides.join('\n---\n\n')}`);
    const pane = present(deck, { columns: 80, rows: 24 }, '', { TALKDECK_CACHE: 'off', TALKDECK_TRACE: trace });
    const read = () => readFileSync(trace, 'utf8');
    const inkFrame = () => vi.waitFor(() => expect(read()).toMatch(/^frame /mu), { timeout: 10000, interval: 20 });
    return { pane, trace: read, inkFrame };
  };
  const HEAD_FRAME = /^first-frame \S+ head$/mu;

  it('paints the first slide from a parse of that slide alone, then presents the whole deck', async () => {
    const { pane, trace, inkFrame } = presentBig('');
    await pane.waitFor((s) => s.includes('Big 1') && s.includes('1 / 3000'));
    await inkFrame();
    expect(trace()).toMatch(HEAD_FRAME);
    pane.send('G');
    await pane.waitFor((s) => s.includes('Big 3000') && s.includes('3000 / 3000'));
    pane.send('q');
    await expectRestored(pane, 0);
  });

  it('gives the terminal back before reporting a problem found past the first slide', async () => {
    // A problem only building the slide finds: the first-slide parse does not see it.
    const { pane, trace } = presentBig('<!-- column: 0 -->\n');
    const screen = await pane.waitFor(/EXIT=\d+[\s\S]*echo/u);
    expect(trace()).toMatch(HEAD_FRAME);
    expect(screen.replace(/\n/gu, '')).toMatch(/big\.md:\d+:\d+: error: .*column layout first/u);
    await expectRestored(pane, 1);
  });

  it('leaves the early frame to print a warning, then presents', async () => {
    const { pane, trace, inkFrame } = presentBig('<!-- columns: 1 1 -->\nBefore any column.\n<!-- column: 0 -->\nIn a column.\n');
    await inkFrame();
    expect(trace()).toMatch(HEAD_FRAME);
    await pane.waitFor((s) => s.includes('Big 1') && s.includes('1 / 3000'));
    expect(pane.format('#{alternate_on}')).toBe('1');
    pane.send('q');
    const screen = await pane.waitFor(/EXIT=\d+[\s\S]*echo/u);
    expect(screen.replace(/\n/gu, '')).toMatch(/big\.md:\d+:\d+: warning: .*before the first/u);
    await expectRestored(pane, 0);
  });
});

describe('talkdeck present without a terminal', () => {
  it('exits 2 with a clear message when stdout is not a terminal', () => {
    const result = spawnSync('node', [CLI, 'present', FOUR], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toContain('talkdeck print');
  });
});

describe('talkdeck print and check', () => {
  it('prints every slide as plain text without escape sequences', () => {
    const result = spawnSync('node', [CLI, 'print', FOUR], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const title of ['Alpha One', 'Beta Two', 'Gamma Three', 'Delta Four', 'Revealed later.', 'Say hello.']) {
      expect(result.stdout).toContain(title);
    }
    expect(result.stdout).not.toMatch(/\x1b/u);
  });

  it('lists overflowing slides by number and exits 1', () => {
    const result = spawnSync('node', [CLI, 'check', 'test/fixtures/e2e/overflow.md', '--size', '80x24'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/slide 2 \("Too Long"\) overflows 80x24/u);
    expect(result.stderr).not.toMatch(/slide 1 /u);
  });

  it('passes a deck that fits', () => {
    const result = spawnSync('node', [CLI, 'check', FOUR, '--size', '80x24'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('names the missing file without a stack trace', () => {
    const result = spawnSync('node', [CLI, 'print', 'nope.md'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nope\.md/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });
});
