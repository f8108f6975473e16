/** Running code blocks: executors by language (built in, or from the configuration), one run, the output's fingerprint. */
export { runSnippet, findProgram, OUTPUT_LIMIT, type Snippet, type SnippetRun, type SnippetResult, type SnippetStatus, type RunOptions } from './run-snippet.js';
export { findExecutor, executorLanguage, BUILT_IN_LANGUAGES, type Executor } from './executors.js';
export { normalizeOutput, outputFingerprint } from './fingerprint.js';
