import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseRehearsals,
  readRehearsals,
  RehearsalRecorder,
  rehearsalLogPath,
  type RehearsalRun,
} from '../../src/rehearse/index.js';
import { makeDeck } from '../fixtures/rehearse/decks.js';

const T0 = Date.UTC(2025, 2, 1, 9, 0, 0);
const deck = makeDeck([{ title: 'Intro' }, { title: 'Middle' }, { title: 'End' }], { title: 'Tiny talk' }, '/decks/tiny/talk.md');

let dir = '';
let logPath = '';
let t = T0;
const now = () => t;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-recorder-'));
  logPath = join(dir, '.talkdeck', 'rehearsals.jsonl');
  t = T0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = () => readFileSync(logPath, 'utf8').split('\n').filter((line) => line !== '');
const iso = (ms: number) => new Date(ms).toISOString();

function run(partial: Partial<RehearsalRun> & Pick<RehearsalRun, 'slides'>): RehearsalRun {
  const totalSeconds = Math.round(partial.slides.reduce((sum, s) => sum + s.seconds, 0) * 10) / 10;
  return {
    v: 1,
    runId: 'run-1',
    final: false,
    date: iso(T0),
    savedAt: iso(T0),
    deck: 'Tiny talk',
    deckFile: 'talk.md',
    minutes: 20,
    totalSeconds,
    current: null,
    ...partial,
  };
}

