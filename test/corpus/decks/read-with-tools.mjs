#!/usr/bin/env node
/**
 * Writes expect.json: how each corpus deck is read by the tool it was written for, taken from that
 * tool and never from talkdeck. Run it by hand when decks are added (it is not part of `npm test`):
 *
 *   REVEAL_JS=<folder of the reveal.js npm package> REMARK_SRC=<gnab/remark checkout> \
 *     node test/corpus/decks/read-with-tools.mjs
 *
 * - patat: `patat --dump` (Debian's patat); one dump per reveal step, footer `i / N`; the dump
 *   shows no speaker notes, so patat's notes are not compared (null).
 * - mdp: `mdp -d` for the slide count (Debian's mdp), `mdp -dd` for each slide's lines and stops.
 * - lookatme: lookatme's own Parser (Debian's python3 lookatme); `<!-- stop -->` parts of one slide
 *   share a slide number.
 * - Marp: @marp-team/marp-core (a devDependency through @marp-team/marp-cli): sections, comments as
 *   notes, `data-marpit-fragment` as reveal steps; the `header`/`footer` page decorations are not
 *   the slide's first line.
 * - reveal-md: reveal.js's markdown plugin `slidify` with reveal-md's separators (its defaults, or
 *   the front matter's `separator`/`verticalSeparator`), `<aside class="notes">` as notes.
 * - remark: remark's own Lexer, Parser and Slide model (src/remark of gnab/remark), with its
 *   Slideshow's rules: `layout: true` slides are templates, not shown, whose content the slides
 *   after them repeat (as `template:` does); `continued` slides (after `--`) are steps.
 * - presenterm and slides cannot run here (Rust and Go programs, no crates or modules to build
 *   them from): their readings are in derived.json, each with the rule of the tool it follows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Plain text of a line: Markdown heading marks, emphasis and tags gone, spaces collapsed. */
function plain(text) {
  return String(text)
    .replace(/<[^>]*>/gu, '')
    .replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'")
    .replace(/^\s*#+\s*/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The first line of visible text, code fence lines skipped. */
const firstLine = (text) => text.split('\n').filter((l) => !/^\s*(```|~~~)/u.test(l)).map(plain).find((l) => l !== '') ?? '';
const noAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '');

function patat(file) {
  const out = noAnsi(execFileSync('patat', ['--force', '--dump', file], { env: { ...process.env, TERM: 'xterm' }, encoding: 'utf8' }));
  const slides = [];
  for (const dump of out.split(/^\s*-{10}\s*$/mu)) {
    const lines = dump.split('\n');
    const footer = lines.map((l) => /(\d+) \/ (\d+)\s*$/u.exec(l)).findLast(Boolean);
    if (!footer) continue;
    const index = Number(footer[1]) - 1;
    // The first line is the header bar (file name and section); the footer ends the slide.
    const body = lines.slice(lines.findIndex((l) => l.trim() !== '') + 1).filter((l) => !/\d+ \/ \d+\s*$/u.test(l));
    slides[index] ??= { first: '', steps: 0, notes: null };
    slides[index].steps++;
    if (slides[index].first === '') slides[index].first = firstLine(body.join('\n'));
  }
  return slides;
}

const mdpDebug = (flag, file) => spawnSync('mdp', [flag, file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 5000 }).stderr;

/**
 * mdp's slides with their text: mdp -d gives the count and each slide's line count; the lines are
 * the source lines after the header, without slide separators and `^`/`<br>` stop lines, which
 * mdp consumes (see parser.c: IS_HR after an empty line, IS_STOP).
 */
function mdp(file) {
  const text = readFileSync(file, 'utf8');
  // mdp prints its reading to stderr, then stops: it has no terminal to draw on.
  const stderr = mdpDebug('-d', file);
  const counts = [...stderr.matchAll(/^ {2}slide \d+: (\d+) lines$/gmu)].map((m) => Number(m[1]));
  const total = Number(/^slides: (\d+)$/mu.exec(stderr)?.[1] ?? NaN);
  if (counts.length !== total) throw new Error(`mdp -d gave no reading of ${file}: ${stderr.slice(0, 200)}`);
  const stdout2 = mdpDebug('-dd', file);
  // -dd: per slide, each line's bits; IS_STOP is bit 14 (16384) in mdp's markdown.h.
  const perSlide = stdout2.split(/^ {2}slide \d+:$/mu).slice(1).map((s) => [...s.matchAll(/bits = (\d+), length = (\d+)/gu)].map((m) => ({ bits: Number(m[1]), length: Number(m[2]) })));
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && /^%[a-z]+:/iu.test(lines[i])) i++;
  // mdp's rule (parser.c): a line of three or more `*` or of three or more `-` (spaces allowed),
  // not a list item, after an empty line starts a new slide, outside code blocks. Checked against
  // mdp's own count below.
  const parts = [[]];
  let fence = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/u.test(line)) fence = !fence;
    if (!fence && /^ {0,3}(?![-*][ \t])(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})$/u.test(line) && (lines[i - 1] ?? '').trim() === '' && parts.at(-1).length > 0) parts.push([]);
    else parts.at(-1).push(line);
  }
  if (parts.length !== total) throw new Error(`${file}: mdp counts ${total} slides, the separator rule ${parts.length}`);
  const slides = parts.map((own, n) => {
    const steps = 1 + (perSlide[n] ?? []).filter((l, k, all) => (l.bits & 16384) !== 0 && k < all.length - 1).length;
    return { first: firstLine(own.filter((l) => !/^\s*(```|~~~)/u.test(l)).join('\n').replace(/^\s*->\s*|\s*<-\s*$/gmu, '')), steps, notes: false };
  });
  return slides;
}

