import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { outlineDeck } from '../parse/outline.js';
import { paintKeptFrame } from '../present/kept-frame.js';
import { defaultConfigPath, presentKeyOptions, quickPresentArgs } from './quick-start.js';

// The only place that touches process.argv and process.exit.
const startedAt = Date.now();
const argv = process.argv.slice(2);
// `build` is one short run of the compiler over code that is cold. V8 optimises a function
// (TurboFan) once it has run through a budget of bytecode, and at the default budget (67,584) much
// of that optimising is paid for and never paid back. Eight times the default leaves it to the code
// that runs long: paired against the default, CPU 0.81x for the bundled articles, 0.86x for a
// 100 KB article, 0.77x for a 1 MB one (README, "Tried, with figures"). The output is the same.
if (argv[0] === 'build') setFlagsFromString('--interrupt-budget=540672');
// `talkdeck DECK` again, nothing changed: its first frame is on screen before commander and the
// commands are even loaded (the presenter takes it over, or it is given back before any message).
// Only without a configuration file: its settings are part of the key, and reading it needs the YAML parser.
const quick = existsSync(defaultConfigPath(process.env)) ? null : quickPresentArgs(argv);
// After an edit of a later slide, the first frame is found by the deck's outline, as DeckInput makes it.
const outline = quick ? () => outlineDeck(quick.deck, { allowOutside: quick.options.allowOutside, dialect: (quick.options.dialect ?? 'auto') as 'auto' }) : undefined;
const { kept, background, outline: outlined } = quick ? await paintKeptFrame(resolve(process.cwd(), quick.deck), presentKeyOptions(quick.options), { stdin: process.stdin, stdout: process.stdout, env: process.env, cwd: process.cwd() }, outline) : { kept: null };
const { run } = await import('./run.js');
const code = await run(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
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
