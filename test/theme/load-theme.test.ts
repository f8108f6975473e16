import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  builtinThemeNames,
  checkColor,
  DEFAULT_COLOR,
  loadTheme,
  type LoadThemeOptions,
  NAMED_COLORS,
  ThemeError,
  type Theme,
} from '../../src/theme/index.js';
import { openDeckFolder } from '../../src/io/index.js';
import { contrastRatio } from './contrast.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const THEMES = join(ROOT, 'themes');
const FIXTURES = join(ROOT, 'test/fixtures/theme');
const BUILTINS = ['dark', 'high-contrast', 'light', 'nord', 'solarized-dark', 'terminal'];

const load = (spec: string, cwd = FIXTURES): Theme => loadTheme(spec, { themesDir: THEMES, cwd });

/** The ThemeError that loading `spec` throws. */
function errorOf(spec: string, options: Partial<LoadThemeOptions> = {}): ThemeError {
  try {
    loadTheme(spec, { ...options, themesDir: options.themesDir ?? THEMES, cwd: options.cwd ?? FIXTURES });
  } catch (error) {
    if (error instanceof ThemeError) return error;
    throw error;
  }
  throw new Error(`expected loading ${spec} to fail`);
}

/**
 * Every field a resolved Theme must have, written out independently of the schema: `style` is a
 * TextStyle object, `string`/`number`/`strings` are values of that kind, nested objects recurse.
 */
const style = 'style';
const heading = { $style: true, prefix: 'string', underlineChar: 'string' } as const;
const alert = { $style: true, icon: 'string', label: 'string' } as const;
const SHAPE = {
  name: 'string',
  background: 'color',
  text: style,
  headings: { h1: heading, h2: heading, h3: heading, h4: heading, h5: heading, h6: heading },
  strong: style,
  emphasis: style,
  strike: style,
  inlineCode: style,
  link: style,
  quote: { $style: true, bar: 'string' },
  alerts: { note: alert, tip: alert, important: alert, warning: alert, caution: alert },
  list: { bullets: 'strings', marker: style, taskDone: 'string', taskOpen: 'string' },
  code: { block: style, lineNumber: style, highlightLine: style, highlightMarker: { $style: true, char: "string" }, tokens: 'tokens' },
  table: { border: style, header: style },
  rule: { $style: true, char: 'string' },
  image: style,
  footer: { text: style, progress: style, progressEmpty: style, progressChar: 'string', progressEmptyChar: 'string' },
  overflow: style,
  banner: { error: style, info: style },
  searchMatch: style,
  margin: { horizontal: 'number', vertical: 'number' },
} as const;

const STYLE_KEYS = ['fg', 'bg', 'bold', 'italic', 'underline', 'dim', 'strikethrough', 'inverse'];

/** Lists what is missing or malformed in `value` against `shape`; [] when it conforms. */
function shapeProblems(value: unknown, shape: unknown, path: string): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const styleProblems = (v: unknown, p: string, extra: string[] = []): string[] => {
    if (!isObject(v)) return [`${p} is not a style`];
    return Object.keys(v)
      .filter((k) => !STYLE_KEYS.includes(k) && !extra.includes(k))
      .map((k) => `${p}.${k} is not a style field`);
  };
  if (shape === 'string') return typeof value === 'string' ? [] : [`${path} is not a string`];
  if (shape === 'number') return Number.isInteger(value) ? [] : [`${path} is not a whole number`];
  if (shape === 'color') return typeof value === 'string' ? [] : [`${path} is not a colour`];
  if (shape === 'strings') {
    return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? [] : [`${path} is not a list of strings`];
  }
  if (shape === 'style') return styleProblems(value, path);
  if (shape === 'tokens') {
    if (!isObject(value) || Object.keys(value).length === 0) return [`${path} has no token styles`];
    return Object.entries(value).flatMap(([k, v]) => styleProblems(v, `${path}.${k}`));
  }
  const fields = shape as Record<string, unknown>;
  if (!isObject(value)) return [`${path} is missing`];
  const problems = fields.$style ? styleProblems(value, path, Object.keys(fields)) : [];
  for (const [key, sub] of Object.entries(fields)) {
    if (key === '$style') continue;
    if (!(key in value)) problems.push(`${path}.${key} is missing`);
    else problems.push(...shapeProblems(value[key], sub, `${path}.${key}`));
  }
  if (!fields.$style) {
    for (const key of Object.keys(value)) if (!(key in fields)) problems.push(`${path}.${key} is unexpected`);
  }
  return problems;
}

