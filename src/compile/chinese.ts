import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Chinese word segmentation and part-of-speech tags by jieba (@node-rs/jieba, jieba-rs through
 * N-API), loaded on first use so that only `build` pays for it.
 *
 * jieba's full dictionary (349,045 words) takes about 200 ms to load, more than a whole build may
 * take. Only the words that can occur in the text being cut matter, though: jieba's choice of a
 * segmentation depends on the frequencies of the dictionary words inside the sentence and on the
 * dictionary's total frequency. So each text's candidate words (every substring of its Han runs
 * that the dictionary holds) are looked up in the package's dictionary file, which is sorted by
 * UTF-8 bytes, by binary search, and loaded into an empty jieba together with one filler entry
 * that carries the rest of the total frequency. The segmentation is the same as with the full
 * dictionary (a test compares them), at a few milliseconds instead of 200.
 */

/** One word of a segmented text, with its jieba part-of-speech tag and its offsets in the text. */
export interface ChineseWord {
  text: string;
  tag: string;
  start: number;
  end: number;
}

interface JiebaInstance {
  loadDict(dict: Uint8Array): void;
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
}

/** The bytes of the dictionary's lines whose word starts with one character, from start to end. */
export interface Block {
  start: number;
  end: number;
}

interface Dictionary {
  bytes: Buffer;
  total: number;
  jieba: JiebaInstance;
  Jieba: new () => JiebaInstance;
  /** Dictionary lines loaded so far, and the sum of their frequencies. */
  lines: string[];
  frequency: number;
  /** Where the dictionary's lines lie, by the character their word starts with. */
  blocks: Map<string, Block>;
  /** The build's index of the blocks (dictionaryIndex), if there is one for this dictionary. */
  index: Uint32Array | null;
  /** Words already loaded into jieba. */
  loaded: Set<string>;
  /** The Han runs looked up so far, one a line: a run inside one of them holds no word not loaded yet. */
  scanned: string;
  /** The Han runs prepared so far. */
  runs: Set<string>;
}

let dictionary: Dictionary | null = null;

const NEWLINE = 10;
const SPACE = 32;
/** A character no article holds: the filler word that carries the dictionary's other frequency. */
const FILLER = '\uE000';
const HAN_RUN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+/gu;
/** The longest word looked up, in characters (the dictionary's longest is 16). */
const MAX_WORD = 16;

/**
 * The size and total frequency of the dictionary that @node-rs/jieba 2 ships, so that the total
 * need not be summed over 5 MB at every start; any other dictionary file is summed.
 */
export const KNOWN_DICTIONARY = { bytes: 5071843, total: 60101964 };

/** Sum of the frequencies of every dictionary line ("word freq tag"). */
export function totalFrequency(bytes: Buffer): number {
  let total = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    while (i < n && bytes[i] !== SPACE && bytes[i] !== NEWLINE) i++;
    let value = 0;
    if (bytes[i] === SPACE) {
      i++;
      while (i < n && (bytes[i] as number) >= 48 && (bytes[i] as number) <= 57) value = value * 10 + (bytes[i++] as number) - 48;
    }
    total += value;
    while (i < n && bytes[i] !== NEWLINE) i++;
    i++;
  }
  return total;
}

/**
 * jieba's native binding: on Linux the glibc build's package, which @node-rs/jieba's loader picks
 * there after reading /usr/bin/ldd and trying a file beside itself (about 2 ms); where that does
 * not load (musl), through that loader.
 */
function jiebaBinding(require: NodeJS.Require): { Jieba: new () => JiebaInstance } {
  if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
    try {
      return require(`@node-rs/jieba-linux-${process.arch}-gnu`) as { Jieba: new () => JiebaInstance };
    } catch {
      // Not installed, or not glibc: the package's loader finds the right one.
    }
  }
  return require('@node-rs/jieba') as { Jieba: new () => JiebaInstance };
}

