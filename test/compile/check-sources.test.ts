import { describe, expect, test } from 'vitest';
import { checkSources, compileTalk, fixSources, type SourceProblem } from '../../src/compile/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { FIXTURES_DIR, readIn } from './helpers.js';

const PATH = 'sources/with-headings.md';
const original = readIn(FIXTURES_DIR, 'with-headings.md') ?? '';
const deckText = compileTalk([{ path: PATH, text: original }], { minutes: 20 });
const deck = parseDeck(deckText, { file: 'talk.md' });
const refs = deck.slides.flatMap((s) => s.sources.map((ref) => ({ slide: s.index, ref })));

function check(source: string | null, text = deckText): SourceProblem[] {
  return checkSources(parseDeck(text, { file: 'talk.md' }), (path) => (path === PATH ? source : null));
}

/** The article with `what` replaced by `by` (which must be there once). */
function edit(what: string, by: string): string {
  expect(original.split(what).length, what).toBe(2);
  return original.replace(what, by);
}

describe('checkSources', () => {
  test('a deck fresh from its sources has no problems', () => {
    expect(deck.diagnostics).toEqual([]);
    expect(refs.length).toBeGreaterThan(20);
    expect(check(original)).toEqual([]);
  });

  test('lines inserted above the passages: every citation below moved, by as many lines', () => {
    const lines = original.split('\n');
    const shifted = [...lines.slice(0, 2), 'An inserted line.', '', 'Another one.', ...lines.slice(2)].join('\n');
    const problems = check(shifted);
    const below = refs.filter((r) => r.ref.startLine > 2);
    expect(problems.map((p) => p.kind)).toEqual(below.map(() => 'moved'));
    for (const p of problems) {
      expect(p.newStartLine).toBe(p.ref.startLine + 3);
      expect(p.newEndLine).toBe(p.ref.endLine + 3);
      expect(p.slide).toBeGreaterThan(0);
      expect(p.message).toMatch(/moved to line/u);
    }
  });

  test('fixSources moves exactly the moved ranges, byte for byte otherwise, and the deck checks clean', () => {
    const shifted = ['Preface.', '', original].join('\n');
    const problems = check(shifted);
    const fixed = fixSources(deckText, problems);
    expect(check(shifted, fixed)).toEqual([]);
    const before = deckText.split('\n');
    const after = fixed.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.map((line, i) => (line === before[i] ? null : i + 1)).filter((x) => x !== null);
    expect(changed).toEqual(problems.map((p) => p.ref.line));
    for (const i of changed) {
      expect((after[(i ?? 1) - 1] ?? '').replace(/:\d+(?:-\d+)? #/u, ':N #')).toBe((before[(i ?? 1) - 1] ?? '').replace(/:\d+(?:-\d+)? #/u, ':N #'));
    }
  });

  test('fixSources keeps CRLF line ends and leaves other problems alone', () => {
    const crlf = deckText.replace(/\n/gu, '\r\n');
    const shifted = ['Preface.', '', original].join('\n');
    const problems = check(shifted, crlf);
    expect(problems.length).toBeGreaterThan(0);
    const fixed = fixSources(crlf, problems);
    expect(fixed.split('\r\n').length).toBe(crlf.split('\r\n').length);
    expect(fixed.replace(/\r\n/gu, '')).not.toMatch(/\n/u);
    expect(check(shifted, fixed)).toEqual([]);
    const changed: SourceProblem[] = problems.map((p) => ({ ...p, kind: 'changed' }));
    expect(fixSources(crlf, changed)).toBe(crlf);
  });

  test('changed words: the citation is reported as changed, with the old and the new text', () => {
    const cited = refs.find((r) => r.ref.quote.includes('half a degree of the airport station'));
    expect(cited).toBeDefined();
    const edited = edit('within half a degree of the airport station nearby', 'within a quarter of a degree of the airport station nearby');
    const problems = check(edited).filter((p) => p.ref === cited?.ref || p.ref.quote === cited?.ref.quote);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.kind).toBe('changed');
      expect(p.newText).toContain('a quarter of a degree');
      expect(p.newStartLine).toBe(cited?.ref.startLine);
      expect(p.message).toContain('was "');
      expect(p.message).toContain('now "');
    }
  });

  test('a deleted passage vanished', () => {
    const gone = refs.find((r) => r.ref.quote.includes('Honest gaps are better than smooth lies'));
    expect(gone).toBeDefined();
    const problems = check(edit('Honest gaps are better than smooth lies.', ''));
    const mine = problems.filter((p) => p.ref.quote === gone?.ref.quote);
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) {
      expect(p.kind).toBe('vanished');
      expect(p.newStartLine).toBeNull();
    }
  });

  test('an article that cannot be read is a missing file for every citation of it', () => {
    const problems = check(null);
    expect(problems.length).toBe(refs.length);
    expect(new Set(problems.map((p) => p.kind))).toEqual(new Set(['missing-file']));
  });

  test('a passage rewrapped over other lines only moved', () => {
    const cited = refs.find((r) => r.ref.quote.startsWith('Pressure is the easiest quantity to measure well.'));
    expect(cited).toBeDefined();
    const rewrapped = edit('Pressure is the easiest quantity to measure well.', '\nPressure is the easiest\nquantity to measure well.');
    const problem = check(rewrapped).find((p) => p.ref.quote === cited?.ref.quote);
    expect(problem?.kind).toBe('moved');
    expect(problem?.newStartLine).toBe((cited?.ref.startLine ?? 0) + 1);
    expect(problem?.newEndLine).toBe((cited?.ref.startLine ?? 0) + 2);
  });
});