/** Every colour in a theme with its path (as keys and as text) and the background it is drawn on. */
function colorsOf(theme: Theme): { keys: string[]; path: string; fg?: string; bg?: string; on: string }[] {
  const out: { keys: string[]; path: string; fg?: string; bg?: string; on: string }[] = [
    { keys: ['background'], path: 'background', bg: theme.background, on: theme.background },
  ];
  const walk = (value: unknown, keys: string[], on: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    const here = typeof record.bg === 'string' && record.bg !== DEFAULT_COLOR ? record.bg : on;
    if (typeof record.fg === 'string' || typeof record.bg === 'string') {
      out.push({ keys, path: keys.join('.'), fg: record.fg as string | undefined, bg: record.bg as string | undefined, on: here });
    }
    for (const [key, child] of Object.entries(record)) {
      // Everything in a code block but the block itself is drawn on the block's background.
      const inCode = keys.length === 1 && keys[0] === 'code' && key !== 'block';
      walk(child, [...keys, key], inCode ? (theme.code.block.bg ?? here) : here);
    }
  };
  walk(theme, [], theme.background);
  return out;
}

describe('built-in themes', () => {
  it('are the expected set', () => {
    expect(builtinThemeNames(THEMES)).toEqual(BUILTINS);
  });

  describe.each(BUILTINS)('%s', (name) => {
    const theme = load(name);

    it('is complete: every field of Theme is present and well-formed', () => {
      expect(shapeProblems(theme, SHAPE, 'theme')).toEqual([]);
      expect(theme.name).toBe(name);
    });

    it('uses only valid colours, in normal form', () => {
      for (const { path, fg, bg } of colorsOf(theme)) {
        for (const color of [fg, bg]) {
          if (color === undefined) continue;
          expect(checkColor(color), `${path}: ${color}`).toEqual({ ok: true, color });
        }
      }
    });

    it('styles the common highlight.js scopes', () => {
      for (const scope of ['keyword', 'built_in', 'type', 'literal', 'number', 'string', 'regexp', 'comment', 'doctag', 'meta', 'title', 'title.function', 'title.class', 'attr', 'attribute', 'variable', 'params', 'symbol', 'subst', 'section', 'tag', 'name', 'selector-tag', 'addition', 'deletion', 'emphasis', 'strong']) {
        expect(theme.code.tokens[scope], scope).toBeDefined();
      }
    });

    it('keeps glyph fields to one character where one is drawn repeatedly', () => {
      for (const char of [theme.rule.char, theme.footer.progressChar, theme.footer.progressEmptyChar]) {
        expect([...char]).toHaveLength(1);
      }
      expect(theme.footer.progressChar).not.toBe(theme.footer.progressEmptyChar);
    });

    if (name !== 'dark') {
      it('extends dark and sets every colour dark sets, so no dark colour leaks in', () => {
        const raw = parseYaml(readFileSync(join(THEMES, `${name}.yaml`), 'utf8')) as Record<string, unknown>;
        expect(raw.extends).toBe('dark');
        const missing: string[] = [];
        for (const { keys, path, fg, bg } of colorsOf(load('dark'))) {
          const own = keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], raw);
          const ownStyle = (own ?? {}) as Record<string, unknown>;
          if (path === 'background') {
            if (raw.background === undefined) missing.push('background');
            continue;
          }
          if (fg !== undefined && ownStyle.fg === undefined) missing.push(`${path}.fg`);
          if (bg !== undefined && ownStyle.bg === undefined) missing.push(`${path}.bg`);
        }
        expect(missing).toEqual([]);
      });
    }
  });

  // Minimum contrast of text on its background, and of decorations (borders, rules, line numbers).
  const floors: Record<string, { text: number; decoration: number }> = {
    dark: { text: 4.5, decoration: 3 },
    light: { text: 4.5, decoration: 3 },
    nord: { text: 4.5, decoration: 3 },
    'high-contrast': { text: 7, decoration: 7 },
    // Solarized's canonical accents are low-contrast by design; this only guards against unreadable mistakes.
    'solarized-dark': { text: 2.5, decoration: 2.5 },
  };
  const DECORATIONS = ['table.border', 'rule', 'footer.progressEmpty', 'code.lineNumber'];

  it.each(Object.keys(floors))('%s reads at its contrast floor', (name) => {
    const theme = load(name);
    const low: string[] = [];
    for (const { path, fg, on } of colorsOf(theme)) {
      if (fg === undefined || !fg.startsWith('#') || !on.startsWith('#')) continue;
      const floor = DECORATIONS.includes(path) ? floors[name]!.decoration : floors[name]!.text;
      const ratio = contrastRatio(fg, on);
      if (ratio < floor) low.push(`${path}: ${fg} on ${on} is ${ratio.toFixed(2)}:1`);
    }
    expect(low).toEqual([]);
  });

  it('terminal uses only the terminal palette: default and the named ANSI colours', () => {
    const theme = load('terminal');
    const allowed = new Set<string>([DEFAULT_COLOR, ...NAMED_COLORS]);
    for (const { path, fg, bg } of colorsOf(theme)) {
      for (const color of [fg, bg]) if (color !== undefined) expect(allowed.has(color), `${path}: ${color}`).toBe(true);
    }
    const text = readFileSync(join(THEMES, 'terminal.yaml'), 'utf8').replace(/#.*$/gm, '');
    expect(text).not.toMatch(/#[0-9a-f]{3}|rgb\(|ansi256\(/i);
    expect(theme.background).toBe(DEFAULT_COLOR);
    expect(theme.text.fg).toBe(DEFAULT_COLOR);
  });

  it('high-contrast is pure black and white, never dim, and never relies on colour alone', () => {
    const theme = load('high-contrast');
    expect(theme.background).toBe('#000000');
    expect(theme.text.fg).toBe('#ffffff');
    expect(JSON.stringify(theme)).not.toContain('"dim":true');
    expect(theme.link.underline).toBe(true);
    expect(theme.searchMatch).toMatchObject({ bold: true, underline: true });
    expect(theme.code.highlightLine.bold).toBe(true);
    for (const alert of Object.values(theme.alerts)) {
      expect(alert.icon.trim()).not.toBe('');
      expect(alert.label.trim()).not.toBe('');
    }
    expect(theme.footer.progressChar).not.toBe(theme.footer.progressEmptyChar);
  });
});

