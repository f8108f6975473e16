import type { Block, Slide } from '../deck/index.js';
import type { ExecutorConfig } from '../config/index.js';
import { runSnippet, type SnippetRun } from '../exec/index.js';
import type { Command, ExecRun, PresentState } from './state.js';

/** What running `+exec` blocks may do: off unless the user said `-x` / `-X` or the configuration did. */
export interface ExecSettings {
  enabled: boolean;
  replaceEnabled: boolean;
  timeoutMs: number;
  executors: Readonly<Record<string, ExecutorConfig>>;
  /** Snippets run in the deck's folder, with the user's environment. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

type CodeBlock = Extract<Block, { kind: 'code' }>;

/** The `+exec` blocks shown on a slide at a step, columns included. */
export function execBlocks(blocks: readonly Block[], step: number, out: CodeBlock[] = []): CodeBlock[] {
  for (const block of blocks) {
    if (block.step > step) continue;
    if (block.kind === 'code' && block.exec) out.push(block);
    else if (block.kind === 'columns') for (const column of block.columns) execBlocks(column, step, out);
  }
  return out;
}

/** Output reaches the screen at most this often while a snippet streams. */
const REPAINT_MS = 33;

/**
 * Runs a presentation's snippets: Ctrl-E runs the current slide's `+exec` blocks, arriving at a
 * slide starts its `+auto_exec` and `+exec_replace` blocks once, and leaving it (or quitting)
 * stops whatever still runs. Progress reaches the presenter as `exec-update` commands.
 */
export class ExecController {
  private readonly running = new Map<CodeBlock, SnippetRun>();
  private slide: Slide | null = null;

  constructor(
    private readonly settings: ExecSettings | undefined,
    private readonly emit: (command: Command) => void,
  ) {}

  /** Ctrl-E: runs the slide's `+exec` blocks, or says why not. */
  runSlide(state: PresentState): void {
    const slide = state.deck.slides[state.position.slide];
    const blocks = slide ? execBlocks(slide.blocks, state.position.step).filter((b) => b.exec!.mode !== 'replace') : [];
    if (blocks.length === 0) {
      this.emit({ kind: 'banner', banner: { kind: 'info', text: 'no +exec code on this slide' } });
      return;
    }
    if (!this.settings?.enabled) {
      this.emit({ kind: 'banner', banner: { kind: 'error', text: 'running code is off: start with -x (--enable-exec), or set exec.enable: true in the configuration' } });
      return;
    }
    for (const block of blocks) if (!this.running.has(block)) this.start(block);
  }

  /** The slide shown now: what ran on another slide stops, and this one's automatic blocks start (once). */
  arrive(state: PresentState): void {
    const slide = state.deck.slides[state.position.slide] ?? null;
    if (slide !== this.slide) this.stopAll();
    this.slide = slide;
    if (!slide || !this.settings) return;
    for (const block of execBlocks(slide.blocks, state.position.step)) {
      const mode = block.exec!.mode;
      const allowed = mode === 'replace' ? this.settings.replaceEnabled : mode === 'auto' && this.settings.enabled;
      if (allowed && !state.runs.has(block) && !this.running.has(block)) this.start(block);
    }
  }

  /** Ctrl-C while a snippet runs. */
  stopAll(): void {
    for (const run of this.running.values()) run.stop();
  }

  private start(block: CodeBlock): void {
    const settings = this.settings!;
    let latest: ExecRun = { status: 'running', output: '', exitCode: null };
    let timer: NodeJS.Timeout | undefined;
    const update = () => this.emit({ kind: 'exec-update', block, run: latest });
    update();
    const run = runSnippet(
      { lang: block.lang, code: block.exec!.code, executor: block.exec!.executor },
      {
        executors: settings.executors,
        cwd: settings.cwd,
        env: settings.env,
        timeoutMs: settings.timeoutMs,
        onOutput: (output) => {
          latest = { ...latest, output };
          timer ??= setTimeout(() => {
            timer = undefined;
            if (latest.status === 'running') update();
          }, REPAINT_MS);
        },
      },
    );
    this.running.set(block, run);
    void run.done.then((result) => {
      clearTimeout(timer);
      this.running.delete(block);
      latest = result;
      update();
    });
  }
}
