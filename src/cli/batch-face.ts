import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Crypto from 'node:crypto';
import type * as V8 from 'node:v8';
import type * as Vm from 'node:vm';
import type { run as Run } from './run.js';

/**
 * The batch face: the command line for the commands that run once and exit (build, export, check,
 * print, coverage, report, themes, completion), as one CommonJS script (dist/batch.cjs) run with a
 * V8 code cache (dist/batch-COMMAND.cache), both made by scripts/build.mjs.
 *
 * Those commands are short runs of code that is cold, and much of their time went to reading and
 * compiling it: Node's loader links and compiles the code-split chunks one by one, and V8 compiles
 * each function on its first call. The code cache holds the bytecode of every function that the
 * build's own runs of these commands called, so a command starts with its code already compiled.
 * The full-screen commands keep the chunks (dist/chunks/): their first frame comes from the entry
 * before any chunk loads, and Ink's modules need the ES module loader.
 *
 * The cache is trusted as the code is: it is made with the script and beside it, never written at
 * run time. The script's first line and the cache's first bytes name the build they come from
 * (scripts/build.mjs's build id): a script of another build than the entry's is not run, and a
 * cache of another build is left unused (V8's own check compares only the source's length), as is
 * one whose bytes are not those written (its SHA-256 follows the stamp: V8 would run damaged
 * bytecode, or stop Node) and one V8 rejects (another Node, other flags); the script then runs
 * without it, only slower.
 */

/** What to make a command's code from: the batch commands, in the command table's names. */
export const BATCH_COMMANDS: ReadonlySet<string> = new Set(['build', 'export', 'check', 'print', 'coverage', 'report', 'themes', 'completion']);

/**
 * The commands with a code cache of their own (dist/batch-COMMAND.cache), each made from runs of
 * that command alone: a cache holding every command's functions is twice the size, and reading it
 * cost the HTML export about 10 ms of what it saved.
 */
export const CACHED_COMMANDS: readonly string[] = ['build', 'export', 'check', 'coverage', 'print'];

/**
 * V8 flags for a command, set before the script is compiled: a code cache is accepted only under
 * the flags it was made with. Each is a figure measured paired against V8's defaults (README,
 * "Tried, with figures"), and changes no output.
 *
 * `build` is one short run of the compiler over code that is cold. V8 optimises a function
 * (TurboFan) once it has run through a budget of bytecode, and at the default budget (67,584) much
 * of that optimising is paid for and never paid back. Eight times the default leaves it to the code
 * that runs long: CPU 0.81x for building the bundled articles, 0.86x for a 100 KB article, 0.77x for
 * a 1 MB one.
 *
 * `build` also lets the young generation grow to its full size at once (`--semi-space-growth-factor=16`,
 * from V8's doubling): most of what it allocates lives on (the articles read, the model, the plan),
 * and each collection of a young generation too small for it copied it all again. Building the
 * bundled articles: 8 young collections and one full one → 3 young ones (trace-gc), about 10 ms of
 * collecting saved; paired (21 alternating runs), 476.5 → 467.2 ms median wall time.
 *
 * Every command runs many regular expressions (marked's for a deck, the compiler's for articles).
 * V8 runs each in its interpreter first and compiles it on a later run; compiled at once
 * (`--no-regexp-tier-up`), the bundled talk's HTML export took 0.91x the wall time, check 0.87x,
 * print 0.89x, coverage 0.86x, and building the bundled articles 0.89x.
 */
function flagsFor(command: string): string {
  return command === 'build' ? '--interrupt-budget=540672 --no-regexp-tier-up --semi-space-growth-factor=16' : '--no-regexp-tier-up';
}

/** The wrapper the script runs in, as Node wraps a CommonJS module (plus the module's URL, for import.meta.url). */
const HEAD = '(function (exports, require, module, __filename, __dirname, __batch_url) {';
const TAIL = '\n})';
/** The first line of dist/batch.cjs, and the first bytes of each dist/batch-COMMAND.cache, for the build `id`. */
export function batchStamp(id: string): string {
  return `// talkdeck batch face, build ${id}\n`;
}

/** The length of a cache's digest, after its stamp. */
const DIGEST_BYTES = 32;

export type CacheState = 'accepted' | 'rejected' | 'stale' | 'damaged' | 'none';

export interface BatchFace {
  run: typeof Run;
  /** Whether the code cache was used: `stale` when it was made from another build, `damaged` when its bytes are not those written, `none` when there is none. */
  cache: CacheState;
  /** The compiled script, for batchCache. */
  script: Vm.Script;
  stamp: Buffer;
}

/**
 * The batch face of the build `id` from `dir` (dist/), to run `command`; or null when there is none
 * of that build or it does not compile, and then the chunks serve every command. The command's
 * code cache is used unless `useCache` is false.
 */
export function loadBatchFace(dir: string, id: string, command: string, useCache = true): BatchFace | null {
  const file = join(dir, 'batch.cjs');
  const stamp = Buffer.from(batchStamp(id));
  const source = readIfThere(file);
  if (!source?.subarray(0, stamp.length).equals(stamp)) return null;
  // Loaded here rather than imported: the entry's other paths (the first frame) should not pay for them.
  const require = createRequire(import.meta.url);
  (require('node:v8') as typeof V8).setFlagsFromString(flagsFor(command));
  let cachedData: Buffer | undefined;
  let cache: CacheState = 'none';
  // Not when making the cache: one made from a cache holds every function of the one before.
  const kept = useCache && CACHED_COMMANDS.includes(command) ? readIfThere(join(dir, `batch-${command}.cache`)) : null;
  if (kept && kept.length > stamp.length + DIGEST_BYTES && kept.subarray(0, stamp.length).equals(stamp)) {
    // V8 checks a cache only by its source's length and its own version: bytes damaged on disk
    // would run, or stop Node outright. Its digest is checked first.
    const digest = kept.subarray(stamp.length, stamp.length + DIGEST_BYTES);
    const data = kept.subarray(stamp.length + DIGEST_BYTES);
    if (sha256(require, data).equals(digest)) cachedData = data;
    else cache = 'damaged';
  } else if (kept) cache = 'stale';
  const { Script } = require('node:vm') as typeof Vm;
  // The script has no import() of its own (scripts/build.mjs makes each a require): a script run
  // this way could not load an ES module without an experimental flag.
  let script: Vm.Script;
  try {
    // ASCII (scripts/ascii-script.mjs makes it so): read as Latin-1, a plain copy, not decoded as UTF-8.
    script = new Script(HEAD + source.toString('latin1') + TAIL, { filename: file, cachedData });
  } catch {
    // A script cut short (a build interrupted while writing it) does not compile: the chunks serve.
    return null;
  }
  if (cachedData) cache = script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} as { run?: typeof Run } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir, pathToFileURL(file).href);
  if (typeof module.exports.run !== 'function') return null;
  return { run: module.exports.run, cache, script, stamp };
}

/** The code cache for `face` as it stands (every function it has compiled so far), stamped with its build and with the digest of its bytes. */
export function batchCache(face: BatchFace): Buffer {
  const data = face.script.createCachedData();
  return Buffer.concat([face.stamp, sha256(createRequire(import.meta.url), data), data]);
}

/** The file's bytes, or null when it cannot be read (there is none: the command runs without it). */
function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** SHA-256 of `data` (node:crypto, loaded when a cache is read: the batch commands load it anyway). */
function sha256(require: NodeJS.Require, data: Uint8Array): Buffer {
  return (require('node:crypto') as typeof Crypto).createHash('sha256').update(data).digest();
}
