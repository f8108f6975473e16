import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ExecutorConfig } from '../config/index.js';
import { writeFileSafe } from '../io/index.js';
import { findExecutor, executorLanguage } from './executors.js';

/** How a run ended: its exit code 0 (`done`) or another (`failed`), stopped, timed out, or never started (`unavailable`, why in `message`). */
export type SnippetStatus = 'running' | 'done' | 'failed' | 'stopped' | 'timed-out' | 'unavailable';

export interface SnippetResult {
  status: Exclude<SnippetStatus, 'running'>;
  /** Everything the snippet wrote to stdout and stderr, interleaved as it came (at most OUTPUT_LIMIT characters, the latest kept). */
  output: string;
  exitCode: number | null;
  message?: string;
}

export interface Snippet {
  lang: string;
  /** The code to run, hidden lines included. */
  code: string;
  /** `+exec:NAME`: a named executor instead of the language's. */
  executor: string | null;
}

export interface RunOptions {
  executors: Readonly<Record<string, ExecutorConfig>>;
  /** The folder snippets run in (the deck's). */
  cwd: string;
  /** The environment they get (the user's), with NO_COLOR set so tools write plain text. */
  env: Readonly<Record<string, string | undefined>>;
  timeoutMs: number;
  /** Called with each piece of output as it arrives. */
  onOutput?: (output: string) => void;
}

export interface SnippetRun {
  /** Stops the snippet (its whole process group): SIGTERM, then SIGKILL a second later. */
  stop(): void;
  readonly done: Promise<SnippetResult>;
}

/** Output kept per run: enough for any slide, bounded for a snippet that never stops printing. */
export const OUTPUT_LIMIT = 256 * 1024;
const KILL_GRACE_MS = 1000;

/** The first of `candidates` (`python3|python`) found on the PATH, as a path; null when none is. */
export function findProgram(candidates: string, path: string | undefined): string | null {
  for (const name of candidates.split('|')) {
    if (name.includes('/')) {
      if (isExecutable(name)) return name;
      continue;
    }
    for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
      const full = join(dir, name);
      if (isExecutable(full)) return full;
    }
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether this node strips TypeScript types itself (22.6 and later). */
function nodeStripsTypes(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  return major > 22 || (major === 22 && minor >= 6);
}

/** TypeScript made JavaScript by esbuild, where esbuild is installed; null where it is not. */
function transpileTypeScript(code: string): string | null {
  try {
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as { transformSync(code: string, options: object): { code: string } };
    return esbuild.transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' }).code;
  } catch {
    return null;
  }
}

function unavailable(message: string): SnippetRun {
  return { stop: () => {}, done: Promise.resolve({ status: 'unavailable', output: '', exitCode: null, message }) };
}

/**
 * Runs a snippet: writes it to a private temporary folder and runs its executor's commands there
 * one after another, in the deck's folder as working directory, streaming their output. A
 * missing toolchain is said, not thrown. The folder is removed when the run ends.
 */
export function runSnippet(snippet: Snippet, options: RunOptions): SnippetRun {
  const language = executorLanguage(snippet.lang);
  const executor = findExecutor(snippet.lang, snippet.executor, options.executors);
  if (!executor) {
    const what = snippet.executor ? `no executor named "${snippet.executor}"` : `no executor for ${snippet.lang ? `"${snippet.lang}"` : 'a block without a language'}`;
    return unavailable(`${what}; add one under exec.executors in the configuration`);
  }
  let code = snippet.code;
  let commands = executor.commands.map((command) => [...command]);
  if (language === 'ts' && !snippet.executor && !options.executors[language]) {
    if (nodeStripsTypes()) commands = [['node', '--experimental-strip-types', '--no-warnings', '{file}']];
    else {
      const js = transpileTypeScript(code);
      if (js !== null) {
        code = js;
        commands = [['node', '{dir}/snippet.mjs']];
      } else commands = [['tsx', '{file}']];
    }
  }
  const programs: string[] = [];
  for (const command of commands) {
    if (command[0]!.startsWith('{dir}')) {
      programs.push(command[0]!);
      continue;
    }
    const found = findProgram(command[0]!, options.env.PATH);
    if (found === null) {
      const names = command[0]!.split('|').join(' or ');
      const hint = language === 'ts' ? 'typescript runs through node 22.6 or later, esbuild, or tsx' : `install it to run ${language} snippets`;
      return unavailable(`${names} is not on the PATH; ${hint}`);
    }
    programs.push(found);
  }

  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-snippet-'));
  const file = join(dir, executor.filename);
  // The snippet goes into a fresh private folder (mkdtemp makes it 0700) through the one write routine.
  writeFileSafe(file, snippet.code, { mode: 0o600 });
  if (code !== snippet.code) writeFileSafe(join(dir, 'snippet.mjs'), code, { mode: 0o600 });
  const fill = (arg: string) => arg.replaceAll('{file}', file).replaceAll('{dir}', dir);

  let output = '';
  let child: ChildProcess | null = null;
  let ended: SnippetResult['status'] | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  const kill = (signal: NodeJS.Signals) => {
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Gone already.
    }
  };
  const stopAs = (status: 'stopped' | 'timed-out') => {
    if (ended) return;
    ended = status;
    kill('SIGTERM');
    killTimer = setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS);
    killTimer.unref();
  };
  const timeout = setTimeout(() => stopAs('timed-out'), options.timeoutMs);
  timeout.unref();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > OUTPUT_LIMIT) output = output.slice(output.length - OUTPUT_LIMIT);
    options.onOutput?.(output);
  };
  const env = { ...options.env, ...executor.environment, NO_COLOR: '1', TERM: 'dumb' };

  const done = (async (): Promise<SnippetResult> => {
    let exitCode: number | null = null;
    try {
      for (const [i, command] of commands.entries()) {
        if (ended) break;
        const [program, ...args] = [programs[i]!.startsWith('{dir}') ? fill(programs[i]!) : programs[i]!, ...command.slice(1).map(fill)];
        exitCode = await new Promise<number | null>((resolveExit) => {
          const started = spawn(program, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
          child = started;
          started.stdout?.on('data', append);
          started.stderr?.on('data', append);
          started.on('error', (error) => {
            append(Buffer.from(`${program}: ${error.message}\n`));
            resolveExit(127);
          });
          started.on('close', (code) => resolveExit(code));
        });
        if (exitCode !== 0) break;
      }
    } finally {
      clearTimeout(timeout);
      clearTimeout(killTimer);
      rmSync(dir, { recursive: true, force: true });
    }
    const status = ended ?? (exitCode === 0 ? 'done' : 'failed');
    return { status, output, exitCode };
  })();
  return { stop: () => stopAs('stopped'), done };
}
