import { readFileSync, statSync } from 'node:fs';
import { ReadError, readRegularText, type DeckFolder } from '../io/index.js';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ThemeError } from './theme-error.js';

/** A theme file read and parsed, with its syntax tree at hand so problems can be located. */
export interface ThemeSource {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages: relative to the working directory when inside it. */
  shown: string;
  /** The file's data as plain JavaScript values; null for an empty file. */
  data: unknown;
  /** The YAML syntax tree, built on first use: only locating a problem needs it. */
  syntax(): Syntax;
}

export interface Syntax {
  doc: Document;
  lineCounter: LineCounter;
}

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** The data of a built-in theme compiled to JSON at build time, when it is as new as its source. */
function readCompiled(path: string, compiled: string | undefined): unknown {
  if (!compiled) return undefined;
  try {
    if (statSync(compiled).mtimeMs < statSync(path).mtimeMs) return undefined;
    return JSON.parse(readFileSync(compiled, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Reads and parses a YAML or JSON theme file. Throws ThemeError for an unreadable file or a syntax
 * error. JSON files and built-in themes compiled to JSON at build time (`compiled`, used only when
 * not older than the source) are read with JSON.parse, because the `yaml` parser costs tens of
 * milliseconds cold at every start; everything else, and every error, goes through `yaml`, which
 * reads JSON too, so both formats get the same located messages.
 *
 * Only regular files up to 1 MB are read; with `folder` (a theme a deck names), only files inside
 * that folder, links resolved.
 */
export function readThemeSource(path: string, shown: string, compiled?: string, folder?: DeckFolder): ThemeSource {
  let text: string;
  try {
    text = folder ? folder.readText(path, 'theme', shown) : readRegularText(path, 'theme', { shown });
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    // An errno (`EACCES`) is named as the system names it; talkdeck's own refusals say what they are.
    const message = /^E[A-Z]+$/u.test(error.code) ? `cannot read theme file (${error.code}); ${error.hint}` : `theme file ${error.message}; ${error.hint}`;
    throw new ThemeError({ file: shown, message });
  }
  let syntax: Syntax | undefined;
  const parse = (): Syntax => {
    if (syntax) return syntax;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      // One stack overflow is reported by every level it unwinds through: say it once.
      const errors = doc.errors.filter((error, i) => !/call stack/iu.test(error.message) || doc.errors.findIndex((e) => /call stack/iu.test(e.message)) === i);
      throw new ThemeError(
        errors.map((error) => {
          const { line, col } = lineCounter.linePos(error.pos[0]);
          // The reader's own recursion limit is no message for a user: say what it means.
          const what = /call stack/iu.test(error.message) ? 'nested too deeply to read; make it flatter' : `${error.message}; fix the file at this line`;
          return { file: shown, line, column: col, message: `invalid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${what}` };
        }),
      );
    }
    return (syntax = { doc, lineCounter });
  };
  let data = path.endsWith('.json') ? readJson(text) : readCompiled(path, compiled);
  if (data === undefined) {
    const { doc } = parse();
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Aliases that would expand past the limit (a "billion laughs"), or a document nested too
      // deeply for the reader: a theme talkdeck will not read, said as such.
      const why = error instanceof Error && /alias/iu.test(error.message) ? 'its aliases expand too far (over 100 uses)' : 'it is nested too deeply';
      throw new ThemeError({ file: shown, message: `cannot read theme file: ${why}; write the values out plainly` });
    }
  }
  return { path, shown, data, syntax: parse };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Parsed again by `yaml`, which says where the problem is.
    return undefined;
  }
}

/**
 * Finds where the field at `path` is written: its key when `at` is 'key', otherwise its value.
 * A path that leads nowhere (a missing field) is placed at the key of the nearest enclosing field.
 */
export function locate(source: ThemeSource, path: readonly PropertyKey[], at: 'key' | 'value'): Position {
  const { doc, lineCounter } = source.syntax();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let enclosing: Position = position(isNode(node) ? (node.range?.[0] ?? 0) : 0);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return enclosing;
      const keyAt = isNode(pair.key) && pair.key.range ? position(pair.key.range[0]) : enclosing;
      if (last && at === 'key') return keyAt;
      enclosing = keyAt;
      node = pair.value;
      // `fg:` with nothing after it has no value node; its key is the best place to point at.
      if (!isNode(node) || (isScalar(node) && node.value === null)) return last ? keyAt : enclosing;
    } else if (isSeq(node) && typeof segment === 'number' && isNode(node.items[segment])) {
      node = node.items[segment];
      enclosing = position((node as Node).range?.[0] ?? 0);
    } else {
      return enclosing;
    }
  }
  return isNode(node) && node.range ? position(node.range[0]) : enclosing;
}

/** The YAML comment after a field's empty value, e.g. `ff0000` in `fg: #ff0000`, if there is one. */
export function trailingComment(source: ThemeSource, path: readonly PropertyKey[]): string | null {
  const node = source.syntax().doc.getIn(path as unknown[], true);
  return isScalar(node) && node.value === null && typeof node.comment === 'string' ? node.comment.trim() : null;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
