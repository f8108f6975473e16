import { slideText, type Deck } from '../deck/index.js';
// source-ref.js directly, as write-deck.ts imports it: parse/index.js would pull in marked and yaml.
import { collapseWhitespace } from '../parse/source-ref.js';
import { readArticle, type Article, type Sentence } from './article.js';
import { speechSeconds } from './budget.js';
import { centrality } from './centrality.js';
import type { ReadArticle } from './compile-talk.js';
import { idfOver } from './plan-talk.js';
import { plainText } from './inline.js';
import type { Citation, Talk } from './talk.js';
import { TermIndex } from './tokens.js';
import { WORD_RULES_INEXACT } from './unicode-inexact.js';
import { vectorFromIds, Vocabulary } from './vectors.js';
import { shownText } from './write-deck.js';

/**
 * What a talk leaves out: for each article a deck cites, the passages its slides cite, the most
 * salient passages no slide cites (ranked by the compiler's own LexRank centrality over the
 * article's sentences), the headings that have a slide, and how much of the article reaches the
 * screen or only the notes.
 *
 * A sentence is *cited* when a slide's `<!-- source: -->` lines overlap its lines. A cited sentence
 * *reaches the screen* when at least a third of its content terms (stemmed, stop words out; the
 * compiler's own tokeniser, CJK included) are on the slide's visible text; otherwise it reaches
 * only the notes. A heading *has a slide* when a sentence under it (or the heading's own line) is
 * cited.
 */

/** Share of a sentence's terms that must be on the slide for it to count as shown. */
const ON_SCREEN_SHARE = 1 / 3;
/** How many uncited passages are listed per article. */
const MISSED_COUNT = 5;

export interface CitedPassage {
  startLine: number;
  endLine: number;
  quote: string;
  /** 1-based slides citing it, ascending. */
  slides: number[];
}

export interface MissedPassage {
  startLine: number;
  endLine: number;
  quote: string;
  /** Centrality among the article's sentences, 1 for the most central. */
  salience: number;
  /** The heading it sits under ('' before any). */
  heading: string;
}

export interface HeadingCoverage {
  text: string;
  level: number;
  line: number;
  /** 1-based slides citing the heading or a sentence under it. */
  slides: number[];
  sentences: number;
  /** Sentences under it cited on a slide, shown or in the notes. */
  cited: number;
}

export interface ArticleCoverage {
  path: string;
  /** Null when the article cannot be read; the reason. */
  error: string | null;
  sentences: number;
  /** Sentences whose words reach a slide's screen. */
  onScreen: number;
  /** Sentences cited but whose words stay in the notes. */
  notesOnly: number;
  cited: CitedPassage[];
  missed: MissedPassage[];
  headings: HeadingCoverage[];
}

export interface DeckCoverage {
  articles: ArticleCoverage[];
  /** Words (CJK characters counted one each) on screen, all steps shown. */
  screenWords: number;
  /** Length of the talk: the deck's duration, else its slides' times, else its notes said aloud. */
  talkMinutes: number;
  screenWordsPerMinute: number;
}

