import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const DECK = 'test/fixtures/compile/coverage/talk.md';

function talkdeck(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('talkdeck coverage', () => {
  test('--json gives the cited passages, the uncited salient ones, headings and words a minute', () => {
    const result = talkdeck('coverage', DECK, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.articles[0].cited.map((p: { startLine: number; slides: number[] }) => [p.startLine, p.slides])).toEqual([
      [7, [1]],
      [12, [2]],
    ]);
    expect(json.articles[0].headings.filter((h: { slides: number[] }) => h.slides.length === 0).map((h: { text: string }) => h.text)).toEqual(['History']);
    expect(json.screenWordsPerMinute).toBe(8);
  });

  test('the table: a bar per heading, the passages and what is left out', () => {
    const result = talkdeck('coverage', DECK);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('article.md\n  sentences  ███░░░░░░░░░░░░░░░░░ 17% on screen, 17% only in the notes, 67% left out (6 sentences)');
    expect(result.stdout).toMatch(/ {2}History +░{10} 0\/1 +no slide/u);
    expect(result.stdout).toMatch(/ {4}12 +→ 2 +Waves can knock visitors off slippery rocks\./u);
    expect(result.stdout).toMatch(/salient passages no slide cites\n {4}3 +1\.00 Tide pools are rocky hollows/u);
    expect(result.stdout).toContain('words on screen: 16 over 2 minutes, 8 a minute');
  });

  test('a cited article outside the deck folder is refused and named, exit 1, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-coverage-'));
    try {
      mkdirSync(join(dir, 'deck'));
      writeFileSync(join(dir, 'secret.md'), 'A secret sentence.\n');
      writeFileSync(join(dir, 'deck', 'talk.md'), readFileSync(DECK, 'utf8').replaceAll('article.md', '../secret.md'));
      const result = talkdeck('coverage', join(dir, 'deck', 'talk.md'));
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/\.\.\/secret\.md\n {2}cannot be read: .*outside/u);
      expect(result.stdout).not.toContain('A secret sentence');
      expect(result.stderr).not.toMatch(/\n\s+at /u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('build records the headings covered; check warns when the citations no longer cover one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-coverage-'));
    try {
      writeFileSync(join(dir, 'article.md'), readFileSync('test/fixtures/compile/coverage/article.md'));
      const built = talkdeck('build', join(dir, 'article.md'), '-o', join(dir, 'talk.md'));
      expect(built.code).toBe(0);
      expect(built.stdout).toMatch(/coverage: \d+% of the articles' 6 sentences on screen, \d+% only in the notes; 3 of 3 headings have a slide/u);
      const deck = readFileSync(join(dir, 'talk.md'), 'utf8');
      expect(deck).toContain('covered_headings:\n  - "article.md#Life in the pools"\n  - "article.md#Dangers"\n  - "article.md#History"\n---');
      expect(talkdeck('check', join(dir, 'talk.md')).stderr).not.toContain('warning');
      // An edit drops every citation of the Dangers section (lines 10-13).
      writeFileSync(join(dir, 'talk.md'), deck.replace(/^<!-- source: article\.md:1[0-3][^\n]*\n/gmu, ''));
      const checked = talkdeck('check', join(dir, 'talk.md'));
      expect(checked.stderr).toMatch(/talk\.md:\d+:1: warning: no slide cites the heading "Dangers" of article\.md any more \(covered when the deck was built\)/u);
      expect(checked.stderr).not.toContain('"History"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
