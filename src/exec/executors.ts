import type { ExecutorConfig } from '../config/index.js';

/**
 * How a language's snippet is run: the file it is written to and the commands run one after
 * another in the snippet's folder (`{file}` is the snippet's path, `{dir}` its folder). A program
 * written `python3|python` is the first of those on the PATH. Modelled on presenterm's
 * executors.yaml, so a presenterm deck's snippets run the same way.
 */
export interface Executor {
  filename: string;
  commands: string[][];
  environment: Record<string, string>;
}

const BUILT_IN: Record<string, Executor> = {
  bash: { filename: 'script.sh', commands: [['bash', '{file}']], environment: {} },
  sh: { filename: 'script.sh', commands: [['sh', '{file}']], environment: {} },
  zsh: { filename: 'script.sh', commands: [['zsh', '{file}']], environment: {} },
  fish: { filename: 'script.fish', commands: [['fish', '{file}']], environment: {} },
  python: { filename: 'snippet.py', commands: [['python3|python', '-u', '{file}']], environment: {} },
  js: { filename: 'snippet.js', commands: [['node', '{file}']], environment: {} },
  // TypeScript through node: types stripped by node itself (22.6 and later), else by esbuild where
  // it is installed (see runSnippet), else tsx on the PATH.
  ts: { filename: 'snippet.ts', commands: [['node|tsx', '{file}']], environment: {} },
  ruby: { filename: 'snippet.rb', commands: [['ruby', '{file}']], environment: {} },
  go: { filename: 'snippet.go', commands: [['go', 'run', '{file}']], environment: { GO111MODULE: 'off' } },
  rust: { filename: 'snippet.rs', commands: [['rustc', '--crate-name', 'talkdeck_snippet', '{file}', '-o', '{dir}/snippet'], ['{dir}/snippet']], environment: {} },
  c: { filename: 'snippet.c', commands: [['cc|gcc|clang', '{file}', '-o', '{dir}/snippet'], ['{dir}/snippet']], environment: {} },
  'c++': { filename: 'snippet.cpp', commands: [['c++|g++|clang++', '-std=c++20', '{file}', '-o', '{dir}/snippet'], ['{dir}/snippet']], environment: {} },
  perl: { filename: 'snippet.pl', commands: [['perl', '{file}']], environment: {} },
  lua: { filename: 'snippet.lua', commands: [['lua', '{file}']], environment: {} },
};

/** Other names code fences use for the same languages. */
const ALIASES: Record<string, string> = {
  shell: 'sh',
  console: 'sh',
  py: 'python',
  python3: 'python',
  javascript: 'js',
  node: 'js',
  mjs: 'js',
  typescript: 'ts',
  rb: 'ruby',
  golang: 'go',
  rs: 'rust',
  cpp: 'c++',
  cxx: 'c++',
};

/** The language a fence names, as the executors name it (`javascript` → `js`). */
export function executorLanguage(lang: string): string {
  const name = lang.toLowerCase();
  return ALIASES[name] ?? name;
}

/** The languages talkdeck can run without configuration. */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(BUILT_IN);

/**
 * The executor for a snippet: a configured one by the `+exec:NAME` name or the language, else the
 * built-in one for the language; null when there is none.
 */
export function findExecutor(lang: string, name: string | null, custom: Readonly<Record<string, ExecutorConfig>>): Executor | null {
  const language = executorLanguage(lang);
  for (const key of [name, name ? null : language].filter((k): k is string => Boolean(k))) {
    const configured = custom[key];
    if (configured) {
      return { filename: configured.filename ?? `snippet.${language}`, commands: [configured.command], environment: configured.environment };
    }
  }
  if (name) return BUILT_IN[name] ?? null;
  return BUILT_IN[language] ?? null;
}
