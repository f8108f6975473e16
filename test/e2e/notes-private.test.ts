import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { secondUser, withPeer } from '../second-user.js';
import { startPane, stopServer, TEST_RUNTIME_DIR, type Pane } from './tmux.js';

/**
 * The notes channel is private: another local user can neither read where the talk is, nor move or
 * end a follower, nor stand in for the presenter. The presenter and its follower run as the test's
 * user (root); the attacker, a real second user made with useradd, runs test/fixtures/e2e/
 * notes-attacker.mjs through setpriv for a while, and the follower's screen is watched the whole
 * time.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const ATTACKER = resolve('test/fixtures/e2e/notes-attacker.mjs');
const peer = secondUser();
const panes: Pane[] = [];
let dir = '';
let deck = '';

beforeAll(() => {
  // A deck the other user may read: a deck folder is often shared; the channel must not be.
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-notes-private-'));
  chmodSync(dir, 0o755);
  deck = join(dir, 'four.md');
  copyFileSync('test/fixtures/e2e/four.md', deck);
  chmodSync(deck, 0o644);
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string, size = { columns: 100, rows: 30 }): Pane {
  const pane = startPane(`node ${CLI} ${args}`, size);
  panes.push(pane);
  return pane;
}

describe('the notes channel, against another local user', () => {
  it.skipIf(peer === null)(withPeer('another user can neither read the positions, nor move or end the follower, nor stand in for the presenter', peer), async () => {
    const presenter = run(`present ${deck}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 4');
    const follower = run(`notes ${deck}`);
    await follower.waitFor('Slide 1 / 4');

    const attacker = spawn(peer!.prefix[0]!, [...peer!.prefix.slice(1), process.execPath, ATTACKER, deck, join(TEST_RUNTIME_DIR, 'talkdeck'), '1500'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    attacker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    attacker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const finished = new Promise<void>((done) => attacker.on('close', () => done()));
    let over = false;
    void finished.then(() => (over = true));

    // Every screen the follower shows while the attacker is at it: never its slide, never an end.
    const screens: string[] = [];
    while (!over) {
      screens.push(follower.capture());
      await new Promise((done) => setTimeout(done, 25));
    }
    expect(screens.length).toBeGreaterThan(10);
    for (const screen of screens) {
      expect(screen).toContain('Slide 1 / 4');
      expect(screen).not.toContain('ended the talk');
    }
    const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { connect: string[]; plant: string | null; heard: string[] };
    // It could not even look into the folder, nor connect, nor listen there, nor overhear anything.
    expect(result.connect).toEqual(['list: EACCES', 'EACCES']);
    expect(result.plant).toBe('EACCES');
    expect(result.heard).toEqual([]);

    // The channel itself still works: the presenter moves, the follower follows.
    presenter.send('Right', 'Right');
    await presenter.waitFor('2 / 4');
    await follower.waitFor('Slide 2 / 4');
    presenter.send('q');
    await follower.waitFor('ended the talk');
  });

  it('a second presenter of the same deck is told the channel is taken, and exits 1', async () => {
    const first = run(`present ${deck}`, { columns: 80, rows: 24 });
    await first.waitFor('1 / 4');
    const second = startPane(`sh -c 'node ${CLI} present ${deck}; echo EXIT=$?; exec cat'`, { columns: 200, rows: 24 });
    panes.push(second);
    const screen = await second.waitFor('EXIT=');
    expect(screen).toContain('EXIT=1');
    expect(screen).toContain('another talkdeck is presenting this deck already: the notes channel is taken');
    expect(screen).not.toMatch(/internal error|EADDRINUSE/u);
    first.send('q');
  });
});
