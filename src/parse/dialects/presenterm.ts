import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/** presenterm comment commands talkdeck has no use for in a terminal of its own: accepted with an info. */
const UNSUPPORTED = new Set(['font_size', 'list_item_newlines', 'snippet_output', 'incremental_tables']);

/** presenterm's comment commands (builder/comment.rs CommentCommand), aliases included. */
const COMMANDS = new Set([
  'alignment', 'column', 'end_slide', 'font_size', 'include', 'incremental_lists', 'incremental_tables', 'column_layout',
  'jump_to_middle', 'list_item_newlines', 'new_line', 'newline', 'new_lines', 'newlines', 'no_footer', 'pause',
  'reset_layout', 'skip_slide', 'speaker_note', 'snippet_output', 'comment',
]);

/** Options talkdeck follows; the others are accepted with an info. */
const READ = new Set(['implicit_slide_ends', 'end_slide_shorthand', 'h1_slide_titles', 'incremental_lists']);

/** Front-matter keys that make presenterm open the deck with an intro slide (PresentationMetadata::has_frontmatter). */
const INTRO_KEYS = ['title', 'sub_title', 'event', 'location', 'date', 'author', 'authors'];

/**
 * presenterm → talkdeck, by presenterm's own rules (it parses with comrak, a CommonMark parser):
 * - a front matter with a title, sub_title, event, location, date, author or authors opens the
 *   deck with an intro slide;
 * - slides end at `<!-- end_slide -->`; a setext heading (`Title` over `===` or `---`) is the
 *   slide's title, never a slide break;
 * - a thematic break (`---`, `***`, `___` not under a paragraph) ends the slide only with the
 *   option `end_slide_shorthand`, and is drawn as a rule otherwise;
 * - with `implicit_slide_ends`, a slide title (setext, or `#` with `h1_slide_titles`) starts a new slide;
 * - `font_size`, `list_item_newlines`, `snippet_output`, `incremental_tables` are accepted with an info.
 */
export function normalizePresenterm(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  const front = r.frontMatter();
  const raw = front.options;
  const options = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const optionsLine = Math.max(0, r.lines.findIndex((l, i) => i > 0 && i < r.frontEnd && /^options[ \t]*:/u.test(l)));
  for (const key of Object.keys(options)) if (!READ.has(key)) r.note(optionsLine, 'info', `ignored presenterm option ${key}`);
  if (typeof options.incremental_lists === 'boolean') r.incrementalLists = options.incremental_lists;
  if (INTRO_KEYS.some((key) => front[key] !== undefined && front[key] !== null)) r.introSlide = true;

  for (const comment of r.comments()) {
    const name = /^[ \t]*([a-z_]+)/u.exec(comment.body)?.[1] ?? '';
    // presenterm's author's comments (builder/comment.rs): `comment: …`, `vim:` lines, `{{{`/`}}}`
    // fold marks, and any comment over several lines that is no command.
    const body = comment.body.trim();
    if (name === 'comment' || /^vim:/u.test(body) || body === '{{{' || body === '}}}' || (comment.last > comment.first && !COMMANDS.has(name))) {
      r.commentToComment(comment.first, comment.body);
      continue;
    }
    if (!UNSUPPORTED.has(name)) continue;
    r.blank(comment.first, comment.last);
    r.note(comment.first, 'info', `ignored presenterm command ${name}: it has no meaning in talkdeck`);
  }

  // Any setext heading is the slide's title, drawn in the slide_title style (talkdeck's h1).
  const titles = new Set(r.setextToAtx(true));
  const shorthand = options.end_slide_shorthand === true;
  for (const i of r.thematicBreaks()) r.lines[i] = shorthand ? '---' : '***';

  if (options.implicit_slide_ends === true) {
    const h1Titles = options.h1_slide_titles === true;
    let content = false;
    for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
      const line = r.lines[i] ?? '';
      if (!r.isText(i)) {
        content = true;
        continue;
      }
      if (/^---[ \t]*$/u.test(line) || /^[ \t]*<!--[ \t]*end_slide[ \t]*-->[ \t]*$/u.test(line)) content = false;
      else if ((titles.has(i) || (h1Titles && /^# /u.test(line))) && content) r.lines[i] = `<!-- end_slide --> ${line}`;
      else if (line.trim() !== '' && !/^[ \t]*<!--.*-->[ \t]*$/u.test(line)) content = true;
    }
  }
  return r.result();
}
