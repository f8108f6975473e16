import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/index.js';
import { parseDeck } from '../../src/parse/index.js';
import { applyRun, applyTimes, formatSeconds, roundSeconds } from '../../src/rehearse/index.js';
import { heading, makeDeck, paragraph, talkDeck } from '../fixtures/rehearse/decks.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'rehearse');
const talk = readFileSync(join(fixtures, 'talk.md'), 'utf8');
const applied = readFileSync(join(fixtures, 'talk.applied.md'), 'utf8');
// Slide 1 after its heading, slide 2's time replaced, slide 3 left alone, slide 4 (no heading) at its
// start and not inside its code fence, slide 5 after its heading on the last line; the skipped slide untouched.
const times = [43.7, 92, null, 1, 300];

describe('applyTimes', () => {
  it('inserts or replaces a time directive in each slide and keeps every other byte', () => {
    expect(applyTimes(talk, talkDeck, times)).toBe(applied);
  });

  it('keeps CRLF line ends and a byte-order mark', () => {
    const crlf = (text: string) => text.replace(/\n/gu, '\r\n');
    expect(applyTimes(crlf(talk), talkDeck, times)).toBe(crlf(applied));
    expect(applyTimes(`\uFEFF${crlf(talk)}`, talkDeck, times)).toBe(`\uFEFF${crlf(applied)}`);
    expect(applyTimes(`${talk}\n`, talkDeck, times)).toBe(`${applied}\n`);
  });

  it('puts the directive under a setext heading’s underline', () => {
    const out = applyTimes(talk, talkDeck, [null, null, 61, null, null]);
    expect(out).toBe(talk.replace('Boot times\n==========\n', 'Boot times\n==========\n<!-- time: 1m -->\n'));
  });

  it('changes nothing when given no times, and is stable when applied again', () => {
    expect(applyTimes(talk, talkDeck, [])).toBe(talk);
    expect(applyTimes(talk, talkDeck, [null, null, null, null, null])).toBe(talk);
    expect(applyTimes(applied, parseDeck(applied, { file: 'talk.md' }), times)).toBe(applied);
  });

  it('writes times that the parser reads back, without diagnostics', () => {
    const deck = parseDeck(applyTimes(talk, talkDeck, times), { file: 'talk.md' });
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides.map((slide) => slide.timeMs)).toEqual([45_000, 90_000, null, 5_000, 300_000]);
  });

  it('at the deck’s first line, inserts before it', () => {
    const text = 'Just text\n\n---\n\n# Two';
    const deck = makeDeck([
      { title: '', line: 1, blocks: [paragraph(1, 'Just text')] },
      { title: 'Two', line: 5, blocks: [heading(5, 'Two')] },
    ]);
    expect(applyTimes(text, deck, [10, 20])).toBe('<!-- time: 10s -->\nJust text\n\n---\n\n# Two\n<!-- time: 20s -->');
  });

  it('leaves slides from included files alone and refuses text the deck was not parsed from', () => {
    const included: Deck = { ...talkDeck, slides: talkDeck.slides.map((s) => ({ ...s, location: { ...s.location, file: 'part.md' } })) };
    expect(applyTimes(talk, included, times)).toBe(talk);
    expect(() => applyTimes('# Short', talkDeck, times)).toThrow(RangeError);
  });

  it('rounds to 5 s, at least 5 s, written as the parser reads it', () => {
    expect([0, 1, 2.4, 2.5, 43.7, 47.4, 60, 92, 3600].map(roundSeconds)).toEqual([5, 5, 5, 5, 45, 45, 60, 90, 3600]);
    expect([5, 45, 60, 90, 125, 3600].map(formatSeconds)).toEqual(['5s', '45s', '1m', '1m30s', '2m5s', '60m']);
  });
});

describe('the hand-built fixture deck', () => {
  it('agrees with the parser on what the rehearse code reads', () => {
    const pick = (deck: Deck) =>
      deck.slides.map((s) => ({
        title: s.title,
        location: s.location,
        timeMs: s.timeMs,
        notes: s.notes,
        firstHeading: s.blocks.find((b) => b.kind === 'heading')?.line ?? null,
      }));
    const parsed = parseDeck(talk, { file: 'talk.md' });
    expect(pick(parsed)).toEqual(pick(talkDeck));
    expect(parsed.meta.durationMs).toBe(talkDeck.meta.durationMs);
  });
});

describe('applyRun: the times of a run written into the deck as it is now', () => {
  /** A run of a deck of Intro, Middle and End: 10 s, 20 s and 30 s. */
  const rehearsal = {
    v: 1 as const,
    runId: 'r',
    final: true,
    date: '2025-03-01T09:00:00.000Z',
    savedAt: '2025-03-01T09:01:00.000Z',
    deck: '',
    deckFile: 'talk.md',
    minutes: null,
    slides: [
      { title: 'Intro', seconds: 10, visits: 1 },
      { title: 'Middle', seconds: 20, visits: 1 },
      { title: 'End', seconds: 30, visits: 1 },
    ],
    totalSeconds: 60,
    current: null,
  };

  it('puts each time on the slide it was spent on after slides were added and moved, and never inside code', () => {
    // Edited during the rehearsal: a slide of code before the others, End moved before Middle.
    const now = [
      '# Code',
      '',
      '```md',
      '# Intro',
      '',
      '---',
      '```',
      '',
      '---',
      '',
      '# Intro',
      '',
      'Hello.',
      '',
      '---',
      '',
      '# End',
      '',
      '---',
      '',
      '# Middle',
      '',
      'Body.',
      '',
    ].join('\n');
    const deck = parseDeck(now, { file: 'talk.md' });
    const { text, missing } = applyRun(now, deck, rehearsal);
    expect(missing).toEqual([]);
    const times = parseDeck(text, { file: 'talk.md' }).slides.map((slide) => [slide.title, slide.timeMs]);
    expect(times).toEqual([
      ['Code', null],
      ['Intro', 10_000],
      ['End', 30_000],
      ['Middle', 20_000],
    ]);
    // The code block is as it was.
    expect(text.split('```')[1]).toBe(now.split('```')[1]);
  });

  it('says which timed slides the deck no longer has', () => {
    const now = ['# Intro', '', 'Hello.', ''].join('\n');
    const { text, missing } = applyRun(now, parseDeck(now, { file: 'talk.md' }), rehearsal);
    expect(missing).toEqual(['Middle', 'End']);
    expect(parseDeck(text, { file: 'talk.md' }).slides.map((s) => s.timeMs)).toEqual([10_000]);
  });
});
