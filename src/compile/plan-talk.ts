import type { Article, Attribution, Sentence } from './article.js';
import type { Heading } from './blocks.js';
import { apportion, bulletsFor, planBudget, round5, type Budget } from './budget.js';
import { centrality, selectMmr, type Candidate } from './centrality.js';
import { condenseSentence } from './condense.js';
import { stripMarkup } from './inline.js';
import { findSupport, type Analysis, type Support } from './support.js';
import type { Citation, NotesParagraph, Talk, TalkBullet, TalkSlide, TalkSource } from './talk.js';
import { depthScores, gapCohesion, topicStarts } from './text-tiling.js';
import { keyPhrases, NounEvidence, shortClauses, type TitleCandidate } from './titles.js';
import { glossaryTerms, hasCjk, TermIndex } from './tokens.js';
import { centroidSimilarities, cosine, vectorFromIds, Vocabulary, type SparseVector } from './vectors.js';

/** Widest bullet, in display columns: two lines of an 80-column slide. */
export const MAX_BULLET_COLUMNS = 150;
/** Words a speaker says in a second, for sizing the notes to a slide's time. */
const WORDS_PER_SECOND = 2.3;
/** Sentences read for evidence of which words are nouns (beyond those the slides say). */
const NOUN_EVIDENCE_SENTENCES = 400;
/** Sentences of a chunk considered for its bullets, most central first. */
const MAX_BULLET_SOURCES = 10;

export interface PlanOptions {
  minutes?: number;
  title?: string;
}

