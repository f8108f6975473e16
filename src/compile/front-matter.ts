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
  format: 'yaml' | 'toml';
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

/**
 * Reads front matter at the top of an article's lines, or returns null when there is none. Front
 * matter that does not parse is still front matter (it is skipped) but gives no fields.
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
  if (end < 0) return null;
  const body = lines.slice(1, end).join('\n');
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = format === 'yaml' ? parseYaml(body, { maxAliasCount: 50 }) : parseToml(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
  } catch {
    // Broken front matter gives no fields; it is still kept off the slides.
  }
  // YAML front matter must look like a mapping; a `---` rule above a paragraph is not front matter.
  if (format === 'yaml' && Object.keys(values).length === 0 && !/^\s*[\w-]+\s*:/mu.test(body)) return null;
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
