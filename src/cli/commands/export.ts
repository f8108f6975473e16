import { resolve } from 'node:path';
import { Option } from 'commander';
import { defineCommand } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { addDeckOptions, type DeckOptions } from '../options.js';
import { checkOutput, writeOutput } from '../write-output.js';

type ExportFormatName = 'html' | 'pdf' | 'pptx' | 'md' | 'txt' | 'json';

interface ExportOptions extends DeckOptions {
  format: ExportFormatName;
  output?: string;
  handout?: boolean;
  steps?: boolean;
}

/** `talkdeck export DECK -f FORMAT`: HTML, PDF, PPTX, Markdown, text or JSON, to a file or stdout. */
export const exportCommand = defineCommand<[string], ExportOptions>({
  name: 'export',
  declare: (command) =>
    addDeckOptions(command.description('export a deck: html (with speaker view), pdf, pptx, md handout, txt, json').argument('<deck>', 'the deck, a Markdown file'))
      .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'pdf', 'pptx', 'md', 'txt', 'json']).makeOptionMandatory())
      .option('-o, --output <file>', "file to write, or - for standard output (default: the deck name with the format's extension)")
      .option('-t, --theme <name|path>', "theme (default: the deck's, else dark)")
      .option('--handout', 'PDF/HTML: slide, notes and citations on one page')
      .option('--steps', 'PDF/PPTX: one page per reveal step'),
  run: async ([deckPath], options, { io, output: print, deckInput }) => {
    const input = deckInput(deckPath, { dialect: options.dialect, theme: options.theme, allowOutside: options.allowOutside });
    const deck = await input.deck();
    if (await input.report(deck)) return EXIT.input;
    const exporter = await import('../../export/index.js');
    const output = options.output ?? deckPath.replace(/\.(md|markdown|txt)$/iu, '') + exporter.EXPORT_EXTENSIONS[options.format];
    const binary = options.format === 'pdf' || options.format === 'pptx';
    if (output === '-' && binary) throw new UsageError(`-o - streams text formats only; write ${options.format} to a file`);
    const target = output === '-' ? null : resolve(io.cwd, output);
    if (target === input.absolute) throw new UsageError(`-o ${output} is the deck itself; choose another -o`);
    if (target !== null) checkOutput(target, output, `talk${exporter.EXPORT_EXTENSIONS[options.format]}`);
    const theme = await input.theme(deck);
    let data: string | Uint8Array;
    try {
      data = await exporter.exportDeck(deck, {
        format: options.format,
        theme,
        handout: options.handout,
        steps: options.steps,
        chromiumPath: io.env.TALKDECK_CHROMIUM || undefined,
        // Images are read through the deck's folder; one left out (outside it, not an image, too
        // big, missing) is shown as its description, and named here.
        images: { folder: input.folder(), onProblem: (problem) => print.err(`${deckPath}: warning: image ${problem.file} left out: ${problem.message}${problem.hint ? `; ${problem.hint}` : ''}\n`) },
      });
    } catch (error) {
      // Named by the deck as the user wrote it.
      if (error instanceof exporter.ExportError) throw new InputError(deckPath, error.message);
      throw error;
    }
    if (target === null) {
      print.out(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      return EXIT.ok;
    }
    writeOutput(target, output, data);
    print.err(`${output}: ${options.format} written (${deck.slides.length} slides)\n`);
    return EXIT.ok;
  },
});
