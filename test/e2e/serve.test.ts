import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPanes } from './tmux.js';

const DECK = resolve('test/fixtures/compile/coverage/talk.md');
const run = cliPanes({ columns: 80, rows: 24 });

/** Asks until `accept` takes the answer or the deadline passes. */
async function poll<T>(ask: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await ask();
      if (accept(last)) return last;
    } catch {
      // Not up yet, or gone: asked again.
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting; last answer: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const state = (url: string) => fetch(`${url}state`).then((r) => r.json() as Promise<{ slide: number; step: number; blanked: boolean }>);
const urls = (screen: string) => ({
  audience: /audience: (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(screen)?.[1] ?? '',
  remote: /remote: +(http:\/\/127\.0\.0\.1:\d+\/remote\?t=[\w-]+)/u.exec(screen)?.[1] ?? '',
});

describe('the audience follows on their own screens', () => {
  it('serve follows the presenter in another terminal, and stops when the presenter quits', async () => {
    const presenter = run(`present ${DECK}`);
    await presenter.waitFor('Anemones close up');
    const server = run(`serve --port 0 ${DECK}`);
    const { audience, remote } = urls(await server.waitFor(/remote: +http/u));
    expect(audience).not.toBe('');
    // The remote's token is printed as a QR code too.
    await server.waitFor(/[▄▀█]{20}/u);
    // Without its token, the remote is refused; the audience view is open.
    expect((await fetch(`${audience}remote`)).status).toBe(403);
    expect((await fetch(remote.replace(/t=[\w-]+/u, 't=wrong'))).status).toBe(403);
    expect((await fetch(audience)).status).toBe(200);

    presenter.send('Right');
    await presenter.waitFor('Stay safe');
    expect((await poll(() => state(audience), (s) => s.slide === 1)).slide).toBe(1);
    presenter.send('Left');
    expect((await poll(() => state(audience), (s) => s.slide === 0)).slide).toBe(0);

    presenter.send('q');
    await server.waitFor('the presenter has quit');
    await poll(
      () => fetch(audience).then(() => 'up', () => 'down'),
      (s) => s === 'down',
    );
  });

  it('present --serve: the phone remote moves the presenter, and the server stops with it', async () => {
    const presenter = run(`present --serve --port 0 ${DECK}`);
    await presenter.waitFor('Anemones close up');
    const { audience, remote } = urls(await poll(async () => presenter.capture({ saved: true }), (s) => /remote: +http/u.test(s)));
    const next = remote.replace('/remote?', '/remote/next?');
    expect((await fetch(next.replace(/t=[\w-]+/u, 't=wrong'), { method: 'POST' })).status).toBe(403);
    expect((await fetch(next, { method: 'POST' })).status).toBe(200);
    await presenter.waitFor('Stay safe');
    expect((await poll(() => state(audience), (s) => s.slide === 1)).slide).toBe(1);
    await fetch(remote.replace('/remote?', '/remote/blank?'), { method: 'POST' });
    expect((await state(audience)).blanked).toBe(true);

    presenter.send('q');
    await poll(
      () => fetch(audience).then(() => 'up', () => 'down'),
      (s) => s === 'down',
    );
  });
});
