import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { IMAGE_PROTOCOLS, type Config, type ImageProtocolChoice } from '../../config/index.js';
import { DEFAULT_KEYMAP, launchPresenter, withKeys, type LaunchOptions } from '../../present/index.js';
import { defineCommand, type CommandContext } from '../command.js';
import type { DeckInput } from '../deck-input.js';
import { addDeckOptions, parseAutoAdvance, type AutoAdvance, type DeckOptions } from '../options.js';
import { presentKeyOptions } from '../quick-start.js';
import { addServeOptions, startServer, type ServeCliOptions } from './serve.js';

export interface PresentOptions extends DeckOptions, ServeCliOptions {
  serve?: boolean;
  presenter?: boolean;
  publishSpeakerNotes?: boolean;
  autoAdvance?: AutoAdvance;
  enableExec?: boolean;
  enableExecReplace?: boolean;
  imageProtocol?: ImageProtocolChoice;
}

/** `talkdeck present DECK` (also `talkdeck DECK`): the deck full-screen in this terminal. */
export const present = defineCommand<[string], PresentOptions>({
  name: 'present',
  isDefault: true,
  declare: (command) =>
    addServeOptions(
      addScreenOptions(addDeckOptions(command.description('present a deck full-screen in this terminal').argument('<deck>', 'the deck, a Markdown file')))
        .option('-t, --theme <name|path>', 'theme: a built-in name (see `talkdeck themes`) or a theme file')
        .option('--presenter', 'slide and speaker notes side by side (for one wide terminal)')
        .option('--publish-speaker-notes', "also publish in presenterm's speaker-notes protocol (which every local user can read)")
        .option('--auto-advance <format|seconds>', 'move to the next slide on a timer: ignite (20 × 15 s), pechakucha (20 × 20 s) or seconds a slide', parseAutoAdvance)
        .option('--serve', 'also serve the talk to the audience (see `talkdeck serve`); the phone remote moves this presenter'),
    ),
  run: async ([deckPath], options, context) => {
    const config = context.config();
    const input = context.deckInput(deckPath, { ...options, defaultTheme: config.theme });
    const launch = (hooks?: LaunchOptions['hooks']) =>
      launchPresenter(
        input,
        {
          ...screenOptions(options, input, config, context),
          autoAdvanceMs: options.autoAdvance?.everyMs ?? null,
          autoAdvanceBanner: options.autoAdvance?.banner,
          hooks,
          // Loaded when `a` is first pressed: the compiler and minisearch stay off the start path.
          answers: async (deck) => (await import('../../compile/index.js')).buildAnswerIndex(deck, (path) => input.readSource(path)),
        },
        { ...context.io, err: context.output.err, startedAt: context.startedAt },
      );
    if (!options.serve) return launch();
    // The audience server lives as long as this presenter: started before the screen is taken (so
    // its address and QR code are printed), stopped when the talk ends however it ends.
    // A remote's presses before the presenter is up wait for it, in order.
    const early: Array<'next' | 'previous' | 'first'> = [];
    let move: (command: 'next' | 'previous' | 'first') => void = (command) => early.push(command);
    const deck = await input.deck();
    const server = await startServer(input, deck, options, context.output, (command) => move(command));
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

/** `-x`, `-X` and `--image-protocol`: what `present` and `rehearse` add for running code and images. */
export function addScreenOptions(command: Command): Command {
  return command
    .option('-x, --enable-exec', 'let Ctrl-E run +exec code blocks (and +auto_exec run by themselves)')
    .option('-X, --enable-exec-replace', 'run +exec_replace code blocks and show their output in their place')
    .addOption(new Option('--image-protocol <protocol>', 'how images are drawn (default: auto, from the terminal)').choices([...IMAGE_PROTOCOLS]));
}

/** The launch options shared by `present` and `rehearse`: keys, running code and images, from the command line over the configuration. */
export function screenOptions(options: PresentOptions, input: DeckInput, config: Config, { io }: CommandContext): LaunchOptions {
  const exec = {
    enabled: Boolean(options.enableExec || config.exec.enable),
    replaceEnabled: Boolean(options.enableExecReplace || config.exec.enableReplace),
    timeoutMs: config.exec.timeoutMs,
    executors: config.exec.executors,
    cwd: dirname(input.absolute),
    env: io.env,
  };
  const imageProtocol = options.imageProtocol ?? config.imageProtocol;
  return {
    theme: options.theme,
    keyOptions: presentKeyOptions({
      theme: options.theme ?? config.theme ?? null,
      dialect: options.dialect ?? null,
      allowOutside: options.allowOutside,
      presenter: options.presenter,
      execEnabled: exec.enabled,
      execReplaceEnabled: exec.replaceEnabled,
      imageProtocol,
      keys: config.keys,
    }),
    presenter: options.presenter,
    publishSpeakerNotes: options.publishSpeakerNotes || config.notes.publishSpeakerNotes,
    keymap: Object.keys(config.keys).length > 0 ? withKeys(DEFAULT_KEYMAP, config.keys) : undefined,
    exec,
    images: { protocol: imageProtocol, read: input.images(), env: io.env },
  };
}
