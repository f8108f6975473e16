import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondUser, withPeer } from '../second-user.js';
import { CAN_MOUNT, NO_MOUNT } from '../small-disk.js';

/**
 * Writes through the built CLI: `check --fix`, `build` and `export` keep what they write over (its
 * mode, owner, links), never replace what is not a regular file, lose no edit saved meanwhile, and
 * turn a full disk or a permission error into a message with the old file intact.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const SAVE_WHILE_WRITING = resolve('test/fixtures/cli/save-while-writing.mjs');
const AS_ROOT = process.getuid?.() === 0;
const peer = secondUser();
let base = '';
let count = 0;

function talkdeck(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; node?: string[] } = {}) {
  const result = spawnSync('node', [...(options.node ?? []), CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...options.env } });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const fingerprint = (quote: string) => createHash('sha256').update(quote).digest('hex').slice(0, 12);
const ARTICLE = 'A first line.\nAn inserted line moves the rest down.\nThe quoted passage.\nThe end.\n';
/** A deck whose one citation points at line 2, though its passage has moved to line 3: `--fix` moves it. */
const DECK = `# Slide\n\nText.\n\n<!-- source: sources/article.md:2-2 #${fingerprint('The quoted passage.')} "The quoted passage." -->\n`;
const FIXED = DECK.replace('article.md:2-2', 'article.md:3');

/** A fresh deck folder with the deck and its article; the folder readable by everyone. */
function deckFolder(): string {
  const dir = join(base, `case-${count++}`);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'sources', 'article.md'), ARTICLE);
  writeFileSync(join(dir, 'talk.md'), DECK);
  return dir;
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'talkdeck-writes-'));
  chmodSync(base, 0o755);
});
/**
 * Should a run replace the system's /dev/stdout or /dev/null with a regular file (as talkdeck once
 * did, run as root), puts them back at once: every other program on the machine needs them.
 */
function restoreDevices(): void {
  if (!AS_ROOT) return;
  if (!lstatSync('/dev/stdout').isSymbolicLink()) {
    rmSync('/dev/stdout');
    symlinkSync('/proc/self/fd/1', '/dev/stdout');
  }
  if (!lstatSync('/dev/null').isCharacterDevice()) {
    rmSync('/dev/null');
    execFileSync('mknod', ['-m', '666', '/dev/null', 'c', '1', '3']);
  }
}

afterAll(() => {
  restoreDevices();
  rmSync(base, { recursive: true, force: true });
});

