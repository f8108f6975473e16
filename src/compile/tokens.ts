import { GLOSSARY } from './glossary.js';
import { STOP_WORDS } from './stop-words.js';

/** One character of a script written without spaces between words (Chinese, Japanese, Korean). */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** Letters and digits outside CJK scripts, joined by apostrophes within a word. */
const LATIN_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const NON_ASCII = /[^\x00-\x7F]/u;
/** The same scripts as CJK_CHAR by code ranges (no property lookups): a fast first test. */
const CJK_RANGES = /[\u2E80-\u2FDF\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7AF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * How CJK text is cut into terms: by ICU's word segmenter (the presenter's Q&A, which has ICU
 * started for its layout), or into overlapping pairs of characters (the compiler's similarity
 * and coverage, which `build` and `check` report: the first segmenter a process makes costs
 * ICU's start, about 16 ms, and pairs need no dictionary at all).
 */
export type CjkTerms = 'icu' | 'pairs';

/** The words of one CJK run of a text (as pairs, runs of emoji, which the tokenizer takes for CJK, hold none). */
function runWords(run: string, mode: CjkTerms): string[] {
  if (mode === 'pairs') {
    if (!/[\p{L}\p{N}]/u.test(run)) return [];
    const chars = Array.from(run);
    if (chars.length < 2) return chars;
    const out: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    return out;
  }
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const segment of wordSegmenter.segment(run)) if (segment.isWordLike) out.push(segment.segment);
  return out;
}

/** Whether the text holds any CJK character. */
export function hasCjk(text: string): boolean {
  return NON_ASCII.test(text) && CJK_RANGES.test(text) && CJK_CHAR.test(text);
}

/**
 * A light English stemmer for matching only (never shown): plurals and -ing/-ed endings, so that
 * "processes", "process" and "unikernels", "unikernel" meet. Other languages pass through.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || !/^[a-z]+$/u.test(word)) return word;
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && n >= 7) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && n >= 6 && !word.endsWith('eed')) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  return /([b-df-hj-np-tv-z])\1$/u.test(word) && !/(?:ll|ss|zz)$/u.test(word) ? word.slice(0, -1) : word;
}

/** Latin-script words of a text, lower-cased (CJK characters excluded). */
export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0];
    if (NON_ASCII.test(word) && CJK_CHAR.test(word)) {
      for (const part of word.split(CJK_RUN)) if (part) out.push(part.toLowerCase());
    } else out.push(word.toLowerCase());
  }
  return out;
}

/** Words of CJK runs as ICU's word segmenter cuts them (runWords). */
export function cjkWords(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(CJK_RUN)) out.push(...runWords(match[0], 'icu'));
  return out;
}

const GLOSSARY_KEYS = Object.keys(GLOSSARY).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const GLOSSARY_PATTERN = new RegExp(GLOSSARY_KEYS.join('|'), 'gu');

/** Words in CJK text the glossary knows, as their English stems. */
export function glossaryTerms(text: string): string[] {
  if (!hasCjk(text)) return [];
  const out: string[] = [];
  for (const match of text.matchAll(GLOSSARY_PATTERN)) for (const word of GLOSSARY[match[0]] ?? []) out.push(stem(word));
  return out;
}

/**
 * Terms of a plain text for similarity: stemmed Latin words and CJK words, stop words and
 * one-letter words left out.
 */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of latinWords(text)) {
    if (STOP_WORDS.has(word) || (word.length < 2 && !/\d/u.test(word))) continue;
    out.push(stem(word));
  }
  if (hasCjk(text)) for (const word of cjkWords(text)) if (!STOP_WORDS.has(word)) out.push(word);
  return out;
}

/**
 * The words of substance in a text, as the faithfulness rule counts them: every run of letters
 * or digits, lower-cased, minus stop words, and every CJK character on its own.
 */
export function contentWords(text: string): readonly string[] {
  let out = contentWordsOf.get(text);
  if (!out) {
    const words: string[] = [];
    for (const word of latinWords(text)) if (!STOP_WORDS.has(word)) words.push(word);
    for (const match of text.matchAll(CJK_RUN)) words.push(...match[0]);
    if (contentWordsOf.size >= 5000) contentWordsOf.clear();
    contentWordsOf.set(text, words);
    out = words;
  }
  return out;
}

/** Texts' content words so far: condensing asks again for each cut of the same sentence. */
const contentWordsOf = new Map<string, readonly string[]>();

/** What a character is to the tokenizer: part of a word, a CJK character, or a separator. */
const enum CharClass {
  Separator = 0,
  Word = 1,
  Cjk = 2,
}

/** LATIN_WORD's expression, whose compiled code V8 then shares (each expression with letter classes takes about a millisecond to compile). */
const LETTER_OR_DIGIT = new RegExp(LATIN_WORD.source, 'gu');
const nonAsciiClass = new Map<number, CharClass>();

function classOf(code: number): CharClass {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? CharClass.Word : CharClass.Separator;
  }
  let cls = nonAsciiClass.get(code);
  if (cls === undefined) {
    const char = String.fromCharCode(code);
    // Surrogate halves: CJK Extension B and beyond sit in the supplementary planes; treat the pair as CJK.
    if (code >= 0xd800 && code <= 0xdfff) cls = CharClass.Cjk;
    else {
      LETTER_OR_DIGIT.lastIndex = 0;
      cls = CJK_CHAR.test(char) ? CharClass.Cjk : LETTER_OR_DIGIT.test(char) ? CharClass.Word : CharClass.Separator;
    }
    nonAsciiClass.set(code, cls);
  }
  return cls;
}

/**
 * Turns plain text into term ids fast: one pass over the characters, each distinct word looked up
 * once (lower-cased, stop words dropped, stemmed) and remembered. CJK runs are cut by runWords. Same terms as `termsOf`, as ids of `intern`.
 */
export class TermIndex {
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly intern: (term: string) => number,
    private readonly mode: CjkTerms = 'icu',
  ) {}

  private wordId(word: string): number {
    let id = this.cache.get(word);
    if (id === undefined) {
      const lower = word.toLowerCase();
      id = STOP_WORDS.has(lower) || (lower.length < 2 && !/\d/u.test(lower)) ? -1 : this.intern(stem(lower));
      this.cache.set(word, id);
    }
    return id;
  }

  /** The words of each CJK run seen (runWords). */
  private readonly runs = new Map<string, string[]>();

  private cjkIds(run: string, out: number[]): void {
    let words = this.runs.get(run);
    if (!words) {
      words = runWords(run, this.mode);
      this.runs.set(run, words);
    }
    for (const word of words) {
      let id = this.cache.get(word);
      if (id === undefined) {
        id = STOP_WORDS.has(word) ? -1 : this.intern(word);
        this.cache.set(word, id);
      }
      if (id >= 0) out.push(id);
    }
  }

  ids(text: string, out: number[] = []): number[] {
    let start = -1;
    let kind = CharClass.Separator;
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const cls = i < n ? classOf(text.charCodeAt(i)) : CharClass.Separator;
      if (cls === kind) continue;
      if (kind === CharClass.Word) {
        const id = this.wordId(text.slice(start, i));
        if (id >= 0) out.push(id);
      } else if (kind === CharClass.Cjk) {
        this.cjkIds(text.slice(start, i), out);
      }
      kind = cls;
      start = i;
    }
    return out;
  }
}
