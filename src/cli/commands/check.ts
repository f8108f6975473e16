import type { Deck } from '../../deck/index.js';
import { editFile } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDeckOptions, parseSize, type DeckOptions } from '../options.js';

interface CheckOptions extends DeckOptions {
  size: string;
  fix?: boolean;
}

/** `talkdeck check DECK`: diagnostics, overflowing slides and stale citations; exit 1 on any. */
export const check = defineCommand<[string], CheckOptions>({
  name: 'check',
  declare: (command) =>
    addDeckOptions(command.description('report deck problems: diagnostics, overflowing slides, stale source citations').argument('<deck>', 'the deck, a Markdown file'))
      .option('-s, --size <COLSxROWS>', 'terminal size to check overflow at', '80x24')
      .option('-t, --theme <name|path>', 'theme to lay out with')
      .option('--fix', 'move citation line ranges whose passage only moved'),
  run: async ([deckPath], options, { output, deckInput }) => {
    const size = parseSize(options.size);
    const input = deckInput(deckPath, options);
    const read = await input.read();
    const deck = read.deck;
    if (input.dialect) output.out(`${deckPath}: read as ${input.dialect.name} (${input.dialect.reason})\n`);
    let problems = await input.report(deck);
    const theme = await input.theme(deck);
    const [{ findOverflows }, { checkSources, fixSources, groupSourceProblems, slideList }] = await Promise.all([import('../../render/index.js'), import('../../compile/index.js')]);
    for (const overflow of findOverflows(deck, theme, size)) {
      const slide = deck.slides[overflow.slide - 1];
      output.err(
        `${deckPath}:${slide?.location.line ?? 1}:1: slide ${overflow.slide} ("${slide?.title ?? ''}") overflows ${size.columns}x${size.rows} by ${overflow.hiddenLines} line(s); split the slide or shorten it\n`,
      );
      problems = true;
    }
    // Cited files are read through the deck's folder: a refusal says why (outside it, not a regular file, too big).
    const readSource = (path: string) => input.readSource(path);
    const firstProblems = checkSources(deck, readSource);
    let sourceProblems = firstProblems;
    if (options.fix && sourceProblems.some((p) => p.kind === 'moved')) {
      // The fix is computed from the text it rewrites, and made again on the deck as saved if the
      // user saves it meanwhile (editFile): no edit of theirs is lost.
      const parseText = await input.textParser();
      editFile(
        input.absolute,
        (text) => {
          const current: Deck = text === read.text ? deck : parseText(text);
          sourceProblems = current === deck ? firstProblems : checkSources(current, readSource);
          return sourceProblems.some((p) => p.kind === 'moved') ? fixSources(text, sourceProblems) : null;
        },
        { shown: deckPath },
      );
    }
    for (const group of groupSourceProblems(sourceProblems)) {
      const problem = group.first;
      // Repeated problems are one line: "183 citations (slides 1-40): cannot read …".
      const which = group.count > 1 ? `${group.count} citations (${slideList(group.slides)})` : `slide ${problem.slide}`;
      if (options.fix && problem.kind === 'moved') {
        // The message's advice (`run check --fix`) has just been followed: show only what was wrong.
        output.err(`${deckPath}:${problem.ref.line}:1: ${which}: fixed: ${problem.message.replace(/; run `talkdeck check --fix`[^;]*$/u, '')}\n`);
        continue;
      }
      output.err(`${deckPath}:${problem.ref.line}:1: ${which}: ${problem.message}\n`);
      problems = true;
    }
    if (problems) return EXIT.input;
    output.out(`${deckPath}: ${deck.slides.length} slides, no problems at ${size.columns}x${size.rows}\n`);
    return EXIT.ok;
  },
});
