import { createRequire } from 'node:module';

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

function load(): Wink {
  if (wink) return wink;
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
  wink = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  return wink;
}

/** Whether the tagger has been loaded in this process (for tests of lazy loading). */
export function englishToolsLoaded(): boolean {
  return wink !== null;
}

/** Code spans become one placeholder word of the same length, so that nothing cuts inside them. */
function maskCode(text: string): string {
  return text.replace(/`[^`]*`/gu, (span) => 'X'.repeat(span.length));
}

/**
 * Tags a plain-text passage. Offsets refer to the passage; a code span (in backticks) is one
 * token, tagged as a proper noun.
 */
export function tagEnglish(text: string): EnglishToken[] {
  const known = cache.get(text);
  if (known) return known;
  const nlp = load();
  const masked = maskCode(text);
  const doc = nlp.readDoc(masked);
  const values = doc.tokens().out(nlp.its.value);
  const tags = doc.tokens().out(nlp.its.pos);
  const out: EnglishToken[] = [];
  let at = 0;
  values.forEach((value, i) => {
    const start = masked.indexOf(value, at);
    if (start < 0) return;
    const end = start + value.length;
    const code = /^X+$/u.test(value) && text[start] === '`';
    out.push({ text: text.slice(start, end), pos: code ? 'PROPN' : (tags[i] ?? 'X'), start, end });
    at = end;
  });
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(text, out);
  return out;
}
