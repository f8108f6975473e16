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
 * Marp → talkdeck: directives in the front matter and in comments are dropped with an info
 * (`headingDivider` is honoured), other comments become speaker notes.
 */
export function normalizeMarp(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  const front = r.frontMatter();
  r.dropFrontMatterKey('marp', null);
  for (const key of r.frontMatterKeys()) {
    if (key === 'marp' || !MARP_DIRECTIVES.has(key)) continue;
    r.dropFrontMatterKey(key, key === 'headingDivider' ? `Marp directive headingDivider: slides also end before headings` : `ignored Marp directive ${key}`);
  }
  for (const comment of r.comments()) {
    const keys = directiveKeys(comment.body);
    if (keys === null) {
      r.commentToNotes(comment.first, comment.body);
      continue;
    }
    r.blank(comment.first, comment.last);
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
  const divider = front.headingDivider;
  if (typeof divider === 'number' && divider >= 1 && divider <= 6) r.splitAtHeadings(divider);
  return r.result();
}
