import { scanBlocks, type Heading, type ProseBlock } from './blocks.js';
import { CompileError } from './compile-error.js';
import { plainText, resolveSentinels, stripMarkup, type LinkDefinitions } from './inline.js';
import { splitSentences, type SentenceSpan } from './sentences.js';

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
  /** 1-based, inclusive lines of the article the sentence spans. */
  startLine: number;
  endLine: number;
  /** The sentence's Markdown, container prefixes removed. */
  raw: string;
  /** The sentence verbatim from its lines (prefixes of inner lines included). */
  quote: string;
  /** Plain text: markup deleted, whitespace collapsed. */
  plain: string;
  /** Link targets inside the sentence. */
  urls: string[];
  /** Index into the article's headings of the section heading above it; -1 before any. */
  heading: number;
}

/** A line that says who wrote, translated or published an article, or where it came from. */
export interface Attribution {
  role: 'author' | 'translator' | 'editor' | 'source' | 'credit';
  /** The line as plain text, e.g. "via: https://…" or "作者：Bryan Cantrill". */
  text: string;
  /** The value after the label, as plain text. */
  value: string;
  url: string;
  line: number;
  /** The line verbatim (container prefix removed, trimmed). */
  quote: string;
}

export interface Article {
  index: number;
  /** Path relative to the deck, forward slashes. */
  path: string;
  lines: string[];
  title: { text: string; line: number; quote: string } | null;
  /** Section headings (the title excluded). */
  headings: Heading[];
  attributions: Attribution[];
  sentences: Sentence[];
  definitions: LinkDefinitions;
}

const LABELED =
  /^(via|sources?|original(?: article| post)?|originally (?:published|posted) (?:at|in|on|by)|authors?|written by|translat(?:or|ed by|ion)|proofread(?:er|ing)?(?: by)?|edit(?:or|ed by)|原文(?:链接|地址)?|来源|出处|转载自|作者|译者|翻译|校对|编辑|责编)[ \t]*[:：][ \t]*(.+)$/iu;