describe('extends', () => {
  it('follows a chain by relative path and by name, merging field by field', () => {
    // child.yaml → parts/middle.yaml (relative to child.yaml) → nord (built-in) → dark → none.
    const theme = load('chain/child.yaml');
    const nord = load('nord');
    expect(theme.name).toBe('child');
    expect(theme.headings.h1).toEqual({ ...nord.headings.h1, fg: '#ff0000', prefix: '# ', bold: false });
    expect(theme.headings.h1.underlineChar).toBe('━');
    expect(theme.headings.h2.fg).toBe('ansi256(214)');
    expect(theme.list.bullets).toEqual(['-']);
    expect(theme.margin).toEqual({ horizontal: 2, vertical: 1 });
    expect(theme.text).toEqual(nord.text);
    expect(theme.code).toEqual(nord.code);
  });

  it('resolves an extends path against the extending file, not the working directory', () => {
    const theme = loadTheme(join(FIXTURES, 'chain/child.yaml'), { themesDir: THEMES, cwd: tmpdir() });
    expect(theme.headings.h2.fg).toBe('ansi256(214)');
  });

  it('takes the name from the file when the theme does not give one', () => {
    expect(load('empty.yaml')).toEqual({ ...load('dark'), name: 'empty' });
  });

  it('loads a JSON theme', () => {
    const theme = load('json-theme.json');
    const light = load('light');
    expect(theme.name).toBe('json-theme');
    expect(theme.text).toEqual({ fg: '#101010', bold: true });
    expect(theme.code.tokens.keyword).toEqual({ fg: 'magenta', italic: true });
    expect(theme.code.tokens['title.function']).toEqual({ fg: 'rgb(10,20,30)' });
    expect(theme.headings).toEqual(light.headings);
  });

  it('rejects a cycle, at the extends that closes it', () => {
    const error = errorOf('cycle-a.yaml');
    expect(error.format()).toBe('cycle-b.yaml:2:10: extends: cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml; make one of them extend a built-in theme instead');
    expect([error.file, error.line, error.column]).toEqual(['cycle-b.yaml', 2, 10]);
  });

  it('explains a base theme that extends itself by leaving out "extends: none"', () => {
    const dir = join(FIXTURES, 'bad-builtins');
    expect(errorOf('dark', { themesDir: dir, cwd: dir }).format()).toBe(
      'dark.yaml:2:1: extends: cycle: dark.yaml → dark.yaml (a theme without "extends" extends "dark"; a complete base theme says "extends: none")',
    );
  });

  it('allows "extends: none" only for a complete theme', () => {
    expect(errorOf('incomplete-base.yaml').format()).toBe(
      'incomplete-base.yaml:2:1: (theme): missing fields text, headings, strong, emphasis, strike, inlineCode, link, quote, alerts, list, code, table, rule, image, footer, overflow, banner, searchMatch, margin; a complete theme ("extends: none") sets every field',
    );
  });

  it('names the built-in themes when an extended one is unknown', () => {
    expect(errorOf('unknown-parent.yaml').format()).toBe(
      'unknown-parent.yaml:2:10: extends: unknown theme "drak" (did you mean "dark"?); built-in themes: dark, high-contrast, light, nord, solarized-dark, terminal; or give a path to a .yaml or .json file',
    );
  });
});

