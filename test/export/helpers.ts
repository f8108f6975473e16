import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import type { Deck } from '../../src/deck/index.js';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../src/export/index.js';
import { loadDeck } from '../../src/parse/index.js';
import { loadTheme, type Theme } from '../../src/theme/index.js';

export const FIXTURES = resolve('test/fixtures/export');

/** A fixture deck from test/fixtures/export, parsed by the real parser. */
export function fixtureDeck(name: string): Deck {
  return loadDeck(join(FIXTURES, name));
}

/** A built-in theme by name. */
export function theme(name = 'dark'): Theme {
  return loadTheme(name, { themesDir: 'themes', cwd: process.cwd() });
}

/** A fresh folder under test/.tmp (git-ignored), removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  mkdirSync('test/.tmp', { recursive: true });
  const dir = mkdtempSync(join(resolve('test/.tmp'), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `data` to a file in `dir` and returns its path. */
export function writeTemp(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** Runs a program and returns its stdout as text (throws on a non-zero exit). */
export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Whether a program is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Page count from pdfinfo. */
export function pdfPages(path: string): number {
  const match = /^Pages:\s+(\d+)/mu.exec(run('pdfinfo', [path]));
  if (!match) throw new Error(`pdfinfo gave no page count for ${path}`);
  return Number(match[1]);
}

/** Text of a PDF (or one page of it) from pdftotext. */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...range, path, '-']);
}

/** How a picture's pixels are spread: distinct colours and the share that differ from the corner pixel. */
export function pixelStats(png: Uint8Array): { colors: number; nonBackground: number; width: number; height: number } {
  const image = PNG.sync.read(Buffer.from(png));
  const { data, width, height } = image;
  const colors = new Set<number>();
  const bg = [data[0], data[1], data[2]];
  let differ = 0;
  for (let i = 0; i < data.length; i += 4) {
    colors.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > 48) differ++;
  }
  return { colors: colors.size, nonBackground: differ / (width * height), width, height };
}

/** Files in a zip archive, via `unzip -Z1`. */
export function zipEntries(path: string): string[] {
  return run('unzip', ['-Z1', path]).split('\n').filter(Boolean);
}

/** One file of a zip archive as text, via `unzip -p`. */
export function zipText(path: string, entry: string): string {
  // unzip reads entry names as wildcard patterns: match [, ], * and ? literally.
  return run('unzip', ['-p', path, entry.replace(/[[\]*?]/gu, (c) => `\\${c}`)]);
}

export const CHROMIUM = DEFAULT_CHROMIUM;

/** Launches the system Chromium headless; fails with a hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`these tests need Chromium at ${CHROMIUM}: apt-get install chromium`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Opens an HTML export from a file:// URL, collecting dialogs, page errors and console messages. */
export async function openHtml(
  browser: Browser,
  path: string,
  hash = '',
  viewport = { width: 1280, height: 720 },
): Promise<{ page: Page; dialogs: string[]; errors: string[]; console: string[] }> {
  const context = await browser.newContext({ viewport, offline: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const messages: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(`file://${path}${hash}`);
  await page.waitForSelector('body[data-ready="1"]', { state: 'attached', timeout: 20000 });
  return { page, dialogs, errors, console: messages };
}
