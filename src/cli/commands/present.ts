import { launchPresenter } from '../../present/index.js';
import { defineCommand } from '../command.js';
import { addDeckOptions, type DeckOptions } from '../options.js';
import { addServeOptions, startServer, type ServeCliOptions } from './serve.js';

interface PresentOptions extends DeckOptions, ServeCliOptions {
  presenter?: boolean;
  publishSpeakerNotes?: boolean;
  serve?: boolean;
}

/** `talkdeck present DECK` (also `talkdeck DECK`): the deck full-screen in this terminal. */
export const present = defineCommand<[string], PresentOptions>({
  name: 'present',
  isDefault: true,
  declare: (command) =>
    addServeOptions(
      addDeckOptions(command.description('present a deck full-screen in this terminal').argument('<deck>', 'the deck, a Markdown file'))
        .option('-t, --theme <name|path>', 'theme: a built-in name (see `talkdeck themes`) or a theme file')
        .option('--presenter', 'slide and speaker notes side by side (for one wide terminal)')
        .option('--publish-speaker-notes', "also publish in presenterm's speaker-notes protocol (which every local user can read)")
        .option('--serve', 'also serve the talk to the audience (see `talkdeck serve`); the phone remote moves this presenter'),
    ),
  run: async ([deckPath], options, { io, output, deckInput, startedAt }) => {
    const input = deckInput(deckPath, options);
    const launch = (hooks?: Parameters<typeof launchPresenter>[1]['hooks']) =>
      launchPresenter(
        input,
        {
          theme: options.theme,
          keyOptions: { theme: options.theme ?? null, dialect: options.dialect ?? null, allowOutside: Boolean(options.allowOutside), presenter: Boolean(options.presenter) },
          presenter: options.presenter,
          publishSpeakerNotes: options.publishSpeakerNotes,
          hooks,
          // Loaded when `a` is first pressed: the compiler and minisearch stay off the start path.
          answers: async (deck) => (await import('../../compile/index.js')).buildAnswerIndex(deck, (path) => input.readSource(path)),
        },
        { ...io, err: output.err, startedAt },
      );
    if (!options.serve) return launch();
    // The audience server lives as long as this presenter: started before the screen is taken (so
    // its address and QR code are printed), stopped when the talk ends however it ends.
    // A remote's presses before the presenter is up wait for it, in order.
    const early: Array<'next' | 'previous' | 'first'> = [];
    let move: (command: 'next' | 'previous' | 'first') => void = (command) => early.push(command);
    const deck = await input.deck();
    const server = await startServer(input, deck, options, output, (command) => move(command));
    const started = Date.now();
    try {
      return await launch(() => ({
        onPosition: (state) => server.update({ ...state.position, elapsedMs: Date.now() - started }),
        control: (emit) => {
          move = emit;
          for (const command of early.splice(0)) emit(command);
        },
      }));
    } finally {
      await server.close();
    }
  },
});
