// `BENCH_ONLY=serve`: time from a key press in the presenter (tmux send-keys) to the audience page's
// update (the server-sent event that carries the new slide), median over 20 keys.
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const KEYS = 20;
const DECK = 'decks/unikernels/talk.md';

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Reads the event stream, calling `onEvent` with each position and its arrival time. */
async function follow(url, onEvent, signal) {
  const response = await fetch(`${url}events`, { signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ done: true }));
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const chunk = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^data: (.*)$/mu.exec(chunk)?.[1];
      if (data) onEvent(JSON.parse(data), performance.now());
    }
  }
}

export async function benchServe({ tmux, newPane, median, fmt }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const pane = newPane(80, 24);
  tmux('send-keys', '-t', pane, `TALKDECK_CACHE=off node dist/talkdeck.cjs present --serve --port ${port} ${DECK}`, 'Enter');
  const deadline = performance.now() + 20000;
  for (;;) {
    try {
      if ((await fetch(`${url}state`)).ok) break;
    } catch {
      // Not up yet.
    }
    if (performance.now() > deadline) throw new Error('bench: the audience server did not start');
    await sleep(20);
  }
  const controller = new AbortController();
  let waiting = null;
  void follow(url, (state, at) => {
    if (waiting && state.slide === waiting.slide) {
      waiting.resolve(at);
      waiting = null;
    }
  }, controller.signal);
  await sleep(500);
  const times = [];
  let slide = 0;
  for (let k = 0; k < KEYS; k++) {
    const forward = k < KEYS / 2;
    slide += forward ? 1 : -1;
    const arrived = new Promise((resolve) => {
      waiting = { slide, resolve };
    });
    const t0 = performance.now();
    tmux('send-keys', '-t', pane, forward ? 'Right' : 'Left');
    times.push((await arrived) - t0);
    await sleep(100);
  }
  controller.abort();
  tmux('send-keys', '-t', pane, 'q');
  await sleep(300);
  tmux('kill-session', '-t', pane);
  return [
    ['key in the presenter → audience page event (median of 20 keys)', fmt(median(times)), fmt(Math.min(...times)), fmt(Math.max(...times))],
  ];
}
