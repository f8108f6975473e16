import { launchPresenter } from '../../present/index.js';
import { defineCommand } from '../command.js';
import { addDeckOptions, type DeckOptions } from '../options.js';

interface PresentOptions extends DeckOptions {
  presenter?: boolean;
  publishSpeakerNotes?: boolean;
}

/** `talkdeck present DECK` (also `talkdeck DECK`): the deck full-screen in this terminal. */
export const present = defineCommand<[string], PresentOptions>({
  name: 'present',
  isDefault: true,
  declare: (command) =>
    addDeckOptions(command.description('present a deck full-screen in this terminal').argument('<deck>', 'the deck, a Markdown file'))
      .option('-t, --theme <name|path>', 'theme: a built-in name (see `talkdeck themes`) or a theme file')
      .option('--presenter', 'slide and speaker notes side by side (for one wide terminal)')
      .option('--publish-speaker-notes', "also publish in presenterm's speaker-notes protocol (which every local user can read)"),
  run: ([deckPath], options, { io, output, deckInput, startedAt }) =>
    launchPresenter(
      deckInput(deckPath, options),
      {
        theme: options.theme,
        keyOptions: { theme: options.theme ?? null, dialect: options.dialect ?? null, allowOutside: Boolean(options.allowOutside), presenter: Boolean(options.presenter) },
        presenter: options.presenter,
        publishSpeakerNotes: options.publishSpeakerNotes,
      },
      { ...io, err: output.err, startedAt },
    ),
});
