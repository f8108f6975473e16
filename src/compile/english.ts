import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lexemeOffsets, lexemes, lexemeTable, type Lexemes } from './lexemes.js';
import { bundledTagger, type TaggerModules } from './tagger-modules.js';

/**
 * English part-of-speech tags by wink-nlp with its bundled English model (wink-eng-lite-web-model,
 * Universal POS tags), loaded on first use so that only `build` pays for it. Only the passages
 * that titles and bullets are made from are tagged, never a whole article.
 */

/** One token of a tagged text: its text, Universal POS tag (NOUN, VERB, ADP, …) and offsets. */
export interface EnglishToken {
  text: string;
  pos: string;
  start: number;
  end: number;
}

interface WinkDoc {
  tokens(): { out(its?: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown };
}

let wink: Wink | null = null;
const cache = new Map<string, EnglishToken[]>();
/** Tagged passages kept for reuse within a compilation (titles and bullets look at the same ones). */
const MAX_CACHE = 4000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The model's core, read the way the package reads it, less two costs that only matter when one
 * process makes several instances: the package deep-copies its cached JSON (JSON.stringify, then
 * parse) and decodes base64 a byte at a time. Here the JSON file is parsed once, fresh, and base64
 * is decoded by Buffer. A test checks that the tags are the package's own.
 */
function readCoreModel(require: NodeJS.Require): Json {
  let model: Json;
  const split = splitModelDir();
  if (split) {
    // The built CLI's copy of the model, split by scripts/build.mjs: raw bytes and a word list read
    // faster than 3 MB of JSON, and the words' offsets and hash table (lexemes.ts) as raw bytes.
    model = JSON.parse(readFileSync(join(split, 'core.json'), 'utf8')) as Json;
    model.lexicon = uint32s(readFileSync(join(split, 'lexicon.bin')));
    model.xpansions = uint32s(readFileSync(join(split, 'xpansions.bin')));
    const text = readFileSync(join(split, 'lexemes.utf16le'), 'utf16le');
    const offsets = uint32s(readFileSync(join(split, 'lexeme-offsets.bin')));
    let table = uint32s(readFileSync(join(split, 'lexeme-table.bin')));
    // A table made by another hash than this one (a stale dist/) would find nothing: made again here.
    if (offsets.length < 2 || !sameIndexes(lexemes(text, offsets, table), offsets.length - 1)) table = lexemeTable(text, offsets);
    Object.assign(model.features.lexeme, lexemes(text, offsets, table));
  } else {
    const path = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
    model = JSON.parse(readFileSync(path, 'utf8')) as Json;
    model.lexicon = uint32s(Buffer.from(model.lexicon as string, 'base64'));
    model.xpansions = uint32s(Buffer.from(model.xpansions as string, 'base64'));
    // The same lexeme list and hash as the built CLI's, their table made here.
    const text = (model.features.lexeme.list as string[]).join('\u0000');
    const offsets = lexemeOffsets(text);
    Object.assign(model.features.lexeme, lexemes(text, offsets, lexemeTable(text, offsets)));
  }
  const { packing, features, pos } = model;
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f] as number[];
    if (layout[3] === 0) {
      const feature = features[f];
      feature.hash = Object.create(null);
      for (let k = 0; k < feature.list.length; k++) feature.hash[feature.list[k]] = k;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = (layout[1] as number) >>> (layout[2] as number);
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  const lexeme = features.lexeme;
  // 87,593 words, read in place (see lexemes.ts): neither split into strings nor put in a Map.
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  const clusters = features.posClusters.list as unknown[];
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set(String(clusters[k]).split('_').map((e) => pos.hash[e] || 0));
  return model;
}

/** Little-endian 32-bit words of a file's bytes: in place when they are aligned (a file's own buffer is), else copied to an aligned buffer. */
function uint32s(bytes: Buffer): Uint32Array {
  if (bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

/** Whether the table finds a few words (first, middle, last) where they are: made by this build's hash. */
function sameIndexes(found: Lexemes, count: number): boolean {
  return [0, count >> 1, count - 1].every((k) => {
    const word = found.list[k] as string;
    const at = found.hash[word];
    return at !== undefined && found.list[at] === word;
  });
}

declare const __TALKDECK_BUILD__: string | undefined;

/** The folder of the built CLI's split model (dist/wink-model), or null when run from the sources. */
function splitModelDir(): string | null {
  if (typeof __TALKDECK_BUILD__ === 'undefined') return null;
  // Beside the batch face (dist/), or one folder up from a chunk (dist/chunks/); else the package's.
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [join(here, 'wink-model'), join(here, '..', 'wink-model')]) if (existsSync(join(dir, 'core.json'))) return dir;
  return null;
}

/**
 * wink-nlp and the small parts of its model. The built CLI has them bundled into one file
 * (dist/tagger.cjs, made by scripts/build.mjs): one file reads faster than the forty it is made of.
 * Run from the sources (tests), they come from node_modules.
 */
function taggerModules(require: NodeJS.Require): TaggerModules<Wink> {
  const bundled = bundledTagger<Wink>();
  if (bundled) return bundled;
  if (typeof __TALKDECK_BUILD__ !== 'undefined') {
    for (const path of ['./tagger.cjs', '../tagger.cjs']) {
      try {
        return require(path) as TaggerModules<Wink>;
      } catch {
        // Not beside this chunk: try the next place, then node_modules.
      }
    }
  }
  return {
    winkNLP: require('wink-nlp') as TaggerModules<Wink>['winkNLP'],
    part: (name) => require(`wink-eng-lite-web-model/dist/${name}.js`) as Json,
  };
}

/** Builds wink-nlp for part-of-speech tags only: the package's model, read faster, without its entity and sentiment machines (never run here). */
export function loadEnglishTagger(fast = true): Wink {
  const require = createRequire(import.meta.url);
  if (!fast) return (require('wink-nlp') as TaggerModules<Wink>['winkNLP'])(require('wink-eng-lite-web-model'), ['pos']);
  const { winkNLP, part } = taggerModules(require);
  const negation = part('load-negation-model') as unknown as () => Json;
  const lean = {
    core: () => readCoreModel(require),
    sbd: part('load-sbd-model'),
    pos: part('load-pos-model'),
    ner: () => ({ machines: [], transformers: [] }),
    negation,
    sa: negation,
    metaCER: part('load-cer-meta-model'),
    featureFn: part('feature'),
    // Read only for stems, lemmas and readability, never asked for here: loaded if ever they are.
    addons: {
      get stem() {
        return part('porter-stemmer');
      },
      get lemmatize() {
        return part('lemmatize');
      },
      get readabilityStats() {
        return part('readability-stats');
      },
      wordVectors: undefined,
    },
  };
  return winkNLP(lean, ['pos']);
}

function load(): Wink {
  wink ??= loadEnglishTagger();
  return wink;
}

let passes = 0;

/** How many passes the tagger has made in this process (for tests of what is tagged twice). */
export function taggerPasses(): number {
  return passes;
}

/** Whether the tagger has been loaded in this process (for tests of lazy loading). */
export function englishToolsLoaded(): boolean {
  return wink !== null;
}

/** Code spans become one placeholder word of the same length, so that nothing cuts inside them. */
function maskCode(text: string): string {
  return text.replace(/`[^`]*`/gu, (span) => 'X'.repeat(span.length));
}

/** Separates passages tagged together: a paragraph break, so that no sentence runs across it. */
const SEPARATOR = '\n\n';

/**
 * Tags several passages with one pass of the tagger (each call has a fixed cost), keeping each
 * passage's tokens for `tagEnglish`.
 */
export function tagEnglishBatch(texts: readonly string[]): void {
  const todo = [...new Set(texts.filter((t) => t && !cache.has(t)))];
  if (todo.length === 0) return;
  const nlp = load();
  passes++;
  const masked = todo.map(maskCode);
  const joined = masked.join(SEPARATOR);
  const doc = nlp.readDoc(joined);
  const values = doc.tokens().out(nlp.its.value);
  const tags = doc.tokens().out(nlp.its.pos);
  const bases: number[] = [];
  let base = 0;
  for (const m of masked) {
    bases.push(base);
    base += m.length + SEPARATOR.length;
  }
  const outs: EnglishToken[][] = todo.map(() => []);
  let at = 0;
  let k = 0;
  values.forEach((value, i) => {
    const start = joined.indexOf(value, at);
    if (start < 0) return;
    const end = start + value.length;
    at = end;
    while (k + 1 < bases.length && start >= (bases[k + 1] as number)) k++;
    const text = todo[k] as string;
    const offset = start - (bases[k] as number);
    if (offset + value.length > text.length) return;
    const code = /^X+$/u.test(value) && text[offset] === '`';
    outs[k]?.push({ text: text.slice(offset, offset + value.length), pos: code ? 'PROPN' : (tags[i] ?? 'X'), start: offset, end: offset + value.length });
  });
  if (cache.size + todo.length > MAX_CACHE) {
    cache.clear();
    passages.length = 0;
  }
  todo.forEach((text, j) => cache.set(text, outs[j] ?? []));
  // Only passages long enough to hold a bullet.
  for (const text of todo) if (text.length >= 24) passages.unshift(text);
  if (passages.length > RECENT_PASSAGES) passages.length = RECENT_PASSAGES;
}

