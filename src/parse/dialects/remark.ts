import { Rewrite, inRawHtml } from './lines.js';
import type { Normalized, SlidePlan } from './types.js';

/** remark's slide separators (lexer.js SLIDE_SEPARATOR): `---`, or the silent `<!-- break -->`. */
const SLIDE_BREAK = /^(?:---|<!--\s*break\s*-->)$/u;
/** A continued slide (`--`): shown as the next reveal step of the slide before it. */
const CONTINUED = /^--$/u;
const NOTES = /^\?\?\?$/u;
/** A slide property at the top of a slide (parser.js extractProperties): `name: value`. */
const PROPERTY = /^([-\w]+):(.*)$/u;
/** A slide property in a comment, anywhere on the slide: `<!-- name: value -->`. */
const COMMENT_PROPERTY = /^[ \t]*<!--\s*([-\w]+):([^\n]*?)\s*-->[ \t]*$/u;
/** The opening of a content class, `.class[` or `.a.b[` (lexer.js CONTENT). */
const CONTENT_CLASS = /\.[a-zA-Z_-][\w-]*(?:\.[a-zA-Z_-][\w-]*)*\[/uy;

/**
 * remark → talkdeck, by remark's lexer, parser and slideshow (gnab/remark src/remark):
 * - slides end at `---` (or `<!-- break -->`); `--` starts a continued slide, which talkdeck
 *   shows as the next reveal step; `???` starts speaker notes, which run to the end of the slide
 *   or to the next `--`;
 * - slide properties at the top of a slide (or in a `<!-- key: value -->` comment): `class`
 *   (`center`, `left`, `right`, `middle` mapped), `name`, `template`, `layout`, `exclude`;
 * - a `layout: true` slide is not shown: the slides after it repeat its content, as a slide with
 *   `template: name` repeats the named slide's (see `SlidePlan`), and `{{ property }}` is replaced;
 * - other HTML comments are invisible; `.class[text]` shows its text; `#Title` is a heading
 *   (remark's marked runs in pedantic mode);
 * - a ``` line inside `<pre>` … `</pre>` is HTML text, not a fence.
 */
export function normalizeRemark(source: readonly string[]): Normalized {
  const r = new Rewrite(source);
  // A ``` line inside <pre><code> … </pre> is HTML text to remark (and CommonMark), not a fence:
  // its first character becomes an entity so that no fence opens there.
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const line = r.lines[i] ?? '';
    if (r.isText(i) && /^[ \t]*(?:`{3,}|~{3,})/u.test(line) && inRawHtml(r.lines, i)) r.lines[i] = line.replace(/[`~]/u, (c) => (c === '`' ? '&#96;' : '&#126;'));
  }
  stripContentClasses(r);
  // An HTML comment inside a line of text is invisible too.
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (r.isText(i)) r.lines[i] = (r.lines[i] ?? '').replace(/(?<=\S.*)<!--.*?-->/gu, '');
  }
  // remark renders with marked 0.3 in pedantic mode, where `#Title` is a heading: no space needed.
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    if (r.isText(i)) r.lines[i] = (r.lines[i] ?? '').replace(/^( {0,3}#{1,6})(?=[^#\s])/u, '$1 ');
  }

  const comments = new Map(r.comments().map((c) => [c.first, c]));
  const plan: SlidePlan = { slides: [] };
  let slide = newSlide(r.frontEnd + 2);
  let atTop = true;
  const byName = new Map<string, number>();
  let layout: number | null = null;
  const close = (last: number) => {
    slide.last = last;
    const index = plan.slides.length;
    const { properties } = slide;
    // remark's Slideshow: the template is the named slide, else the current layout.
    const named = properties.template === undefined ? undefined : byName.get(properties.template);
    if (named !== undefined) slide.template = named;
    else if (properties.layout === 'false') layout = null;
    else if (layout !== null && properties.layout !== 'true') slide.template = layout;
    if (properties.template !== undefined && named === undefined) r.note(slide.first - 1, 'warning', `remark template "${properties.template}" is not the name of a slide before this one; ignored`);
    if (properties.name !== undefined) byName.set(properties.name, index);
    if (properties.layout === 'true') {
      slide.hidden = true;
      layout = index;
    }
    plan.slides.push(slide);
  };

  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const line = r.lines[i] ?? '';
    if (!r.isText(i)) {
      atTop = false;
      continue;
    }
    if (SLIDE_BREAK.test(line)) {
      r.lines[i] = '---';
      close(i);
      slide = newSlide(i + 2);
      atTop = true;
      continue;
    }
    const comment = comments.get(i);
    if (comment !== undefined) {
      const property = COMMENT_PROPERTY.exec(line);
      if (property && comment.last === i) r.lines[i] = slideProperty(r, i, slide, property[1] ?? '', property[2] ?? '');
      else r.commentToComment(i, comment.body);
      i = comment.last;
      continue;
    }
    const property = atTop ? PROPERTY.exec(line) : null;
    if (property) {
      r.lines[i] = slideProperty(r, i, slide, property[1] ?? '', property[2] ?? '');
      continue;
    }
    if (CONTINUED.test(line)) {
      r.lines[i] = '<!-- pause -->';
      // A continued slide may open with properties of its own.
      atTop = true;
      continue;
    }
    if (line.trim() !== '') atTop = false;
    if (NOTES.test(line)) i = r.notesToSlideEnd(i, /^\?\?\?/u, /^(?:---|--|<!--\s*break\s*-->)$/u) - 1;
  }
  close(r.lines.length);
  const out = r.result();
  out.slidePlan = plan;
  return out;
}

