// Measures how fast compileTalk turns long articles into a talk: 100 KB, 1 MB and 5 MB articles made
// deterministically from the bundled English article, several runs each, median MB/s per size; and
// the same for articles of each size the process has not compiled before (the `unseen` columns:
// repeated runs of one text find its passages' tags and bullets already made).
//
//   node bench/compile.mjs            (after `npm run build`, which writes dist/compile.js)
//   node bench/compile.mjs --runs 9 --module /tmp/compile.js
//
// Also `import { benchCompile } from './compile.mjs'` for the rows as data.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(root, 'decks/unikernels/sources/unikernels-are-unfit-for-production.md');
const SIZES = [
  { label: '100 KB', bytes: 100 * 1024 },
  { label: '1 MB', bytes: 1024 * 1024 },
  { label: '5 MB', bytes: 5 * 1024 * 1024 },
];

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An article of about `bytes` UTF-8 bytes: paragraphs of the bundled article's sentences, drawn
 * in a seeded order, with some words swapped for other words of the article and numbered terms
 * mixed in, so that the text is not one paragraph repeated. Links and Markdown stay as they are.
 */
export function makeArticle(bytes, seed = 1) {
  const text = readFileSync(SOURCE, 'utf8');
  const body = text.split('\n--------')[0] ?? text;
  const paragraphs = body
    .split(/\n\s*\n/u)
    .slice(1)
    .map((p) => p.trim())
    .filter((p) => p.length > 200);
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-Z(])/u));
  const words = [...new Set(body.match(/\b[a-z]{5,12}\b/gu) ?? [])].sort();
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = ['Unikernels at scale', '===================', ''];
  let size = Buffer.byteLength(out.join('\n'));
  let n = 0;
  while (size < bytes) {
    const count = 3 + Math.floor(next() * 6);
    const paragraph = [];
    for (let i = 0; i < count; i++) {
      let sentence = pick(sentences);
      // Swap a few plain words (never inside links) for other words of the article.
      sentence = sentence.replace(/(?<![[(/\w])\b[a-z]{5,12}\b(?![\w\]])/gu, (word) => (next() < 0.15 ? pick(words) : word));
      if (next() < 0.2) sentence = sentence.replace(/\.$/u, ` in system${(n % 97) + 1}.`);
      paragraph.push(sentence);
      n++;
    }
    const chunk = `${paragraph.join(' ')}\n\n`;
    out.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return out.join('\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs compileTalk `runs` times on each size and returns one row per size: bytes, median wall
 * milliseconds and MB/s (1 MB = 2^20 bytes), the same for the process's CPU time (steadier on a
 * busy machine, where wall time also counts waiting for a CPU), and the slide count of the talk.
 */
export async function benchCompile({ runs = 5, modulePath = join(root, 'dist/compile.js'), sizes = SIZES } = {}) {
  const { compileTalk } = await import(pathToFileURL(modulePath).href);
  // Warm up the compiler (JIT, ICU data) on a small article.
  compileTalk([{ path: 'warmup.md', text: makeArticle(20 * 1024, 7) }], { minutes: 20 });
  const rows = [];
  for (const { label, bytes } of sizes) {
    const text = makeArticle(bytes);
    const actual = Buffer.byteLength(text);
    const times = [];
    const cpuTimes = [];
    let slides = 0;
    for (let i = 0; i < runs; i++) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const deck = compileTalk([{ path: 'article.md', text }], { minutes: 20 });
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
      slides = deck.split(/\n---\n/u).length - 1;
    }
    const ms = median(times);
    const cpuMs = median(cpuTimes);
    const mb = actual / 1048576;
    // The runs above compile the same text again: from the second on, what the compiler keeps per
    // passage (tags, condensed bullets) is already there. A user compiles an article once; these
    // runs each compile an article of the same size not seen before (another seed).
    const fresh = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const other = makeArticle(bytes, 100 + i);
      const cpu = process.cpuUsage();
      const start = performance.now();
      compileTalk([{ path: 'article.md', text: other }], { minutes: 20 });
      const used = process.cpuUsage(cpu);
      fresh.push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, mb: Buffer.byteLength(other) / 1048576 });
    }
    const freshMs = median(fresh.map((f) => f.ms));
    const freshCpuMs = median(fresh.map((f) => f.cpuMs));
    const freshMb = median(fresh.map((f) => f.mb));
    rows.push({
      size: label,
      bytes: actual,
      runs,
      medianMs: Math.round(ms),
      mbPerSecond: Number((mb / (ms / 1000)).toFixed(2)),
      cpuMs: Math.round(cpuMs),
      cpuMbPerSecond: Number((mb / (cpuMs / 1000)).toFixed(2)),
      slides,
      unseenMedianMs: Math.round(freshMs),
      unseenMbPerSecond: Number((freshMb / (freshMs / 1000)).toFixed(2)),
      unseenCpuMs: Math.round(freshCpuMs),
      unseenCpuMbPerSecond: Number((freshMb / (freshCpuMs / 1000)).toFixed(2)),
    });
  }
  return rows;
}

/** The rows as a Markdown table. */
export function formatRows(rows) {
  const lines = ['| size | bytes | runs | median ms | MB/s | median CPU ms | MB/s of CPU | slides | unseen article, median ms | unseen MB/s | unseen, CPU ms | unseen, MB/s of CPU |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|'];
  for (const r of rows) lines.push(`| ${r.size} | ${r.bytes} | ${r.runs} | ${r.medianMs} | ${r.mbPerSecond} | ${r.cpuMs} | ${r.cpuMbPerSecond} | ${r.slides} | ${r.unseenMedianMs} | ${r.unseenMbPerSecond} | ${r.unseenCpuMs} | ${r.unseenCpuMbPerSecond} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const moduleAt = args.indexOf('--module');
  const rows = await benchCompile({
    runs: runsAt >= 0 ? Number(args[runsAt + 1]) : 5,
    ...(moduleAt >= 0 ? { modulePath: args[moduleAt + 1] } : {}),
  });
  console.log(formatRows(rows));
}
