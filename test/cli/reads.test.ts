import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Reads through the built CLI: a deck folder received from someone else may hold links to the
 * machine's secrets, pipes and devices. Every command refuses them with a message naming the file,
 * at once: each run has a time limit, so a hang fails the test instead of stalling it.
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const PASSWD_FIRST_LINE = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
let dir = '';

function talkdeck(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 15_000) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout, env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

const fingerprint = (quote: string) => createHash('sha256').update(quote).digest('hex').slice(0, 12);
/** A citation whose quote is close to the cited line, so that `check` would show the line as it is now. */
const cite = (path: string, quote: string) => `<!-- source: ${path}:1-1 #${fingerprint(quote)} "${quote}" -->`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-reads-'));
  mkdirSync(join(dir, 'sources'));
  symlinkSync('/etc/passwd', join(dir, 'sources', 'a.md'));
  symlinkSync('/etc/passwd', join(dir, 'logo.png'));
  symlinkSync('/etc/passwd', join(dir, 'x.svg'));
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  execFileSync('mkfifo', [join(dir, 'sources', 'pipe.md')]);
  writeFileSync(join(dir, 'cites-secret.md'), `# Slide\n\nText.\n\n${cite('sources/a.md', PASSWD_FIRST_LINE.replace(/.$/u, 'Z'))}\n`);
  writeFileSync(join(dir, 'cites-pipe.md'), `# Slide\n\nText.\n\n${cite('sources/pipe.md', 'a quote')}\n`);
  writeFileSync(join(dir, 'images.md'), '# Images\n\n![logo](logo.png)\n\n![drawing](x.svg)\n');
  copyFileSync('test/fixtures/e2e/four.md', join(dir, 'four.md'));
  // A theme the deck names, linking to one outside the deck's folder.
  mkdirSync(join(dir, 'themes-elsewhere'));
  writeFileSync(join(dir, 'themes-elsewhere', 'theme.yaml'), 'extends: light\n');
  mkdirSync(join(dir, 'linked'));
  symlinkSync('../themes-elsewhere/theme.yaml', join(dir, 'linked', 'theme.yaml'));
  writeFileSync(join(dir, 'linked', 'talk.md'), '---\ntheme: ./theme.yaml\n---\n\n# Slide\n\nText.\n');
  // An article (outside the deck's folder, so build copies it and its images) showing a link to a secret.
  mkdirSync(join(dir, 'article'));
  mkdirSync(join(dir, 'built'));
  symlinkSync('/etc/passwd', join(dir, 'article', 'secret.png'));
  // A deck whose picture is a real PNG kept outside its folder, reached through a link: left out of
  // every export unless --allow-outside, when it is embedded (so the test can see the difference).
  mkdirSync(join(dir, 'outside'));
  copyFileSync('test/fixtures/export/img/dot.png', join(dir, 'outside', 'private.png'));
  mkdirSync(join(dir, 'pictures'));
  symlinkSync('../outside/private.png', join(dir, 'pictures', 'logo.png'));
  writeFileSync(join(dir, 'pictures', 'talk.md'), '# Pictures\n\n![logo](logo.png)\n');
  writeFileSync(join(dir, 'article', 'shows-secret.md'), '# An article\n\nIt shows a picture.\n\n![the picture](secret.png)\n\nAnd then it says a second thing, at some length, so that there is a talk to make of it.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a deck points at, through the CLI', () => {
  it('check never prints a cited file that links out of the deck folder', () => {
    const result = talkdeck(['check', 'cites-secret.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(PASSWD_FIRST_LINE);
    // It says why: the link leads out of the folder.
    expect(result.stderr).toContain("cites-secret.md:5:1: slide 1: cannot read the cited file sources/a.md: is outside the deck's folder (it leads to /etc/passwd); move it into that folder, or pass --allow-outside if you trust this deck");
    // With --allow-outside the user has said they trust the deck.
    expect(talkdeck(['check', 'cites-secret.md', '--allow-outside']).stderr).toContain(PASSWD_FIRST_LINE);
    // check --fix reads it through the same reader: it neither prints it nor writes it into the deck.
    const before = readFileSync(join(dir, 'cites-secret.md'), 'utf8');
    const fix = talkdeck(['check', 'cites-secret.md', '--fix']);
    expect(fix.code).toBe(1);
    expect(fix.stderr).toContain("cannot read the cited file sources/a.md: is outside the deck's folder");
    expect(fix.stderr + fix.stdout).not.toContain(PASSWD_FIRST_LINE);
    expect(readFileSync(join(dir, 'cites-secret.md'), 'utf8')).toBe(before);
  });

  it('an HTML export does not embed an image that links out of the folder', () => {
    const result = talkdeck(['export', 'images.md', '-f', 'html', '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(Buffer.from(PASSWD_FIRST_LINE).toString('base64').slice(0, 24));
    expect(result.stdout).toContain('[image: logo]');
    // Each image left out is named, with why.
    expect(result.stderr).toContain("images.md: warning: image logo.png left out: is outside the deck's folder (it leads to /etc/passwd)");
    expect(result.stderr).toContain("images.md: warning: image x.svg left out: is outside the deck's folder");
    // --allow-outside reads them; what is not an image is still left out, and said so.
    const allowed = talkdeck(['export', 'images.md', '-f', 'html', '-o', '-', '--allow-outside']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).not.toContain(Buffer.from(PASSWD_FIRST_LINE).toString('base64').slice(0, 24));
    expect(allowed.stderr).toContain('images.md: warning: image logo.png left out: is not a PNG, JPEG, GIF, WebP, AVIF or SVG image');
  });

  it('PPTX and PDF exports leave out an image that links out of the folder, and name it', () => {
    const warning = "pictures/talk.md: warning: image logo.png left out: is outside the deck's folder (it leads to";
    const media = (file: string) => execFileSync('unzip', ['-Z1', join(dir, file)], { encoding: 'utf8' }).split('\n').filter((name) => name.startsWith('ppt/media/') && !name.endsWith('/'));
    const pptx = talkdeck(['export', 'pictures/talk.md', '-f', 'pptx', '-o', 'confined.pptx']);
    expect(pptx.code).toBe(0);
    expect(pptx.stderr).toContain(warning);
    expect(media('confined.pptx')).toEqual([]);
    const pptxAllowed = talkdeck(['export', 'pictures/talk.md', '-f', 'pptx', '-o', 'allowed.pptx', '--allow-outside']);
    expect(pptxAllowed.stderr).not.toContain('left out');
    expect(media('allowed.pptx')).toHaveLength(1);
    // PDF: Chromium prints the page the export made, so the image is in the PDF only if embedded.
    const images = (file: string) => execFileSync('pdfimages', ['-list', join(dir, file)], { encoding: 'utf8' }).trim().split('\n').length - 2;
    const pdf = talkdeck(['export', 'pictures/talk.md', '-f', 'pdf', '-o', 'confined.pdf'], {}, 40_000);
    expect(pdf.code).toBe(0);
    expect(pdf.stderr).toContain(warning);
    expect(images('confined.pdf')).toBe(0);
    const pdfAllowed = talkdeck(['export', 'pictures/talk.md', '-f', 'pdf', '-o', 'allowed.pdf', '--allow-outside'], {}, 40_000);
    expect(pdfAllowed.code).toBe(0);
    expect(images('allowed.pdf')).toBeGreaterThan(0);
  }, 60_000);

  it('a theme the deck names is read from inside its folder only, unless --allow-outside', () => {
    const result = talkdeck(['check', 'linked/talk.md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("linked/talk.md:2:1: theme: theme.yaml: theme file is outside the deck's folder (it leads to");
    expect(talkdeck(['check', 'linked/talk.md', '--allow-outside']).code).toBe(0);
  });

  it('build copies no image an article shows that links out of its folder', () => {
    const result = talkdeck(['build', 'article/shows-secret.md', '-o', 'built/talk.md']);
    expect(result.stderr).not.toMatch(/internal error/u);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'built', 'sources', 'shows-secret.md'))).toBe(true);
    expect(existsSync(join(dir, 'built', 'sources', 'secret.png'))).toBe(false);
  });
});

describe('pipes and devices as inputs: a message naming the file, exit 1, at once', () => {
  it.each([
    ['a pipe as the deck', ['check', 'pipe.md'], 'pipe.md: is a named pipe (FIFO), not a regular file'],
    ['/dev/zero as the deck', ['check', '/dev/zero'], '/dev/zero: is a character device, not a regular file'],
    ['/dev/urandom as the deck', ['print', '/dev/urandom'], '/dev/urandom: is a character device, not a regular file'],
    ['a directory as an article', ['build', 'sources', '-o', 'out.md'], 'sources: is a directory'],
  ])('%s', (_name, args, message) => {
    const result = talkdeck(args);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('a pipe as an article is a message, not a hang', () => {
    const result = talkdeck(['build', 'pipe.md', '-o', 'out.md']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipe.md: is a named pipe (FIFO), not a regular file');
  });

  it('a cited pipe is a message at the citation, not a hang', () => {
    const result = talkdeck(['check', 'cites-pipe.md']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cites-pipe.md:5:1: slide 1: cannot read the cited file sources/pipe.md');
  });

  it('a theme named by path that is a pipe is a message, not a hang', () => {
    const result = talkdeck(['check', 'four.md', '--theme', './pipe.md']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipe.md: theme file is a named pipe (FIFO), not a regular file');
  });
});
