import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
let dir = '';
const panes: Pane[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-images-'));
  for (const file of ['images.md', 'quadrants.png', 'quadrants.jpg', 'quadrants.webp']) copyFileSync(join('test/fixtures/features', file), join(dir, file));
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until `test` holds, polling; never a fixed sleep. */
async function until(test: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * Presents the image deck under a pseudo-terminal made by `script`, which records every byte
 * talkdeck writes: the first image slide, then the next slide, then quit.
 */
async function recordBytes(protocol: string): Promise<{ first: string; afterMove: string; afterQuit: string }> {
  const command = `cd ${dir} && TALKDECK_CACHE=off XDG_CONFIG_HOME=${dir}/none TERM=xterm-256color node ${CLI} images.md --image-protocol ${protocol}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let bytes = '';
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.toString('latin1')));
  const exited = new Promise<number | null>((done) => child.on('close', done));
  const drawn = { kitty: '\x1b_Ga=T,f=100', iterm2: '\x1b]1337;File=inline=1', sixel: '\x1bP0;1;q' }[protocol]!;
  try {
    // iTerm2 and sixel images are drawn after the frame: wait for one drawn after the latest frame's text
    // (a frame repainted after an image must draw the image again, or the test times out).
    await until(() => bytes.includes(drawn) && (protocol === 'kitty' || bytes.lastIndexOf(drawn) > bytes.lastIndexOf('Pictures')), `the ${protocol} image`);
    const first = bytes;
    child.stdin.write('\x1b[C');
    await until(() => bytes.length > first.length && bytes.slice(first.length).includes('Half as wide'), 'the second slide');
    await until(() => bytes.slice(first.length).includes(drawn), `the second slide's ${protocol} image`);
    const afterMove = bytes.slice(first.length);
    child.stdin.write('q');
    expect(await exited).toBe(0);
    return { first, afterMove, afterQuit: bytes.slice(first.length + afterMove.length) };
  } finally {
    child.kill();
  }
}

describe('images under a pseudo-terminal, byte for byte', () => {
  it('kitty: drawn over the box, deleted by id when the slide changes and on quit', async () => {
    const { first, afterMove, afterQuit } = await recordBytes('kitty');
    const id = /\x1b_Ga=T,f=100,t=d,i=(\d+),c=4,r=1,C=1,q=2/u.exec(first)![1];
    expect(afterMove).toContain(`\x1b_Ga=d,d=I,i=${id},q=2\x1b\\`);
    const ids = [...(afterMove + afterQuit).matchAll(/\x1b_Ga=T,f=100,t=d,i=(\d+)/gu)].map((m) => m[1]);
    for (const shown of ids) expect(afterQuit).toContain(`\x1b_Ga=d,d=I,i=${shown},q=2\x1b\\`);
    // Deleted before the main screen comes back.
    expect(afterQuit.lastIndexOf('\x1b_Ga=d')).toBeLessThan(afterQuit.lastIndexOf('\x1b[?1049l'));
  }, 40_000);

  it.each(['iterm2', 'sixel'])('%s: drawn after the frame, and painted over by the next one', async (protocol) => {
    const { first, afterMove } = await recordBytes(protocol);
    const marker = protocol === 'iterm2' ? '\x1b]1337;File=inline=1;' : '\x1bP0;1;q';
    // Drawn at its cell, cursor saved and restored around it, after the frame's text.
    expect(first).toMatch(new RegExp(`\\x1b7\\x1b\\[\\d+;\\d+H${marker.replace(/[[\]\\^$.|?*+()]/gu, '\\$&')}`, 'u'));
    expect(first.lastIndexOf(marker)).toBeGreaterThan(first.lastIndexOf('Pictures'));
    // The next slide's frame clears the screen before anything else is drawn: no residue.
    expect(afterMove.indexOf('\x1b[2J')).toBeGreaterThanOrEqual(0);
    expect(afterMove.indexOf('\x1b[2J')).toBeLessThan(afterMove.indexOf(marker));
  }, 40_000);
});

describe('images in tmux', () => {
  it('draws half blocks in colour where tmux passes no graphics through', async () => {
    const pane = startPane(`cd ${dir} && XDG_CONFIG_HOME=${dir}/none node ${CLI} images.md; sleep 60`, { columns: 80, rows: 24 });
    panes.push(pane);
    await pane.waitFor('Pictures');
    await until(() => pane.capture().includes('▀▀▀▀'), 'the half blocks');
    const painted = pane.capture({ escapes: true });
    // The red top-left quadrant over the blue one, as 256-colour cells.
    expect(painted).toMatch(/\x1b\[38;5;196m\x1b\[48;5;21m▀/u);
    pane.send('Right');
    await pane.waitFor('Half as wide');
    pane.send('Right');
    await pane.waitFor('Side by side');
    // The JPEG and the WebP, each in its column.
    await pane.waitFor(/▀+ +▀+/u);
  });

  it('shows the framed alt text under NO_COLOR', async () => {
    const pane = startPane(`cd ${dir} && NO_COLOR=1 XDG_CONFIG_HOME=${dir}/none node ${CLI} images.md; sleep 60`, { columns: 80, rows: 24 });
    panes.push(pane);
    await pane.waitFor('image: four colours');
  });
});
