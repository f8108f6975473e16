/**
 * Makes dist/batch-COMMAND.cache, the V8 code cache of one command of the batch face
 * (src/cli/batch-face.ts): loads dist/batch.cjs as the entry loads it for that command, runs the
 * command on the bundled talk or its articles in a scratch folder, and writes the bytecode of
 * every function it called. One process for each command: see CACHED_COMMANDS.
 *
 *   node <this, bundled by scripts/build.mjs> DIST BUILD_ID COMMAND
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { batchCache, loadBatchFace } from '../src/cli/batch-face.js';

const [dist, id, command] = process.argv.slice(2);
if (!dist || !id || !command) throw new Error('usage: batch-cache DIST BUILD_ID COMMAND');
const face = loadBatchFace(resolve(dist), id, command, false);
if (!face) throw new Error(`${dist}/batch.cjs is missing or not of build ${id}`);
const root = resolve(dist, '..');
const work = mkdtempSync(join(tmpdir(), 'talkdeck-batch-cache-'));
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
// What a command says on stderr is kept, to show if it fails.
let said = '';
const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => ((said += chunk.toString()), done()) }) as unknown as NodeJS.WriteStream;
// Nothing of the builder's own: no configuration file, no start cache, no colours.
const env = { PATH: process.env.PATH, HOME: work, XDG_CONFIG_HOME: join(work, 'config'), XDG_CACHE_HOME: join(work, 'cache'), TALKDECK_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1' };
const io = { stdout: sink(), stderr, stdin: process.stdin, env, cwd: work };
const articles = ['unikernels-are-unfit-for-production.md', 'unikernels-undebuggable-tns.zh.md'].map((name) => join(root, 'decks/unikernels/sources', name));
const deck = join(root, 'decks/unikernels/talk.md');
const runs = [
  ['build', ...articles, '-o', join(work, 'talk.md')],
  ['check', deck],
  ['coverage', deck],
  // Not pptx: pptxgenjs would double the cache, for an export whose own work is most of its time.
  ...['html', 'json', 'md', 'txt'].map((format) => ['export', deck, '--format', format, '-o', join(work, `export.${format}`)]),
  ['print', deck],
].filter((argv) => argv[0] === command);
if (runs.length === 0) throw new Error(`no runs to make the code cache of ${command} from`);
try {
  for (const argv of runs) {
    const code = await face.run(argv, io);
    if (code !== 0) throw new Error(`talkdeck ${argv.join(' ')} exited with ${code}: ${said.trim()}`);
  }
  // Written whole or not at all: a build stopped here leaves no cache cut short.
  const file = join(dist, `batch-${command}.cache`);
  writeFileSync(`${file}.tmp`, batchCache(face));
  renameSync(`${file}.tmp`, file);
} catch (error) {
  // One line for the build's warning.
  process.stderr.write(`${(error instanceof Error ? error.message : String(error)).replace(/\s+/gu, ' ')}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