describe('check --fix keeps the deck file as it was, but for the fix', () => {
  it('keeps its mode, its owner and group, and its hard links', () => {
    const dir = deckFolder();
    const deck = join(dir, 'talk.md');
    chmodSync(deck, 0o600);
    if (AS_ROOT) chownSync(deck, 65534, 65534);
    linkSync(deck, join(dir, 'other-name.md'));
    const result = talkdeck(dir, ['check', 'talk.md', '--fix']);
    expect(result.stderr).toContain('fixed');
    expect(readFileSync(deck, 'utf8')).toBe(FIXED);
    const stats = statSync(deck);
    expect(stats.mode & 0o777).toBe(0o600);
    if (AS_ROOT) expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
    expect(stats.nlink).toBe(2);
    expect(readFileSync(join(dir, 'other-name.md'), 'utf8')).toBe(FIXED);
    expect(temporaries(dir)).toEqual([]);
  });

  it('writes through a symbolic link: the link stays, the file it leads to is fixed', () => {
    const dir = deckFolder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'talk.md'), DECK);
    rmSync(join(dir, 'talk.md'));
    symlinkSync('real/talk.md', join(dir, 'talk.md'));
    talkdeck(dir, ['check', 'talk.md', '--fix']);
    expect(lstatSync(join(dir, 'talk.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'talk.md'), 'utf8')).toBe(FIXED);
  });

  it('loses no edit saved while it wrote: the fix is made again on the deck as saved', () => {
    const dir = deckFolder();
    const saved = '# Added while check ran\n\n---\n\n';
    const result = talkdeck(dir, ['check', 'talk.md', '--fix'], {
      node: ['--import', SAVE_WHILE_WRITING],
      env: { TALKDECK_TEST_DECK: join(dir, 'talk.md'), TALKDECK_TEST_PREPEND: saved },
    });
    expect(result.stderr).not.toMatch(/internal error/u);
    expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe(`${saved}${FIXED}`);
  });

  it.skipIf(!CAN_MOUNT)(`a full disk is a message naming the deck and the cause, exit 1, the deck intact${CAN_MOUNT ? '' : ` (${NO_MOUNT})`}`, () => {
    const dir = deckFolder();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    try {
      mkdirSync(join(dir, 'sources'));
      writeFileSync(join(dir, 'sources', 'article.md'), ARTICLE);
      writeFileSync(join(dir, 'talk.md'), DECK);
      // Fill the disk to the last byte.
      try {
        writeFileSync(join(dir, 'filler'), Buffer.alloc(128 * 1024));
      } catch {
        // ENOSPC: full, as wanted.
      }
      const result = talkdeck(dir, ['check', 'talk.md', '--fix']);
      expect(result.code).toBe(1);
      expect(result.stderr, result.stderr).toMatch(/talk\.md: cannot be written: no space left on the disk \(ENOSPC\); free some space, or write somewhere else; the file was left as it was/u);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /u);
      expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe(DECK);
      expect(temporaries(dir)).toEqual([]);
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it.skipIf(peer === null)(withPeer('for a user who may not write the deck, a message, exit 1, the deck intact', peer), () => {
    const dir = deckFolder();
    chmodSync(join(dir, 'talk.md'), 0o644);
    const result = peer!.run('node', [CLI, 'check', 'talk.md', '--fix'], { cwd: dir, env: { ...process.env, HOME: dir } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/talk\.md: cannot be written: permission denied \(EACCES\)/u);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /u);
    expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe(DECK);
  });
});

describe('outputs that are not regular files are written to, never replaced', () => {
  it('-o /dev/stdout writes to standard output, and /dev/stdout stays what it was', () => {
    const dir = deckFolder();
    const before = lstatSync('/dev/stdout');
    const result = talkdeck(dir, ['export', 'talk.md', '-f', 'txt', '-o', '/dev/stdout']);
    const after = lstatSync('/dev/stdout');
    restoreDevices();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Slide');
    expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
  });

  it('-o /dev/null, and a character device made with mknod, stay devices', () => {
    const dir = deckFolder();
    const result = talkdeck(dir, ['export', 'talk.md', '-f', 'json', '-o', '/dev/null']);
    const stillDevice = lstatSync('/dev/null').isCharacterDevice();
    restoreDevices();
    expect(result.code).toBe(0);
    expect(stillDevice).toBe(true);
    if (!AS_ROOT) return;
    execFileSync('mknod', [join(dir, 'device'), 'c', '1', '3']);
    expect(talkdeck(dir, ['build', 'sources/article.md', '-o', 'device']).code).toBe(0);
    expect(lstatSync(join(dir, 'device')).isCharacterDevice()).toBe(true);
  });

  it('a named pipe gets the export, and stays a pipe', async () => {
    const dir = deckFolder();
    execFileSync('mkfifo', [join(dir, 'out.pipe')]);
    const reader = spawn('cat', [join(dir, 'out.pipe')]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const done = new Promise((resolveDone) => reader.on('close', resolveDone));
    const writer = spawn('node', [CLI, 'export', 'talk.md', '-f', 'md', '-o', 'out.pipe'], { cwd: dir });
    const exited = new Promise<number | null>((resolveExit) => writer.on('close', resolveExit));
    await done;
    expect(await exited).toBe(0);
    expect(received).toContain('Slide');
    expect(lstatSync(join(dir, 'out.pipe')).isFIFO()).toBe(true);
  });
});
