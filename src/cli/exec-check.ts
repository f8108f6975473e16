import { dirname } from 'node:path';
import type { Block, Deck } from '../deck/index.js';
import type { Config } from '../config/index.js';
import type { CliIo } from './io.js';

type CodeBlock = Extract<Block, { kind: 'code' }>;

/** One `+exec` block as `check --exec` found it. */
export interface ExecFinding {
  slide: number;
  block: CodeBlock;
  /** `new`: no output recorded yet (it is recorded now); `same`; `drift`: the output changed; `failed`: it could not run or exited non-zero. */
  kind: 'new' | 'same' | 'drift' | 'failed';
  output: string;
  fingerprint: string;
  message?: string;
}

function codeBlocks(blocks: readonly Block[], out: CodeBlock[] = []): CodeBlock[] {
  for (const block of blocks) {
    if (block.kind === 'code' && block.exec) out.push(block);
    else if (block.kind === 'columns') for (const column of block.columns) codeBlocks(column, out);
    else if (block.kind === 'list') for (const item of block.items) codeBlocks(item.blocks, out);
    else if (block.kind === 'quote' || block.kind === 'alert') codeBlocks(block.blocks, out);
  }
  return out;
}

/** Runs every `+exec` block of the deck, one after another, and compares each output with the one recorded beside it. */
export async function checkExec(deck: Deck, deckPath: string, config: Config, io: CliIo): Promise<ExecFinding[]> {
  const { runSnippet, normalizeOutput, outputFingerprint } = await import('../exec/index.js');
  const findings: ExecFinding[] = [];
  for (const slide of deck.slides) {
    for (const block of codeBlocks(slide.blocks)) {
      const result = await runSnippet(
        { lang: block.lang, code: block.exec!.code, executor: block.exec!.executor },
        { executors: config.exec.executors, cwd: dirname(deckPath), env: io.env, timeoutMs: config.exec.timeoutMs },
      ).done;
      const output = normalizeOutput(result.output);
      const fingerprint = outputFingerprint(output);
      if (result.status !== 'done') {
        const why = result.status === 'unavailable' ? result.message : result.status === 'timed-out' ? `ran past the timeout (${config.exec.timeoutMs / 1000}s)` : `exited with ${result.exitCode}`;
        findings.push({ slide: slide.index, block, kind: 'failed', output, fingerprint, message: why });
        continue;
      }
      const expected = block.exec!.expected;
      const kind = !expected ? 'new' : expected.fingerprint === fingerprint ? 'same' : 'drift';
      findings.push({ slide: slide.index, block, kind, output, fingerprint });
    }
  }
  return findings;
}

/** The line after a code block's closing fence, 1-based, in the deck's lines; null when the fence is not found. */
function lineAfterFence(lines: readonly string[], startLine: number): number | null {
  const open = /^(\s*)(`{3,}|~{3,})/u.exec(lines[startLine - 1] ?? '');
  if (!open) return null;
  const fence = open[2]!;
  for (let i = startLine; i < lines.length; i++) {
    const close = /^\s*(`{3,}|~{3,})\s*$/u.exec(lines[i]!);
    if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) return i + 2;
  }
  return null;
}

/**
 * The deck's text with the output of `findings` recorded after their blocks: a new
 * `<!-- exec_output: #… -->` comment after the closing fence, or the old one replaced (`update`).
 */
export function recordOutputs(text: string, findings: readonly ExecFinding[], escapeOutput: (text: string) => string, update: boolean): string {
  const lines = text.split('\n');
  const edits: Array<{ at: number; remove: number; insert: string[] }> = [];
  for (const finding of findings) {
    if (finding.kind !== 'new' && !(update && finding.kind === 'drift')) continue;
    const after = lineAfterFence(lines, finding.block.line);
    if (after === null) continue;
    const comment = [`<!-- exec_output: #${finding.fingerprint}`, ...(finding.output === '' ? [] : escapeOutput(finding.output).split('\n')), '-->'];
    const expected = finding.block.exec!.expected;
    if (expected && finding.kind === 'drift') {
      let end = expected.line - 1;
      while (end < lines.length && !lines[end]!.includes('-->')) end++;
      edits.push({ at: expected.line - 1, remove: end - (expected.line - 1) + 1, insert: comment });
    } else edits.push({ at: after - 1, remove: 0, insert: comment });
  }
  for (const edit of edits.sort((a, b) => b.at - a.at)) lines.splice(edit.at, edit.remove, ...edit.insert);
  return lines.join('\n');
}
