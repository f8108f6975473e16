import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { DeckMeta, Location } from '../deck/index.js';
import { parseDuration } from './duration.js';
import { DiagnosticSink } from './source-line.js';
import { closestName } from '../text/index.js';
import { mapPresentermOverride } from './dialects/presenterm-theme.js';

/** The meta of a deck without front matter. */
export function emptyMeta(): DeckMeta {
  return { title: '', subtitle: '', author: '', date: '', event: '', theme: '', durationMs: null, incrementalLists: false, extra: {} };
}

const TEXT_KEYS = ['title', 'subtitle', 'sub_title', 'author', 'date', 'event'] as const;
/** Keys talkdeck reads; anything else is kept in `meta.extra`. */
export const FRONT_MATTER_KEYS: readonly string[] = [...TEXT_KEYS, 'authors', 'theme', 'duration', 'incremental_lists'];

function firstLineOf(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/u, '').trim();
}

/** What to do about a YAML problem in the front matter. */
function yamlFix(code: string | undefined): string {
  if (code === 'DUPLICATE_KEY') return 'keep only one of them';
  return 'fix the YAML between the `---` lines (quote a value that holds : # [ or {, like `title: "Why: a talk"`)';
}

/** The YAML reader's own recursion limit, which is no message for a user. */
const STACK_OVERFLOW = /maximum call stack/iu;
const TOO_DEEP = 'nested too deeply to read; make it flatter (front matter needs a few levels at most)';

/**
 * Reads YAML front matter into deck meta. `firstLine` is the file line of the YAML's first line,
 * so that every message points into the deck file.
 */
export function readFrontMatter(yaml: string, file: string, firstLine: number, sink: DiagnosticSink): DeckMeta {
  const meta = emptyMeta();
  const counter = new LineCounter();
  const at = (offset: number | undefined): Location => {
    const pos = counter.linePos(Math.max(0, offset ?? 0));
    return { file, line: firstLine + Math.max(1, pos.line) - 1, column: Math.max(1, pos.col) };
  };
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    sink.error({ file, line: firstLine, column: 1 }, `front matter is not valid YAML: ${firstLineOf((error as Error).message)}; ${yamlFix(undefined)}`);
    return meta;
  }
  // One stack overflow is reported by every level it unwinds through: say it once, in words.
  const overflow = doc.errors.findIndex((error) => STACK_OVERFLOW.test(error.message));
  doc.errors.forEach((error, i) => {
    if (STACK_OVERFLOW.test(error.message) && i !== overflow) return;
    sink.error(at(error.pos[0]), STACK_OVERFLOW.test(error.message) ? `front matter: ${TOO_DEEP}` : `front matter: ${firstLineOf(error.message)}; ${yamlFix(error.code)}`);
  });
  for (const warning of doc.warnings) sink.warning(at(warning.pos[0]), `front matter: ${firstLineOf(warning.message)}`);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return meta;
  if (!isMap(doc.contents)) {
    sink.error(at(doc.contents.range?.[0]), 'front matter must be a mapping of keys to values, like `title: My talk`');
    return meta;
  }
  let values: Record<string, unknown>;
  try {
    const js: unknown = doc.toJS({ maxAliasCount: 100 });
    values = js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  } catch (error) {
    const message = (error as Error).message;
    const why = /alias/iu.test(message)
      ? 'its aliases expand too far (over 100 uses); write the values out plainly'
      : STACK_OVERFLOW.test(message)
        ? TOO_DEEP
        : `${firstLineOf(message)}; ${yamlFix(undefined)}`;
    sink.error({ file, line: firstLine, column: 1 }, `front matter: ${why}`);
    return meta;
  }

  const seen = new Set<string>();
  const quiet = new DiagnosticSink();
  for (const pair of doc.contents.items as Pair<Node | null, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = values[key];
    const where = at(pair.value?.range?.[0] ?? pair.key?.range?.[0]);
    const keyAt = at(pair.key?.range?.[0]);
    seen.add(key);
    /** Where a key under this one is written (the nearest found), for messages about nested keys. */
    const within = (path: readonly string[]): Location => {
      let node: Node | null = pair.value;
      let found = keyAt;
      for (const segment of path) {
        const inner: Pair<Node | null, Node | null> | undefined = isMap(node) ? (node.items as Pair<Node | null, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === segment) : undefined;
        if (!inner) break;
        found = at(inner.key?.range?.[0]);
        node = inner.value;
      }
      return found;
    };
    // After a YAML syntax error, a value's type is a symptom, not news: only the error is reported.
    readKey(meta, key, value, where, keyAt, doc.errors.length > 0 ? quiet : sink, within);
  }
  if (seen.has('subtitle') && seen.has('sub_title')) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'sub_title');
    sink.warning(at((pair?.key as Node | undefined)?.range?.[0]), 'both `subtitle` and `sub_title` are given; `subtitle` is used');
  }
  return meta;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

