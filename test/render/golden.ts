import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { expect } from 'vitest';

export const GOLDEN_DIR = new URL('./golden/', import.meta.url);
export const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * A frame drawn inside a box so that a reviewer sees its exact size in a diff; a line wider than
 * `columns` pushes its right border out of line.
 */
export function boxed(frame: string, columns: number, caption: string): string {
  const lines = frame.split('\n');
  const body = lines.map((line) => `│${line}${' '.repeat(Math.max(0, columns - stringWidth(line)))}│`);
  return [`┌${'─'.repeat(columns)}┐ ${caption}`, ...body, `└${'─'.repeat(columns)}┘`, ''].join('\n');
}

/** Compares text with `golden/<name>.txt` exactly; UPDATE_GOLDEN=1 writes it instead. */
export function expectGolden(name: string, actual: string): void {
  const url = new URL(`${name}.txt`, GOLDEN_DIR);
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(url, actual);
    return;
  }
  if (!existsSync(url)) throw new Error(`golden/${name}.txt is missing; run UPDATE_GOLDEN=1 npx vitest run test/render to create it`);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

/** Golden files no test produced: stale after a case was removed (deleted when updating). */
export function orphanGoldens(produced: ReadonlySet<string>, prefix: string): string[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  const orphans = readdirSync(GOLDEN_DIR).filter((file) => file.startsWith(prefix) && file.endsWith('.txt') && !produced.has(file.slice(0, -4)));
  if (UPDATE) for (const file of orphans) rmSync(new URL(file, GOLDEN_DIR));
  return UPDATE ? [] : orphans;
}
