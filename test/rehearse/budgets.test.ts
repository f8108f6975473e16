import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBudgets, countSpeech, MIN_SLIDE_MS, speechMs } from '../../src/rehearse/index.js';
import { hanzi, makeDeck, paragraph, words } from '../fixtures/rehearse/decks.js';

const untitled = (notes: string) => ({ title: '', notes });

describe('countSpeech', () => {
  it('counts words of spaced scripts and characters of CJK ones', () => {
    expect(countSpeech("Hello, world! 你好世界 don't x-ray")).toEqual({ words: 4, cjkChars: 4 });
    expect(countSpeech('')).toEqual({ words: 0, cjkChars: 0 });
    expect(countSpeech('単内核は速い')).toEqual({ words: 0, cjkChars: 6 });
  });

  it('turns speech into time at the given rates', () => {
    expect(speechMs(words(130), { wordsPerMinute: 130, cjkCharsPerMinute: 200 })).toBe(60_000);
    expect(speechMs(`${words(65)} ${hanzi(100)}`, { wordsPerMinute: 130, cjkCharsPerMinute: 200 })).toBe(60_000);
  });
});

describe('computeBudgets', () => {
  it('splits the duration in proportion to the speech in each slide’s notes', () => {
    const deck = makeDeck([untitled(words(130)), untitled(words(260)), untitled(words(390))]);
    expect(computeBudgets(deck, { minutes: 12 })).toEqual([120_000, 240_000, 360_000]);
  });

  it('lets an explicit time win and spreads the rest over the other slides', () => {
    const deck = makeDeck([{ ...untitled(words(1000)), timeMs: 45_000 }, untitled(words(130)), untitled(words(130))]);
    expect(computeBudgets(deck, { minutes: 10 })).toEqual([45_000, 277_500, 277_500]);
  });

  it('times Chinese notes at 200 characters a minute, or the rate given', () => {
    const deck = makeDeck([untitled(hanzi(200)), untitled(words(130))]);
    expect(computeBudgets(deck, { minutes: 4 })).toEqual([120_000, 120_000]);
    expect(computeBudgets(deck, { minutes: 3, cjkCharsPerMinute: 100 })).toEqual([120_000, 60_000]);
    expect(computeBudgets(deck, { minutes: 3, wordsPerMinute: 65 })).toEqual([60_000, 120_000]);
  });

  it('uses --minutes over the deck’s duration, and the deck’s duration over nothing', () => {
    const deck = makeDeck([untitled(words(130)), untitled(words(130))], { durationMs: 300_000 });
    expect(computeBudgets(deck)).toEqual([150_000, 150_000]);
    expect(computeBudgets(deck, { minutes: 2 })).toEqual([60_000, 60_000]);
  });

  it('without a duration gives each slide its speech time, explicit times still winning', () => {
    const deck = makeDeck([{ ...untitled(''), timeMs: 45_000 }, untitled(words(130)), untitled(`${words(65)} ${hanzi(100)}`)]);
    expect(computeBudgets(deck)).toEqual([45_000, 60_000, 60_000]);
  });

  it('weighs a slide without notes by its visible text, and never less than the minimum share', () => {
    const deck = makeDeck([
      { title: 'Hi' },
      { title: '', blocks: [paragraph(20, words(260))] },
      untitled(words(130)),
      untitled('Short.'),
    ]);
    expect(computeBudgets(deck)).toEqual([MIN_SLIDE_MS, 120_000, 60_000, MIN_SLIDE_MS]);
  });

  it('reads the notes as parsed blocks, so link targets and markup are not speech', () => {
    const href = 'https://example.com/some/very/long/path/with/many/parts/that/are/not/said';
    const notes = `[${words(130)}](${href})`;
    const deck = makeDeck([
      {
        title: '',
        notes,
        notesBlocks: [{ kind: 'paragraph', step: 0, align: 'left', line: 3, children: [{ kind: 'link', href, children: [{ kind: 'text', text: words(130) }] }] }],
      },
    ]);
    expect(computeBudgets(deck)).toEqual([60_000]);
  });

  it('gives the other slides nothing when explicit times alone fill the duration', () => {
    const deck = makeDeck([{ ...untitled(''), timeMs: 400_000 }, untitled(words(130))]);
    expect(computeBudgets(deck, { minutes: 5 })).toEqual([400_000, 0]);
    const allExplicit = makeDeck([{ ...untitled(''), timeMs: 30_000 }, { ...untitled(''), timeMs: 30_000 }]);
    expect(computeBudgets(allExplicit, { minutes: 10 })).toEqual([30_000, 30_000]);
    expect(computeBudgets(makeDeck([]), { minutes: 10 })).toEqual([]);
  });

  it('sums to the duration exactly, in whole milliseconds, whenever there is room for it', () => {
    const slideSpec = fc.record({
      wordCount: fc.integer({ min: 0, max: 400 }),
      cjkCount: fc.integer({ min: 0, max: 300 }),
      timeMs: fc.option(fc.integer({ min: 1_000, max: 120_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(slideSpec, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.5, max: 120, noNaN: true }), (specs, minutes) => {
        const deck = makeDeck(specs.map((s) => ({ title: '', notes: `${words(s.wordCount)} ${hanzi(s.cjkCount)}`, timeMs: s.timeMs })));
        const budgets = computeBudgets(deck, { minutes });
        const durationMs = Math.round(minutes * 60_000);
        const explicitMs = specs.reduce((sum, s) => sum + (s.timeMs ?? 0), 0);
        expect(budgets).toHaveLength(specs.length);
        specs.forEach((s, i) => {
          expect(Number.isInteger(budgets[i])).toBe(true);
          expect(budgets[i]).toBeGreaterThanOrEqual(0);
          if (s.timeMs !== null) expect(budgets[i]).toBe(s.timeMs);
        });
        const sum = budgets.reduce((a, b) => a + b, 0);
        if (specs.some((s) => s.timeMs === null) && explicitMs <= durationMs) expect(sum).toBe(durationMs);
      }),
    );
  });
});
