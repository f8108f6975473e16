import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editFile, WriteError, writeFileSafe } from '../../src/io/index.js';
import { secondUser, withPeer } from '../second-user.js';
import { CAN_MOUNT, NO_MOUNT } from '../small-disk.js';

const AS_ROOT = process.getuid?.() === 0;
const peer = secondUser();
let base = '';
let bundle = '';
let count = 0;

/** A fresh folder for one test. */
function folder(): string {
  const dir = join(base, `case-${count++}`);
  mkdirSync(dir);
  return dir;
}

/** The hidden temporary files a write may have left in `dir`. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

function failure(write: () => void): WriteError {
  try {
    write();
  } catch (error) {
    if (error instanceof WriteError) return error;
    throw error;
  }
  throw new Error('the write did not fail');
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'talkdeck-write-'));
  chmodSync(base, 0o755);
  // Code run as another user, or as a child process, is the same code bundled.
  bundle = join(base, 'io.mjs');
  await build({ entryPoints: ['src/io/index.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  chmodSync(bundle, 0o644);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A node script, run as a child, that writes `data` to `path` with writeFileSafe and prints what happened. */
function writerScript(path: string, data: string): string {
  return `import(${JSON.stringify(pathToFileURL(bundle).href)}).then(({ writeFileSafe }) => {
    try { writeFileSafe(${JSON.stringify(path)}, ${JSON.stringify(data)}); process.stderr.write('written\\n'); }
    catch (e) { process.stderr.write((e.format ? e.format() : e.message) + '\\n'); process.exitCode = 1; }
  })`;
}

