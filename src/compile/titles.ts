import { STOP_WORDS } from './stop-words.js';
import { displayWidth } from './text-width.js';
import { CJK_CHAR, hasCjk } from './tokens.js';

/** A candidate slide title found in a passage: a key phrase or a short clause, verbatim. */
export interface TitleCandidate {
  text: string;
  kind: 'phrase' | 'clause';
  /** Words (or CJK words) in the candidate. */
  words: number;
}

/** The widest a title may be, in display columns. */
export const MAX_TITLE_COLUMNS = 48;
const MAX_PHRASE_WORDS = 4;
/** Stop words allowed inside a key phrase, between content words ("principle of least privilege"). */
const INNER_STOP_WORDS = new Set(['of', '的']);

const LATIN_TOKEN = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*|[ \t]+|[^\s\p{L}\p{N}]|\s+/gu;
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface Token {
  text: string;
  start: number;
  word: boolean;
}

function tokensOf(plain: string): Token[] {
  if (hasCjk(plain)) {
    return Array.from(wordSegmenter.segment(plain), (s) => ({ text: s.segment, start: s.index, word: s.isWordLike === true }));
  }
  return Array.from(plain.matchAll(LATIN_TOKEN), (m) => ({ text: m[0], start: m.index ?? 0, word: /[\p{L}\p{N}]/u.test(m[0]) }));
}

