import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

/**
 * The presenter's source overlay (`s`) and the notes view (`notes`) read what a deck cites through the confined reader: a
 * citation that links to the process's own environment shows nothing of it, and a cited pipe is
 * refused at once instead of freezing the presenter (which once ignored q, Ctrl-C and SIGTERM).
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const SECRET = `talkdeck-secret-${process.pid}`;
const panes: Pane[] = [];
let dir = '';

const fingerprint = (quote: string) => createHash('sha256').update(quote).digest('hex').slice(0, 12);
const cite = (path: string, quote: string) => `<!-- source: ${path}:1-1 #${fingerprint(quote)} "${quote}" -->`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-e2e-reads-'));
  mkdirSync(join(dir, 'sources'));
  symlinkSync('/proc/self/environ', join(dir, 'sources', 'environ.md'));
  execFileSync('mkfifo', [join(dir, 'sources', 'pipe.md')]);
  writeFileSync(join(dir, 'talk.md'), `# Cited\n\nText.\n\n${cite('sources/environ.md', 'a quote')}\n${cite('sources/pipe.md', 'another quote')}\n`);
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('cited files of a deck from someone else, in the presenter and the notes view', () => {
  it('shows neither the environment nor a hang: both citations cannot be read, and q quits', async () => {
    const pane = startPane(`sh -c 'node ${CLI} present ${join(dir, 'talk.md')}; echo EXIT=$?; exec cat'`, { columns: 100, rows: 30 }, { TALKDECK_SECRET_MARK: SECRET });
    panes.push(pane);
    await pane.waitFor('1 / 1');
    pane.send('s');
    const screen = await pane.waitFor((s) => s.includes('(cannot read sources/environ.md)') && s.includes('(cannot read sources/pipe.md)'));
    expect(screen).not.toContain(SECRET);
    pane.send('Escape');
    await pane.waitFor((s) => !s.includes('cannot read'));
    pane.send('q');
    expect(await pane.waitFor('EXIT=')).toContain('EXIT=0');
  });

  it('the notes view of a follower shows neither, and q quits', async () => {
    const pane = startPane(`sh -c 'node ${CLI} notes ${join(dir, 'talk.md')}; echo EXIT=$?; exec cat'`, { columns: 100, rows: 30 }, { TALKDECK_SECRET_MARK: SECRET });
    panes.push(pane);
    const screen = await pane.waitFor((s) => s.includes('(cannot read sources/environ.md)') && s.includes('(cannot read sources/pipe.md)'));
    expect(screen).not.toContain(SECRET);
    pane.send('q');
    expect(await pane.waitFor('EXIT=')).toContain('EXIT=0');
  });
});
