// Key cost of one build, for paired comparisons of two builds (run the two in turn, several times):
// `node bench/keys.mjs [DIST] [N]` presents the bundled talk in a private tmux server at 80x24,
// presses Right N times (150 ms apart) timed in-process from the presenter's TALKDECK_TRACE (key →
// frame written), then `h` N times timed from send-keys to the slide seen in capture-pane, and
// prints both series with their medians. DIST is the built folder (default dist).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const dist = process.argv[2] ?? 'dist';
const N = Number(process.argv[3] ?? 10);
const DECK = 'decks/unikernels/talk.md';
const WORK = `${process.cwd()}/bench/.work`;
mkdirSync(WORK, { recursive: true });
const SOCKET = `talkdeck-keys-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const trace = `${WORK}/keys-trace-${process.pid}.log`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const total = JSON.parse(execFileSync('node', [`${dist}/talkdeck.cjs`, 'export', DECK, '--format', 'json', '-o', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })).slides.length;
const frames = () => (existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('frame ')).length : 0);
async function waitFrames(count) {
  const deadline = Date.now() + 15000;
  while (frames() <= count) {
    if (Date.now() > deadline) throw new Error('bench: no frame traced');
    await sleep(2);
  }
}
rmSync(trace, { force: true });
try {
  tmux('new-session', '-d', '-s', 'keys', '-x', '80', '-y', '24', '-e', 'TERM=xterm-256color', `TALKDECK_CACHE_DIR=${WORK}/keys-cache TALKDECK_TRACE=${trace} node ${dist}/talkdeck.cjs present ${DECK}; sleep 30`);
  await waitFrames(0);
  await sleep(600);
  const last = Math.min(N, total - 1);
  for (let i = 0; i < last; i++) {
    const before = frames();
    tmux('send-keys', '-t', 'keys', 'Right');
    await waitFrames(before);
    await sleep(150);
  }
  const internal = [];
  let pressed = null;
  for (const line of readFileSync(trace, 'utf8').split('\n')) {
    const [event, at] = line.split(' ');
    if (event === 'key') pressed = Number(at);
    if (event === 'frame' && pressed !== null) {
      internal.push(Number(at) - pressed);
      pressed = null;
    }
  }
  const seen = [];
  for (let slide = last; slide >= 1; slide--) {
    const start = performance.now();
    tmux('send-keys', '-t', 'keys', 'h');
    const pattern = new RegExp(`(^|\\D)${slide} / ${total}\\b`, 'mu');
    for (;;) {
      const now = performance.now();
      if (pattern.test(tmux('capture-pane', '-p', '-t', 'keys'))) {
        seen.push(now - start);
        break;
      }
      if (now - start > 10000) throw new Error(`bench: slide ${slide} not seen`);
      await sleep(3);
    }
    await sleep(150);
  }
  console.log(`key → frame written (in-process): ${internal.map((t) => t.toFixed(2)).join(' ')} median ${median(internal).toFixed(2)}`);
  console.log(`key → slide seen in tmux: ${seen.map((t) => t.toFixed(1)).join(' ')} median ${median(seen).toFixed(1)}`);
} finally {
  try {
    tmux('kill-server');
  } catch {
    // Not running.
  }
  rmSync(trace, { force: true });
}
