import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportError, exportPdf, PdfPrinter } from '../../src/export/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { pdfPages, pdfText, theme, writeTemp } from './helpers.js';

/**
 * The PDF printer starts Chromium before the deck is read, drives it over its DevTools pipe and ends
 * it, and everything it started, when done. Each test gives it a TMPDIR of its own, so its profile
 * folder and its processes (which name that folder on their command lines) can be told from those
 * of other tests running beside it.
 */

const PDF_TIMEOUT = 180_000;
/** This process's PID namespace in base 36, as the printer names its folders. */
const namespace = Number(/\d+/u.exec(readlinkSync('/proc/self/ns/pid'))?.[0]).toString(36);
let tmp: { dir: string; remove: () => void };

/** A short folder of the system's: Chromium's socket path under TMPDIR must stay within 107 bytes. */
function shortTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tdp-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
let savedTmpdir: string | undefined;

beforeEach(() => {
  tmp = shortTempDir();
  savedTmpdir = process.env['TMPDIR'];
  process.env['TMPDIR'] = tmp.dir;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmpdir;
  tmp.remove();
});

/** Processes whose command line names a printer's folder in the test's TMPDIR: Chromium and its helpers. */
function chromiumsLeft(): string[] {
  const left: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/u.test(name))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(join(tmp.dir, 'talkdeck-pdf-'))) left.push(`${pid}: ${cmdline.replaceAll('\0', ' ').slice(0, 120)}`);
  }
  return left;
}

/** Polls until no such process is left, or gives up after `ms` and returns those still there. */
async function chromiumsLeftAfter(ms = 10_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = chromiumsLeft();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    left = chromiumsLeft();
  }
  return left;
}

describe('PdfPrinter', () => {
  it(
    'closed unused (the deck had errors) leaves no Chromium process and no profile folder behind',
    async () => {
      const printer = new PdfPrinter();
      printer.check();
      expect(readdirSync(tmp.dir).filter((name) => name.startsWith('talkdeck-pdf-'))).toHaveLength(1);
      await printer.close();
      await printer.close();
      expect(await chromiumsLeftAfter()).toEqual([]);
      expect(readdirSync(tmp.dir)).toEqual([]);
    },
    PDF_TIMEOUT,
  );

  it(
    'prints once, then has ended Chromium and removed its profile',
    async () => {
      const deck = parseDeck('# One\n\nfirst page\n\n---\n\n# Two\n\nsecond page\n', { file: 'two.md' });
      const printer = new PdfPrinter();
      const pdf = writeTemp(tmp.dir, 'two.pdf', await exportPdf(deck, { theme: theme('dark'), printer }));
      expect(pdfPages(pdf)).toBe(2);
      expect(pdfText(pdf, 2)).toContain('second page');
      expect(await chromiumsLeftAfter()).toEqual([]);
      expect(readdirSync(tmp.dir)).toEqual(['two.pdf']);
    },
    PDF_TIMEOUT,
  );

  it('with no Chromium at the path, starts nothing and says how to install it when asked to print', async () => {
    const printer = new PdfPrinter({ chromiumPath: '/nonexistent/chromium' });
    expect(readdirSync(tmp.dir)).toEqual([]);
    const error = await printer.print('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as Error).message).toContain('/nonexistent/chromium');
    expect((error as Error).message).toContain('apt-get install chromium');
  });
});

describe('talkdeck export -f pdf, signalled while Chromium runs', () => {
  const CLI = resolve(process.env['TALKDECK_CLI'] ?? 'dist/talkdeck.cjs');

  /** Starts `talkdeck export` of the bundled talk to PDF in the test's TMPDIR; `exited` gives its code and signal. */
  function exportPdf(out: string) {
    const child = spawn('node', [CLI, 'export', resolve('decks/unikernels/talk.md'), '-f', 'pdf', '-o', join(tmp.dir, out)], { env: { ...process.env, TMPDIR: tmp.dir }, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    return { child, exited };
  }

  /** Waits until Chromium runs: a process names the export's folder. */
  async function chromiumRunning(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (chromiumsLeft().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(chromiumsLeft().length).toBeGreaterThan(0);
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(
      `ends Chromium and removes its folder on ${signal}, then dies of the signal`,
      async () => {
        const { child, exited } = exportPdf('talk.pdf');
        await chromiumRunning();
        child.kill(signal);
        expect((await exited).signal).toBe(signal);
        expect(await chromiumsLeftAfter()).toEqual([]);
        expect(readdirSync(tmp.dir)).toEqual([]);
      },
      PDF_TIMEOUT,
    );
  }

  it(
    'killed outright (SIGKILL), leaves its folder to the next export, which removes it',
    async () => {
      const { child, exited } = exportPdf('killed.pdf');
      await chromiumRunning();
      child.kill('SIGKILL');
      expect((await exited).signal).toBe('SIGKILL');
      // Nothing could clean up: Chromium ends when its pipe closes, its folder stays.
      expect(await chromiumsLeftAfter()).toEqual([]);
      const left = readdirSync(tmp.dir).filter((name) => name.startsWith('talkdeck-pdf-'));
      expect(left).toEqual([expect.stringMatching(new RegExp(`^talkdeck-pdf-${namespace}-${(child.pid ?? 0).toString(36)}-`, 'u'))]);
      expect((await exportPdf('next.pdf').exited).code).toBe(0);
      expect(readdirSync(tmp.dir).sort()).toEqual(['next.pdf']);
    },
    PDF_TIMEOUT,
  );
});

describe('folders left by exports killed outright', () => {
  it(
    "are removed when a printer starts, if named for a process that has ended; anything else is left",
    async () => {
      const ended = spawnSync('true').pid.toString(36);
      const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
      const name = (pid: string, suffix: string, ns = namespace) => `talkdeck-pdf-${ns}-${pid}-${suffix}`;
      try {
        const dead = join(tmp.dir, name(ended, 'AbC123'));
        mkdirSync(join(dead, 'p', 'Default'), { recursive: true });
        writeFileSync(join(dead, 'p', 'Default', 'Cookies'), 'x');
        // A link named like a left folder, to a folder of someone's: neither followed nor removed.
        const elsewhere = join(tmp.dir, 'elsewhere');
        mkdirSync(elsewhere);
        writeFileSync(join(elsewhere, 'keep'), 'x');
        symlinkSync(elsewhere, join(tmp.dir, name(ended, 'Link01')));
        // A file of that name, a folder of a process that still runs, one of another PID namespace
        // (a container sharing the folder, whose processes this one cannot see), names of other shapes.
        writeFileSync(join(tmp.dir, name(ended, 'File01')), 'x');
        mkdirSync(join(tmp.dir, name((sleeper.pid ?? 0).toString(36), 'Alive1')));
        mkdirSync(join(tmp.dir, name(ended, 'Other1', 'zz1')));
        mkdirSync(join(tmp.dir, 'talkdeck-pdf-Old123'));
        mkdirSync(join(tmp.dir, name(ended, 'toolong7')));
        const printer = new PdfPrinter();
        printer.check();
        await printer.close();
        expect(readdirSync(tmp.dir).sort()).toEqual(
          ['elsewhere', name(ended, 'File01'), name(ended, 'Link01'), name(ended, 'toolong7'), name((sleeper.pid ?? 0).toString(36), 'Alive1'), name(ended, 'Other1', 'zz1'), 'talkdeck-pdf-Old123'].sort(),
        );
        expect(readFileSync(join(elsewhere, 'keep'), 'utf8')).toBe('x');
      } finally {
        sleeper.kill('SIGKILL');
      }
    },
    PDF_TIMEOUT,
  );
});
