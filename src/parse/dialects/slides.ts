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
    const command = r.code[i] === true && r.code[i - 1] !== true ? /^(~~~[ \t]*\S+)[ \t]+\S/u.exec(r.lines[i] ?? '') : null;
    if (command) {
      // The command's arguments are no code attributes; the command's name stays as the language.
      r.lines[i] = command[1] ?? '~~~';
      r.note(i, 'info', 'slides pre-processing blocks (~~~command) are shown as code, not run');
    }
  }
  return r.result();
}
