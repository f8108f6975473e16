import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../src/cli/index.js';

/**
 * Random strings (random bytes as Node decodes them, and any code point at all) as every argument
 * and as the names of the files those arguments name: whatever talkdeck prints about them holds no
 * byte a terminal would act on. The command line runs in-process here, for a few hundred cases a
 * run; test/cli/terminal-output.test.ts scans the built binary.
 */

/** What must never reach a terminal: C0 but tab and newline, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A stream that keeps what is written to it. */
function capture(): NodeJS.WriteStream & { text: string } {
  const stream = {
    text: '',
    isTTY: false,
    columns: 80,
    rows: 24,
    write(chunk: string | Uint8Array) {
      stream.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

/** A random string as an argument: bytes decoded as UTF-8 (as argv is), or any code points. */
const randomText = fc.oneof(
  fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: fc.constantFrom('\u001b', '\u0007', '\u009b', '\u009d', '[', ']', ';', '2', 'J', 'c', '\\', '\u202e', 'a'), maxLength: 16 }),
);

const COMMANDS = ['present', 'notes', 'rehearse', 'report', 'print', 'check', 'build', 'export', 'themes'];
const OPTIONS = ['-f', 'md', 'txt', 'json', 'html', '-o', '-', '--size', '--theme', '--dialect', '--width', '--minutes', '--json', '--fix', '--title', '--help', '--debug'];

let dir = '';
/** Files with random names, each a deck that holds escape sequences too. */
let files: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-random-args-'));
  const names = fc.sample(
    fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) => Buffer.from(bytes).toString('utf8')), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })),
    { numRuns: 12, seed: 16 },
  );
  files = [];
  for (const raw of names) {
    const name = `${raw.replace(/[/\u0000]/gu, '_')}.md`;
    if (name === '.md' || files.includes(name)) continue;
    try {
      writeFileSync(join(dir, name), `# ${raw}\n\nText \u001bc ${raw}\n\n<!-- ${raw} -->\n`);
      files.push(name);
    } catch {
      // A name the file system refuses (too long in bytes): not a file, still an argument.
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('random arguments and file names', () => {
  it('never put a control byte on stdout or stderr', async () => {
    const argument = fc.oneof(randomText, fc.constantFrom(...OPTIONS), fc.constantFrom(...files));
    await fc.assert(
      fc.asyncProperty(fc.option(fc.constantFrom(...COMMANDS), { nil: undefined }), fc.array(argument, { maxLength: 5 }), async (command, rest) => {
        const stdout = capture();
        const stderr = capture();
        const io: CliIo = { stdout, stderr, stdin: { isTTY: false } as NodeJS.ReadStream, env: { TALKDECK_CACHE: 'off' }, cwd: dir };
        const code = await run(command === undefined ? rest : [command, ...rest], io);
        expect([0, 1, 2]).toContain(code);
        expect(stdout.text).not.toMatch(UNSAFE);
        expect(stderr.text).not.toMatch(UNSAFE);
      }),
      { numRuns: 250, seed: 11 },
    );
  }, 120_000);
});
