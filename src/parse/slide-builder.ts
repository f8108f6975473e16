import type { Alignment, Block, Location, Slide, SourceRef } from '../deck/index.js';
import { assertNever, inlineText } from '../deck/index.js';
import type { Directive } from './directives.js';
import { markdownLinesToBlocks, toSourceLines, type LinkDefinitions } from './markdown.js';
import type { RawSlide } from './scan.js';
import type { SourceChecker } from './source-check.js';
import type { DiagnosticSink } from './source-line.js';

type ListBlock = Extract<Block, { kind: 'list' }>;
type ColumnsBlock = Extract<Block, { kind: 'columns' }>;

interface Layout {
  block: ColumnsBlock;
  at: Location;
  /** The column receiving blocks; null until the first `<!-- column: N -->`. */
  current: number | null;
  warned: boolean;
}

/** A built slide and whether `<!-- skip_slide -->` asked to leave it out. */
export interface BuiltSlide {
  slide: Slide;
  skip: boolean;
}

/**
 * Turns one raw slide (Markdown runs and directives) into a Slide: applies pauses, incremental
 * lists, alignment and column layouts, and gathers notes and source references.
 */
class SlideBuilder {
  private step = 0;
  private align: Alignment = 'left';
  private incremental: boolean;
  private layout: Layout | null = null;
  private readonly blocks: Block[] = [];
  private readonly notes: { text: string; file: string; line: number }[] = [];
  private readonly sources: SourceRef[] = [];
  private readonly pauses: { step: number; at: Location }[] = [];
  private footer = true;
  private skip = false;
  private timeMs: number | null = null;
  /** A list that a following run of Markdown may continue (a list split by `<!-- pause -->`). */
  private openList: { list: ListBlock; target: Block[]; endStep: number } | null = null;

  constructor(
    private readonly sink: DiagnosticSink,
    private readonly links: LinkDefinitions,
    private readonly sourceChecker: SourceChecker,
    incrementalLists: boolean,
    private readonly revealFirstItem: boolean,
  ) {
    this.incremental = incrementalLists;
  }

  build(raw: RawSlide): BuiltSlide {
    for (const item of raw.items) {
      if (item.kind === 'markdown') {
        const first = item.lines.find((l) => l.text.trim() !== '') ?? item.lines[0];
        const at = { file: first?.file ?? '', line: first?.line ?? 1, column: first?.column ?? 1 };
        this.markdown(markdownLinesToBlocks(item.lines, this.sink, this.links), at);
      } else this.directive(item.directive, item.at);
    }
    const steps = this.compactSteps();
    const notesBlocks = this.notes.flatMap((n) => markdownLinesToBlocks(toSourceLines(n.text, n.file, n.line), this.sink, this.links));
    const start = raw.start ?? { file: '', line: 1, column: 1 };
    return {
      skip: this.skip,
      slide: {
        index: 0,
        title: titleOf(this.blocks),
        blocks: this.blocks,
        steps,
        notes: this.notes.map((n) => n.text).join('\n\n'),
        notesBlocks,
        sources: this.sources,
        layout: { footer: this.footer },
        timeMs: this.timeMs,
        location: { file: start.file, line: start.line, column: start.column },
      },
    };
  }

  /** Where new blocks go: the current column of a layout, or the slide. */
  private target(at?: Location): Block[] {
    if (!this.layout) return this.blocks;
    if (this.layout.current === null) {
      if (!this.layout.warned) {
        this.sink.warning(at ?? this.layout.at, 'this content comes before the first `<!-- column: N -->`; it goes into column 0');
        this.layout.warned = true;
      }
      this.layout.current = 0;
    }
    return this.layout.block.columns[this.layout.current] ?? this.blocks;
  }

  private push(block: Block): void {
    this.target().push(block);
    this.openList = null;
  }

