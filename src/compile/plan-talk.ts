import type { Article, Attribution, Figure, Sentence } from './article.js';
import type { Heading } from './blocks.js';
import { apportion, bulletsFor, naturalMinutes, planBudget, round5, speechSeconds, type Budget } from './budget.js';
import { centrality, selectMmr } from './centrality.js';
import { bulletLength, condenseBullet, condenseTaggingText, crossReference, danglingReference, type BulletText } from './condense.js';
import { plainText, stripMarkup } from './inline.js';
import { STRUCTURE_WORDS, type TalkLanguage } from './structure-words.js';
import { authorAliases, namesAuthor, newVoice, reportingSpeaker } from './reports.js';
import { findSupport, type Analysis, type Support } from './support.js';
import { conclusionScores } from './takeaways.js';
import type { Citation, NotesParagraph, Talk, TalkBullet, TalkFigure, TalkSlide, TalkSource } from './talk.js';
import { opensConclusion, partStarts } from './discourse.js';
import { depthScores, gapCohesion, topicStarts } from './text-tiling.js';
import { displayWidth } from './text-width.js';
import { pointsBack, titleCandidates, titleFault, type TitleCandidate } from './titles.js';
import { glossaryTerms, hasCjk, stem, TermIndex } from './tokens.js';
import { STOP_WORDS } from './stop-words.js';
import { centroidSimilarities, cosine, vectorFromIds, Vocabulary, type SparseVector } from './vectors.js';
import { pretag, taggedWords } from './words.js';

/** Seconds a content slide aims to hold: about one slide a minute and a quarter. */
const SECONDS_PER_SLIDE = 75;
/** Seconds given to a slide beyond the speech of its notes: the audience reads it. */
const READING_SECONDS = 5;
/** Sentences of a chunk considered for its bullets, most central first. */
const MAX_BULLET_SOURCES = 6;
/** Code lines and table rows a slide shows at most, and the widest code line. */
const MAX_CODE_LINES = 8;
const MAX_CODE_COLUMNS = 72;
const MAX_TABLE_ROWS = 5;
const MAX_TABLE_COLUMNS = 4;
const MAX_CELL_COLUMNS = 22;
/** The most slides another article's own points get. */
const MAX_ADDED_SLIDES = 3;

export interface PlanOptions {
  /** Length of the talk; the articles' natural length when not given. */
  minutes?: number;
  title?: string;
  /** Language of the structure slides; the main article's when not given. */
  lang?: TalkLanguage;
  /** Whether a local image (path relative to the deck) can be shown; remote images always can. */
  localImage?: (path: string) => boolean;
}

/** A planned talk, and what `build` tells the user about it. */
export interface PlanResult {
  talk: Talk;
  /** Seconds it takes to say everything the articles hold, and the talk length that fits it. */
  speechSeconds: number;
  naturalMinutes: number;
  /** Whether the asked-for minutes are more than the articles hold. */
  tooShort: boolean;
}

/** A run of the main article's sentences, [start, end), as one section of the talk. */
interface Section {
  start: number;
  end: number;
  heading: Heading | null;
  chunks: { start: number; end: number }[];
}

interface Bullet {
  sentence: Sentence;
  text: string;
  score: number;
  vector: SparseVector;
  partial: boolean;
}

interface ContentPlan {
  /** Index of its section; sections.length for slides of another article's own points. */
  section: number;
  chunk: { start: number; end: number };
  /** The article the slide's sentences come from. */
  article: Article;
  bullets: Bullet[];
  /** Sentences the notes say, in source order; each is cited. */
  spoken: Sentence[];
  title: string;
  titleFrom: Sentence | null;
  /** The heading a slide's title is, cited on the slide. */
  titleCite?: Citation;
  figure: { figure: Figure; shown: TalkFigure; startLine: number; endLine: number } | null;
  support: Support[];
  /** Bullets the slide could also show, best first: what stands in for one that repeats a title. */
  spare: Bullet[];
}

/** Normalises a link target so that the same page linked from two articles matches. */
function urlKey(url: string): string {
  return `url:${url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//u, '')
    .replace(/^www\./u, '')
    .replace(/[#?].*$/u, '')
    .replace(/\/+$/u, '')}`;
}

/** Names and numbers of a sentence as term ids: capitalised words past its first, words with digits, Latin words in Chinese text. */
function namesOf(plain: string, vocab: Vocabulary): Set<number> {
  const out = new Set<number>();
  const cjk = hasCjk(plain);
  let k = 0;
  for (const m of plain.matchAll(/[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’-]*/gu)) {
    const token = m[0];
    if ((cjk && /\p{L}{2}/u.test(token)) || /\d/u.test(token) || (k > 0 && /^\p{Lu}/u.test(token) && !/^(?:I|I'm|I’m)$/u.test(token))) out.add(vocab.id(stem(token.toLowerCase().replace(/['’].*$/u, ''))));
    k++;
  }
  return out;
}

function analyze(article: Article, vocab: Vocabulary, index: TermIndex, withNames: boolean): Analysis {
  const terms: number[][] = [];
  const anchors: number[][] = [];
  const names: Set<number>[] = [];
  for (const s of article.sentences) {
    // Names are the evidence a supporting passage brings: only the other articles' are looked at.
    names.push(withNames ? namesOf(s.plain, vocab) : new Set());
    terms.push(index.ids(s.plain));
    anchors.push(
      s.urls.length === 0 && !hasCjk(s.plain)
        ? []
        : [...s.urls.filter((u) => /^(?:https?:\/\/|www\.)/iu.test(u)).map(urlKey), ...glossaryTerms(s.plain)].map((t) => vocab.id(t)),
    );
  }
  return { article, terms, anchors, names };
}

/** Inverse document frequency over a set of sentences (each sentence a document). */
export function idfOver(termLists: readonly (readonly number[])[], vocabularySize: number): (id: number) => number {
  const df = new Int32Array(vocabularySize);
  const seen = new Int32Array(vocabularySize).fill(-1);
  termLists.forEach((ids, k) => {
    for (const id of ids) {
      if (seen[id] === k) continue;
      seen[id] = k;
      df[id] = (df[id] ?? 0) + 1;
    }
  });
  const n = termLists.length;
  return (id) => Math.log((n + 1) / ((df[id] ?? 0) + 0.5));
}

/** Sections from the main article's headings: one per top-level heading, preamble first. */
function sectionsFromHeadings(main: Article): Section[] {
  const headings = main.headings;
  const top = Math.min(...headings.map((h) => h.level));
  const topOf: number[] = [];
  let current = -1;
  headings.forEach((h, i) => {
    if (h.level <= top) current = i;
    topOf.push(current);
  });
  const sections: Section[] = [];
  let lastKey: number | null = null;
  main.sentences.forEach((s, i) => {
    const key = s.heading < 0 ? -1 : (topOf[s.heading] ?? -1);
    const last = sections[sections.length - 1];
    // A heading with no words of its own (`## {{% heading "prerequisites" %}}`, a template's) still
    // starts a section, which is then named like one without a heading.
    const found = key < 0 ? null : (headings[key] ?? null);
    const heading = found && plainText(found.text, main.definitions).trim() !== '' ? found : null;
    if (last && lastKey === key) last.end = i + 1;
    else sections.push({ start: i, end: i + 1, heading, chunks: [] });
    lastKey = key;
  });
  return sections;
}

/** Sections inferred from lexical cohesion (TextTiling) when the article has no headings. */
function sectionsFromTopics(main: Article, gapWorth: readonly number[], count: number): Section[] {
  const n = main.sentences.length;
  const starts = topicStarts(
    gapWorth,
    main.sentences.map((s) => s.opensBlock),
    count,
  );
  const sections: Section[] = [];
  let start = 0;
  for (const next of [...starts, n]) {
    if (next > start) sections.push({ start, end: next, heading: null, chunks: [] });
    start = next;
  }
  return sections;
}

/**
 * Sections of an essay without headings that marks its own parts (see `partStarts`): one per
 * part; a part much longer than the others is cut further at its deepest cohesion dip, while
 * the talk has room for more sections.
 */
function sectionsFromParts(main: Article, starts: readonly number[], gapWorth: readonly number[], count: number, length: (s: Section) => number): Section[] {
  const n = main.sentences.length;
  const sections: Section[] = [];
  let from = 0;
  for (const next of [...starts, n]) {
    if (next > from) sections.push({ start: from, end: next, heading: null, chunks: [] });
    from = next;
  }
  while (sections.length < count) {
    const total = sections.reduce((a, s) => a + length(s), 0);
    let longest = -1;
    for (let i = 0; i < sections.length; i++) if (longest < 0 || length(sections[i] as Section) > length(sections[longest] as Section)) longest = i;
    const section = sections[longest] as Section;
    if (section.end - section.start < 10 || length(section) < (total / sections.length) * 1.5) break;
    const inside = topicStarts(
      gapWorth.slice(section.start, section.end - 1),
      main.sentences.slice(section.start, section.end).map((s) => s.opensBlock),
      2,
    );
    const cut = inside[0];
    if (cut === undefined) break;
    sections.splice(longest, 1, { start: section.start, end: section.start + cut, heading: null, chunks: [] }, { start: section.start + cut, end: section.end, heading: null, chunks: [] });
  }
  return sections;
}

