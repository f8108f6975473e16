export { run, type CliIo } from './run.js';
export { EXIT, InputError, UsageError } from './errors.js';
