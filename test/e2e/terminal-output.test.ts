import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

/**
 * In a real terminal (tmux): a slide title, a cited line and a quote that each hold an OSC 2
 * sequence (which sets the window title) reach the screen as visible placeholders, in the slide and
 * in the source overlay's header (which once printed the raw title), and tmux's title never changes.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const SET_TITLE = (text: string) => `\u001b]2;${text}\u0007`;
const panes: Pane[] = [];
let dir = '';

const fingerprint = (quote: string) => createHash('sha256').update(quote).digest('hex').slice(0, 12);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-e2e-output-'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'a.md'), `A cited line ${SET_TITLE('PWNED-BY-SOURCE')} here.\n`);
  const quote = `A cited line ${SET_TITLE('PWNED-BY-QUOTE')}`;
  writeFileSync(join(dir, 'talk.md'), `# Title ${SET_TITLE('PWNED-BY-TITLE')} end\n\nText.\n\n<!-- source: sources/a.md:1-1 #${fingerprint(quote)} "${quote}" -->\n`);
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('escape sequences from a deck, in a real terminal', () => {
  it('show as placeholders in the slide and the source overlay, and never set the title', async () => {
    const pane = startPane(`sh -c 'node ${CLI} present ${join(dir, 'talk.md')}; echo EXIT=$?; exec cat'`, { columns: 100, rows: 30 });
    panes.push(pane);
    const before = pane.format('#{pane_title}');
    const slide = await pane.waitFor('1 / 1');
    expect(slide).toContain('␛]2;PWNED-BY-TITLE␇');
    pane.send('s');
    const overlay = await pane.waitFor('Sources of slide 1');
    expect(overlay).toMatch(/Sources of slide 1: Title ␛\]2;PWNED-BY-TITLE␇ end/u);
    expect(overlay).toContain('␛]2;PWNED-BY-SOURCE␇');
    expect(pane.format('#{pane_title}')).toBe(before);
    expect(pane.format('#{pane_title}')).not.toMatch(/PWNED/u);
    pane.send('Escape');
    await pane.waitFor((s) => !s.includes('Sources of slide 1'));
    pane.send('q');
    expect(await pane.waitFor('EXIT=')).toContain('EXIT=0');
  });
});