function lookatme(file) {
  const script = `
import json, sys
from lookatme.parser import Parser
groups = {}
original = Parser._create_slides
def tagged(self, tokens, number):
    key = len(groups)
    groups[key] = True
    for slide in original(self, tokens, number):
        slide.group = key
        yield slide
Parser._create_slides = tagged
meta, slides = Parser().parse(open(sys.argv[1]).read())
def text(tok):
    if isinstance(tok, dict):
        for k in ('text', 'children'):
            v = tok.get(k)
            if isinstance(v, str) and v.strip(): return v
            if isinstance(v, list):
                for c in v:
                    t = text(c)
                    if t: return t
    return ''
out = {}
for s in slides:
    first = ''
    for t in s.tokens:
        first = text(t)
        if first: break
    e = out.setdefault(s.group, {'first': first, 'steps': 0, 'notes': False})
    e['steps'] += 1
print(json.dumps([out[k] for k in sorted(out)]))
`;
  const rows = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { cwd: '/', encoding: 'utf8' }));
  return rows.map((r) => ({ ...r, first: firstLine(r.first) }));
}

async function marp(file) {
  const { Marp } = require('@marp-team/marp-core');
  const { html, comments } = new Marp().render(readFileSync(file, 'utf8'));
  // One <svg data-marpit-svg> per slide; advanced backgrounds add sections inside it.
  const slides = html.split(/<svg data-marpit-svg\b/u).slice(1);
  if (slides.length !== comments.length) throw new Error(`${file}: ${slides.length} slides but ${comments.length} comment lists`);
  return slides.map((slide, i) => {
    const fragments = [...slide.matchAll(/data-marpit-fragment="(\d+)"/gu)].map((m) => Number(m[1]));
    const content = slide.split(/<section\b/u).slice(1).find((part) => !/^[^>]*data-marpit-advanced-background="(?:background|pseudo)"/u.test(part)) ?? '';
    // The header and footer directives draw page decorations, not the slide's content.
    const text = content.replace(/^[^>]*>/u, '').replace(/<(style|script|header|footer)\b[\s\S]*?<\/\1>/gu, '').replace(/<\/?(?:p|h[1-6]|li|ul|ol|pre|blockquote|div|tr|table)\b[^>]*>/gu, '\n');
    return { first: firstLine(text), steps: 1 + (fragments.length ? Math.max(...fragments) : 0), notes: (comments[i] ?? []).some((c) => c.trim() !== '') };
  });
}

async function revealMd(file) {
  const dir = process.env.REVEAL_JS;
  if (!dir) throw new Error('set REVEAL_JS to the reveal.js package folder');
  const plugin = (await import(pathToFileURL(join(dir, 'plugin/markdown/markdown.esm.js')).href)).default();
  const yaml = (await import('yaml')).default;
  let text = readFileSync(file, 'utf8');
  // reveal-md: lib/render.js takes the YAML front matter off and reads separators from it.
  const options = { separator: '\r?\n---\r?\n', verticalSeparator: '\r?\n----\r?\n' };
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u.exec(text);
  if (front) {
    const values = yaml.parse(front[1]) ?? {};
    for (const key of ['separator', 'verticalSeparator', 'notesSeparator']) if (typeof values[key] === 'string') options[key] = values[key];
    text = text.slice(front[0].length);
  }
  const html = plugin.slidify(text, options);
  const sections = [...html.matchAll(/<section\b[^>]*data-markdown[^>]*>([\s\S]*?)<\/section>/gu)].map((m) => m[1]);
  return sections.map((section) => {
    const body = /<script type="text\/template">([\s\S]*?)<\/script>/u.exec(section)?.[1] ?? section;
    const notes = /<aside class="notes">([\s\S]*?)<\/aside>/u.exec(body);
    return { first: firstLine(body.replace(/<aside class="notes">[\s\S]*?<\/aside>/u, '')), steps: 1, notes: notes !== null && notes[1].trim() !== '' };
  });
}

