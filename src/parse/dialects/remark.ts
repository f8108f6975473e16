import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/**
 * remark → talkdeck: `--` pauses, `???` starts speaker notes that run to the end of the slide,
 * slide properties (`class:`, `name:`, …) are mapped (`center`, `middle`) or dropped with an info.
 */
export function normalizeRemark(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
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
