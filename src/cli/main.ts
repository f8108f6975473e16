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
// Ink and watchers may hold the event loop open after a quit; the answer is final.
process.exit(code);