function readKey(meta: DeckMeta, key: string, value: unknown, where: Location, keyAt: Location, sink: DiagnosticSink, within: (path: readonly string[]) => Location): void {
  switch (key) {
    case 'title':
    case 'author':
    case 'date':
    case 'event':
    case 'subtitle':
    case 'sub_title': {
      const text = asText(value);
      if (text === null) {
        sink.error(where, `\`${key}\` must be text`);
        return;
      }
      if (key === 'sub_title') {
        if (meta.subtitle === '') meta.subtitle = text;
      } else meta[key] = text;
      return;
    }
    case 'authors': {
      const names = Array.isArray(value) ? value.map(asText) : [asText(value)];
      if (names.some((n) => n === null)) {
        sink.error(where, '`authors` must be a list of names');
        return;
      }
      if (meta.author === '') meta.author = names.filter(Boolean).join(', ');
      return;
    }
    case 'theme': {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        readThemeMap(meta, value as Record<string, unknown>, where, sink, within);
        return;
      }
      if (typeof value !== 'string' || value.trim() === '') {
        sink.error(where, '`theme` must be a theme name or a path to a theme file');
        return;
      }
      meta.theme = value.trim();
      return;
    }
    case 'duration': {
      const ms = typeof value === 'number' ? parseDuration(String(value)) : typeof value === 'string' ? parseDuration(value) : null;
      if (ms === null || ms === 0) {
        sink.error(where, `\`duration\` must be a length of time like 20m, 1h30m or 45 (minutes), not ${JSON.stringify(value ?? null)}`);
        return;
      }
      meta.durationMs = ms;
      return;
    }
    case 'incremental_lists': {
      if (typeof value !== 'boolean') {
        sink.error(where, `\`incremental_lists\` must be true or false, not ${JSON.stringify(value ?? null)}`);
        return;
      }
      meta.incrementalLists = value;
      return;
    }
    default: {
      meta.extra[key] = value;
      const near = closestName(key, FRONT_MATTER_KEYS);
      if (near !== null && near !== key) sink.report(keyAt, 'info', `\`${key}\` is not a key talkdeck reads (kept as extra); did you mean \`${near}\`?`);
    }
  }
}

/**
 * presenterm's `theme: { name, path, override }`: the name or path is the theme; `override`
 * restyles presenterm's theme elements: those with a match in talkdeck's theme are set over the
 * deck's theme (`meta.themeOverride`), each of the others gets an info naming it.
 */
function readThemeMap(meta: DeckMeta, theme: Record<string, unknown>, where: Location, sink: DiagnosticSink, within: (path: readonly string[]) => Location): void {
  const { name, path, override } = theme;
  if (name !== undefined && path !== undefined) {
    sink.error(where, '`theme` may have a `name` or a `path`, not both: keep one');
    return;
  }
  const chosen = name ?? path;
  if (chosen !== undefined && (typeof chosen !== 'string' || chosen.trim() === '')) {
    sink.error(where, `\`theme.${name === undefined ? 'path' : 'name'}\` must be ${name === undefined ? 'a path to a theme file' : 'a theme name'}`);
    return;
  }
  if (typeof chosen === 'string') meta.theme = chosen.trim();
  if (override !== undefined) {
    const { patch, notes } = mapPresentermOverride(override);
    if (Object.keys(patch).length > 0) meta.themeOverride = patch;
    for (const note of notes) sink.report(within(['override', ...note.path]), note.severity, note.message);
  }
  for (const key of Object.keys(theme)) {
    if (key !== 'name' && key !== 'path' && key !== 'override') sink.report(where, 'info', `\`theme.${key}\` is not a key talkdeck reads`);
  }
}
