import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type * as z from 'zod/mini';
import { checkColor } from './color.js';
import { completeThemeSchema, OBJECT_EXPECTED, rawThemeSchema, type RawTheme, type ThemeSchema } from './schema.js';
import { closestMatch, describeValue, valueAt } from '../text/index.js';
import { ThemeError, type ThemeProblem } from './theme-error.js';
import { locate, readThemeSource, trailingComment, type ThemeSource } from './theme-source.js';
import type { Theme } from './types.js';
import type { DeckFolder } from '../io/index.js';

export interface LoadThemeOptions {
  /** Folder of the built-in themes (`<name>.yaml` or `<name>.json`). */
  themesDir: string;
  /** Folder that relative theme paths given on the command line are resolved against. */
  cwd: string;
  /** Built-in themes compiled to JSON by the build (`<name>.json`), read instead of their YAML. */
  compiledDir?: string;
  /** Receives the path of every file the theme was made from (its `extends` chain). */
  onRead?: (path: string) => void;
  /**
   * For a theme the deck names: theme files other than the built-in ones are read only through the
   * deck's folder (inside it, links resolved), as everything else a deck points at.
   */
  folder?: DeckFolder;
  /**
   * Theme fields set over the loaded theme, as a deck asks (`meta.themeOverride`), checked like a
   * theme file's; `overrideFile` names the deck in a message about them.
   */
  override?: Record<string, unknown>;
  overrideFile?: string;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];
/** The parent of a theme that does not say what it extends. */
const DEFAULT_PARENT = 'dark';
/** The `extends` value of a complete base theme. */
const NO_PARENT = 'none';
/** Field names people reach for, and the field they mean. */
const FIELD_ALIASES: Record<string, string> = {
  color: 'fg',
  colour: 'fg',
  foreground: 'fg',
  fgColor: 'fg',
  background: 'bg',
  bgColor: 'bg',
  backgroundColor: 'bg',
  strikeThrough: 'strikethrough',
  faint: 'dim',
  reverse: 'inverse',
  parent: 'extends',
  inherits: 'extends',
};
/** Fields of a theme file that describe the file itself and are not inherited. */
const OWN_FIELDS = new Set(['name', 'description', 'extends']);

/**
 * Loads a theme by built-in name ('dark') or by path ('./talk.yaml', relative to `cwd`), follows
 * its `extends` chain, validates every file and merges each over its parent. The result has every
 * field of Theme. Throws ThemeError, located at `file:line:col` where a file is at fault.
 */
export function loadTheme(spec: string, options: LoadThemeOptions): Theme {
  const chain: { source: ThemeSource; raw: RawTheme }[] = [];
  let target = resolveSpec(spec, options, null);
  for (;;) {
    const cycleStart = chain.findIndex((link) => link.source.path === target.path);
    if (cycleStart >= 0) {
      const last = chain[chain.length - 1]!;
      const names = [...chain.slice(cycleStart).map((link) => link.source.shown), target.shown];
      throw problemAt(last.source, ['extends'], `cycle: ${names.join(' → ')}${implicitNote(last.raw) || '; make one of them extend a built-in theme instead'}`);
    }
    const compiled =
      options.compiledDir && resolve(dirname(target.path)) === resolve(options.themesDir)
        ? join(options.compiledDir, `${basename(target.path, extname(target.path))}.json`)
        : undefined;
    const builtin = resolve(dirname(target.path)) === resolve(options.themesDir);
    const source = readThemeSource(target.path, target.shown, compiled, builtin ? undefined : options.folder);
    options.onRead?.(target.path);
    if (compiled && existsSync(compiled)) options.onRead?.(compiled);
    const data = source.data ?? {};
    const isBase = isRecord(data) && data.extends === NO_PARENT;
    const raw = validate(source, data, isBase ? completeThemeSchema() : rawThemeSchema());
    chain.push({ source, raw });
    if (isBase) break;
    target = resolveSpec(raw.extends ?? DEFAULT_PARENT, options, source);
  }

  let merged: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) merged = mergeOver(merged, withoutOwnFields(chain[i]!.raw));
  if (options.override !== undefined) merged = mergeOver(merged, checkedOverride(options.override, options.overrideFile ?? 'the deck'));
  const leaf = chain[0]!;
  const name = leaf.raw.name ?? basename(leaf.source.path, extname(leaf.source.path));
  return { ...(normalizeColors(merged) as Omit<Theme, 'name'>), name };
}

