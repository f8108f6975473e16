import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDeckOptions, parsePositive, type DeckOptions } from '../options.js';

/** `talkdeck print DECK`: every slide as plain text. */
export const print = defineCommand<[string], DeckOptions & { width: number }>({
  name: 'print',
  declare: (command) =>
    addDeckOptions(command.description('write every slide as plain text (for screen readers, pipes and review)').argument('<deck>', 'the deck, a Markdown file')).option(
      '-w, --width <columns>',
      'wrap width',
      parsePositive('--width'),
      80,
    ),
  run: async ([deckPath], options, { output, deckInput }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, allowOutside: options.allowOutside });
    const deck = await input.deck();
    const failed = await input.report(deck);
    const { printDeck } = await import('../../render/index.js');
    output.out(printDeck(deck, { width: Math.floor(options.width) }));
    return failed ? EXIT.input : EXIT.ok;
  },
});
