import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPanes } from './tmux.js';

// Slide 1 cites line 7 of the article; "hermit" (line 8, same paragraph) and "naturalists" (line 17,
// cited by no slide) are on no slide and in no note.
const DECK = resolve('test/fixtures/compile/coverage/talk.md');
const run = cliPanes({ columns: 80, rows: 24 });

describe('Q&A from the sources (a)', () => {
  it('in the presenter: a word only in the article finds its passage; Enter goes to the citing slide; Esc returns', async () => {
    const presenter = run(`present ${DECK}`);
    await presenter.waitFor('Anemones close up');
    presenter.send('Right');
    await presenter.waitFor('Stay safe');

    presenter.send('a');
    await presenter.waitFor('Ask the sources');
    // Keys that reach Ink in one write (see the notes test below).
    presenter.send('her', 'Down', 'mit');
    const found = await presenter.waitFor('article.md:7-8 — slide 1');
    expect(found).toContain('Hermit crabs trade shells');
    presenter.send('Enter');
    await presenter.waitFor((s) => s.includes('Anemones close up') && !s.includes('Ask the sources'));

    // A passage no slide cites is shown on the full screen; Esc returns to where the talk was.
    presenter.send('a');
    presenter.type('naturalists');
    await presenter.waitFor('article.md:17 — no slide cites it');
    presenter.send('Enter');
    const shown = await presenter.waitFor((s) => s.includes('Esc returns to the talk'));
    expect(shown).toMatch(/17 {2}Naturalists have catalogued tide pool species/u);
    presenter.send('Escape');
    await presenter.waitFor((s) => s.includes('Anemones close up') && !s.includes('Naturalists'));

    // A question nothing answers says so; Esc leaves the talk where it was.
    presenter.send('a');
    presenter.type('zeppelin');
    await presenter.waitFor('no passage answers that');
    presenter.send('Escape');
    await presenter.waitFor((s) => s.includes('Anemones close up') && !s.includes('Ask the sources'));
  });

  it('in notes: the speaker looks a passage up on the second screen; the presenter shows nothing of it', async () => {
    const presenter = run(`present ${DECK}`);
    await presenter.waitFor('Anemones close up');
    const notes = run(`notes ${DECK}`, { columns: 100, rows: 30 });
    await notes.waitFor('Slide 1 / 2');
    notes.send('a');
    await notes.waitFor('Ask the sources');
    // Typed with an arrow key in between, in one write: Ink hands the handler three keys at once,
    // and each must start from what the one before left ("natu", then the second answer, then
    // "naturalists" and the first answer again), not from the query of the last frame.
    notes.send('natu', 'Down', 'ralists');
    await notes.waitFor('article.md:17 — no slide cites it');
    notes.send('Enter');
    await notes.waitFor((s) => s.includes('Esc returns to the talk') && /17 {2}Naturalists have catalogued/u.test(s));
    expect(presenter.capture()).not.toMatch(/Naturalists|Ask the sources/u);
    notes.send('Escape');
    await notes.waitFor((s) => s.includes('Slide 1 / 2') && !s.includes('Naturalists'));
    // Still following.
    presenter.send('Right');
    await notes.waitFor('Slide 2 / 2');
  });
});
