import { aboutPublisher, byline, endnoteHeading, followLine, imageCredit, LINE_RULES, linkDump, sponsorLine, tableOfContents, type Attribution, type BoilerplateRule, type Match } from './boilerplate.js';
import { scanBlocks, tableCells, type FigureBlock, type Heading, type ProseBlock } from './blocks.js';
import { CompileError } from './compile-error.js';
import { FrontMatterError, readFrontMatter, readHeaderBlock, readRestTitle, type FrontMatter, type MetaField } from './front-matter.js';
import { plainText, resolveSentinels, stripMarkup, type LinkDefinitions } from './inline.js';
import { isPlainText, scanPlainText } from './plain-text.js';
import { splitSentences, type SentenceSpan } from './sentences.js';

export type { Attribution } from './boilerplate.js';

/** One sentence of an article, with where it is and the forms later steps need. */
export interface Sentence {
  /** Index of its article among the inputs. */
  article: number;
  /** Position among the article's sentences. */
  index: number;
  /** Index of its prose block in the article. */
  block: number;
  /** First sentence of its block (paragraph, item or quote). */
  opensBlock: boolean;
  /** Last sentence of its block. */
  closesBlock: boolean;
  /** The kind of its block. */
  kind: ProseBlock['kind'];
  /** 1-based, inclusive lines of the article the sentence spans. */
  startLine: number;
  endLine: number;
  /** The sentence's Markdown, container prefixes removed. */
  raw: string;
  /** The sentence verbatim from its lines (prefixes of inner lines included). */
  quote: string;
  /** Plain text: markup deleted, whitespace collapsed (code spans keep their backticks). */
  plain: string;
  /** Link targets inside the sentence. */
  urls: string[];
  /** Index into the article's headings of the section heading above it; -1 before any. */
  heading: number;
  /** Set in bold or italics as a whole (or mostly): the author stresses it. */
  emphasis: boolean;
  /** Index into the article's figures of the figure this sentence introduces; -1 for none. */
  figure: number;
  /** The longest phrase set in bold inside the sentence (three words or more), as plain text; '' for none. */
  stressed: string;
}

/** A code block, table or image the article shows, with the sentence that introduces it. */
export interface Figure {
  kind: 'code' | 'table' | 'image';
  startLine: number;
  endLine: number;
  /** Code lines; for a table, its rows (header first) as cells; for an image, nothing. */
  lines: string[];
  rows: string[][];
  /** Code: the fence's language; image: '' */
  info: string;
  /** Image: alt text, source and caption. */
  alt: string;
  src: string;
  caption: string;
  /** Index of the sentence that introduces it, or -1. */
  sentence: number;
  heading: number;
}

/** A span of the article kept off the slides, and the rule that said so. */
export interface Boilerplate {
  rule: BoilerplateRule;
  startLine: number;
  endLine: number;
  text: string;
}

export interface Article {
  index: number;
  /** Path relative to the deck, forward slashes. */
  path: string;
  lines: string[];
  /** The main language of the prose: 'zh' for Chinese, 'ja' for Japanese, else 'en'. */
  language: 'en' | 'zh' | 'ja';
  title: { text: string; line: number; endLine: number; quote: string } | null;
  /** Front matter fields other than the title (author, date, description), cited by line. */
  meta: { author: MetaField | null; date: MetaField | null; description: MetaField | null };
  /** Section headings (the title and boilerplate sections excluded). */
  headings: Heading[];
  attributions: Attribution[];
  sentences: Sentence[];
  figures: Figure[];
  boilerplate: Boilerplate[];
  definitions: LinkDefinitions;
}

/** The longest a quoted sentence may be; longer runs without punctuation are cut at clause marks. */
const MAX_SENTENCE = 800;

function capSpans(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    let { start } = span;
    while (span.end - start > MAX_SENTENCE) {
      const window = text.slice(start, start + MAX_SENTENCE);
      let cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '), window.lastIndexOf('，'), window.lastIndexOf('；'));
      if (cut < MAX_SENTENCE / 3) cut = window.lastIndexOf(' ');
      if (cut < MAX_SENTENCE / 3) cut = MAX_SENTENCE - 1;
      out.push({ start, end: start + cut + 1 });
      start += cut + 1;
      while (start < span.end && /\s/u.test(text[start] ?? '')) start++;
    }
    if (span.end > start) out.push({ start, end: span.end });
  }
  return out;
}

