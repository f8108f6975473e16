import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { asciiSource } from '../../scripts/ascii-script.mjs';

const ascii = asciiSource as (text: string) => string;

/** Evaluates a script's last expression. */
const run = (code: string): unknown => new Function(`return (${code});`)();

describe('the batch script made ASCII (scripts/ascii-script.mjs)', () => {
  it('escapes the characters of regular expression literals so that each matches as before', () => {
    const cases: Array<[string, string[]]> = [
      ['/作者|译者/u', ['作者：某人', '译者', 'author']],
      ['/^[一-龥]+$/', ['多线程', '多线程x', '']],
      ['/\\。$/', ['完。', '完.', '\\u3002']],
      ['/[\\。！]/', ['！', '。', '!']],
      ['/\\\\。/', ['\\。', '。']],
      ['/😀+/u', ['😀😀', '\uD83D', 'x']],
      ['/^😀+$/', ['😀\uDE00', '😀😀']],
      ['/[😀-😂]/u', ['😁', '😃']],
      ['/·/g', ['a · b']],
    ];
    for (const [literal, inputs] of cases) {
      const escaped = ascii(literal);
      expect(escaped, literal).toMatch(/^[\x00-\x7f]*$/u);
      const before = run(literal) as RegExp;
      const after = run(escaped) as RegExp;
      expect(after.flags).toBe(before.flags);
      for (const input of inputs) expect(after.test(input), `${literal} on ${input}`).toBe(before.test(input));
    }
  });

  it('leaves strings, templates and code as they are', () => {
    const code = 'const a = "a\\u00b7b", b = `x${1}y`, c = 2 / 3 / 4, d = /x/g;\n';
    expect(ascii(code)).toBe(code);
  });

  it('refuses a non-ASCII character outside a regular expression literal, saying where', () => {
    expect(() => ascii('const title = String.raw`Speaker view · `;')).toThrow(/non-ASCII character outside a regular expression literal at 38/u);
  });

  it('the built batch script is ASCII', () => {
    const script = readFileSync(join(import.meta.dirname, '../../dist/batch.cjs'), 'latin1');
    expect(/[^\x00-\x7f]/u.exec(script)?.index ?? -1).toBe(-1);
  });
});
