import { createSocket } from 'node:dgram';
import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startPane, stopServer, type Pane } from './tmux.js';

const CLI = resolve(process.env.TALKDECK_CLI ?? 'dist/talkdeck.js');
const TOUR = resolve('decks/tour.md');
const panes: Pane[] = [];

function run(args: string, size = { columns: 100, rows: 40 }): Pane {
  const pane = startPane(`node ${CLI} ${args}`, size);
  panes.push(pane);
  return pane;
}

afterEach(() => {
  while (panes.length) panes.pop()?.kill();
});
afterAll(() => stopServer());

describe('speaker notes in a second terminal', () => {
  it('a follower started mid-talk shows the current slide, then follows the presenter', async () => {
    const presenter = run(`present ${TOUR}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 20');
    presenter.send('3', 'Enter');
    await presenter.waitFor('3 / 20');

    const follower = run(`notes ${TOUR}`);
    // Caught up at once: the presenter answers the follower's hello.
    const caughtUp = await follower.waitFor((s) => s.includes('Slide 3 / 20') && s.includes('Text styles'));
    // Pacing against the deck's budgets, in words as well as colour.
    expect(caughtUp).toMatch(/slide \d+:\d\d \/ \d+:\d\d +[▲●▼] (on track|\d+:\d\d (ahead|behind))/u);

    presenter.send('Right');
    // How fast the follower moves is a figure for the bench, not a test: a loaded machine is slow.
    await presenter.waitFor('4 / 20');
    await follower.waitFor((s) => s.includes('Slide 4 / 20') && s.includes('Lists'));

    presenter.send('q');
    await follower.waitFor('ended the talk');
  });

  it('shows notes, each citation in its context, and the next slide', async () => {
    const presenter = run(`present ${TOUR}`, { columns: 80, rows: 24 });
    await presenter.waitFor('1 / 20');
    presenter.send('8', 'Enter');
    await presenter.waitFor('8 / 20');
    const follower = run(`notes ${TOUR}`);
    const screen = await follower.waitFor('Slide 8 / 20');
    expect(screen).toContain('Sources');
    expect(screen).toMatch(/\[1\] unikernels\/sources\/unikernels-are-unfit-for-production\.md:13/u);
    expect(screen).toMatch(/▶ +13 │/u);
    expect(screen).toContain('Next: 9');
    presenter.send('q');
  });

  it('with --presenterm, moves a talkdeck follower on a presenterm speaker-notes datagram', async () => {
    const follower = run(`notes ${TOUR} --presenterm`);
    await follower.waitFor('waiting for the presenter');
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    await new Promise<void>((done) => socket.bind(0, () => done()));
    socket.setBroadcast(true);
    const message = JSON.stringify({ presentation_path: TOUR, event: { command: 'GoTo', slide: 4, chunk: 0 } });
    socket.send(message, 59418, '127.255.255.255');
    await follower.waitFor((s) => s.includes('Slide 5 / 20') && s.includes('Tables'));
    // A slide beyond the deck is clamped to its last slide, never an error.
    socket.send(JSON.stringify({ presentation_path: TOUR, event: { command: 'GoTo', slide: 999, chunk: 0 } }), 59418, '127.255.255.255');
    await follower.waitFor('Slide 20 / 20');
    socket.close();
  });
});
