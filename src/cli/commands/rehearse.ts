import { relative } from 'node:path';
import type { Deck } from '../../deck/index.js';
import { launchPresenter } from '../../present/index.js';
import type { RehearsalSession } from '../../rehearse/index.js';
import { defineCommand } from '../command.js';
import { addDialectOption, addRateOptions, budgetOptions, parsePositive, type RateOptions } from '../options.js';
import { addScreenOptions, screenOptions, type PresentOptions } from './present.js';
import { writeOutput } from '../write-output.js';

interface RehearseOptions extends PresentOptions, RateOptions {
  apply?: boolean;
}

/** `talkdeck rehearse DECK`: the presenter with a rehearsal session (rehearse/) plugged into its hooks. */
export const rehearse = defineCommand<[string], RehearseOptions>({
  name: 'rehearse',
  declare: (command) =>
    addRateOptions(
      addScreenOptions(addDialectOption(command.description('present with a rehearsal bar (time against budget, pacing) and log the run').argument('<deck>', 'the deck, a Markdown file')))
        .option('-m, --minutes <n>', "target length of the talk (default: the deck's duration)", parsePositive('--minutes'))
        .option('-t, --theme <name|path>', 'theme')
        .option('--apply', 'write the rehearsed times back into the deck as per-slide budgets'),
    ),
  run: async ([deckPath], options, context) => {
    const { io, output, deckInput, startedAt, config } = context;
    const input = deckInput(deckPath, { dialect: options.dialect, theme: options.theme, defaultTheme: config().theme });
    const rehearsals = await import('../../rehearse/index.js');
    const logPath = rehearsals.rehearsalLogPath(input.absolute);
    let rehearsal: { deck: Deck; session: RehearsalSession } | null = null;
    const code = await launchPresenter(
      input,
      {
        ...screenOptions(options, input, config(), context),
        keyOptions: {},
        hooks: (deck, theme) => {
          const session = rehearsals.startRehearsal({ deck, theme, logPath, budget: budgetOptions(options, config()), minutes: options.minutes ?? null });
          rehearsal = { deck, session };
          return session.hooks;
        },
      },
      { ...io, err: output.err, startedAt },
    );
    if (rehearsal === null) return code;
    const { deck, session } = rehearsal as { deck: Deck; session: RehearsalSession };
    const finished = session.finish();
    if (session.problem) output.err(`talkdeck: the rehearsal log could not be written: ${session.problem}\n`);
    if (!finished) return code;
    output.out(`rehearsal of ${deck.slides.length} slides: ${rehearsals.formatClock(finished.totalSeconds * 1000)} (logged to ${relative(io.cwd, logPath)})\n`);
    if (options.apply) {
      const timed = rehearsals.applyTimes(input.text(), deck, rehearsals.rehearsedSeconds(deck, finished));
      writeOutput(input.absolute, deckPath, timed, 'make the deck writable');
      output.out(`${deckPath}: per-slide times written from this rehearsal\n`);
    }
    return code;
  },
});
