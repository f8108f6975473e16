// source-ref.js is imported directly rather than through parse/index.js: the index pulls in marked
// and yaml (CommonJS), which the compiler bundle (dist/compile.js) neither needs nor can load.
import { fingerprintOf, formatSourceDirective } from '../parse/source-ref.js';
import type { Citation, NotesParagraph, Talk, TalkFigure, TalkSlide } from './talk.js';

/**
 * Writes a planned talk as deck Markdown: YAML front matter, slides separated by `---` lines with
 * blank lines around, ATX headings, `- ` bullets, and directives as HTML comments on their own
 * lines (`time`, `source`, multi-line `notes`, `jump_to_middle`, `alignment`). No raw HTML.
 */

/** Bare URLs and code spans (of one backtick or more, as ``__init__``) are written as they are; everything else is escaped. */
const VERBATIM = /(`+)[^\n]*?[^`\n]\1(?!`)|(?:https?:\/\/|www\.)[^\s<>]+/gu;

function escapePlain(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/gu, '\\$&')
    .replace(/&(?=#?\w+;)/gu, '\\&');
}

/** Escapes text so that Markdown shows it as it is (code spans and URLs kept as they are). */
export function escapeMarkdown(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(VERBATIM)) {
    const at = match.index ?? 0;
    out += escapePlain(text.slice(from, at)) + match[0];
    from = at + match[0].length;
  }
  out += escapePlain(text.slice(from));
  // Nothing at the start may open a block: a heading, a list item, a quote, a rule.
  return out.replace(/^(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|=+$)/u, (m) => (/^\d/u.test(m) ? m.replace(/(\d+)$/u, '$1\\') : `\\${m}`));
}

/** Keeps notes from closing (or opening) the comment they live in. */
function notesSafe(text: string): string {
  return text.replace(/<!--/gu, '<!-').replace(/--+>/gu, '->');
}

/** A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML). */
function yamlScalar(value: string): string {
  const plain =
    value !== '' &&
    /^[\p{L}\p{N}(“‘]/u.test(value) &&
    !/[:#]\s|\s#|[:#,[\]{}&*!|>'"%@`]$|^(?:true|false|yes|no|null|on|off|~)$/iu.test(value) &&
    !/[\n\t"\\]/u.test(value) &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/u.test(value) &&
    !/^\d[\d.:eE+-]*$/u.test(value);
  return plain ? value : JSON.stringify(value);
}

function frontMatter(talk: Talk): string[] {
  const lines = ['---', `title: ${yamlScalar(talk.title)}`];
  if (talk.subtitle) lines.push(`subtitle: ${yamlScalar(talk.subtitle)}`);
  if (talk.author) lines.push(`author: ${yamlScalar(talk.author)}`);
  if (talk.date) lines.push(`date: ${yamlScalar(talk.date)}`);
  lines.push(`duration: ${formatMinutes(talk.minutes)}`);
  if (talk.lang !== 'en') lines.push(`lang: ${talk.lang}`);
  lines.push('sources:');
  for (const source of talk.sources) {
    lines.push(`  - path: ${yamlScalar(source.path)}`);
    if (source.title) lines.push(`    title: ${yamlScalar(source.title)}`);
    if (source.author) lines.push(`    author: ${yamlScalar(source.author)}`);
    if (source.url) lines.push(`    url: ${yamlScalar(source.url)}`);
    if (source.date) lines.push(`    date: ${yamlScalar(source.date)}`);
    if (source.description) lines.push(`    description: ${yamlScalar(source.description)}`);
  }
  lines.push('---');
  return lines;
}