describe('located errors', () => {
  it.each([
    ['unknown-key.yaml', 'unknown-key.yaml:4:3: footer.progres: unknown field (did you mean "progress"?)'],
    ['bad-colour.yaml', 'bad-colour.yaml:7:9: footer.progress.fg: "purpel" is not a colour (did you mean "magenta"?)'],
    ['wrong-type.yaml', 'wrong-type.yaml:4:11: headings.h2.bold: expected true or false, got "yes"'],
    [
      'unquoted-hex.yaml',
      'unquoted-hex.yaml:3:3: link.fg: expected a colour, got nothing (in YAML "#" starts a comment: write "#ff8800" in quotes)',
    ],
    ['alias-key.yaml', 'alias-key.yaml:2:9: text.color: unknown field (did you mean "fg"?)'],
    ['bad-json.json', 'bad-json.json:4:22: list.bullets[1]: expected text, got number 3'],
    ['list-root.yaml', 'list-root.yaml:1:1: (theme): expected a mapping of theme fields, got a list'],
  ])('%s', (file, message) => {
    const error = errorOf(file);
    expect(error).toBeInstanceOf(ThemeError);
    expect(error.format()).toBe(message);
    const [, line, column] = /^[^:]+:(\d+):(\d+):/.exec(message)!;
    expect([error.file, error.line, error.column]).toEqual([file, Number(line), Number(column)]);
  });

  it('locates YAML syntax errors', () => {
    const error = errorOf('bad-syntax.yaml');
    expect([error.file, error.line, error.column]).toEqual(['bad-syntax.yaml', 4, 1]);
    expect(error.format()).toMatch(/^bad-syntax\.yaml:4:1: invalid YAML: \S/);
  });

  it('locates JSON syntax errors', () => {
    const error = errorOf('bad-json-syntax.json');
    expect([error.file, error.line, error.column]).toEqual(['bad-json-syntax.json', 4, 3]);
    expect(error.format()).toMatch(/^bad-json-syntax\.json:4:3: invalid JSON: \S/);
  });

  it('reports every problem in a file, in file order', () => {
    const error = errorOf('many-problems.yaml');
    expect(error.format().split('\n')).toEqual([
      'many-problems.yaml:5:5: code.tokens.keywrod: unknown field (did you mean "keyword"?)',
      'many-problems.yaml:6:19: code.tokens.string.fg: "grean" is not a colour (did you mean "green"?)',
      'many-problems.yaml:8:17: headings.h1.prefix: must not contain control characters',
      'many-problems.yaml:9:23: margin.horizontal: must be 0 or more',
      'many-problems.yaml:9:37: margin.vertical: expected a whole number, got number 1.5',
      'many-problems.yaml:10:7: text: expected a mapping of fields, got "red" (a style is a mapping: { fg: "red" })',
    ]);
    expect(error.problems).toHaveLength(6);
    expect([error.line, error.column]).toEqual([5, 5]);
  });

  it('shows paths relative to the working directory', () => {
    expect(errorOf('theme/unknown-key.yaml', { cwd: join(FIXTURES, '..') }).file).toBe('theme/unknown-key.yaml');
    // Outside the working directory (wherever the checkout lives), the path is shown in full.
    const elsewhere = join(FIXTURES, 'some-other-folder');
    expect(errorOf(join(FIXTURES, 'unknown-key.yaml'), { cwd: elsewhere }).file).toBe(join(FIXTURES, 'unknown-key.yaml'));
  });

  it('lists the built-in themes for an unknown name, with no line or column', () => {
    const error = errorOf('drak');
    expect(error.format()).toBe(
      'drak: unknown theme (did you mean "dark"?); built-in themes: dark, high-contrast, light, nord, solarized-dark, terminal; or give a path to a .yaml or .json file',
    );
    expect([error.file, error.line, error.column]).toEqual(['drak', undefined, undefined]);
    expect(errorOf('solarized').format()).toMatch(/^solarized: unknown theme \(did you mean "solarized-dark"\?\); built-in themes: dark, /);
    expect(errorOf('purple').format()).toMatch(/^purple: unknown theme; built-in themes: dark, /);
  });

  it('reports a missing theme file', () => {
    const error = errorOf('./nope.yaml');
    expect(error.format()).toMatch(/^\.\/nope\.yaml: theme file not found; check the path, or use a built-in theme: dark, /u);
    expect([error.file, error.line, error.column]).toEqual(['./nope.yaml', undefined, undefined]);
    expect(errorOf('../dark').format()).toMatch(/^\.\.\/dark: theme file not found; check the path/u);
  });

  it('reports an extends that names a missing file, at the extends', () => {
    expect(errorOf('missing-parent.yaml').format()).toBe('missing-parent.yaml:1:10: extends: theme file "./gone.yaml" not found; check the path, which is relative to this file');
  });

  it('refuses aliases that expand past the limit, and JSON nested too deeply, with a message, never an internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-theme-bomb-'));
    // A "billion laughs": each line nine times the one before.
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of [...'bcdefgh'].entries()) levels.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    writeFileSync(join(dir, 'bomb.yaml'), `${levels.join('\n')}\n`);
    const bomb = errorOf('bomb.yaml', { cwd: dir });
    expect(bomb).toBeInstanceOf(ThemeError);
    expect(bomb.format()).toBe('bomb.yaml: cannot read theme file: its aliases expand too far (over 100 uses); write the values out plainly');
    writeFileSync(join(dir, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    const deep = errorOf('deep.json', { cwd: dir });
    expect(deep).toBeInstanceOf(ThemeError);
    expect(deep.format()).toMatch(/^deep\.json:1:\d+: invalid JSON: nested too deeply to read; make it flatter$/u);
  });

  it('reports a theme path that cannot be read', () => {
    const error = errorOf('chain');
    expect(error.format()).toMatch(/^chain: unknown theme/);
    expect(errorOf('chain/parts/').format()).toBe('chain/parts: cannot read theme file (EISDIR); give a .yaml or .json file');
  });
});

