// talkdeck benchmarks: `npm run bench`. Measures and prints Markdown tables; asserts nothing.
// Terminal figures are taken in a real terminal (a private tmux server), several runs, medians.
// Every figure that has a reference (bare Node, patat, mdp, Marp) is measured in the same run as
// it, the runs interleaved, so the ratios hold on a machine whose speed drifts.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SOCKET = `talkdeck-bench-${process.pid}`;
const WORK = `${process.cwd()}/bench/.work`;
const DECK = 'decks/unikernels/talk.md';
/** Peers seen through tmux like talkdeck; mdp with `-f`, without the colour fade it plays on every slide change. */
const PEERS = [
  { name: 'patat', bin: '/usr/bin/patat', args: '' },
  { name: 'mdp', bin: '/usr/bin/mdp', args: '-f ' },
];
const tmux = (...args) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a / b) ? `${fmt(a / b, 2)}x` : 'n/a');
const met = (ok) => (ok === null ? '' : ok ? 'yes' : 'NO');

/**
 * Polls the pane until `test` passes; returns the time it passed (ms, performance.now()). A short
 * pause between polls keeps the tmux clients it spawns from taking the CPU the measured program
 * needs (2 cores): the figures are then within ±3 ms of the truth instead of inflated.
 */
async function waitFor(pane, test, timeoutMs = 30000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', pane);
    const now = performance.now();
    if (test(screen)) return now;
    if (now > deadline) throw new Error(`bench: timed out after ${timeoutMs} ms waiting for ${test}; screen:\n${screen}`);
    await sleep(3);
  }
}

const frameLines = (trace) => (existsSync(trace) ? readFileSync(trace, 'utf8').split('\n').filter((l) => l.startsWith('frame ')).length : 0);

