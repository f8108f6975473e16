import { readArticle } from './article.js';
import { LINE_RULES } from './boilerplate.js';
import { bulletLength, danglingReference, fragmentBullet } from './condense.js';
import type { ArticleInput, Compiled } from './compile-talk.js';
import { plainText } from './inline.js';
import { emptyTitle, titleFault, titleShape } from './titles.js';
import { hasCjk } from './tokens.js';

/**
 * How good a compiled talk is, by the figures `npm run quality` reports: what a speaker would
 * notice first (titles that are fragments, bullets too long to read at a glance, boilerplate on
 * slides, bullets that point at something not shown) and what shapes the talk (slides, figures,
 * time per slide, the article's own headings kept).
 */
export interface TalkQuality {
  slides: number;
  contentSlides: number;
  /** Median length of content slide titles: words (English) or characters (Chinese). */
  titleLengthMedian: number;
  /** Titles that end in a function word (or a Chinese word that leaves them hanging), cut a name, a word or a code span, come from boilerplate, or are empty. */
  fragmentTitles: number;
  fragmentExamples: string[];
  /** Titles cut from a passage (not the author's headings) that are noun phrases naming a topic, not claims. */
  phraseTitles: number;
  /** Titles cut from a passage, in all: what `phraseTitles` is out of. */
  passageTitles: number;
  phraseExamples: string[];
  /** Bullets and takeaways that are fragments: a clause cut short, a subordinate clause or adverbial alone, a Chinese piece without a verb or ending on a word that leaves it hanging (通过, 是, 和 …). */
  fragmentBullets: number;
  fragmentBulletExamples: string[];
  /** Bullets that say again what their slide's title, or the divider of their section (its title and subtitle), already says. */
  repeatedBullets: number;
  /** Bullet length (words, or Chinese characters): median and maximum over content slides. */
  bulletMedian: number;
  bulletMax: number;
  bullets: number;
  /** Lines on slides (titles, bullets) that are boilerplate (credits, footers, follow-me lines …); the title slide's attribution excepted. */
  boilerplateOnSlides: number;
  boilerplateExamples: string[];
  /** Bullets (and takeaways) that refer to a table, code or figure their slide does not show, or send the audience elsewhere ("See the man page …"). */
  danglingBullets: number;
  codeSlides: number;
  tableSlides: number;
  imageSlides: number;
  /** Median seconds of a content slide. */
  secondsPerSlide: number;
  /** The article's own headings that became slide or section titles, and how many it has. */
  headingsKept: number;
  headings: number;
  /** Whether the talk is Chinese (lengths in characters). */
  cjk: boolean;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Whether most words of a bullet are in a passage (a bullet is the passage with parts deleted). */
function contentOverlap(passage: string, bullet: string): boolean {
  const words = bullet.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = passage.toLowerCase();
  return words.length > 0 && words.filter((w) => lower.includes(w)).length >= words.length * 0.8;
}

/** Measures a talk compiled from `articles` (the first is the main one). */
export function assessTalk(articles: readonly ArticleInput[], compiled: Compiled): TalkQuality {
  const main = readArticle(0, articles[0]?.path ?? '', articles[0]?.text ?? '');
  const { slides } = compiled.talk;
  const content = slides.filter((s) => s.kind === 'content');
  const cjk = compiled.talk.lang === 'zh' || compiled.talk.lang === 'ja' || hasCjk(main.title?.text ?? '');
  // Tables of contents and link lists repeat the article's headings: they do not make a heading boilerplate.
  const boilerplateTexts = main.boilerplate
    .filter((b) => b.rule !== 'table-of-contents' && b.rule !== 'link-dump' && b.rule !== 'endnotes' && b.rule !== 'front-matter')
    .map((b) => normal(b.text))
    .filter((t) => t.length >= 4);
  const isBoilerplate = (line: string) => {
    const t = normal(line);
    if (t.length < 4) return false;
    if (LINE_RULES.some((rule) => rule(line) !== null)) return true;
    // A template placeholder no one filled in ("{{{ .company }}}", "{% include %}") is the page's machinery.
    if (/\{\{|\{%|<%/u.test(line)) return true;
    // A line that is mostly a boilerplate line, or most of one; not one that quotes a few of its words
    // ("`Copyright (c)` 可以表达同样的意思", about the notice "Copyright (c)").
    return boilerplateTexts.some((b) => b === t || (t.length > 12 && ((t.includes(b) && b.length * 4 >= t.length * 3) || (b.includes(t) && t.length * 2 >= b.length))));
  };

  const fragmentExamples: string[] = [];
  let fragmentTitles = 0;
  for (const slide of slides) {
    if (slide.kind !== 'content' && slide.kind !== 'section') continue;
    const fault = slide.titleSource ? titleFault(slide.title, slide.titleSource) : null;
    if (fault || isBoilerplate(slide.title) || emptyTitle(slide.title)) {
      fragmentTitles++;
      if (fragmentExamples.length < 3) fragmentExamples.push(slide.title);
    }
  }
  let phraseTitles = 0;
  let passageTitles = 0;
  const phraseExamples: string[] = [];
  for (const slide of slides) {
    if ((slide.kind !== 'content' && slide.kind !== 'section') || !slide.titleSource) continue;
    passageTitles++;
    if (titleShape(slide.title) !== 'phrase') continue;
    phraseTitles++;
    if (phraseExamples.length < 3) phraseExamples.push(slide.title);
  }
  // Fragments among bullets and takeaways, each judged against the sentence it was cut from (a list item may be a phrase).
  const items = new Set(main.sentences.filter((s) => s.kind === 'item').map((s) => s.quote));
  let fragmentBullets = 0;
  const fragmentBulletExamples: string[] = [];
  for (const slide of slides) {
    if (slide.kind !== 'content' && slide.kind !== 'takeaways') continue;
    const quotes = slide.sources.map((c) => ({ plain: plainText(c.quote, main.definitions), item: items.has(c.quote) || /^\s*(?:[-*+]|\d+[.)])\s/u.test(c.quote) }));
    for (const b of slide.bullets) {
      const key = b.text.replace(/[.。!！]$/u, '').toLowerCase();
      const from = quotes.find((q) => q.plain.toLowerCase().includes(key)) ?? quotes.find((q) => contentOverlap(q.plain, b.text));
      if (!fragmentBullet(b.text, from?.plain ?? '', from?.item ?? false)) continue;
      fragmentBullets++;
      if (fragmentBulletExamples.length < 3) fragmentBulletExamples.push(b.text);
    }
  }
  let repeatedBullets = 0;
  let divider: string[] = [];
  const bare = (text: string) => normal(text).replace(/[.。!！?？]+$/u, '');
  for (const slide of slides) {
    if (slide.kind === 'section') divider = [slide.title, slide.subtitle].filter(Boolean).map(bare);
    else if (slide.kind !== 'content') divider = [];
    if (slide.kind !== 'content') continue;
    const said = new Set([bare(slide.title), ...divider]);
    // The same words, or the same words after a lead-in ("尽管有丰富的知识，Cantrill 本人并不是一个公正的观察者").
    repeatedBullets += slide.bullets.filter((b) => [...said].some((t) => bare(b.text) === t || (t.length >= 8 && bare(b.text).endsWith(t) && t.length >= bare(b.text).length * 0.6))).length;
  }
  // Lengths in the talk's own script: a Chinese bullet in an English talk is not counted in words.
  const bulletLengths = content.flatMap((s) => s.bullets.filter((b) => hasCjk(b.text) === cjk).map((b) => bulletLength(b.text)));
  let boilerplateOnSlides = 0;
  const boilerplateExamples: string[] = [];
  for (const slide of slides) {
    if (slide.kind === 'title' || slide.kind === 'questions') continue;
    for (const line of [slide.title, slide.subtitle, ...slide.bullets.map((b) => b.text)]) {
      if (!line || !isBoilerplate(line)) continue;
      boilerplateOnSlides++;
      if (boilerplateExamples.length < 3) boilerplateExamples.push(line);
    }
  }
  const danglingBullets = slides.filter((s) => s.kind === 'content' || s.kind === 'takeaways').reduce((a, s) => a + (s.figure ? 0 : s.bullets.filter((b) => danglingReference(b.text)).length), 0);
  const titles = new Set(slides.filter((s) => s.kind === 'content' || s.kind === 'section').map((s) => normal(s.title)));
  const headings = main.headings.map((h) => normal(plainText(h.text, main.definitions)));
  return {
    slides: slides.length,
    contentSlides: content.length,
    titleLengthMedian: median(content.map((s) => bulletLength(s.title))),
    fragmentTitles,
    fragmentExamples,
    phraseTitles,
    passageTitles,
    phraseExamples,
    fragmentBullets,
    fragmentBulletExamples,
    repeatedBullets,
    bulletMedian: median(bulletLengths),
    bulletMax: Math.max(0, ...bulletLengths),
    bullets: bulletLengths.length,
    boilerplateOnSlides,
    boilerplateExamples,
    danglingBullets,
    codeSlides: content.filter((s) => s.figure?.kind === 'code').length,
    tableSlides: content.filter((s) => s.figure?.kind === 'table').length,
    imageSlides: content.filter((s) => s.figure?.kind === 'image').length,
    secondsPerSlide: median(content.map((s) => s.timeSeconds)),
    headingsKept: headings.filter((h) => titles.has(h)).length,
    headings: headings.length,
    cjk,
  };
}
