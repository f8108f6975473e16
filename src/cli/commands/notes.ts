import { launchNotes } from '../../present/index.js';
import { defineCommand } from '../command.js';
import { addDeckOptions, addRateOptions, budgetOptions, parsePositive, type DeckOptions, type RateOptions } from '../options.js';

/** `talkdeck notes DECK`: follows the presenting instance in a second terminal, with pacing from rehearse/. */
export const notes = defineCommand<[string], DeckOptions & RateOptions & { presenterm?: boolean }>({
  name: 'notes',
  declare: (command) =>
    addRateOptions(
      addDeckOptions(
        command
          .description('follow a presenting talkdeck (or presenterm) in a second terminal: notes, sources, next slide, time')
          .argument('<deck>', 'the deck being presented'),
      )
        .option('-t, --theme <name|path>', 'theme')
        .option('-m, --minutes <n>', 'target length of the talk, for pacing', parsePositive('--minutes'))
        .option('--presenterm', "also follow presenterm's speaker-notes datagrams (which every local user can send)"),
    ),
  run: async ([deckPath], options, { io, output, deckInput, startedAt }) => {
    const { pacingLine } = await import('../../rehearse/index.js');
    return launchNotes(
      deckInput(deckPath, { dialect: options.dialect, theme: options.theme, allowOutside: options.allowOutside }),
      { statusLine: (theme, deck) => pacingLine(deck, budgetOptions(options), theme), presenterm: options.presenterm },
      { ...io, err: output.err, startedAt },
    );
  },
});