function newSlide(first: number): SlidePlan['slides'][number] {
  return { first, last: first, hidden: false, template: null, properties: {} };
}

/** A slide property: recorded for templates, `class` mapped to talkdeck's layout, `exclude: true` skips the slide. */
function slideProperty(r: Rewrite, i: number, slide: SlidePlan['slides'][number], name: string, raw: string): string {
  const value = raw.trim();
  if (name === 'class' && slide.properties.class !== undefined) slide.properties.class = `${slide.properties.class}, ${value}`;
  else slide.properties[name] = value;
  switch (name) {
    case 'name':
    case 'template':
    case 'layout':
      return '';
    case 'exclude':
      return value.toLowerCase() === 'true' ? '<!-- skip_slide -->' : '';
    case 'class':
      // `center`, `left`, `right` and `middle` act on the whole slide, inherited too: see applySlidePlan.
      for (const cls of value.split(/[\s,]+/u).filter(Boolean)) {
        if (!['center', 'right', 'left', 'middle'].includes(cls)) r.note(i, 'info', `ignored remark class ${cls}`);
      }
      return '';
    case 'count':
    case 'background-image':
    case 'background-color':
    case 'background-position':
    case 'background-repeat':
    case 'background-size':
      r.note(i, 'info', `ignored remark slide property ${name}`);
      return '';
    default:
      // remark's own properties are above; any other is the slide's own, for `{{ name }}` in its text.
      return '';
  }
}

/**
 * `.class[text]` → `text`, as remark renders a content class (a span, or a div when the text
 * spans lines): the `.class[` and its matching `]` go, nested classes too. Brackets are counted
 * as remark's lexer counts them; outside a class, code and inline code are left alone, and an
 * escaped `\.class[` is text.
 */
function stripContentClasses(r: Rewrite): void {
  const open: { line: number; column: number; length: number; isClass: boolean }[] = [];
  const cuts: { line: number; column: number; length: number }[] = [];
  for (let i = r.frontEnd + 1; i < r.lines.length; i++) {
    const line = r.lines[i] ?? '';
    if (!r.isText(i) && open.length === 0) continue;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c];
      if (open.length === 0 && ch === '`') {
        const run = /^`+/u.exec(line.slice(c))?.[0] ?? '`';
        const end = line.indexOf(run, c + run.length);
        if (end > 0) c = end + run.length - 1;
        continue;
      }
      if (ch === '\\') {
        c++;
        continue;
      }
      if (ch === '.') {
        CONTENT_CLASS.lastIndex = c;
        const cls = CONTENT_CLASS.exec(line);
        if (cls) {
          open.push({ line: i, column: c, length: cls[0].length, isClass: true });
          c += cls[0].length - 1;
          continue;
        }
      }
      if (ch === '[') open.push({ line: i, column: c, length: 1, isClass: false });
      else if (ch === ']') {
        const opener = open.pop();
        if (opener?.isClass) cuts.push({ line: opener.line, column: opener.column, length: opener.length }, { line: i, column: c, length: 1 });
      }
    }
  }
  // Cut from the end so that earlier columns stay right; a line left with only spaces is blank.
  cuts.sort((a, b) => b.line - a.line || b.column - a.column);
  const touched = new Set<number>();
  for (const cut of cuts) {
    const line = r.lines[cut.line] ?? '';
    r.lines[cut.line] = line.slice(0, cut.column) + line.slice(cut.column + cut.length);
    touched.add(cut.line);
  }
  for (const i of touched) if ((r.lines[i] ?? '').trim() === '') r.lines[i] = '';
}