/** Characters counted one word each: kana, Han and Hangul. */
const COUNTED_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;
const COUNTED_CJK_ALL = new RegExp(COUNTED_CJK.source, 'gu');
/** Ideographs and kana: each one word here, however ICU's dictionary groups them. */
const IDEOGRAPHIC = /(?![\uFF66-\uFF9F])[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u303B\u30FC]/u;
const LETTER = /[\p{L}\p{M}\u200C\u200D]/u;
const DIGIT = /\p{Nd}/u;
const MARK = /[\p{M}\p{Cf}]/u;
/** What joins two letters into one word (UAX #29's MidLetter, with the colon, and MidNumLet), and two digits (MidNum and MidNumLet). */
const BETWEEN_LETTERS = /[.:'\uFE55\uFF1A\u2018\u2019\u2024\uFE52\uFF07\uFF0E\u00B7\u0387\u05F4\u2027\uFE13]/u;
const BETWEEN_DIGITS = /[.'\u2018\u2019\u2024\uFE52\uFF07\uFF0E,;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B]/u;

let wordSegmenter: Intl.Segmenter | null = null;

/**
 * Words of a text as ICU's word segmenter finds them (UAX #29): runs of letters and digits, joined
 * by an apostrophe or a full stop between letters ("don't", "e.g") and by a comma or a full stop
 * between digits ("3,000", "3.14"); each CJK character one word. Counted here rather than by
 * Intl.Segmenter: the first segmenter a process makes costs ICU's start, about 16 ms, and `build`
 * needs no other. Text holding a character these rules read otherwise than ICU does (a combining
 * mark of another script, 々, a soft hyphen, Thai, which only a dictionary cuts: WORD_RULES_INEXACT)
 * is counted by ICU.
 */
export function countWords(text: string): number {
  if (WORD_RULES_INEXACT.test(text)) {
    wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
    let words = 0;
    for (const segment of wordSegmenter.segment(text)) {
      if (!segment.isWordLike) continue;
      const cjk = segment.segment.match(COUNTED_CJK_ALL)?.length ?? 0;
      words += cjk > 0 ? cjk : 1;
    }
    return words;
  }
  let words = 0;
  let inWord = false;
  /** What the word's last character was, for the joiners that follow it. */
  let last = Kind.Letter;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    const nextAt = i + width;
    i = nextAt;
    switch (kind) {
      case Kind.Ideograph:
      case Kind.CountedIdeograph:
        if (inWord) words++;
        inWord = false;
        if (kind === Kind.CountedIdeograph) words++;
        continue;
      case Kind.Underscore: {
        // An underscore joins what is on either side of it ("FZF_CTRL_R_OPTS", "x_"); two or more alone are a word too.
        const next = nextAt < n ? kindOf(text.codePointAt(nextAt) as number) : Kind.Other;
        if (!inWord && (next === Kind.Underscore || next === Kind.Letter || next === Kind.Digit)) inWord = true;
        last = Kind.Underscore;
        continue;
      }
      case Kind.Mark:
        // A mark (a variation selector, an accent) belongs to the character before it: it starts no word.
        continue;
      case Kind.Letter:
      case Kind.Digit:
        inWord = true;
        last = kind;
        continue;
      default: {
        // A joiner between two letters or two digits keeps the word going.
        if (inWord && kind !== Kind.Other && nextAt < n) {
          const next = kindOf(text.codePointAt(nextAt) as number);
          if ((last === Kind.Letter && next === Kind.Letter && kind !== Kind.DigitJoiner) || (last === Kind.Digit && next === Kind.Digit && kind !== Kind.LetterJoiner)) continue;
        }
        if (inWord) words++;
        inWord = false;
      }
    }
  }
  if (inWord) words++;
  return words;
}

/** What a character is to the word count. */
const enum Kind {
  Other,
  Letter,
  Digit,
  Underscore,
  Mark,
  Ideograph,
  CountedIdeograph,
  /** Joins letters only (":", "·"), digits only (",", ";"), or both (".", "'"). */
  LetterJoiner,
  DigitJoiner,
  Joiner,
}

const kinds = new Map<number, Kind>();

/** The kinds of the ASCII characters, looked up first. */
const ASCII_KINDS = Array.from({ length: 0x80 }, (_, code) => classify(code));

function kindOf(code: number): Kind {
  if (code < 0x80) return ASCII_KINDS[code] as Kind;
  let kind = kinds.get(code);
  if (kind === undefined) {
    kind = classify(code);
    kinds.set(code, kind);
  }
  return kind;
}

function classify(code: number): Kind {
  const c = String.fromCodePoint(code);
  if (IDEOGRAPHIC.test(c)) return COUNTED_CJK.test(c) ? Kind.CountedIdeograph : Kind.Ideograph;
  if (c === '_') return Kind.Underscore;
  if (LETTER.test(c) && !MARK.test(c)) return Kind.Letter;
  if (DIGIT.test(c)) return Kind.Digit;
  if (MARK.test(c)) return Kind.Mark;
  if (BETWEEN_LETTERS.test(c)) return BETWEEN_DIGITS.test(c) ? Kind.Joiner : Kind.LetterJoiner;
  if (BETWEEN_DIGITS.test(c)) return Kind.DigitJoiner;
  return Kind.Other;
}

/**
 * What coverage looks at in a slide: its number (1-based), the passages it cites and the text it
 * shows (deck/plain-text's compact slideText of the slide as read).
 */
interface CoverSlide {
  index: number;
  sources: readonly Citation[];
  text: string;
}

function talkMinutes(deck: Deck): number {
  if (deck.meta.durationMs) return deck.meta.durationMs / 60000;
  const timed = deck.slides.reduce((sum, slide) => sum + (slide.timeMs ?? 0), 0);
  if (timed > 0 && deck.slides.every((slide) => slide.timeMs !== null)) return timed / 60000;
  const spoken = deck.slides.reduce((sum, slide) => sum + (slide.timeMs ?? speechSeconds(slide.notes) * 1000), 0);
  return Math.max(spoken, 1000) / 60000;
}

/** LexRank centrality of an article's sentences, from their term ids. */
function centralities(terms: readonly number[][], vocabularySize: number): number[] {
  const idf = idfOver(terms, vocabularySize);
  const vectors = terms.map((ids) => vectorFromIds(ids, (id, c) => (1 + Math.log(c)) * idf(id)));
  return centrality(vectors, vocabularySize);
}

const overlaps = (s: { startLine: number; endLine: number }, ref: Citation) => ref.startLine <= s.endLine && ref.endLine >= s.startLine;

function coverArticle(path: string, article: Article, slides: readonly CoverSlide[], withMissed: boolean): ArticleCoverage {
  const vocab = new Vocabulary();
  const index = new TermIndex((term) => vocab.id(term), 'pairs');
  // Every sentence's terms when the passages left out are ranked; else only the cited ones' (ids
  // are only compared with each other, so the order they are made in does not matter).
  const terms: (number[] | undefined)[] = withMissed ? article.sentences.map((s) => index.ids(s.plain)) : [];
  const central = withMissed ? centralities(terms as number[][], vocab.size) : [];
  const termsOf = (i: number) => (terms[i] ??= index.ids((article.sentences[i] as Sentence).plain));

  const refs = slides.flatMap((slide) => slide.sources.filter((ref) => ref.path === path).map((ref) => ({ ref, slide: slide.index })));
  const texts = new Map(slides.map((slide) => [slide.index, slide.text]));
  const screens = new Map<number, Set<number>>();
  const screenOf = (slide: number) => {
    let set = screens.get(slide);
    if (!set) {
      set = new Set(index.ids(texts.get(slide) ?? ''));
      screens.set(slide, set);
    }
    return set;
  };

  let onScreen = 0;
  let notesOnly = 0;
  const citedBy: number[][] = article.sentences.map((s, i) => {
    const slides = [...new Set(refs.filter(({ ref }) => overlaps(s, ref)).map(({ slide }) => slide))].sort((a, b) => a - b);
    if (slides.length > 0) {
      const own = new Set(termsOf(i));
      const shown = slides.some((slide) => {
        const screen = screenOf(slide);
        let hits = 0;
        for (const id of own) if (screen.has(id)) hits++;
        return own.size > 0 && hits / own.size >= ON_SCREEN_SHARE;
      });
      if (shown) onScreen++;
      else notesOnly++;
    }
    return slides;
  });

  const passages = new Map<string, CitedPassage>();
  for (const { ref, slide } of refs) {
    const key = `${ref.startLine}:${ref.endLine}`;
    const passage = passages.get(key) ?? { startLine: ref.startLine, endLine: ref.endLine, quote: ref.quote, slides: [] };
    if (!passage.slides.includes(slide)) passage.slides.push(slide);
    passages.set(key, passage);
  }
  const headingText = (h: number) => (h < 0 ? '' : plainText(article.headings[h]?.text ?? '', article.definitions));
  const missed = !withMissed
    ? []
    : article.sentences
      .map((s: Sentence, i) => ({ s, i, salience: central[i] ?? 0 }))
      .filter(({ i }) => (citedBy[i] ?? []).length === 0)
      .sort((a, b) => b.salience - a.salience || a.i - b.i)
      .slice(0, MISSED_COUNT)
      .map(({ s, salience }) => ({ startLine: s.startLine, endLine: s.endLine, quote: s.quote, salience: Math.round(salience * 1000) / 1000, heading: headingText(s.heading) }));

  const headings = article.headings.map((h, k): HeadingCoverage => {
    const under = article.sentences.flatMap((s, i) => (s.heading === k ? [i] : []));
    const own = refs.filter(({ ref }) => overlaps({ startLine: h.line, endLine: h.endLine }, ref)).map(({ slide }) => slide);
    const slides = [...new Set([...own, ...under.flatMap((i) => citedBy[i] ?? [])])].sort((a, b) => a - b);
    return { text: headingText(k), level: h.level, line: h.line, slides, sentences: under.length, cited: under.filter((i) => (citedBy[i] ?? []).length > 0).length };
  });

  return {
    path,
    error: null,
    sentences: article.sentences.length,
    onScreen,
    notesOnly,
    cited: [...passages.values()].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine),
    missed,
    headings,
  };
}