function remark(file) {
  const dir = process.env.REMARK_SRC;
  if (!dir) throw new Error('set REMARK_SRC to a checkout of gnab/remark');
  const Parser = require(join(dir, 'src/remark/parser.js'));
  // remark's own slide model does the template inheritance; its converter (marked and the DOM,
  // for rendering) is never called by it, so an empty one stands in.
  require.cache[require.resolve(join(dir, 'src/remark/converter.js'))] = { exports: {}, loaded: true };
  const Slide = require(join(dir, 'src/remark/models/slide.js'));
  const parsed = new Parser().parse(readFileSync(file, 'utf8'), {}, {});
  const text = (content) => content.map((c) => (typeof c === 'string' ? c : `\n${text(c.content)}\n`)).join('');
  // remark's Slideshow createSlides (src/remark/models/slideshow.js): the template of a slide is
  // the slide before it when continued (after `--`), its `template:`, or the current layout;
  // `layout: true` slides are templates, not shown; variables are expanded last.
  const models = [];
  const byName = {};
  let layout;
  parsed.forEach((slide, i) => {
    let template;
    if (slide.properties.continued === 'true' && i > 0) template = models.at(-1)?.model;
    else if (byName[slide.properties.template]) template = byName[slide.properties.template];
    else if (slide.properties.layout === 'false') layout = undefined;
    else if (layout && slide.properties.layout !== 'true') template = layout;
    const model = new Slide(models.length, 0, slide, template, {});
    if (slide.properties.name) byName[slide.properties.name] = model;
    if (slide.properties.layout === 'true') layout = model;
    else models.push({ model, continued: slide.properties.continued === 'true', notes: text(slide.notes ?? []).trim() !== '' });
  });
  const slides = [];
  for (const { model, continued, notes } of models) {
    model.expandVariables();
    if (continued && slides.length > 0) {
      const last = slides.at(-1);
      last.steps++;
      last.notes ||= notes;
      continue;
    }
    slides.push({ first: firstLine(text(model.content).replace(/<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/gu, '')), steps: 1, notes });
  }
  return slides;
}

/**
 * slides (maaslalani/slides internal/model/model.go): `\r` removed, one leading `---\n` trimmed,
 * the text split at every `\n---\n` (code fences are not looked at); the first part is the
 * front matter when it reads as YAML (internal/meta/meta.go) and more parts follow. slides has no
 * reveal steps and no speaker notes. This is the tool's rule, written out: slides cannot run here.
 */
async function slides(file) {
  const yaml = (await import('yaml')).default;
  let text = readFileSync(file, 'utf8').replaceAll('\r', '');
  if (text.startsWith('---\n')) text = text.slice(4);
  let parts = text.split('\n---\n');
  let meta = false;
  try {
    const value = yaml.parse(parts[0]);
    meta = value === null || (typeof value === 'object' && !Array.isArray(value));
  } catch {
    meta = false;
  }
  if (meta && parts.length > 1) parts = parts.slice(1);
  return parts.map((part) => ({ first: firstLine(part), steps: 1, notes: false }));
}

const READERS = {
  slides: { read: slides, by: 'the rule of slides (maaslalani/slides internal/model/model.go and internal/meta/meta.go), applied as written' },
  patat: { read: patat, by: 'patat --dump (patat 0.8.8.0, pandoc 2.17)' },
  mdp: { read: mdp, by: 'mdp -d and -dd (mdp 1.0.15)' },
  lookatme: { read: lookatme, by: 'lookatme.parser.Parser (lookatme 2.5.4)' },
  marp: { read: marp, by: '@marp-team/marp-core render()' },
  'reveal-md': { read: revealMd, by: "reveal.js markdown plugin slidify() with reveal-md's separators" },
  remark: { read: remark, by: "remark's Parser and Slide model (gnab/remark src/remark) and its Slideshow's layout, template and continued rules" },
};

const derived = JSON.parse(readFileSync(join(here, 'derived.json'), 'utf8'));
const expect = {};
for (const tool of readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const name of readdirSync(join(here, tool)).filter((n) => n.endsWith('.md')).sort()) {
    const key = `${tool}/${name}`;
    if (READERS[tool]) {
      const slides = await READERS[tool].read(join(here, key));
      expect[key] = { dialect: tool, by: READERS[tool].by, slides };
    } else if (derived[key]) expect[key] = { dialect: tool, ...derived[key] };
    else console.error(`${key}: no reader and no derived reading yet`);
  }
}
writeFileSync(join(here, 'expect.json'), `${JSON.stringify(expect, null, 1)}\n`);
console.log(`${Object.keys(expect).length} decks`);
