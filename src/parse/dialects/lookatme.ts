import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/**
 * lookatme → talkdeck: `<!-- stop -->` pauses, other comments are author's comments, `styles` and
 * `extensions` get an info, `Title` over `---` is a heading, and a deck without `---` is split at
 * headings.
 */
export function normalizeLookatme(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  for (const key of ['styles', 'extensions']) r.dropFrontMatterKey(key, `ignored lookatme setting ${key}`);
  for (const comment of r.comments()) {
    if (comment.body.trim() === 'stop') {
      r.blank(comment.first, comment.last);
      r.lines[comment.first] = '<!-- pause -->';
    } else r.commentToComment(comment.first, comment.body);
  }
  // mistune, lookatme's parser, reads `Title` over `---` as a heading, never as a rule.
  r.setextToAtx();
  if (!r.hasRuleBreaks()) r.splitAtHeadings(r.pandocSlideLevel());
  return r.result();
}
