import { launchNotes } from '../../present/index.js';
import { defineCommand } from '../command.js';
import { addDialectOption, addRateOptions, budgetOptions, parsePositive, type DeckOptions, type RateOptions } from '../options.js';

/** `talkdeck notes DECK`: follows the presenting instance in a second terminal, with pacing from rehearse/. */
export const notes = defineCommand<[string], DeckOptions & RateOptions>({
  name: 'notes',
  declare: (command) =>
    addRateOptions(
      addDialectOption(
        command
          .description('follow a presenting talkdeck (or presenterm) in a second terminal: notes, sources, next slide, time')
          .argument('<deck>', 'the deck being presented'),
      )
        .option('-t, --theme <name|path>', 'theme')
        .option('-m, --minutes <n>', 'target length of the talk, for pacing', parsePositive('--minutes')),
    ),
  run: async ([deckPath], options, { io, output, deckInput, startedAt, config }) => {
    const { pacingLine } = await import('../../rehearse/index.js');
    return launchNotes(
      deckInput(deckPath, { dialect: options.dialect, theme: options.theme, defaultTheme: config().theme }),
      { statusLine: (theme, deck) => pacingLine(deck, budgetOptions(options, config()), theme) },
      { ...io, err: output.err, startedAt },
    );
  },
});
