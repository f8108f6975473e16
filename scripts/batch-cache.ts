/**
 * Makes dist/batch-COMMAND.cache, the V8 code cache of one command of the batch face
 * (src/cli/batch-face.ts): loads dist/batch.cjs as the entry loads it for that command, runs the
 * command on the bundled talk or its articles in a scratch folder, and writes the bytecode of
 * every function it called. One process for each command: see CACHED_COMMANDS.
 *
 *   node <this, bundled by scripts/build.mjs> DIST BUILD_ID COMMAND
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
const io = { stdout: sink(), stderr: sink(), stdin: process.stdin, env: { ...process.env, TALKDECK_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1' }, cwd: work };
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
    if (code !== 0) throw new Error(`talkdeck ${argv.join(' ')} exited with ${code}`);
  }
  writeFileSync(join(dist, `batch-${command}.cache`), batchCache(face));
} finally {
  rmSync(work, { recursive: true, force: true });
}