const CREDIT = /^本文由.{1,120}(?:编译|翻译|推出|发布|授权)/u;
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)[ \t]+(\p{Lu}[\p{L}.'’ -]{1,60})$/u;

function roleOf(label: string): Attribution['role'] {
  const l = label.toLowerCase();
  if (/^(?:author|written|作者)/u.test(l)) return 'author';
  if (/^(?:translat|译者|翻译)/u.test(l)) return 'translator';
  if (/^(?:proofread|edit|校对|编辑|责编)/u.test(l)) return 'editor';
  return 'source';
}

/** Reads an attribution line; null when the block is ordinary prose. */
function attributionOf(block: ProseBlock, lines: readonly string[], defs: LinkDefinitions, nearTop: boolean): Attribution | null | 'placeholder' {
  if (block.startLine !== block.endLine || block.text.length > 300) return null;
  const raw = block.text.trim();
  const text = plainText(raw, defs);
  const quote = (lines[block.startLine - 1] ?? '').slice(block.prefixes[0] ?? 0).trim();
  const url = stripMarkup(raw, defs).urls[0] ?? '';
  const labeled = LABELED.exec(raw);
  if (labeled) {
    const label = labeled[1] ?? '';
    const value = plainText(labeled[2] ?? '', defs) || url;
    // An unfilled template ("译者：[译者ID](…)") repeats its own label: no one to credit.
    const bare = label.replace(/[者人]$/u, '');
    if (bare && /\p{Script=Han}/u.test(bare) && value.includes(bare)) return 'placeholder';
    const colon = raw.slice(label.length).trimStart().startsWith('：') ? '：' : ': ';
    return { role: roleOf(label), text: `${label}${colon}${value}`, value, url: url || (/^https?:\/\//u.test(value) ? value : ''), line: block.startLine, quote };
  }
  if (CREDIT.test(text)) return { role: 'credit', text, value: text, url, line: block.startLine, quote };
  const byline = nearTop ? BYLINE.exec(text) : null;
  if (byline) return { role: 'author', text, value: byline[1]?.trim() ?? '', url, line: block.startLine, quote };
  return null;
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

/** Prose has at least one letter or digit. */
const HAS_WORD = /[\p{L}\p{N}]/u;
const BINARY_CONTROL = /[\u0001-\u0008\u000E-\u001A\u001C-\u001F]/gu;

/** Refuses text that is not an article: binary, broken UTF-8 or empty. */
function checkText(path: string, text: string): void {
  if (text.includes('\u0000')) throw new CompileError(path, 'is a binary file (it holds NUL bytes), not a text article; give a Markdown or plain-text file (convert it first, e.g. with pandoc)');
  if (text.includes('\uFFFD')) throw new CompileError(path, 'is not valid UTF-8 text (it holds bytes that are not UTF-8); save it as UTF-8, e.g. with iconv -f latin1 -t utf-8');
  const controls = text.slice(0, 65536).match(BINARY_CONTROL)?.length ?? 0;
  if (controls > 8) throw new CompileError(path, 'looks like a binary file (it holds control characters), not a text article; give a Markdown or plain-text file');
  if (text.trim() === '') throw new CompileError(path, 'is empty: there is nothing to compile; write the article first, or leave it out');
}

/**
 * Reads an article: lines (BOM dropped, CRLF or CR line ends), title, section headings,
 * attribution lines and sentences with exact line spans. Throws CompileError for text that
 * cannot make a talk.
 */
export function readArticle(index: number, path: string, source: string): Article {
  const text = source.replace(/^\uFEFF/u, '');
  checkText(path, text);
  const lines = text.split(/\r\n|\r|\n/u);
  const scan = scanBlocks(lines);
  const defs = scan.definitions;

  const attributions: Attribution[] = [];
  const prose: ProseBlock[] = [];
  const topLine = scan.blocks[Math.min(2, scan.blocks.length - 1)]?.startLine ?? 0;
  for (const block of scan.blocks) {
    const found = attributionOf(block, lines, defs, block.startLine <= topLine);
    if (found === 'placeholder') continue;
    if (found) attributions.push(found);
    else if (HAS_WORD.test(block.text)) prose.push(block);
  }

  let headings = scan.headings;
  let title: Article['title'] = null;
  const first = headings[0];
  const firstProse = prose[0]?.startLine ?? Infinity;
  if (first && first.line < firstProse && headings.filter((h) => h.level <= first.level).length === 1) {
    title = { text: plainText(first.text, defs), line: first.line, quote: first.text };
    headings = headings.slice(1);
    for (const block of prose) block.heading -= 1;
  } else if (!first && prose.length > 1) {
    const lead = prose[0];
    const leadText = lead ? plainText(lead.text, defs) : '';
    if (lead && lead.kind === 'paragraph' && lead.startLine === lead.endLine && leadText.length <= 100 && !/[.!?。！？:：,，;；]$/u.test(leadText)) {
      title = { text: leadText, line: lead.startLine, quote: lead.text.trim() };
      prose.shift();
    }
  }

  const sentences: Sentence[] = [];
  prose.forEach((block, blockIndex) => {
    const spans = capSpans(block.text, splitSentences(block.text, defs));
    spans.forEach((span, i) => {
      const raw = block.text.slice(span.start, span.end);
      const stripped = stripMarkup(raw, defs);
      const plain = resolveSentinels(stripped.text);
      if (!HAS_WORD.test(plain)) return;
      const { quote, first: startLine, last: endLine } = verbatim(block, lines, span.start, span.end);
      sentences.push({
        article: index,
        index: sentences.length,
        block: blockIndex,
        opensBlock: i === 0,
        startLine,
        endLine,
        raw,
        quote,
        plain,
        urls: stripped.urls,
        heading: block.heading,
      });
    });
  });

  if (sentences.length === 0) {
    const what =
      scan.codeLines > 0 && scan.headings.length === 0
        ? 'holds only code'
        : scan.headings.length > 0 && scan.codeLines === 0
          ? 'holds only headings'
          : scan.headings.length > 0
            ? 'holds only headings and code'
            : 'holds no sentences';
    throw new CompileError(path, `${what}: there is no prose to build a talk from; add paragraphs of text, or leave it out`);
  }
  return { index, path, lines, title, headings, attributions, sentences, definitions: defs };
}