describe('builtinThemeNames', () => {
  it('is empty for a missing folder', () => {
    expect(builtinThemeNames(join(FIXTURES, 'no-such-folder'))).toEqual([]);
  });
});

describe('built-in themes compiled to JSON by the build', () => {
  const compiledDir = mkdtempSync(join(tmpdir(), 'talkdeck-themes-'));
  for (const name of builtinThemeNames(THEMES)) {
    writeFileSync(join(compiledDir, `${name}.json`), JSON.stringify(parseYaml(readFileSync(join(THEMES, `${name}.yaml`), 'utf8'))));
  }

  it('give the same themes as their YAML', () => {
    for (const name of builtinThemeNames(THEMES)) {
      expect(loadTheme(name, { themesDir: THEMES, cwd: tmpdir(), compiledDir })).toEqual(loadTheme(name, { themesDir: THEMES, cwd: tmpdir() }));
    }
  });

  it('are not used when older than their YAML', () => {
    const stale = join(compiledDir, 'light.json');
    writeFileSync(stale, JSON.stringify({ ...parseYaml(readFileSync(join(THEMES, 'light.yaml'), 'utf8')), background: '#123456' }));
    utimesSync(stale, new Date(0), new Date(0));
    expect(loadTheme('light', { themesDir: THEMES, cwd: tmpdir(), compiledDir }).background).not.toBe('#123456');
    utimesSync(stale, new Date(), new Date());
    expect(loadTheme('light', { themesDir: THEMES, cwd: tmpdir(), compiledDir }).background).toBe('#123456');
  });
});

