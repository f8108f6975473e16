import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import { IMAGE_PROTOCOLS, type Config, type ImageProtocolChoice } from '../../config/index.js';
import { DEFAULT_KEYMAP, launchPresenter, withKeys, type LaunchOptions } from '../../present/index.js';
import { defineCommand, type CommandContext } from '../command.js';
import type { DeckInput } from '../deck-input.js';
import { addDeckOptions, parseAutoAdvance, type AutoAdvance, type DeckOptions } from '../options.js';

export interface PresentOptions extends DeckOptions {
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
    addScreenOptions(addDeckOptions(command.description('present a deck full-screen in this terminal').argument('<deck>', 'the deck, a Markdown file')))
      .option('-t, --theme <name|path>', 'theme: a built-in name (see `talkdeck themes`) or a theme file')
      .option('--presenter', 'slide and speaker notes side by side (for one wide terminal)')
      .option('--publish-speaker-notes', "also publish in presenterm's speaker-notes protocol (which every local user can read)")
      .option('--auto-advance <format|seconds>', 'move to the next slide on a timer: ignite (20 × 15 s), pechakucha (20 × 20 s) or seconds a slide', parseAutoAdvance),
  run: async ([deckPath], options, context) => {
    const config = context.config();
    const input = context.deckInput(deckPath, { ...options, defaultTheme: config.theme });
    return launchPresenter(
      input,
      { ...screenOptions(options, input, config, context), autoAdvanceMs: options.autoAdvance?.everyMs ?? null, autoAdvanceBanner: options.autoAdvance?.banner },
      { ...context.io, err: context.output.err, startedAt: context.startedAt },
    );
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
    keyOptions: {
      theme: options.theme ?? config.theme ?? null,
      dialect: options.dialect ?? null,
      allowOutside: Boolean(options.allowOutside),
      presenter: Boolean(options.presenter),
      exec: `${exec.enabled}:${exec.replaceEnabled}`,
      imageProtocol,
      keys: JSON.stringify(config.keys),
    },
    presenter: options.presenter,
    publishSpeakerNotes: options.publishSpeakerNotes || config.notes.publishSpeakerNotes,
    keymap: Object.keys(config.keys).length > 0 ? withKeys(DEFAULT_KEYMAP, config.keys) : undefined,
    exec,
    images: { protocol: imageProtocol, read: input.images(), env: io.env },
  };
}
