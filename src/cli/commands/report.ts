import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDeckOptions, addRateOptions, budgetOptions, parsePositive, type DeckOptions, type RateOptions } from '../options.js';

interface ReportOptions extends DeckOptions, RateOptions {
  json?: boolean;
}

/** `talkdeck report DECK`: the rehearsal log against the deck's budgets. */
export const report = defineCommand<[string], ReportOptions>({
  name: 'report',
  declare: (command) =>
    addRateOptions(
      addDeckOptions(command.description('rehearsal report: per-slide time against budget, last run and median, trend').argument('<deck>', 'the deck, a Markdown file'))
        .option('-m, --minutes <n>', 'target length of the talk', parsePositive('--minutes'))
        .option('--json', 'machine-readable output'),
    ),
  run: async ([deckPath], options, { io, output, deckInput }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, allowOutside: options.allowOutside });
    const deck = await input.deck();
    if (await input.report(deck)) return EXIT.input;
    const rehearse = await import('../../rehearse/index.js');
    const runs = rehearse.readRehearsals(rehearse.rehearsalLogPath(input.absolute));
    const report = rehearse.buildReport(deck, runs, rehearse.computeBudgets(deck, budgetOptions(options)));
    if (options.json) output.out(rehearse.reportToJson(report));
    else {
      const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
      output.painted(rehearse.formatReport(report, { columns: io.stdout.columns || 80, color }));
    }
    return EXIT.ok;
  },
});