/**
 * What coverDeck may skip: `missed: false` leaves every article's `missed` empty (no centrality
 * computed), all `build` needs; `read` gives articles already read.
 */
export interface CoverOptions {
  missed?: boolean;
  /** Articles already read (by the compiler), by path: one whose text is the same is not read again. */
  read?: ReadonlyMap<string, ReadArticle>;
}

/**
 * The coverage of every article a deck cites, in the order the deck first cites them. `readSource`
 * reads a cited path (through the deck's confined reader) and throws or returns null when it cannot.
 */
export function coverDeck(deck: Deck, readSource: (path: string) => string | null, options: CoverOptions = {}): DeckCoverage {
  const slides = deck.slides.map((slide): CoverSlide => ({ index: slide.index, sources: slide.sources, text: slideText(slide) }));
  return coverSlides(slides, talkMinutes(deck), readSource, options);
}

/**
 * The coverage of a talk the compiler has just planned, the same as coverDeck gives for the deck
 * writeDeck writes of it (a test compares them over the corpus), without reading that deck back:
 * each slide's citations and shown text come from the plan, the articles from the compilation.
 * What `build` prints and records.
 */
export function coverTalk(talk: Talk, articles: ReadonlyMap<string, ReadArticle>): DeckCoverage {
  // A directive holds its quote with whitespace collapsed.
  const slides = talk.slides.map((slide, i): CoverSlide => ({ index: i + 1, sources: slide.sources.map((c) => ({ ...c, quote: collapseWhitespace(c.quote) })), text: shownText(slide) }));
  // The deck's `duration` (whole seconds), else its slides' times: as talkMinutes reads them.
  const seconds = Math.round(talk.minutes * 60);
  const timed = talk.slides.reduce((sum, slide) => sum + slide.timeSeconds, 0);
  const minutes = seconds > 0 ? seconds / 60 : timed > 0 ? timed / 60 : 1 / 60;
  return coverSlides(slides, minutes, (path) => articles.get(path)?.text ?? null, { missed: false, read: articles });
}

