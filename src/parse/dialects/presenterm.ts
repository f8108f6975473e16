import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/** presenterm comment commands talkdeck does not have: dropped with an info. */
const UNSUPPORTED = new Set(['font_size', 'list_item_newlines', 'snippet_output']);

/**
 * presenterm → talkdeck: talkdeck reads presenterm's commands itself; this drops the few it
 * lacks (with an info) and honours the `options:` `implicit_slide_ends` (a `===` slide title
 * starts a slide). `end_slide_shorthand` is what talkdeck always does.
 */
export function normalizePresenterm(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  const raw = r.frontMatter().options;
  const options = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const optionsLine = Math.max(0, r.lines.findIndex((l, i) => i > 0 && i < r.frontEnd && /^options[ \t]*:/u.test(l)));
  for (const key of Object.keys(options)) {
    // talkdeck always ends slides at `---`, which is what end_slide_shorthand asks for.
    if (key === 'implicit_slide_ends' || key === 'end_slide_shorthand') continue;
    r.note(optionsLine, 'info', `ignored presenterm option ${key}`);
  }
  for (const comment of r.comments()) {
    const name = /^[ \t]*([a-z_]+)/u.exec(comment.body)?.[1] ?? '';
    if (!UNSUPPORTED.has(name)) continue;
    r.blank(comment.first, comment.last);
    r.note(comment.first, 'info', `ignored presenterm command ${name}`);
  }
  if (options.implicit_slide_ends === true) {
    let content = false;
    for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
      const line = r.lines[i] ?? '';
      if (!r.isText(i)) {
        content = true;
        continue;
      }
      if (/^---[ \t]*$/u.test(line) || /^[ \t]*<!-- end_slide -->[ \t]*$/u.test(line)) content = false;
      else if (line.trim() !== '' && /^=+[ \t]*$/u.test(r.lines[i + 1] ?? '') && r.isText(i + 1) && content) r.lines[i] = `<!-- end_slide --> ${line}`;
      else if (line.trim() !== '' && !/^[ \t]*<!--.*-->[ \t]*$/u.test(line)) content = true;
    }
  }
  return r.result();
}