/** Merges neighbouring sections, smallest pair first, until at most `max` remain. */
function mergeSections(sections: Section[], max: number, length: (s: Section) => number): Section[] {
  const out = [...sections];
  while (out.length > Math.max(1, max)) {
    let best = 0;
    let bestSize = Infinity;
    for (let i = 0; i + 1 < out.length; i++) {
      const size = length(out[i] as Section) + length(out[i + 1] as Section);
      if (size < bestSize) {
        bestSize = size;
        best = i;
      }
    }
    const a = out[best] as Section;
    const b = out[best + 1] as Section;
    out.splice(best, 2, { start: a.start, end: b.end, heading: a.heading ?? b.heading, chunks: [] });
  }
  return out;
}

/** Slides per section, in proportion to length, at least one each and at most one per two sentences. */
function allocateSlides(sections: readonly Section[], total: number, length: (s: Section) => number): number[] {
  const caps = sections.map((s) => Math.max(1, Math.floor((s.end - s.start) / 2)));
  const alloc = sections.map(() => 1);
  let left = Math.min(total, caps.reduce((a, b) => a + b, 0)) - alloc.length;
  const lengths = sections.map(length);
  while (left > 0) {
    let best = -1;
    let bestNeed = -Infinity;
    lengths.forEach((len, i) => {
      if ((alloc[i] ?? 0) >= (caps[i] ?? 0)) return;
      const need = len / ((alloc[i] ?? 1) + 0.5);
      if (need > bestNeed) {
        bestNeed = need;
        best = i;
      }
    });
    if (best < 0) break;
    alloc[best] = (alloc[best] ?? 0) + 1;
    left--;
  }
  return alloc;
}

/**
 * Cuts a section into `k` chunks of about equal speech, each cut at the best gap near its target:
 * deep cohesion dips, paragraph starts and subheadings are preferred.
 */
function splitSection(section: Section, k: number, gapWorth: readonly number[], lengths: readonly number[]): { start: number; end: number }[] {
  const { start, end } = section;
  const n = end - start;
  if (k <= 1 || n < 2) return [{ start, end }];
  const minSize = Math.max(1, Math.min(2, Math.floor(n / k)));
  const cum: number[] = [0];
  for (let i = start; i < end; i++) cum.push((cum[cum.length - 1] ?? 0) + (lengths[i] ?? 0));
  const total = cum[n] ?? 1;
  const chunks: { start: number; end: number }[] = [];
  let from = start;
  for (let j = 1; j < k; j++) {
    const target = (total * j) / k;
    let best = -1;
    let bestValue = -Infinity;
    const share = total / k;
    for (let pass = 0; pass < 2 && best < 0; pass++) {
      for (let at = from + minSize; at <= end - (k - j) * minSize; at++) {
        const here = (cum[at - start] ?? 0) - (cum[from - start] ?? 0);
        const rest = total - (cum[at - start] ?? 0);
        if (pass === 0 && (here < share / 2 || rest < (share / 2) * (k - j))) continue;
        const value = (gapWorth[at - 1] ?? 0) - Math.abs((cum[at - start] ?? 0) - target) / share;
        if (value > bestValue) {
          bestValue = value;
          best = at;
        }
      }
    }
    if (best < 0) break;
    chunks.push({ start: from, end: best });
    from = best;
  }
  chunks.push({ start: from, end });
  return chunks;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Cuts a cell or caption to `max` columns at a word boundary, marking the cut with "…". */
function shorten(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const piece of text.split(/(\s+)/u)) {
    if (displayWidth(out + piece) > max - 1) break;
    out += piece;
  }
  if (!out.trim()) {
    for (const char of text) {
      if (displayWidth(out + char) > max - 1) break;
      out += char;
    }
  }
  return `${out.trimEnd()}…`;
}

