import { readArticle, type Article } from './article.js';
import { CompileError } from './compile-error.js';
import { planTalk, type PlanResult } from './plan-talk.js';
import type { TalkLanguage } from './structure-words.js';
import type { Talk } from './talk.js';
import { writeDeck } from './write-deck.js';

/** An article to compile: its path relative to the deck (forward slashes) and its text. */
export interface ArticleInput {
  path: string;
  text: string;
}

export interface CompileOptions {
  /** Length of the talk in minutes; the articles' natural length when not given. */
  minutes?: number;
  /** Title of the talk; the first article's title when not given. */
  title?: string;
  /** Language of the structure slides (agenda, takeaways, questions); the main article's when not given. */
  lang?: TalkLanguage;
  /** Whether a local image, by its path relative to the deck, exists and may be shown. */
  localImage?: (path: string) => boolean;
}

/** A compiled talk: its deck Markdown, the plan it was written from, and how long the articles run. */
export interface Compiled extends Omit<PlanResult, 'talk'> {
  markdown: string;
  talk: Talk;
  /** The articles as read, by path, with the text each was read from: coverage reuses them instead of reading them again. */
  articles: ReadonlyMap<string, ReadArticle>;
}

/** An article as the compiler read it, and its text. */
export interface ReadArticle {
  text: string;
  article: Article;
}

/**
 * Compiles articles into a talk and returns the deck Markdown with the plan behind it. The first
 * article leads: the talk follows it, the others are cited where they support a slide and get
 * slides for what they add. Deterministic: the same input gives the same bytes. Throws
 * CompileError (naming the article) for an article that is empty, binary, or without prose.
 */
export function compileTalkDetailed(articles: readonly ArticleInput[], options: CompileOptions = {}): Compiled {
  if (articles.length === 0) throw new CompileError('', 'no articles to compile');
  const minutes = options.minutes;
  if (minutes !== undefined && (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60)) throw new RangeError(`minutes must be more than 0 and at most ${24 * 60} (a day), not ${minutes}`);
  const read = articles.map((a, i) => readArticle(i, a.path, a.text));
  const { talk, ...rest } = planTalk(read, { minutes, title: options.title, lang: options.lang, localImage: options.localImage });
  const byPath = new Map<string, ReadArticle>();
  articles.forEach((a, i) => {
    if (!byPath.has(a.path)) byPath.set(a.path, { text: a.text, article: read[i] as Article });
  });
  return { markdown: writeDeck(talk), talk, ...rest, articles: byPath };
}

/** Compiles articles into a talk and returns its deck Markdown (see `compileTalkDetailed`). */
export function compileTalk(articles: readonly ArticleInput[], options: CompileOptions = {}): string {
  return compileTalkDetailed(articles, options).markdown;
}
