import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  formatReport,
  readRehearsals,
  reportSeconds,
  reportToJson,
  sparkline,
  type RehearsalRun,
  type Report,
} from '../../src/rehearse/index.js';
import { makeDeck, talkDeck } from '../fixtures/rehearse/decks.js';

// The fixture log: runs r1–r5 finished, r6 killed on slide 4 with a torn last line, one run of another deck.
const runs = readRehearsals(join(import.meta.dirname, '..', 'fixtures', 'rehearse', 'rehearsals.jsonl'));
const budgets = [30_000, 60_000, 90_000, 120_000, 60_000];
// r6 is aborted (it never finished): counted here, as `report --include-aborted` counts it.
const report = buildReport(talkDeck, runs, budgets, { includeAborted: true });
const ANSI = /\u001b\[/u;

describe('buildReport', () => {
  it('reads the fixture log: torn tail skipped, the last line of each run kept', () => {
    expect(runs.map((run) => [run.runId, run.final, run.totalSeconds])).toEqual([
      ['r1', true, 370],
      ['r2', true, 362],
      ['r3', true, 330],
      ['o1', true, 600],
      ['r4', true, 303],
      ['r5', true, 308],
      ['r6', false, 163],
    ]);
  });

  it('sets each slide’s budget against the last run and the median of the last five, flagging >25% off', () => {
    expect(report.slides).toEqual([
      { index: 1, title: 'Unikernels in practice', budgetMs: 30_000, lastMs: 29_000, medianMs: 30_000, samples: 5, offBy: 0, flag: null },
      { index: 2, title: 'Why unikernels', budgetMs: 60_000, lastMs: 70_000, medianMs: 80_000, samples: 5, offBy: 1 / 3, flag: 'long' },
      { index: 3, title: 'Boot times', budgetMs: 90_000, lastMs: 64_000, medianMs: 64_000, samples: 5, offBy: -26 / 90, flag: 'short' },
      // r6 was killed on this slide: its time there is unknown, not 0.
      { index: 4, title: '', budgetMs: 120_000, lastMs: null, medianMs: 95_000, samples: 4, offBy: -25 / 120, flag: null },
      // Exactly 25% short is not flagged.
      { index: 5, title: 'Questions', budgetMs: 60_000, lastMs: null, medianMs: 45_000, samples: 4, offBy: -0.25, flag: null },
    ]);
  });

  it('lists the totals of this deck’s runs with their changes', () => {
    expect(report.runs.map((run) => [run.runId, run.totalMs, run.deltaMs, run.final])).toEqual([
      ['r1', 370_000, null, true],
      ['r2', 362_000, -8_000, true],
      ['r3', 330_000, -32_000, true],
      ['r4', 303_000, -27_000, true],
      ['r5', 308_000, 5_000, true],
      ['r6', 163_000, -145_000, false],
    ]);
    expect(report).toMatchObject({ deck: 'Unikernels in practice', budgetTotalMs: 360_000, recentRuns: 5, lastTotalMs: 163_000, medianTotalMs: 319_000 });
    expect(reportSeconds(report)).toEqual([30, 80, 64, 95, 45]);
    expect(reportSeconds(report, 'last')).toEqual([29, 70, 64, null, null]);
  });

  it('matches slides by title when the deck has changed since', () => {
    const reordered = { ...talkDeck, slides: [talkDeck.slides[2]!, talkDeck.slides[0]!, { ...talkDeck.slides[1]!, title: 'Why, really' }] };
    const changed = buildReport(reordered, runs, [90_000, 30_000, 60_000], { includeAborted: true });
    expect(changed.slides.map((s) => [s.title, s.medianMs])).toEqual([
      ['Boot times', 64_000],
      ['Unikernels in practice', 30_000],
      ['Why, really', null],
    ]);
  });

  it('flags only beyond 25% either way', () => {
    const deck = makeDeck([{ title: 'A' }, { title: 'B' }, { title: 'C' }, { title: 'D' }, { title: 'E' }]);
    const seconds = [75, 75.5, 45, 44.5, 10];
    const single: RehearsalRun = {
      v: 1,
      runId: 'one',
      final: true,
      date: '2025-03-01T09:00:00.000Z',
      savedAt: '2025-03-01T09:10:00.000Z',
      deck: 'A talk',
      deckFile: 'talk.md',
      minutes: null,
      slides: seconds.map((s, i) => ({ title: 'ABCDE'[i]!, seconds: s, visits: 1 })),
      totalSeconds: 250,
      current: null,
    };
    const flags = buildReport(deck, [single], [60_000, 60_000, 60_000, 60_000, 0]).slides.map((s) => s.flag);
    expect(flags).toEqual([null, 'long', null, 'short', 'long']);
    // A run of another deck file with another title is not this deck's.
    expect(buildReport(deck, [{ ...single, deckFile: 'other.md', deck: 'Other' }], [1, 1, 1, 1, 1]).runs).toEqual([]);
  });

  it('is empty without runs', () => {
    const empty = buildReport(talkDeck, [], budgets);
    expect(empty.runs).toEqual([]);
    expect(empty.slides.every((s) => s.lastMs === null && s.medianMs === null && s.flag === null)).toBe(true);
    expect(formatReport(empty, { columns: 60 })).toBe(
      [
        'Rehearsal report: Unikernels in practice',
        'No rehearsals yet: record one with `talkdeck rehearse`.',
        '',
        ' #  Slide                   Budget  Last  Median',
        ' 1  Unikernels in practice    0:30     —       —',
        ' 2  Why unikernels            1:00     —       —',
        ' 3  Boot times                1:30     —       —',
        ' 4  (untitled)                2:00     —       —',
        ' 5  Questions                 1:00     —       —',
        '    Total                     6:00     —       —',
        '',
      ].join('\n'),
    );
  });
});

describe('formatReport', () => {
  const text = formatReport(report, { columns: 80, timeZone: 'UTC' });
  const lines = text.split('\n');

  it('draws the table with flags', () => {
    expect(lines.slice(0, 11)).toEqual([
      'Rehearsal report: Unikernels in practice',
      '6 runs, 1 aborted (counted); medians of the last 5',
      '',
      ' #  Slide                   Budget  Last  Median',
      ' 1  Unikernels in practice    0:30  0:29    0:30',
      ' 2  Why unikernels            1:00  1:10    1:20  long +33%',
      ' 3  Boot times                1:30  1:04    1:04  short −29%',
      ' 4  (untitled)                2:00     —    1:35',
      ' 5  Questions                 1:00     —    0:45',
      '    Total                     6:00  2:43    5:19',
      '',
    ]);
  });

  it('charts each median against its budget marker', () => {
    expect(lines.slice(11, 18)).toEqual([
      'Median per slide against its budget (┃ budget)',
      ' 1  Unikernels in pract…  ██████████▌┃                                0:30',
      ' 2  Why unikernels        █████████████████████┃██████                1:20 long',
      ' 3  Boot times            ██████████████████████▍         ┃           1:04 short',
      ' 4  (untitled)            █████████████████████████████████▎        ┃ 1:35',
      ' 5  Questions             ███████████████▊     ┃                      0:45',
      '',
    ]);
  });

  it('shows the trend of totals as a sparkline of finished runs and a list with deltas', () => {
    expect(lines.slice(18)).toEqual([
      'Total per run  █▇▄▁▂',
      '  2025-03-01 09:00  6:10',
      '  2025-03-02 09:00  6:02  −0:08',
      '  2025-03-03 09:00  5:30  −0:32',
      '  2025-03-04 09:00  5:03  −0:27',
      '  2025-03-05 09:00  5:08  +0:05',
      '  2025-03-06 09:00  2:43  −2:25  unfinished',
      '',
    ]);
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5])).toBe('▄▄');
  });

  it('fits every width, keeping the flags’ words where it can', () => {
    for (let columns = 20; columns <= 120; columns++) {
      const out = formatReport(report, { columns, timeZone: 'UTC' });
      for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      if (columns >= 40) expect(out).toMatch(/ long(?: \+33%)?\n[^\n]* short(?: −29%)?\n/u);
    }
    expect(formatReport(report, { columns: 40, timeZone: 'UTC' }).split('\n').slice(3, 10)).toEqual([
      ' #  Slide          Budget  Median',
      ' 1  Unikernels i…    0:30    0:30',
      ' 2  Why unikerne…    1:00    1:20  long',
      ' 3  Boot times       1:30    1:04  short',
      ' 4  (untitled)       2:00    1:35',
      ' 5  Questions        1:00    0:45',
      '    Total            6:00    5:19',
    ]);
  });

  it('has no ANSI unless asked, and colours the flags when asked', () => {
    expect(text).not.toMatch(ANSI);
    const colored = formatReport(report, { columns: 80, color: true, timeZone: 'UTC' });
    expect(colored).toContain('\u001b[31mlong +33%\u001b[39m');
    expect(colored).toContain('\u001b[33mshort −29%\u001b[39m');
    expect(colored.replace(/\u001b\[\d+m/gu, '')).toBe(text);
  });
});