function load(): Dictionary {
  if (dictionary) return dictionary;
  const require = createRequire(import.meta.url);
  const { Jieba } = jiebaBinding(require);
  const bytes = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
  const total = bytes.length === KNOWN_DICTIONARY.bytes ? KNOWN_DICTIONARY.total : totalFrequency(bytes);
  const jieba = new Jieba();
  jieba.loadDict(Buffer.from(`${FILLER} ${total} x\n`));
  dictionary = { bytes, total, jieba, Jieba, lines: [], frequency: 0, blocks: new Map(), index: dictionaryIndex(bytes.length), loaded: new Set(), scanned: '', runs: new Set() };
  return dictionary;
}

/** The UTF-8 bytes of a string of BMP characters (Han runs are), without allocating a Buffer. */
function utf8(word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Compares the word of the line starting at `start` with `query`, byte by byte: < 0, 0 or > 0. */
function compareWord(bytes: Buffer, start: number, query: readonly number[]): number {
  for (let k = 0; ; k++) {
    const b = bytes[start + k] as number;
    const end = start + k >= bytes.length || b === SPACE || b === NEWLINE;
    if (k === query.length) return end ? 0 : 1;
    if (end) return -1;
    const d = b - (query[k] as number);
    if (d !== 0) return d;
  }
}

/** Start of the first line from `lo` on whose word is not below `query` (UTF-8 byte order); `hi` if none before it. */
function lowerBound(bytes: Buffer, query: readonly number[], lo = 0, hi = bytes.length): number {
  while (lo < hi) {
    let start = (lo + hi) >>> 1;
    while (start > lo && bytes[start - 1] !== NEWLINE) start--;
    if (compareWord(bytes, start, query) < 0) {
      let next = start;
      while (next < hi && bytes[next] !== NEWLINE) next++;
      lo = next + 1;
    } else hi = start;
  }
  return lo;
}

/** Where the lines whose word starts with one character lie in the sorted dictionary: two binary searches, once a character. */
function blockOf(dict: Dictionary, char: string): Block {
  let block = dict.blocks.get(char);
  if (block) return block;
  block = dict.index ? indexedBlock(dict.index, dict.bytes.length, char) : searchedBlock(dict.bytes, char);
  dict.blocks.set(char, block);
  return block;
}

/** A character's block found by two binary searches of the dictionary's bytes. */
export function searchedBlock(bytes: Buffer, char: string): Block {
  const code = char.codePointAt(0) ?? 0;
  const start = lowerBound(bytes, utf8(char));
  return { start, end: lowerBound(bytes, utf8(String.fromCodePoint(code + 1)), start) };
}

/**
 * A character's block from the build's index of the dictionary (dist/jieba-blocks.bin, made by
 * scripts/build.mjs): the dictionary's length, then each first character's code point and the
 * offset where its lines start, in order. A binary search of a few thousand entries instead of two
 * of 5 MB (about 4 ms of building the bundled articles).
 */
export function indexedBlock(index: Uint32Array, length: number, char: string): Block {
  const code = char.codePointAt(0) ?? 0;
  const entries = (index.length - 1) / 2;
  let lo = 0;
  let hi = entries;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index[1 + 2 * mid] as number) < code) lo = mid + 1;
    else hi = mid;
  }
  const startOf = (k: number) => (k < entries ? (index[2 + 2 * k] as number) : length);
  if (lo < entries && index[1 + 2 * lo] === code) return { start: startOf(lo), end: startOf(lo + 1) };
  return { start: startOf(lo), end: startOf(lo) };
}

/** The build's index of jieba's dictionary of `length` bytes, or null (run from the sources, or another dictionary). */
function dictionaryIndex(length: number): Uint32Array | null {
  if (typeof __TALKDECK_BUILD__ === 'undefined') return null;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const path of [join(here, 'jieba-blocks.bin'), join(here, '..', 'jieba-blocks.bin')]) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    if (bytes.length % 8 !== 4 || bytes.byteOffset % 4 !== 0) return null;
    const index = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    return index[0] === length ? index : null;
  }
  return null;
}