describe('RehearsalRecorder', () => {
  it('appends a checkpoint at each slide change and a final line at finish', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'run-1', minutes: 20 });
    expect(existsSync(logPath)).toBe(false);

    recorder.enter(0);
    expect(lines().map((line) => JSON.parse(line))).toEqual([
      run({ current: 0, slides: [{ title: 'Intro', seconds: 0, visits: 1 }, { title: 'Middle', seconds: 0, visits: 0 }, { title: 'End', seconds: 0, visits: 0 }] }),
    ]);

    t += 12_340;
    recorder.enter(1);
    t += 1_000;
    recorder.enter(1); // a reveal step on the same slide: no visit, no line
    expect(lines()).toHaveLength(2);
    expect(JSON.parse(lines()[1]!)).toEqual(
      run({ current: 1, savedAt: iso(T0 + 12_340), slides: [{ title: 'Intro', seconds: 12.3, visits: 1 }, { title: 'Middle', seconds: 0, visits: 1 }, { title: 'End', seconds: 0, visits: 0 }] }),
    );

    t += 29_000;
    recorder.enter(0); // back: visits and time accumulate
    t += 5_000;
    recorder.enter(2);
    t += 45_050;
    const final = recorder.finish();
    const expected = run({
      final: true,
      current: null,
      savedAt: iso(T0 + 92_390),
      slides: [
        { title: 'Intro', seconds: 17.3, visits: 2 },
        { title: 'Middle', seconds: 30, visits: 1 },
        { title: 'End', seconds: 45.1, visits: 1 },
      ],
    });
    expect(final).toEqual(expected);
    expect(final.totalSeconds).toBe(92.4);
    expect(lines()).toHaveLength(5);
    expect(JSON.parse(lines()[4]!)).toEqual(expected);
    expect(readRehearsals(logPath)).toEqual([expected]);
  });

  it('tells elapsed and per-slide time, the current visit included', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'run-1' });
    expect(recorder.elapsedMs()).toBe(0);
    t += 5_000; // before the first slide: not counted
    recorder.enter(1);
    t += 7_000;
    expect([recorder.elapsedMs(), recorder.slideElapsedMs(), recorder.slideElapsedMs(0)]).toEqual([7_000, 7_000, 0]);
    recorder.enter(2);
    t += 1_000;
    recorder.enter(1);
    t += 2_000;
    expect([recorder.elapsedMs(), recorder.slideElapsedMs(), recorder.slideElapsedMs(2)]).toEqual([10_000, 9_000, 1_000]);
    expect(recorder.record().slides.map((s) => s.seconds)).toEqual([0, 7, 1]);
  });

  it('finishes once; later calls change nothing', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'run-1' });
    recorder.enter(0);
    t += 3_000;
    const final = recorder.finish();
    t += 3_000;
    recorder.enter(1);
    expect(recorder.finish()).toBe(final);
    expect(recorder.finished).toBe(true);
    expect(lines()).toHaveLength(2);
    expect(() => new RehearsalRecorder({ logPath, deck, now }).enter(3)).toThrow(RangeError);
  });

  it('keeps runs apart and in the order they started', () => {
    const first = new RehearsalRecorder({ logPath, deck, now, runId: 'a' });
    const second = new RehearsalRecorder({ logPath, deck, now, runId: 'b' });
    first.enter(0);
    second.enter(0);
    t += 1_000;
    second.enter(1);
    first.enter(2);
    second.finish();
    expect(readRehearsals(logPath).map((r) => [r.runId, r.final, r.slides.map((s) => s.visits)])).toEqual([
      ['a', false, [1, 0, 1]],
      ['b', true, [1, 1, 0]],
    ]);
    const anonymous = new RehearsalRecorder({ logPath, deck, now });
    expect(anonymous.runId).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it('starts on a fresh line after a line torn by a crash', () => {
    writeFileSync(join(dir, 'torn.jsonl'), '');
    const torn = join(dir, 'torn.jsonl');
    const old = new RehearsalRecorder({ logPath: torn, deck, now, runId: 'old' });
    old.enter(0);
    appendFileSync(torn, '{"v":1,"runId":"old","final":fal');
    const fresh = new RehearsalRecorder({ logPath: torn, deck, now, runId: 'new' });
    fresh.enter(1);
    const text = readFileSync(torn, 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    expect(text.split('\n')[1]).toBe('{"v":1,"runId":"old","final":fal');
    expect(readRehearsals(torn).map((r) => [r.runId, r.current])).toEqual([
      ['old', 0],
      ['new', 1],
    ]);
  });
});

describe('RehearsalRecorder through live reloads', () => {
  it('counts slides by identity when the deck is edited during the run', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'edit' });
    recorder.enter(0);
    t += 10_000;
    recorder.enter(1);
    t += 20_000;
    // Saved during the rehearsal: a new slide before Middle, End removed.
    const edited = makeDeck([{ title: 'Intro' }, { title: 'New' }, { title: 'Middle' }], { title: 'Tiny talk' }, '/decks/tiny/talk.md');
    recorder.enter(2, edited);
    expect(recorder.currentSlide).toBe(2);
    t += 5_000;
    recorder.enter(1, edited);
    t += 7_000;
    const final = recorder.finish();
    expect(final.slides).toEqual([
      { title: 'Intro', seconds: 10, visits: 1 },
      { title: 'New', seconds: 7, visits: 1 },
      { title: 'Middle', seconds: 25, visits: 1 },
    ]);
    // A slide the deck has more of than before is not an error any more.
    expect(() => new RehearsalRecorder({ logPath, deck, now }).enter(2, edited)).not.toThrow();
  });

  it('keeps the time of a slide that left the deck, after those of the deck', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'gone' });
    recorder.enter(2);
    t += 4_000;
    const shorter = makeDeck([{ title: 'Intro' }], { title: 'Tiny talk' }, '/decks/tiny/talk.md');
    recorder.enter(0, shorter);
    t += 1_000;
    expect(recorder.finish().slides).toEqual([
      { title: 'Intro', seconds: 1, visits: 1 },
      { title: 'End', seconds: 4, visits: 1 },
    ]);
  });
});

