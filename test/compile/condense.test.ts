import { describe, expect, test } from 'vitest';
import { condenseSentence } from '../../src/compile/condense.js';
import { stripMarkup } from '../../src/compile/inline.js';
import { contentWords } from '../../src/compile/tokens.js';

function condense(raw: string, max = 150): string[] {
  return condenseSentence(stripMarkup(raw, new Map()).text, max).map((b) => b.text);
}

describe('condenseSentence', () => {
  test.each<[string, string, string]>([
    ['keeps link text, drops the target', 'A [unikernel](https://en.wikipedia.org/wiki/Unikernel) runs in privileged mode.', 'A unikernel runs in privileged mode'],
    ['drops parenthetical asides, nested too', 'Apps run (and (mostly) work) on any host.', 'Apps run on any host'],
    ['drops asides between a pair of dashes', 'This takes a thorny problem — secret management — and makes it nastier.', 'This takes a thorny problem and makes it nastier'],
    ['drops connectives that open a sentence', 'And yes, unikernels often run new or different software.', 'Unikernels often run new or different software'],
    ['keeps "?" and "!"', 'Good news: apps kinda work!', 'Good news: apps kinda work!'],
    ['drops emphasis markers and images', 'It is **entirely** _undebuggable_ ![x](y.png) today.', 'It is entirely undebuggable today'],
    ['does not glue words where markup was', 'the[principle of least privilege](https://x.org) is violated', 'The principle of least privilege is violated'],
    ['drops bare URLs', 'Read the full report https://example.org/a before the meeting.', 'Read the full report before the meeting'],
    ['unwraps a sentence that is one aside', '(This is in stark contrast to containers.)', 'This is in stark contrast to containers'],
    ['Chinese asides and full stops', '开发人员不能使用许多常见的实用程序——如 ps 或 htop——来跟踪程序进度。', '开发人员不能使用许多常见的实用程序来跟踪程序进度'],
  ])('%s', (_name, raw, expected) => {
    expect(condense(raw)[0]).toBe(expected);
  });

  test('a long sentence gives runs of clauses that fit, each from the sentence', () => {
    const raw =
      'The primary reason to implement functionality in the operating system kernel is for performance: by avoiding a context switch across the user-kernel boundary, operations that rely upon transit across that boundary can be made faster.';
    const bullets = condense(raw, 100);
    expect(bullets.length).toBeGreaterThan(0);
    const source = new Set(contentWords(raw));
    for (const b of bullets) {
      expect(b.length).toBeLessThanOrEqual(100);
      expect(contentWords(b).filter((w) => !source.has(w))).toEqual([]);
    }
    expect(bullets).toContain('The primary reason to implement functionality in the operating system kernel is for performance');
  });

  test('a sentence with too little substance gives nothing', () => {
    expect(condense('So, what now?')).toEqual([]);
  });
});