/** Line index (within the block) holding offset `at` of the block's text. */
function lineOf(block: ProseBlock, at: number): number {
  let lo = 0;
  let hi = block.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((block.lineStarts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of block offsets [start, end) as it stands in the article's lines, prefixes of inner lines included. */
function verbatim(block: ProseBlock, lines: readonly string[], start: number, end: number): { quote: string; first: number; last: number } {
  const first = lineOf(block, start);
  const last = lineOf(block, end - 1);
  const col = (li: number, at: number) => (block.prefixes[li] ?? 0) + at - (block.lineStarts[li] ?? 0);
  const parts: string[] = [];
  for (let li = first; li <= last; li++) {
    const text = lines[block.startLine - 1 + li] ?? '';
    parts.push(text.slice(li === first ? col(li, start) : 0, li === last ? col(li, end) : text.length));
  }
  return { quote: parts.join('\n'), first: block.startLine + first, last: block.startLine + last };
}

/** Rules that also judge single sentences inside a paragraph. */
const SENTENCE_RULES = [followLine, sponsorLine, imageCredit];
/** Words every one of those rules needs: most sentences are let through by this one test. */
const MAYBE_CREDIT = /follow|subscri|sign up|sponsor|brought to you|photo|image|picture|illustration|screenshot|graphic|credit|unsplash|pexels|pixabay|flickr|关注|订阅|赞助|图/iu;

/** Prose has at least one letter or digit. */
const HAS_WORD = /[\p{L}\p{N}]/u;
const BINARY_CONTROL = /[\u0001-\u0008\u000E-\u001A\u001C-\u001F]/gu;

/** Refuses text that is not an article: binary, broken UTF-8 or empty. */
function checkText(path: string, text: string): void {
  if (text.includes('\u0000')) throw new CompileError(path, 'is a binary file (it holds NUL bytes), not a text article', 'give a Markdown or plain-text file (convert it first, e.g. with pandoc)');
  if (text.includes('\uFFFD')) throw new CompileError(path, 'is not valid UTF-8 text (it holds bytes that are not UTF-8)', 'save it as UTF-8, e.g. with iconv -f latin1 -t utf-8');
  const controls = text.slice(0, 65536).match(BINARY_CONTROL)?.length ?? 0;
  if (controls > 8) throw new CompileError(path, 'looks like a binary file (it holds control characters), not a text article', 'give a Markdown or plain-text file');
  if (text.trim() === '') throw new CompileError(path, 'is empty: there is nothing to compile', 'write the article first, or leave it out');
}

/** 'zh' when Han characters make up much of the letters, 'ja' when kana do, else 'en'. */
export function detectLanguage(text: string): Article['language'] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (kana > 20 && kana >= han * 0.2) return 'ja';
  // A Chinese character says as much as a word of four or five Latin letters.
  return han * 4 > latin ? 'zh' : 'en';
}

/** The languages talkdeck knows by name, from a front matter `lang` value. */
function languageFromTag(tag: string): Article['language'] | null {
  const t = tag.toLowerCase();
  if (/^zh\b/u.test(t)) return 'zh';
  if (/^ja\b/u.test(t)) return 'ja';
  if (/^en\b/u.test(t)) return 'en';
  return null;
}

interface ImageInfo {
  alt: string;
  src: string;
  caption: string;
}

const MD_IMAGE = /!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+["']([^"']*)["'])?\s*\)|!\[([^\]]*)\]\[([^\]]*)\]/u;
const HTML_IMG = /<img\b[^>]*>/iu;

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(tag);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
}

/** The image a figure shows, from Markdown (`![alt](src "title")`) or HTML (`<img>`, `<figcaption>`). */
function imageOf(figure: FigureBlock, defs: LinkDefinitions): ImageInfo | null {
  const text = figure.lines.join('\n');
  const md = MD_IMAGE.exec(text);
  if (md) {
    const src = md[2] ?? defs.get((md[5] || md[4] || '').trim().toLowerCase()) ?? '';
    return { alt: (md[1] ?? md[4] ?? '').trim(), src, caption: (md[3] ?? '').trim() };
  }
  const img = HTML_IMG.exec(text);
  if (!img) return null;
  const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/iu.exec(text)?.[1] ?? '';
  return {
    alt: plainText(attribute(img[0], 'alt'), defs),
    src: attribute(img[0], 'src'),
    caption: resolveSentinels(stripMarkup(caption.replace(/<[^>]*>/gu, ''), defs).text),
  };
}