/**
 * Tags a plain-text passage. Offsets refer to the passage; a code span (in backticks) is one
 * token, tagged as a proper noun.
 */
export function tagEnglish(text: string): EnglishToken[] {
  const known = cache.get(text) ?? withinTagged(text);
  if (known) return known;
  tagEnglishBatch([text]);
  return cache.get(text) ?? [];
}

/**
 * The passages tagged last, newest first, that a shorter text may be a run of (see
 * `withinTagged`): a bullet is condensed right after its sentence is tagged, so only the recent
 * ones are looked through, and a long article costs no more a look-up than a short one.
 */
const passages: string[] = [];
const RECENT_PASSAGES = 64;

/**
 * A condensed bullet or title is mostly a run of a sentence tagged before: its tags are that
 * sentence's, read in context (better than tagging the run alone, and no second pass of the
 * tagger). Only a run that starts and ends on the sentence's token boundaries, its first letter's
 * case aside ("A unikernel is …" out of "… a unikernel is …"); null when there is none.
 */
function withinTagged(text: string): EnglishToken[] | null {
  if (text.length < 2) return null;
  const rest = text.slice(1);
  for (const passage of passages) {
    if (passage.length <= text.length) continue;
    let at = passage.indexOf(rest, 1);
    while (at > 0) {
      const start = at - 1;
      if (passage[start]?.toLowerCase() === text[0]?.toLowerCase()) {
        const tokens = cache.get(passage);
        const run = tokens && tokensWithin(tokens, start, start + text.length);
        if (run) {
          const out = run.map((t) => ({ text: text.slice(t.start - start, t.end - start), pos: t.pos, start: t.start - start, end: t.end - start }));
          cache.set(text, out);
          return out;
        }
      }
      at = passage.indexOf(rest, at + 1);
    }
  }
  return null;
}

/** The tokens from offset start to end, when no token crosses either end and one starts at start; else null. */
function tokensWithin(tokens: readonly EnglishToken[], start: number, end: number): EnglishToken[] | null {
  const out: EnglishToken[] = [];
  let opened = false;
  for (const t of tokens) {
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (t.start < start || t.end > end) return null;
    if (t.start === start) opened = true;
    out.push(t);
  }
  return opened ? out : null;
}