describe('readRehearsals', () => {
  it('keeps the last whole line of each run and skips torn, blank and foreign lines', () => {
    const a1 = run({ runId: 'a', current: 0, slides: [{ title: 'Intro', seconds: 0, visits: 1 }] });
    const b1 = run({ runId: 'b', current: 0, slides: [{ title: 'Intro', seconds: 0, visits: 1 }] });
    const a2 = run({ runId: 'a', final: true, slides: [{ title: 'Intro', seconds: 9.5, visits: 1 }] });
    const text = [
      JSON.stringify(a1),
      '',
      'not json',
      JSON.stringify({ ...b1, v: 2 }),
      JSON.stringify({ runId: 'x' }),
      JSON.stringify(b1),
      JSON.stringify(a2),
      JSON.stringify(b1).slice(0, 40),
    ].join('\n');
    expect(parseRehearsals(text)).toEqual([a2, b1]);
    expect(readRehearsals(join(dir, 'missing.jsonl'))).toEqual([]);
  });

  it.each([
    ['a slide of 1e308 seconds', { slides: [{ title: 'Intro', seconds: 1e308, visits: 1 }], totalSeconds: 1e308 }],
    ['a total of 1e308 seconds', { totalSeconds: 1e308 }],
    ['a total beyond what JSON holds (Infinity)', { totalSeconds: '__INF__' }],
    ['a slide of NaN seconds', { slides: [{ title: 'Intro', seconds: 'NaN', visits: 1 }] }],
    ['a time of more than a week', { slides: [{ title: 'Intro', seconds: 8 * 24 * 3600, visits: 1 }] }],
    ['a visit count of 1e300', { slides: [{ title: 'Intro', seconds: 3, visits: 1e300 }] }],
    ['minutes of 1e308', { minutes: 1e308 }],
    ['a date that is no date', { date: 'yesterday\u001b[2J' }],
    ['a save time that is no date', { savedAt: 'NaN' }],
  ])('rejects %s as bad data', (_what, bad) => {
    const good = run({ runId: 'a', final: true, slides: [{ title: 'Intro', seconds: 9.5, visits: 1 }] });
    const line = JSON.stringify({ ...good, ...bad }).replace('"__INF__"', '1e999');
    expect(parseRehearsals(`${JSON.stringify(good)}\n${line}\n`)).toEqual([good]);
  });

  it('finds the log beside the deck', () => {
    expect(rehearsalLogPath('/decks/tiny/talk.md')).toBe('/decks/tiny/.talkdeck/rehearsals.jsonl');
    expect(rehearsalLogPath('talk.md')).toBe('.talkdeck/rehearsals.jsonl');
  });
});

describe('paused and aborted runs', () => {
  it('measures with the talk clock but dates lines by the wall clock, and marks a run quit early', () => {
    let wall = T0;
    let talk = T0;
    const recorder = new RehearsalRecorder({ logPath, deck, now: () => talk, wall: () => wall, runId: 'paused' });
    recorder.enter(0);
    // Ten seconds of talk, then a minute paused (the talk clock stands still), then five more.
    talk += 10_000;
    wall += 70_000;
    talk += 5_000;
    wall += 5_000;
    recorder.enter(1);
    const run = recorder.finish({ aborted: true });
    expect(run.slides.map((s) => s.seconds)).toEqual([15, 0, 0]);
    expect(run).toMatchObject({ final: true, aborted: true, date: iso(T0), savedAt: iso(T0 + 75_000) });
    expect(readRehearsals(logPath).map((r) => [r.runId, r.aborted])).toEqual([['paused', true]]);
  });

  it('writes no aborted field for a whole run, and reads a log whose aborted is not a boolean as bad data', () => {
    const recorder = new RehearsalRecorder({ logPath, deck, now, runId: 'whole' });
    recorder.enter(0);
    expect('aborted' in recorder.finish()).toBe(false);
    appendFileSync(logPath, `${lines().at(-1)!.replace('"final":true', '"final":true,"aborted":"yes"').replace('whole', 'bad')}\n`);
    expect(readRehearsals(logPath).map((r) => r.runId)).toEqual(['whole']);
  });
});
