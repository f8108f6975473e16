import { resolve } from 'node:path';
import { Option } from 'commander';
import type { PdfPrinter } from '../../export/export-deck.js';
import { defineCommand, type CommandContext } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { addDeckOptions, type DeckOptions } from '../options.js';
import { checkOutput, writeOutput } from '../write-output.js';

type ExportFormatName = 'html' | 'pdf' | 'pptx' | 'md' | 'txt' | 'json';

interface ExportOptions extends DeckOptions {
  format?: ExportFormatName;
  output?: string;
  handout?: boolean;
  steps?: boolean;
}

/** `talkdeck export DECK -f FORMAT`: HTML, PDF, PPTX, Markdown, text or JSON, to a file or stdout. */
export const exportCommand = defineCommand<[string], ExportOptions>({
  name: 'export',
  declare: (command) =>
    addDeckOptions(command.description('export a deck: html (with speaker view), pdf, pptx, md handout, txt, json').argument('<deck>', 'the deck, a Markdown file'))
      .addOption(new Option('-f, --format <format>', "output format (default: the configuration's export.format)").choices(['html', 'pdf', 'pptx', 'md', 'txt', 'json']))
      .option('-o, --output <file>', "file to write, or - for standard output, not a terminal for pdf and pptx (default: the deck name with the format's extension; DECK.handout.md for md)")
      .option('-t, --theme <name|path>', "theme (default: the deck's, else dark)")
      .option('--handout', 'PDF/HTML: slide, notes and citations on one page')
      .option('--steps', 'PDF/PPTX: one page per reveal step'),
  run: async ([deckPath], given, context) => {
    const { io, config } = context;
    // The configuration's export defaults under what the command line says.
    const defaults = config().export;
    const format = given.format ?? defaults.format;
    if (!format) throw new UsageError("export needs a format: give -f, --format (html, pdf, pptx, md, txt or json), or set export.format in the configuration");
    const options = { ...given, format, theme: given.theme ?? defaults.theme, handout: given.handout ?? defaults.handout, steps: given.steps ?? defaults.steps };
    // Chromium starts (about a second) while the deck is read and its HTML made; closed on every way out.
    const printer = options.format === 'pdf' ? await (await import('../../export/export-deck.js')).startPdfPrinter({ chromiumPath: io.env.TALKDECK_CHROMIUM || undefined }) : undefined;
    try {
      return await exportTo(deckPath, options, context, printer);
    } finally {
      await printer?.close();
    }
  },
});

async function exportTo(
  deckPath: string,
  options: ExportOptions & { format: ExportFormatName },
  { io, output: print, deckInput, config }: CommandContext,
  printer: PdfPrinter | undefined,
): Promise<number> {
  const input = deckInput(deckPath, { dialect: options.dialect, theme: options.theme, allowOutside: options.allowOutside, defaultTheme: config().theme });
  const deck = await input.deck();
  if (await input.report(deck)) return EXIT.input;
  // Only the exporter itself: each format's modules are loaded when that format is made.
  const exporter = await import('../../export/export-deck.js');
  // A Markdown handout beside a Markdown deck must not be named like the deck.
  const extension = options.format === 'md' ? '.handout.md' : exporter.EXPORT_EXTENSIONS[options.format];
  const output = options.output ?? deckPath.replace(/\.(md|markdown|txt)$/iu, '') + extension;
  const binary = options.format === 'pdf' || options.format === 'pptx';
  if (output === '-' && binary && print.isTerminal) {
    throw new UsageError(`-o - would print ${options.format} bytes on the terminal; pipe it (-o - | …), redirect it (-o - > talk${extension}) or name a file`);
  }
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
      printer,
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
    if (typeof data === 'string') print.out(data);
    else print.bytes(data);
    return EXIT.ok;
  }
  writeOutput(target, output, data);
  print.err(`${output}: ${options.format} written (${deck.slides.length} slides)\n`);
  return EXIT.ok;
}
