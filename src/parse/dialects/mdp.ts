import { Rewrite } from './lines.js';
import type { Normalized } from './types.js';

/**
 * mdp → talkdeck: the `%title:`/`%author:`/`%date:` header becomes the deck's meta, a line of
 * `^` or `<br>` alone pauses, `-> text <-` centres its line, comments are author's comments.
 */
export function normalizeMdp(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  let i = 0;
  for (; i < r.lines.length; i++) {
    const header = /^%([a-z]+):[ \t]*(.*)$/iu.exec(r.lines[i] ?? '');
    if (!header) break;
    const key = (header[1] ?? '').toLowerCase();
    const value = (header[2] ?? '').trim();
    if (key === 'title' || key === 'author' || key === 'date') r.meta[key] = value;
    else r.note(i, 'info', `ignored mdp header %${key}`);
    r.lines[i] = '';
  }
  for (const comment of r.comments()) r.commentToComment(comment.first, comment.body);
  // mdp (parser.c markdown_analyse): a line of three or more `-`, or of three or more `*`, spaces
  // between allowed, is a rule (IS_HR) unless it reads as a list item (`- `, `* `) or as code
  // (indented 4); after an empty line it starts a new slide, whatever its length, and elsewhere it
  // is drawn as a rule. Under a line of text, `---` underlines a heading.
  r.setextToAtx();
  for (let j = i; j < r.lines.length; j++) {
    if (!r.isText(j) || !/^ {0,3}(?![-*][ \t])(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})$/u.test(r.lines[j] ?? '')) continue;
    r.lines[j] = (r.lines[j - 1] ?? '').trim() === '' ? '---' : '***';
  }
  let centred = false;
  for (; i < r.lines.length; i++) {
    if (!r.isText(i)) continue;
    const line = r.lines[i] ?? '';
    if (/^---[ \t]*$/u.test(line)) {
      centred = false;
      continue;
    }
    if (/^[ \t]*(?:\^|<br\s*\/?>)[ \t]*$/iu.test(line)) {
      r.lines[i] = '<!-- pause -->';
      continue;
    }
    const centre = /^((?:#{1,6}[ \t]+)?)[ \t]*->[ \t]*(.*?)[ \t]*<-[ \t]*$/u.exec(line);
    if (centre) {
      r.lines[i] = `${centred ? '' : '<!-- alignment: center --> '}${centre[1] ?? ''}${centre[2] ?? ''}`;
      centred = true;
    } else if (centred && line.trim() !== '') {
      r.lines[i] = `<!-- alignment: left --> ${line}`;
      centred = false;
    }
  }
  return r.result();
}
