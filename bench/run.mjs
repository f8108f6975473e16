// talkdeck benchmarks: `npm run bench`. Measures and prints Markdown tables; asserts nothing.
// Terminal figures are taken in a real terminal (a private tmux server), several runs, medians.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SOCKET = `talkdeck-bench-${process.pid}`;
const DECK = 'decks/unikernels/talk.md';
const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * Polls the pane until `test` passes; returns the time it passed (ms, performance.now()). A short
 * pause between polls keeps the tmux clients it spawns from taking the CPU the measured program
 * needs (2 cores): the figures are then within ±3 ms of the truth instead of inflated.
 */
async function waitFor(pane, test, timeoutMs = 15000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', pane);
    const now = performance.now();
    if (test(screen)) return now;
    if (now > deadline) throw new Error(`bench: timed out waiting; screen:\n${screen}`);
    await sleep(3);
  }
}

/** Waits until the trace file has more than `count` frame lines; the presenter writes them itself. */
async function waitForFrames(trace, count, timeoutMs = 5000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const frames = existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('frame ')).length : 0;
    if (frames > count) return frames;
    if (performance.now() > deadline) throw new Error('bench: no frame traced');
    await sleep(2);
  }
}

let keeper = false;

function newPane(columns = 80, rows = 24) {
  if (!keeper) {
    // A session that outlives the others keeps the server up: one that exits as the last session
    // closes can refuse the next new-session.
    tmux('new-session', '-d', '-s', 'keeper', 'cat');
    keeper = true;
  }
  const name = `b${Math.random().toString(16).slice(2, 8)}`;
  tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), '-e', 'TERM=xterm-256color', 'sh');
  return name;
}

/** Time from typing a command at a shell prompt to `marker` appearing on screen; `keep` keeps the pane. */
async function timeToScreen(command, marker, { keep } = {}) {
  const pane = newPane();
  await waitFor(pane, (s) => s.includes('$') || s.includes('#'));
  tmux('send-keys', '-t', pane, 'clear', 'Enter');
  await waitFor(pane, (s) => !s.includes('clear'));
  const start = performance.now();
  tmux('send-keys', '-t', pane, command, 'Enter');
  const seen = await waitFor(pane, (s) => marker(s));
  if (!keep) tmux('kill-session', '-t', pane);
  return { ms: seen - start, start, pane };
}

/** Peak RSS (MB) so far of the program running in `pane`'s shell. */
function peakRssMb(pane) {
  const pid = tmux('display-message', '-p', '-t', pane, '#{pane_pid}').trim();
  const child = execFileSync('pgrep', ['-P', pid], { encoding: 'utf8' }).trim().split('\n')[0];
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))[1]) / 1024;
}

// Everything the bench writes goes under bench/.work, which a fresh clone does not have.
mkdirSync('bench/.work', { recursive: true });
const CACHE = `${process.cwd()}/bench/.work/cache`;

/**
 * Launches the presenter on `deckPath` RUNS times: first frame, key to frame, peak RSS.
 *
 * `cache: 'warm'` launches as a speaker does after the first time: the frame cache holds the
 * deck's first frame (a launch before the timed ones fills it). `cache: 'cold'` launches with the
 * cache off, as the first launch after an edit does.
 *
 * Keys are timed twice, on different slides: forward, in-process (the presenter traces each key
 * and the frame it caused) while the bench only watches the trace file, so no tmux client spawned
 * every few milliseconds competes with the presenter for the 2 cores; backward, from `send-keys`
 * to the slide seen in `capture-pane`, which includes tmux and its polling.
 */
