import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeckFolder, READ_LIMITS, ReadError, readRegularFile, readRegularText } from '../../src/io/index.js';

let base = '';
let deckDir = '';
let socketServer: Server;

/** What reading threw, as `code: formatted message`. */
function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ReadError) return `${error.code}: ${error.format()}`;
    throw error;
  }
  return 'read';
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'talkdeck-read-'));
  deckDir = join(base, 'deck');
  mkdirSync(join(deckDir, 'sources'), { recursive: true });
  writeFileSync(join(deckDir, 'sources', 'a.md'), 'An article.\n');
  writeFileSync(join(base, 'secret.txt'), 'SECRET=hunter2\n');
  // Links a deck folder received from someone else may hold.
  symlinkSync('/etc/passwd', join(deckDir, 'sources', 'passwd.md'));
  symlinkSync('/proc/self/environ', join(deckDir, 'sources', 'environ.md'));
  symlinkSync('../../secret.txt', join(deckDir, 'sources', 'up.md'));
  symlinkSync('a.md', join(deckDir, 'sources', 'alias.md'));
  symlinkSync('/etc/passwd', join(deckDir, 'logo.png'));
  symlinkSync(base, join(deckDir, 'parent'));
  execFileSync('mkfifo', [join(deckDir, 'pipe.md')]);
  symlinkSync('/dev/zero', join(deckDir, 'zero.md'));
  symlinkSync('/dev/urandom', join(deckDir, 'random.png'));
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(join(deckDir, 'socket.md'), resolve));
});
afterAll(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

describe('the confined reader', () => {
  it('reads files in the folder, through links that stay in it', () => {
    const folder = openDeckFolder(deckDir);
    expect(folder.readText(join(deckDir, 'sources', 'a.md'), 'source')).toBe('An article.\n');
    expect(folder.readText('sources/alias.md', 'source')).toBe('An article.\n');
  });

  it('refuses links that lead out of the folder, saying where they lead', () => {
    const folder = openDeckFolder(deckDir);
    expect(refusal(() => folder.readText('sources/passwd.md', 'source'))).toBe(
      "OUTSIDE: sources/passwd.md: is outside the deck's folder (it leads to /etc/passwd); move it into that folder, or pass --allow-outside if you trust this deck",
    );
    expect(refusal(() => folder.readText('sources/environ.md', 'source'))).toMatch(/^OUTSIDE: sources\/environ\.md: is outside the deck's folder \(it leads to \/proc\/\d+\/environ\)/u);
    expect(refusal(() => folder.readText('sources/up.md', 'source'))).toMatch(/^OUTSIDE: /u);
    expect(refusal(() => folder.readBytes('logo.png', 'image'))).toMatch(/^OUTSIDE: logo\.png: /u);
    expect(refusal(() => folder.readText('parent/secret.txt', 'source'))).toMatch(/^OUTSIDE: /u);
    expect(refusal(() => folder.readText('../secret.txt', 'source'))).toMatch(/^OUTSIDE: /u);
    expect(refusal(() => folder.readText('/etc/hostname', 'source'))).toMatch(/^OUTSIDE: /u);
    expect(folder.contains('sources/a.md')).toBe(true);
    expect(folder.contains('sources/passwd.md')).toBe(false);
  });

  it('reads outside when allowed, and a folder reached through a link is judged by where it really is', () => {
    const folder = openDeckFolder(deckDir, { allowOutside: true });
    expect(folder.readText('sources/up.md', 'source')).toBe('SECRET=hunter2\n');
    const viaLink = openDeckFolder(join(deckDir, 'parent', 'deck'));
    expect(viaLink.readText('sources/a.md', 'source')).toBe('An article.\n');
  });

  it('refuses pipes, devices, sockets and folders at once, naming them; never hangs', () => {
    const folder = openDeckFolder(deckDir, { allowOutside: true });
    expect(refusal(() => folder.readText('pipe.md', 'include'))).toBe('NOT_REGULAR: pipe.md: is a named pipe (FIFO), not a regular file; talkdeck reads only regular files: give one instead');
    expect(refusal(() => folder.readText('zero.md', 'deck'))).toBe('NOT_REGULAR: zero.md: is a character device, not a regular file; talkdeck reads only regular files: give one instead');
    expect(refusal(() => folder.readBytes('random.png', 'image'))).toMatch(/^NOT_REGULAR: random\.png: is a character device/u);
    expect(refusal(() => folder.readText('socket.md', 'source'))).toMatch(/^NOT_REGULAR: socket\.md: is a socket, not a regular file/u);
    expect(refusal(() => folder.readText('sources', 'source'))).toBe('EISDIR: sources: is a directory, not a file; give a Markdown file instead');
    expect(refusal(() => readRegularText('/dev/zero', 'deck'))).toMatch(/^NOT_REGULAR: \/dev\/zero: is a character device/u);
    expect(refusal(() => readRegularText(join(deckDir, 'missing.md'), 'deck', { shown: 'missing.md' }))).toBe('ENOENT: missing.md: no such file; check the path and its spelling');
  });

  it('keeps to each kind\'s size limit, and says the limit', () => {
    const big = join(deckDir, 'big.md');
    writeFileSync(big, '');
    // Sparse: the size is what counts, not the disk.
    truncateSync(big, READ_LIMITS.deck + 1);
    expect(refusal(() => readRegularFile(big, 'deck', { shown: 'big.md' }))).toBe(
      'TOO_BIG: big.md: is over 64 MB; the limit for a deck is 64 MB; split it into smaller files (see `<!-- include: -->`)',
    );
    truncateSync(big, READ_LIMITS.deck);
    expect(readRegularFile(big, 'deck').length).toBe(READ_LIMITS.deck);
    truncateSync(big, 200 * 1024 * 1024);
    expect(refusal(() => readRegularFile(big, 'deck', { shown: 'big.md' }))).toMatch(/^TOO_BIG: big\.md: is 200 MB; the limit for a deck is 64 MB/u);
    const theme = join(deckDir, 'theme.yaml');
    writeFileSync(theme, 'x'.repeat(READ_LIMITS.theme + 1));
    expect(refusal(() => readRegularFile(theme, 'theme', { shown: 'theme.yaml' }))).toBe('TOO_BIG: theme.yaml: is over 1 MB; the limit for a theme file is 1 MB; use a smaller file');
    rmSync(big);
    rmSync(theme);
  });

  it('with a cache, reads a file again only when it changed', () => {
    const path = join(deckDir, 'sources', 'cached.md');
    writeFileSync(path, 'one\n');
    const folder = openDeckFolder(deckDir, { cache: true });
    expect(folder.readText(path, 'source')).toBe('one\n');
    writeFileSync(path, 'two, longer\n');
    expect(folder.readText(path, 'source')).toBe('two, longer\n');
    rmSync(path);
    symlinkSync('/etc/passwd', path);
    expect(refusal(() => folder.readText(path, 'source'))).toMatch(/^OUTSIDE: /u);
  });
});
