import { Rewrite, inRawHtml } from './lines.js';
import type { Normalized } from './types.js';

/**
 * remark → talkdeck: `--` pauses, `???` starts speaker notes that run to the end of the slide,
 * slide properties (`class:`, `name:`, …) are mapped (`center`, `middle`) or dropped with an info.
 */
export function normalizeRemark(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  // A ``` line inside <pre><code> … </pre> is HTML text to remark (and CommonMark), not a fence:
  // its first character becomes an entity so that no fence opens there.
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const line = r.lines[i] ?? '';
    if (r.isText(i) && /^[ \t]*(?:`{3,}|~{3,})/u.test(line) && inRawHtml(r.lines, i)) r.lines[i] = line.replace(/[`~]/u, (c) => (c === '`' ? '&#96;' : '&#126;'));
  }
  let slideStart = true;
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const line = r.lines[i] ?? '';
    if (!r.isText(i)) {
      slideStart = false;
      continue;
    }
    if (/^---[ \t]*$/u.test(line)) {
      slideStart = true;
      continue;
    }
    const property = slideStart ? /^([a-z][\w-]*)[ \t]*:[ \t]*(.*)$/u.exec(line) : null;
    if (property?.[1] === 'layout' && property[2]?.trim() === 'true') {
      // remark's Slideshow keeps a `layout: true` slide as the template of those after it, unshown.
      const end = r.slideEnd(i);
      let start = i;
      while (start > r.frontEnd + 1 && !/^---[ \t]*$/u.test(r.lines[start - 1] ?? '')) start--;
      r.blank(start, end - 1);
      r.note(i, 'info', 'remark layout slide: a template for the slides after it, not shown (its content is not repeated on them)');
      i = end - 1;
      continue;
    }
    if (property) {
      r.lines[i] = slideProperty(r, i, property[1] ?? '', (property[2] ?? '').trim());
      continue;
    }
    if (line.trim() !== '') slideStart = false;
    if (/^--[ \t]*$/u.test(line)) r.lines[i] = '<!-- pause -->';
    else if (/^\?\?\?[ \t]*$/u.test(line)) i = r.notesToSlideEnd(i, /^\?\?\?[ \t]*/u) - 1;
  }
  return r.result();
}

function slideProperty(r: Rewrite, i: number, name: string, value: string): string {
  if (name !== 'class') {
    r.note(i, 'info', `ignored remark slide property ${name}`);
    return '';
  }
  const out: string[] = [];
  for (const cls of value.split(/[\s,]+/u).filter(Boolean)) {
    if (cls === 'center' || cls === 'right' || cls === 'left') out.push(`<!-- alignment: ${cls} -->`);
    else if (cls === 'middle') out.push('<!-- jump_to_middle -->');
    else r.note(i, 'info', `ignored remark class ${cls}`);
  }
  return out.join(' ');
}