function isStop(word: string): boolean {
  const lower = word.toLowerCase();
  return STOP_WORDS.has(lower) || STOP_WORDS.has(lower.replace(/[’'].*$/u, '')) || /^\d+$/u.test(lower);
}

/**
 * Key phrases of a plain passage (after RAKE, Rose et al. 2010): runs of content words between
 * stop words and punctuation, and every window of up to four words of a longer run, as they
 * stand in the text.
 */
export function keyPhrases(plain: string): TitleCandidate[] {
  const tokens = tokensOf(plain);
  const out: TitleCandidate[] = [];
  const seen = new Set<string>();
  let run: Token[] = [];
  const flush = () => {
    // A run may not end on an inner stop word.
    while (run.length > 0 && INNER_STOP_WORDS.has((run[run.length - 1]?.text ?? '').toLowerCase())) run.pop();
    for (let i = 0; i < run.length; i++) {
      if (INNER_STOP_WORDS.has((run[i]?.text ?? '').toLowerCase())) continue;
      for (let j = i; j < Math.min(run.length, i + MAX_PHRASE_WORDS); j++) {
        const last = run[j];
        if (!last || INNER_STOP_WORDS.has(last.text.toLowerCase())) continue;
        const start = run[i]?.start ?? 0;
        const text = plain.slice(start, last.start + last.text.length);
        if (seen.has(text) || displayWidth(text) > MAX_TITLE_COLUMNS) continue;
        if (hasCjk(text) && [...text].filter((c) => CJK_CHAR.test(c)).length < 2 && j === i) continue;
        seen.add(text);
        out.push({ text, kind: 'phrase', words: j - i + 1 });
      }
    }
    run = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token;
    if (token.word) {
      if (isStop(token.text) && !(INNER_STOP_WORDS.has(token.text.toLowerCase()) && run.length > 0)) flush();
      else run.push(token);
    } else if (!/^[ \t]$/u.test(token.text) || !(tokens[k + 1]?.word ?? false) || run.length === 0) {
      // One space between words continues a run; anything else ends it.
      if (!(/^[ \t]$/u.test(token.text) && run.length > 0)) flush();
    }
  }
  flush();
  return out;
}

/** Pieces of a bullet between clause punctuation that are short enough to be a title by themselves. */
export function shortClauses(bullet: string): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  for (const piece of bullet.split(/\s*[,:;—–，：；]\s*|\s+-\s+/u)) {
    const text = piece
      .trim()
      .replace(/[.!?。！？…]+$/u, '')
      .replace(/^(?:(?:and|but|or|so|yet|then|also|perhaps)\s+|(?:e\.g|i\.e|vs|cf|etc)\.\s*)/iu, '');
    const cjk = hasCjk(text);
    const words = cjk ? Array.from(wordSegmenter.segment(text)).filter((s) => s.isWordLike).length : text.split(/\s+/u).length;
    if (words < 2 || words > 6 || displayWidth(text) > MAX_TITLE_COLUMNS) continue;
    // A clause that stops on a function word or a possessive, or opens a quote it does not close, is cut short.
    const last = (text.split(/\s+/u).pop() ?? '').toLowerCase();
    if (!cjk && (isStop(last) || /[’']s$/u.test(last))) continue;
    if ((text.match(/[“"]/gu)?.length ?? 0) !== (text.match(/[”"]/gu)?.length ?? 0)) continue;
    out.push({ text, kind: 'clause', words });
  }
  return out;
}

const DETERMINERS = new Set(
  'the a an this these those its their our your his her my no any some every each such of in on for with by from about into between than'.split(' '),
);
const ARTICLES = new Set('the a an this these those its their our your his her my no any some every each such'.split(' '));
const VERB_CUES = new Set('to i we you they he she can could will would should must may might does do did not'.split(' '));
const COPULAS = new Set('is are was were has have can could will would must should does do'.split(' '));
const OBJECTS = new Set('the a an this these those its their our your his her my to'.split(' '));
const RELATIVES = new Set(['which', 'who', 'that']);
const PREPOSITIONS = new Set('on upon in with for from into'.split(' '));
const WORD = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;

/**
 * Evidence, from how words are used in English passages, of which words are nouns: a word after
 * a determiner or preposition (or an adjective after one), or before "is", "are", "has"…, leans
 * noun; a word after "to", a subject pronoun or a modal leans verb. Good enough to keep slide
 * titles from ending in a verb ("Hardware layer carries") without a part-of-speech tagger.
 */
export class NounEvidence {
  private readonly noun = new Map<string, number>();
  private readonly verb = new Map<string, number>();

  observe(plain: string): void {
    const words = plain.match(WORD) ?? [];
    for (let i = 0; i < words.length; i++) {
      const w = (words[i] ?? '').toLowerCase();
      const prev = (words[i - 1] ?? '').toLowerCase();
      const prev2 = (words[i - 2] ?? '').toLowerCase();
      const next = (words[i + 1] ?? '').toLowerCase();
      if (STOP_WORDS.has(w)) continue;
      if (DETERMINERS.has(prev) || (ARTICLES.has(prev2) && !STOP_WORDS.has(prev)) || COPULAS.has(next)) this.noun.set(w, (this.noun.get(w) ?? 0) + 1);
      // A verb: after "to", a pronoun or a modal; before an article or "to" ("constitute the end",
      // "tends to"); or ending in -s after a relative pronoun or before a preposition ("that
      // provides", "depends on").
      const thirdPerson = OBJECTS.has(next) || (w.endsWith('s') && !w.endsWith('ss') && (RELATIVES.has(prev) || PREPOSITIONS.has(next)));
      if (VERB_CUES.has(prev) || thirdPerson) this.verb.set(w, (this.verb.get(w) ?? 0) + 1);
    }
  }

  /** Whether a word was seen used as a noun more than as a verb (names and terms always are). */
  nounish(word: string): boolean {
    if (/\p{Lu}/u.test(word.slice(1)) || /\d/u.test(word)) return true;
    const lower = word.toLowerCase();
    if (/ly$/u.test(lower) && lower.length > 4) return false;
    return (this.noun.get(lower) ?? 0) > (this.verb.get(lower) ?? 0);
  }

  /** Whether a (lower-cased) word is used as a verb more than as a noun. */
  verbish(word: string): boolean {
    return (this.verb.get(word) ?? 0) > (this.noun.get(word) ?? 0);
  }
}