  private markdown(drafts: Block[], at: Location): void {
    drafts.forEach((block, i) => {
      const target = this.target(at);
      const open = this.openList;
      if (i === 0 && open && open.target === target && block.kind === 'list' && continues(open.list, block, this.align)) {
        this.continueList(open, block);
        return;
      }
      this.stamp(block, true);
      target.push(block);
      this.openList = block.kind === 'list' ? { list: block, target, endStep: this.step } : null;
    });
  }

  /** Appends the items of `more` to `list`: one list, revealed across the directives between them. */
  private continueList(open: { list: ListBlock; endStep: number }, more: ListBlock): void {
    // With incremental lists every item after the first takes a step, unless a pause just did.
    if (this.incremental && this.step === open.endStep) this.step++;
    this.stampItems(more, false, true);
    open.list.items.push(...more.items);
    open.endStep = this.step;
  }

  /** Sets step and alignment on a block and everything in it, advancing steps for incremental lists. */
  private stamp(block: Block, topLevel: boolean): void {
    block.step = this.step;
    // A table's `align` holds its column alignments (see types.ts), so it is left alone.
    block.align = this.align;
    switch (block.kind) {
      case 'list':
        this.stampItems(block, topLevel, false);
        break;
      case 'quote':
      case 'alert':
        for (const inner of block.blocks) this.stampStill(inner);
        break;
      case 'columns':
        for (const column of block.columns) for (const inner of column) this.stamp(inner, topLevel);
        break;
      case 'heading':
      case 'paragraph':
      case 'table':
      case 'code':
      case 'rule':
      case 'image':
      case 'html':
      case 'spacer':
      case 'middle':
        break;
      default:
        assertNever(block);
    }
  }

  /**
   * Stamps list items. With incremental lists each item takes the next step — in reading order,
   * nested items included — except the first item of a top-level list, which appears with what
   * comes before it, as if `<!-- pause -->` stood before every later item. With `revealFirstItem`
   * that first item takes a step too: the list starts with no item shown.
   */
  private stampItems(list: ListBlock, topLevel: boolean, continuing: boolean): void {
    list.items.forEach((item, i) => {
      if (this.incremental && !(topLevel && i === 0 && !this.revealFirstItem) && !(continuing && i === 0)) this.step++;
      item.step = this.step;
      for (const inner of item.blocks) {
        if (inner.kind === 'list') {
          inner.step = this.step;
          inner.align = this.align;
          this.stampItems(inner, false, false);
        } else this.stamp(inner, false);
      }
    });
  }

  /** Stamps a block and its contents with the current step, without incremental reveals (inside quotes). */
  private stampStill(block: Block): void {
    const incremental = this.incremental;
    this.incremental = false;
    this.stamp(block, false);
    this.incremental = incremental;
  }

