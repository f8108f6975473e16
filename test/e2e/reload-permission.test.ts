import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

/**
 * Live reload through a permission error: the presenter keeps the last good deck, says why it
 * could not reload, and reloads once the deck is readable and saved again.
 *
 * Root reads files whatever their mode, so when the tests run as root the presenter runs as the
 * unprivileged user `nobody` (setpriv drops the user, group and supplementary groups); otherwise
 * it runs as the test's own user, for whom chmod is enough.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const FOUR = resolve('test/fixtures/e2e/four.md');
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
/** The command prefix that runs the presenter as a user the deck's mode applies to. */
const AS_PRESENTER = AS_ROOT ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];

let workDir = '';
const panes: Pane[] = [];

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'talkdeck-perm-'));
  // mkdtemp makes the folder private; the presenter's user must reach the deck in it.
  chmodSync(workDir, 0o755);
  // A home and a frame cache the presenter's user may write.
  for (const name of ['home', 'cache']) {
    mkdirSync(join(workDir, name));
    if (AS_ROOT) chownSync(join(workDir, name), NOBODY.uid, NOBODY.gid);
  }
});
afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => {
  stopServer();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs `node -e script` as the presenter's user; what it printed. */
function asPresenter(script: string): string {
  const [command, ...args] = [...AS_PRESENTER, 'node', '-e', script];
  const result = spawnSync(command!, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

/** Presents `deck` as the presenter's user in a wide pane (the banner holds a long path). */
function present(deck: string): Pane {
  const script = join(workDir, `run-${panes.length}.sh`);
  writeFileSync(
    script,
    [
      "printf 'BEFORE-MARK\\n'",
      [...AS_PRESENTER, 'node', CLI, 'present', deck].map((arg) => `'${arg}'`).join(' '),
      'echo "EXIT=$?"',
      'exec cat',
    ].join('\n'),
  );
  const pane = startPane(`sh ${script}`, { columns: 200, rows: 30 }, { HOME: join(workDir, 'home'), TALKDECK_CACHE_DIR: join(workDir, 'cache') });
  panes.push(pane);
  return pane;
}

describe('live reload when the deck becomes unreadable', () => {
  it('the presenter runs as a user that can read the built CLI and the deck', () => {
    // Without this the test below would prove nothing (or fail for the wrong reason).
    const deck = join(workDir, 'probe.md');
    copyFileSync(FOUR, deck);
    chmodSync(deck, 0o644);
    expect(asPresenter(`require('fs').readFileSync(${JSON.stringify(CLI)}); console.log(require('fs').readFileSync(${JSON.stringify(deck)}, 'utf8').length > 0)`)).toBe('true');
    chmodSync(deck, 0o200);
    expect(asPresenter(`try { require('fs').readFileSync(${JSON.stringify(deck)}); console.log('read') } catch (e) { console.log(e.code) }`)).toBe('EACCES');
  });

  it('keeps the last good deck, says permission denied and how to fix it, and reloads when readable and saved again', async () => {
    const deck = join(workDir, 'deck.md');
    const original = readFileSync(FOUR, 'utf8');
    writeFileSync(deck, original);
    chmodSync(deck, 0o644);
    const pane = present(deck);
    await pane.waitFor('1 / 4');
    pane.send('3', 'Enter');
    await pane.waitFor((s) => s.includes('Gamma Three') && s.includes('3 / 4'));

    // Write-only: the owner may still save (as an editor would), but the presenter cannot read.
    chmodSync(deck, 0o200);
    const denied = await pane.waitFor((s) => s.includes('not reloaded') && s.includes('permission denied'));
    expect(denied).toContain(`${deck}: permission denied; make it readable, e.g. with chmod +r`);
    expect(denied).toContain('Gamma Three');
    expect(denied).toContain('3 / 4');

    // Saved while unreadable: nothing to show yet.
    writeFileSync(deck, original.replace('Gamma Three', 'Gamma While Unreadable'));

    // Readable again: the change saved meanwhile is picked up, on the same slide, and the banner goes.
    chmodSync(deck, 0o644);
    await pane.waitFor((s) => s.includes('Gamma While Unreadable') && s.includes('3 / 4') && !s.includes('not reloaded'));
    writeFileSync(deck, original.replace('Gamma Three', 'Gamma Saved Again'));
    await pane.waitFor((s) => s.includes('Gamma Saved Again') && s.includes('3 / 4') && !s.includes('not reloaded'));

    pane.send('q');
    const end = await pane.waitFor(/EXIT=\d+/u);
    expect(end).toContain('EXIT=0');
    expect(end).toContain('BEFORE-MARK');
  });
});