function coverSlides(slides: readonly CoverSlide[], minutes: number, readSource: (path: string) => string | null, options: CoverOptions): DeckCoverage {
  const paths = [...new Set(slides.flatMap((slide) => slide.sources.map((ref) => ref.path)))];
  const articles = paths.map((path, i): ArticleCoverage => {
    let text: string | null;
    let reason = 'cannot be read';
    try {
      text = readSource(path);
    } catch (error) {
      text = null;
      reason = error instanceof Error ? error.message : String(error);
    }
    const empty = { path, sentences: 0, onScreen: 0, notesOnly: 0, cited: [], missed: [], headings: [] };
    if (text === null) return { ...empty, error: reason };
    try {
      const known = options.read?.get(path);
      const article = known && known.text === text ? known.article : readArticle(i, path, text);
      return coverArticle(path, article, slides, options.missed !== false);
    } catch (error) {
      return { ...empty, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const screenWords = slides.reduce((sum, slide) => sum + countWords(slide.text), 0);
  return { articles, screenWords, talkMinutes: Math.round(minutes * 10) / 10, screenWordsPerMinute: Math.round(screenWords / minutes) };
}

/** The headings a deck's slides cover, as `path#heading text`: what `build` records and `check` compares against. */
export function coveredHeadings(coverage: DeckCoverage): string[] {
  return coverage.articles.flatMap((a) => a.headings.filter((h) => h.slides.length > 0).map((h) => `${a.path}#${h.text}`));
}

/** One line for `build`: how much of the articles the talk shows, and what it leaves out. */
export function coverageSummary(coverage: DeckCoverage): string {
  const sentences = coverage.articles.reduce((sum, a) => sum + a.sentences, 0);
  const shown = coverage.articles.reduce((sum, a) => sum + a.onScreen, 0);
  const notes = coverage.articles.reduce((sum, a) => sum + a.notesOnly, 0);
  const headings = coverage.articles.reduce((sum, a) => sum + a.headings.length, 0);
  const covered = coverage.articles.reduce((sum, a) => sum + a.headings.filter((h) => h.slides.length > 0).length, 0);
  const pct = (n: number) => `${sentences === 0 ? 0 : Math.round((100 * n) / sentences)}%`;
  return `coverage: ${pct(shown)} of the articles' ${sentences} sentences on screen, ${pct(notes)} only in the notes; ${headings > 0 ? `${covered} of ${headings} headings have a slide; ` : ''}${coverage.screenWordsPerMinute} words on screen a minute (talkdeck coverage DECK for the details)`;
}

/** The front-matter key where `build` records the headings the talk covers, for `check` to compare later. */
export const COVERED_HEADINGS_KEY = 'covered_headings';

/**
 * The deck's text with the headings its citations cover recorded in its front matter (one
 * `path#heading` a line, as JSON strings, which YAML reads as they are); unchanged when none.
 */
export function recordCoveredHeadings(markdown: string, headings: readonly string[]): string {
  if (headings.length === 0 || !markdown.startsWith('---\n')) return markdown;
  const end = markdown.indexOf('\n---\n', 3);
  if (end < 0) return markdown;
  const lines = [`${COVERED_HEADINGS_KEY}:`, ...headings.map((h) => `  - ${JSON.stringify(h)}`)];
  return `${markdown.slice(0, end + 1)}${lines.join('\n')}\n${markdown.slice(end + 1)}`;
}

/** Headings recorded at build time (see recordCoveredHeadings) that the deck's citations no longer cover. */
export function lostHeadings(deck: Deck, coverage: DeckCoverage): string[] {
  const recorded = deck.meta.extra[COVERED_HEADINGS_KEY];
  if (!Array.isArray(recorded)) return [];
  const now = new Set(coveredHeadings(coverage));
  return recorded.filter((h): h is string => typeof h === 'string' && !now.has(h));
}