describe('writeFileSafe on regular files', () => {
  it('makes a new file with the usual mode, and leaves no temporary file', () => {
    const dir = folder();
    const path = join(dir, 'new.md');
    writeFileSafe(path, 'hello\n');
    expect(readFileSync(path, 'utf8')).toBe('hello\n');
    const umask = Number.parseInt(/^Umask:\s*([0-7]+)$/mu.exec(readFileSync('/proc/self/status', 'utf8'))![1]!, 8);
    expect(statSync(path).mode & 0o777).toBe(0o666 & ~umask);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps an existing file\'s mode, and as root its owner and group', () => {
    const dir = folder();
    const path = join(dir, 'deck.md');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o600);
    if (AS_ROOT) chownSync(path, 65534, 65534);
    writeFileSafe(path, 'new\n');
    const stats = statSync(path);
    expect(stats.mode & 0o777).toBe(0o600);
    if (AS_ROOT) expect([stats.uid, stats.gid]).toEqual([65534, 65534]);
    chmodSync(path, 0o640);
    writeFileSafe(path, 'newer\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, 'utf8')).toBe('newer\n');
  });

  it('writes through a symbolic link: the link stays, its target is replaced', () => {
    const dir = folder();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'talk.md'), 'old\n');
    symlinkSync('real/talk.md', join(dir, 'talk.md'));
    writeFileSafe(join(dir, 'talk.md'), 'new\n');
    expect(lstatSync(join(dir, 'talk.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'talk.md'))).toBe('real/talk.md');
    expect(readFileSync(join(dir, 'real', 'talk.md'), 'utf8')).toBe('new\n');
    // A link to a file not yet there makes the file, as a shell's `>` would.
    symlinkSync('real/later.md', join(dir, 'later.md'));
    writeFileSafe(join(dir, 'later.md'), 'made\n');
    expect(lstatSync(join(dir, 'later.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'later.md'), 'utf8')).toBe('made\n');
    expect(leftovers(join(dir, 'real'))).toEqual([]);
  });

  it('keeps hard links: every name sees the new content, on the same file', () => {
    const dir = folder();
    const path = join(dir, 'talk.md');
    writeFileSync(path, 'old content, longer than the new\n');
    linkSync(path, join(dir, 'copy.md'));
    const inode = statSync(path).ino;
    writeFileSafe(path, 'new\n');
    expect(readFileSync(join(dir, 'copy.md'), 'utf8')).toBe('new\n');
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).nlink).toBe(2);
    expect(leftovers(dir)).toEqual([]);
  });

  it('with expect, leaves a file changed since it was read as it is, and says so', () => {
    const dir = folder();
    const path = join(dir, 'talk.md');
    writeFileSync(path, 'what the user saved meanwhile\n');
    const error = failure(() => writeFileSafe(path, 'computed from the old text\n', { expect: 'the old text\n', shown: 'talk.md' }));
    expect(error.code).toBe('CHANGED');
    expect(error.format()).toBe('talk.md: changed on disk while talkdeck was working on it, so nothing was written; run the command again: the file is as it was last saved');
    expect(readFileSync(path, 'utf8')).toBe('what the user saved meanwhile\n');
    expect(leftovers(dir)).toEqual([]);
    writeFileSafe(path, 'now\n', { expect: 'what the user saved meanwhile\n' });
    expect(readFileSync(path, 'utf8')).toBe('now\n');
  });
});

describe('writeFileSafe on what is not a regular file', () => {
  it('writes to /dev/null and a character device as streams, never replacing them', () => {
    writeFileSafe('/dev/null', 'gone\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    if (!AS_ROOT) return;
    const dir = folder();
    const device = join(dir, 'null-device');
    execFileSync('mknod', [device, 'c', '1', '3']);
    writeFileSafe(device, 'data\n');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes to a named pipe for its reader, and the pipe stays a pipe', async () => {
    const dir = folder();
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise((resolve) => reader.on('close', resolve));
    writeFileSafe(fifo, 'through the pipe\n');
    await ended;
    expect(received).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes -o /dev/stdout to standard output, and leaves /dev/stdout as it was', () => {
    const before = lstatSync('/dev/stdout');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(pathToFileURL(bundle).href)}).then(({ writeFileSafe }) => writeFileSafe('/dev/stdout', 'to standard output\\n'))`], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('to standard output\n');
    const after = lstatSync('/dev/stdout');
    expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
  });

  it('refuses a directory', () => {
    const error = failure(() => writeFileSafe(folder(), 'x', { shown: 'out' }));
    expect(error.format()).toBe('out: is a directory; give a file name');
  });
});

describe('writeFileSafe when the disk says no', () => {
  it('a full device is a message naming the file and the cause', () => {
    // /dev/full answers every write with ENOSPC.
    const full = failure(() => writeFileSafe('/dev/full', 'x', { shown: '/dev/full' }));
    expect(full.format()).toBe('/dev/full: cannot be written: no space left on the disk (ENOSPC); free some space, or write somewhere else; nothing was replaced');
  });

  it.skipIf(!CAN_MOUNT)(`a full disk (a small tmpfs, filled): the rename never happens, the old file is intact${CAN_MOUNT ? '' : ` (${NO_MOUNT})`}`, () => {
    const dir = folder();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    try {
      const path = join(dir, 'talk.md');
      writeFileSync(path, 'the old talk\n');
      const error = failure(() => writeFileSafe(path, 'x'.repeat(200 * 1024), { shown: 'talk.md' }));
      expect(error.code).toBe('ENOSPC');
      expect(error.format()).toBe('talk.md: cannot be written: no space left on the disk (ENOSPC); free some space, or write somewhere else; the file was left as it was');
      expect(readFileSync(path, 'utf8')).toBe('the old talk\n');
      expect(leftovers(dir)).toEqual([]);
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it.skipIf(!CAN_MOUNT)(`a read-only disk is a message too${CAN_MOUNT ? '' : ` (${NO_MOUNT})`}`, () => {
    const dir = folder();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    try {
      writeFileSync(join(dir, 'talk.md'), 'old\n');
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      const error = failure(() => writeFileSafe(join(dir, 'talk.md'), 'new\n', { shown: 'talk.md' }));
      expect(error.format()).toBe('talk.md: cannot be written: the disk is read-only (EROFS); write somewhere else; the file was left as it was');
      expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe('old\n');
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it.skipIf(peer === null)(withPeer('permission denied, for another user, is a message; the file stays as it was', peer), () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    const path = join(dir, 'talk.md');
    writeFileSync(path, 'root\'s talk\n');
    chmodSync(path, 0o644);
    const child = peer!.run(process.execPath, ['--input-type=module', '-e', writerScript(path, 'overwritten\n')]);
    expect(child.stderr).toBe(`${path}: cannot be written: permission denied (EACCES); make the file and its folder writable, or write somewhere else; the file was left as it was\n`);
    expect(child.status).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('root\'s talk\n');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('editFile', () => {
  it('computes the edit again from what the user saved meanwhile, so no edit is lost', () => {
    const path = join(folder(), 'talk.md');
    writeFileSync(path, 'one\n');
    let calls = 0;
    const written = editFile(path, (text) => {
      calls++;
      // The user saves while the first edit is computed.
      if (calls === 1) writeFileSync(path, 'one\ntwo (saved meanwhile)\n');
      return `${text}three (the edit)\n`;
    });
    expect(written).toBe(true);
    expect(calls).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo (saved meanwhile)\nthree (the edit)\n');
  });

  it('gives up when the file keeps changing, leaving the last save', () => {
    const path = join(folder(), 'talk.md');
    writeFileSync(path, 'v0\n');
    let calls = 0;
    const error = failure(() =>
      editFile(
        path,
        (text) => {
          calls++;
          writeFileSync(path, `v${calls}\n`);
          return `${text}edit\n`;
        },
        { shown: 'talk.md' },
      ),
    );
    expect(calls).toBe(3);
    expect(error.code).toBe('CHANGED');
    expect(readFileSync(path, 'utf8')).toBe('v3\n');
  });

  it('writes nothing when the edit changes nothing', () => {
    const path = join(folder(), 'talk.md');
    writeFileSync(path, 'same\n');
    const before = statSync(path).mtimeMs;
    expect(editFile(path, () => null)).toBe(false);
    expect(editFile(path, (text) => text)).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
  });
});
