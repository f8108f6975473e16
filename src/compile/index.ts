/**
 * compile/: articles → talk. Reads articles into sentences with exact line spans, plans sections
 * and slides against a time budget, picks and condenses bullets, writes speaker notes that cite
 * their passages, and writes deck Markdown. Also checks a deck's citations against its sources.
 */
import { readArticle } from './article.js';
import { CompileError } from './compile-error.js';
import { planTalk } from './plan-talk.js';
import { writeDeck } from './write-deck.js';

export { CompileError } from './compile-error.js';
export { checkSources, fixSources, type SourceProblem } from './check-sources.js';

/** An article to compile: its path relative to the deck (forward slashes) and its text. */
export interface ArticleInput {
  path: string;
  text: string;
}

export interface CompileOptions {
  /** Length of the talk in minutes; 20 when not given. */
  minutes?: number;
  /** Title of the talk; the first article's title when not given. */
  title?: string;
}

/**
 * Compiles articles into a talk and returns its deck Markdown. The first article leads: the
 * talk follows it, and the others are cited where they support a slide. Deterministic: the same
 * input gives the same bytes. Throws CompileError (naming the article) for an article that is
 * empty, binary, or without prose.
 */
export function compileTalk(articles: readonly ArticleInput[], options: CompileOptions = {}): string {
  if (articles.length === 0) throw new CompileError('', 'no articles to compile');
  const minutes = options.minutes ?? 20;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) throw new RangeError(`minutes must be more than 0 and at most ${24 * 60} (a day), not ${minutes}`);
  const read = articles.map((a, i) => readArticle(i, a.path, a.text));
  return writeDeck(planTalk(read, { minutes, title: options.title }));
}