describe('reportToJson', () => {
  it('gives scripts every field, durations in ms', () => {
    const json = JSON.parse(reportToJson(report)) as Report & { version: number };
    expect(json).toEqual({ version: 1, ...report });
    expect(reportToJson(report).endsWith('}\n')).toBe(true);
  });
});

describe('aborted runs', () => {
  const deck = makeDeck([{ title: 'A' }, { title: 'B' }, { title: 'C' }]);
  const run = (runId: string, seconds: number[], extra: Partial<RehearsalRun> = {}): RehearsalRun => ({
    v: 1,
    runId,
    final: true,
    date: `2025-03-0${runId.length}T09:00:00.000Z`,
    savedAt: '2025-03-01T09:10:00.000Z',
    deck: 'A talk',
    deckFile: 'talk.md',
    minutes: null,
    slides: seconds.map((s, i) => ({ title: 'ABC'[i]!, seconds: s, visits: s > 0 ? 1 : 0 })),
    totalSeconds: seconds.reduce((a, b) => a + b, 0),
    current: null,
    ...extra,
  });
  // Two whole runs, then one quit on slide B and one killed on slide C.
  const log = [run('a', [10, 20, 30]), run('bb', [12, 22, 32]), run('ccc', [2, 3, 0], { aborted: true }), run('dddd', [11, 21, 5], { final: false, current: 2 })];

  it('are listed but left out of the medians, the Last column and the total median', () => {
    const report = buildReport(deck, log, [10_000, 20_000, 30_000]);
    expect(report.runs.map((r) => [r.runId, r.aborted])).toEqual([
      ['a', false],
      ['bb', false],
      ['ccc', true],
      ['dddd', true],
    ]);
    expect(report).toMatchObject({ abortedRuns: 2, includesAborted: false, recentRuns: 2, lastTotalMs: 66_000, medianTotalMs: 63_000 });
    expect(report.slides.map((s) => [s.lastMs, s.medianMs, s.samples])).toEqual([
      [12_000, 11_000, 2],
      [22_000, 21_000, 2],
      [32_000, 31_000, 2],
    ]);
    const text = formatReport(report, { columns: 80, timeZone: 'UTC' });
    expect(text).toContain('4 runs, 2 aborted (left out: --include-aborted); medians of the last 2');
    expect(text).toMatch(/0:05 +−1:01 +aborted\n/u);
    expect(text).toMatch(/0:37 +\+0:32 +unfinished\n/u);
  });

  it('count when asked for; the slide a killed run stopped on still does not', () => {
    const report = buildReport(deck, log, [10_000, 20_000, 30_000], { includeAborted: true });
    expect(report).toMatchObject({ abortedRuns: 2, includesAborted: true, recentRuns: 4 });
    // The quit run timed A and B (2 s, 3 s) and never reached C; the killed one's time on C is unknown.
    expect(report.slides.map((s) => s.samples)).toEqual([4, 4, 2]);
    expect(report.slides[0]!.medianMs).toBe(10_500);
    expect(formatReport(report, { columns: 80 })).toContain('4 runs, 2 aborted (counted); medians of the last 4');
  });
});
