import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readQuickYaml } from '../../src/theme/quick-yaml.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** What the real parser makes of `text`, or a marker when it refuses it. */
function viaYaml(text: string): unknown {
  try {
    return parseYaml(text, { uniqueKeys: true });
  } catch {
    return 'YAML ERROR';
  }
}

describe('readQuickYaml', () => {
  it.each(yamlFiles(join(ROOT, 'themes')).map((p) => [p.slice(ROOT.length + 1), p]))(
    'reads built-in %s itself, exactly as yaml does',
    (_name, path) => {
      const text = readFileSync(path, 'utf8');
      const quick = readQuickYaml(text);
      expect(quick).not.toBeUndefined();
      expect(quick).toEqual(parseYaml(text));
    },
  );

  it.each(yamlFiles(join(ROOT, 'test/fixtures/theme')).map((p) => [p.slice(ROOT.length + 1), p]))(
    'reads fixture %s as yaml does, or leaves it to yaml',
    (_name, path) => {
      const text = readFileSync(path, 'utf8');
      const quick = readQuickYaml(text);
      if (quick !== undefined) expect(quick).toEqual(viaYaml(text));
    },
  );

  it.each<[string, unknown]>([
    ['a: 1\nb: -2.5\nc: 1e3\nd: +7\ne: 0012\n', { a: 1, b: -2.5, c: 1000, d: 7, e: 12 }],
    ['a: true\nb: False\nc: ~\nd:\ne: null\nf: yes\ng: no\n', { a: true, b: false, c: null, d: null, e: null, f: 'yes', g: 'no' }],
    ['a: "#fff" # a comment\nb: x#y\nc: #fff\n', { a: '#fff', b: 'x#y', c: null }],
    ["a: 'it''s'\nb: \"tab\\there\"\nc: don't\n", { a: "it's", b: 'tab\there', c: "don't" }],
    ['a: { fg: "#fff", bold: true }\nb: ["•", "◦", x]\nc: {}\nd: []\n', { a: { fg: '#fff', bold: true }, b: ['•', '◦', 'x'], c: {}, d: [] }],
    ['a:\n  b:\n    c: 1\n  d: 2\ne: 3\n', { a: { b: { c: 1 }, d: 2 }, e: 3 }],
    ['title.function: { fg: blue }\n"quoted key": 1\n', { 'title.function': { fg: 'blue' }, 'quoted key': 1 }],
    ['# only comments\n\n', null],
    ['a: ansi256(214)\nb: rgb(1, 2, 3)\n', { a: 'ansi256(214)', b: 'rgb(1, 2, 3)' }],
  ])('reads %j', (text, expected) => {
    expect(readQuickYaml(text)).toEqual(expected);
    expect(readQuickYaml(text)).toEqual(viaYaml(text));
  });

  it.each([
    'a:\n  - x\n',
    'a: &x 1\nb: *x\n',
    'a: !tag x\n',
    'a: |\n  text\n',
    'a: 1\na: 2\n',
    'a: 1\n  b: 2\n',
    'a: {b: {c: 1}}\n',
    'a: [1, [2]]\n',
    '---\na: 1\n',
    'a:\tb\n',
    'a: 0x1f\n',
    'a: .inf\n',
    'a: "\\x41"\n',
    'a: b: c\n',
    'a: {fg: red\n',
    '- a\n',
    'a: "unterminated\n',
    ' a: 1\n',
  ])('leaves %j to yaml', (text) => {
    expect(readQuickYaml(text)).toBeUndefined();
  });

  it('agrees with yaml on generated theme-like documents, or leaves them to it', () => {
    const key = fc.oneof(
      fc.constantFrom('fg', 'bg', 'bold', 'title.function', 'h1', 'x-y', 'a_b'),
      fc.stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/),
    );
    const plain = fc.oneof(
      fc.constantFrom('true', 'False', 'null', '~', 'yes', '1', '-2', '0.5', '1e3', '0x10', '.inf', 'red', 'blackBright', 'ansi256(9)', 'rgb(1,2,3)', 'a#b', '-', '- x', ':x', 'x:y', '@x', '%x'),
      fc.stringMatching(/^[\w#().,:' -]{1,8}$/),
    );
    const quotedScalar = fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s));
    const single = fc.stringMatching(/^[\w #'"]{0,6}$/).map((s) => `'${s.replace(/'/g, "''")}'`);
    const scalar = fc.oneof(plain, quotedScalar, single);
    const flowMap = fc.array(fc.tuple(key, scalar), { maxLength: 3 }).map((entries) => `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
    const flowSeq = fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
    const comment = fc.constantFrom('', ' # note', '  #x');
    const line = fc.tuple(fc.integer({ min: 0, max: 2 }), key, fc.oneof(scalar, flowMap, flowSeq, fc.constant('')), comment);
    const doc = fc.array(line, { maxLength: 8 }).map((lines) =>
      lines.map(([depth, k, v, c], i) => `${'  '.repeat(i === 0 ? 0 : depth)}${k}:${v === '' ? '' : ` ${v}`}${c}`).join('\n'),
    );
    fc.assert(
      fc.property(doc, (text) => {
        const quick = readQuickYaml(text);
        if (quick === undefined) return;
        expect(quick).toEqual(viaYaml(text));
      }),
      { numRuns: 3000 },
    );
  });
});