function formatMinutes(minutes: number): string {
  const seconds = Math.round(minutes * 60);
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

function directive(citation: Citation): string {
  return formatSourceDirective({ ...citation, fingerprint: fingerprintOf(citation.quote) });
}

function notesBlock(notes: readonly NotesParagraph[]): string[] {
  if (notes.length === 0) return [];
  const paragraphs = notes.map((n) => {
    const refs = n.cites.map((i) => `[${i + 1}]`).join('');
    const lead = n.lead ? `${escapeMarkdown(n.lead)} ` : '';
    return notesSafe(`${lead}${escapeMarkdown(n.text)}${refs ? ` ${refs}` : ''}`);
  });
  return ['<!-- notes:', paragraphs.join('\n\n'), '-->'];
}

function bulletLines(slide: TalkSlide): string[] {
  const lines: string[] = [];
  for (const bullet of slide.bullets) {
    lines.push(`- ${escapeMarkdown(bullet.text)}`);
    for (const child of bullet.children) lines.push(`  - ${escapeMarkdown(child)}`);
  }
  return lines;
}

/** A code fence longer than any run of backticks in the code. */
function fenceFor(lines: readonly string[]): string {
  let longest = 0;
  for (const line of lines) for (const run of line.match(/`+/gu) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A table cell: escaped, and a pipe the escaping left bare (in a code span) escaped too, so that it does not split the cell. */
function cellText(text: string): string {
  return escapeMarkdown(text).replace(/(?<!\\)\|/gu, '\\|');
}

/** A link destination: in angle brackets when it holds spaces or parentheses. */
function destination(src: string): string {
  return /[\s()<>]/u.test(src) ? `<${src.replace(/[<>]/gu, encodeURIComponent)}>` : src;
}

function figureLines(figure: TalkFigure): string[] {
  switch (figure.kind) {
    case 'code': {
      const fence = fenceFor(figure.lines);
      return [`${fence}${figure.lang}`, ...figure.lines, fence];
    }
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map(cellText).join(' | ')} |`;
      return [row(figure.header), `|${figure.header.map(() => '---').join('|')}|`, ...figure.rows.map(row)];
    }
    case 'image': {
      // A bracket the escaping left bare (in a code span) is escaped too, so that it does not end the alt text.
      const lines = [`![${escapeMarkdown(figure.alt).replace(/(?<!\\)\]/gu, '\\]')}](${destination(figure.src)})`];
      if (figure.caption) lines.push('', escapeMarkdown(figure.caption));
      return lines;
    }
  }
}

function slideLines(slide: TalkSlide): string[] {
  const body: string[][] = [];
  switch (slide.kind) {
    case 'title':
      body.push([`# ${escapeMarkdown(slide.title)}`]);
      if (slide.subtitle) body.push([escapeMarkdown(slide.subtitle)]);
      if (slide.bullets.length > 0) body.push(bulletLines(slide));
      break;
    case 'section':
      body.push(['<!-- jump_to_middle -->', '<!-- alignment: center -->'], [`# ${escapeMarkdown(slide.title)}`]);
      if (slide.subtitle) body.push([escapeMarkdown(slide.subtitle)]);
      break;
    case 'questions':
      body.push(['<!-- jump_to_middle -->', '<!-- alignment: center -->'], [`# ${escapeMarkdown(slide.title)}`]);
      for (const bullet of slide.bullets) body.push([escapeMarkdown(bullet.text)]);
      break;
    case 'agenda':
    case 'content':
    case 'takeaways':
      body.push([`## ${escapeMarkdown(slide.title)}`]);
      if (slide.bullets.length > 0) body.push(bulletLines(slide));
      if (slide.figure) body.push(figureLines(slide.figure));
      break;
  }
  body.push([`<!-- time: ${slide.timeSeconds}s -->`, ...slide.sources.map(directive), ...notesBlock(slide.notes)]);
  return body.flatMap((group, i) => (i === 0 ? group : ['', ...group]));
}

/**
 * The plain text of what `escapeMarkdown(text)` shows once read back: the text itself, with each
 * code span (kept verbatim by the writer) read as its content, one space trimmed from each end
 * when both ends have one, as Markdown reads code spans.
 */
function shownInline(text: string): string {
  return text.replace(VERBATIM, (match) => {
    if (!match.startsWith('`')) return match;
    const ticks = /^`+/u.exec(match)?.[0].length ?? 1;
    const inner = match.slice(ticks, -ticks);
    return inner.length >= 2 && inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
  });
}

/** A heading's shown text: an ATX heading's closing run of `#` (after a space) is not part of it. */
function shownHeading(text: string): string {
  return shownInline(text).replace(/(?:^|[ \t]+)#+[ \t]*$/u, '').trim();
}

function shownBullets(slide: TalkSlide): string[] {
  return slide.bullets.flatMap((bullet) => [`- ${shownInline(bullet.text)}`, ...bullet.children.map((child) => `  - ${shownInline(child)}`)]);
}

function shownFigure(figure: TalkFigure): string[] {
  switch (figure.kind) {
    case 'code':
      return figure.lines.join('\n').split('\n');
    case 'table': {
      const width = figure.header.length;
      const row = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => shownInline(cells[i] ?? '').trim()).join(' | ');
      return [row(figure.header), ...figure.rows.map(row)];
    }
    case 'image':
      return [`[image: ${figure.alt || figure.src}]`, ...(figure.caption ? [shownInline(figure.caption)] : [])];
  }
}

/**
 * The text a slide of the written deck shows: what deck/'s compact slideText gives for the slide
 * slideLines writes once it is read back (a line per heading, paragraph, list item and table row),
 * made from the plan without reading the deck. Coverage counts it.
 */
export function shownText(slide: TalkSlide): string {
  const lines = [shownHeading(slide.title)];
  switch (slide.kind) {
    case 'title':
      if (slide.subtitle) lines.push(shownInline(slide.subtitle));
      lines.push(...shownBullets(slide));
      break;
    case 'section':
      if (slide.subtitle) lines.push(shownInline(slide.subtitle));
      break;
    case 'questions':
      for (const bullet of slide.bullets) lines.push(shownInline(bullet.text));
      break;
    case 'agenda':
    case 'content':
    case 'takeaways':
      lines.push(...shownBullets(slide));
      if (slide.figure) lines.push(...shownFigure(slide.figure));
      break;
  }
  return lines.join('\n');
}

/** The deck Markdown of a talk, ending with a newline. */
export function writeDeck(talk: Talk): string {
  const slides = talk.slides.map((s) => slideLines(s).join('\n'));
  return `${frontMatter(talk).join('\n')}\n\n${slides.join('\n\n---\n\n')}\n`;
}
