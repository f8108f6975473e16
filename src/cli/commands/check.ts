import type { Block, Deck } from '../../deck/index.js';
import type { ImageLayout } from '../../render/index.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { addDialectOption, parseSize, type DeckOptions } from '../options.js';
import { writeOutput } from '../write-output.js';

interface CheckOptions extends DeckOptions {
  size: string;
  fix?: boolean;
  exec?: boolean;
}

/** `talkdeck check DECK`: diagnostics, overflowing slides and stale citations; exit 1 on any. */
export const check = defineCommand<[string], CheckOptions>({
  name: 'check',
  declare: (command) =>
    addDialectOption(command.description('report deck problems: diagnostics, overflowing slides, stale source citations').argument('<deck>', 'the deck, a Markdown file'))
      .option('-s, --size <COLSxROWS>', 'terminal size to check overflow at', '80x24')
      .option('-t, --theme <name|path>', 'theme to lay out with')
      .option('--fix', 'move citation line ranges whose passage only moved; with --exec, record changed outputs')
      .option('--exec', 'run every +exec block: record its output beside it, or report how it changed since')
      .option('--allow-outside', 'let includes and sources reach outside the deck folder'),
  run: async ([deckPath], options, { io, output, deckInput, config }) => {
    const size = parseSize(options.size);
    const input = deckInput(deckPath, { ...options, defaultTheme: config().theme });
    const deck = await input.deck();
    if (input.dialect) output.out(`${deckPath}: read as ${input.dialect.name} (${input.dialect.reason})\n`);
    let problems = await input.report(deck);
    const theme = await input.theme(deck);
    const [{ findOverflows }, { checkSources, fixSources }] = await Promise.all([import('../../render/index.js'), import('../../compile/index.js')]);
    const images = await imageSizes(deck, input.images());
    for (const overflow of findOverflows(deck, theme, size, { images, extrasKey: 'check' })) {
      const slide = deck.slides[overflow.slide - 1];
      output.err(
        `${deckPath}:${slide?.location.line ?? 1}:1: slide ${overflow.slide} ("${slide?.title ?? ''}") overflows ${size.columns}x${size.rows} by ${overflow.hiddenLines} line(s); split the slide or shorten it\n`,
      );
      problems = true;
    }
    const sourceProblems = checkSources(deck, input.sources());
    if (options.fix && sourceProblems.some((p) => p.kind === 'moved')) {
      writeOutput(input.absolute, deckPath, fixSources(input.text(), sourceProblems), 'make the deck writable');
    }
    for (const problem of sourceProblems) {
      if (options.fix && problem.kind === 'moved') {
        // The message's advice (`run check --fix`) has just been followed: show only what was wrong.
        output.err(`${deckPath}:${problem.ref.line}:1: slide ${problem.slide}: fixed: ${problem.message.replace(/; run `talkdeck check --fix`[^;]*$/u, '')}\n`);
        continue;
      }
      output.err(`${deckPath}:${problem.ref.line}:1: slide ${problem.slide}: ${problem.message}\n`);
      problems = true;
    }
    if (options.exec) {
      const [{ checkExec, recordOutputs }, { escapeOutput }] = await Promise.all([import('../exec-check.js'), import('../../parse/index.js')]);
      const findings = await checkExec(deck, input.absolute, config(), io);
      for (const finding of findings) {
        const where = `${deckPath}:${finding.block.line}:1: slide ${finding.slide}`;
        if (finding.kind === 'failed') {
          output.err(`${where}: +exec block did not run cleanly: ${finding.message}\n${indent(finding.output)}`);
          problems = true;
        } else if (finding.kind === 'new') output.out(`${where}: +exec output recorded (#${finding.fingerprint})\n`);
        else if (finding.kind === 'drift') {
          const old = finding.block.exec!.expected!;
          const recorded = options.fix ? '; recorded the new output' : '; run `talkdeck check --exec --fix` to record it';
          output.err(`${where}: +exec output changed since it was recorded (#${old.fingerprint} → #${finding.fingerprint})${recorded}\n  was:\n${indent(old.text)}  now:\n${indent(finding.output)}`);
          if (!options.fix) problems = true;
        }
      }
      if (findings.some((f) => f.kind === 'new' || (options.fix && f.kind === 'drift'))) {
        writeOutput(input.absolute, deckPath, recordOutputs(input.text(), findings, escapeOutput, Boolean(options.fix)), 'make the deck writable');
      }
    }
    if (problems) return EXIT.input;
    output.out(`${deckPath}: ${deck.slides.length} slides, no problems at ${size.columns}x${size.rows}\n`);
    return EXIT.ok;
  },
});

function indent(text: string): string {
  return text === '' ? '    (no output)\n' : `${text.split('\n').map((line) => `    ${line}`).join('\n')}\n`;
}

/**
 * The pixel size of every image the deck shows, for laying it out as the presenter does: read
 * through the deck's reader and measured by sharp; an image that cannot be read keeps its framed
 * alt text, as on screen.
 */
async function imageSizes(deck: Deck, read: (src: string) => Uint8Array): Promise<ImageLayout | undefined> {
  const sources = new Set<string>();
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'image') sources.add(block.src);
      else if (block.kind === 'columns') block.columns.forEach(visit);
      else if (block.kind === 'list') block.items.forEach((item) => visit(item.blocks));
      else if (block.kind === 'quote' || block.kind === 'alert') visit(block.blocks);
    }
  };
  for (const slide of deck.slides) visit(slide.blocks);
  if (sources.size === 0) return undefined;
  const { ImageStore } = await import('../../image/index.js');
  const store = new ImageStore({ read, protocol: 'blocks' });
  await Promise.all([...sources].map((src) => store.load(src)));
  return { mode: 'graphics', size: (src) => store.size(src) };
}