  private directive(directive: Directive, at: Location): void {
    switch (directive.kind) {
      case 'pause':
        this.step++;
        this.pauses.push({ step: this.step, at });
        return;
      case 'notes':
        this.notes.push({ text: directive.text, file: at.file, line: at.line + directive.lineOffset });
        return;
      case 'source':
        this.sources.push(directive.ref);
        this.sourceChecker.check(directive.ref, at);
        return;
      case 'incrementalLists':
        this.incremental = directive.on;
        return;
      case 'columns': {
        this.layout = null;
        const block: ColumnsBlock = {
          kind: 'columns',
          widths: directive.widths,
          columns: directive.widths.map(() => []),
          step: this.step,
          align: this.align,
          line: at.line,
        };
        this.push(block);
        this.layout = { block, at, current: null, warned: false };
        return;
      }
      case 'column': {
        if (!this.layout) {
          this.sink.error(at, '`column` needs a column layout first, e.g. <!-- columns: 1 1 -->');
          return;
        }
        const count = this.layout.block.widths.length;
        if (directive.index >= count) {
          this.sink.error(at, `column ${directive.index} is out of range: this layout has ${count} column${count === 1 ? '' : 's'}, numbered from 0 to ${count - 1}`);
          return;
        }
        this.layout.current = directive.index;
        this.openList = null;
        return;
      }
      case 'resetLayout':
        if (!this.layout) this.sink.warning(at, 'there is no column layout to reset');
        this.layout = null;
        this.openList = null;
        return;
      case 'alignment':
        this.align = directive.align;
        return;
      case 'jumpToMiddle':
        this.push({ kind: 'middle', step: this.step, align: this.align, line: at.line });
        return;
      case 'newLines':
        this.push({ kind: 'spacer', lines: directive.lines, step: this.step, align: this.align, line: at.line });
        return;
      case 'noFooter':
        this.footer = false;
        return;
      case 'skipSlide':
        this.skip = true;
        return;
      case 'time':
        if (this.timeMs !== null) this.sink.warning(at, 'this slide already has a `time`; the last one counts');
        this.timeMs = directive.ms;
        return;
      case 'execOutput': {
        const target = this.target(at);
        const last = target[target.length - 1];
        if (last?.kind !== 'code' || !last.exec) {
          this.sink.warning(at, 'exec_output belongs right after a +exec code block; `talkdeck check --exec` writes it there');
          return;
        }
        last.exec.expected = { fingerprint: directive.fingerprint, text: directive.text, line: at.line };
        return;
      }
      case 'endSlide':
      case 'include':
      case 'comment':
        // Handled while scanning; they never reach a slide.
        return;
      default:
        assertNever(directive);
    }
  }

  /**
   * Renumbers steps so that every step reveals something, warning about pauses that reveal
   * nothing. Step 0 always exists: a slide may open empty and reveal its first block.
   */
  private compactSteps(): number {
    const used = new Set<number>([0]);
    forEachStepped(this.blocks, (thing) => used.add(thing.step));
    for (const pause of this.pauses) {
      if (!used.has(pause.step)) this.sink.warning(pause.at, 'this pause reveals nothing: no content follows it on this slide');
    }
    const order = [...used].sort((a, b) => a - b);
    const dense = new Map(order.map((step, i) => [step, i]));
    forEachStepped(this.blocks, (thing) => {
      thing.step = dense.get(thing.step) ?? 0;
    });
    return order.length;
  }
}

/** Whether `more`, written after `list` with only directives between, carries on the same list. */
function continues(list: ListBlock, more: ListBlock, align: Alignment): boolean {
  if (list.ordered !== more.ordered || list.align !== align) return false;
  return !list.ordered || more.start === list.start + list.items.length;
}

/** Calls `visit` on every block and list item that has a step, nested ones included. */
function forEachStepped(blocks: readonly Block[], visit: (thing: { step: number }) => void): void {
  for (const block of blocks) {
    visit(block);
    switch (block.kind) {
      case 'list':
        for (const item of block.items) {
          visit(item);
          forEachStepped(item.blocks, visit);
        }
        break;
      case 'quote':
      case 'alert':
        forEachStepped(block.blocks, visit);
        break;
      case 'columns':
        for (const column of block.columns) forEachStepped(column, visit);
        break;
      default:
        break;
    }
  }
}

/** Plain text of the slide's first heading, looking into column layouts too. */
function titleOf(blocks: readonly Block[]): string {
  for (const block of blocks) {
    if (block.kind === 'heading') return inlineText(block.children).trim();
    if (block.kind === 'columns') {
      for (const column of block.columns) {
        const title = titleOf(column);
        if (title !== '') return title;
      }
    }
  }
  return '';
}

/** Builds one slide from its raw parts. */
export function buildSlide(
  raw: RawSlide,
  sink: DiagnosticSink,
  links: LinkDefinitions,
  sourceChecker: SourceChecker,
  incrementalLists: boolean,
  revealFirstItem = false,
): BuiltSlide {
  return new SlideBuilder(sink, links, sourceChecker, incrementalLists, revealFirstItem).build(raw);
}
