import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

const VERTICAL = /^----[ \t]*$/u;
const BREAK = /^-{3,4}[ \t]*$/u;

/**
 * reveal-md → talkdeck: vertical slides (`----`) become ordinary slides, `Note:` starts speaker
 * notes to the end of the slide, `.slide`/`.element` comments and reveal options get an info.
 */
export function normalizeRevealMd(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  for (const key of ['revealOptions', 'theme', 'highlightTheme', 'separator', 'verticalSeparator', 'css', 'scripts', 'preprocessor']) {
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
    } else if (/^Note:/u.test(line)) i = r.notesToSlideEnd(i, /^Note:[ \t]*/u, BREAK) - 1;
  }
  return r.result();
}
