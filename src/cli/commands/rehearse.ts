import { relative } from 'node:path';
import type { Deck } from '../../deck/index.js';
import { editFile } from '../../io/index.js';
import { launchPresenter } from '../../present/index.js';
import type { RehearsalSession } from '../../rehearse/index.js';
import { defineCommand } from '../command.js';
import { addDeckOptions, addRateOptions, budgetOptions, parsePositive, type DeckOptions, type RateOptions } from '../options.js';

interface RehearseOptions extends DeckOptions, RateOptions {
  apply?: boolean;
}

/** `talkdeck rehearse DECK`: the presenter with a rehearsal session (rehearse/) plugged into its hooks. */
export const rehearse = defineCommand<[string], RehearseOptions>({
  name: 'rehearse',
  declare: (command) =>
    addRateOptions(
      addDeckOptions(command.description('present with a rehearsal bar (time against budget, pacing) and log the run').argument('<deck>', 'the deck, a Markdown file'))
        .option('-m, --minutes <n>', "target length of the talk (default: the deck's duration)", parsePositive('--minutes'))
        .option('-t, --theme <name|path>', 'theme')
        .option('--apply', 'write the rehearsed times back into the deck as per-slide budgets'),
    ),
  run: async ([deckPath], options, { io, output, deckInput, startedAt }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, theme: options.theme, allowOutside: options.allowOutside });
    const rehearsals = await import('../../rehearse/index.js');
    const logPath = rehearsals.rehearsalLogPath(input.absolute);
    let rehearsal: { deck: Deck; session: RehearsalSession } | null = null;
    const code = await launchPresenter(
      input,
      {
        theme: options.theme,
        keyOptions: {},
        hooks: (deck, theme) => {
          const session = rehearsals.startRehearsal({ deck, theme, logPath, budget: budgetOptions(options), minutes: options.minutes ?? null });
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
      // Times go to the deck as it is now, slide by slide identity (applyRun): an edit saved during
      // the rehearsal, or while this writes (editFile computes again), is kept.
      const parseText = await input.textParser();
      let missing: string[] = [];
      const written = editFile(
        input.absolute,
        (text) => {
          const applied = rehearsals.applyRun(text, parseText(text), finished);
          missing = applied.missing;
          return applied.text;
        },
        { shown: deckPath },
      );
      if (missing.length > 0) {
        output.err(`${deckPath}: no longer in the deck: ${missing.map((title) => `"${title}"`).join(', ')}; their times are kept in the log only\n`);
      }
      output.out(written ? `${deckPath}: per-slide times written from this rehearsal\n` : `${deckPath}: the per-slide times were already these\n`);
    }
    return code;
  },
});
