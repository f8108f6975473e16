import { protectedRanges, type LinkDefinitions } from './inline.js';
import { hasCjk } from './tokens.js';
import { SENTENCE_RULES_INEXACT } from './unicode-inexact.js';

/** A sentence as offsets into the text it was split from; `end` exclusive, both trimmed. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations (lower-case, without their last period) that never end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'v', 'cf', 'viz', 'al', 'approx', 'ca', 'dr', 'mr', 'mrs', 'ms', 'messrs', 'prof',
  'sr', 'jr', 'st', 'mt', 'rev', 'gen', 'sgt', 'capt', 'lt', 'col', 'gov', 'hon', 'fr', 'esp', 'incl', 'resp',
]);
/** Abbreviations that do not end a sentence when a number follows ("No. 5", "Fig. 3", "Jan. 27"). */
const BEFORE_NUMBER = new Set([
  'no', 'nos', 'nr', 'vol', 'fig', 'figs', 'eq', 'p', 'pp', 'ch', 'sec', 'art', 'ver', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const TERMINATOR = /[.!?…。！？]+|\.{3}/gu;
const CLOSER = /["'”’)\]*_»」』）】》]/u;
const CJK_TERMINATOR = /[。！？]/u;
const LOWER = /\p{Ll}/u;
const SPACE = /\s/u;

/** The word just before a period at `dot`: letters and inner periods, e.g. "e.g" or "Dr". */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot);
}

/** Words that open sentences: articles, pronouns, conjunctions, prepositions, auxiliaries and the like. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'i', 'you', 'he', 'she', 'they', 'there',
  'here', 'our', 'my', 'your', 'their', 'his', 'her', 'some', 'many', 'most', 'all', 'each', 'every', 'no', 'one',
  'both', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'to', 'as', 'if', 'when', 'while', 'but', 'and', 'or', 'so',
  'yet', 'however', 'then', 'also', 'after', 'before', 'since', 'because', 'although', 'though', 'what', 'why',
  'how', 'where', 'who', 'which', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'should',
  'would', 'will', 'let', 'now', 'today', 'instead', 'meanwhile', 'thus', 'still', 'please',
]);

/**
 * A dotted initialism ("U.S.", "A.M.", "P.M.", "U.K.") before a capitalised word ends the sentence
 * only when that word is one that opens sentences ("… the risk of measles in the U.S. The team
 * includes …"); before a name or a time zone it goes on ("at 9 A.M. PT to learn …", "from U.S.
 * President John F. Kennedy").
 */
function initialismGoesOn(word: string, text: string, nextAt: number): boolean {
  if (!/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  const next = /^[\p{L}\p{N}’']+/u.exec(text.slice(nextAt, nextAt + 40))?.[0] ?? '';
  return next !== '' && !SENTENCE_OPENERS.has(next.toLowerCase().replace(/[’']s$/u, ''));
}

/**
 * Whether a sentence may end after the terminator run text[from, to) given what follows from
 * `nextAt` (the next visible character): abbreviations, initials and a lower-case continuation
 * keep the sentence going.
 */
function mayEnd(text: string, from: number, to: number, nextAt: number): boolean {
  const run = text.slice(from, to);
  const next = text[nextAt] ?? '';
  if (CJK_TERMINATOR.test(run)) return true;
  if (LOWER.test(next)) return false;
  // An ellipsis between two code spans or numbers is a range ("`val1` … `valN`", "1 … 10"), not an end.
  if ((run === '…' || run === '...') && /[`\d]/u.test(next)) return false;
  if (run !== '.') return true;
  const word = wordBefore(text, from).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (BEFORE_NUMBER.has(word) && /\d/u.test(next)) return false;
  if (initialismGoesOn(word, text, nextAt)) return false;
  // An initial ("J. Smith"): one capital letter after a space.
  if (/^\p{Lu}$/u.test(wordBefore(text, from)) && (from < 2 || SPACE.test(text[from - 2] ?? ' ')) && /\p{Lu}/u.test(next)) return false;
  return true;
}

function inRanges(ranges: [number, number][], offset: number, cursor: { i: number }): boolean {
  while (cursor.i < ranges.length && (ranges[cursor.i]?.[1] ?? 0) <= offset) cursor.i++;
  const range = ranges[cursor.i];
  return range !== undefined && range[0] < offset && offset < range[1];
}

/** Candidate boundaries found by scanning for terminators (any script). */
function scanBoundaries(text: string, ranges: [number, number][]): number[] {
  const out: number[] = [];
  const cursor = { i: 0 };
  for (const match of text.matchAll(TERMINATOR)) {
    const from = match.index ?? 0;
    let to = from + match[0].length;
    if (inRanges(ranges, from, cursor)) continue;
    while (to < text.length && CLOSER.test(text[to] ?? '')) to++;
    let next = to;
    while (next < text.length && SPACE.test(text[next] ?? '')) next++;
    if (next >= text.length) continue;
    const cjk = CJK_TERMINATOR.test(match[0]);
    if (next === to && !cjk && !hasCjk(text[next] ?? '')) continue;
    if (!mayEnd(text, from, match.index === undefined ? from : from + match[0].length, next)) continue;
    out.push(next);
  }
  return out;
}

/**
 * A line that opens a list item or a block quote nested in a list item or a quote ("  * **条件**：…",
 * "    > 在我看来…", "> - Let’s do sprint planning as usual!"): the block scanner keeps it in the
 * block's text with its marker. A sentence that starts there starts after the marker. In Chinese
 * text such a line also ends the sentence before it (as ICU's cut at every line did); English
 * was never cut at a line break, and its nested lines still go on with their sentence. An ordered
 * list only by "1." or "1)", as in CommonMark: a wrapped line that opens with "2016. It was …"
 * goes on with its paragraph.
 */
const NESTED_BLOCK = /(?:^|\n)[ \t]*((?:[-*+]|1[.)])[ \t]+|>[ \t]*)/gu;

/** Where each nested block's marker starts (a Chinese sentence ends there), and where its text starts after the marker. */
function nestedBlockStarts(text: string): Map<number, number> {
  const starts = new Map<number, number>();
  if (!text.includes('\n') && !/^[ \t]*(?:[-*+>]|1[.)])/u.test(text)) return starts;
  for (const m of text.matchAll(NESTED_BLOCK)) {
    const end = (m.index ?? 0) + m[0].length;
    starts.set(end - (m[1]?.length ?? 0), end);
  }
  return starts;
}

/**
 * A line break inside a paragraph is not a sentence end (CommonMark: a soft line break, or a hard
 * one, continues the paragraph's inline text), as the scanner above already reads English. ICU's
 * segmenter ends a sentence at every line feed, so a hard-wrapped Chinese paragraph ("且你可以在一个\n
 * YAML 文件中描述 Deployment。") came apart at each wrap: it is shown the breaks as spaces (same
 * length: offsets hold).
 */
function softBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/\n/gu, ' ') : text;
}

/**
 * The classes of Unicode's sentence boundary rules (UAX #29, "Sentence Boundaries"), as ICU's
 * segmenter reads them, for the characters that decide a boundary: terminators (STerm, and ATerm,
 * the full stop), closing punctuation and quotes (Close), spaces (Sp), lower- and upper-case
 * letters, other letters (CJK), digits (Numeric), continuing punctuation (SContinue), and marks
 * that attach to the character before them (Extend, Format).
 */
const S_TERM = /[!?\u0589\u061F\u06D4\u0700-\u0702\u07F9\u0964\u0965\u203C\u203D\u2047-\u2049\u3002\uFE12\uFE15\uFE16\uFE56\uFE57\uFF01\uFF1F\uFF61]/u;
const A_TERM = /[.\u2024\uFE52\uFF0E]/u;
const S_CONTINUE = /[,\-:;\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE31\uFE32\uFE50\uFE51\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/u;

/**
 * The classes with Unicode properties, made at their first use: V8 takes about half a millisecond
 * to read each, and only CJK text is split by these rules. ASCII and the common CJK characters are
 * classed without them (uaxClass).
 */
function lazy(make: () => RegExp): () => RegExp {
  let made: RegExp | null = null;
  return () => (made ??= make());
}
const CLOSE = lazy(() => /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u00AB\u00BB\u2018-\u201F\u2039\u203A\u2E42\u301D-\u301F]/u);
const SP = lazy(() => /[^\S\n\r\u0085\u2028\u2029]/u);
const UAX_LOWER = lazy(() => /\p{Lowercase}/u);
const UAX_UPPER = lazy(() => /[\p{Uppercase}\p{Lt}]/u);
const O_LETTER = lazy(() => /[\p{Alphabetic}\u00A0\u05F3]/u);
const NUMERIC = lazy(() => /\p{Nd}/u);
const EXTEND = lazy(() => /[\p{M}\p{Cf}\u200C\u200D]/u);

const enum Uax {
  Other = 0,
  Upper = 1,
  Lower = 2,
  /** A letter that is neither (OLetter: CJK, kana). */
  Letter = 4,
  Numeric = 8,
  Close = 16,
  Space = 32,
  Extend = 64,
}

/** The sentence-rule classes of one character, as flags of Uax. */
function uaxClass(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 65 && code <= 90) return Uax.Upper;
    if (code >= 97 && code <= 122) return Uax.Lower;
    if (code >= 48 && code <= 57) return Uax.Numeric;
    if (code === 32 || code === 9 || code === 11 || code === 12) return Uax.Space;
    if (code === 34 || code === 39 || code === 40 || code === 41 || code === 91 || code === 93 || code === 123 || code === 125) return Uax.Close;
    return Uax.Other;
  }
  // CJK ideographs and kana: letters of no case, nothing else.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3041 && code <= 0x3096) || (code >= 0x30a1 && code <= 0x30fa)) return Uax.Letter;
  let out = classes.get(c);
  if (out !== undefined) return out;
  out = 0;
  if (UAX_UPPER().test(c)) out |= Uax.Upper;
  if (UAX_LOWER().test(c)) out |= Uax.Lower;
  if (O_LETTER().test(c)) out |= Uax.Letter;
  if (NUMERIC().test(c)) out |= Uax.Numeric;
  if (CLOSE().test(c)) out |= Uax.Close;
  if (SP().test(c)) out |= Uax.Space;
  if (EXTEND().test(c)) out |= Uax.Extend;
  classes.set(c, out);
  return out;
}

const classes = new Map<string, number>();
const is = (c: string, kind: Uax) => c !== '' && (uaxClass(c) & kind) !== 0;

/** The character (a whole code point) at `at`, or '' past the end. */
function charAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Where the character after the one at `at` starts, past any marks that attach to it (rule SB5). */
function nextChar(text: string, at: number): number {
  let next = at + charAt(text, at).length;
  while (next < text.length && is(charAt(text, next), Uax.Extend)) next += charAt(text, next).length;
  return next;
}

/**
 * Sentence boundaries by the rules of UAX #29 (SB6 to SB11), as ICU's sentence segmenter finds
 * them: after a terminator, its closing punctuation and its spaces, unless a digit follows a full
 * stop ("3.14"), a capital follows a letter's full stop ("U.S"), a lower-case word follows a full
 * stop before any letter ("etc. and"), or a comma, a colon or another terminator follows. The text
 * has no line breaks (softBreaks). Read here rather than by Intl.Segmenter: the first segmenter a
 * process makes costs ICU's start, about 16 ms, and the build needs no other.
 */
export function uaxBoundaries(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  /** Past a paragraph separator at `at` (CR LF as one), or -1 when there is none (SB4). */
  const paraSep = (at: number) => (text[at] === '\r' ? (text[at + 1] === '\n' ? at + 2 : at + 1) : PARA_SEP.test(text[at] ?? '') ? at + 1 : -1);
  // Only terminators and paragraph separators can end a sentence: the text between is skipped.
  const stops = new RegExp(STOP.source, 'gu');
  for (let found = stops.exec(text); found; found = stops.exec(text)) {
    const i = found.index;
    const c = found[0];
    const sep = paraSep(i);
    if (sep >= 0) {
      if (sep < n) out.push(sep);
      stops.lastIndex = sep;
      continue;
    }
    const next = nextChar(text, i);
    const aTerm = A_TERM.test(c);
    const after = charAt(text, next);
    // SB6, SB7: a full stop before a digit, or between letters and before a capital, is no end.
    if (aTerm) {
      const before = charBefore(text, i);
      if (is(after, Uax.Numeric) || (is(after, Uax.Upper) && is(before, Uax.Upper | Uax.Lower))) {
        stops.lastIndex = next;
        continue;
      }
    }
    // SB9, SB10: the sentence takes its closing punctuation and spaces.
    let m = next;
    while (m < n && is(charAt(text, m), Uax.Close)) m = nextChar(text, m);
    while (m < n && is(charAt(text, m), Uax.Space)) m = nextChar(text, m);
    const at = charAt(text, m);
    // SB8a: a comma, a colon or another terminator goes on.
    let goesOn = m >= n || S_CONTINUE.test(at) || S_TERM.test(at) || A_TERM.test(at);
    if (!goesOn && aTerm) {
      // SB8: past what is no letter and no terminator, a lower-case letter goes on.
      let k = m;
      while (k < n && paraSep(k) < 0) {
        const x = charAt(text, k);
        if (is(x, Uax.Letter | Uax.Upper | Uax.Lower) || S_TERM.test(x) || A_TERM.test(x)) break;
        k = nextChar(text, k);
      }
      goesOn = k < n && is(charAt(text, k), Uax.Lower);
    }
    if (goesOn) {
      stops.lastIndex = next;
      continue;
    }
    // SB11: the sentence ends here, or after the paragraph separator that follows.
    const end = paraSep(m) >= 0 ? paraSep(m) : m;
    if (end < n) out.push(end);
    stops.lastIndex = end;
  }
  return out;
}

/** The character before `at`, past the marks that attach to it (rule SB5). */
function charBefore(text: string, at: number): string {
  let i = at;
  for (;;) {
    if (i <= 0) return '';
    const low = text.charCodeAt(i - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
    const c = text.slice(start, i);
    if (!is(c, Uax.Extend)) return c;
    i = start;
  }
}

/** What can end a sentence: a terminator (STerm, ATerm) or a paragraph separator. */
const STOP = /[!?.\u0589\u061F\u06D4\u0700-\u0702\u07F9\u0964\u0965\u203C\u203D\u2047-\u2049\u3002\uFE12\uFE15\uFE16\uFE56\uFE57\uFF01\uFF1F\uFF61\u2024\uFE52\uFF0E\r\n\u0085\u2028\u2029]/u;

const PARA_SEP = /[\n\u0085\u2028\u2029]/u;

let icuSentences: Intl.Segmenter | null = null;

/** Where ICU's sentence segmenter starts a sentence in `text` (none at 0): by its rules (uaxBoundaries), unless the text holds a character they read otherwise (SENTENCE_RULES_INEXACT). */
export function sentenceStarts(text: string): number[] {
  if (!SENTENCE_RULES_INEXACT.test(text)) return uaxBoundaries(text);
  icuSentences ??= new Intl.Segmenter('zh', { granularity: 'sentence' });
  return Array.from(icuSentences.segment(text), (s) => s.index).filter((i) => i > 0);
}

/** Candidate boundaries by the rules of ICU's sentence segmenter (sentenceStarts), for text with CJK characters. */
function cjkBoundaries(text: string, ranges: [number, number][]): number[] {
  // Mask what may not be cut (link targets, URLs) so that ICU does not see periods inside it.
  let masked = softBreaks(text);
  if (ranges.length > 0) {
    const parts: string[] = [];
    let from = 0;
    for (const [start, end] of ranges) {
      parts.push(masked.slice(from, start), 'x'.repeat(end - start));
      from = end;
    }
    parts.push(masked.slice(from));
    masked = parts.join('');
  }
  const out: number[] = [];
  for (let at of sentenceStarts(masked)) {
    // An opening bracket after a sentence's end opens the next one ("…終了します。（…みなされます。）").
    while (at > 0 && /[（(「『【［[“‘]/u.test(text[at - 1] ?? '')) at--;
    if (at === 0 || out.includes(at)) continue;
    // ICU ends sentences after "Dr." and "vs." too; apply the same abbreviation rules as the scanner.
    let end = at;
    while (end > 0 && SPACE.test(text[end - 1] ?? '')) end--;
    let dot = end;
    while (dot > 0 && CLOSER.test(text[dot - 1] ?? '')) dot--;
    if (text[dot - 1] === '.' && text[dot - 2] !== '.' && !mayEnd(text, dot - 1, dot, at)) continue;
    out.push(at);
  }
  return out;
}

/**
 * Splits a paragraph into sentences. Latin abbreviations ("e.g.", "Dr.", "vs.", "etc."), decimals,
 * initials, URLs and link targets do not end a sentence; Chinese and Japanese text is split with
 * ICU's sentence segmenter (`Intl.Segmenter`), under the same rules. A line break is no sentence
 * end, except before a list item or block quote nested in a Chinese block.
 */
export function splitSentences(text: string, defs: LinkDefinitions = new Map()): SentenceSpan[] {
  const ranges = protectedRanges(text, defs);
  const cjk = hasCjk(text);
  const found = cjk ? cjkBoundaries(text, ranges) : scanBoundaries(text, ranges);
  const nested = nestedBlockStarts(text);
  const cuts = !cjk || nested.size === 0 ? found : [...new Set([...found, ...nested.keys()])].sort((a, b) => a - b);
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    let start = from;
    let end = cut;
    while (start < end && SPACE.test(text[start] ?? '')) start++;
    // A nested block's sentence starts after its marker ("* ", "> "), as a block's does.
    start = Math.min(nested.get(start) ?? start, end);
    while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
    if (end > start) spans.push({ start, end });
    from = cut;
  }
  return spans;
}
