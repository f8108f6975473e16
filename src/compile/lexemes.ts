/**
 * The English tagger's 87,593 words (wink-eng-lite-web-model's lexemes) as wink-nlp reads them, a
 * list (`list[k]`, `list.length`, `list.push(word)`) and a hash from word to index (`hash[word]`,
 * `hash[word] = k`), without making 87,593 strings and a Map of them at every start: the words stay
 * in one string, separated by NULs, and an open-addressing table of their indexes (FNV-1a of the
 * word, linear probing; scripts/build.mjs writes it beside the words) finds one. Words the tagger
 * adds (those not in the model) are kept apart. Looking up a word costs its hash and one compare.
 */

/** FNV-1a over UTF-16 code units; scripts/build.mjs has the same function for the table it writes. */
export function lexemeHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Where each word starts in the NUL-separated text, and one past the last. */
export function lexemeOffsets(text: string): Uint32Array {
  const starts = [0];
  for (let at = text.indexOf('\u0000'); at >= 0; at = text.indexOf('\u0000', at + 1)) starts.push(at + 1);
  starts.push(text.length + 1);
  return Uint32Array.from(starts);
}

/** The table: a power of two at least twice the words, each slot 0 or a word's index + 1; the last of equal words wins, as in a Map. */
export function lexemeTable(text: string, offsets: Uint32Array): Uint32Array {
  const count = offsets.length - 1;
  let size = 1;
  while (size < count * 2) size *= 2;
  const table = new Uint32Array(size);
  const mask = size - 1;
  for (let k = 0; k < count; k++) {
    const word = text.slice(offsets[k], (offsets[k + 1] as number) - 1);
    let slot = lexemeHash(word) & mask;
    for (;;) {
      const held = table[slot] as number;
      if (held === 0 || text.slice(offsets[held - 1], (offsets[held] as number) - 1) === word) break;
      slot = (slot + 1) & mask;
    }
    table[slot] = k + 1;
  }
  return table;
}

export interface Lexemes {
  list: string[];
  hash: Record<string, number | undefined>;
}

/** The list and hash wink-nlp reads, over the NUL-separated words, their offsets and their table. */
export function lexemes(text: string, offsets: Uint32Array, table: Uint32Array): Lexemes {
  const count = offsets.length - 1;
  const mask = table.length - 1;
  const added: string[] = [];
  const addedIndex = new Map<string, number>();
  const word = (k: number) => text.slice(offsets[k], (offsets[k + 1] as number) - 1);
  // Words looked up so far (-1: not a word of the model): a text's tokens repeat ("the", "of").
  const found = new Map<string, number>();
  const find = (key: string): number | undefined => {
    const own = addedIndex.get(key);
    if (own !== undefined) return own;
    const known = found.get(key);
    if (known !== undefined) return known < 0 ? undefined : known;
    for (let slot = lexemeHash(key) & mask; ; slot = (slot + 1) & mask) {
      const held = table[slot] as number;
      if (held === 0) {
        found.set(key, -1);
        return undefined;
      }
      const start = offsets[held - 1] as number;
      if ((offsets[held] as number) - 1 - start === key.length && text.startsWith(key, start)) {
        found.set(key, held - 1);
        return held - 1;
      }
    }
  };
  // Anything else asked of the list (never, by wink-nlp 2) gets a real array.
  let whole: string[] | null = null;
  const materialise = () => (whole ??= [...text.split('\u0000'), ...added]);
  const list = new Proxy([] as string[], {
    get: (_target, key) => {
      if (whole) return Reflect.get(whole, key);
      if (typeof key === 'string') {
        const c = key.charCodeAt(0);
        if (c >= 48 && c <= 57) {
          const k = Number(key);
          return k < count ? word(k) : added[k - count];
        }
        if (key === 'length') return count + added.length;
        if (key === 'push') {
          return (...values: string[]) => {
            added.push(...values);
            return count + added.length;
          };
        }
      }
      const array = materialise();
      const value = Reflect.get(array, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(array) : value;
    },
    set: (_target, key, value) => Reflect.set(materialise(), key, value),
    has: (_target, key) => Reflect.has(materialise(), key),
  });
  const hash = new Proxy(Object.create(null) as Record<string, number | undefined>, {
    get: (_target, key) => (typeof key === 'string' ? find(key) : undefined),
    set: (_target, key, value: number) => {
      if (typeof key === 'string') addedIndex.set(key, value);
      return true;
    },
    has: (_target, key) => typeof key === 'string' && find(key) !== undefined,
  });
  return { list, hash };
}
