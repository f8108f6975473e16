import { describe, expect, test } from 'vitest';
import { findProgram, runSnippet, normalizeOutput, outputFingerprint } from '../../src/exec/index.js';
import { parseDeck } from '../../src/parse/index.js';

const env = process.env;
const run = (lang: string, code: string, options: { executors?: Record<string, never>; timeoutMs?: number; env?: NodeJS.ProcessEnv; executor?: string } = {}) =>
  runSnippet({ lang, code, executor: options.executor ?? null }, { executors: options.executors ?? {}, cwd: process.cwd(), env: options.env ?? env, timeoutMs: options.timeoutMs ?? 20_000 }).done;

describe('executors', () => {
  test.each([
    ['bash', 'name=$(basename "$0"); echo "bash ${name}"', 'bash script.sh'],
    ['sh', 'echo sh-ok', 'sh-ok'],
    ['python', 'print(6 * 7)', '42'],
    ['javascript', 'console.log([1, 2].map((n) => n * 2).join(","))', '2,4'],
    ['typescript', 'const n: number = 3;\nconsole.log(`ts ${n}`);', 'ts 3'],
  ])('%s runs', async (lang, code, expected) => {
    const result = await run(lang, code);
    expect(result).toMatchObject({ status: 'done', exitCode: 0 });
    expect(result.output.trim()).toBe(expected);
  });

  const toolchains: Array<[string, string, string, string]> = [
    ['rust', 'rustc', 'fn main() { println!("rust {}", 1 + 1); }', 'rust 2'],
    ['go', 'go', 'package main\nimport "fmt"\nfunc main() { fmt.Println("go", 2) }', 'go 2'],
    ['ruby', 'ruby', 'puts "ruby #{1 + 1}"', 'ruby 2'],
  ];
  for (const [lang, program, code, expected] of toolchains) {
    const present = findProgram(program, env.PATH) !== null;
    // Said, not hidden: these run wherever the toolchain is installed.
    test.skipIf(!present)(`${lang} runs${present ? '' : ` (skipped: ${program} is not on the PATH here)`}`, async () => {
      const result = await run(lang, code);
      expect(result.output.trim()).toBe(expected);
    }, 60_000);
  }

  test('a missing toolchain is a clear message, not an error', async () => {
    const result = await run('ruby', 'puts 1', { env: { ...env, PATH: '/nonexistent' } });
    expect(result).toEqual({ status: 'unavailable', output: '', exitCode: null, message: 'ruby is not on the PATH; install it to run ruby snippets' });
    expect((await run('cobol', 'x')).message).toBe('no executor for "cobol"; add one under exec.executors in the configuration');
  });

  test('a custom executor from the configuration, with the {file} placeholder', async () => {
    const executors = { shout: { command: ['bash', '-c', 'tr a-z A-Z < "$0"', '{file}'], environment: {} } } as never;
    const result = await run('text', 'quiet words\n', { executors, executor: 'shout' });
    expect(result.output).toBe('QUIET WORDS\n');
  });

  test('a snippet that runs too long is stopped at the timeout; a failing one says its exit code', async () => {
    expect(await run('bash', 'echo before; sleep 20; echo after', { timeoutMs: 300 })).toMatchObject({ status: 'timed-out', output: 'before\n' });
    expect(await run('bash', 'echo oops >&2; exit 3')).toMatchObject({ status: 'failed', exitCode: 3, output: 'oops\n' });
  });

  test('stop() ends the whole process group', async () => {
    const handle = runSnippet({ lang: 'bash', code: 'sleep 20 & sleep 20; echo never', executor: null }, { executors: {}, cwd: process.cwd(), env, timeoutMs: 20_000 });
    setTimeout(() => handle.stop(), 200);
    expect(await handle.done).toMatchObject({ status: 'stopped', output: '' });
  });
});

describe('hidden lines and recorded output', () => {
  test('hidden lines run but are not shown, as presenterm hides them: "# " in Rust, "/// " in bash', () => {
    const deck = parseDeck('```rust +exec\n# fn main() {\nprintln!("hi");\n# }\n```\n\n```bash +exec:mine +line_numbers\n/// set -e\necho hi\n```\n', { file: 'deck.md' });
    const [rust, bash] = deck.slides[0]!.blocks;
    expect(rust).toMatchObject({ kind: 'code', text: 'println!("hi");', exec: { mode: 'exec', executor: null, code: 'fn main() {\nprintln!("hi");\n}' } });
    expect(bash).toMatchObject({ kind: 'code', text: 'echo hi', lineNumbers: true, exec: { mode: 'exec', executor: 'mine', code: 'set -e\necho hi' } });
  });

  test('output is compared as the terminal leaves it', () => {
    expect(normalizeOutput('a\r\nprogress 10%\rprogress 100%\nb  \n\n')).toBe('a\nprogress 100%\nb');
    expect(outputFingerprint('hi\n')).toBe(outputFingerprint('hi'));
    expect(outputFingerprint('hi')).toMatch(/^[0-9a-f]{12}$/u);
  });
});
