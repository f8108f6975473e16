import type { Block, Deck } from '../../deck/index.js';
import { editFile } from '../../io/index.js';
import type { ImageLayout } from '../../render/index.js';
import { defineCommand } from '../command.js';
import { EXIT, InputError } from '../errors.js';
import { addDeckOptions, parseSize, type DeckOptions } from '../options.js';

interface CheckOptions extends DeckOptions {
  size: string;
  fix?: boolean;
  exec?: boolean;
}

/** `talkdeck check DECK`: diagnostics, overflowing slides and stale citations; exit 1 on any. */
export const check = defineCommand<[string], CheckOptions>({
  name: 'check',
  declare: (command) =>
    addDeckOptions(command.description('report deck problems: diagnostics, overflowing slides, stale source citations').argument('<deck>', 'the deck, a Markdown file'))
      .option('-s, --size <COLSxROWS>', 'terminal size to check overflow at', '80x24')
      .option('-t, --theme <name|path>', 'theme to lay out with')
      .option('--fix', 'move citation line ranges whose passage only moved; with --exec, record changed outputs')
      .option('--exec', 'run every +exec block: record its output beside it, or report how it changed since'),
  run: async ([deckPath], options, { io, output, deckInput, config }) => {
    const size = parseSize(options.size);
    const input = deckInput(deckPath, { ...options, defaultTheme: config().theme });
    const read = await input.read();
    const deck = read.deck;
    if (input.dialect) output.out(`${deckPath}: read as ${input.dialect.name} (${input.dialect.reason})\n`);
    let problems = await input.report(deck);
    const theme = await input.theme(deck);
    const [{ findOverflows }, { checkSources, fixSources, groupSourceProblems, slideList }] = await Promise.all([import('../../render/index.js'), import('../../compile/index.js')]);
    const images = await imageSizes(deck, input.images());
    for (const overflow of findOverflows(deck, theme, size, { images, extrasKey: 'check' })) {
      const slide = deck.slides[overflow.slide - 1];
      output.err(
        `${deckPath}:${slide?.location.line ?? 1}:1: slide ${overflow.slide} ("${slide?.title ?? ''}") overflows ${size.columns}x${size.rows} by ${overflow.hiddenLines} line(s); split the slide or shorten it\n`,
      );
      problems = true;
    }
    // Cited files are read through the deck's folder: a refusal says why (outside it, not a regular file, too big).
    const readSource = (path: string) => input.readSource(path);
    const firstProblems = checkSources(deck, readSource);
    let sourceProblems = firstProblems;
    // The deck as this run left it: as read, or with its citations fixed (line for line the same).
    let ownText = read.text;
    if (options.fix && sourceProblems.some((p) => p.kind === 'moved')) {
      // The fix is computed from the text it rewrites, and made again on the deck as saved if the
      // user saves it meanwhile (editFile): no edit of theirs is lost.
      const parseText = await input.textParser();
      editFile(
        input.absolute,
        (text) => {
          const current: Deck = text === read.text ? deck : parseText(text);
          sourceProblems = current === deck ? firstProblems : checkSources(current, readSource);
          if (!sourceProblems.some((p) => p.kind === 'moved')) return null;
          const fixed = fixSources(text, sourceProblems);
          if (current === deck) ownText = fixed;
          return fixed;
        },
        { shown: deckPath },
      );
    }
    for (const group of groupSourceProblems(sourceProblems)) {
      const problem = group.first;
      // Repeated problems are one line: "183 citations (slides 1-40): cannot read …".
      const which = group.count > 1 ? `${group.count} citations (${slideList(group.slides)})` : `slide ${problem.slide}`;
      if (options.fix && problem.kind === 'moved') {
        // The message's advice (`run check --fix`) has just been followed: show only what was wrong.
        output.err(`${deckPath}:${problem.ref.line}:1: ${which}: fixed: ${problem.message.replace(/; run `talkdeck check --fix`[^;]*$/u, '')}\n`);
        continue;
      }
      output.err(`${deckPath}:${problem.ref.line}:1: ${which}: ${problem.message}\n`);
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
        // Recorded into the deck as it was run; a deck saved meanwhile is left as the user saved it.
        editFile(
          input.absolute,
          (text) => {
            if (text !== ownText) throw new InputError(deckPath, 'was saved while its +exec blocks ran, so their outputs were not recorded; run `talkdeck check --exec` again');
            return recordOutputs(text, findings, escapeOutput, Boolean(options.fix));
          },
          { shown: deckPath },
        );
      }
    }
    // Headings the citations covered when the deck was built (its front matter says which) and no longer do.
    const { coverDeck, lostHeadings, COVERED_HEADINGS_KEY } = await import('../../compile/index.js');
    const lost = lostHeadings(deck, coverDeck(deck, readSource));
    const recordedAt = read.text.split('\n').findIndex((line) => line.startsWith(`${COVERED_HEADINGS_KEY}:`)) + 1 || 1;
    for (const heading of lost) {
      const at = heading.lastIndexOf('#');
      output.err(
        `${deckPath}:${recordedAt}:1: warning: no slide cites the heading "${heading.slice(at + 1)}" of ${heading.slice(0, at)} any more (covered when the deck was built); cite a passage under it again, or take it out of ${COVERED_HEADINGS_KEY}\n`,
      );
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
