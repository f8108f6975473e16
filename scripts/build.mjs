// Bundles the CLI into minified ESM: an entry file plus chunks loaded on demand.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { asciiScript } from './ascii-script.mjs';

rmSync('dist', { recursive: true, force: true });

const outfile = 'dist/talkdeck.cjs';

/**
 * An id of this build: a hash of everything that shapes what talkdeck draws (its sources, built-in
 * themes, locked dependencies and this script). The frame cache files frames under it, so a frame
 * painted by one build is never shown by another.
 */
function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk('src');
  walk('themes');
  for (const file of ['package-lock.json', 'scripts/build.mjs', 'scripts/ascii-script.mjs']) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Two of Ink's modules are replaced. Its devtools (which need react-devtools-core) are reached
 * only when DEV=true, which the define below rules out. And `is-in-ci`: where the CI variable is
 * set, Ink paints nothing until it exits — but talkdeck draws only on a real terminal, where a
 * speaker is looking, CI or not.
 */
const stubInkModules = {
  name: 'stub-ink-modules',
  setup(b) {
    b.onResolve({ filter: /(^react-devtools-core$|\/devtools\.js$)/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onResolve({ filter: /^is-in-ci$/ }, (args) => ({ path: args.path, namespace: 'not-ci' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'not-ci' }, () => ({ contents: 'export default false;', loader: 'js' }));
  },
};
const BUILD_ID = buildId();
const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', __TALKDECK_BUILD__: JSON.stringify(BUILD_ID) },
  // Loaded from node_modules when a PDF is asked for, and sharp (libvips) when an image is shown:
  // both find their own files (a browser, a native library) at run time. sixel's quantiser
  // (UPNG) assigns a global, which works only as the CommonJS module it ships as.
  external: ['playwright-core', 'sharp', 'sixel'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
};
// The command line (run.ts, loaded by the entry): each command imports the stages it needs on
// demand; splitting keeps those in chunks of their own, so presenting never loads the compiler or
// the exporters, and start-up reads little.
await build({
  ...shared,
  // yaml as an entry of its own too: the entry's outline of a deck loads it from there when a deck
  // needs it, rather than bundling a copy of the parser into the entry.
  entryPoints: { run: 'src/cli/run.ts', yaml: 'yaml' },
  outdir: 'dist',
  splitting: true,
  entryNames: 'chunks/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink reaches its devtools only when DEV=true, which the define above rules out: leave them out.
  plugins: [stubInkModules],
});
// The entry, one file with no chunk of its own: what paints the first frame from the start cache
// (main.ts, cli/quick-start.ts, present/kept-frame.ts, and parse/outline.ts for the first launch
// after an edit) is read and compiled with it, before the command line is imported. Node's ESM loader costs several milliseconds for each module it
// links, more than the few kilobytes this repeats of the chunks.
const runOutside = {
  name: 'run-outside',
  setup(b) {
    b.onResolve({ filter: /^\.\/run\.js$/ }, () => ({ path: './chunks/run.js', external: true }));
    b.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './chunks/yaml.js', external: true } : undefined));
  },
};
// CommonJS: Node starts a CommonJS main file without its ES module loader (the chunks load through
// it later, on import()), which took about 17 ms off the kept frame (src/cli/main.ts).
const entry = await build({
  ...shared,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outfile,
  metafile: true,
  plugins: [runOutside],
  define: { ...shared.define, 'import.meta.url': '__entry_url' },
  // "use strict" first: esbuild's own comes after the banner, where it is no longer a directive.
  banner: { js: "#!/usr/bin/env node\n'use strict';\nconst __entry_url = require('node:url').pathToFileURL(__filename).href;" },
});
rmSync('dist/talkdeck.js', { force: true });
// A dynamic import in what the entry reaches would be bundled into it, and loaded at every start.
const entryInputs = Object.keys(entry.metafile.inputs);
const heavy = entryInputs.filter((input) => /node_modules\/(ink|react|yoga|marked|yaml|commander|zod)\//u.test(input));
if (heavy.length > 0) throw new Error(`the entry bundles ${heavy.join(', ')}: import it from run.ts's side, not main.ts's`);
chmodSync(outfile, 0o755);

// The compiler as a library, for the benchmark to call in-process.
await build({
  entryPoints: ['src/compile/index.ts'],
  outfile: 'dist/compile.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

// The parts of the English model the tagger may ask for, each read on first use: for dist/tagger.cjs
// below, and for the batch face's bundled tagger (src/compile/tagger-modules.ts's stand-in).
const TAGGER_PARTS = `const parts = {${['load-sbd-model', 'load-pos-model', 'load-negation-model', 'load-cer-meta-model', 'feature', 'porter-stemmer', 'lemmatize', 'readability-stats'].map((n) => `'${n}': () => require('wink-eng-lite-web-model/dist/${n}.js')`).join(', ')}};\n`;

// wink-nlp and the small parts of its English model in one file: the tagger loads from it faster
// than from the forty files of node_modules. The 3 MB core model is still read from the package.
writeFileSync(
  'dist/tagger-entry.cjs',
  `module.exports = { winkNLP: require('wink-nlp'), part: (name) => parts[name]() };\n${TAGGER_PARTS}`,
);
await build({
  entryPoints: ['dist/tagger-entry.cjs'],
  outfile: 'dist/tagger.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});
rmSync('dist/tagger-entry.cjs');
// The tagger's 3 MB core model, split so that it reads without a big JSON parse: the lexicon and
// its expansions as raw bytes, the 87,593 words separated by NULs, the rest (80 KB) as JSON.
{
  const model = JSON.parse(readFileSync('node_modules/wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json', 'utf8'));
  mkdirSync('dist/wink-model', { recursive: true });
  writeFileSync('dist/wink-model/lexicon.bin', Buffer.from(model.lexicon, 'base64'));
  writeFileSync('dist/wink-model/xpansions.bin', Buffer.from(model.xpansions, 'base64'));
  if (model.features.lexeme.list.some((w) => w.includes('\u0000'))) throw new Error('a lexeme holds a NUL');
  const text = model.features.lexeme.list.join('\u0000');
  // As UTF-16: its 2,371 bytes of other characters than ASCII (’, symbols, emoji) would make the
  // tagger decode all 833 KB as UTF-8 at every start (4 ms); UTF-16 is copied as it is (1 ms).
  writeFileSync('dist/wink-model/lexemes.utf16le', Buffer.from(text, 'utf16le'));
  // Where each word starts, and a hash table of their indexes (src/compile/lexemes.ts reads them;
  // FNV-1a over UTF-16 code units, linear probing, a slot holds index + 1, the last of equal words wins).
  const offsets = [0];
  for (let at = text.indexOf('\u0000'); at >= 0; at = text.indexOf('\u0000', at + 1)) offsets.push(at + 1);
  offsets.push(text.length + 1);
  const word = (k) => text.slice(offsets[k], offsets[k + 1] - 1);
  const fnv = (w) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  let size = 1;
  while (size < (offsets.length - 1) * 2) size *= 2;
  const table = new Uint32Array(size);
  for (let k = 0; k < offsets.length - 1; k++) {
    let slot = fnv(word(k)) & (size - 1);
    while (table[slot] !== 0 && word(table[slot] - 1) !== word(k)) slot = (slot + 1) & (size - 1);
    table[slot] = k + 1;
  }
  writeFileSync('dist/wink-model/lexeme-offsets.bin', new Uint8Array(Uint32Array.from(offsets).buffer));
  writeFileSync('dist/wink-model/lexeme-table.bin', new Uint8Array(table.buffer));
  model.lexicon = model.xpansions = null;
  model.features.lexeme.list = null;
  writeFileSync('dist/wink-model/core.json', JSON.stringify(model));
}

// jieba's dictionary indexed by the first character of its words (src/compile/chinese.ts reads
// it; a dictionary of another length is searched instead): its length, then each first
// character's code point and the offset where its block of lines starts, in the file's order.
{
  const dict = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
  const entries = [dict.length];
  let last = -1;
  for (let at = 0; at < dict.length; ) {
    const newline = dict.indexOf(10, at);
    const end = newline < 0 ? dict.length : newline;
    if (end > at) {
      const code = dict.toString('utf8', at, Math.min(end, at + 4)).codePointAt(0);
      if (code < last) throw new Error(`jieba's dictionary is not sorted by its words' first characters at byte ${at}`);
      if (code !== last) entries.push(code, at);
      last = code;
    }
    at = end + 1;
  }
  writeFileSync('dist/jieba-blocks.bin', new Uint8Array(Uint32Array.from(entries).buffer));
}

// Built-in themes as JSON: the presenter reads one at every start, and JSON.parse is far quicker
// than the YAML parser is cold. The YAML stays the source; these are used only when not older.
mkdirSync('dist/themes', { recursive: true });
for (const file of readdirSync('themes').filter((f) => f.endsWith('.yaml'))) {
  writeFileSync(`dist/themes/${file.replace(/\.yaml$/u, '.json')}`, JSON.stringify(parse(readFileSync(`themes/${file}`, 'utf8'))));
}

// The batch face (src/cli/batch-face.ts): the command line once more, as one CommonJS script for
// the commands that run once and exit, and the V8 code cache it runs with, made by running those
// commands. The full-screen commands stay on the chunks: what only they reach (Ink, React, Yoga,
// with top-level awaits a CommonJS script cannot hold) is left out, and throws if ever reached.
const presenterOnly = {
  name: 'presenter-only',
  setup(b) {
    b.onResolve({ filter: /^(ink|react|react\/jsx-runtime|yoga-layout)(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'presenter-only' }));
    b.onLoad({ filter: /.*/, namespace: 'presenter-only' }, (args) => ({ contents: `throw new Error(${JSON.stringify(`${args.path} is not in the batch face: the full-screen commands run from the chunks`)});`, loader: 'js' }));
    // What is imported with import() and not bundled (Node's own modules in pptxgenjs, sharp), as a
    // require: a script run by vm cannot import() without an experimental flag.
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' && (isBuiltin(args.path) || shared.external.includes(args.path)) ? { path: args.path, namespace: 'required' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    // Node's modules that some module requires at its top but only a few commands use: commander's
    // child_process (for executable subcommands, which talkdeck has none of; with the dgram and net
    // modules it pulls in, about 4 ms of every command) and the notes channel's dgram. Each is
    // loaded on first use of one of its exports.
    b.onResolve({ filter: /^(node:)?(child_process|dgram)$/ }, (args) => (args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/u, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; const load = () => (m ??= require(${JSON.stringify(`node:${args.path}`)}));\n${Object.keys(createRequire(import.meta.url)(`node:${args.path}`))
        .map((key) => `Object.defineProperty(module.exports, ${JSON.stringify(key)}, { enumerable: true, get: () => load()[${JSON.stringify(key)}] });`)
        .join('\n')}`,
      loader: 'js',
    }));
    // The parse face's top-level await for the YAML parser, as a plain import here.
    b.onResolve({ filter: /^\.\/yaml-ready\.js$/ }, (args) => ({ path: join(args.resolveDir, 'yaml-ready-now.ts') }));
    // The English tagger bundled, not read from dist/tagger.cjs: the code cache then holds it too.
    b.onResolve({ filter: /^\.\/tagger-modules\.js$/ }, () => ({ path: 'tagger-modules', namespace: 'bundled-tagger' }));
    b.onLoad({ filter: /.*/, namespace: 'bundled-tagger' }, () => ({
      contents: `${TAGGER_PARTS}export function bundledTagger() { return { winkNLP: require('wink-nlp'), part: (name) => parts[name]() }; }\n`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};
const batch = await build({
  ...shared,
  format: 'cjs',
  metafile: true,
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/batch.cjs',
  define: { ...shared.define, 'import.meta.url': '__batch_url' },
  // The stamp batch-face.ts's batchStamp() makes: the entry runs only a script of its own build.
  banner: { js: `// talkdeck batch face, build ${BUILD_ID}` },
  plugins: [presenterOnly],
  // What the full-screen commands import from the left-out modules is undefined here, on purpose.
  logOverride: { 'import-is-undefined': 'silent' },
});
for (const put of ['src/parse/yaml-ready-now.ts', 'bundled-tagger:tagger-modules']) {
  if (!(put in batch.metafile.inputs)) throw new Error(`dist/batch.cjs was built without ${put}: the module it stands in for was renamed or moved`);
}
asciiScript('dist/batch.cjs');
if (/\bimport\(/u.test(readFileSync('dist/batch.cjs', 'utf8'))) throw new Error('dist/batch.cjs has an import(): make it a require (the required namespace above)');
await build({
  entryPoints: ['scripts/batch-cache.ts'],
  outfile: 'dist/batch-cache.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
try {
  // The commands as in CACHED_COMMANDS (src/cli/batch-face.ts), two at a time. A cache that cannot
  // be made (a command that fails on this machine) is a warning: that command runs without one.
  const commands = ['build', 'export', 'check', 'coverage', 'print'];
  const make = (command) =>
    new Promise((done) => {
      rmSync(`dist/batch-${command}.cache`, { force: true });
      execFile(process.execPath, ['dist/batch-cache.mjs', 'dist', BUILD_ID, command], (error, _out, err) => {
        if (error) console.warn(`warning: no code cache for ${command} (it will run without one, only slower): ${(err || error.message).trim().split('\n')[0]}`);
        done();
      });
    });
  for (let i = 0; i < commands.length; i += 2) await Promise.all(commands.slice(i, i + 2).map(make));
} finally {
  rmSync('dist/batch-cache.mjs');
}