/** A deck's theme fields, checked against the theme schema; a ThemeError naming the deck if wrong. */
function checkedOverride(override: Record<string, unknown>, file: string): Record<string, unknown> {
  const result = rawThemeSchema().safeParse(withoutOwnFields(override as RawTheme));
  if (result.success) return result.data as Record<string, unknown>;
  const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new ThemeError({ file, message: `the theme fields it sets are not valid: ${problems.join('; ')}` });
}

/** Names of the built-in themes in `themesDir`, sorted; [] when the folder is missing. */
export function builtinThemeNames(themesDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(themesDir);
  } catch {
    return [];
  }
  const names = entries.filter((f) => EXTENSIONS.includes(extname(f))).map((f) => basename(f, extname(f)));
  return [...new Set(names)].sort();
}

/** True when a theme spec names a file rather than a built-in theme. */
function isPathSpec(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || EXTENSIONS.includes(extname(spec));
}

interface Target {
  path: string;
  shown: string;
}

/**
 * Turns a spec into a file: a path is relative to `cwd` (from the command line) or to the file that
 * extends it; anything else is a built-in name. `from` is the extending file, where a miss is reported.
 */
function resolveSpec(spec: string, options: LoadThemeOptions, from: ThemeSource | null): Target {
  // From a file: located at its `extends`. From the command line or a deck: `spec: message`.
  const fail = (inFile: string, alone: string): never => {
    if (from) throw problemAt(from, ['extends'], inFile);
    throw new ThemeError({ file: spec, message: alone });
  };
  if (isPathSpec(spec)) {
    const path = resolve(from ? dirname(from.path) : options.cwd, spec);
    if (!existsSync(path)) {
      fail(
        `theme file ${JSON.stringify(spec)} not found; check the path, which is relative to this file`,
        `theme file not found; check the path, or use a built-in theme: ${builtinThemeNames(options.themesDir).join(', ')}`,
      );
    }
    return { path, shown: shownPath(path, options.cwd) };
  }
  for (const ext of EXTENSIONS) {
    const path = join(options.themesDir, spec + ext);
    if (/^[\w-]+$/.test(spec) && existsSync(path)) return { path, shown: shownPath(path, options.cwd) };
  }
  const names = builtinThemeNames(options.themesDir);
  const near = closestMatch(spec, names) ?? (spec === '' ? undefined : names.find((name) => name.startsWith(spec)));
  const hint = near ? ` (did you mean "${near}"?)` : '';
  const list = names.length > 0 ? names.join(', ') : `none found in ${options.themesDir}`;
  const missing = from && from.data && isRecord(from.data) && from.data.extends === undefined ? ' (the default parent)' : '';
  const rest = `${hint}; built-in themes: ${list}; or give a path to a .yaml or .json file`;
  return fail(`unknown theme ${JSON.stringify(spec)}${missing}${rest}`, `unknown theme${rest}`);
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function implicitNote(raw: RawTheme): string {
  return raw.extends === undefined
    ? ` (a theme without "extends" extends "${DEFAULT_PARENT}"; a complete base theme says "extends: ${NO_PARENT}")`
    : '';
}

/** Validates a file's data; every problem found becomes one located line of the ThemeError. */
function validate(source: ThemeSource, data: unknown, schema: ThemeSchema): RawTheme {
  const result = schema.safeParse(data);
  if (result.success) return result.data as RawTheme;
  const missing = new Map<string, { path: PropertyKey[]; keys: string[] }>();
  const problems: ThemeProblem[] = [];
  for (const issue of result.error.issues) {
    // A base theme that leaves fields out gets one line per mapping, not one per field.
    if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(data, issue.path) === undefined) {
      const parent = issue.path.slice(0, -1);
      const key = JSON.stringify(parent.map(String));
      const entry = missing.get(key) ?? { path: parent, keys: [] };
      entry.keys.push(String(issue.path[issue.path.length - 1]));
      missing.set(key, entry);
    } else {
      problems.push(...describeIssue(source, data, issue));
    }
  }
  for (const { path, keys } of missing.values()) {
    const what = keys.length === 1 ? `field ${keys[0]}` : `fields ${keys.join(', ')}`;
    problems.push(problem(source, path, 'key', `missing ${what}; a complete theme ("extends: ${NO_PARENT}") sets every field`));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ThemeError(problems);
}

function describeIssue(source: ThemeSource, data: unknown, issue: z.core.$ZodIssue): ThemeProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(data, path);
    const aliases = Object.keys(FIELD_ALIASES).filter((alias) => known.includes(FIELD_ALIASES[alias]!));
    return issue.keys.map((key) => {
      const near = closestMatch(key, [...known, ...aliases]);
      const hint = near ? ` (did you mean "${FIELD_ALIASES[near] ?? near}"?)` : '; remove it (themes/README.md lists the fields)';
      return problem(source, [...path, key], 'key', `unknown field${hint}`);
    });
  }
  const value = valueAt(data, path);
  if (issue.code === 'invalid_type') {
    let message = `expected ${issue.message}, got ${describeValue(value)}`;
    if (typeof value === 'string' && issue.message === OBJECT_EXPECTED && checkColor(value).ok) {
      message += ` (a style is a mapping: { fg: ${JSON.stringify(value)} })`;
    }
    const comment = value === null ? trailingComment(source, path) : null;
    if (comment !== null && checkColor(`#${comment}`).ok) {
      message += ` (in YAML "#" starts a comment: write "#${comment}" in quotes)`;
    }
    return [problem(source, path, 'value', message)];
  }
  return [problem(source, path, 'value', issue.message)];
}