/** Waits until the trace file has more than `count` frame lines; the presenter writes them itself. */
async function waitForFrames(trace, count, timeoutMs = 30000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const frames = frameLines(trace);
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

function killServer() {
  try {
    tmux('kill-server');
  } catch {
    // Not running.
  }
  keeper = false;
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

/** Quits the program in `pane` with `q` and closes the pane. */
async function quit(pane, counter) {
  tmux('send-keys', '-t', pane, 'q');
  await waitFor(pane, (s) => !counter.test(s));
  // The presenter gives the terminal back first, then writes what it keeps for the next launch
  // (a big deck's start-cache entry takes a while): wait for it to exit, as a user's next launch
  // would come after it, instead of killing it in the middle of that write.
  const shell = tmux('display-message', '-p', '-t', pane, '#{pane_pid}').trim();
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && spawnSync('pgrep', ['-P', shell]).status === 0) await sleep(20);
  tmux('kill-session', '-t', pane);
}

/** The slide titles of a deck, as talkdeck reads it. */
function deckTitles(deckPath) {
  const deck = JSON.parse(execFileSync('node', ['dist/talkdeck.cjs', 'export', deckPath, '--format', 'json', '-o', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  return deck.slides.map((s) => s.title);
}

/**
 * A deck and a copy of it to edit between launches. `edit(run)` changes one line of a slide in
 * the middle of the copy (a different text each run), as a speaker does between rehearsals, and
 * dates the file two seconds back, as if saved a moment before the launch: the start cache keeps
 * nothing read from a file written in the second before a launch.
 */
function editableCopy(deckPath, name) {
  const folder = `${WORK}/edit-${name}`;
  rmSync(folder, { recursive: true, force: true });
  const source = deckPath.replace(/\/[^/]*$/u, '');
  if (deckPath.startsWith('decks/')) cpSync(source, folder, { recursive: true });
  else mkdirSync(folder, { recursive: true });
  const copy = `${folder}/${deckPath.split('/').pop()}`;
  cpSync(deckPath, copy);
  const original = readFileSync(copy, 'utf8');
  const lines = original.split('\n');
  // The first bullet after the middle of the deck: a line of a slide other than the first.
  let at = Math.floor(lines.length / 2);
  while (at < lines.length - 1 && !/^- \S/u.test(lines[at])) at++;
  const edit = (run) => {
    const changed = [...lines];
    changed[at] = `${lines[at]} (edit ${run})`;
    writeFileSync(copy, changed.join('\n'));
    const past = new Date(Date.now() - 2000);
    utimesSync(copy, past, past);
  };
  return { copy, edit, reset: () => writeFileSync(copy, original) };
}

const bareCommand = `node -e "console.log('bare-'+'ready')"`;
const bareReady = (s) => s.includes('bare-ready');

/**
 * One launch of the presenter: launch → first full slide (tmux), then, with `keys`, the keys
 * forward timed in-process (the presenter traces each key and the frame it wrote) while the bench
 * only watches the trace file, so no tmux client spawned every few milliseconds competes with it
 * for the 2 cores; then `h` back to slide 1, each timed from `send-keys` to the slide seen in
 * capture-pane (tmux and its polling included, as for the peers); then peak RSS.
 */
async function launchTalkdeck(deckPath, titles, { env, keys = false, flood = false, trace = `${WORK}/trace.log` }) {
  const total = titles.length;
  const counter = new RegExp(`\\d+ / ${total}\\b`, 'u');
  const onFirstSlide = (s) => s.includes(`1 / ${total}`) && s.includes(titles[0].slice(0, 20));
  rmSync(trace, { force: true });
  const started = await timeToScreen(`${env} TALKDECK_TRACE=${trace} node dist/talkdeck.cjs present ${deckPath}`, onFirstSlide, { keep: true });
  const out = { first: started.ms, keyInternal: [], keyExternal: [], rss: NaN, cached: false, marks: {} };
  await waitForFrames(trace, 0);
  const traced = readFileSync(trace, 'utf8');
  out.cached = /^first-frame \S+ (cached|outline)$/mu.test(traced);
  // The start-up marks (ms since the process began): the first of each.
  for (const line of traced.split('\n')) {
    const [event, at, label] = line.split(' ');
    const name = event === 'mark' ? label : event === 'first-frame' || event === 'frame' ? event : null;
    if (name && !(name in out.marks)) out.marks[name] = Number(at);
  }
  if (keys) {
    // Niced: on 2 shared cores the flooder's own CPU would otherwise be what is measured.
    const flooder = flood ? spawn('nice', ['-n', '19', 'node', 'bench/flood.mjs'], { stdio: 'ignore' }) : null;
    // Let the presenter take over from the first frame before pressing keys.
    await sleep(300);
    const last = Math.min(total, 8);
    for (let slide = 2; slide <= last; slide++) {
      const before = frameLines(trace);
      tmux('send-keys', '-t', started.pane, 'Right');
      await waitForFrames(trace, before);
      await sleep(150);
    }
    let pressed = null;
    for (const line of readFileSync(trace, 'utf8').split('\n')) {
      const [event, at] = line.split(' ');
      if (event === 'key') pressed = Number(at);
      if (event === 'frame' && pressed !== null) {
        out.keyInternal.push(Number(at) - pressed);
        pressed = null;
      }
    }
    out.keyExternal = await keysBack(started.pane, last, total);
    flooder?.kill('SIGKILL');
    // Peak RSS is read after the keys, so it covers them.
    out.rss = peakRssMb(started.pane);
  }
  await quit(started.pane, counter);
  return out;
}

/** Presses `h` from slide `from` back to slide 1; each key timed until its slide is seen in tmux. */
async function keysBack(pane, from, total) {
  const times = [];
  for (let slide = from - 1; slide >= 1; slide--) {
    const t0 = performance.now();
    tmux('send-keys', '-t', pane, 'h');
    const seen = await waitFor(pane, (s) => new RegExp(`(^|\\D)${slide} / ${total}\\b`, 'mu').test(s));
    times.push(seen - t0);
    await sleep(150);
  }
  return times;
}

/** A peer presenter on `deckPath`: launch → first slide, then `l` to slide 8 and `h` back, timed. */
async function launchPeer(peer, deckPath, titles) {
  const total = titles.length;
  const counter = new RegExp(`\\d+ / ${total}\\b`, 'u');
  const started = await timeToScreen(`${peer.bin} ${peer.args}${deckPath}`, (s) => s.includes(`1 / ${total}`) && s.includes(titles[0].slice(0, 20)), { keep: true });
  await sleep(300);
  const last = Math.min(total, 8);
  for (let slide = 2; slide <= last; slide++) {
    tmux('send-keys', '-t', started.pane, 'l');
    await waitFor(started.pane, (s) => s.includes(`${slide} / ${total}`));
    await sleep(50);
  }
  const keyExternal = await keysBack(started.pane, last, total);
  await quit(started.pane, counter);
  return { first: started.ms, keyExternal };
}

/**
 * The bundled talk as patat and mdp read it: front matter and HTML comments (notes, citations)
 * left out, lines folded to 76 columns (mdp refuses a deck with a line wider than the terminal).
 */
function peerDeck() {
  const text = readFileSync(DECK, 'utf8')
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .replace(/<!--[\s\S]*?-->\n?/gu, '');
  const fold = (line) => {
    if ([...line].length <= 76) return [line];
    const indent = /^\s*(?:[-*] |\d+\. )?/u.exec(line)[0];
    const out = [];
    let current = indent;
    for (const word of line.slice(indent.length).split(' ')) {
      if ([...`${current}${word}`].length > 76 && current.trim() !== '') {
        out.push(current.trimEnd());
        current = ' '.repeat(indent.length);
      }
      current += `${word} `;
    }
    out.push(current.trimEnd());
    return out.flatMap((l) => ([...l].length > 76 ? [[...l].slice(0, 76).join('')] : [l]));
  };
  const path = `${WORK}/peer-talk.md`;
  writeFileSync(path, text.split('\n').flatMap(fold).join('\n'));
  return path;
}

/**
 * The presenter on the bundled talk, with bare Node and the peers in the same run, interleaved:
 * from the start cache (the deck unchanged since the last launch), the first launch after an
 * edit of a slide other than the first, and with no cache at all (a first launch ever).
 */
async function benchPresenter() {
  const titles = deckTitles(DECK);
  const cache = `${WORK}/cache`;
  rmSync(cache, { recursive: true, force: true });
  const edited = editableCopy(DECK, 'talk');
  const warmEnv = `TALKDECK_CACHE_DIR=${cache}`;
  // Launch until a launch paints from the cache: nothing is kept from files written in the second
  // before a launch, and `npm run bench` has just built the themes.
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await launchTalkdeck(DECK, titles, { env: warmEnv })).cached) break;
    await sleep(600);
  }
  edited.edit(0);
  await launchTalkdeck(edited.copy, titles, { env: warmEnv });
  const peers = PEERS.filter((peer) => existsSync(peer.bin));
  const peerPath = peers.length > 0 ? peerDeck() : null;
  const m = { bare: [], cached: [], edited: [], editedHits: 0, none: [], noneMarks: [], keyInternal: [], keyExternal: [], rss: [], peers: Object.fromEntries(peers.map((p) => [p.name, { first: [], keyExternal: [] }])) };
  for (let run = 0; run < RUNS; run++) {
    m.bare.push((await timeToScreen(bareCommand, bareReady)).ms);
    const warm = await launchTalkdeck(DECK, titles, { env: warmEnv, keys: true });
    m.cached.push(warm.first);
    m.keyInternal.push(...warm.keyInternal);
    m.keyExternal.push(...warm.keyExternal);
    m.rss.push(warm.rss);
    edited.edit(run + 1);
    const after = await launchTalkdeck(edited.copy, titles, { env: warmEnv });
    m.edited.push(after.first);
    if (after.cached) m.editedHits++;
    const cold = await launchTalkdeck(DECK, titles, { env: 'TALKDECK_CACHE=off' });
    m.none.push(cold.first);
    m.noneMarks.push(cold.marks);
    for (const peer of peers) {
      const seen = await launchPeer(peer, peerPath, titles);
      m.peers[peer.name].first.push(seen.first);
      m.peers[peer.name].keyExternal.push(...seen.keyExternal);
    }
  }
  const bare = median(m.bare);
  const patatKey = median(m.peers.patat?.keyExternal ?? []);
  const rows = [
    ['bare `node -e` prints a line', fmt(bare), '1.00x', 'reference', ''],
    ['launch → first full slide, from the start cache', fmt(median(m.cached)), ratio(median(m.cached), bare), '≤ 1.2x bare', met(median(m.cached) / bare <= 1.2)],
    [
      `the same, first launch after an edit of another slide (${m.editedHits}/${RUNS} painted before the parse)`,
      fmt(median(m.edited)),
      ratio(median(m.edited), bare),
      '≤ 1.8x bare',
      met(median(m.edited) / bare <= 1.8),
    ],
    ['the same, no start cache at all (first launch ever)', fmt(median(m.none)), ratio(median(m.none), bare), '', ''],
    ['key → frame written (in-process trace)', fmt(median(m.keyInternal), 2), '', '≤ 3 ms', met(median(m.keyInternal) <= 3)],
    [
      'key → slide seen in tmux (capture-pane polling)',
      fmt(median(m.keyExternal)),
      Number.isFinite(patatKey) ? `${ratio(median(m.keyExternal), patatKey)} patat` : '',
      Number.isFinite(patatKey) ? '≤ 2x patat' : '(patat not installed: not compared)',
      Number.isFinite(patatKey) ? met(median(m.keyExternal) / patatKey <= 2) : '',
    ],
    ['peak RSS (MB), after the keys', fmt(median(m.rss)), '', '≤ 80 MB', met(median(m.rss) <= 80)],
  ];
  for (const peer of PEERS) {
    const seen = m.peers[peer.name];
    if (!seen) {
      rows.push([`${peer.name}: not installed (${peer.bin}), not measured`, '', '', '', '']);
      continue;
    }
    rows.push([`${peer.name}${peer.args ? ` ${peer.args.trim()}` : ''}: launch → first slide (same deck, folded to 76 columns)`, fmt(median(seen.first)), ratio(median(seen.first), bare), 'peer', '']);
    rows.push([`${peer.name}: key → slide seen in tmux`, fmt(median(seen.keyExternal)), '', 'peer', '']);
  }
  return { rows, cold: coldStartRows(m.noneMarks, bare) };
}

/**
 * Where a cold start (no start cache) goes, from the presenter's own marks (TALKDECK_TRACE), each
 * the median over the runs of ms since the process began and of the step since the mark before.
 */
function coldStartRows(runs, bare) {
  const steps = [
    ['cli', 'Node started, the entry and commander loaded, the command line read'],
    ['deck', 'the deck read and parsed (marked, the dialect, includes)'],
    ['theme', 'the theme loaded and fitted to the colour depth'],
    ['modules', 'the layout and the early screen loaded'],
    ['layout', 'the first slide laid out and painted to a string'],
    ['first-frame', 'the first frame written'],
    ['frame', 'React, Ink and Yoga loaded, and the screen writer painted over the first frame (after it is seen)'],
  ];
  const rows = [['bare `node -e` prints a line (seen in tmux, for scale)', fmt(bare), '']];
  let before = null;
  for (const [mark, what] of steps) {
    const at = median(runs.map((r) => r[mark]).filter(Number.isFinite));
    const step = median(runs.map((r) => r[mark] - (before === null ? 0 : r[before])).filter(Number.isFinite));
    rows.push([`${what} (\`${mark}\`)`, fmt(at), fmt(step)]);
    before = mark;
  }
  return rows;
}

/**
 * Launch → the second slide on screen, with Right pressed as soon as the first slide shows: how
 * long a speaker in a hurry waits before the presenter answers keys.
 */
async function timeToSecondSlide(deckPath, total, env) {
  const counter = new RegExp(`\\d+ / ${total}\\b`, 'u');
  const { pane, start } = await timeToScreen(`${env} node dist/talkdeck.cjs present ${deckPath}`, (s) => s.includes(`1 / ${total}`), { keep: true });
  tmux('send-keys', '-t', pane, 'Right');
  const ms = (await waitFor(pane, (s) => s.includes(`2 / ${total}`))) - start;
  await quit(pane, counter);
  return ms;
}

/** A 5,000-slide deck beside the bundled talk, measured the same way, interleaved. */
async function benchScale() {
  const big = `${WORK}/5000-slides.md`;
  const slides = Array.from({ length: 5000 }, (_, i) => `# Slide ${i + 1}\n\n- point one of slide ${i + 1}\n- point two, with **bold** and \`code\`\n\n<!-- notes: Say something about slide ${i + 1}. -->`);
  writeFileSync(big, `---\ntitle: Five thousand slides\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  const decks = [
    { name: 'bundled', path: DECK, titles: deckTitles(DECK) },
    { name: 'big', path: big, titles: deckTitles(big) },
  ];
  const cache = `${WORK}/cache-scale`;
  rmSync(cache, { recursive: true, force: true });
  const warmEnv = `TALKDECK_CACHE_DIR=${cache}`;
  for (const deck of decks) {
    deck.edited = editableCopy(deck.path, deck.name);
    deck.m = { first: [], edited: [], none: [], keyInternal: [], ready: [], readyEdited: [], readyNone: [], rss: [] };
    for (let attempt = 0; attempt < 4; attempt++) {
      if ((await launchTalkdeck(deck.path, deck.titles, { env: warmEnv })).cached) break;
      await sleep(600);
    }
    deck.edited.edit(0);
    await launchTalkdeck(deck.edited.copy, deck.titles, { env: warmEnv });
  }
  for (let run = 0; run < RUNS; run++) {
    for (const deck of decks) {
      const total = deck.titles.length;
      const warm = await launchTalkdeck(deck.path, deck.titles, { env: warmEnv, keys: true });
      deck.m.first.push(warm.first);
      deck.m.keyInternal.push(...warm.keyInternal);
      deck.m.rss.push(warm.rss);
      deck.edited.edit(run + 1);
      deck.m.edited.push((await launchTalkdeck(deck.edited.copy, deck.titles, { env: warmEnv })).first);
      deck.m.none.push((await launchTalkdeck(deck.path, deck.titles, { env: 'TALKDECK_CACHE=off' })).first);
      deck.m.ready.push(await timeToSecondSlide(deck.path, total, warmEnv));
      deck.edited.edit(run + 1001);
      deck.m.readyEdited.push(await timeToSecondSlide(deck.edited.copy, total, warmEnv));
      deck.m.readyNone.push(await timeToSecondSlide(deck.path, total, 'TALKDECK_CACHE=off'));
    }
  }
  const [a, b] = decks;
  const row = (measure, key, target, max, digits = 1) => {
    const x = median(a.m[key]);
    const y = median(b.m[key]);
    return [measure, fmt(x, digits), fmt(y, digits), ratio(y, x), target, max === null ? '' : met(y / x <= max)];
  };
  return [
    row('launch → first full slide, from the start cache', 'first', '≤ 2x', 2),
    row('the same, first launch after an edit of another slide', 'edited', '', null),
    row('the same, no start cache at all', 'none', '', null),
    row('key → frame written (in-process)', 'keyInternal', '≤ 2x', 2, 2),
    row('launch → second slide, Right pressed as soon as the first shows, from the start cache', 'ready', '', null),
    row('the same, first launch after an edit (keys answered)', 'readyEdited', '≤ 2x', 2),
    row('the same, no start cache at all', 'readyNone', '', null),
    row('peak RSS (MB)', 'rss', '', null),
  ];
}

/**
 * `talkdeck build` of a 100 KB article (made from the bundled article as bench/compile.mjs makes
 * it) and of the two bundled articles, wall time of the whole process, beside bare Node in the
 * same run.
 */
async function benchBuild() {
  const { makeArticle } = await import('./compile.mjs');
  const article = `${WORK}/article-100k.md`;
  writeFileSync(article, makeArticle(100 * 1024));
  const time = (args) => {
    const t0 = performance.now();
    execFileSync('node', args, { stdio: 'ignore' });
    return performance.now() - t0;
  };
  const bundled = ['unikernels-are-unfit-for-production.md', 'unikernels-undebuggable-tns.zh.md'].map((f) => `decks/unikernels/sources/${f}`);
  const m = { bare: [], article: [], bundled: [] };
  for (let run = 0; run < RUNS; run++) {
    m.bare.push(time(['-e', 'console.log(1)']));
    m.article.push(time(['dist/talkdeck.cjs', 'build', article, '-o', `${WORK}/article-100k.talk.md`]));
    m.bundled.push(time(['dist/talkdeck.cjs', 'build', ...bundled, '-o', `${WORK}/talk.md`]));
  }
  const bare = median(m.bare);
  const over = (key) => median(m[key]) - bare;
  return [
    ['bare `node -e`', fmt(bare), '', 'reference', ''],
    ['build, a 100 KB article', fmt(median(m.article)), `+${fmt(over('article'))}`, '≤ bare + 60 ms', met(over('article') <= 60)],
    // Issue 12's "under 400 ms", as it was measured when filed (bare Node took 94 ms then).
    ['build, the two bundled articles', fmt(median(m.bundled)), `+${fmt(over('bundled'))}`, '< 400 ms', met(median(m.bundled) < 400)],
  ];
}

/** The presenter's keys with the notes channel flooded, beside the same without, interleaved: the flood must not move them. */
async function benchFlood() {
  const titles = deckTitles(DECK);
  const env = `TALKDECK_CACHE_DIR=${WORK}/cache-flood`;
  const m = { quiet: { keyInternal: [], keyExternal: [] }, flooded: { keyInternal: [], keyExternal: [] } };
  for (let run = 0; run < RUNS; run++) {
    for (const [name, flood] of [['quiet', false], ['flooded', true]]) {
      const seen = await launchTalkdeck(DECK, titles, { env, keys: true, flood });
      m[name].keyInternal.push(...seen.keyInternal);
      m[name].keyExternal.push(...seen.keyExternal);
    }
  }
  const row = (measure, key, digits) => [measure, fmt(median(m.quiet[key]), digits), fmt(median(m.flooded[key]), digits), ratio(median(m.flooded[key]), median(m.quiet[key]))];
  return [row('key → frame written (in-process)', 'keyInternal', 2), row('key → slide seen in tmux', 'keyExternal', 1)];
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

// Everything the bench writes goes under bench/.work, which a fresh clone does not have.
mkdirSync(WORK, { recursive: true });

// BENCH_ONLY=presenter,scale,flood,serve,compile,export,hostile,build picks parts; all by default.
const only = new Set((process.env.BENCH_ONLY ?? 'presenter,scale,flood,serve,compile,export,hostile,build').split(','));
const how = [process.env.BENCH_ONLY ? `BENCH_ONLY=${process.env.BENCH_ONLY}` : '', process.env.BENCH_RUNS ? `BENCH_RUNS=${RUNS}` : '', 'npm run bench'].filter(Boolean).join(' ');
console.log(`\`${how}\`: ${RUNS} runs per figure (medians), Node ${process.version}, ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores.\n`);

/**
 * Runs one part and prints its tables as soon as it is done: a part that fails (a timeout on a
 * machine loaded by others) is said in its place, and the parts after it still run.
 */
let failed = 0;
async function part(name, measure, { tmuxServer = false } = {}) {
  if (!only.has(name)) return;
  try {
    for (const [title, head, rows] of await measure()) console.log(table(title, head, rows));
  } catch (error) {
    failed++;
    const said = (error?.message ?? String(error)).split('\n').filter((line) => line.trim() !== '');
    console.log(`### ${name}: not measured\n\n${said.map((line) => `    ${line}`).join('\n')}\n`);
  } finally {
    if (tmuxServer) killServer();
  }
}
const rowsOf = (rows) => rows.map((r) => Object.values(r));

await part(
  'presenter',
  async () => {
    const presenter = await benchPresenter();
    return [
      ['Presenter (bundled talk, 80x24 tmux), beside bare Node and the peers', ['measure', 'ms', 'ratio', 'target', 'met'], presenter.rows],
      ["Where a cold start goes (no start cache; the presenter's TALKDECK_TRACE marks, medians)", ['step', 'ms since the process began', 'ms for this step'], presenter.cold],
    ];
  },
  { tmuxServer: true },
);
await part('scale', async () => [['Scale: a 5,000-slide deck beside the bundled talk', ['measure', 'bundled (ms)', '5,000 slides (ms)', 'ratio', 'target', 'met'], await benchScale()]], { tmuxServer: true });
await part(
  'flood',
  async () => [["Presenter keys with the notes channel flooded (UDP broadcast to both protocols' ports, and a client of the same user connecting and sending without pause)", ['measure', 'quiet (ms)', 'flooded (ms)', 'ratio'], await benchFlood()]],
  { tmuxServer: true },
);
await part(
  'serve',
  async () => {
    const { benchServe } = await import('./serve.mjs');
    return [['The audience follows: `present --serve` on the bundled talk, 80x24 tmux', ['measure', 'median ms', 'min ms', 'max ms'], await benchServe({ tmux, newPane, median, fmt })]];
  },
  { tmuxServer: true },
);
if (existsSync('dist/compile.js')) {
  await part('compile', async () => {
    const { benchCompile } = await import('./compile.mjs');
    const rows = await benchCompile();
    return [['Compiler, in-process', Object.keys(rows[0]), rowsOf(rows)]];
  });
}
await part('export', async () => {
  const { benchExport } = await import('./export.mjs');
  const rows = await benchExport({ runs: RUNS });
  return [['Export of the bundled talk, beside Marp CLI in the same run', Object.keys(rows[0]), rowsOf(rows)]];
});
await part('hostile', async () => {
  const { benchHostile } = await import('./hostile.mjs');
  const rows = await benchHostile({ runs: Math.min(RUNS, 3) });
  return [['Decks made to be slow to read: `talkdeck print` (wall time, with Node start-up)', Object.keys(rows[0]), rowsOf(rows)]];
});
await part('build', async () => [['`talkdeck build` (wall time, with Node start-up), beside bare Node', ['measure', 'ms', 'over bare', 'target', 'met'], await benchBuild()]]);
if (failed > 0) process.exitCode = 1;
