import { dirname, join } from 'node:path';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDeckOptions, addRateOptions, budgetOptions, parsePositive, type DeckOptions, type RateOptions } from '../options.js';

interface ReportOptions extends DeckOptions, RateOptions {
  json?: boolean;
  includeAborted?: boolean;
}

/** `talkdeck report DECK`: the rehearsal log against the deck's budgets. */
export const report = defineCommand<[string], ReportOptions>({
  name: 'report',
  declare: (command) =>
    addRateOptions(
      addDeckOptions(command.description('rehearsal report: per-slide time against budget, last run and median, trend').argument('<deck>', 'the deck, a Markdown file'))
        .option('-m, --minutes <n>', 'target length of the talk', parsePositive('--minutes'))
        .option('--json', 'machine-readable output')
        .option('--include-aborted', 'count runs quit before the last slide (or killed) in the medians too'),
    ),
  run: async ([deckPath], options, { io, output, deckInput, config }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, allowOutside: options.allowOutside });
    const deck = await input.deck();
    if (await input.report(deck)) return EXIT.input;
    const rehearse = await import('../../rehearse/index.js');
    const logPath = rehearse.rehearsalLogPath(input.absolute);
    const { runs, skipped } = rehearse.readRehearsalLog(logPath);
    if (skipped.length > 0) {
      const shown = join(dirname(deckPath), '.talkdeck', 'rehearsals.jsonl');
      const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more line${skipped.length > 2 ? 's' : ''})` : '';
      output.err(`${shown}:${skipped[0]}: warning: not a rehearsal record${more}, left out of the report; a line torn when a rehearsal was killed looks like this\n`);
    }
    const report = rehearse.buildReport(deck, runs, rehearse.computeBudgets(deck, budgetOptions(options, config())), {
      includeAborted: Boolean(options.includeAborted),
    });
    if (options.json) output.out(rehearse.reportToJson(report));
    else {
      const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
      output.painted(rehearse.formatReport(report, { columns: io.stdout.columns || 80, color }));
    }
    return EXIT.ok;
  },
});
