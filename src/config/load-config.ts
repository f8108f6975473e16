import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { closestMatch, describeValue, valueAt } from '../text/index.js';
import { ConfigError } from './config-error.js';
import { configSchema, type EXPORT_FORMATS, type ImageProtocolChoice } from './schema.js';

/** A custom executor from the configuration. */
export interface ExecutorConfig {
  command: string[];
  filename?: string;
  hiddenLinePrefix?: string;
  environment: Record<string, string>;
}

/** The configuration, with every default filled in. */
export interface Config {
  /** The file it came from, or null when there is none (every default). */
  file: string | null;
  theme?: string;
  imageProtocol: ImageProtocolChoice;
  exec: { enable: boolean; enableReplace: boolean; timeoutMs: number; executors: Record<string, ExecutorConfig> };
  rates: { wpm?: number; cjkCpm?: number };
  notes: { publishSpeakerNotes: boolean };
  /** Keys by action, as the keymap names keys; only the actions the file sets. */
  keys: Record<string, string[]>;
  export: { format?: (typeof EXPORT_FORMATS)[number]; theme?: string; handout?: boolean; steps?: boolean };
}

/** How the keys of a configuration are checked: the presenter's actions, and its names for keys. */
export interface KeyRules {
  actions: readonly string[];
  /** The keymap's name for a key as written (`<right>` → `right`, `<c-e>` → `ctrl-e`), or null when it names no key. */
  normalize(name: string): string | null;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The configuration when there is no file. */
export function defaultConfig(): Config {
  return {
    file: null,
    imageProtocol: 'auto',
    exec: { enable: false, enableReplace: false, timeoutMs: DEFAULT_TIMEOUT_MS, executors: {} },
    rates: {},
    notes: { publishSpeakerNotes: false },
    keys: {},
    export: {},
  };
}

function durationMs(value: number | string): number {
  if (typeof value === 'number') return value * 1000;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/u.exec(value)!;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : match[2] === 'm' ? amount * 60_000 : amount * 1000;
}

/**
 * Parses and validates a configuration file's text. `shown` names the file in messages. Every
 * problem is a ConfigError at the line and column of the field, saying what was expected and what
 * was found, with a spelling suggestion for a mistyped field, action or key.
 */
export function parseConfig(text: string, shown: string, keyRules?: KeyRules): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new ConfigError({ file: shown, line, column: col }, `invalid YAML: ${first.message.split('\n')[0]}`, 'fix the file at this line');
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const at = (path: readonly PropertyKey[], key = false) => locate(doc, lineCounter, path, key);
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw describeIssue(issue, data, shown, at);
  }
  const raw = result.data;
  const config = defaultConfig();
  config.file = shown;
  if (raw.theme !== undefined) config.theme = raw.theme;
  if (raw.image_protocol !== undefined) config.imageProtocol = raw.image_protocol;
  if (raw.exec) {
    config.exec.enable = raw.exec.enable ?? false;
    config.exec.enableReplace = raw.exec.enable_replace ?? false;
    if (raw.exec.timeout !== undefined) config.exec.timeoutMs = durationMs(raw.exec.timeout);
    for (const [language, spec] of Object.entries(raw.exec.executors ?? {})) {
      config.exec.executors[language] = { command: spec.command, filename: spec.filename, hiddenLinePrefix: spec.hidden_line_prefix, environment: spec.environment ?? {} };
    }
  }
  config.rates = { wpm: raw.rates?.wpm, cjkCpm: raw.rates?.cjk_cpm };
  config.notes.publishSpeakerNotes = raw.notes?.publish_speaker_notes ?? false;
  config.export = { ...raw.export };
  for (const [action, keys] of Object.entries(raw.keys ?? {})) {
    if (keyRules && !keyRules.actions.includes(action)) {
      const near = closestMatch(action, keyRules.actions);
      const where = at(['keys', action], true);
      throw new ConfigError({ file: shown, ...where }, `keys.${action}: no such action${near ? ` (did you mean "${near}"?)` : ''}`, `the actions are ${keyRules.actions.join(', ')}`);
    }
    config.keys[action] = keys.map((key, i) => {
      if (!keyRules) return key;
      const name = keyRules.normalize(key);
      if (name === null) {
        throw new ConfigError({ file: shown, ...at(['keys', action, i]) }, `keys.${action}[${i}]: ${JSON.stringify(key)} is not a key`, 'write a character (q), a name (right, pagedown, space, escape, ctrl-e) or presenterm\'s form (<right>, <c-e>)');
      }
      return name;
    });
  }
  return config;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, shown: string, at: (path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }): ConfigError {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = knownKeys(path);
    const near = closestMatch(key, known);
    return new ConfigError({ file: shown, ...at([...path, key], true) }, `${formatPath([...path, key])}: unknown field${near ? ` (did you mean "${near}"?)` : ''}`, `the fields here are ${known.join(', ')}`);
  }
  const value = valueAt(data, path);
  const message = issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value' ? `expected ${issue.message}, got ${describeValue(value)}` : issue.message;
  return new ConfigError({ file: shown, ...at(path) }, `${formatPath(path)}: ${message}`, 'see the configuration section of the README, or config.schema.json');
}

/** The fields the schema allows at `path`. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = configSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    const def = schema?._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; valueType?: z.core.$ZodType } | undefined;
    schema = def?.type === 'object' ? def.shape?.[String(segment)] : def?.type === 'record' ? def.valueType : undefined;
  }
  const def = unwrap(schema)?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return Object.keys(def?.shape ?? {});
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let current = schema;
  while (current && current._zod.def.type === 'optional') current = (current._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  return current;
}

/** Where the field at `path` is written (its key, or its value), else its nearest enclosing field. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key: boolean): { line: number; column: number } {
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let found = position(0);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return found;
      found = position(pair.key.range?.[0] ?? 0);
      if (i === path.length - 1 && key) return found;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof segment === 'number') {
      node = (node as { items: unknown[] }).items[segment];
    } else return found;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) found = position(range[0]);
  }
  return found;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += `${out ? '.' : ''}${String(segment)}`;
  }
  return out || '(config)';
}

