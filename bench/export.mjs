// Export benchmark: talkdeck's HTML and PDF export of a deck, side by side with Marp CLI on a Marp
// version of the same content, in the same run. Wall time of whole processes (Node start-up
// included for both), several runs interleaved, medians. Measures and returns rows; asserts nothing.
//
//   node bench/export.mjs            prints the table (BENCH_RUNS=5, BENCH_EXPORT_DECK=decks/unikernels/talk.md)
//   import { benchExport } from './export.mjs'   → rows for bench/run.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench/.work/export');
const CHROMIUM = '/usr/bin/chromium';
const MARP = join(ROOT, 'node_modules/@marp-team/marp-cli/marp-cli.js');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** Whether the built CLI already exports html and pdf (the lead wires `talkdeck export`). */
function cliExports() {
  const cli = join(ROOT, 'dist/talkdeck.cjs');
  if (!existsSync(cli)) return false;
  const help = spawnSync('node', [cli, 'export', '--help'], { encoding: 'utf8', cwd: ROOT });
  return /\bhtml\b/u.test(help.stdout) && /\bpdf\b/u.test(help.stdout);
}

/**
 * Bundles the export library (parser, themes, exporters) with esbuild into bench/.work, with a
 * small command-line runner, for use until the built CLI has `export --format html|pdf`.
 */