function problem(source: ThemeSource, path: readonly PropertyKey[], at: 'key' | 'value', message: string): ThemeProblem {
  const { line, column } = locate(source, path, at);
  return { file: source.shown, line, column, message: `${formatPath(path)}: ${message}` };
}

function problemAt(source: ThemeSource, path: readonly PropertyKey[], message: string): ThemeError {
  return new ThemeError([problem(source, path, 'value', message)]);
}

/** `footer.progress.fg`, `list.bullets[1]`, `code.tokens["title.function"]`; `(theme)` for the root. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[\w-]+$/.test(String(segment))) out += `${out ? '.' : ''}${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(theme)';
}

/** The field names the schema allows at `path`, for suggesting a spelling. */
function knownKeys(data: unknown, path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = rawThemeSchema();
  for (const segment of path) {
    schema = unwrap(schema);
    const def = schema?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    schema = def?.type === 'object' ? def.shape?.[String(segment)] : def?.type === 'array' ? def.element : undefined;
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  const own = valueAt(data, path);
  const present = isRecord(own) ? new Set(Object.keys(own)) : new Set<string>();
  // A key already written is no suggestion for another written key.
  return Object.keys(def?.shape ?? {}).filter((key) => !present.has(key));
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current && current._zod.def.type === 'optional') {
    current = (current._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  }
  return current;
}

/** `over` merged onto `base`: mappings merge field by field, anything else (lists too) replaces. */
function mergeOver(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isRecord(value) && isRecord(current) ? mergeOver(current, value) : value;
  }
  return out;
}

function withoutOwnFields(raw: RawTheme): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !OWN_FIELDS.has(key)));
}

/** Rewrites every colour (fg, bg, background) in the form Ink accepts. */
function normalizeColors(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((key === 'fg' || key === 'bg' || key === 'background') && typeof field === 'string') {
      const checked = checkColor(field);
      out[key] = checked.ok ? checked.color : field;
    } else {
      out[key] = isRecord(field) ? normalizeColors(field) : field;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
