// The compiler's quality report (not a test): compiles every article of the corpus in
// test/corpus/articles/ at its natural length and prints, per article and in total, the figures
// a speaker would notice. `npm run quality` (builds first); `node scripts/quality.mjs --json`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test/corpus/articles');
const { compileTalkDetailed, assessTalk } = await import(pathToFileURL(join(root, 'dist/compile.js')).href);

const median = (values) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
const sets = readdirSync(corpus)
  .filter((f) => !f.startsWith('.') && f !== 'SOURCES.md')
  .sort()
  .map((f) => ({ name: f, articles: [{ path: `sources/${f}`, text: readFileSync(join(corpus, f), 'utf8') }] }));
// The bundled talk's two articles, as a set of their own.
const bundled = join(root, 'decks/unikernels');
sets.push({
  name: 'bundled: unikernels (2 articles)',
  articles: ['sources/unikernels-are-unfit-for-production.md', 'sources/unikernels-undebuggable-tns.zh.md'].map((path) => ({ path, text: readFileSync(join(bundled, path), 'utf8') })),
});
// `--talks FILE`: measure talks compiled earlier (a JSON list of { name, compiled }), e.g. by another
// version of the compiler, with this version's measures: a before-and-after comparison.
const saved = process.argv.includes('--talks') ? new Map(JSON.parse(readFileSync(process.argv[process.argv.indexOf('--talks') + 1], 'utf8')).map((t) => [t.name, t.compiled])) : null;
for (const set of sets) {
  const compiled = saved ? saved.get(set.name) : compileTalkDetailed(set.articles, {});
  if (!compiled) continue;
  rows.push({ name: set.name, minutes: compiled.talk.minutes, ...assessTalk(set.articles, compiled) });
}
if (process.argv.includes('--save')) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.argv[process.argv.indexOf('--save') + 1], JSON.stringify(sets.map((set) => ({ name: set.name, compiled: { ...compileTalkDetailed(set.articles, {}), markdown: undefined } }))));
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const unit = (r) => (r.cjk ? 'ch' : 'w');
  const header = ['article', 'min', 'slides', 'title len', 'fragment titles', 'phrase titles', 'bullet median', 'bullet max', 'fragment bullets', 'repeated bullets', 'boilerplate on slides', 'dangling bullets', 'code/table/image slides', 's per slide', 'headings as titles'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.minutes} | ${r.slides} | ${r.titleLengthMedian} ${unit(r)} | ${r.fragmentTitles} | ${r.phraseTitles}/${r.passageTitles} | ${r.bulletMedian} ${unit(r)} | ${r.bulletMax} ${unit(r)} | ${r.fragmentBullets} | ${r.repeatedBullets} | ${r.boilerplateOnSlides} | ${r.danglingBullets} | ${r.codeSlides}/${r.tableSlides}/${r.imageSlides} | ${r.secondsPerSlide} | ${r.headingsKept}/${r.headings} |`,
    );
  }
  const en = rows.filter((r) => !r.cjk);
  const zh = rows.filter((r) => r.cjk);
  const sum = (key) => rows.reduce((a, r) => a + r[key], 0);
  lines.push(
    `| **total** (${rows.length} talks) | ${sum('minutes')} | ${sum('slides')} | ${median(en.map((r) => r.titleLengthMedian))} w, ${median(zh.map((r) => r.titleLengthMedian))} ch | ${sum('fragmentTitles')} | ${sum('phraseTitles')}/${sum('passageTitles')} | ${median(en.map((r) => r.bulletMedian))} w, ${median(zh.map((r) => r.bulletMedian))} ch | ${Math.max(0, ...en.map((r) => r.bulletMax))} w, ${Math.max(0, ...zh.map((r) => r.bulletMax))} ch | ${sum('fragmentBullets')} | ${sum('repeatedBullets')} | ${sum('boilerplateOnSlides')} | ${sum('danglingBullets')} | ${sum('codeSlides')}/${sum('tableSlides')}/${sum('imageSlides')} | ${median(rows.map((r) => r.secondsPerSlide))} | ${sum('headingsKept')}/${sum('headings')} |`,
  );
  console.log(lines.join('\n'));
  const examples = rows.filter((r) => r.fragmentExamples.length > 0).map((r) => `${r.name}: ${r.fragmentExamples.map((t) => JSON.stringify(t)).join(', ')}`);
  if (examples.length > 0) console.log(`\nFragment titles:\n${examples.join('\n')}`);
  if (process.argv.includes('--examples')) {
    for (const [label, key] of [['Phrase titles', 'phraseExamples'], ['Fragment bullets', 'fragmentBulletExamples'], ['Boilerplate on slides', 'boilerplateExamples']]) {
      const list = rows.filter((r) => r[key].length > 0).map((r) => `${r.name}: ${r[key].map((t) => JSON.stringify(t)).join(', ')}`);
      if (list.length > 0) console.log(`\n${label}:\n${list.join('\n')}`);
    }
  }
}
