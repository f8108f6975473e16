import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The built CLI, run as a user would. */
const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const SOURCES = resolve('decks/unikernels/sources');
const EN = 'unikernels-are-unfit-for-production.md';
const ZH = 'unikernels-undebuggable-tns.zh.md';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-cli-'));
  mkdirSync(join(dir, 'sources'));
  copyFileSync(join(SOURCES, EN), join(dir, 'sources', EN));
  copyFileSync(join(SOURCES, ZH), join(dir, 'sources', ZH));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function talkdeck(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No stack trace, no temporary file left beside the target. */
function expectCleanFailure(result: { code: number | null; stderr: string }, code = 1) {
  expect(result.code).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at /u);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe('talkdeck build', () => {
  it('compiles the two articles into the bundled talk, byte for byte', () => {
    const result = talkdeck('build', `sources/${EN}`, `sources/${ZH}`, '-o', 'talk.md');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'talk.md'), 'utf8')).toBe(readFileSync('decks/unikernels/talk.md', 'utf8'));
  });

  it.each([
    ['a missing file', 'missing.md', /missing\.md: no such file/u],
    ['a directory', 'sources', /sources: is a directory/u],
  ])('names %s and writes nothing', (_what, input, message) => {
    const result = talkdeck('build', input, '-o', 'out-bad.md');
    expect(result.stderr).toMatch(message);
    expectCleanFailure(result);
    expect(existsSync(join(dir, 'out-bad.md'))).toBe(false);
  });

  it.each([
    ['an empty file', 'empty.md', ''],
    ['a binary file', 'binary.md', 'PK\u0003\u0004\u0000\u0000\u0001binary'],
    ['only code', 'code.md', '```js\nconsole.log(1);\n```\n'],
  ])('rejects %s with a message naming it, keeping the previous deck intact', (_what, name, content) => {
    writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, 'previous.md'), 'PREVIOUS');
    const result = talkdeck('build', name, '-o', 'previous.md');
    expect(result.stderr).toContain(name);
    expectCleanFailure(result);
    expect(readFileSync(join(dir, 'previous.md'), 'utf8')).toBe('PREVIOUS');
  });

  it('refuses to overwrite an article with its own talk', () => {
    const result = talkdeck('build', `sources/${EN}`, '-o', `sources/${EN}`);
    expect(result.stderr).toMatch(/would overwrite the article/u);
    expectCleanFailure(result, 2);
  });
});

