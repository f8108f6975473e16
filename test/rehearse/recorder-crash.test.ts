import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Rehearse from '../../src/rehearse/index.js';
import { makeDeck } from '../fixtures/rehearse/decks.js';

const root = join(import.meta.dirname, '..', '..');
const script = join(root, 'test', 'fixtures', 'rehearse', 'record-run.mjs');
let dir = '';
let bundle = '';
let deckPath = '';
let rehearse: typeof Rehearse;
const deck = makeDeck([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }, { title: 'Four' }, { title: 'Five' }], { title: 'Crash test' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-crash-'));
  bundle = join(dir, 'rehearse.mjs');
  // The child runs the same code as the tests, bundled: plain node cannot import TypeScript.
  await build({
    entryPoints: [join(root, 'src', 'rehearse', 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  deckPath = join(dir, 'deck.json');
  writeFileSync(deckPath, JSON.stringify(deck));
  rehearse = (await import(pathToFileURL(bundle).href)) as typeof Rehearse;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function completeLines(path: string): number {
  if (!existsSync(path)) return 0;
  return readFileSync(path, 'utf8').split('\n').length - 1;
}

/** Starts the recorder in a child process, waits until it has written `lines` whole lines, and kills it with SIGKILL. */
async function killAfter(mode: 'steady' | 'busy', lines: number): Promise<string> {
  const logPath = join(dir, mode, '.talkdeck', 'rehearsals.jsonl');
  const child = spawn(process.execPath, [script, bundle, logPath, deckPath, mode], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  // Each line is flushed to disk: under a full run of the suite 150 of them took over 20 s once.
  const deadline = Date.now() + 60_000;
  while (completeLines(logPath) < lines) {
    if (child.exitCode !== null) throw new Error(`the recorder exited early (${child.exitCode}): ${stderr}`);
    if (Date.now() > deadline) throw new Error(`no ${lines} lines in the log in time: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return logPath;
}

describe('a rehearsal killed with SIGKILL', () => {
  it('leaves a readable log that lacks at most the slide it was on', async () => {
    const logPath = await killAfter('steady', 4);
    const runs = rehearse.readRehearsals(logPath);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId: 'steady', final: false, current: 3, totalSeconds: 60, minutes: 10 });
    expect(runs[0]!.slides).toEqual([
      { title: 'One', seconds: 10, visits: 1 },
      { title: 'Two', seconds: 20, visits: 1 },
      { title: 'Three', seconds: 30, visits: 1 },
      { title: 'Four', seconds: 0, visits: 1 },
      { title: 'Five', seconds: 0, visits: 0 },
    ]);
    // The fourth slide's 40 s are the loss; the report does not take its 0 s for a time.
    expect(rehearse.rehearsedSeconds(deck, runs[0]!)).toEqual([10, 20, 30, null, null]);
  });

  it('killed while writing as fast as it can, keeps every whole line and the run they describe', async () => {
    const logPath = await killAfter('busy', 150);
    const text = readFileSync(logPath, 'utf8');
    const rows = text.split('\n');
    const tail = rows.pop() ?? '';
    // Every line before the last newline is a whole record; only an unterminated tail may be torn.
    const records = rows.map((row) => rehearse.parseRehearsalLine(row));
    expect(records.every((record) => record !== null)).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    const runs = rehearse.readRehearsals(logPath);
    expect(runs).toHaveLength(1);
    const last = rehearse.parseRehearsalLine(tail) ?? records[records.length - 1];
    expect(runs[0]).toEqual(last);
    // Checkpoint k (from 1) is written when slide k starts, after k − 1 slides of 1 s each.
    const checkpoints = runs[0]!.slides.reduce((sum, s) => sum + s.visits, 0);
    expect(runs[0]!.totalSeconds).toBe(checkpoints - 1);
    expect(runs[0]!.final).toBe(false);

    // A later run appends after the torn tail, if any, and reads back whole.
    let t = Date.UTC(2025, 2, 2);
    const next = new rehearse.RehearsalRecorder({ logPath, deck, now: () => t, runId: 'after' });
    next.enter(0);
    t += 2_000;
    next.finish();
    expect(rehearse.readRehearsals(logPath).map((r) => [r.runId, r.final])).toEqual([
      ['busy', false],
      ['after', true],
    ]);
  }, 90_000);
});
