import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

const VERTICAL = /^----[ \t]*$/u;
const BREAK = /^-{3,4}[ \t]*$/u;
/** reveal.js's markdown plugin: notes start at `/^\s*notes?:/i` (`Note:`, `Notes:`, `note:`). */
const NOTES = /^[ \t]*notes?:[ \t]*/iu;

/**
 * reveal-md reads `separator` and `verticalSeparator` from the front matter (regular expressions
 * matched against the text, as reveal.js's markdown plugin does); a line they match is a slide break.
 */
function separators(r: Rewrite): void {
  const front = r.frontMatter();
  for (const key of ['separator', 'verticalSeparator'] as const) {
    const value = front[key];
    if (!r.dropFrontMatterKey(key, null) || typeof value !== 'string') continue;
    let pattern: RegExp;
    try {
      pattern = new RegExp(value, 'u');
    } catch {
      r.note(0, 'warning', `reveal-md ${key} ${JSON.stringify(value)} is not a regular expression; ignored`);
      continue;
    }
    for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
      const line = r.lines[i] ?? '';
      if (r.isText(i) && line.trim() !== '' && pattern.test(`\n${line}\n`)) r.lines[i] = '---';
    }
  }
}

/**
 * reveal-md → talkdeck: vertical slides (`----`) become ordinary slides, `Note:` starts speaker
 * notes to the end of the slide, `.slide`/`.element` comments and reveal options get an info.
 */
export function normalizeRevealMd(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  separators(r);
  for (const key of ['revealOptions', 'theme', 'highlightTheme', 'css', 'scripts', 'preprocessor']) {
    r.dropFrontMatterKey(key, `ignored reveal-md option ${key}`);
  }
  for (const comment of r.comments()) {
    const body = comment.body.trim();
    if (body.startsWith('.slide:') || body.startsWith('.element:')) {
      r.blank(comment.first, comment.last);
      r.note(comment.first, 'info', `ignored reveal.js attributes ${body.split(':')[0] ?? ''}`);
    } else r.commentToComment(comment.first, comment.body);
  }
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (!r.isText(i)) continue;
    const line = r.lines[i] ?? '';
    if (VERTICAL.test(line)) r.lines[i] = '---';
    else if (/<!--[ \t]*\.element:/u.test(line)) {
      r.note(i, 'info', 'ignored reveal.js .element attributes (fragments are not mapped)');
      r.lines[i] = line.replace(/<!--[ \t]*\.element:.*?-->/gu, '');
    } else if (NOTES.test(line)) i = r.notesToSlideEnd(i, NOTES, BREAK) - 1;
  }
  return r.result();
}