describe('talkdeck check', () => {
  it('passes the fresh talk, then reports a moved passage and --fix moves its lines', () => {
    talkdeck('build', `sources/${EN}`, `sources/${ZH}`, '-o', 'check.md');
    expect(talkdeck('check', 'check.md').code).toBe(0);
    const article = join(dir, 'sources', EN);
    const original = readFileSync(article, 'utf8');
    writeFileSync(article, `An added first line.\n\n${original}`);
    try {
      const stale = talkdeck('check', 'check.md');
      expect(stale.code).toBe(1);
      expect(stale.stderr).toMatch(/slide \d+: .*moved/u);
      const fixed = talkdeck('check', 'check.md', '--fix');
      expect(fixed.stderr).toMatch(/fixed/u);
      expect(talkdeck('check', 'check.md').code).toBe(0);
    } finally {
      writeFileSync(article, original);
    }
  });

  it('reports a changed passage with its slide number and exits 1', () => {
    talkdeck('build', `sources/${EN}`, '-o', 'changed.md');
    // A passage the talk cites on a content slide, rewritten by one word in the article.
    const deck = readFileSync(join(dir, 'changed.md'), 'utf8');
    const quoted = [...deck.matchAll(/<!-- source: \S+ #\w+ "([^"]{40,})" -->/gu)].map((m) => m[1]!)[3]!;
    const word = quoted.split(' ').find((w) => /^[a-z]{6,}$/u.test(w))!;
    const article = join(dir, 'sources', EN);
    const original = readFileSync(article, 'utf8');
    expect(original).toContain(quoted);
    writeFileSync(article, original.replace(quoted, quoted.replace(word, 'underwhelming')));
    try {
      const result = talkdeck('check', 'changed.md');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/changed\.md:\d+:1: (?:slide \d+|\d+ citations \(slides? [\d, -]+\)): /u);
      expect(result.stderr).toMatch(/underwhelming/u);
    } finally {
      writeFileSync(article, original);
    }
  });
});

describe('talkdeck export', () => {
  it('streams the JSON contract to stdout with -o -', () => {
    const json = JSON.parse(talkdeck('export', resolve('decks/unikernels/talk.md'), '-f', 'json', '-o', '-').stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['title', 'meta', 'slides']));
    const slide = json.slides[3];
    expect(Object.keys(slide)).toEqual(expect.arrayContaining(['index', 'title', 'text', 'notes', 'sources']));
    expect(slide.index).toBe(4);
    for (const source of json.slides.flatMap((s: { sources: unknown[] }) => s.sources)) {
      const { path, startLine, endLine, quote } = source as { path: string; startLine: number; endLine: number; quote: string };
      const lines = readFileSync(resolve('decks/unikernels', path), 'utf8').split('\n').slice(startLine - 1, endLine).join(' ');
      expect(lines.replace(/\s+/gu, ' ')).toContain(quote.replace(/\s+/gu, ' '));
    }
  });

  it('writes a file atomically and never over the deck itself', () => {
    copyFileSync('test/fixtures/e2e/four.md', join(dir, 'four.md'));
    expect(talkdeck('export', 'four.md', '-f', 'md', '-o', 'four.md').stderr).toMatch(/is the deck itself; choose another -o/u);
    expect(readFileSync(join(dir, 'four.md'), 'utf8')).toBe(readFileSync('test/fixtures/e2e/four.md', 'utf8'));
    const result = talkdeck('export', 'four.md', '-f', 'txt');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'four.txt'), 'utf8')).toContain('Gamma Three');
  });

  it('export -f md without -o writes DECK.handout.md beside the deck', () => {
    copyFileSync('test/fixtures/e2e/four.md', join(dir, 'handout-deck.md'));
    const result = talkdeck('export', 'handout-deck.md', '-f', 'md');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('handout-deck.handout.md: md written');
    expect(readFileSync(join(dir, 'handout-deck.handout.md'), 'utf8')).toContain('Gamma Three');
    expect(readFileSync(join(dir, 'handout-deck.md'), 'utf8')).toBe(readFileSync('test/fixtures/e2e/four.md', 'utf8'));
  });

  it('export -f pptx -o - streams the bytes to a pipe, byte for byte what -o FILE writes', () => {
    copyFileSync('test/fixtures/e2e/four.md', join(dir, 'four.md'));
    const result = spawnSync('node', [CLI, 'export', 'four.md', '-f', 'pptx', '-o', '-'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    // No sanitiser or text decoding touched them: the same length as the file (the zip's dates may differ).
    expect(talkdeck('export', 'four.md', '-f', 'pptx', '-o', 'four-file.pptx').code).toBe(0);
    expect(result.stdout.length).toBe(readFileSync(join(dir, 'four-file.pptx')).length);
  });

  it('export -f pdf -o - streams a whole PDF to a pipe', () => {
    copyFileSync('test/fixtures/e2e/four.md', join(dir, 'four.md'));
    const result = spawnSync('node', [CLI, 'export', 'four.md', '-f', 'pdf', '-o', '-'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.stdout.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/u);
  });
});

describe('talkdeck report', () => {
  it('reads the rehearsal log beside the deck and prints JSON for scripts', () => {
    copyFileSync('test/fixtures/e2e/four.md', join(dir, 'report.md'));
    const empty = talkdeck('report', 'report.md', '--json');
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ slides: expect.any(Array) });
  });

  it('says which lines of the rehearsal log it left out, instead of skipping them silently', () => {
    const folder = join(dir, 'torn');
    mkdirSync(join(folder, '.talkdeck'), { recursive: true, mode: 0o700 });
    copyFileSync('test/fixtures/e2e/four.md', join(folder, 'four.md'));
    writeFileSync(join(folder, '.talkdeck', 'rehearsals.jsonl'), '\n{"runId":"a","startedAt":\nnot a record\n', { mode: 0o600 });
    const result = talkdeck('report', 'torn/four.md', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('torn/.talkdeck/rehearsals.jsonl:2: warning: not a rehearsal record (and 1 more line), left out of the report; a line torn when a rehearsal was killed looks like this\n');
  });
});

