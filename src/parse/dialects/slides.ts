import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/**
 * slides (maaslalani) → talkdeck: `author` and `date` are read as they are; `theme` (a glamour
 * style) and `paging` get an info; comments are author's comments.
 */
export function normalizeSlides(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  r.dropFrontMatterKey('theme', 'ignored slides theme: glamour styles are not talkdeck themes (use --theme)');
  r.dropFrontMatterKey('paging', 'ignored slides paging format: talkdeck\'s footer shows the slide number');
  for (const comment of r.comments()) r.commentToComment(comment.first, comment.body);
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    // slides runs `~~~command args` blocks through the command before showing them.
    if (r.code[i] === true && r.code[i - 1] !== true && /^~~~[ \t]*\S+[ \t]+\S/u.test(r.lines[i] ?? '')) {
      r.note(i, 'info', 'slides pre-processing blocks (~~~command) are shown as code, not run');
    }
  }
  return r.result();
}
