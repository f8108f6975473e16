import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_COMMANDS, CACHED_COMMANDS } from '../../src/cli/batch-face.js';
import { COMMAND_NAMES } from '../../src/cli/quick-start.js';

// The batch face (src/cli/batch-face.ts): the commands that run once and exit run from
// dist/batch.cjs with a V8 code cache per command, both made by `npm run build`.
const DIST = resolve('dist');
const DECK = resolve('decks/unikernels/talk.md');

/** The build id in the first line of dist/batch.cjs, or null. */
function stampOf(file: string): string | null {
  return /^\/\/ talkdeck batch face, build ([0-9a-f]{16})\n/u.exec(readFileSync(file, 'latin1').slice(0, 80))?.[1] ?? null;
}

/** Runs a CLI entry with a trace file; what it printed, its exit code and what the entry traced about the batch face. */
function runTraced(entry: string, args: string[], cwd: string): { code: number | null; stdout: string; stderr: string; batch: string[] } {
  const trace = join(cwd, `trace-${Math.random().toString(36).slice(2)}.log`);
  const result = spawnSync('node', [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TALKDECK_TRACE: trace, NO_COLOR: '1' } });
  const lines = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n') : [];
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, batch: lines.filter((l) => l.startsWith('batch-cache ')) };
}

describe('the batch face', () => {
  let work: string;
  beforeAll(() => {
    mkdirSync('test/.tmp', { recursive: true });
    work = mkdtempSync(resolve('test/.tmp/batch-face-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('serves only commands of the table, and none of the full-screen ones', () => {
    for (const name of BATCH_COMMANDS) expect(COMMAND_NAMES, name).toContain(name);
    for (const name of ['present', 'notes', 'rehearse', 'serve']) expect(BATCH_COMMANDS.has(name), name).toBe(false);
    for (const name of CACHED_COMMANDS) expect(BATCH_COMMANDS.has(name), name).toBe(true);
  });

  it('is built with a code cache for each cached command, all of the build the entry names', () => {
    const id = stampOf(join(DIST, 'batch.cjs'));
    expect(id).not.toBeNull();
    expect(readFileSync(join(DIST, 'talkdeck.cjs'), 'utf8')).toContain(`"${id}"`);
    const stamp = `// talkdeck batch face, build ${id}\n`;
    for (const name of CACHED_COMMANDS) {
      const cache = readFileSync(join(DIST, `batch-${name}.cache`));
      expect(cache.subarray(0, stamp.length).toString('latin1'), name).toBe(stamp);
      expect(cache.length, name).toBeGreaterThan(100_000);
    }
  });

  it('runs a batch command with its code cache, V8 accepting it', () => {
    const out = join(work, 'talk.json');
    const result = runTraced(join(DIST, 'talkdeck.cjs'), ['export', DECK, '--format', 'json', '-o', out], work);
    expect(result.stderr).toBe(`${out}: json written (17 slides)\n`);
    expect(result.code).toBe(0);
    expect(result.batch).toEqual(['batch-cache accepted']);
    expect(JSON.parse(readFileSync(out, 'utf8')).slides).toHaveLength(17);
    // A command without a cache of its own still runs from the script.
    expect(runTraced(join(DIST, 'talkdeck.cjs'), ['themes'], work).batch).toEqual(['batch-cache none']);
    // The full-screen commands and anything else stay on the chunks.
    expect(runTraced(join(DIST, 'talkdeck.cjs'), ['--version'], work).batch).toEqual([]);
  });

  describe('with a dist/ whose cache or script is not of its build', () => {
    // A copy of dist/ inside the checkout, so that node_modules and the themes are found as from dist/.
    let copy: string;
    let expected: string;
    beforeAll(() => {
      copy = join(work, 'dist');
      cpSync(DIST, copy, { recursive: true });
      const out = join(work, 'expected.html');
      expect(runTraced(join(DIST, 'talkdeck.cjs'), ['export', DECK, '--format', 'html', '-o', out], work).code).toBe(0);
      expected = readFileSync(out, 'utf8');
    });

    const exportHtml = () => {
      const out = join(work, 'talk.html');
      rmSync(out, { force: true });
      const result = runTraced(join(copy, 'talkdeck.cjs'), ['export', DECK, '--format', 'html', '-o', out], work);
      expect(result.stderr).toBe(`${out}: html written (17 slides)\n`);
      expect(result.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(expected);
      return result.batch;
    };

    it('leaves a cache of another build unused, and exports the same', () => {
      const file = join(copy, 'batch-export.cache');
      const cache = readFileSync(file);
      writeFileSync(file, Buffer.concat([Buffer.from('// talkdeck batch face, build 0000000000000000\n'), cache.subarray(cache.indexOf(10) + 1)]));
      expect(exportHtml()).toEqual(['batch-cache stale']);
      writeFileSync(file, cache);
      expect(exportHtml()).toEqual(['batch-cache accepted']);
    });

    it('runs without a cache whose bytes were damaged (V8 would run them, or stop), and exports the same', () => {
      const file = join(copy, 'batch-export.cache');
      const cache = readFileSync(file);
      const damaged = Buffer.from(cache);
      for (let at = damaged.length >> 1; at < (damaged.length >> 1) + 64; at++) damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      writeFileSync(file, damaged);
      expect(exportHtml()).toEqual(['batch-cache damaged']);
      writeFileSync(file, cache);
    });

    it('runs without a cache V8 rejects, and exports the same', () => {
      const file = join(copy, 'batch-export.cache');
      const cache = readFileSync(file);
      const stamp = cache.subarray(0, cache.indexOf(10) + 1);
      const data = Buffer.alloc(4096, 0x5a);
      writeFileSync(file, Buffer.concat([stamp, createHash('sha256').update(data).digest(), data]));
      expect(exportHtml()).toEqual(['batch-cache rejected']);
      writeFileSync(file, cache);
    });

    it('serves the command from the chunks when the script was cut short', () => {
      const file = join(copy, 'batch.cjs');
      const script = readFileSync(file);
      writeFileSync(file, script.subarray(0, script.length >> 1));
      expect(exportHtml()).toEqual([]);
      writeFileSync(file, script);
    });

    it('serves the command from the chunks when the script is of another build', () => {
      const file = join(copy, 'batch.cjs');
      const script = readFileSync(file, 'utf8');
      writeFileSync(file, script.replace(/^\/\/ talkdeck batch face, build [0-9a-f]{16}/u, '// talkdeck batch face, build 0000000000000000'));
      expect(exportHtml()).toEqual([]);
      writeFileSync(file, script);
    });
  });
});
