import type { DeckCoverage } from '../../compile/index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDeckOptions, type DeckOptions } from '../options.js';

interface CoverageOptions extends DeckOptions {
  json?: boolean;
}

const BAR_WIDTH = 20;

/** A bar of `width` cells, filled for the share `part / whole`. */
function bar(part: number, whole: number, width = BAR_WIDTH): string {
  const filled = whole === 0 ? 0 : Math.round((width * part) / whole);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** Cuts a line to at most `columns` cells (CJK takes two): cli-truncate, loaded by the command. */
type Truncate = (text: string, columns: number) => string;

const lines = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);
const slideNumbers = (slides: readonly number[]) => (slides.length === 0 ? '—' : slides.join(','));
const pct = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;

/** The terminal report: per article, a bar per heading, the passages cited and the salient ones left out. */
export function formatCoverage(coverage: DeckCoverage, columns: number, truncate: Truncate): string {
  const shorten = (text: string, width: number): string => truncate(text.replace(/\s+/gu, ' ').trim(), width);
  const out: string[] = [];
  for (const article of coverage.articles) {
    out.push(`${article.path}`);
    if (article.error !== null) {
      out.push(`  cannot be read: ${article.error}`, '');
      continue;
    }
    out.push(
      `  sentences  ${bar(article.onScreen, article.sentences)} ${pct(article.onScreen, article.sentences)} on screen, ${pct(article.notesOnly, article.sentences)} only in the notes, ${pct(article.sentences - article.onScreen - article.notesOnly, article.sentences)} left out (${article.sentences} sentences)`,
    );
    if (article.headings.length > 0) {
      out.push('', '  heading                                  cited       slides');
      for (const h of article.headings) {
        const name = shorten(`${'  '.repeat(Math.max(0, h.level - 2))}${h.text}`, 38).padEnd(38);
        out.push(`  ${name} ${bar(h.cited, h.sentences, 10)} ${`${h.cited}/${h.sentences}`.padEnd(6)} ${h.slides.length === 0 ? 'no slide' : slideNumbers(h.slides)}`);
      }
    }
    out.push('', '  cited passages (lines → slides)');
    for (const p of article.cited) out.push(`    ${lines(p.startLine, p.endLine).padEnd(8)} → ${slideNumbers(p.slides).padEnd(8)} ${shorten(p.quote, columns - 25)}`);
    if (article.cited.length === 0) out.push('    none');
    out.push('', '  salient passages no slide cites');
    for (const p of article.missed) out.push(`    ${lines(p.startLine, p.endLine).padEnd(8)} ${p.salience.toFixed(2)} ${shorten(p.quote, columns - 19)}`);
    if (article.missed.length === 0) out.push('    none: every sentence is cited');
    out.push('');
  }
  out.push(`words on screen: ${coverage.screenWords} over ${coverage.talkMinutes} minutes, ${coverage.screenWordsPerMinute} a minute`);
  return `${out.join('\n')}\n`;
}

/** `talkdeck coverage DECK`: what the talk shows of its source articles, and what it leaves out. */
export const coverage = defineCommand<[string], CoverageOptions>({
  name: 'coverage',
  declare: (command) =>
    addDeckOptions(
      command.description("what the talk leaves out: each source article's cited and uncited passages, headings with a slide, words on screen a minute").argument('<deck>', 'the deck, a Markdown file'),
    ).option('--json', 'machine-readable output'),
  run: async ([deckPath], options, { io, output, deckInput }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, allowOutside: options.allowOutside });
    const deck = await input.deck();
    if (await input.report(deck)) return EXIT.input;
    const { coverDeck } = await import('../../compile/index.js');
    const result = coverDeck(deck, (path) => input.readSource(path));
    if (options.json) output.out(`${JSON.stringify(result, null, 2)}\n`);
    // cli-truncate (and string-width under it) only here: other commands never load them.
    else output.out(formatCoverage(result, io.stdout.columns || 80, (await import('cli-truncate')).default));
    return result.articles.some((a) => a.error !== null) ? EXIT.input : EXIT.ok;
  },
});
