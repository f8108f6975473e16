import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `talkdeck export` killed with SIGKILL at points all through its run — at once, after shares of
 * the work a full run does (its CPU time, read from /proc, so the points hold on a loaded machine),
 * the moment its temporary file appears, and the moment anything happens to the target — leaves the
 * target either byte for byte the previous export or a complete new one. What a kill can leave
 * besides is a hidden temporary file named for the killed process, which nothing reads.
 *
 * (Run against a build whose writes go straight into the target, this fails on both formats: the
 * kill at the first touch of the target leaves part of a file.)
 */

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.cjs');
const SLIDES = 3000;

type Format = 'pptx' | 'json';

let dir = '';
/** Bytes of the previous export (of a small deck) and of a full export of the big deck, by format. */
const previous = new Map<Format, Buffer>();
const reference = new Map<Format, Buffer>();

function talkdeck(...args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`talkdeck ${args.join(' ')} failed: ${result.stderr}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-kill-export-'));
  const slides = Array.from(
    { length: SLIDES },
    (_, i) => `# Slide ${i + 1}\n\n- a point about slide ${i + 1}, long enough to add up\n- another with **bold** and \`code\`\n\n<!-- notes: Say something about slide ${i + 1}. -->`,
  );
  writeFileSync(join(dir, 'big.md'), slides.join('\n\n---\n\n'));
  copyFileSync('test/fixtures/e2e/four.md', join(dir, 'four.md'));
  for (const format of ['pptx', 'json'] as const) {
    talkdeck('export', 'four.md', '-f', format, '-o', `previous.${format}`);
    previous.set(format, readFileSync(join(dir, `previous.${format}`)));
    talkdeck('export', 'big.md', '-f', format, '-o', `reference.${format}`);
    reference.set(format, readFileSync(join(dir, `reference.${format}`)));
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CPU time a process has used so far, in clock ticks (utime + stime), or null once it is gone. */
function cpuTicks(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const tick = () => new Promise((done) => setTimeout(done, 2));

/** The temporary files an atomic write of `out.FORMAT` by process `pid` would leave. */
const tempName = (format: Format | 'pptx|json', pid?: number) => new RegExp(`^\\.out\\.(?:${format})\\.${pid ?? '\\d+'}\\.[0-9a-f]{8}\\.tmp$`, 'u');

type Trigger = { kind: 'at once' } | { kind: 'cpu'; ticks: number } | { kind: 'temp file' } | { kind: 'target touched' } | { kind: 'never' };

interface Run {
  pid: number;
  killed: boolean;
  /** Last CPU time seen, in ticks. */
  ticks: number;
}

/** Exports the big deck over `out.FORMAT` (which holds the previous export), killing it on `trigger`. */
async function exportKilled(format: Format, trigger: Trigger): Promise<Run> {
  writeFileSync(join(dir, `out.${format}`), previous.get(format)!);
  const child = spawn('node', [CLI, 'export', 'big.md', '-f', format, '-o', `out.${format}`], { cwd: dir, stdio: 'ignore' });
  const pid = child.pid!;
  let exited = false;
  const closed = new Promise<NodeJS.Signals | null>((done) => child.on('close', (_code, signal) => done(signal)));
  void closed.then(() => (exited = true));
  const kill = () => {
    if (!exited) child.kill('SIGKILL');
  };
  let ticks = 0;
  if (trigger.kind === 'at once') kill();
  if (trigger.kind === 'temp file' || trigger.kind === 'target touched') {
    const watcher = watch(dir, (_event, name) => {
      const file = name?.toString() ?? '';
      if (trigger.kind === 'temp file' ? tempName(format, pid).test(file) : file === `out.${format}`) kill();
    });
    void closed.then(() => watcher.close());
  }
  // Poll the CPU time used: the kill point for `cpu`, and the total for the others.
  while (!exited) {
    ticks = Math.max(ticks, cpuTicks(pid) ?? 0);
    if (trigger.kind === 'cpu' && ticks >= trigger.ticks) kill();
    await tick();
  }
  return { pid, killed: (await closed) === 'SIGKILL', ticks };
}

/** A complete export of the big deck: the same bytes as the reference, or for PPTX a sound zip with every slide. */
function expectCompleteNew(format: Format, bytes: Buffer): void {
  const what = `out.${format} is neither the previous export nor a complete new one (${bytes.length} bytes)`;
  if (format === 'json') {
    expect(bytes.equals(reference.get('json')!), what).toBe(true);
    expect(JSON.parse(bytes.toString('utf8')).slides).toHaveLength(SLIDES);
    return;
  }
  // A PPTX holds the time it was made: check the archive instead of comparing bytes.
  expect(bytes.length, what).toBe(reference.get('pptx')!.length);
  const path = join(dir, 'check.pptx');
  writeFileSync(path, bytes);
  try {
    expect(spawnSync('unzip', ['-tqq', path]).status, what).toBe(0);
    const entries = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.split('\n');
    expect(entries.filter((entry) => /^ppt\/slides\/slide\d+\.xml$/u.test(entry))).toHaveLength(SLIDES);
  } finally {
    rmSync(path);
  }
}

/**
 * After a run: the target is the previous export or a complete new one; the only other new files
 * are the killed process's temporary files. Returns what the kill left: 'previous', 'new', and
 * 'mid-write' when it landed while the temporary file was being written.
 */
function outcome(format: Format, run: Run, before: Set<string>): Set<string> {
  const found = new Set<string>();
  const now = readFileSync(join(dir, `out.${format}`));
  if (now.equals(previous.get(format)!)) found.add('previous');
  else {
    expectCompleteNew(format, now);
    found.add('new');
  }
  const added = readdirSync(dir).filter((name) => !before.has(name));
  for (const name of added) expect(name).toMatch(tempName(format, run.pid));
  if (added.length > 0) {
    // Only a killed process leaves one, and then the target is still the previous export.
    expect(run.killed).toBe(true);
    expect(found.has('previous')).toBe(true);
    found.add('mid-write');
  }
  return found;
}

describe.each(['pptx', 'json'] as const)('export to %s killed with SIGKILL', (format) => {
  it('leaves the previous file or a complete new one, whenever the kill lands', async () => {
    // A full run, watched, for how much CPU time the whole export takes.
    const full = await exportKilled(format, { kind: 'never' });
    expect(full.killed).toBe(false);
    expectCompleteNew(format, readFileSync(join(dir, `out.${format}`)));
    expect(full.ticks).toBeGreaterThan(0);

    const seen = new Set<string>();
    const killAt = async (trigger: Trigger) => {
      const before = new Set(readdirSync(dir));
      const run = await exportKilled(format, trigger);
      const found = outcome(format, run, before);
      for (const what of found) seen.add(what);
      return { run, found };
    };

    const atOnce = await killAt({ kind: 'at once' });
    expect(atOnce.run.killed).toBe(true);
    expect(atOnce.found.has('previous')).toBe(true);
    for (const share of [0.2, 0.6, 0.95]) await killAt({ kind: 'cpu', ticks: Math.max(1, Math.round(full.ticks * share)) });

    // Killed the moment anything happens to the target: a writer that wrote into it would be cut
    // off mid-file here; an atomic one has just renamed the whole new file over it.
    const touched = await killAt({ kind: 'target touched' });
    expect(touched.found).toEqual(new Set(['new']));

    // The moment the temporary file appears, the write is under way: a kill then must spare the target.
    for (let attempt = 0; attempt < 5; attempt++) {
      const { found } = await killAt({ kind: 'temp file' });
      if (found.has('mid-write')) break;
    }
    // A large PPTX takes long enough to write that a kill lands inside the write.
    if (format === 'pptx') expect(seen).toContain('mid-write');
    expect(seen).toContain('previous');

    // The temporary files left by killed runs get in the way of nothing: the next export is whole.
    const before = new Set(readdirSync(dir));
    const last = await exportKilled(format, { kind: 'never' });
    expect(last.killed).toBe(false);
    expect(outcome(format, last, before)).toEqual(new Set(['new']));
    for (const name of readdirSync(dir).filter((name) => name.startsWith('.'))) expect(name).toMatch(tempName('pptx|json'));
  }, 180_000);
});
