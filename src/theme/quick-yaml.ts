/**
 * Reads the plain subset of YAML that theme files are written in, without the full YAML parser,
 * or returns undefined when the text steps outside that subset; the caller then uses `yaml`.
 *
 * Why: the app reads one theme at every start, and the `yaml` package, cold, takes tens of
 * milliseconds on a few kilobytes (its code is not yet compiled by V8), where this takes well under
 * one. The subset: block mappings indented with spaces; keys plain (`code`, `title.function`) or
 * quoted; values that are plain or quoted scalars, one-line flow mappings of scalars
 * (`{ fg: "#fff", bold: true }`) or one-line flow sequences of scalars; `#` comments. Plain scalars
 * resolve as in the YAML 1.2 core schema (null, booleans, integers, floats, strings). Anything
 * else — block sequences, anchors, tags, multi-line or block scalars, duplicate keys, tabs,
 * documents markers — returns undefined rather than risk reading it differently from `yaml`.
 */
export function readQuickYaml(text: string): unknown {
  try {
    return parseBlock(text);
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

const BAIL = Symbol('bail');

function bail(): never {
  throw BAIL;
}

interface Line {
  indent: number;
  /** Content without indentation and without a trailing comment. */
  body: string;
}

function parseBlock(text: string): unknown {
  const lines: Line[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.includes('\t')) bail();
    const body = stripComment(raw).trimEnd();
    if (body.trim() === '') continue;
    const indent = body.length - body.trimStart().length;
    lines.push({ indent, body: body.trimStart() });
  }
  if (lines.length === 0) return null;
  if (lines[0].indent !== 0) bail();
  let index = 0;

  const mapping = (indent: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    while (index < lines.length && lines[index].indent === indent) {
      const { body } = lines[index++];
      const [key, rest] = splitKey(body);
      if (Object.hasOwn(out, key)) bail();
      if (rest === '') {
        const next = lines[index];
        out[key] = next && next.indent > indent ? mapping(next.indent) : null;
      } else {
        out[key] = value(rest);
      }
    }
    if (index < lines.length && lines[index].indent > indent) bail();
    return out;
  };

  const result = mapping(0);
  if (index !== lines.length) bail();
  return result;
}

/** Removes a `#` comment: at the start of the content, or after a space, outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // A quote opens a quoted scalar only where a scalar starts; elsewhere it is an ordinary character.
      const before = line.slice(0, i).trimEnd();
      if (before === '' || /[:,[{]$/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ')) {
      return line.slice(0, i);
    }
  }
  if (quote) bail();
  return line;
}

/** Splits `key: rest` into the key and the (trimmed) rest. */
function splitKey(body: string): [string, string] {
  if (/^[-?:|>&*!%@`[\]{},]/.test(body) || body === '---' || body === '...') bail();
  let key: string;
  let after: string;
  if (body[0] === '"' || body[0] === "'") {
    const end = quotedEnd(body, 0);
    key = quoted(body.slice(0, end));
    after = body.slice(end);
  } else {
    const colon = body.search(/:( |$)/);
    if (colon < 0) bail();
    key = body.slice(0, colon).trimEnd();
    if (!/^[A-Za-z0-9_][\w.-]*$/.test(key)) bail();
    after = body.slice(colon);
  }
  if (!/^:( |$)/.test(after)) bail();
  return [key, after.slice(1).trim()];
}

function value(text: string): unknown {
  if (text[0] === '{') return flow(text, '{', '}');
  if (text[0] === '[') return flow(text, '[', ']');
  return scalar(text, false);
}

/** A one-line flow mapping or sequence whose entries are scalars. */
function flow(text: string, open: string, close: string): unknown {
  if (text[text.length - 1] !== close) bail();
  const inner = text.slice(1, -1).trim();
  const parts = inner === '' ? [] : splitFlow(inner);
  if (open === '[') return parts.map((part) => scalar(part, true));
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const [key, rest] = splitKey(part);
    if (Object.hasOwn(out, key) || rest === '') bail();
    out[key] = scalar(rest, true);
  }
  return out;
}

/** Splits flow entries on commas outside quotes; nested collections are outside the subset. */
function splitFlow(inner: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '"' || c === "'") {
      const begins = inner.slice(start, i).trim() === '' || /:\s*$/.test(inner.slice(start, i));
      if (!begins) bail();
      i = quotedEnd(inner, i) - 1;
    } else if (c === '{' || c === '}' || c === '[' || c === ']') {
      bail();
    } else if (c === ',') {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = inner.slice(start).trim();
  if (last !== '') parts.push(last);
  if (parts.some((p) => p === '')) bail();
  return parts;
}

/** Index just past the quoted scalar that starts at `start`. */
function quotedEnd(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return bail();
}

function quoted(token: string): string {
  if (token[0] === "'") return token.slice(1, -1).replace(/''/g, "'");
  // YAML's double-quoted escapes include JSON's; those it adds (\x, \e, \N…) are left to `yaml`.
  try {
    const parsed: unknown = JSON.parse(token);
    if (typeof parsed === 'string') return parsed;
  } catch {
    // Not JSON-compatible.
  }
  return bail();
}

const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function scalar(text: string, inFlow: boolean): unknown {
  if (text[0] === '"' || text[0] === "'") {
    if (quotedEnd(text, 0) !== text.length) bail();
    return quoted(text);
  }
  // Indicators and forms whose meaning the subset does not cover.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-+]?[0-9.]/.test(text)) bail();
  if (/: |:$| #/.test(text)) bail();
  if (inFlow && /[,[\]{}]/.test(text)) bail();
  if (/^0[ox]|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(text)) bail();
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (INT.test(text) || FLOAT.test(text)) return Number(text);
  return text;
}
