import { run } from './run.js';

// The only place that touches process.argv and process.exit.
const code = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
// Output to a pipe is written asynchronously: let it all out before exiting, or a long export or
// print to `| less` would be cut short.
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((done) => (stream.writableLength === 0 ? done() : stream.write('', () => done())));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Ink and watchers may hold the event loop open after a quit; the answer is final.
process.exit(code);
