import { appendFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BATCH_COMMANDS, loadBatchFace } from './batch-face.js';
import { outlineDeck } from '../parse/outline.js';
import { paintKeptFrame } from '../present/kept-frame.js';
import { defaultConfigPath, presentKeyOptions, quickPresentArgs } from './quick-start.js';

declare const __TALKDECK_BUILD__: string;

// The entry is CommonJS (dist/talkdeck.cjs): Node starts a CommonJS main file without its ES module
// loader, which the kept frame and the batch face then never wait for (launch → first frame from the
// start cache 168 → 151 ms, paired in tmux). Hence no top-level await: the start is one function.
// The only place that touches process.argv and process.exit.
async function main(): Promise<void> {
  const startedAt = Date.now();
  const argv = process.argv.slice(2);
  // The commands that run once and exit run from one script with its code compiled ahead (batch-face.ts).
  const batch = argv[0] !== undefined && BATCH_COMMANDS.has(argv[0]) ? loadBatchFace(dirname(fileURLToPath(import.meta.url)), __TALKDECK_BUILD__, argv[0]) : null;
  if (batch && process.env.TALKDECK_TRACE) {
    try {
      appendFileSync(resolve(process.cwd(), process.env.TALKDECK_TRACE), `batch-cache ${batch.cache}\n`);
    } catch {
      // A note for the benchmark and the tests only; the presenter says what is wrong with the path.
    }
  }
  // `talkdeck DECK` again, nothing changed: its first frame is on screen before commander and the
  // commands are even loaded (the presenter takes it over, or it is given back before any message).
  // Only without a configuration file: its settings are part of the key, and reading it needs the YAML parser.
  const quick = existsSync(defaultConfigPath(process.env)) ? null : quickPresentArgs(argv);
  // After an edit of a later slide, the first frame is found by the deck's outline, as DeckInput makes it.
  const outline = quick ? () => outlineDeck(quick.deck, { allowOutside: quick.options.allowOutside, dialect: (quick.options.dialect ?? 'auto') as 'auto' }) : undefined;
  const { kept, background, outline: outlined } = quick ? await paintKeptFrame(resolve(process.cwd(), quick.deck), presentKeyOptions(quick.options), { stdin: process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd() }, outline) : { kept: null };
  const { run } = batch ?? (await import('./run.js'));
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Made when first asked for: Node builds the stream (and loads its stream classes, about 7 ms)
    // on first access, and the commands that run once and exit never read it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    startedAt,
    kept,
    background,
    outline: outlined,
  });
  kept?.release();
  process.exitCode = code;
  // Output to a pipe is written asynchronously: let it all out before exiting, or a long export or
  // print to `| less` would be cut short.
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((done) => (stream.writableLength === 0 ? done() : stream.write('', () => done())));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Ink and watchers may hold the event loop open after a quit; the answer is final.
  process.exit(code);
}

void main();
