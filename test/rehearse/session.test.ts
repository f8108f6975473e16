import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeBudgets, startRehearsal } from '../../src/rehearse/index.js';
import { loadTheme } from '../../src/theme/index.js';
import { makeDeck } from '../fixtures/rehearse/decks.js';

const root = join(import.meta.dirname, '..', '..');
const theme = loadTheme('dark', { themesDir: join(root, 'themes'), cwd: root });
const deck = makeDeck([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }], { title: 'Session talk' }, '/decks/session/talk.md');
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkdeck-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a rehearsal session', () => {
  const start = () => startRehearsal({ deck, theme, logPath: join(dir, 'log.jsonl'), budget: {}, minutes: null, now: () => 0 });

  it('logs a run quit before the last slide as aborted', () => {
    const session = start();
    session.hooks.onPosition({ position: { slide: 1 }, deck });
    expect(session.finish()).toMatchObject({ final: true, aborted: true });
  });

  it('logs a run that reached the last slide as whole, even if the speaker went back after', () => {
    const session = start();
    session.hooks.onPosition({ position: { slide: 2 }, deck });
    session.hooks.onPosition({ position: { slide: 0 }, deck });
    const run = session.finish();
    expect(run?.final).toBe(true);
    expect(run?.aborted).toBeUndefined();
  });
});

describe('auto-advance budgets', () => {
  it('give every slide the same time, whatever else is set', () => {
    expect(computeBudgets(deck, { perSlideMs: 15_000, minutes: 10 })).toEqual([15_000, 15_000, 15_000]);
  });
});
