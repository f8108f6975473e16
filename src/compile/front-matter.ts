import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/**
 * Front matter of a blog post: YAML between `---` lines (Jekyll, Hugo, Gatsby, Eleventy, Astro)
 * or TOML between `+++` lines (Hugo, Zola). Its fields become the talk's metadata, never slide
 * text; each is kept with the line it was read from, so that the title slide can cite it.
 */

/** A front matter field: its value as text, and the line (1-based, verbatim) it was written on. */
export interface MetaField {
  text: string;
  line: number;
  endLine: number;
  quote: string;
}

export interface FrontMatter {
  format: 'yaml' | 'toml' | 'header';
  /** Lines 1..endLine are the front matter, fences included. */
  endLine: number;
  title: MetaField | null;
  /** Authors, joined by ", " when there are several. */
  author: MetaField | null;
  date: MetaField | null;
  /** `description`, `summary`, `excerpt`, `spoiler` or `subtitle`. */
  description: MetaField | null;
  lang: string;
}

const KEYS = {
  title: ['title'],
  author: ['author', 'authors', 'by'],
  date: ['date', 'pubDate', 'published', 'publishDate'],
  description: ['description', 'summary', 'excerpt', 'spoiler', 'subtitle'],
  lang: ['lang', 'language', 'locale'],
} as const;

/** The longest front matter looked for, in lines. */
const MAX_LINES = 500;

function asText(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/gu, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(', ');
  if (value && typeof value === 'object' && 'name' in value) return asText((value as { name: unknown }).name);
  if (value && typeof value === 'object' && typeof (value as { toString?: unknown }).toString === 'function') {
    const text = String(value);
    return text === '[object Object]' ? '' : text;
  }
  return '';
}

/** The line where a top-level key is written (`key:` in YAML, `key =` in TOML), or 0. */
function keyLine(lines: readonly string[], endLine: number, key: string, format: FrontMatter['format']): number {
  const pattern = format === 'yaml' ? new RegExp(`^${key}\\s*:`, 'u') : new RegExp(`^${key}\\s*=`, 'u');
  for (let i = 1; i < endLine - 1; i++) if (pattern.test(lines[i] ?? '')) return i + 1;
  return 0;
}

function field(values: Record<string, unknown>, keys: readonly string[], lines: readonly string[], endLine: number, format: FrontMatter['format']): MetaField | null {
  for (const key of keys) {
    const text = asText(values[key]);
    if (!text) continue;
    const line = keyLine(lines, endLine, key, format);
    if (line === 0) continue;
    // A value written over several lines (a YAML list of authors, a folded string) is cited from
    // its key's line to its last line.
    let last = line;
    while (last < endLine - 1 && /^(?:[ \t]+\S|-[ \t])/u.test(lines[last] ?? '')) last++;
    return { text, line, endLine: last, quote: lines.slice(line - 1, last).map((l) => l.trim()).join('\n') };
  }
  return null;
}

/** Front matter that cannot be read: where (1-based line and column of the article) and why. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';

  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** A top-level `key:` line, as YAML front matter starts; a `---` rule above a paragraph has none. */