/** Joins an image source to the folder of the article that names it; null when the deck cannot reach it. */
function imagePath(articlePath: string, src: string): string | null {
  if (/^https?:\/\//iu.test(src)) return src;
  if (/[{}%]|^[a-z][a-z0-9+.-]*:|^\/|^#/iu.test(src) || src === '') return null;
  const parts = articlePath.split('/').slice(0, -1);
  for (const part of decodeURI(src.split(/[?#]/u)[0] ?? '').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0 || parts[parts.length - 1] === '..') parts.push('..');
      else parts.pop();
    } else parts.push(part);
  }
  const path = parts.join('/');
  return path.startsWith('../') || path === '..' ? null : path;
}

/** The planner's state for one compilation. */
class Planner {
  readonly vocab = new Vocabulary();
  readonly index = new TermIndex((term) => this.vocab.id(term), 'pairs');
  readonly analyses: Analysis[];
  readonly main: Article;
  readonly mainTerms: number[][];
  readonly idf: (id: number) => number;
  readonly vectors: SparseVector[];
  readonly lang: TalkLanguage;
  private readonly usedTitles: { text: string; ids: Set<number> }[] = [];
  private readonly speechCache = new Map<Sentence, number>();
  private readonly centralCache = new Map<string, number[]>();

  private readonly vectorCache = new Map<Analysis, SparseVector[]>();

  /** An article's sentence vectors, made once. */
  vectorsOf(analysis: Analysis): SparseVector[] {
    if (analysis.article === this.main) return this.vectors;
    let v = this.vectorCache.get(analysis);
    if (!v) {
      v = analysis.terms.map((ids) => this.vectorOf(ids));
      this.vectorCache.set(analysis, v);
    }
    return v;
  }

  /** LexRank centrality of an article's sentences [start, end), remembered: several steps ask for the same section's. */
  centralOf(article: number, vectors: readonly SparseVector[], start: number, end: number): number[] {
    const key = `${article}:${start}:${end}`;
    let scores = this.centralCache.get(key);
    if (!scores) {
      scores = centrality(vectors.slice(start, end), this.vocab.size);
      this.centralCache.set(key, scores);
    }
    return scores;
  }

  private readonly textCache = new Map<Sentence, string>();

  /** A sentence with markup, asides and openers deleted: what bullets are condensed from and titles cut from, tagged once. */
  condensable(s: Sentence): string {
    let t = this.textCache.get(s);
    if (t === undefined) {
      t = condenseTaggingText(stripMarkup(s.raw, (this.articles[s.article] as Article).definitions).text);
      this.textCache.set(s, t);
    }
    return t;
  }

  /** Seconds to say a sentence, remembered: long articles ask for it again and again. */
  speech(s: Sentence): number {
    let t = this.speechCache.get(s);
    if (t === undefined) {
      t = speechSeconds(s.plain);
      this.speechCache.set(s, t);
    }
    return t;
  }
  private readonly idsCache = new Map<string, number[]>();

  constructor(
    readonly articles: readonly Article[],
    readonly options: PlanOptions,
  ) {
    this.analyses = articles.map((a, i) => analyze(a, this.vocab, this.index, i > 0));
    const first = this.analyses[0] as Analysis;
    this.main = first.article;
    this.mainTerms = first.terms;
    this.idf = idfOver(
      this.analyses.flatMap((a) => a.terms),
      this.vocab.size,
    );
    this.vectors = this.mainTerms.map((ids) => this.vectorOf(ids));
    this.lang = options.lang ?? this.main.language;
  }

  vectorOf(ids: readonly number[]): SparseVector {
    return vectorFromIds(ids, (id, c) => (1 + Math.log(c)) * this.idf(id));
  }

  /** Term ids of a short text (a title or bullet candidate), remembered: candidates repeat. */
  termIds(text: string): number[] {
    let ids = this.idsCache.get(text);
    if (!ids) {
      ids = this.index.ids(text);
      this.idsCache.set(text, ids);
    }
    return ids;
  }

  cite(s: Sentence): Citation {
    const article = this.articles[s.article] as Article;
    return { path: article.path, startLine: s.startLine, endLine: s.endLine, quote: s.quote };
  }

  plan(): PlanResult {
    const { main } = this;
    const sentences = main.sentences;
    const speech = sentences.map((s) => this.speech(s));
    const sectionSpeech = (s: Section) => {
      let sum = 0;
      for (let i = s.start; i < s.end; i++) sum += speech[i] ?? 0;
      return sum;
    };

    // What the other articles say that the main one does not: their own points, for a section of their own.
    // An echo needs less evidence than an "Also in" note: a translated quotation shares only a few glossary words.
    const perSentence = findSupport(
      sentences.map((_, i) => ({ start: i, end: i + 1 })),
      this.analyses,
      this.vocab,
      1.5,
    );
    const echoes = new Set(perSentence.flat().map((s) => s.sentence));
    const added = this.analyses.slice(1).map((analysis) => this.ownPoints(analysis, echoes));
    const addedSpeech = added.reduce((a, list) => a + list.reduce((b, s) => b + this.speech(s), 0), 0);
    const allSpeech = speech.reduce((a, b) => a + b, 0) + addedSpeech;
    const natural = naturalMinutes(allSpeech);
    const minutes = this.options.minutes ?? natural;
    const budget = planBudget(minutes);

    // Cohesion dips over the whole article, scaled to [0, 1]; subheadings and paragraph starts add worth.
    const depth = depthScores(gapCohesion(this.mainTerms, this.vocab.size));
    let maxDepth = 1e-9;
    for (const d of depth) if (d > maxDepth) maxDepth = d;
    // Where an essay without headings marks a new part itself (its introduction's end, an
    // enumerated argument, a turn, its closing paragraph): cuts a reader sees, whatever the cohesion says.
    const parts = main.headings.length === 0 ? partStarts(main) : [];
    const gapWorth = depth.map((d, g) => {
      const next = sentences[g + 1];
      const headingChange = next !== undefined && next.heading !== sentences[g]?.heading;
      return d / maxDepth + (next?.opensBlock ? 0.25 : 0) + (headingChange ? 0.6 : 0);
    });

    // How many content slides: about one per SECONDS_PER_SLIDE of what will be said.
    const structureGuess = budget.titleSeconds + (budget.agenda ? budget.agendaSeconds : 0) + budget.takeawaysSeconds + budget.questionsSeconds;
    const contentGuess = Math.max(30, budget.totalSeconds - structureGuess);
    const said = Math.min(allSpeech, contentGuess);
    const maxContent = Math.max(1, Math.floor(sentences.length / 2));
    // Slides for another article's own points: as its share of the time allows, and one for every four points at least.
    const addedSlides = added.map((list) =>
      list.length === 0 ? 0 : Math.min(MAX_ADDED_SLIDES, Math.max(1, Math.round((said * (list.reduce((b, s) => b + this.speech(s), 0) / allSpeech)) / SECONDS_PER_SLIDE), Math.ceil(list.length / 4)), Math.ceil(list.length / 2)),
    );
    const wanted = Math.max(1, Math.round(said / SECONDS_PER_SLIDE) - addedSlides.reduce((a, b) => a + b, 0));
    let sections: Section[];
    if (main.headings.length > 0) {
      const byHeading = sectionsFromHeadings(main);
      // At its natural length a talk gives each headed section with something to say (two sentences,
      // or one and a figure) a slide of its own: a short guide's three sections are three slides.
      const substantial = this.options.minutes === undefined ? byHeading.filter((x) => x.heading && (x.end - x.start >= 2 || main.sentences.slice(x.start, x.end).some((y) => y.figure >= 0))).length : 0;
      sections = mergeSections(byHeading, Math.min(maxContent, Math.max(1, wanted, Math.min(9, substantial))), sectionSpeech);
    } else {
      const count = Math.max(1, Math.min(8, Math.round(wanted / 2.2), Math.floor(sentences.length / 4)));
      sections = parts.length > 0 ? sectionsFromParts(main, parts, gapWorth, count, sectionSpeech) : sectionsFromTopics(main, gapWorth, count);
    }
    // An agenda of more than nine sections is a table of contents, not a talk's outline.
    sections = mergeSections(sections, 9, sectionSpeech);
    const contentCount = Math.max(sections.length, Math.min(maxContent, wanted));
    const perSection = allocateSlides(sections, contentCount, sectionSpeech);
    const stretch = contentGuess / Math.max(1, allSpeech);
    const ratio = Math.min(1, stretch);
    sections.forEach((s, i) => (s.chunks = splitSection(s, perSection[i] ?? 1, gapWorth, speech).flatMap((chunk) => this.oneFigureEach(main, chunk, speech, stretch))));

    const contents: ContentPlan[] = [];
    const chosenVectors: SparseVector[] = [];
    sections.forEach((section, si) => {
      const central = this.centralOf(0, this.vectors, section.start, section.end);
      const chosenBefore = chosenVectors.length;
      for (;;) {
        const plans = section.chunks.map((chunk) => this.planContent(main, si, chunk, (i) => central[i - section.start] ?? 0, ratio, chosenVectors));
        // A chunk that yields fewer than two bullets joins its neighbour, and the section is planned again.
        const thin = plans.findIndex((p) => p.bullets.length < 2 && !p.figure);
        if (thin < 0 || section.chunks.length < 2) {
          // A slide with nothing to show (no bullet, no figure) is left out; its section too, if that was all.
          contents.push(...plans.filter((p) => p.bullets.length > 0 || p.figure));
          break;
        }
        const other = thin > 0 ? thin - 1 : thin + 1;
        const [a, b] = [Math.min(thin, other), Math.max(thin, other)];
        section.chunks.splice(a, 2, { start: section.chunks[a]?.start ?? 0, end: section.chunks[b]?.end ?? 0 });
        chosenVectors.length = chosenBefore;
      }
    });

    const kept = sections.filter((_, si) => contents.some((c) => c.section === si));
    for (const c of contents) c.section = kept.indexOf(sections[c.section] as Section);
    sections = kept;

    // "Also in": passages of the other articles that echo a slide, said next to the sentence they echo.
    const support = findSupport(
      contents.map((c) => ({ start: c.chunk.start, end: c.chunk.end })),
      this.analyses,
      this.vocab,
    );
    contents.forEach((c, i) => {
      c.support = support[i] ?? [];
      for (const { anchor } of c.support) {
        const s = sentences[anchor] as Sentence;
        if (!c.spoken.includes(s)) c.spoken = [...c.spoken, s].sort((a, b) => a.index - b.index);
      }
    });

    // The other articles' own points: a section for each, named for that source.
    const addedPlans: ContentPlan[][] = added.map((list, k) => this.planAdded(this.analyses[k + 1] as Analysis, list, addedSlides[k] ?? 0, sections.length + k, ratio, chosenVectors));

    // Titles: a section that is one slide keeps its heading; other slides get one from their leading passage.
    for (const plan of contents) {
      const section = sections[plan.section] as Section;
      if (section.heading && section.chunks.length === 1) {
        plan.title = plainText(section.heading.text, main.definitions);
        plan.titleCite = { path: main.path, startLine: section.heading.line, endLine: section.heading.endLine, quote: section.heading.quote };
        this.usedTitles.push({ text: plan.title.toLowerCase(), ids: new Set(this.termIds(plan.title)) });
      }
    }
    const sectionNames = sections.map((section, si): { text: string; cite: Citation | null } => {
      if (section.heading) {
        const text = plainText(section.heading.text, main.definitions);
        this.usedTitles.push({ text: text.toLowerCase(), ids: new Set(this.termIds(text)) });
        return { text, cite: { path: main.path, startLine: section.heading.line, endLine: section.heading.endLine, quote: section.heading.quote } };
      }
      // A section without a heading is named for its topic: what it says that the other sections do not.
      // A section of one slide is named by that slide's title, unless it is the introduction.
      const own = contents.filter((c) => c.section === si);
      if (own.length < 2 && !(isIntroduction(sections, si) && own.length === 1)) return { text: '', cite: null };
      const named = this.nameSection(sections, si);
      const only = own.length === 1 ? own[0] : undefined;
      if (only && named) {
        only.title = named.text;
        only.titleFrom = named.from;
      }
      return { text: named?.text ?? '', cite: named ? this.cite(named.from) : null };
    });
    for (const plan of [...contents, ...addedPlans.flat()]) {
      if (plan.title) continue;
      const { text, from } = this.bestTitle(plan);
      plan.title = text;
      plan.titleFrom = from;
    }
    sections.forEach((_, si) => {
      const name = sectionNames[si];
      const first = contents.find((c) => c.section === si);
      if (name && !name.text && first) Object.assign(name, { text: first.title, cite: first.titleFrom ? this.cite(first.titleFrom) : null });
    });

    // No bullet says again what the slide's title or its section's divider already says: a better one stands in.
    const allPlans = [...contents, ...addedPlans.flat()];
    allPlans.forEach((plan) => {
      const name = plan.section < sections.length ? (sectionNames[plan.section]?.text ?? '') : (plan.article.title?.text ?? '');
      this.dropRepeats(plan, [plan.title, name], allPlans);
    });

    const dividers = budget.dividers && sections.length + addedPlans.filter((p) => p.length > 0).length >= 2 && sections.length <= 8;
    const talk = this.assemble(sections, sectionNames, contents, addedPlans, dividers, budget);
    this.time(talk.slides, budget);
    const tooShort = this.options.minutes !== undefined && natural < this.options.minutes * 0.85 && allSpeech < contentGuess * 0.85;
    return { talk, speechSeconds: allSpeech, naturalMinutes: natural, tooShort };
  }

  /**
   * Drops a slide's bullets that repeat one of `titles` (its own, its section's divider). The best
   * spares that repeat neither them nor what any slide shows, and that do not point back ("These are
   * just the crude tools"), take their places (beside another bullet, only short ones); a slide keeps one
   * bullet at least unless it shows a figure.
   */
  private dropRepeats(plan: ContentPlan, titles: readonly string[], plans: readonly ContentPlan[]): void {
    const key = (text: string) => text.toLowerCase().replace(/[\s.。!！?？]+$/u, '').replace(/\s+/gu, ' ').trim();
    const said = new Set(titles.filter(Boolean).map(key));
    // The same words, or the same words after a lead-in ("尽管有丰富的知识，| Cantrill 本人并不是一个公正的观察者").
    const repeats = (b: Bullet) => {
      const k = key(b.text);
      return [...said].some((t) => k === t || (t.length >= 8 && k.endsWith(t) && t.length >= k.length * 0.6));
    };
    if (!plan.bullets.some(repeats)) return;
    const shown = () => plans.flatMap((p) => p.bullets);
    const kept = plan.bullets.filter((b) => !repeats(b));
    // Spares: those the slide passed over, then the other sentences of its chunk (most central first) or of its notes.
    const spare = [...plan.spare];
    const article = plan.article;
    const main = article === this.main;
    const central = main ? this.centralOf(0, this.vectors, plan.chunk.start, plan.chunk.end) : [];
    const others = (main ? this.main.sentences.slice(plan.chunk.start, plan.chunk.end) : plan.spoken)
      .filter((s) => !plan.bullets.some((b) => b.sentence === s) && !spare.some((b) => b.sentence === s))
      .sort((a, b) => (main ? (central[b.index - plan.chunk.start] ?? 0) - (central[a.index - plan.chunk.start] ?? 0) : a.index - b.index));
    // The other sentences are condensed only as far as the search needs them (a chunk of a long
    // article holds hundreds), in the same order as if all were condensed first.
    const condensedSpare = (s: Sentence): Bullet | undefined => {
      const best = condenseBullet(stripMarkup(s.raw, article.definitions).text, { fragment: s.kind === 'item' })
        .filter((v) => !danglingReference(v.text) && bulletLength(v.text) <= 20)
        .sort((a, b) => b.weight - a.weight)[0];
      return best ? { sentence: s, text: best.text, score: 0, vector: best.partial || !main ? this.vectorOf(this.termIds(best.text)) : (this.vectors[s.index] as SparseVector), partial: best.partial } : undefined;
    };
    function* candidates(): Generator<Bullet> {
      yield* spare;
      for (const s of others) {
        const b = condensedSpare(s);
        if (b) yield b;
      }
    }
    // Those that read at a glance (12 words, 30 Chinese characters) first.
    const glance = (b: Bullet) => (bulletLength(b.text) <= (hasCjk(b.text) ? 30 : 12) ? 0 : 1);
    const accept = (s: Bullet) => !(repeats(s) || pointsBack(s.text) || kept.some((b) => b.sentence === s.sentence) || shown().some((b) => b !== s && (b.sentence === s.sentence || cosine(b.vector, s.vector) > 0.7)));
    const slower: Bullet[] = [];
    for (const s of candidates()) {
      if (kept.length >= plan.bullets.length) break;
      if (glance(s) > 0) slower.push(s);
      else if (accept(s)) kept.push(s);
    }
    // Beside another bullet, only a spare that reads at a glance is worth its place.
    if (kept.length === 0) {
      const first = slower.find(accept);
      if (first) kept.push(first);
    }
    if (kept.length === 0 && !plan.figure) return;
    plan.bullets = kept.sort((a, b) => a.sentence.index - b.sentence.index);
    const spoken = new Set(plan.spoken);
    for (const b of plan.bullets) if (!spoken.has(b.sentence)) plan.spoken = [...plan.spoken, b.sentence].sort((a, c) => a.index - c.index);
  }

  /** Names, numbers, words and link targets of the main article (and its title and credits), lower-cased: what a passage must go beyond to add something. */
  private knownTerms(): Set<string> {
    const main = this.main;
    const known = new Set<string>();
    const add = (text: string) => {
      for (const w of text.toLowerCase().match(/[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’.-]*/gu) ?? []) known.add(w.replace(/[.’']+$/u, ''));
    };
    for (const s of main.sentences) {
      add(s.plain);
      for (const u of s.urls) known.add(urlKey(u));
    }
    add(main.title?.text ?? '');
    for (const a of main.attributions) add(a.value);
    return known;
  }

  /** What a passage of another article says that the main article does not: new names, numbers and links. */
  private novelty(s: Sentence, known: ReadonlySet<string>, sameLanguage: boolean, aliases: readonly string[]): number {
    let items = 0;
    // The main article's author's words, quoted or paraphrased ("他总结道", "Cantrill 写道"), echo it; a new voice adds.
    const speaker = reportingSpeaker(s.plain);
    if (speaker !== null) {
      if (!newVoice(speaker, aliases, (w) => known.has(w))) return 0;
      items += 2;
    } else if (namesAuthor(s.plain, aliases)) items++;
    for (const u of s.urls) if (/^(?:https?:\/\/|www\.)/iu.test(u) && !known.has(urlKey(u))) items++;
    const cjk = hasCjk(s.plain);
    const tokens = s.plain.match(/[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’.-]*/gu) ?? [];
    tokens.forEach((token, k) => {
      const lower = token.toLowerCase().replace(/[.’']+$/u, '');
      if (known.has(lower) || lower.length < 2) return;
      // In Chinese text a Latin name or term is capitalised or has digits ("uni nucles", a garbled word, is neither);
      // in English, capitalised words past the first, and numbers.
      if ((cjk && /[\p{Lu}\d]/u.test(token)) || /\d/u.test(token) || (k > 0 && /^\p{Lu}/u.test(token))) items++;
    });
    if (!sameLanguage || items > 0) return items;
    // The same language: a passage most of whose weighty words the main article never uses.
    const ids = this.termIds(s.plain);
    const mainIds = new Set(this.mainTerms.flat());
    let fresh = 0;
    let total = 0;
    for (const id of ids) {
      total += this.idf(id);
      if (!mainIds.has(id)) fresh += this.idf(id);
    }
    return total > 0 && fresh / total >= 0.5 ? 1 : 0;
  }

  /** Sentences of another article that say what the main article does not: its own points, most central first, kept in their order. */
  private ownPoints(analysis: Analysis, echoes: ReadonlySet<Sentence>): Sentence[] {
    const article = analysis.article;
    const known = this.knownTerms();
    const vectors = this.vectorsOf(analysis);
    const central = this.centralOf(article.index, vectors, 0, vectors.length);
    const sameLanguage = article.language === this.main.language;
    const author = this.main.attributions.find((a) => a.role === 'author')?.value ?? this.main.meta.author?.text ?? '';
    const aliases = authorAliases(author, article.sentences.map((s) => s.plain).join('\n'));
    return article.sentences
      .filter((s) => !echoes.has(s) && displayWidth(s.plain) >= 24 && !/[?？]$/u.test(s.plain))
      .map((s) => ({ s, novel: this.novelty(s, known, sameLanguage, aliases) }))
      .filter((x) => x.novel > 0)
      .map((x) => ({ s: x.s, score: ((central[x.s.index] ?? 0) + 0.2) * (1 + 0.3 * Math.min(3, x.novel)) * (x.s.index < 6 ? 1.2 : 1) }))
      .sort((a, b) => b.score - a.score || a.s.index - b.s.index)
      .slice(0, 12)
      .map((x) => x.s)
      .sort((a, b) => a.index - b.index);
  }

  /** Splits a chunk so that each figure it introduces (code, a table, an image the deck can show) has a slide of its own. */
  private oneFigureEach(article: Article, chunk: { start: number; end: number }, speech: readonly number[], ratio: number): { start: number; end: number }[] {
    // As many figure slides as the chunk's time allows, half a minute each at least.
    let seconds = 0;
    for (let i = chunk.start; i < chunk.end; i++) seconds += (speech[i] ?? 0) * ratio;
    const most = Math.max(1, Math.floor(seconds / 30));
    const starts: number[] = [];
    for (let i = chunk.start; i < chunk.end; i++) {
      const s = article.sentences[i] as Sentence;
      const f = s.figure >= 0 ? article.figures[s.figure] : undefined;
      if (f && this.showable(article, f)) starts.push(i);
    }
    if (starts.length < 2 || most < 2) return [chunk];
    const out: { start: number; end: number }[] = [];
    let from = chunk.start;
    for (const cut of starts.slice(1, most)) {
      out.push({ start: from, end: cut });
      from = cut;
    }
    out.push({ start: from, end: chunk.end });
    return out;
  }

  /** Slides for another article's own points. */
  private planAdded(analysis: Analysis, points: readonly Sentence[], count: number, section: number, ratio: number, chosenVectors: SparseVector[]): ContentPlan[] {
    if (points.length === 0 || count === 0) return [];
    const article = analysis.article;
    const vectors = this.vectorsOf(analysis);
    const central = this.centralOf(article.index, vectors, 0, vectors.length);
    const per = Math.ceil(points.length / count);
    const plans: ContentPlan[] = [];
    for (let k = 0; k < points.length; k += per) {
      const group = points.slice(k, k + per);
      const plan = this.planBullets(article, section, { start: group[0]?.index ?? 0, end: (group[group.length - 1]?.index ?? 0) + 1 }, group, (i) => central[i] ?? 0, ratio, chosenVectors, vectors);
      if (plan.bullets.length > 0) plans.push(plan);
    }
    return plans;
  }

  private planContent(article: Article, section: number, chunk: { start: number; end: number }, centralOf: (i: number) => number, ratio: number, chosenVectors: SparseVector[]): ContentPlan {
    const group = article.sentences.slice(chunk.start, chunk.end);
    return this.planBullets(article, section, chunk, group, centralOf, ratio, chosenVectors, this.vectors);
  }

  /** A figure of the article the slide can show, trimmed to fit an 80x24 slide, with the lines it shows; null when it cannot. */
  private showable(article: Article, figure: Figure): { shown: TalkFigure; startLine: number; endLine: number } | null {
    switch (figure.kind) {
      case 'code': {
        let first = 0;
        while (first < figure.lines.length && !figure.lines[first]?.trim()) first++;
        let last = figure.lines.length;
        while (last > first && !figure.lines[last - 1]?.trim()) last--;
        // Cut short, the block shows one line fewer and a last line "…" where the rest was.
        const cut = last - first > MAX_CODE_LINES;
        let lines = figure.lines.slice(first, cut ? first + MAX_CODE_LINES - 1 : last);
        while (lines.length > 0 && !lines[lines.length - 1]?.trim()) lines = lines.slice(0, -1);
        if (lines.length === 0) return null;
        const fitted = lines.map((l) => (displayWidth(l) > MAX_CODE_COLUMNS ? shorten(l, MAX_CODE_COLUMNS) : l));
        if (cut) fitted.push(`${/^[ \t]*/u.exec(figure.lines[first + lines.length] ?? '')?.[0] ?? ''}…`);
        const shown: TalkFigure = { kind: 'code', lang: /^[\w+-]{1,20}/u.exec(figure.info)?.[0] ?? '', lines: fitted };
        return { shown, startLine: figure.startLine + first, endLine: figure.startLine + first + lines.length - 1 };
      }
      case 'table': {
        const [header, ...rows] = figure.rows;
        if (!header || rows.length === 0) return null;
        const cols = Math.min(MAX_TABLE_COLUMNS, header.length);
        const cell = (c: string | undefined) => shorten(plainText(c ?? '', article.definitions), MAX_CELL_COLUMNS);
        const body = rows.slice(0, MAX_TABLE_ROWS);
        const shown: TalkFigure = { kind: 'table', header: header.slice(0, cols).map(cell), rows: body.map((r) => Array.from({ length: cols }, (_, i) => cell(r[i]))) };
        // Header, delimiter and the rows shown.
        return { shown, startLine: figure.startLine, endLine: Math.min(figure.endLine, figure.startLine + body.length + 1) };
      }
      case 'image': {
        const src = imagePath(article.path, figure.src);
        if (!src || decorativeImage(figure.alt, figure.src)) return null;
        if (!/^https?:\/\//iu.test(src) && !(this.options.localImage?.(src) ?? false)) return null;
        return { shown: { kind: 'image', alt: shorten(figure.alt, 60), src, caption: shorten(figure.caption, 70) }, startLine: figure.startLine, endLine: figure.endLine };
      }
    }
  }

  /** Bullets, notes and figure of one slide from a group of an article's sentences. */
  private planBullets(
    article: Article,
    section: number,
    chunk: { start: number; end: number },
    group: readonly Sentence[],
    centralOf: (i: number) => number,
    ratio: number,
    chosenVectors: SparseVector[],
    vectors: readonly SparseVector[],
  ): ContentPlan {
    const chunkSpeech = group.reduce((a, s) => a + this.speech(s), 0);
    const seconds = chunkSpeech * ratio;
    // The figure: the first one a sentence of the chunk introduces that the slide can show.
    let figure: ContentPlan['figure'] = null;
    for (const s of group) {
      const f = s.figure >= 0 ? article.figures[s.figure] : undefined;
      const shown = f ? this.showable(article, f) : null;
      if (f && shown) {
        figure = { figure: f, ...shown };
        break;
      }
    }
    const want = figure ? Math.min(2, bulletsFor(seconds)) : bulletsFor(seconds);

    const ranked = group
      .map((s) => [s, centralOf(s.index) * (s.opensBlock ? 1.05 : 1)] as const)
      .sort((a, b) => b[1] - a[1] || a[0].index - b[0].index);
    const candidates: (Bullet & { order: number })[] = [];
    const sameSentence = (a: number, b: number) => candidates[a]?.sentence === candidates[b]?.sentence;
    // The most central sentences first, a few at a time, passing over those that say what earlier
    // slides said (cheap to tell by their vectors, before any is condensed).
    const fresh = (function* () {
      const passed: (readonly [Sentence, number])[] = [];
      for (const entry of ranked) {
        const v = vectors[entry[0].index] as SparseVector;
        if (chosenVectors.every((c) => cosine(v, c) <= 0.7)) yield entry;
        else if (passed.length < MAX_BULLET_SOURCES * 2) passed.push(entry);
      }
      // An article that says the same thing again and again: the passed-over ones after all.
      yield* passed;
    })();
    let picked: number[] = [];
    for (let round = 0; round < 4 && picked.length < Math.min(2, want); round++) {
      const sources: (readonly [Sentence, number])[] = [];
      for (let next = fresh.next(); !next.done; next = sources.length < MAX_BULLET_SOURCES ? fresh.next() : { done: true, value: undefined }) sources.push(next.value);
      if (sources.length === 0) break;
      pretag(sources.map(([s]) => this.condensable(s)));
      for (const [s, score] of sources) {
        const introduces = figure !== null && article.figures[s.figure] === figure.figure;
        // A sentence that ends on a bare address ("please visit https://…") says nothing once the address goes.
        if (/(?:https?:\/\/|www\.)\S+\s*$/u.test(s.raw.replace(/[.。!?！？)\]>]+$/u, ''))) continue;
        const vector = vectors[s.index] as SparseVector;
        condenseBullet(stripMarkup(s.raw, article.definitions).text, { fragment: s.kind === 'item' }).forEach((v: BulletText, k) => {
          if (danglingReference(v.text) && !(introduces && !crossReference(v.text))) return;
          const part = v.partial ? this.vectorOf(this.termIds(v.text)) : vector;
          const kept = v.partial && vector.norm > 0 ? Math.sqrt(Math.min(1, part.norm / vector.norm)) : 1;
          // Read at a glance: past the ideal length (12 words, 30 Chinese characters) every word costs.
          const n = bulletLength(v.text);
          const ideal = hasCjk(v.text) ? 30 : 12;
          const glance = n <= ideal ? 1 : Math.max(0.1, 1 - ((n - ideal) / ideal) * 3);
          candidates.push({ sentence: s, text: v.text, order: k, score: (score + 0.05) * v.weight * kept * glance * (introduces ? 1.5 : 1), vector: part, partial: v.partial });
        });
      }
      const count = Math.min(want, new Set(candidates.map((c) => c.sentence)).size);
      picked = selectMmr(candidates, count, { already: chosenVectors, conflict: sameSentence, maxSimilarity: 0.7 });
    }
    // An article that says the same thing again and again still gets its slides.
    if (picked.length < Math.min(2, candidates.length)) picked = selectMmr(candidates, Math.min(want, new Set(candidates.map((c) => c.sentence)).size), { already: chosenVectors, conflict: sameSentence, maxSimilarity: 0.98 });
    const bullets: Bullet[] = picked
      .map((k) => candidates[k] as (typeof candidates)[number])
      .sort((a, b) => a.sentence.index - b.sentence.index || a.order - b.order)
      .map((c) => ({ sentence: c.sentence, text: c.text, score: c.score, vector: c.vector, partial: c.partial }));
    // Later slides pass over what this one says: its bullets, and the sentences they were cut from.
    for (const b of bullets) chosenVectors.push(b.vector, vectors[b.sentence.index] as SparseVector);
    const pickedSet = new Set(picked);
    const spare: Bullet[] = candidates
      .filter((c, k) => !pickedSet.has(k) && !bullets.some((b) => b.sentence === c.sentence))
      .sort((a, b) => b.score - a.score)
      .slice(0, 6)
      .map((c) => ({ sentence: c.sentence, text: c.text, score: c.score, vector: c.vector, partial: c.partial }));

    // Notes: every sentence when the talk has time for them all; else the bullets' and the most central others, as time allows.
    const spokenIds = new Set(bullets.map((b) => b.sentence.index));
    if (figure && figure.figure.sentence >= 0) spokenIds.add(figure.figure.sentence);
    if (ratio >= 0.999) for (const s of group) spokenIds.add(s.index);
    else {
      let said = [...spokenIds].reduce((a, i) => a + this.speech(article.sentences[i] as Sentence), 0);
      for (const [s] of ranked) {
        if (spokenIds.has(s.index)) continue;
        const t = this.speech(s);
        if (said + t > seconds && spokenIds.size > 0) continue;
        spokenIds.add(s.index);
        said += t;
      }
    }
    if (spokenIds.size === 0 && group[0]) spokenIds.add(group[0].index);
    const spoken = [...spokenIds].sort((a, b) => a - b).map((i) => article.sentences[i] as Sentence);
    return { section, chunk, article, bullets, spoken, title: '', titleFrom: null, figure, support: [], spare };
  }

  /** The best title from a slide's leading passage (its first sentences), not yet used by another slide. */
  private bestTitle(plan: ContentPlan): { text: string; from: Sentence | null } {
    const weight = new Map<number, number>();
    for (const s of plan.spoken) for (const id of this.termIds(s.plain)) weight.set(id, (weight.get(id) ?? 0) + this.idf(id));
    for (const b of plan.bullets) for (const id of this.termIds(b.text)) weight.set(id, (weight.get(id) ?? 0) + this.idf(id) * 0.5);
    const leading = plan.article.sentences.slice(plan.chunk.start, Math.min(plan.chunk.end, plan.chunk.start + 3));
    const passages = [...leading, ...plan.bullets.map((b) => b.sentence).filter((s) => !leading.includes(s))].slice(0, 5);
    let best: { text: string; from: Sentence; score: number; ids: Set<number> } | null = null;
    let strict = true;
    const consider = (candidate: TitleCandidate, from: Sentence, position: number) => {
      const ids = new Set(this.termIds(candidate.text));
      if (ids.size === 0 || candidate.kind === 'question') return;
      const lower = candidate.text.toLowerCase();
      if (this.usedTitles.some((used) => used.text === lower || (strict && overlap(used.ids, ids) >= 0.6))) return;
      let sum = 0;
      for (const id of ids) sum += weight.get(id) ?? 0;
      // A claim names the slide's point; a noun phrase only its topic, and one word hardly that.
      const shape = candidate.kind === 'phrase' ? (candidate.words === 1 ? 0.45 : 1) : (candidate.kind === 'sentence' ? 2.75 : 2.5) * (candidate.words > 8 ? 0.85 : 1) * roleWeight(candidate);
      const place = position === 0 ? 1 : position === 1 ? 0.8 : 0.65;
      // A lead the author set in bold ("**No one's going to read your code.**") is their own title for the passage.
      const stressed = (from.emphasis && from.opensBlock) || (from.stressed !== '' && candidate.text.includes(from.stressed)) ? 2.5 : 1;
      const score = (sum / Math.pow(ids.size, 0.4)) * shape * place * stressed;
      // Judged in its whole sentence, as the quality report judges it: the candidate's own passage
      // can be cut into words otherwise ("同时期的…" read as 同时|期 there, as 同|时期 in the sentence).
      if ((!best || score > best.score) && !titleFault(capitalise(candidate.text), from.plain) && !this.cutsCompound(candidate.text, from)) best = { text: candidate.text, from, score, ids };
    };
    passages.forEach((s, position) => {
      for (const c of titleCandidates(this.condensable(s))) consider(c, s, position);
    });
    // Every candidate is close to a title already used: take the best that is not the very same.
    if (!best) {
      strict = false;
      passages.forEach((s, position) => {
        for (const c of titleCandidates(this.condensable(s))) consider(c, s, position);
      });
    }
    // No phrase or clause of its own makes a title (a slide of one short sentence that leads into its
    // code, "输出类似于这样："): that sentence, whole, when it reads at a glance and no slide has it.
    if (!best) {
      for (const s of passages) {
        // A whole sentence (it ends as one), not a clause that leads on ("`break` を使用すると、").
        if (!/[.。!！:：]\s*$/u.test(this.condensable(s))) continue;
        const whole = this.condensable(s).replace(/[\s:：.。!！;；,，]+$/u, '').trim();
        const lower = whole.toLowerCase();
        if (!whole || bulletLength(whole) > (hasCjk(whole) ? 30 : 12) || this.usedTitles.some((used) => used.text === lower)) continue;
        const ids = new Set(this.termIds(whole));
        if (ids.size === 0) continue;
        best = { text: whole, from: s, score: 0, ids };
        break;
      }
    }
    const chosen = best as { text: string; from: Sentence; score: number; ids: Set<number> } | null;
    if (!chosen) return { text: '', from: null };
    const text = capitalise(chosen.text);
    this.usedTitles.push({ text: text.toLowerCase(), ids: chosen.ids });
    return { text, from: chosen.from };
  }

  private pairs: Map<string, number> | null = null;

  /**
   * Whether a title candidate starts inside a two-word term the article keeps using: "Source
   * software" out of "… contributing to open source software", where "open source" comes back
   * again and again (the tagger may call "open" a verb there, so a title's own check cannot tell).
   */
  private cutsCompound(text: string, from: Sentence): boolean {
    if (hasCjk(text)) return false;
    const plain = from.plain;
    let at = plain.indexOf(text);
    if (at < 0) at = plain.toLowerCase().indexOf(text.toLowerCase());
    if (at <= 0) return false;
    const prev = wordBeforeSpace(plain, at)?.toLowerCase();
    const first = firstWordOf(text)?.toLowerCase();
    if (!prev || !first || STOP_WORDS.has(prev)) return false;
    if (!this.pairs) {
      this.pairs = new Map();
      // A term the article keeps using is in its first pages (600 sentences): a long article is not read to the end for it.
      for (const s of this.main.sentences.slice(0, 600)) {
        const words = s.plain.toLowerCase().match(WORD_RUN) ?? [];
        for (let k = 1; k < words.length; k++) {
          const before = words[k - 1] as string;
          if (STOP_WORDS.has(before)) continue;
          const pair = `${before} ${words[k]}`;
          this.pairs.set(pair, (this.pairs.get(pair) ?? 0) + 1);
        }
      }
    }
    return (this.pairs.get(`${prev} ${first}`) ?? 0) >= 3;
  }

  private readonly holdingCache = new WeakMap<readonly Section[], Map<number, number>>();

  /** How many of the sections hold each term, counted once for every section that is named. */
  private sectionsHolding(sections: readonly Section[]): Map<number, number> {
    let counts = this.holdingCache.get(sections);
    if (!counts) {
      counts = new Map<number, number>();
      for (const other of sections) {
        const seen = new Set<number>();
        for (let i = other.start; i < other.end; i++) for (const id of this.mainTerms[i] ?? []) {
          if (!seen.has(id)) {
            seen.add(id);
            counts.set(id, (counts.get(id) ?? 0) + 1);
          }
        }
      }
      this.holdingCache.set(sections, counts);
    }
    return counts;
  }

  /**
   * A name for a section without a heading: the phrase of its sentences whose words are most its
   * own (frequent in it, rare in the other sections), short phrases first.
   */
  private nameSection(sections: readonly Section[], si: number): { text: string; from: Sentence } | null {
    const section = sections[si] as Section;
    const introduction = isIntroduction(sections, si);
    const inSections = this.sectionsHolding(sections);
    const tf = new Map<number, number>();
    for (let i = section.start; i < section.end; i++) for (const id of this.mainTerms[i] ?? []) tf.set(id, (tf.get(id) ?? 0) + 1);
    const weight = (id: number) => (tf.get(id) ?? 0) * Math.log((sections.length + 1) / ((inSections.get(id) ?? 0) + 0.5));
    const central = this.centralOf(0, this.vectors, section.start, section.end);
    const sources = this.main.sentences
      .slice(section.start, section.end)
      .map((s) => ({ s, c: central[s.index - section.start] ?? 0 }))
      .sort((a, b) => b.c - a.c || a.s.index - b.s.index)
      .filter((x, k) => k < 8 || x.s.index - section.start < 4 || (x.s.plain.length < 80 && bulletLength(x.s.plain) <= 8));
    let best: { text: string; from: Sentence; score: number; ids: Set<number> } | null = null;
    pretag(sources.map(({ s }) => this.condensable(s)));
    // An introduction that asks the question the talk answers is named by it.
    if (introduction) {
      for (let i = section.start; i < section.end; i++) {
        const s = this.main.sentences[i] as Sentence;
        const question = titleCandidates(this.condensable(s)).find((c) => c.kind === 'question');
        if (!question) continue;
        const text = capitalise(question.text);
        const ids = new Set(this.termIds(text));
        if (this.usedTitles.some((used) => used.text === text.toLowerCase())) continue;
        this.usedTitles.push({ text: text.toLowerCase(), ids });
        return { text, from: s };
      }
    }
    for (const { s, c } of sources) {
      for (const candidate of titleCandidates(this.condensable(s))) {
        const ids = new Set(this.termIds(candidate.text));
        if (ids.size === 0) continue;
        // The introduction may be named by the question the talk answers ("What’s the problem with unikernels?"); no other section.
        if (candidate.kind === 'question' && !introduction) continue;
        const lower = candidate.text.toLowerCase();
        if (this.usedTitles.some((used) => used.text === lower || overlap(used.ids, ids) >= 0.6)) continue;
        let sum = 0;
        for (const id of ids) sum += weight(id);
        // A section is named by its claim ("Unikernels are entirely undebuggable"), a topic ("Performance arguments")
        // only when it makes none; one word names too little. A short sentence that makes a claim names a section best.
        const shape =
          candidate.kind === 'question' ? 4 : candidate.kind === 'phrase' ? (candidate.words === 1 ? 0.4 : candidate.words <= 3 ? 1.1 : 0.85) : (candidate.kind === 'sentence' ? 3 : 2.6) * (candidate.words > 8 ? 0.8 : 1) * roleWeight(candidate);
        // The section's leading passage says what it is about first; what the author set in bold is their own headline.
        const leading = s.index - section.start < 4 ? 1.6 : 1;
        const stressed = s.stressed !== '' && candidate.kind !== 'phrase' && candidate.text.includes(s.stressed) ? 2.5 : 1;
        const score = (sum / Math.pow(ids.size, 0.5)) * shape * (0.6 + 0.4 * c) * leading * stressed;
        if ((!best || score > best.score) && !titleFault(capitalise(candidate.text), s.plain) && !this.cutsCompound(candidate.text, s)) best = { text: capitalise(candidate.text), from: s, score, ids };
      }
    }
    const chosen = best as { text: string; from: Sentence; score: number; ids: Set<number> } | null;
    if (!chosen) return null;
    this.usedTitles.push({ text: chosen.text.toLowerCase(), ids: chosen.ids });
    return chosen;
  }

  /** What a section will argue: its most central claim that the section's first slide does not already show. */
  private thesis(part: { section: Section | null; plans: readonly ContentPlan[]; name: { text: string; cite: Citation | null } }): { text: string; from: Sentence } | null {
    const first = part.plans[0];
    const shown = new Set(first?.bullets.map((b) => b.sentence) ?? []);
    let ranked: { s: Sentence; score: number }[];
    let article: Article;
    if (part.section) {
      const section = part.section;
      article = this.main;
      const central = this.centralOf(0, this.vectors, section.start, section.end);
      ranked = this.main.sentences.slice(section.start, section.end).map((s) => ({ s, score: central[s.index - section.start] ?? 0 }));
    } else {
      // Another article's section: the most central of the points it adds.
      if (!first) return null;
      article = first.article;
      const analysis = this.analyses[article.index] as Analysis;
      const central = this.centralOf(article.index, this.vectorsOf(analysis), 0, article.sentences.length);
      ranked = [...new Set(part.plans.flatMap((p) => p.spoken))].map((s) => ({ s, score: central[s.index] ?? 0 }));
    }
    ranked.sort((a, b) => b.score - a.score || a.s.index - b.s.index);
    const name = part.name.text.toLowerCase();
    for (const { s } of ranked) {
      if (shown.has(s) || /[?？]$/u.test(s.plain)) continue;
      // Not the sentence the section's name was cut from: the divider would say one thing twice.
      const cite = part.name.cite;
      if (cite && cite.path === article.path && cite.startLine === s.startLine && cite.quote === s.quote) continue;
      const bullet = condenseBullet(stripMarkup(s.raw, article.definitions).text)
        .filter((b) => !danglingReference(b.text) && !pointsBack(b.text) && b.text.toLowerCase() !== name)
        .sort((a, b) => b.weight - a.weight)[0];
      if (bullet && bulletLength(bullet.text) <= (hasCjk(bullet.text) ? 36 : 14)) return { text: bullet.text, from: s };
    }
    return null;
  }

  /** Three to five takeaways: the article's conclusions (concluding section, cue phrases, emphasis, closing paragraph), without repeats. */
  private takeaways(contents: readonly ContentPlan[], title: string): Bullet[] {
    const main = this.main;
    const conclusion = conclusionScores(main);
    const global = centroidSimilarities(this.vectors, this.vocab.size);
    const titleVector = this.vectorOf(this.termIds(title));
    const candidates: Bullet[] = [];
    // A verdict restates the title's claim: closeness to the title counts as much as a cue.
    const scored = main.sentences
      .map((s, i) => ({ s, i, score: (conclusion[i] ?? 0) + 2 * cosine(this.vectors[i] as SparseVector, titleVector) + 0.5 * (global[i] ?? 0) }))
      .filter((x) => x.score > 0.15)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 12);
    pretag(scored.slice(0, 12).map(({ s }) => this.condensable(s)));
    scored.forEach(({ s, i, score }) => {
      const options = condenseBullet(stripMarkup(s.raw, main.definitions).text).filter((b) => !danglingReference(b.text));
      // A phrase the author set in bold inside the sentence is the point they want remembered.
      // Not a bold label that leads into what follows ("**October 1, 2019, Update:**"): the same test as every option's.
      // A bold part of a longer sentence stands for it only as a claim: a bold name or dateline
      // ("**The Node.js Foundation** announced …", "launched **its second user survey**") says nothing on its own.
      const part = s.stressed && bulletLength(s.stressed) * 2 < bulletLength(s.plain);
      if (s.stressed && bulletLength(s.stressed) <= 20 && standsAlone(s.stressed) && (!part || makesClaim(s.stressed)) && !danglingReference(s.stressed)) options.push({ text: capitalise(s.stressed), partial: true, weight: 1.2 });
      const best = options.sort((a, b) => b.weight - a.weight)[0];
      if (!best) return;
      const vector = best.partial ? this.vectorOf(this.termIds(best.text)) : (this.vectors[i] as SparseVector);
      // A takeaway says what to take away: four words with no figure, name or code in them ("The
      // payoff came quickly") lead into the point rather than make it, unless the author stressed them.
      const thin = !s.stressed && bulletLength(best.text) <= 4 && !/[\d`]|\s\p{Lu}/u.test(best.text) && !hasCjk(best.text);
      candidates.push({ sentence: s, text: best.text, score: score * (0.6 + 0.4 * best.weight) * (thin ? 0.4 : 1), vector, partial: best.partial });
    });
    const picked = selectMmr(candidates, 5, { maxSimilarity: 0.5, lambda: 0.8 });
    // Four at most unless a fifth is as strong a conclusion as the others.
    let chosen = picked.map((k) => candidates[k] as Bullet);
    const floor = (chosen[0]?.score ?? 0) * 0.35;
    chosen = chosen.filter((b, k) => k < 3 || b.score >= floor).slice(0, 4 + (chosen[4] && (conclusion[chosen[4].sentence.index] ?? 0) >= 2 ? 1 : 0));
    if (chosen.length < 3) {
      const extra = contents.flatMap((c) => (c.article === main ? c.bullets : [])).sort((a, b) => b.score - a.score);
      for (const b of extra) {
        if (chosen.length >= 3) break;
        if (!chosen.some((x) => x.sentence === b.sentence || cosine(x.vector, b.vector) > 0.5)) chosen.push(b);
      }
    }
    return chosen.slice(0, 5).sort((a, b) => a.sentence.index - b.sentence.index);
  }

  private assemble(
    sections: readonly Section[],
    names: readonly { text: string; cite: Citation | null }[],
    contents: readonly ContentPlan[],
    addedPlans: readonly ContentPlan[][],
    dividers: boolean,
    budget: Budget,
  ): Talk {
    const { main } = this;
    const words = STRUCTURE_WORDS[this.lang];
    const slides: TalkSlide[] = [];
    const authorLine = main.attributions.find((a) => a.role === 'author');
    const title = this.options.title?.trim() || main.title?.text || names[0]?.text || contents[0]?.title || main.path;

    // Title slide: the talk's title, the main author, and every source with the lines that name it.
    const titleSources: Citation[] = [];
    const citeLines = (article: Article, line: number, endLine: number, quote: string) => {
      const known = titleSources.findIndex((c) => c.path === article.path && c.startLine === line && c.quote === quote);
      if (known >= 0) return known;
      titleSources.push({ path: article.path, startLine: line, endLine, quote });
      return titleSources.length - 1;
    };
    const citeAttribution = (article: Article, a: Attribution) => citeLines(article, a.line, a.line + Math.max(0, a.quote.split('\n').length - 1), a.quote);
    if (!this.options.title?.trim() && !main.title) {
      const from = names[0]?.text === title ? names[0]?.cite : contents[0]?.titleFrom ? this.cite(contents[0].titleFrom) : null;
      if (from) titleSources.push(from);
    }
    const titleNotes: NotesParagraph[] = [];
    const sourceBullets: TalkBullet[] = this.articles.flatMap((article) => {
      const own = article.title ? [citeLines(article, article.title.line, article.title.endLine, article.title.quote)] : [];
      const author = article.attributions.find((a) => a.role === 'author');
      const naming = article.attributions.filter((a) => a.role === 'source' || a.role === 'translator' || a.role === 'credit');
      const cites = [...own];
      if (author) cites.push(citeAttribution(article, author));
      for (const a of naming) cites.push(citeAttribution(article, a));
      titleNotes.push({ lead: `${article.path}:`, text: [article.title?.text ?? '', author?.text ?? '', ...naming.map((a) => a.text)].filter(Boolean).join(' · '), cites });
      // Attribution reads as attribution: the source's title and author, then its address (not "via: …"
      // or "原文：…") and who translated it.
      const children = naming.filter((a) => a.role !== 'credit').map((a) => (a.role === 'source' ? a.url || a.value : a.text));
      // The talk's own title and author are already the slide's title and subtitle: only the address and credits follow.
      const isTalk = article === main && article.title?.text === title && (!author || author.value === authorLine?.value);
      if (!article.title || isTalk) return [...(author && !isTalk ? [author.text] : []), ...children].map((text) => ({ text, children: [] }));
      return [{ text: [article.title.text, author?.value].filter(Boolean).join(' — '), children }];
    });
    if (authorLine) citeAttribution(main, authorLine);
    slides.push({ kind: 'title', title, subtitle: authorLine?.value ?? '', bullets: sourceBullets, notes: titleNotes, sources: titleSources, timeSeconds: budget.titleSeconds, titleSource: '' });

    // The sections in order, the other articles' own points before a closing section.
    type Part = { name: { text: string; cite: Citation | null }; plans: ContentPlan[]; section: Section | null };
    const parts: Part[] = sections.map((section, si) => ({ name: names[si] as { text: string; cite: Citation | null }, plans: contents.filter((c) => c.section === si), section }));
    const addedParts: Part[] = addedPlans
      .map((plans, k) => {
        const article = this.articles[k + 1] as Article;
        const name = article.title ? { text: article.title.text, cite: { path: article.path, startLine: article.title.line, endLine: article.title.endLine, quote: article.title.quote } } : { text: plans[0]?.title ?? article.path, cite: plans[0]?.titleFrom ? this.cite(plans[0].titleFrom) : null };
        return { name, plans, section: null };
      })
      .filter((p) => p.plans.length > 0);
    // A closing section (headed as one, or opening with a conclusion cue: "In the fullness of time, …") comes after what the other articles add.
    const lastPart = parts[parts.length - 1];
    const closing =
      parts.length > 1 &&
      lastPart?.section &&
      (lastPart.section.heading ? /conclu|summary|wrap|final|lesson|总结|结论|结语|小结/iu.test(lastPart.name.text) : opensConclusion(main.sentences[lastPart.section.start]?.plain ?? ''));
    const ordered = closing ? [...parts.slice(0, -1), ...addedParts, ...parts.slice(-1)] : [...parts, ...addedParts];
    const showSections = ordered.length >= 2;

    if (budget.agenda) {
      const items = showSections ? ordered.map((p) => p.name) : contents.map((c) => ({ text: c.title, cite: c.titleFrom ? this.cite(c.titleFrom) : null }));
      const sources: Citation[] = [];
      const notes: NotesParagraph[] = [];
      for (const item of items) {
        if (!item.cite) continue;
        sources.push(item.cite);
        notes.push({ lead: `${item.text}:`, text: collapse(plainText(item.cite.quote, main.definitions)), cites: [sources.length - 1] });
      }
      slides.push({ kind: 'agenda', title: words.agenda, subtitle: '', bullets: items.map((i) => ({ text: i.text, children: [] })), notes, sources, timeSeconds: budget.agendaSeconds, titleSource: '' });
    }

    const allPlans = [...contents, ...addedPlans.flat()];
    for (const part of ordered) {
      const many = part.plans.length > 1 || part.section === null;
      let thesisText = '';
      if (dividers && showSections && many) {
        const sources: Citation[] = part.name.cite ? [part.name.cite] : [];
        const notes: NotesParagraph[] = part.name.cite ? [{ lead: '', text: collapse(plainText(part.name.cite.quote, main.definitions)), cites: [0] }] : [];
        const thesis = this.thesis(part);
        if (thesis) {
          thesisText = thesis.text;
          sources.push(this.cite(thesis.from));
          notes.push({ lead: '', text: thesis.from.plain, cites: [sources.length - 1] });
        }
        slides.push({ kind: 'section', title: part.name.text, subtitle: thesis?.text ?? '', bullets: [], notes, sources, timeSeconds: budget.dividerSeconds, titleSource: part.section && !part.section.heading ? (part.name.cite ? collapse(plainText(part.name.cite.quote, main.definitions)) : '') : '' });
      }
      for (const plan of part.plans) {
        // A later slide of the section does not show again what its divider says.
        if (dividers && showSections && many) this.dropRepeats(plan, [plan.title, part.name.text, thesisText], allPlans);
        slides.push(this.contentSlide(plan, 0));
      }
    }

    const takeaways = this.takeaways(contents, title);
    slides.push({
      kind: 'takeaways',
      title: words.takeaways,
      subtitle: '',
      bullets: takeaways.map((b) => ({ text: b.text, children: [] })),
      notes: takeaways.map((b, i) => ({ lead: '', text: b.sentence.plain, cites: [i] })),
      sources: takeaways.map((b) => this.cite(b.sentence)),
      timeSeconds: budget.takeawaysSeconds,
      titleSource: '',
    });

    // Questions: where to read more, from the sources' own lines.
    const links: Citation[] = [];
    const linkBullets: TalkBullet[] = [];
    for (const article of this.articles) {
      const source = article.attributions.find((a) => a.role === 'source' && a.url);
      if (!source) continue;
      links.push({ path: article.path, startLine: source.line, endLine: source.line, quote: source.quote });
      linkBullets.push({ text: source.url, children: [] });
    }
    slides.push({ kind: 'questions', title: words.questions, subtitle: '', bullets: linkBullets, notes: links.map((l, i) => ({ lead: '', text: linkBullets[i]?.text ?? '', cites: [i] })), sources: links, timeSeconds: budget.questionsSeconds, titleSource: '' });

    const sources: TalkSource[] = this.articles.map((a) => ({
      path: a.path,
      title: a.title?.text ?? '',
      author: a.attributions.find((x) => x.role === 'author')?.value ?? '',
      url: a.attributions.find((x) => x.role === 'source' && x.url)?.url ?? '',
      date: a.meta.date?.text ?? '',
      description: a.meta.description?.text ?? '',
    }));
    return {
      title,
      subtitle: this.options.title?.trim() && main.title ? main.title.text : '',
      author: authorLine?.value ?? '',
      date: main.meta.date?.text ?? '',
      lang: this.lang,
      minutes: budget.minutes,
      sources,
      slides,
    };
  }

  /**
   * Every slide's time, in proportion to what is said on it: the speech of its notes (a content
   * slide's passages, a divider's name and thesis, the takeaways' sentences), of its items (the
   * agenda), or of its title and author (the title slide), plus a few seconds to read it. Questions
   * keep the budget's share: that time is the audience's. Multiples of five seconds, adding up to
   * the talk's length.
   */
  private time(slides: TalkSlide[], budget: Budget): void {
    const questions = slides[slides.length - 1] as TalkSlide;
    const spoken = slides.slice(0, -1);
    const said = (slide: TalkSlide): number => {
      switch (slide.kind) {
        case 'title':
          return speechSeconds([slide.title, slide.subtitle, ...slide.bullets.map((b) => b.text).filter((t) => !/^(?:https?:\/\/|www\.)/iu.test(t))].join(' '));
        case 'agenda':
          return slide.bullets.reduce((a, b) => a + speechSeconds(b.text), 0);
        default:
          return slide.notes.reduce((a, n) => a + speechSeconds(n.text), 0);
      }
    };
    const total = budget.totalSeconds - (budget.totalSeconds % 5);
    const reserved = Math.min(questions.timeSeconds, Math.max(5, round5(total * 0.3)));
    const rest = Math.max(5 * spoken.length, total - reserved);
    const times = apportion(rest, spoken.map((slide) => said(slide) + READING_SECONDS), 10);
    spoken.forEach((slide, i) => (slide.timeSeconds = times[i] ?? 10));
    questions.timeSeconds = Math.max(5, budget.totalSeconds - spoken.reduce((a, s) => a + s.timeSeconds, 0));
  }

  private contentSlide(plan: ContentPlan, seconds: number): TalkSlide {
    const sources: Citation[] = [];
    const indexOf = new Map<Sentence, number>();
    const citeOnce = (s: Sentence) => {
      let i = indexOf.get(s);
      if (i === undefined) {
        i = sources.push(this.cite(s)) - 1;
        indexOf.set(s, i);
      }
      return i;
    };
    const notes: NotesParagraph[] = [];
    // Notes that run over several of the article's sub-headings say each where it starts: an answer
    // ("可以。") means nothing without the question its heading asks.
    const headingsSpoken = new Set(plan.spoken.map((s) => s.heading));
    const headings = plan.article.headings;
    let lastHeading: number | null = null;
    for (const s of plan.spoken) {
      const heading = headingsSpoken.size > 1 && s.heading !== lastHeading && s.heading >= 0 ? headings[s.heading] : undefined;
      lastHeading = s.heading;
      const headingText = heading ? plainText(heading.text, plan.article.definitions).trim() : '';
      if (heading && headingText && headingText !== plan.title) {
        const cite = sources.push({ path: plan.article.path, startLine: heading.line, endLine: heading.endLine, quote: heading.quote }) - 1;
        notes.push({ lead: /[?？:：]$/u.test(headingText) ? headingText : `${headingText}:`, text: s.plain, cites: [cite, citeOnce(s)] });
      } else notes.push({ lead: '', text: s.plain, cites: [citeOnce(s)] });
      for (const support of plan.support) {
        if (support.anchor !== s.index) continue;
        const article = this.articles[support.sentence.article] as Article;
        notes.push({ lead: `${STRUCTURE_WORDS[this.lang].alsoIn} ${article.title?.text ?? article.path}:`, text: support.sentence.plain, cites: [citeOnce(support.sentence)] });
      }
    }
    for (const b of plan.bullets) citeOnce(b.sentence);
    if (plan.titleFrom) citeOnce(plan.titleFrom);
    if (plan.titleCite) sources.push(plan.titleCite);
    const slide: TalkSlide = {
      kind: 'content',
      title: plan.title,
      subtitle: '',
      bullets: plan.bullets.map((b) => ({ text: b.text, children: [] })),
      notes,
      sources,
      timeSeconds: seconds,
      titleSource: plan.titleFrom?.plain ?? '',
    };
    if (plan.figure) {
      const { startLine, endLine } = plan.figure;
      const lines = plan.article.lines.slice(startLine - 1, endLine).join('\n');
      sources.push({ path: plan.article.path, startLine, endLine, quote: collapse(lines) });
      slide.figure = plan.figure.shown;
    }
    return slide;
  }
}

/** A clause that concedes before a "but" is not the author's point; the one after it is. */
function roleWeight(candidate: TitleCandidate): number {
  return candidate.role === 'concession' ? 0.5 : candidate.role === 'contrast' ? 1.15 : 1;
}

/** Whether a section is the talk's introduction: the first of three or more, before any heading. */
function isIntroduction(sections: readonly Section[], si: number): boolean {
  return si === 0 && sections.length >= 3 && !sections[0]?.heading;
}

/** Whether a phrase can stand as a bullet by itself: it does not open with a verb, a preposition or a conjunction ("are no processes"). */
function standsAlone(phrase: string): boolean {
  const first = taggedWords(phrase)[0];
  return first !== undefined && !['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PART'].includes(first.pos);
}

/**
 * A picture that decorates rather than shows: a person's avatar beside a pull quote, an icon or an
 * emoji, by its alt text or where it comes from (GitHub's avatars, Gravatar).
 */
export function decorativeImage(alt: string, src: string): boolean {
  return /^\s*(?:avatar|profile (?:photo|picture)|icon|emoji|spacer|头像|图标)\s*$/iu.test(alt) || /^https?:\/\/(?:avatars\d*\.githubusercontent\.com|(?:[\w-]+\.)?gravatar\.com)\//iu.test(src);
}

/** Whether a phrase says something: it holds a verb ("The friction killed them"), not a name alone. */
function makesClaim(phrase: string): boolean {
  return taggedWords(phrase).some((w) => w.pos === 'VERB' || w.pos === 'AUX');
}

/** Share of the smaller set's terms that the other set also has. */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / Math.min(a.size, b.size);
}

/** Plans a talk from read articles, the first leading. */
export function planTalk(articles: readonly Article[], options: PlanOptions): PlanResult {
  return new Planner(articles, options).plan();
}

/**
 * The word that ends just before the spaces before `at` (a letter or digit, then letters, digits,
 * apostrophes and hyphens), or undefined when no word and space come right before it. Matched in
 * the text after the last white space before that word: anchored at the end of the whole text, the
 * expression would try every start in it.
 */
function wordBeforeSpace(text: string, at: number): string | undefined {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let from = end;
  while (from > 0 && !/\s/u.test(text[from - 1] as string)) from--;
  // The last run of the word's letters, if it runs to the spaces.
  let last: RegExpExecArray | null = null;
  const piece = text.slice(from, end);
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(piece); m; m = WORD_RUN.exec(piece)) last = m;
  return end < at && last && last.index + last[0].length === piece.length ? last[0] : undefined;
}

/**
 * A word: a letter or digit, then letters, digits, apostrophes and hyphens. One expression for
 * every use here: V8 compiles each expression with Unicode letter classes anew in every process,
 * about a millisecond each.
 */
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** The word `text` starts with, or undefined. */
function firstWordOf(text: string): string | undefined {
  WORD_RUN.lastIndex = 0;
  const m = WORD_RUN.exec(text);
  return m && m.index === 0 ? m[0] : undefined;
}