async function measurePresenter(deckPath, { withBare = false, cache = 'warm', keys = true, flood = false } = {}) {
  const deck = JSON.parse(execFileSync('node', ['dist/talkdeck.js', 'export', deckPath, '--format', 'json', '-o', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const total = deck.slides.length;
  const titles = deck.slides.map((s) => s.title);
  const m = { bare: [], first: [], keyExternal: [], keyInternal: [], rss: [] };
  const trace = `${process.cwd()}/bench/.work/trace.log`;
  const env = cache === 'warm' ? `TALKDECK_CACHE_DIR=${CACHE}` : 'TALKDECK_CACHE=off';
  const launch = `${env} TALKDECK_TRACE=${trace} node dist/talkdeck.js present ${deckPath}`;
  const onFirstSlide = (s) => s.includes(`1 / ${total}`) && s.includes(titles[0].slice(0, 20));
  const frames = () => (existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('frame ')).length : 0);
  const quit = async (pane) => {
    tmux('send-keys', '-t', pane, 'q');
    await waitFor(pane, (s) => !s.includes(`/ ${total}`));
    tmux('kill-session', '-t', pane);
  };
  if (cache === 'warm') {
    // Launch until a launch paints from the cache: nothing is kept from files written in the second
    // before a launch, and `npm run bench` has just built the themes.
    rmSync(CACHE, { recursive: true, force: true });
    for (let attempt = 0; attempt < 4; attempt++) {
      rmSync(trace, { force: true });
      const primed = await timeToScreen(launch, onFirstSlide, { keep: true });
      await waitForFrames(trace, 0);
      await quit(primed.pane);
      if (/^first-frame \S+ cached$/mu.test(readFileSync(trace, 'utf8'))) break;
      await sleep(500);
    }
  }
  for (let run = 0; run < RUNS; run++) {
    if (withBare) m.bare.push((await timeToScreen(`node -e "console.log('bare-'+'ready')"`, (s) => s.includes('bare-ready'))).ms);
    rmSync(trace, { force: true });
    const started = await timeToScreen(launch, onFirstSlide, { keep: true });
    m.first.push(started.ms);
    // Let Ink take over from the first frame before pressing keys.
    await waitForFrames(trace, 0);
    // Niced: on 2 shared cores the flooder's own CPU would otherwise be what is measured.
    const flooder = flood ? spawn('nice', ['-n', '19', 'node', 'bench/flood.mjs'], { stdio: 'ignore' }) : null;
    await sleep(300);
    const last = Math.min(total, 8);
    for (let slide = 2; keys && slide <= last; slide++) {
      const before = frames();
      tmux('send-keys', '-t', started.pane, 'Right');
      await waitForFrames(trace, before);
      await sleep(150);
    }
    let pressed = null;
    for (const line of readFileSync(trace, 'utf8').split('\n')) {
      const [event, at] = line.split(' ');
      if (event === 'key') pressed = Number(at);
      if (event === 'frame' && pressed !== null) {
        m.keyInternal.push(Number(at) - pressed);
        pressed = null;
      }
    }
    for (let slide = last - 1; keys && slide >= 1; slide--) {
      const t0 = performance.now();
      tmux('send-keys', '-t', started.pane, 'Left');
      const seen = await waitFor(started.pane, (s) => s.includes(`${slide} / ${total}`));
      m.keyExternal.push(seen - t0);
      await sleep(150);
    }
    flooder?.kill('SIGKILL');
    // Peak RSS is read after the keys, so it covers them.
    m.rss.push(peakRssMb(started.pane));
    await quit(started.pane);
    await sleep(50);
  }
  return m;
}

/**
 * Launch → the second slide on screen, with Right pressed as soon as the first slide shows: how
 * long a speaker who is in a hurry waits before the presenter answers keys.
 */
async function measureInteractive(deckPath, { cache = 'warm' } = {}) {
  const total = JSON.parse(execFileSync('node', ['dist/talkdeck.js', 'export', deckPath, '--format', 'json', '-o', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })).slides.length;
  const env = cache === 'warm' ? `TALKDECK_CACHE_DIR=${CACHE}` : 'TALKDECK_CACHE=off';
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const { pane, start } = await timeToScreen(`${env} node dist/talkdeck.js present ${deckPath}`, (s) => s.includes(`1 / ${total}`), { keep: true });
    tmux('send-keys', '-t', pane, 'Right');
    times.push((await waitFor(pane, (s) => s.includes(`2 / ${total}`))) - start);
    tmux('send-keys', '-t', pane, 'q');
    await waitFor(pane, (s) => !s.includes(`/ ${total}`));
    tmux('kill-session', '-t', pane);
  }
  return times;
}

async function benchPresenter() {
  const warm = await measurePresenter(DECK, { withBare: true });
  const cold = await measurePresenter(DECK, { cache: 'cold', keys: false });
  const bareMs = median(warm.bare);
  return [
    ['bare `node -e` prints a line', fmt(bareMs), '1.00x', 'reference'],
    ['talkdeck: launch → first full slide', fmt(median(warm.first)), `${fmt(median(warm.first) / bareMs, 2)}x`, '≤ 2x bare'],
    ['talkdeck: launch → first full slide, first launch after an edit (cache miss)', fmt(median(cold.first)), `${fmt(median(cold.first) / bareMs, 2)}x`, ''],
    ['talkdeck: key → frame written (in-process)', fmt(median(warm.keyInternal), 2), '', '≤ 8 ms'],
    ['talkdeck: key → next slide seen in tmux (capture-pane polling)', fmt(median(warm.keyExternal)), '', ''],
    ['talkdeck: peak RSS (MB)', fmt(median(warm.rss)), '', '≤ 110 MB'],
  ];
}

/** A 5,000-slide deck against the bundled talk, measured the same way. */
async function benchScale() {
  mkdirSync('bench/.work', { recursive: true });
  const big = 'bench/.work/5000-slides.md';
  const slides = Array.from({ length: 5000 }, (_, i) => `# Slide ${i + 1}\n\n- point one of slide ${i + 1}\n- point two, with **bold** and \`code\`\n\n<!-- notes: Say something about slide ${i + 1}. -->`);
  writeFileSync(big, `---\ntitle: Five thousand slides\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  const bundled = await measurePresenter(DECK);
  const large = await measurePresenter(big);
  const bundledCold = await measurePresenter(DECK, { cache: 'cold', keys: false });
  const largeCold = await measurePresenter(big, { cache: 'cold', keys: false });
  // The cache is warm from the runs above.
  const bundledReady = await measureInteractive(DECK);
  const largeReady = await measureInteractive(big);
  const bundledReadyCold = await measureInteractive(DECK, { cache: 'cold' });
  const largeReadyCold = await measureInteractive(big, { cache: 'cold' });
  const ratio = (a, b) => `${fmt(median(a) / median(b), 2)}x`;
  return [
    ['launch → first full slide', fmt(median(bundled.first)), fmt(median(large.first)), ratio(large.first, bundled.first), '≤ 2x'],
    ['launch → first full slide, cache miss', fmt(median(bundledCold.first)), fmt(median(largeCold.first)), ratio(largeCold.first, bundledCold.first), ''],
    ['key → frame written (in-process)', fmt(median(bundled.keyInternal), 2), fmt(median(large.keyInternal), 2), ratio(large.keyInternal, bundled.keyInternal), '≤ 2x'],
    ['launch → second slide, Right pressed as soon as the first shows', fmt(median(bundledReady)), fmt(median(largeReady)), ratio(largeReady, bundledReady), ''],
    ['the same, cache miss', fmt(median(bundledReadyCold)), fmt(median(largeReadyCold)), ratio(largeReadyCold, bundledReadyCold), ''],
    ['peak RSS (MB)', fmt(median(bundled.rss)), fmt(median(large.rss)), ratio(large.rss, bundled.rss), ''],
  ];
}

/** The presenter's keys with the notes channel flooded, beside the same without: the flood must not move them. */
async function benchFlood() {
  const quiet = await measurePresenter(DECK);
  const flooded = await measurePresenter(DECK, { flood: true });
  return [
    ['key → frame written (in-process)', fmt(median(quiet.keyInternal), 2), fmt(median(flooded.keyInternal), 2), `${fmt(median(flooded.keyInternal) / median(quiet.keyInternal), 2)}x`],
    ['key → next slide seen in tmux', fmt(median(quiet.keyExternal)), fmt(median(flooded.keyExternal)), `${fmt(median(flooded.keyExternal) / median(quiet.keyExternal), 2)}x`],
  ];
}

function table(title, head, rows) {
  const lines = [`### ${title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

try {
  execFileSync('tmux', ['-V']);
} catch {
  console.error('bench: tmux is needed (apt-get install tmux)');
  process.exit(1);
}

// BENCH_ONLY=presenter,scale,flood,compile,export,hostile,build picks parts; all by default.
const only = new Set((process.env.BENCH_ONLY ?? 'presenter,scale,flood,compile,export,hostile,build').split(','));
const out = [];
out.push(`Runs per figure: ${RUNS} (medians). Node ${process.version}, ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores.\n`);
if (only.has('presenter')) {
  try {
    out.push(table('Presenter (bundled talk, 80x24 tmux)', ['measure', 'ms', 'vs bare', 'target'], await benchPresenter()));
  } finally {
    try {
      tmux('kill-server');
      keeper = false;
    } catch {}
  }
}
if (only.has('scale')) {
  try {
    out.push(table('Scale: a 5,000-slide deck beside the bundled talk', ['measure', 'bundled (ms)', '5,000 slides (ms)', 'ratio', 'target'], await benchScale()));
  } finally {
    try {
      tmux('kill-server');
      keeper = false;
    } catch {}
  }
}
if (only.has('flood')) {
  try {
    out.push(table('Presenter keys with the notes channel flooded (UDP broadcast to both protocols\' ports, and a client of the same user connecting and sending without pause)', ['measure', 'quiet (ms)', 'flooded (ms)', 'ratio'], await benchFlood()));
  } finally {
    try {
      tmux('kill-server');
      keeper = false;
    } catch {}
  }
}
if (only.has('compile') && existsSync('bench/compile.mjs') && existsSync('dist/compile.js')) {
  const { benchCompile } = await import('./compile.mjs');
  const rows = await benchCompile();
  out.push(table('Compiler', Object.keys(rows[0]), rows.map((r) => Object.values(r))));
}
if (only.has('export') && existsSync('bench/export.mjs')) {
  const { benchExport } = await import('./export.mjs');
  const rows = await benchExport({ runs: RUNS });
  out.push(table('Export of the bundled talk, beside Marp CLI in the same run', Object.keys(rows[0]), rows.map((r) => Object.values(r))));
}
if (only.has('hostile')) {
  const { benchHostile } = await import('./hostile.mjs');
  const rows = await benchHostile({ runs: Math.min(RUNS, 3) });
  out.push(table('Decks made to be slow to read: `talkdeck print` (wall time, with Node start-up)', Object.keys(rows[0]), rows.map((r) => Object.values(r))));
}
const buildRuns = [];
for (let run = 0; run < (only.has('build') ? RUNS : 0); run++) {
  const t0 = performance.now();
  execFileSync('node', ['dist/talkdeck.js', 'build', ...['unikernels-are-unfit-for-production.md', 'unikernels-undebuggable-tns.zh.md'].map((f) => `decks/unikernels/sources/${f}`), '-o', 'bench/.work/talk.md']);
  buildRuns.push(performance.now() - t0);
}
if (buildRuns.length) out.push(
  table('`talkdeck build` on the two bundled articles (wall time, with Node start-up)', ['measure', 'ms', 'target'], [
    ['build, median', fmt(median(buildRuns)), '< 400 ms'],
  ]),
);
console.log(out.join('\n'));