/** A run of the main article's sentences, [start, end), as one section of the talk. */
interface Section {
  start: number;
  end: number;
  heading: Heading | null;
  /** Chunks as sentence ranges, one per content slide. */
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
  section: number;
  chunk: { start: number; end: number };
  bullets: Bullet[];
  /** Sentences the notes say, in source order; each is cited. */
  spoken: Sentence[];
  title: string;
  titleFrom: Sentence | null;
  support: Support[];
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

function analyze(article: Article, vocab: Vocabulary, index: TermIndex): Analysis {
  const terms: number[][] = [];
  const anchors: number[][] = [];
  for (const s of article.sentences) {
    terms.push(index.ids(s.plain));
    anchors.push(
      s.urls.length === 0 && !hasCjk(s.plain)
        ? []
        : [...s.urls.filter((u) => /^(?:https?:\/\/|www\.)/iu.test(u)).map(urlKey), ...glossaryTerms(s.plain)].map((t) => vocab.id(t)),
    );
  }
  return { article, terms, anchors };
}

/** Inverse document frequency over a set of sentences (each sentence a document). */
function idfOver(termLists: readonly (readonly number[])[], vocabularySize: number): (id: number) => number {
  const df = new Int32Array(vocabularySize);
  // Stamps instead of a set per sentence: a term counts once per sentence.
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

function plainWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length + (text.match(/\p{Script=Han}/gu)?.length ?? 0) / 2;
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
  main.sentences.forEach((s, i) => {
    const key = s.heading < 0 ? -1 : (topOf[s.heading] ?? -1);
    const last = sections[sections.length - 1];
    const heading = key < 0 ? null : (headings[key] ?? null);
    if (last && last.heading === heading) last.end = i + 1;
    else sections.push({ start: i, end: i + 1, heading, chunks: [] });
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
    sections.push({ start, end: next, heading: null, chunks: [] });
    start = next;
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
 * Cuts a section into `k` chunks of about equal length, each cut at the best gap near its
 * target: deep cohesion dips, paragraph starts and subheadings are preferred.
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
    // A chunk starting at `at` (gap at-1): leave room for the chunks still to come, and keep every
    // chunk at least half its share long where the sentences allow it.
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

/** The planner's state for one compilation. */
class Planner {
  readonly vocab = new Vocabulary();
  readonly index = new TermIndex((term) => this.vocab.id(term));
  readonly analyses: Analysis[];
  readonly main: Article;
  readonly mainTerms: number[][];
  readonly idf: (id: number) => number;
  readonly vectors: SparseVector[];
  readonly budget: Budget;
  private readonly usedTitles: Set<number>[] = [];
  private readonly nouns = new NounEvidence();

  constructor(
    readonly articles: readonly Article[],
    readonly options: PlanOptions,
  ) {
    this.analyses = articles.map((a) => analyze(a, this.vocab, this.index));
    const first = this.analyses[0] as Analysis;
    this.main = first.article;
    this.mainTerms = first.terms;
    this.idf = idfOver(this.mainTerms, this.vocab.size);
    this.vectors = this.mainTerms.map((ids) => this.vectorOf(ids));
    this.budget = planBudget(options.minutes ?? 20);
  }

  vectorOf(ids: readonly number[]): SparseVector {
    return vectorFromIds(ids, (id, c) => (1 + Math.log(c)) * this.idf(id));
  }

  private readonly idsCache = new Map<string, number[]>();

  /** Term ids of a short text (a title or bullet candidate), remembered: candidates repeat. */
  termIds(text: string): number[] {
    let ids = this.idsCache.get(text);
    if (!ids) {
      ids = this.index.ids(text);
      this.idsCache.set(text, ids);
    }
    return ids;
  }

  plan(): Talk {
    const { main, budget } = this;
    const sentences = main.sentences;
    const lengths = sentences.map((s) => s.plain.length);
    const sectionLength = (s: Section) => {
      let sum = 0;
      for (let i = s.start; i < s.end; i++) sum += lengths[i] ?? 0;
      return sum;
    };

    // Cohesion dips over the whole article, scaled to [0, 1]; subheadings and paragraph starts add worth.
    const depth = depthScores(gapCohesion(this.mainTerms, this.vocab.size));
    let maxDepth = 1e-9;
    for (const d of depth) if (d > maxDepth) maxDepth = d;
    const gapWorth = depth.map((d, g) => {
      const next = sentences[g + 1];
      const headingChange = next !== undefined && next.heading !== sentences[g]?.heading;
      return d / maxDepth + (next?.opensBlock ? 0.25 : 0) + (headingChange ? 0.6 : 0);
    });

    // How many slides: about one a minute in all, fewer when the article is short.
    const structure = 3 + (budget.agenda ? 1 : 0);
    const available = Math.max(1, budget.slidesTarget - structure);
    const maxContent = Math.max(1, Math.floor(sentences.length / 2));
    let sections: Section[];
    if (main.headings.length > 0) {
      sections = sectionsFromHeadings(main);
      const withDividers = budget.dividers && sections.length >= 2 && sections.length <= 8;
      const content = Math.min(maxContent, available - (withDividers ? sections.length : 0));
      sections = mergeSections(sections, Math.max(1, content), sectionLength);
    } else {
      let count = Math.max(1, Math.min(8, Math.round(available / 4.5)));
      if (count === 1 || !budget.dividers) count = Math.max(1, Math.min(count, Math.round(available / 4)));
      count = Math.min(count, Math.max(1, Math.floor(sentences.length / 4)));
      sections = sectionsFromTopics(main, gapWorth, count);
    }
    const dividers = budget.dividers && sections.length >= 2 && sections.length <= 8;
    const contentCount = Math.max(sections.length, Math.min(maxContent, available - (dividers ? sections.length : 0)));
    const perSection = allocateSlides(sections, contentCount, sectionLength);
    sections.forEach((s, i) => (s.chunks = splitSection(s, perSection[i] ?? 1, gapWorth, lengths)));
    const slideCount = sections.reduce((a, s) => a + s.chunks.length, 0);

    // Time: structure slides get fixed shares, content the rest.
    const structureSeconds =
      budget.titleSeconds +
      (budget.agenda ? budget.agendaSeconds : 0) +
      (dividers ? sections.length * budget.dividerSeconds : 0) +
      budget.takeawaysSeconds +
      budget.questionsSeconds;
    const contentSeconds = Math.max(slideCount * 10, budget.totalSeconds - structureSeconds);
    const perSlideSeconds = contentSeconds / Math.max(1, slideCount);
    const bulletCount = bulletsFor(perSlideSeconds);

    const contents: ContentPlan[] = [];
    const chosenVectors: SparseVector[] = [];
    sections.forEach((section, si) => {
      const central = centrality(this.vectors.slice(section.start, section.end), this.vocab.size);
      const chosenBefore = chosenVectors.length;
      for (;;) {
        const plans = section.chunks.map((chunk) => this.planContent(si, chunk, (i) => central[i - section.start] ?? 0, bulletCount, perSlideSeconds, chosenVectors));
        // A chunk that yields fewer than two bullets joins its neighbour, and the section is planned again.
        const thin = plans.findIndex((p) => p.bullets.length < 2);
        if (thin < 0 || section.chunks.length < 2) {
          contents.push(...plans);
          break;
        }
        const other = thin > 0 ? thin - 1 : thin + 1;
        const [a, b] = [Math.min(thin, other), Math.max(thin, other)];
        section.chunks.splice(a, 2, { start: section.chunks[a]?.start ?? 0, end: section.chunks[b]?.end ?? 0 });
        chosenVectors.length = chosenBefore;
      }
    });

    // Support from the other articles; the notes say each passage next to the sentence it echoes.
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

    // Evidence of nouns from the start of the article and every passage the slides say.
    for (const s of sentences.slice(0, NOUN_EVIDENCE_SENTENCES)) this.nouns.observe(s.plain);
    for (const plan of contents) for (const s of plan.spoken) if (s.index >= NOUN_EVIDENCE_SENTENCES) this.nouns.observe(s.plain);
    // Names: headings where there are some, else the section's key phrase.
    const sectionNames = sections.map((section, si) => this.nameSection(section, contents.filter((c) => c.section === si)));
    for (const plan of contents) {
      const { text, from } = this.bestTitle(plan.spoken, plan.bullets);
      plan.title = text;
      plan.titleFrom = from;
    }


    const weights = contents.map((c) => c.spoken.reduce((a, s) => a + plainWords(s.plain), 0) + 20);
    const times = apportion(round5(contentSeconds) - (round5(contentSeconds) % 5), weights);

    return this.assemble(sections, sectionNames, contents, times, dividers);
  }

  /** Chooses a content slide's bullets and the sentences its notes say. */
  private planContent(
    section: number,
    chunk: { start: number; end: number },
    central: (i: number) => number,
    bulletCount: number,
    seconds: number,
    chosenVectors: SparseVector[],
  ): ContentPlan {
    const sentences = this.main.sentences;
    const candidates: (Candidate & { sentence: Sentence; text: string; start: number; partial: boolean })[] = [];
    const scoreOf = new Map<number, number>();
    for (let i = chunk.start; i < chunk.end; i++) {
      const s = sentences[i] as Sentence;
      const question = /[?？]\s*$/u.test(s.plain);
      const aside = /^[(（]/u.test(s.plain);
      scoreOf.set(i, (0.15 + central(i)) * (s.opensBlock ? 1.1 : 1) * (question ? 0.7 : 1) * (aside ? 0.6 : 1));
    }
    // Only the most central sentences are worth condensing: a slide shows five bullets at most.
    // When they give too few bullets, every sentence is tried, and shorter bullets are allowed.
    const ranked = [...scoreOf.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const addCandidates = (from: number, to: number, minWords: number) => {
      for (const [i, score] of ranked.slice(from, to)) {
        const s = sentences[i] as Sentence;
        const vector = this.vectors[i] as SparseVector;
        condenseSentence(stripMarkup(s.raw, this.main.definitions).text, MAX_BULLET_COLUMNS, minWords).forEach((v, k) => {
          const short = v.text.length < 40 ? 0.75 : 1;
          // A clause cut from a sentence is worth the share of the sentence's weight it keeps.
          const part = v.partial ? this.vectorOf(this.termIds(v.text)) : vector;
          const kept = v.partial && vector.norm > 0 ? Math.sqrt(Math.min(1, part.norm / vector.norm)) : 1;
          candidates.push({ sentence: s, text: v.text, start: k, score: score * v.weight * kept * short, vector: part, partial: v.partial });
        });
      }
    };
    addCandidates(0, MAX_BULLET_SOURCES, 3);
    if (new Set(candidates.map((c) => c.sentence)).size < 2) {
      candidates.length = 0;
      addCandidates(0, ranked.length, 2);
    }
    const distinctSentences = new Set(candidates.map((c) => c.sentence.index)).size;
    const want = Math.min(bulletCount, Math.max(2, distinctSentences));
    const sameSentence = (a: number, b: number) => candidates[a]?.sentence === candidates[b]?.sentence;
    const overlapping = (a: number, b: number) => {
      const x = candidates[a]?.text ?? '';
      const y = candidates[b]?.text ?? '';
      return sameSentence(a, b) && (x.includes(y.slice(0, 20)) || y.includes(x.slice(0, 20)));
    };
    let picked = selectMmr(candidates, want, { already: chosenVectors, conflict: sameSentence });
    if (picked.length < Math.min(2, candidates.length)) {
      picked = selectMmr(candidates, want, { already: chosenVectors, conflict: overlapping, maxSimilarity: 0.95 });
    }
    const bullets: Bullet[] = picked
      .map((k) => candidates[k] as (typeof candidates)[number])
      .sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start)
      .map((c) => ({ sentence: c.sentence, text: c.text, score: c.score, vector: c.vector, partial: c.partial }));
    for (const b of bullets) chosenVectors.push(b.vector);

    // Notes: the bullets' sentences in full, then the chunk's most central others, as time allows.
    const spokenIds = new Set(bullets.map((b) => b.sentence.index));
    let words = [...spokenIds].reduce((a, i) => a + plainWords(sentences[i]?.plain ?? ''), 0);
    const budgetWords = seconds * WORDS_PER_SECOND;
    const others = ranked.filter(([i]) => !spokenIds.has(i));
    for (const [i] of others) {
      const w = plainWords(sentences[i]?.plain ?? '');
      if (words + w > budgetWords && spokenIds.size > 0) continue;
      spokenIds.add(i);
      words += w;
    }
    if (spokenIds.size === 0) spokenIds.add(chunk.start);
    const spoken = [...spokenIds].sort((a, b) => a - b).map((i) => sentences[i] as Sentence);
    return { section, chunk, bullets, spoken, title: '', titleFrom: null, support: [] };
  }

  /** Scores title candidates from passages against word weights; the best unused one wins. */
  private bestTitle(passages: readonly Sentence[], bullets: readonly Bullet[]): { text: string; from: Sentence | null } {
    const weight = new Map<number, number>();
    for (const s of passages) for (const id of this.mainTerms[s.index] ?? this.termIds(s.plain)) weight.set(id, (weight.get(id) ?? 0) + this.idf(id));
    const inBullets = new Set(bullets.flatMap((b) => this.termIds(b.text)));
    let best: { text: string; from: Sentence | null; score: number; ids: Set<number> } | null = null;
    const consider = (candidate: TitleCandidate, from: Sentence, bonus: number) => {
      const ids = new Set(this.termIds(candidate.text));
      if (ids.size === 0) return;
      if (this.usedTitles.some((used) => overlap(used, ids) >= 0.6)) return;
      let sum = 0;
      for (const id of ids) sum += (weight.get(id) ?? 0) * (inBullets.has(id) ? 1.5 : 1);
      const shape = candidate.kind === 'clause' ? 0.9 : candidate.words === 1 ? 0.55 : candidate.words === 4 ? 0.9 : 1;
      const words = candidate.text.split(/[\s]+/u);
      const last = words[words.length - 1] ?? '';
      const latin = !hasCjk(candidate.text);
      const adverbs = words.filter((w) => /\wly$/u.test(w)).length;
      // "Secure containers running": a plural noun and a participle make a clause, not a name.
      const participle = words.length > 1 && /ing$/u.test(last) && /s$/u.test(words[words.length - 2] ?? '');
      const grammar =
        candidate.kind === 'clause' || !latin
          ? 1
          : (this.nouns.nounish(last) ? 1 : 0.35) *
            Math.pow(0.5, words.filter((w) => this.nouns.verbish(w.toLowerCase())).length) *
            Math.pow(0.4, adverbs) *
            (participle ? 0.3 : 1);
      const score = (sum / Math.pow(ids.size, 0.35)) * shape * grammar * bonus;
      if (!best || score > best.score) best = { text: candidate.text, from, score, ids };
    };
    for (const s of passages) for (const c of keyPhrases(s.plain)) consider(c, s, 1);
    for (const b of bullets) for (const c of shortClauses(b.text)) consider(c, b.sentence, 1);
    for (const s of passages) for (const c of shortClauses(s.plain)) consider(c, s, 0.9);
    const chosen = best as { text: string; from: Sentence | null; score: number; ids: Set<number> } | null;
    if (!chosen) return { text: '', from: null };
    this.usedTitles.push(chosen.ids);
    return { text: capitalise(chosen.text), from: chosen.from };
  }

  private nameSection(section: Section, contents: readonly ContentPlan[]): { text: string; cite: Citation | null } {
    if (section.heading) {
      const heading = section.heading;
      const text = plainHeading(heading.text, this.main);
      this.usedTitles.push(new Set(this.termIds(text)));
      return { text, cite: { path: this.main.path, startLine: heading.line, endLine: heading.line, quote: heading.text } };
    }
    const passages = contents.flatMap((c) => c.spoken);
    const { text, from } = this.bestTitle(passages, contents.flatMap((c) => c.bullets));
    return { text, cite: from ? this.cite(from) : null };
  }

  cite(s: Sentence): Citation {
    const article = this.articles[s.article] as Article;
    return { path: article.path, startLine: s.startLine, endLine: s.endLine, quote: s.quote };
  }

  private assemble(
    sections: readonly Section[],
    names: readonly { text: string; cite: Citation | null }[],
    contents: readonly ContentPlan[],
    times: readonly number[],
    dividers: boolean,
  ): Talk {
    const { budget, main } = this;
    const slides: TalkSlide[] = [];
    const authorLine = main.attributions.find((a) => a.role === 'author');
    const title = this.options.title?.trim() || main.title?.text || names[0]?.text || contents[0]?.title || main.path;

    // Title slide: the talk's title, the main author, and every source with its attribution lines.
    const titleSources: Citation[] = [];
    const citeLine = (article: Article, line: number, quote: string) => {
      const known = titleSources.findIndex((c) => c.path === article.path && c.startLine === line && c.quote === quote);
      if (known >= 0) return known;
      titleSources.push({ path: article.path, startLine: line, endLine: line, quote });
      return titleSources.length - 1;
    };
    const titleNotes: NotesParagraph[] = [];
    if (!this.options.title?.trim()) {
      // The title is the article's, or (an article without one) the first section's or slide's name.
      const from = main.title ? null : names[0]?.text === title ? names[0]?.cite : contents[0]?.titleFrom ? this.cite(contents[0].titleFrom) : null;
      if (main.title) citeLine(main, main.title.line, main.title.quote);
      else if (from) titleSources.push(from);
    }
    // Each source: its title and author, with its other attribution lines under it. An article
    // without a title shows only its attribution lines, if it has any (its path is in the front matter).
    const sourceBullets: TalkBullet[] = this.articles.flatMap((article) => {
      const own = article.title ? [citeLine(article, article.title.line, article.title.quote)] : [];
      const author = article.attributions.find((a) => a.role === 'author');
      const children = article.attributions.filter((a) => a !== author).map((a) => attributionText(a));
      const cites = [...own];
      for (const a of article.attributions) cites.push(citeLine(article, a.line, a.quote));
      titleNotes.push({ lead: `${article.path}:`, text: [article.title?.text ?? '', ...article.attributions.map(attributionText)].filter(Boolean).join(' · '), cites });
      if (!article.title) return article.attributions.map((a) => ({ text: attributionText(a), children: [] }));
      return [{ text: [article.title.text, author?.value].filter(Boolean).join(' — '), children }];
    });
    slides.push({
      kind: 'title',
      title,
      subtitle: authorLine?.value ?? '',
      bullets: sourceBullets,
      notes: titleNotes,
      sources: titleSources,
      timeSeconds: budget.titleSeconds,
    });

    const showSections = sections.length >= 2;
    if (budget.agenda) {
      const items = showSections
        ? names.map((n) => ({ text: n.text, cite: n.cite }))
        : contents.map((c) => ({ text: c.title, cite: c.titleFrom ? this.cite(c.titleFrom) : null }));
      const sources: Citation[] = [];
      const notes: NotesParagraph[] = [];
      for (const item of items) {
        if (!item.cite) continue;
        sources.push(item.cite);
        notes.push({ lead: `${item.text}:`, text: collapse(plainQuote(item.cite.quote, this.main)), cites: [sources.length - 1] });
      }
      slides.push({ kind: 'agenda', title: 'Agenda', subtitle: '', bullets: items.map((i) => ({ text: i.text, children: [] })), notes, sources, timeSeconds: budget.agendaSeconds });
    }

    let k = 0;
    sections.forEach((_section, si) => {
      const name = names[si];
      if (dividers && showSections && name) {
        slides.push({
          kind: 'section',
          title: name.text,
          subtitle: '',
          bullets: [],
          notes: name.cite ? [{ lead: '', text: collapse(plainQuote(name.cite.quote, this.main)), cites: [0] }] : [],
          sources: name.cite ? [name.cite] : [],
          timeSeconds: budget.dividerSeconds,
        });
      }
      for (const plan of contents.filter((c) => c.section === si)) {
        slides.push(this.contentSlide(plan, times[k] ?? 60));
        k++;
      }
    });

    // Takeaways: the strongest bullet of each section (or the three strongest of a one-section talk).
    // A takeaway is a statement: questions and clauses cut loose from their sentence rank last.
    // What the whole article is about counts most: closeness to its centroid and to its title.
    const global = centroidSimilarities(this.vectors, this.vocab.size);
    const titleVector = this.vectorOf(this.termIds(title));
    const worth = (b: Bullet) =>
      b.score * (0.5 + (global[b.sentence.index] ?? 0)) * (1 + cosine(b.vector, titleVector)) * (/[?？]$/u.test(b.text) ? 0.2 : 1) * (b.partial ? 0.7 : 1);
    const best = sections.map((_s, si) =>
      contents
        .filter((c) => c.section === si)
        .flatMap((c) => c.bullets)
        .sort((a, b) => worth(b) - worth(a) || a.sentence.index - b.sentence.index),
    );
    let takeaways: Bullet[] = showSections ? best.map((list) => list[0]).filter((b): b is Bullet => b !== undefined) : (best[0] ?? []).slice(0, 3);
    if (takeaways.length > 5) takeaways = [...takeaways].sort((a, b) => worth(b) - worth(a) || a.sentence.index - b.sentence.index).slice(0, 5);
    takeaways.sort((a, b) => a.sentence.index - b.sentence.index);
    const takeawaySources = takeaways.map((b) => this.cite(b.sentence));
    slides.push({
      kind: 'takeaways',
      title: 'Takeaways',
      subtitle: '',
      bullets: takeaways.map((b) => ({ text: b.text, children: [] })),
      notes: takeaways.map((b, i) => ({ lead: '', text: b.sentence.plain, cites: [i] })),
      sources: takeawaySources,
      timeSeconds: budget.takeawaysSeconds,
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
    slides.push({
      kind: 'questions',
      title: 'Questions?',
      subtitle: '',
      bullets: linkBullets,
      notes: links.map((l, i) => ({ lead: '', text: linkBullets[i]?.text ?? '', cites: [i] })),
      sources: links,
      timeSeconds: budget.questionsSeconds,
    });

    // The fixed shares and the content times may not add up exactly after rounding: settle on Q&A.
    const used = slides.reduce((a, s) => a + s.timeSeconds, 0);
    const questions = slides[slides.length - 1] as TalkSlide;
    questions.timeSeconds = Math.max(5, questions.timeSeconds + budget.totalSeconds - used);

    const sources: TalkSource[] = this.articles.map((a) => ({
      path: a.path,
      title: a.title?.text ?? '',
      author: a.attributions.find((x) => x.role === 'author')?.value ?? '',
      url: a.attributions.find((x) => x.role === 'source' && x.url)?.url ?? '',
    }));
    return {
      title,
      subtitle: this.options.title?.trim() && main.title ? main.title.text : '',
      author: authorLine?.value ?? '',
      minutes: budget.minutes,
      sources,
      slides,
    };
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
    for (const s of plan.spoken) {
      notes.push({ lead: '', text: s.plain, cites: [citeOnce(s)] });
      for (const support of plan.support) {
        if (support.anchor !== s.index) continue;
        const article = this.articles[support.sentence.article] as Article;
        notes.push({ lead: `Also in ${article.title?.text ?? article.path}:`, text: support.sentence.plain, cites: [citeOnce(support.sentence)] });
      }
    }
    return {
      kind: 'content',
      title: plan.title,
      subtitle: '',
      bullets: plan.bullets.map((b) => ({ text: b.text, children: [] })),
      notes,
      sources,
      timeSeconds: seconds,
    };
  }
}

/** Share of the smaller set's terms that the other set also has. */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / Math.min(a.size, b.size);
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function plainHeading(text: string, article: Article): string {
  return collapse(stripMarkup(text, article.definitions).text.replace(/\u0000/gu, ''));
}

function plainQuote(quote: string, article: Article): string {
  return plainHeading(quote, article);
}

function attributionText(a: Attribution): string {
  return a.text;
}

/** Plans a talk from read articles, the first leading. */
export function planTalk(articles: readonly Article[], options: PlanOptions): Talk {
  return new Planner(articles, options).plan();
}