async function buildRunner() {
  const { build } = await import('esbuild');
  mkdirSync(WORK, { recursive: true });
  const lib = join(WORK, 'export-lib.mjs');
  await build({
    stdin: {
      contents: [
        "export { loadDeck } from './src/parse/index.ts';",
        "export { loadTheme } from './src/theme/index.ts';",
        "export { exportDeck } from './src/export/index.ts';",
        "export { blocksMarkdown } from './src/export/markdown.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: lib,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    external: ['playwright-core', 'pptxgenjs'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  const runner = join(WORK, 'talkdeck-export.mjs');
  writeFileSync(
    runner,
    `// talkdeck export DECK --format F -o FILE, as the CLI will run it (bench only).
import { writeFileSync } from 'node:fs';
import { loadDeck, loadTheme, exportDeck } from './export-lib.mjs';
const [deckPath, , format, , output] = process.argv.slice(2);
const deck = loadDeck(deckPath);
const theme = loadTheme(deck.meta.theme || 'dark', { themesDir: ${JSON.stringify(join(ROOT, 'themes'))}, cwd: process.cwd() });
writeFileSync(output, await exportDeck(deck, { format, theme }));
`,
  );
  return { lib, command: (deck, format, out) => ['node', [runner, deck, '--format', format, '-o', out]] };
}

/** The deck as Marp Markdown: `marp: true` front matter, `---` between slides, notes as HTML comments. */
async function marpMarkdown(lib, deckPath) {
  const { loadDeck, blocksMarkdown } = await import(lib);
  const deck = loadDeck(deckPath);
  const yaml = (s) => JSON.stringify(s);
  const front = ['---', 'marp: true', 'paginate: true', `title: ${yaml(deck.meta.title)}`];
  if (deck.meta.author) front.push(`author: ${yaml(deck.meta.author)}`);
  front.push('---', '');
  const slides = deck.slides.map((slide) => {
    const parts = [blocksMarkdown(slide.blocks)];
    const notes = [slide.notes.trim(), ...slide.sources.map((s) => `${s.path}:${s.startLine}-${s.endLine} "${s.quote}"`)]
      .filter(Boolean)
      .join('\n\n')
      .replace(/--/gu, '‐‐');
    if (notes) parts.push(`<!--\n${notes}\n-->`);
    return parts.join('\n\n');
  });
  return { markdown: `${front.join('\n')}${slides.join('\n\n---\n\n')}\n`, slides: deck.slides.length };
}

function timeRun(command, args, env = {}) {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return ms;
}

function pdfPages(path) {
  try {
    return Number(/^Pages:\s+(\d+)/mu.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
  } catch {
    return NaN;
  }
}

/**
 * Times HTML and PDF export of the deck by talkdeck and by Marp CLI, `runs` times each, interleaved.
 * Returns Markdown-table-ready rows.
 */
export async function benchExport({
  deck = process.env.BENCH_EXPORT_DECK ?? 'decks/unikernels/talk.md',
  runs = Number(process.env.BENCH_RUNS ?? 5),
} = {}) {
  if (!existsSync(join(ROOT, deck))) {
    const fallback = 'decks/tour.md';
    console.error(`bench/export: ${deck} not found; measuring ${fallback} instead`);
    deck = fallback;
  }
  if (!existsSync(CHROMIUM)) throw new Error('bench/export: Chromium is needed (apt-get install chromium)');
  mkdirSync(WORK, { recursive: true });
  const useCli = cliExports();
  const runner = await buildRunner();
  const talkdeck = useCli
    ? (input, format, out) => ['node', [join(ROOT, 'dist/talkdeck.cjs'), 'export', input, '--format', format, '-o', out]]
    : runner.command;

  const marpDir = join(WORK, 'marp');
  mkdirSync(marpDir, { recursive: true });
  const marpInput = join(marpDir, 'talk.md');
  const { markdown, slides } = await marpMarkdown(runner.lib, join(ROOT, deck));
  // Relative image paths point at the deck's folder, as they do for talkdeck.
  const deckDir = dirname(join(ROOT, deck));
  writeFileSync(marpInput, markdown.replace(/\]\(<(?![a-z][a-z0-9+.-]*:)([^>]+)>\)/giu, (_m, src) => `](<${resolve(deckDir, src)}>)`));
  const marpEnv = { CHROME_PATH: CHROMIUM };
  // Marp runs through node directly, like talkdeck: npx's own start-up would only add noise.
  const marp = (format, out) => ['node', [MARP, format === 'pdf' ? '--pdf' : '--html', '--allow-local-files', marpInput, '-o', out]];

  const out = {
    html: join(WORK, 'talkdeck.html'),
    pdf: join(WORK, 'talkdeck.pdf'),
    marpHtml: join(marpDir, 'marp.html'),
    marpPdf: join(marpDir, 'marp.pdf'),
  };
  const times = { html: [], marpHtml: [], pdf: [], marpPdf: [] };
  {
    // One untimed round first: disk caches, font caches, Chromium's first start.
    timeRun(...talkdeck(deck, 'pdf', out.pdf));
    timeRun(...marp('pdf', out.marpPdf), marpEnv);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? ['ours', 'marp'] : ['marp', 'ours'];
      for (const who of order) {
        if (who === 'ours') {
          times.html.push(timeRun(...talkdeck(deck, 'html', out.html)));
          times.pdf.push(timeRun(...talkdeck(deck, 'pdf', out.pdf)));
        } else {
          times.marpHtml.push(timeRun(...marp('html', out.marpHtml), marpEnv));
          times.marpPdf.push(timeRun(...marp('pdf', out.marpPdf), marpEnv));
        }
      }
    }
  }

  const kb = (p) => (existsSync(p) ? `${fmt(statSync(p).size / 1024)} KB` : 'n/a');
  const row = (measure, ours, theirs, target, max, note) => {
    const ratio = median(ours) / median(theirs);
    return {
      measure,
      'talkdeck ms (median)': fmt(median(ours)),
      'Marp ms (median)': fmt(median(theirs)),
      ratio: `${fmt(ratio, 2)}x`,
      target,
      met: ratio <= max ? 'yes' : 'NO',
      notes: note,
    };
  };
  const via = useCli ? 'node dist/talkdeck.cjs export' : 'esbuild bundle in bench/.work (CLI not wired yet)';
  return [
    row(`HTML export, ${relative(ROOT, join(ROOT, deck))} (${slides} slides)`, times.html, times.marpHtml, '≤ 0.3x Marp', 0.3, `${via}; sizes ${kb(out.html)} vs ${kb(out.marpHtml)}`),
    row(
      `PDF export, ${relative(ROOT, join(ROOT, deck))}`,
      times.pdf,
      times.marpPdf,
      '≤ 0.5x Marp',
      0.5,
      `pages ${pdfPages(out.pdf)} vs ${pdfPages(out.marpPdf)}; sizes ${kb(out.pdf)} vs ${kb(out.marpPdf)}; ${runs} runs each`,
    ),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchExport();
  const head = Object.keys(rows[0]);
  console.log(`### Export vs Marp CLI (${process.env.BENCH_RUNS ?? 5} runs, medians; Node ${process.version})\n`);
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${Object.values(r).join(' | ')} |`);
}
