import { createSocket } from 'node:dgram';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPanes } from './tmux.js';

const TOUR = resolve('decks/tour.md');
const run = cliPanes({ columns: 100, rows: 40 });

describe('speaker notes in a second terminal', () => {
  it('a follower started mid-talk shows the current slide, then follows the presenter', async () => {
    const presenter = run(`present ${TOUR}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 21');
    presenter.send('3', 'Enter');
    await presenter.waitFor('3 / 21');

    const follower = run(`notes ${TOUR}`);
    // Caught up at once: the presenter answers the follower's hello.
    const caughtUp = await follower.waitFor((s) => s.includes('Slide 3 / 21') && s.includes('Text styles'));
    // Pacing against the deck's budgets, in words as well as colour.
    expect(caughtUp).toMatch(/slide \d+:\d\d \/ \d+:\d\d +[▲●▼] (on track|\d+:\d\d (ahead|behind))/u);
    // One clock: the header's; the pacing line does not repeat it.
    expect(caughtUp.match(/⏱/gu)).toHaveLength(1);

    presenter.send('Right');
    // How fast the follower moves is a figure for the bench, not a test: a loaded machine is slow.
    await presenter.waitFor('4 / 21');
    await follower.waitFor((s) => s.includes('Slide 4 / 21') && s.includes('Lists'));

    presenter.send('q');
    await follower.waitFor('ended the talk');
  });

  it('shows notes, each citation in its context, and the next slide', async () => {
    const presenter = run(`present ${TOUR}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 21');
    presenter.send('8', 'Enter');
    await presenter.waitFor('8 / 21');
    const follower = run(`notes ${TOUR}`);
    const screen = await follower.waitFor((s) => s.includes('Slide 8 / 21') && s.includes('Next: 9'));
    expect(screen).toContain('Sources');
    expect(screen).toMatch(/\[1\] unikernels\/sources\/unikernels-are-unfit-for-production\.md:13/u);
    expect(screen).toMatch(/▶ +13 │/u);
    expect(screen).toContain('Next: 9');
    presenter.send('q');
  });

  it('scrolls long notes with j/k and PgDn/PgUp, keeps the next slide in view, and lists its keys on ?', async () => {
    const deck = resolve('test/fixtures/e2e/long-notes.md');
    const presenter = run(`present ${deck}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 2');
    const follower = run(`notes ${deck}`, { columns: 80, rows: 24 });
    // The whole first frame: the header can show before the rest of the screen is painted.
    const top = await follower.waitFor((s) => s.includes('Slide 1 / 2') && s.includes('Next: 2 · Closing Thoughts'));
    expect(top).toContain('Point 1:');
    expect(top).toMatch(/↓ \d+ more lines/u);
    // The next slide keeps the bottom rows, however long the notes.
    expect(top).toMatch(/Next: 2 · Closing Thoughts\n.*The preview of this slide stays in view/u);
    follower.send('j');
    await follower.waitFor((s) => !s.includes('Point 1:') && s.includes('Point 2:') && s.includes('↑ 1 '));
    follower.send('PageDown');
    const paged = await follower.waitFor((s) => !s.includes('Point 2:') && /↑ \d+ /u.test(s));
    expect(paged).toContain('Next: 2 · Closing Thoughts');
    follower.send('k');
    await follower.waitFor((s) => s !== paged);
    follower.send('g');
    await follower.waitFor('Point 1:');
    follower.send('?');
    const help = await follower.waitFor('Keys of talkdeck notes');
    expect(help).toMatch(/j ↓ +scroll the notes down/u);
    expect(help).toMatch(/PgDn Space +a page down/u);
    follower.send('x');
    await follower.waitFor('Point 1:');
    // A pause on the presenter holds the follower's clock and says so.
    presenter.send('t');
    await follower.waitFor('⏸ paused');
    presenter.send('q');
  });

  it('advises the commands that present when no presenter is heard', async () => {
    const follower = run(`notes ${TOUR}`, { columns: 160, rows: 24 });
    const screen = await follower.waitFor('waiting for the presenter');
    expect(screen.replace(/\s+/gu, ' ')).toContain(`run \`talkdeck present ${TOUR}\` (or \`talkdeck rehearse\`) in another terminal`);
    // presenterm is named only to a follower that listens to it.
    expect(screen).not.toContain('presenterm');
    const listening = run(`notes ${TOUR} --presenterm`, { columns: 160, rows: 24 });
    const advice = await listening.waitFor('waiting for the presenter');
    expect(advice.replace(/\s+/gu, ' ')).toContain('in another terminal; presenterm needs --publish-speaker-notes');
    expect(advice).not.toContain('--publish ');
  });

  it('with --presenterm, moves a talkdeck follower on a presenterm speaker-notes datagram', async () => {
    const follower = run(`notes ${TOUR} --presenterm`);
    await follower.waitFor('waiting for the presenter');
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((done) => socket.bind(0, () => done()));
    socket.setBroadcast(true);
    const message = JSON.stringify({ presentation_path: TOUR, event: { command: 'GoTo', slide: 4, chunk: 0 } });
    socket.send(message, 59418, '127.255.255.255');
    await follower.waitFor((s) => s.includes('Slide 5 / 21') && s.includes('Tables'));
    // A slide beyond the deck is clamped to its last slide, never an error.
    socket.send(JSON.stringify({ presentation_path: TOUR, event: { command: 'GoTo', slide: 999, chunk: 0 } }), 59418, '127.255.255.255');
    await follower.waitFor('Slide 21 / 21');
    socket.close();
  });
});