const YAML_KEY = /^\s*[\w-]+\s*:/u;
/** A top-level `key =` line or `[table]`, as TOML front matter starts. */
const TOML_KEY = /^\s*(?:[\w"'.-]+\s*=|\[)/u;

/** Where a quoted YAML value closes, from `from` on: a `\\"` inside "…" and a `''` inside '…' do not close it; -1 if it does not. */
function closingQuote(text: string, quote: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** A quoted value's text: its escapes read. */
function unquote(text: string, quote: string): string {
  return quote === '"' ? text.replace(/\\(["\\/])/gu, '$1') : text.replaceAll("''", "'");
}

/** The items of a flow list (`[a, "b, c"]`): split at commas outside quotes. */
function flowItems(text: string): string[] {
  const items: string[] = [];
  let item = '';
  let quote = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
      else item += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      items.push(item.trim());
      item = '';
    } else item += c;
  }
  items.push(item.trim());
  return items.filter(Boolean);
}

/** A top-level `key: value` line of YAML front matter. */
const LOOSE_KEY = /^([\w-]+)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/u;

/**
 * YAML front matter as Jekyll reads it where the yaml package does not: Ruby's YAML (libyaml)
 * takes a quoted value continued on lines less indented than its key, as real posts write it
 * ("excerpt: \"Many people spend…" over two lines, at the left margin). Read line by line: each
 * `key: value` at the left margin, a quoted value up to its closing quote, a `- item` list under
 * a bare key; indented lines belong to the key above. Null when the text is broken for libyaml too
 * (a quote or bracket never closed, a second `: ` in a plain value, a line that is none of these).
 */
export function readLooseYaml(lines: readonly string[]): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  let open: { key: string; quote: string; text: string } | null = null;
  let listKey: string | null = null;
  for (const line of lines) {
    if (open) {
      const close = closingQuote(line, open.quote, 0);
      if (close < 0) {
        open.text = `${open.text} ${line.trim()}`;
        continue;
      }
      if (!/^\s*(?:#.*)?$/u.test(line.slice(close + 1))) return null;
      values[open.key] = unquote(`${open.text} ${line.slice(0, close).trim()}`.trim(), open.quote);
      open = null;
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = /^[ \t]*-[ \t]+(.*)$/u.exec(line);
    if (item && listKey !== null) {
      const list = (values[listKey] ??= []) as unknown[];
      list.push((item[1] ?? '').replace(/^(["'])(.*)\1$/u, '$2'));
      continue;
    }
    if (/^[ \t]/u.test(line)) continue;
    const match = LOOSE_KEY.exec(line);
    if (!match) return null;
    const key = match[1] as string;
    const raw = match[2] ?? '';
    const quote = raw[0];
    // A comment goes after a value, never inside a quoted one ("Fixing issue #42").
    const value = quote === '"' || quote === "'" ? raw : raw.replace(/[ \t]+#.*$/u, '');
    listKey = value === '' ? key : null;
    if (value === '') continue;
    if (quote === '"' || quote === "'") {
      const close = closingQuote(value, quote, 1);
      if (close < 0) open = { key, quote, text: value.slice(1) };
      else if (/^\s*(?:#.*)?$/u.test(value.slice(close + 1))) values[key] = unquote(value.slice(1, close), quote);
      else return null;
    } else if (quote === '[' || quote === '{') {
      if (!value.endsWith(quote === '[' ? ']' : '}')) return null;
      values[key] = quote === '[' ? flowItems(value.slice(1, -1)) : undefined;
    } else if (/:[ \t]/u.test(value)) return null;
    else values[key] = value;
  }
  return open ? null : values;
}

/**
 * Why the front matter's text does not parse, at which line of the article: the parsers' messages
 * without their own "at line …" (the line is given apart), lines counted from the article's top.
 */
function parseFault(error: unknown, format: 'yaml' | 'toml'): FrontMatterError {
  const e = error as { message?: string; linePos?: { line: number; col: number }[]; line?: number; column?: number };
  const first = (e.message ?? String(error)).split('\n')[0] ?? '';
  const reason = first.replace(/ at line \d+, column \d+:?$/u, '').replace(/^Invalid TOML document: /u, '');
  const line = format === 'yaml' ? e.linePos?.[0]?.line : e.line;
  const column = format === 'yaml' ? e.linePos?.[0]?.col : e.column;
  return new FrontMatterError(`its ${format === 'yaml' ? 'YAML' : 'TOML'} front matter does not parse: ${reason}`, (line ?? 1) + 1, column);
}

/**
 * Reads front matter at the top of an article's lines, or returns null when there is none. Throws
 * FrontMatterError for front matter that does not parse or is never closed: read on, its lines
 * would be taken for the article's text, or the whole article for front matter.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatter | null {
  const fence = (lines[0] ?? '').trimEnd();
  const format = fence === '---' ? 'yaml' : fence === '+++' ? 'toml' : null;
  if (!format) return null;
  let end = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (format === 'yaml' ? line === '---' || line === '...' : line === '+++') {
      end = i;
      break;
    }
  }
  // YAML front matter must start like a mapping; a `---` rule above a paragraph is not front
  // matter, nor one above "Note: this page was moved." (a sentence, not a value).
  const second = lines[1] ?? '';
  const looksLikeFrontMatter = (format === 'yaml' ? YAML_KEY : TOML_KEY).test(second) && !/^[^:=]*[:=]\s*(?:\S+\s+){3,}\S*[.!?]["')]?\s*$/u.test(second);
  if (end < 0) {
    if (!looksLikeFrontMatter || lines.length > MAX_LINES) return null;
    throw new FrontMatterError('its front matter is never closed', 1);
  }
  const body = lines.slice(1, end).join('\n');
  let values: Record<string, unknown> = {};
  let fault: FrontMatterError | null = null;
  try {
    // Duplicate keys are read as Jekyll (Ruby's YAML) reads them: the last one counts.
    const parsed: unknown = format === 'yaml' ? parseYaml(body, { maxAliasCount: 50, uniqueKeys: false }) : parseToml(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
  } catch (error) {
    fault = parseFault(error, format);
    const loose = format === 'yaml' ? readLooseYaml(lines.slice(1, end)) : null;
    if (loose) {
      values = loose;
      fault = null;
    }
  }
  if (format === 'yaml' && Object.keys(values).length === 0 && !/^\s*[\w-]+\s*:/mu.test(body)) return null;
  // Broken, it is an error only where it plainly was meant as front matter; else a rule and text.
  if (fault) {
    if (!looksLikeFrontMatter) return null;
    throw fault;
  }
  const endLine = end + 1;
  const lang = asText(KEYS.lang.map((k) => values[k]).find((v) => v !== undefined));
  return {
    format,
    endLine,
    title: field(values, KEYS.title, lines, endLine, format),
    author: field(values, KEYS.author, lines, endLine, format),
    date: field(values, KEYS.date, lines, endLine, format),
    description: field(values, KEYS.description, lines, endLine, format),
    lang,
  };
}

/** Header fields that name the article's title, author, date, description and language, by their lower-cased key. */
const HEADER_KEYS = {
  title: ['title', 'subject'],
  author: ['author', 'authors', 'by'],
  date: ['created', 'date', 'published'],
  description: ['description', 'summary', 'abstract'],
  lang: ['language', 'lang'],
} as const;

const HEADER_FIELD = /^([A-Za-z][\w-]{0,30}):(?:[ \t]+(.*?))?[ \t]*$/u;

/**
 * A person as a header names them: "nas@arctrix.com (Neil Schemenauer)" and "Tim Peters
 * <tim@example.org>" give the name; an address alone is kept as it is.
 */
export function personName(entry: string): string {
  const text = entry.trim();
  const parenthesised = /^\S+@\S+\s*\(([^)]+)\)$/u.exec(text);
  if (parenthesised) return (parenthesised[1] ?? '').trim();
  const angled = /^(.+?)\s*<[^>]*>$/u.exec(text);
  if (angled) return (angled[1] ?? '').replace(/^["']|["']$/gu, '').trim();
  return text;
}

/**
 * An RFC 822-style header block at the top of an article, as Python's PEPs, MultiMarkdown and
 * Pelican write it: "Key: value" lines (a value may go on over indented continuation lines) up to
 * the first blank line. Title (or Subject), Author, Created (or Date), Description and Language
 * become the talk's metadata, cited by line, like front matter's; the whole block is kept off the
 * slides. It is a header only when every line before the blank one is a field or a continuation,
 * there are two fields at least, and one of them is a title, an author or a date.
 */
export function readHeaderBlock(lines: readonly string[], options: { needTitle?: boolean } = {}): FrontMatter | null {
  const { fields, stop } = readFields(lines, 0, HEADER_FIELD);
  // Every line up to the block's end is a field, and the block ends at a blank line with something after it.
  if (stop >= lines.length || (lines[stop] ?? '').trim() !== '' || fields.length < 2) return null;
  const known = [...HEADER_KEYS.title, ...HEADER_KEYS.author, ...HEADER_KEYS.date] as readonly string[];
  if (!fields.some((f) => known.includes(f.key))) return null;
  // In a Markdown file only a block that names the title is metadata: "Note: …" over "Date: …" is prose.
  if (options.needTitle && !fields.some((f) => (HEADER_KEYS.title as readonly string[]).includes(f.key))) return null;
  // Authors are separated by commas outside parentheses and angle brackets.
  const authors = (text: string) =>
    text
      .split(/,(?![^(<]*[)>])/u)
      .map(personName)
      .filter(Boolean)
      .join(', ');
  return {
    format: 'header',
    endLine: stop,
    title: pickField(fields, lines, HEADER_KEYS.title),
    author: pickField(fields, lines, HEADER_KEYS.author, authors),
    date: pickField(fields, lines, HEADER_KEYS.date),
    description: pickField(fields, lines, HEADER_KEYS.description),
    lang: pickField(fields, lines, HEADER_KEYS.lang)?.text ?? '',
  };
}

/** One "Key: value" field of a header block or a field list, with the lines it spans (1-based). */
interface HeaderField {
  key: string;
  value: string;
  line: number;
  endLine: number;
}

/**
 * The fields from line `from` on: each a line that `pattern` matches (the key its first group, the
 * value its second), a value going on over indented lines; `stop` is the first line that is
 * neither (a blank line ends them too).
 */
function readFields(lines: readonly string[], from: number, pattern: RegExp): { fields: HeaderField[]; stop: number } {
  const fields: HeaderField[] = [];
  let i = from;
  for (; i < Math.min(lines.length, from + MAX_LINES); i++) {
    const text = lines[i] ?? '';
    const last = fields[fields.length - 1];
    if (last && /^[ \t]+\S/u.test(text)) {
      last.value = `${last.value} ${text.trim()}`.trim();
      last.endLine = i + 1;
      continue;
    }
    const match = pattern.exec(text);
    if (!match) break;
    fields.push({ key: (match[1] ?? '').toLowerCase(), value: match[2] ?? '', line: i + 1, endLine: i + 1 });
  }
  return { fields, stop: i };
}

/** The first of `keys` (in their order) that a field gives a value, as metadata cited by its lines. */
function pickField(fields: readonly HeaderField[], lines: readonly string[], keys: readonly string[], value: (text: string) => string = (text) => text): MetaField | null {
  for (const key of keys) {
    const f = fields.find((x) => x.key === key && x.value.trim() !== '');
    if (!f) continue;
    const text = value(f.value.replace(/\s+/gu, ' ').trim());
    if (!text) continue;
    return { text, line: f.line, endLine: f.endLine, quote: lines.slice(f.line - 1, f.endLine).map((l) => l.trim()).join('\n') };
  }
  return null;
}

/** A line of one punctuation character repeated, as reStructuredText adorns a title with. */
const ADORNMENT = /^([=\-~^*#+`'":.])\1{2,}[ \t]*$/u;
/** A field of a reStructuredText field list: ":Author: Lee Marsh". */
const REST_FIELD = /^:([A-Za-z][\w -]{0,30}):(?:[ \t]+(.*?))?[ \t]*$/u;

/**
 * A reStructuredText document's title and bibliographic fields: a title set between two lines of
 * the same character ("=====" over and under it), then a field list (":Author: …", ":Date: …")
 * after a blank line. Title, Author(s), Date, Abstract (or Description) and Language become the
 * talk's metadata, cited by line, and the whole block is kept off the slides. Null when the
 * article does not open with such a title.
 */
export function readRestTitle(lines: readonly string[]): FrontMatter | null {
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const over = ADORNMENT.exec(lines[i] ?? '');
  const text = (lines[i + 1] ?? '').trim();
  const under = ADORNMENT.exec(lines[i + 2] ?? '');
  if (!over || !under || over[1] !== under[1] || !text || text.length > 120 || (lines[i + 2] ?? '').trim().length < text.length) return null;
  const titleLine = i + 2;
  const title: MetaField = { text, line: titleLine, endLine: titleLine, quote: (lines[i + 1] ?? '').trim() };
  let j = i + 3;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  const { fields } = readFields(lines, j, REST_FIELD);
  const endLine = fields[fields.length - 1]?.endLine ?? i + 3;
  const pick = (keys: readonly string[]) => pickField(fields, lines, keys);
  return { format: 'header', endLine, title, author: pick(['author', 'authors']), date: pick(['date']), description: pick(['abstract', 'description', 'summary']), lang: pick(['language', 'lang'])?.text ?? '' };
}