describe('theme files a deck names', () => {
  it('are read only inside the deck folder, regular files only; built-in parents stay readable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdeck-theme-folder-'));
    mkdirSync(join(dir, 'deck'));
    writeFileSync(join(dir, 'outside.yaml'), 'extends: light\n');
    writeFileSync(join(dir, 'deck', 'mine.yaml'), 'extends: dark\n');
    writeFileSync(join(dir, 'deck', 'climbs.yaml'), 'extends: ../outside.yaml\n');
    symlinkSync('../outside.yaml', join(dir, 'deck', 'linked.yaml'));
    symlinkSync('/etc/shadow', join(dir, 'deck', 'shadow.yaml'));
    execFileSync('mkfifo', [join(dir, 'deck', 'pipe.yaml')]);
    const folder = openDeckFolder(join(dir, 'deck'));
    const fromDeck = (spec: string) => {
      try {
        return loadTheme(spec, { themesDir: THEMES, cwd: join(dir, 'deck'), folder }).name;
      } catch (error) {
        if (error instanceof ThemeError) return error.format();
        throw error;
      }
    };
    expect(fromDeck('./mine.yaml')).toBe('mine');
    expect(fromDeck('./linked.yaml')).toBe(`linked.yaml: theme file is outside the deck's folder (it leads to ${join(dir, 'outside.yaml')}); move it into that folder, or pass --allow-outside if you trust this deck`);
    expect(fromDeck('./shadow.yaml')).toMatch(/^shadow\.yaml: theme file is outside the deck's folder \(it leads to \/etc\/shadow\)/u);
    expect(fromDeck('./climbs.yaml')).toBe(`${join(dir, 'outside.yaml')}: theme file is outside the deck's folder (it leads to ${join(dir, 'outside.yaml')}); move it into that folder, or pass --allow-outside if you trust this deck`);
    expect(fromDeck('./pipe.yaml')).toBe('pipe.yaml: theme file is a named pipe (FIFO), not a regular file; talkdeck reads only regular files: give one instead');
  });
});

describe("a deck's own theme fields (presenterm's theme.override)", () => {
  it('go over the loaded theme, the rest of it kept', () => {
    const base = load('dark');
    const theme = loadTheme('dark', { themesDir: THEMES, cwd: FIXTURES, override: { text: { fg: '#e6e6e6' }, background: '#040312', headings: { h2: { prefix: '▓▓▓ ' } }, code: { block: { bg: 'default' } } } });
    expect(theme.text.fg).toBe('#e6e6e6');
    expect(theme.background).toBe('#040312');
    expect(theme.headings.h2).toEqual({ ...base.headings.h2, prefix: '▓▓▓ ' });
    expect(theme.code.block).toEqual({ ...base.code.block, bg: DEFAULT_COLOR });
    expect(theme.headings.h1).toEqual(base.headings.h1);
  });

  it('are checked like a theme file: a wrong one is a ThemeError naming the deck', () => {
    expect(() => loadTheme('dark', { themesDir: THEMES, cwd: FIXTURES, override: { text: { fg: 'purplish' } }, overrideFile: 'talk.md' })).toThrow(ThemeError);
    expect(errorOf('dark', { themesDir: THEMES, cwd: FIXTURES, override: { text: { fg: 'purplish' } }, overrideFile: 'talk.md' }).format()).toMatch(/^talk\.md: the theme fields it sets are not valid: text\.fg: /u);
  });
});