declare const __TALKDECK_BUILD__: string | undefined;

/**
 * Looks `word` up: its dictionary line when it is a word, '' when not; and whether any word
 * starts with it (so that longer substrings need no look-up). A binary search of the bytes of the
 * word's block, which is sorted by UTF-8 bytes: the order of code points, so of JavaScript's
 * comparison of these characters. Only the line found is decoded.
 */
function lookUp(dict: Dictionary, word: string, from = 0): { line: string; prefix: boolean; at: number } {
  const { start, end } = blockOf(dict, word[0] ?? '');
  const query = utf8(word);
  const at = lowerBound(dict.bytes, query, Math.max(start, from), end);
  if (at >= end) return { line: '', prefix: false, at };
  const bytes = dict.bytes;
  let prefix = at + query.length <= end;
  for (let k = 0; prefix && k < query.length; k++) prefix = bytes[at + k] === query[k];
  if (!prefix) return { line: '', prefix: false, at };
  const after = bytes[at + query.length];
  if (after !== SPACE && after !== NEWLINE && after !== undefined) return { line: '', prefix: true, at };
  let close = at;
  while (close < bytes.length && bytes[close] !== NEWLINE) close++;
  return { line: bytes.toString('utf8', at, close), prefix: true, at };
}

/** Loads into jieba every dictionary word that occurs in the text and is not loaded yet. */
function prepare(dict: Dictionary, text: string): void {
  const lines: string[] = [];
  for (const match of text.matchAll(HAN_RUN)) {
    const run = match[0];
    if (dict.runs.has(run)) continue;
    dict.runs.add(run);
    // A bullet or a title is cut from a sentence prepared before: nothing new to look up. (Not
    // searched past a few hundred thousand characters: a search of all text scanned for every run
    // of a long article would cost its length squared, more than the look-ups it saves.)
    if (dict.scanned.length < 200_000 && dict.scanned.includes(run)) continue;
    dict.scanned += `${run}\n`;
    for (let i = 0; i < run.length; i++) {
      // A longer word with the same start sorts after the shorter one: its search starts there.
      let from = 0;
      for (let j = i + 1; j <= Math.min(run.length, i + MAX_WORD); j++) {
        const word = run.slice(i, j);
        const { line, prefix, at } = lookUp(dict, word, from);
        from = at;
        if (line && !dict.loaded.has(word)) {
          dict.loaded.add(word);
          lines.push(line);
        }
        if (!prefix) break;
      }
    }
  }
  if (lines.length === 0) return;
  // jieba adds a loaded word's frequency to its total: a fresh instance with every word so far and
  // the filler keeps the total exactly the full dictionary's.
  for (const line of lines) dict.frequency += Number(line.split(' ')[1] ?? 0);
  dict.lines.push(...lines);
  dict.jieba = new dict.Jieba();
  dict.jieba.loadDict(Buffer.from(`${dict.lines.join('\n')}\n${FILLER} ${Math.max(1, dict.total - dict.frequency)} x\n`));
}

/** Loads into jieba, at once, the dictionary words of every text that is about to be cut. */
export function prepareChinese(texts: readonly string[]): void {
  prepare(load(), texts.join('\n'));
}

/** Whether jieba has been loaded in this process (for tests of lazy loading). */
export function chineseToolsLoaded(): boolean {
  return dictionary !== null;
}

/**
 * Cuts a text into words with jieba (HMM on for words not in the dictionary) and tags each with
 * its part of speech (jieba's ICTCLAS tags: n noun, v verb, uj 的, p preposition, …). Offsets
 * refer to the text given.
 */
export function segmentChinese(text: string): ChineseWord[] {
  const dict = load();
  prepare(dict, text);
  const out: ChineseWord[] = [];
  let at = 0;
  for (const { word, tag } of dict.jieba.tag(text, true)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ text: word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}