function emphasised(raw: string): boolean {
  if (!raw.includes('**') && !raw.includes('__') && !/(?:^|[\s(])[*_][^\s*_]/u.test(raw)) return false;
  // Italics around quoted speech mark a quotation, not a point the author stresses.
  if (/^(?:\w+:\s*)?[*_]+\s*["“]/u.test(raw.trim())) return false;
  const strong = [...raw.matchAll(/(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1|(?<![*\w])([*_])(?=\S)([^*_]+?)(?<=\S)\3(?![*\w])/gu)];
  const covered = strong.reduce((a, m) => a + (m[2] ?? m[4] ?? '').length, 0);
  const letters = raw.replace(/[\s*_.!?。！？]/gu, '').length;
  return letters > 0 && covered / letters >= 0.6;
}

/** The longest bold phrase of a sentence, as plain text, when it has three words or six Chinese characters. */
function stressedPhrase(raw: string, defs: LinkDefinitions): string {
  if (!raw.includes('**') && !raw.includes('__')) return '';
  let best = '';
  for (const m of raw.matchAll(/(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1/gu)) {
    const text = plainText(m[2] ?? '', defs).replace(/[.。!！]$/u, '');
    if (text.length > best.length) best = text;
  }
  const words = best.split(/\s+/u).filter(Boolean).length;
  const han = best.match(/\p{Script=Han}/gu)?.length ?? 0;
  return words >= 3 || han >= 6 ? best : '';
}

/** What decides about each prose block: a rule's match, and whether it sits near the top. */
function judgeLine(block: ProseBlock, plain: string, nearTop: boolean): Match | null {
  if (block.startLine !== block.endLine && plain.length > 200) return null;
  for (const rule of LINE_RULES) {
    const match = rule(plain);
    if (match) return match;
  }
  return nearTop ? byline(plain) : null;
}

/** Credit headers made of link definitions, as LCTT writes them: `[#]: via: "https://…"`. */
function creditHeader(scan: ReturnType<typeof scanBlocks>, lines: readonly string[]): { attributions: Attribution[]; boilerplate: Boilerplate[] } {
  const attributions: Attribution[] = [];
  const boilerplate: Boilerplate[] = [];
  for (const def of scan.definitionLines) {
    if (def.label !== '#') continue;
    const match = /^([\w-]+)\s*[:：]\s*["(]?(.*?)[")]?\s*$/u.exec(def.rest);
    const quote = (lines[def.line - 1] ?? '').trim();
    boilerplate.push({ rule: 'credit-header', startLine: def.line, endLine: def.line, text: quote });
    if (!match) continue;
    const key = (match[1] ?? '').toLowerCase();
    const value = (match[2] ?? '').trim();
    if (!value) continue;
    const url = /https?:\/\/\S+/u.exec(value)?.[0] ?? '';
    if (key === 'via') attributions.push({ role: 'source', text: `via: ${value}`, value, url, line: def.line, quote });
    else if (key === 'author') {
      const name = value.replace(/https?:\/\/\S+/u, '').trim() || value;
      attributions.push({ role: 'author', text: `author: ${name}`, value: name, url, line: def.line, quote });
    } else if (key === 'translator') attributions.push({ role: 'translator', text: `translator: ${value}`, value, url, line: def.line, quote });
  }
  return { attributions, boilerplate };
}

/**
 * Splits a setext title whose first lines are a claim left by a translation workflow ("[bazz2 own
 * this article]" above "Performance benchmarks: KVM vs. Xen"): CommonMark reads both lines as the
 * heading, but only the last ones are the title.
 */
function splitClaimedHeading(heading: Heading, boilerplate: Boilerplate[], defs: LinkDefinitions): Heading {
  const parts = heading.quote.split('\n');
  let skip = 0;
  while (skip < parts.length - 1 && LINE_RULES.some((rule) => rule(plainText(parts[skip] ?? '', defs))?.rule === 'claim-line')) skip++;
  if (skip === 0) return heading;
  boilerplate.push({ rule: 'claim-line', startLine: heading.line, endLine: heading.line + skip - 1, text: parts.slice(0, skip).join('\n') });
  const rest = parts.slice(skip);
  return { ...heading, line: heading.line + skip, text: rest.join(' '), quote: rest.join('\n') };
}

/** The article's front matter, its faults as the article's CompileError at their line. */
function frontMatterOf(path: string, lines: readonly string[]): FrontMatter | null {
  try {
    return readFrontMatter(lines);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    const toml = lines[0]?.trim() === '+++';
    const hint = error.message.endsWith('never closed')
      ? `close it with a line of ${toml ? '+++' : '---'} (add it after the last field)`
      : toml
        ? 'fix the TOML between the `+++` lines (close every quote and bracket, and quote text values), or remove it'
        : 'fix the YAML between the `---` lines (quote a value that holds : # [ or {, like `title: "Why: a talk"`), or remove it';
    throw new CompileError(path, error.message, hint, { line: error.line, column: error.column });
  }
}

/** The last index whose block comes before `order` (the blocks are in order), or -1. */
function lastBefore(blockOfSentence: readonly number[], order: number): number {
  let lo = 0;
  let hi = blockOfSentence.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((blockOfSentence[mid] ?? -1) < order) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Reads an article: front matter, title, section headings, attribution lines, sentences with exact
 * line spans, figures (code, tables, images) and the boilerplate kept off the slides. Throws
 * CompileError for text that cannot make a talk.
 */
export function readArticle(index: number, path: string, source: string): Article {
  const text = source.replace(/^\uFEFF/u, '');
  checkText(path, text);
  const lines = text.split(/\r\n|\r|\n/u);
  // Front matter, else a header block ("Title: …", "Author: …" up to a blank line).
  const asPlainText = isPlainText(path, text);
  const read: FrontMatter | null = frontMatterOf(path, lines) ?? readHeaderBlock(lines, { needTitle: !asPlainText }) ?? (asPlainText ? readRestTitle(lines) : null);
  const scan = asPlainText ? scanPlainText(lines, read?.endLine ?? 0) : scanBlocks(lines, read?.endLine ?? 0);
  const defs = scan.definitions;
  // Front matter values may be Markdown themselves (an author written as a link to the team's page).
  const inline = (f: MetaField | null): MetaField | null => (f ? { ...f, text: plainText(f.text, defs).trim() || f.text } : null);
  const front: FrontMatter | null = read && { ...read, title: inline(read.title), author: inline(read.author), description: inline(read.description) };
  const header = creditHeader(scan, lines);
  const attributions: Attribution[] = [...header.attributions];
  const boilerplate: Boilerplate[] = [...header.boilerplate];
  if (front) boilerplate.push({ rule: 'front-matter', startLine: 1, endLine: front.endLine, text: lines.slice(0, front.endLine).join('\n') });
  for (const f of scan.footnotes) boilerplate.push({ rule: 'footnotes', startLine: f.startLine, endLine: f.endLine, text: f.text });

  // Headings: TOC and endnote sections go, with everything under them up to the next heading of their level or above.
  let headings = scan.headings.map((h) => h);
  const droppedUnder = new Set<number>();
  headings.forEach((h, i) => {
    const plain = plainText(h.text, defs);
    // A section headed "Sponsors", "Follow us", "Share this" or "References" is not the argument either.
    // Not the rules for a single line of the page's machinery ("## Update: the new storage engine" is a section).
    const lineRule = LINE_RULES.map((rule) => rule(plain)).find((m) => m !== null && !['credit', 'source', 'editor-note', 'modeline', 'rcs-keywords', 'file-variables'].includes(m.rule));
    const closing = h.line > lines.length * 0.6;
    const match = tableOfContents(plain, 'heading') ?? endnoteHeading(plain) ?? lineRule ?? (closing ? aboutPublisher(plain) : null) ?? null;
    if (!match) return;
    droppedUnder.add(i);
    boilerplate.push({ rule: match.rule, startLine: h.line, endLine: h.endLine, text: plain });
    for (let j = i + 1; j < headings.length && (headings[j]?.level ?? 0) > h.level; j++) droppedUnder.add(j);
  });

  // The title: the front matter's, else the first top-level heading above most of the prose.
  const firstProse = scan.blocks.find((b) => HAS_WORD.test(b.text) && !judgeLine(b, plainText(b.text, defs), true))?.startLine ?? Infinity;
  let title: Article['title'] = null;
  let titleHeading = -1;
  if (front?.title) {
    const t = front.title;
    title = { text: t.text, line: t.line, endLine: t.endLine, quote: t.quote };
    // A first heading that repeats the front matter title is the title, not a section.
    const first = headings[0];
    if (first && first.line < firstProse && plainText(first.text, defs).toLowerCase() === t.text.toLowerCase()) titleHeading = 0;
  } else if (headings.length > 0) {
    const top = Math.min(...headings.filter((_, i) => !droppedUnder.has(i)).map((h) => h.level));
    const candidate = headings.findIndex((h, i) => h.level === top && !droppedUnder.has(i));
    const heading = headings[candidate];
    if (heading && heading.line < firstProse) {
      const split = splitClaimedHeading(heading, boilerplate, defs);
      headings[candidate] = split;
      titleHeading = candidate;
      title = { text: plainText(split.text, defs), line: split.line, endLine: split.endLine, quote: split.quote };
    }
  }

  // Prose blocks: boilerplate lines out (attributions kept), TOC and link-dump lists out.
  const listItems = new Map<number, ProseBlock[]>();
  for (const block of scan.blocks) if (block.list >= 0) listItems.set(block.list, [...(listItems.get(block.list) ?? []), block]);
  const droppedLists = new Map<number, BoilerplateRule>();
  for (const [list, items] of listItems) {
    const texts = items.map((b) => b.text);
    const match = tableOfContents('', 'list', texts) ?? linkDump(texts);
    if (match) droppedLists.set(list, match.rule);
  }
  const titleLine = title?.line ?? 0;
  const prose: ProseBlock[] = [];
  let seenProse = 0;
  // A list of labelled items most of which no rule names ("**Author:** the person who created the
  // project", "**Owner:** …", "**Maintainers:** …") is a glossary of the article's, not its credits.
  const judgedItems = new Map<number, { items: number; named: number }>();
  for (const block of scan.blocks) {
    if (block.list < 0) continue;
    const counts = judgedItems.get(block.list) ?? { items: 0, named: 0 };
    counts.items++;
    if (block.text.length <= 600 && judgeLine(block, plainText(block.text, defs), false)) counts.named++;
    judgedItems.set(block.list, counts);
  }
  const glossaryItem = (block: ProseBlock) => {
    const counts = block.list >= 0 ? judgedItems.get(block.list) : undefined;
    return counts !== undefined && counts.items >= 3 && counts.named * 2 < counts.items;
  };
  // From an "About X" line near the end (a press release's), to the next heading: the publisher's boilerplate.
  let aboutUnder: number | null = null;
  for (const block of scan.blocks) {
    if (aboutUnder !== null && block.heading !== aboutUnder) aboutUnder = null;
    if (aboutUnder === null && block.kind === 'paragraph' && block.startLine > lines.length * 0.6 && aboutPublisher(plainText(block.startLine === block.endLine ? block.text : (block.text.split('\n')[0] ?? ''), defs))) aboutUnder = block.heading;
    if (aboutUnder !== null) {
      boilerplate.push({ rule: 'about', startLine: block.startLine, endLine: block.endLine, text: block.text });
      continue;
    }
    // Only short blocks can be credit lines: a long paragraph's plain text is made later, per sentence.
    const short = block.text.length <= 600;
    const plain = short ? plainText(block.text, defs) : block.text;
    const heading = block.heading;
    if (heading >= 0 && droppedUnder.has(heading)) {
      boilerplate.push({ rule: tableOfContents(plainText(headings[heading]?.text ?? '', defs), 'heading') ? 'table-of-contents' : 'endnotes', startLine: block.startLine, endLine: block.endLine, text: plain });
      continue;
    }
    const listRule = droppedLists.get(block.list);
    if (listRule) {
      boilerplate.push({ rule: listRule, startLine: block.startLine, endLine: block.endLine, text: plain });
      continue;
    }
    if (tableOfContents(block.text, 'line')) {
      boilerplate.push({ rule: 'table-of-contents', startLine: block.startLine, endLine: block.endLine, text: plain });
      continue;
    }
    const nearTop = block.startLine < titleLine || seenProse < 2;
    const match = short && !glossaryItem(block) ? judgeLine(block, plain, nearTop) : null;
    if (match) {
      boilerplate.push({ rule: match.rule, startLine: block.startLine, endLine: block.endLine, text: plain });
      if (match.role && !match.placeholder) {
        const raw = block.text.trim();
        const url = stripMarkup(raw, defs).urls[0] ?? (/https?:\/\/\S+/u.exec(match.value ?? '')?.[0] ?? '');
        const quote = (lines[block.startLine - 1] ?? '').slice(block.prefixes[0] ?? 0).trim();
        // Plain text drops bare URLs: a line that names its source by address shows the address.
        const value = (match.value ?? plain).replace(/[:：]\s*$/u, '') || url;
        const shown = match.label ? `${match.label}${/[\u3000-\u9fff]/u.test(match.label) ? '：' : ': '}${value}` : plain;
        attributions.push({ role: match.role, text: shown, value, url: url || (/^https?:\/\//u.test(value) ? value : ''), line: block.startLine, quote: block.startLine === block.endLine ? quote : raw });
      }
      continue;
    }
    // Short lines above the title that no rule names are strays of the page, not the article.
    if (short && block.startLine < titleLine && plain.length <= 120 && !/[.!?。！？]$/u.test(plain)) {
      boilerplate.push({ rule: 'claim-line', startLine: block.startLine, endLine: block.endLine, text: plain });
      continue;
    }
    if (!HAS_WORD.test(plain)) continue;
    seenProse++;
    prose.push(block);
  }

  // A README without a heading: the alt text of the logo it opens with names it.
  if (!title) {
    const logo = scan.figures.find((f) => f.kind === 'html' || f.kind === 'image');
    const firstProseLine = prose[0]?.startLine ?? Infinity;
    if (logo && logo.startLine < firstProseLine) {
      for (let k = 0; k < logo.lines.length && !title; k++) {
        const alt = /<img\b[^>]*\balt\s*=\s*"([^"]{3,80})"/iu.exec(logo.lines[k] ?? '')?.[1] ?? /^\s*!\[([^\]]{3,80})\]/u.exec(logo.lines[k] ?? '')?.[1];
        if (alt && /\p{L}{2}/u.test(alt) && !/^(?:logo|badge|build|banner|screenshot|image)\b/iu.test(alt)) title = { text: alt.trim(), line: logo.startLine + k, endLine: logo.startLine + k, quote: alt.trim() };
      }
    }
  }

  // An article without a heading or front matter: a short first line that is not a sentence is its title.
  if (!title && scan.headings.length === 0 && prose.length > 1) {
    const lead = prose[0];
    const leadText = lead ? plainText(lead.text, defs) : '';
    if (lead && lead.kind === 'paragraph' && lead.startLine === lead.endLine && leadText.length <= 100 && !/[.!?。！？:：,，;；]$/u.test(leadText)) {
      title = { text: leadText, line: lead.startLine, endLine: lead.endLine, quote: lead.text.trim() };
      prose.shift();
    }
  }

  // Headings that remain sections, and each block's index into them.
  const keep = headings.map((_, i) => i !== titleHeading && !droppedUnder.has(i));
  const newIndex: number[] = [];
  let count = 0;
  for (let i = 0; i < headings.length; i++) newIndex.push(keep[i] ? count++ : -1);
  const sectionOf = (h: number) => {
    for (let i = h; i >= 0; i--) if (keep[i]) return newIndex[i] ?? -1;
    return -1;
  };
  headings = headings.filter((_, i) => keep[i]);

  const sentences: Sentence[] = [];
  const blockOfSentence: number[] = [];
  prose.forEach((block, blockIndex) => {
    const spans = capSpans(block.text, splitSentences(block.text, defs));
    const blockEmphasis = emphasised(block.text);
    spans.forEach((span, i) => {
      const raw = block.text.slice(span.start, span.end);
      const stripped = stripMarkup(raw, defs);
      const plain = resolveSentinels(stripped.text);
      if (!HAS_WORD.test(plain)) return;
      const { quote, first: startLine, last: endLine } = verbatim(block, lines, span.start, span.end);
      // A follow-me, sponsor or image-credit sentence inside a paragraph is kept off the slides too.
      const inner = plain.length <= 200 && MAYBE_CREDIT.test(plain) ? SENTENCE_RULES.map((rule) => rule(plain)).find((m) => m !== null) : undefined;
      if (inner) {
        boilerplate.push({ rule: inner.rule, startLine, endLine, text: plain });
        return;
      }
      sentences.push({
        article: index,
        index: sentences.length,
        block: blockIndex,
        opensBlock: i === 0,
        closesBlock: i === spans.length - 1,
        kind: block.kind,
        startLine,
        endLine,
        raw,
        quote,
        plain,
        urls: stripped.urls,
        heading: sectionOf(block.heading),
        emphasis: blockEmphasis || emphasised(raw),
        figure: -1,
        stressed: stressedPhrase(raw, defs),
      });
      blockOfSentence.push(block.order);
    });
  });

  // Figures: each introduced by the last sentence of the prose block right before it, in the same section.
  const figures: Figure[] = [];
  const opening: { figure: number; sentence: number }[] = [];
  for (const f of scan.figures) {
    if (f.heading >= 0 && droppedUnder.has(f.heading)) continue;
    let kind: Figure['kind'];
    let image: ImageInfo | null = null;
    if (f.kind === 'code' || f.kind === 'table') kind = f.kind;
    else {
      image = imageOf(f, defs);
      if (!image || !image.src) continue;
      kind = 'image';
    }
    let sentence = -1;
    for (let k = sentences.length - 1; k >= 0; k--) {
      const order = blockOfSentence[k] ?? -1;
      if (order >= f.order) continue;
      if (order === f.order - 1 || (order === f.order - 2 && kind === 'image')) sentence = k;
      break;
    }
    const s = sentences[sentence];
    if (s && s.heading !== sectionOf(f.heading)) sentence = -1;
    // Code or a table that opens its section ("## Syntax" above a syntax block) is introduced by
    // its heading: it goes with the section's first sentence after it, unless that sentence
    // introduces a figure of its own (linked after every usual introduction, below).
    if (sentence < 0 && kind !== 'image') {
      const before = lastBefore(blockOfSentence, f.order);
      const opens = before < 0 || sentences[before]?.heading !== sectionOf(f.heading);
      const after = before + 1;
      const next = sentences[after];
      // The first sentence after it may stand in a subsection ("### Parameters" under "## Syntax").
      const section = sectionOf(f.heading);
      const level = headings[section]?.level ?? 0;
      const under = next !== undefined && section >= 0 && next.heading >= section && headings.slice(section + 1, next.heading + 1).every((h) => h.level > level);
      if (opens && under) opening.push({ figure: figures.length, sentence: after });
    }
    const figure: Figure = {
      kind,
      startLine: f.startLine,
      endLine: f.endLine,
      lines: kind === 'code' ? f.lines : [],
      rows: kind === 'table' ? f.lines.filter((_, i) => i !== 1).map(tableCells) : [],
      info: f.info,
      alt: image?.alt ?? '',
      src: image?.src ?? '',
      caption: image?.caption ?? '',
      sentence,
      heading: sectionOf(f.heading),
    };
    const intro = sentences[sentence];
    if (intro && intro.figure < 0) intro.figure = figures.length;
    figures.push(figure);
  }
  for (const o of opening) {
    const intro = sentences[o.sentence];
    const figure = figures[o.figure];
    if (!intro || !figure || intro.figure >= 0) continue;
    intro.figure = o.figure;
    figure.sentence = o.sentence;
  }

  if (sentences.length === 0) {
    const what =
      scan.codeLines > 0 && scan.headings.length === 0
        ? 'holds only code'
        : scan.headings.length > 0 && scan.codeLines === 0
          ? 'holds only headings'
          : scan.headings.length > 0
            ? 'holds only headings and code'
            : boilerplate.length > 0
              ? 'holds only credits, links and other lines that are not its argument'
              : 'holds no sentences';
    throw new CompileError(path, `${what}: there is no prose to build a talk from`, 'add paragraphs of text, or leave it out');
  }

  // Attributions: one per role and value (a credit header and a footer often say the same).
  const seen = new Set<string>();
  const unique = attributions.filter((a) => {
    const key = `${a.role}:${(a.url || a.value).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (front?.author && !unique.some((a) => a.role === 'author')) {
    const a = front.author;
    unique.unshift({ role: 'author', text: a.text, value: a.text, url: '', line: a.line, quote: a.quote });
  }
  const prosePlain = sentences.slice(0, 400).map((s) => s.plain).join(' ');
  const language = languageFromTag(front?.lang ?? '') ?? detectLanguage(prosePlain);
  boilerplate.sort((a, b) => a.startLine - b.startLine);
  return {
    index,
    path,
    lines,
    language,
    title,
    meta: { author: front?.author ?? null, date: front?.date ?? null, description: front?.description ?? null },
    headings,
    attributions: unique,
    sentences,
    figures,
    boilerplate,
    definitions: defs,
  };
}
