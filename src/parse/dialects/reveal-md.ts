import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

const VERTICAL = /^----[ \t]*$/u;
const BREAK = /^-{3,4}[ \t]*$/u;
/**
 * reveal.js's markdown plugin splits a slide's notes off at its `notesSeparator`, by default the
 * string '^\s*notes?:', which JavaScript reads as /^s*notes?:/ (the backslash of `\s` is lost):
 * `Note:`, `Notes:`, `note:` at the very start of a line, case ignored; an indented `  Note:` is
 * text. reveal-md takes another from the front matter's `notesSeparator`.
 */
const NOTES = /^s*notes?:/imu;

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
  const notes = notesSeparator(r);
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (!r.isText(i)) continue;
    const line = r.lines[i] ?? '';
    if (VERTICAL.test(line)) r.lines[i] = '---';
    else if (/<!--[ \t]*\.element:/u.test(line)) {
      r.note(i, 'info', 'ignored reveal.js .element attributes (fragments are not mapped)');
      r.lines[i] = line.replace(/<!--[ \t]*\.element:.*?-->/gu, '');
    }
  }
  // The plugin splits each slide at its notes separator, and keeps notes only when it splits in two.
  for (let start = r.frontEnd + 1; start < r.lines.length; ) {
    const end = r.slideEnd(start - 1, BREAK);
    const at = [];
    for (let i = start; i < end; i++) if (r.isText(i) && notes.test(r.lines[i] ?? '')) at.push(i);
    const first = at[0];
    if (at.length === 1 && first !== undefined) r.notesToSlideEnd(first, notes, BREAK);
    else if (first !== undefined) r.note(first, 'info', `this slide has ${at.length} notes separators: reveal.js shows it without notes, and so does talkdeck`);
    start = end + 1;
  }
  return r.result();
}

/** The notes separator: the front matter's `notesSeparator`, else reveal.js's default. */
function notesSeparator(r: Rewrite): RegExp {
  const value = r.frontMatter().notesSeparator;
  if (!r.dropFrontMatterKey('notesSeparator', null) || typeof value !== 'string') return NOTES;
  try {
    return new RegExp(value, 'imu');
  } catch {
    r.note(0, 'warning', `reveal-md notesSeparator ${JSON.stringify(value)} is not a regular expression; the default is used`);
    return NOTES;
  }
}