describe('paths that leave the deck folder', () => {
  it('a citation outside the deck folder reads as missing unless --allow-outside', () => {
    mkdirSync(join(dir, 'inner'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'top secret line\n');
    writeFileSync(
      join(dir, 'inner', 'escape.md'),
      '# Escape\n\n<!-- source: ../secret.txt:1 #5b1e8a9f3c2d "top secret line" -->\n',
    );
    const blocked = talkdeck('check', 'inner/escape.md');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/secret\.txt/u);
    expect(blocked.stderr).not.toMatch(/no problems/u);
    const allowed = talkdeck('check', 'inner/escape.md', '--allow-outside');
    expect(allowed.stderr).not.toMatch(/cannot|missing|vanished/iu);
  });
});

describe('decks written for other tools', () => {
  it('check says which dialect was picked and why; --dialect forces one', () => {
    const marp = talkdeck('check', resolve('test/fixtures/dialects/marp.md'));
    expect(marp.stdout).toMatch(/read as marp \(front matter has `marp: true`\)/u);
    expect(marp.stderr).toMatch(/ignored Marp directive paginate/u);
    const forced = talkdeck('check', resolve('test/fixtures/dialects/remark.md'), '--dialect', 'remark');
    expect(forced.stdout).toMatch(/read as remark/u);
    const bad = talkdeck('print', resolve('test/fixtures/dialects/remark.md'), '--dialect', 'bogus');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dialect must be auto or one of talkdeck, presenterm, marp/u);
  });

  it("applies presenterm's theme.override over the deck's theme, and names what it cannot apply", () => {
    const result = talkdeck('export', resolve('test/fixtures/dialects/presenterm-theme-override.md'), '-f', 'html', '-o', '-');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/body\{background:#040312;color:#e6e6e6;/u);
    expect(result.stderr).toMatch(/presenterm-theme-override\.md:38:5: info: `theme\.override\.intro_slide` \(presenterm\) is not applied/u);
    const plain = talkdeck('export', resolve('test/fixtures/dialects/presenterm.md'), '-f', 'html', '-o', '-');
    expect(plain.stdout).not.toMatch(/body\{background:#040312;/u);
  });
});

describe('messages never carry control sequences', () => {
  it('a deck whose name and text hold escape sequences is reported with visible placeholders', () => {
    const name = 'evil\u001b[2J.md';
    writeFileSync(join(dir, name), '# T\n\n<!-- \u001b]0;pwned\u0007 -->\n');
    const result = talkdeck('check', name);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('evil␛[2J.md');
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
    const missing = talkdeck('print', 'missing\u001b]0;x\u0007.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
  });
});

describe('a build killed mid-write', () => {
  it('leaves the previous deck whole, whenever SIGKILL lands', async () => {
    const { spawn } = await import('node:child_process');
    const paragraph = readFileSync(join(SOURCES, EN), 'utf8').split('\n\n').slice(2, 12).join('\n\n');
    writeFileSync(join(dir, 'big.md'), `# Big\n\n${Array.from({ length: 150 }, (_, i) => `## Part ${i}\n\n${paragraph}`).join('\n\n')}`);
    const previous = '# Previous deck\n';
    const outcomes = new Set<string>();
    for (const delayMs of [30, 80, 150, 250, 400, 700]) {
      writeFileSync(join(dir, 'killed.md'), previous);
      const child = spawn('node', [CLI, 'build', 'big.md', '-o', 'killed.md'], { cwd: dir, stdio: 'ignore' });
      const closed = new Promise((done) => child.on('close', done));
      await new Promise((done) => setTimeout(done, delayMs));
      child.kill('SIGKILL');
      await closed;
      const now = readFileSync(join(dir, 'killed.md'), 'utf8');
      // Either untouched, or the complete new deck: never a part of one.
      if (now === previous) outcomes.add('previous');
      else {
        expect(now.trimEnd().endsWith('-->') || now.includes('Questions?')).toBe(true);
        expect(talkdeck('check', 'killed.md').stderr).not.toMatch(/error/u);
        outcomes.add('new');
      }
    }
    expect(outcomes.has('previous')).toBe(true);
  }, 60_000);
});

describe('long output through a pipe', () => {
  it('is written out in full before the process exits', () => {
    const slides = Array.from({ length: 800 }, (_, i) => `# Slide ${i + 1}\n\n- a point about slide ${i + 1}, long enough to add up`);
    writeFileSync(join(dir, 'long.md'), slides.join('\n\n---\n\n'));
    const result = talkdeck('export', 'long.md', '-f', 'json', '-o', '-');
    expect(result.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(result.stdout).slides).toHaveLength(800);
    expect(talkdeck('print', 'long.md').stdout).toContain('Slide 800 of 800');
  });
});
