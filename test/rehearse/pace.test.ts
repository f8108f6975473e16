import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pace, RehearsalRecorder, type PaceStatus } from '../../src/rehearse/index.js';
import { makeDeck } from '../fixtures/rehearse/decks.js';

// Slide 0 is due 0:00–1:00, slide 1 1:00–3:00, slide 2 3:00–4:00.
const budgets = [60_000, 120_000, 60_000];

describe('pace', () => {
  const table: [slide: number, elapsedMs: number, status: PaceStatus, deltaMs: number, words: string][] = [
    [1, 40_000, 'ahead', 20_000, '0:20 ahead'],
    [1, 54_999, 'ahead', 5_001, '0:05 ahead'],
    [1, 55_000, 'on-track', 5_000, 'on track'],
    [1, 60_000, 'on-track', 0, 'on track'],
    [1, 120_000, 'on-track', 0, 'on track'],
    [1, 180_000, 'on-track', 0, 'on track'],
    [1, 185_000, 'on-track', -5_000, 'on track'],
    [1, 185_001, 'behind', -5_001, '0:05 behind'],
    [1, 245_000, 'behind', -65_000, '1:05 behind'],
    [0, 0, 'on-track', 0, 'on track'],
    [0, 66_000, 'behind', -6_000, '0:06 behind'],
    [2, 100_000, 'ahead', 80_000, '1:20 ahead'],
    [2, 4_000_000, 'behind', -3_760_000, '1:02:40 behind'],
  ];

  it.each(table)('slide %i at %i ms is %s (%i ms in hand)', (slide, elapsedMs, status, deltaMs, words) => {
    const result = pace({ budgets, slide, elapsedMs, slideElapsedMs: 1_000 });
    expect(result.status).toBe(status);
    expect(result.deltaMs).toBe(deltaMs);
    expect(result.words).toBe(words);
  });

  it('reports the slide’s window, budget and reveal.js’s time left', () => {
    expect(pace({ budgets, slide: 1, elapsedMs: 100_000, slideElapsedMs: 40_000 })).toEqual({
      status: 'on-track',
      deltaMs: 0,
      slideBudgetMs: 120_000,
      slideElapsedMs: 40_000,
      words: 'on track',
      slideStartMs: 60_000,
      slideEndMs: 180_000,
      slideLeftMs: 80_000,
    });
  });

  it('takes a tolerance: 0 is reveal.js’s own rule', () => {
    expect(pace({ budgets, slide: 0, elapsedMs: 60_001, slideElapsedMs: 0, toleranceMs: 0 }).status).toBe('behind');
    expect(pace({ budgets, slide: 1, elapsedMs: 59_999, slideElapsedMs: 0, toleranceMs: 0 }).status).toBe('ahead');
    expect(pace({ budgets, slide: 1, elapsedMs: 30_000, slideElapsedMs: 0, toleranceMs: 30_000 }).status).toBe('on-track');
  });

  it('clamps a slide outside the deck', () => {
    expect(pace({ budgets, slide: 9, elapsedMs: 240_000, slideElapsedMs: 0 }).slideBudgetMs).toBe(60_000);
    expect(pace({ budgets: [], slide: 0, elapsedMs: 10_000, slideElapsedMs: 0 }).status).toBe('behind');
  });
});

describe('pacing a rehearsal on an injected clock', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the recorder’s elapsed times', () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdeck-pace-'));
    let t = 1_700_000_000_000;
    const recorder = new RehearsalRecorder({ logPath: join(dir, 'log.jsonl'), deck: makeDeck([{}, {}, {}]), now: () => t, runId: 'p' });
    const now = () => pace({ budgets, slide: recorder.currentSlide ?? 0, elapsedMs: recorder.elapsedMs(), slideElapsedMs: recorder.slideElapsedMs() });

    recorder.enter(0);
    t += 30_000;
    expect(now()).toMatchObject({ status: 'on-track', slideElapsedMs: 30_000 });
    recorder.enter(1); // at 0:30, due at 1:00
    expect(now()).toMatchObject({ status: 'ahead', deltaMs: 30_000, words: '0:30 ahead', slideElapsedMs: 0 });
    t += 200_000; // 3:50, slide 1 was due to end at 3:00
    expect(now()).toMatchObject({ status: 'behind', deltaMs: -50_000, words: '0:50 behind', slideElapsedMs: 200_000 });
    recorder.enter(0);
    t += 10_000;
    recorder.enter(1); // back again: the slide's time accumulates
    t += 5_000;
    expect(now()).toMatchObject({ status: 'behind', slideElapsedMs: 205_000 });
    expect(recorder.elapsedMs()).toBe(245_000);
  });
});
