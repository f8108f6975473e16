import { parseYamlDocument, rethrowIfNotLoaded } from '../yaml.js';
import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/** Marp's directives (global and local, `_` scoped or not); talkdeck has no use for them. */
const MARP_DIRECTIVES = new Set([
  'marp', 'theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'description', 'keywords', 'url', 'image',
  'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition',
  'backgroundRepeat', 'backgroundSize', 'color', 'transition',
]);

/** Keys of a comment that is a set of Marp directives (`key: value` lines), or null. */
function directiveKeys(body: string): string[] | null {
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  const keys: string[] = [];
  for (const line of lines) {
    const match = /^[ \t]*(_?)([A-Za-z]+)[ \t]*:/u.exec(line);
    if (match && MARP_DIRECTIVES.has(match[2] ?? '')) keys.push(`${match[1] ?? ''}${match[2] ?? ''}`);
    else if (!/^[ \t]+/u.test(line) || keys.length === 0) return null;
  }
  return keys;
}

/**
 * The heading levels Marp splits slides at for a `headingDivider` value, as marpit reads it: a
 * level N is every level from 1 to N, a list is the levels listed, `false` is none; null for a
 * value marpit ignores.
 */
function dividerLevels(value: unknown): number[] | null {
  const levels = [1, 2, 3, 4, 5, 6];
  const toInt = (v: unknown) => (typeof v === 'number' ? Math.trunc(v) : typeof v === 'string' ? Number.parseInt(v, 10) : NaN);
  if (Array.isArray(value)) return levels.filter((level) => value.map(toInt).includes(level));
  if (value === false || value === 'false') return [];
  const level = toInt(value);
  return levels.includes(level) ? levels.slice(0, level) : null;
}

/** A directive comment's `headingDivider` value, read as YAML as marpit does; undefined without one. */
function commentDivider(body: string): unknown {
  try {
    const value: unknown = parseYamlDocument(body).toJS();
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).headingDivider : undefined;
  } catch (error) {
    rethrowIfNotLoaded(error);
    return undefined;
  }
}

/**
 * Marp → talkdeck: directives in the front matter and in comments are dropped with an info
 * (`headingDivider`, a level or a list of levels, is honoured), other comments become speaker
 * notes; `Title` over `---` is a heading, as in markdown-it.
 */
export function normalizeMarp(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  const front = r.frontMatter();
  r.dropFrontMatterKey('marp', null);
  // Global directives: the front matter's first, then each directive comment's, the last one winning.
  let divider = dividerLevels(front.headingDivider);
  for (const key of r.frontMatterKeys()) {
    if (key === 'marp' || !MARP_DIRECTIVES.has(key)) continue;
    r.dropFrontMatterKey(key, key === 'headingDivider' ? dividerNote(divider) : `ignored Marp directive ${key}`);
  }
  for (const comment of r.comments()) {
    const keys = directiveKeys(comment.body);
    if (keys === null) {
      r.commentToNotes(comment.first, comment.body);
      continue;
    }
    r.blank(comment.first, comment.last);
    if (keys.includes('headingDivider')) {
      const levels = dividerLevels(commentDivider(comment.body));
      if (levels !== null) divider = levels;
      r.note(comment.first, 'info', dividerNote(levels));
      keys.splice(keys.indexOf('headingDivider'), 1);
      if (keys.length === 0) continue;
    }
    // `_paginate: false` hides this slide's page number: the one with a meaning in a terminal.
    const ignored = keys.filter((key) => key !== '_paginate');
    if (keys.includes('_paginate') && /(^|\n)[ \t]*_paginate[ \t]*:[ \t]*false\b/u.test(comment.body)) {
      r.lines[comment.first] = '<!-- no_footer -->';
      r.note(comment.first, 'info', 'Marp directive _paginate: false hides this slide\'s footer');
    } else if (keys.includes('_paginate')) ignored.push('_paginate');
    if (ignored.length > 0) r.note(comment.first, 'info', `ignored Marp directive ${ignored.join(', ')}`);
  }
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (r.isText(i) && /!\[[^\]]*\bbg\b[^\]]*\]\(/u.test(r.lines[i] ?? '')) r.note(i, 'info', 'Marp background images (![bg]) are shown as ordinary images');
  }
  r.setextToAtx();
  if (divider !== null && divider.length > 0) r.splitAtHeadings(divider);
  return r.result();
}

function dividerNote(levels: number[] | null): string {
  if (levels === null) return 'ignored Marp directive headingDivider: its value is not a heading level from 1 to 6 or a list of them';
  if (levels.length === 0) return 'Marp directive headingDivider: slides do not end before headings';
  return `Marp directive headingDivider: slides also end before headings of level ${levels.join(', ')}`;
}
