import { resolveSentinels, SENTINEL } from './inline.js';
import { displayWidth } from './text-width.js';
import { contentWords } from './tokens.js';

/**
 * Condensing a sentence into a bullet only ever deletes spans of it (asides, parentheticals,
 * opening connectives, the final period) or keeps one run of its clauses; the only change that is
 * not a deletion is capitalising the first letter. Input is stripped text (see `stripMarkup`).
 */

const OPEN_TO_CLOSE: Record<string, string> = { '(': ')', '（': '）', '[': ']' };

/** Deletes balanced parenthetical asides "(…)", "（…）" and leftover "[…]". */
function dropParentheticals(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const close = OPEN_TO_CLOSE[c];
    if (close) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === c) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      if (j < text.length) {
        out = out.replace(/[ \t]+$/u, '') + SENTINEL;
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Deletes asides set off by a pair of dashes: "a thorny problem — secret management — and …". */
function dropDashAsides(text: string): string {
  return text.replace(/\s*(——|—|–|--)\s*([^—–]{1,200}?)\s*\1\s*/gu, (match, _dash: string, inner: string) =>
    inner.length < text.length * 0.6 ? SENTINEL : match,
  );
}

const OPENERS_EN =
  /^(?:so|and|but|yes|now|also|well|still|then|thus|hence|indeed|however|moreover|furthermore|besides|anyway|of course|in fact|that is|in a word|in short|in sum|to the contrary|on the contrary|all of this said|as such|speaking personally|after all|by contrast|in other words)\b[ \t]*,?[ \t]*/iu;
const OPENERS_ZH = /^(?:因此|所以|但是|但|而且|并且|此外|然而|不过|那么|总之|其实|无论如何|尽管如此)[，,、]?/u;

/** Deletes connectives that open a sentence ("So,", "And yes,", "因此，"), while something substantial is left. */
function dropOpeners(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    const trimmed = current.replace(/^[\s\u0000]+/u, '');
    const match = OPENERS_EN.exec(trimmed) ?? OPENERS_ZH.exec(trimmed);
    if (!match || match[0].length === 0) break;
    const rest = trimmed.slice(match[0].length);
    if (contentWords(rest).length < 3) break;
    current = rest;
  }
  return current;
}

function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toUpperCase().length === char.length ? char.toUpperCase() + text.slice(char.length) : text;
}

/** Tidies what deletions left: sentinels, spaces before punctuation, doubled or dangling punctuation. */
function tidy(text: string): string {
  const resolved = resolveSentinels(text)
    .replace(/\s+([,.;:!?，。；：！？、)）])/gu, '$1')
    .replace(/([,;:，；：、])(?:\s*[,;:，；：、])+/gu, '$1')
    .replace(/^[\s,;:，；：、.—–-]+/u, '')
    .replace(/[\s,;:，；：、—–-]+$/u, '');
  // A single final period goes; "…", "?" and "!" stay.
  const bare = /[^.]\.$/u.test(resolved) || resolved.endsWith('。') ? resolved.slice(0, -1) : resolved;
  return capitalise(bare.trim());
}

/** A bullet made from a sentence: its text, and whether only some of its clauses were kept. */
export interface BulletText {
  text: string;
  partial: boolean;
  /** How well the text stands alone: 1 for a whole sentence, less for clauses cut loose. */
  weight: number;
}

/** Whether a bullet says enough to stand alone: `minWords` words of substance (three by default), six letters. */
export function substantial(text: string, minWords = 3): boolean {
  const words = contentWords(text);
  return words.length >= minWords && words.join('').length >= 6;
}

/** Clauses of a long sentence considered as bullet starts. */
const MAX_PIECES = 12;

/** Clause boundaries a long sentence may be cut at: after ; and :, around dashes, before ", but" and the like. */
const CLAUSE_CUT = /(?<=[;:；：，])\s*|\s+[—–]\s+|——|(?<=,)\s+(?=(?:but|and|or|so|because|while|whereas|although|though|yet|which|instead)\b)/gu;

/**
 * Condenses a sentence (stripped text) into bullet texts no wider than `maxColumns`: the whole
 * sentence with asides deleted if it fits, else each run of consecutive clauses that fits and
 * says enough (`minWords` words of substance). Returns [] when nothing fits.
 */
export function condenseSentence(stripped: string, maxColumns: number, minWords = 3): BulletText[] {
  let text = stripped.trim();
  // A sentence that is itself one parenthetical aside keeps its content.
  if (/^[(（]/u.test(text) && /[)）][.。!?]?$/u.test(text)) {
    text = SENTINEL + text.replace(/^[(（]/u, '').replace(/[)）]([.。!?]?)$/u, '$1');
  }
  const condensed = dropOpeners(dropDashAsides(dropParentheticals(text)));
  const whole = tidy(condensed);
  if (!substantial(whole, minWords)) return [];
  if (displayWidth(whole) <= maxColumns) return [{ text: whole, partial: false, weight: 1 }];

  // Each piece remembers how cleanly it begins: at the sentence's start, after a colon, semicolon
  // or dash, or only after a comma and a conjunction.
  const pieces: { start: number; end: number; opens: number }[] = [];
  let from = 0;
  let opens = 1;
  for (const match of condensed.matchAll(CLAUSE_CUT)) {
    const at = match.index ?? 0;
    if (at > from) pieces.push({ start: from, end: at, opens });
    from = at + match[0].length;
    opens = /[;:；：—–]/u.test(condensed.slice(Math.max(0, at - 1), from)) ? 0.9 : 0.75;
  }
  if (from < condensed.length) pieces.push({ start: from, end: condensed.length, opens });
  const out: BulletText[] = [];
  const seen = new Set<string>();
  // Runs of clauses from each start, as long as they fit (a few pieces at most: long sentences
  // are cut into many, and every run is tidied and weighed).
  for (let i = 0; i < Math.min(pieces.length, MAX_PIECES); i++) {
    for (let j = i; j < Math.min(pieces.length, i + 4); j++) {
      const start = pieces[i]?.start ?? 0;
      const end = pieces[j]?.end ?? 0;
      if (end - start > maxColumns * 1.2 + 20 || displayWidth(condensed.slice(start, end)) > maxColumns + 10) break;
      const piece = tidy(dropOpeners(condensed.slice(start, end)));
      // A clause cut loose must say a little more than a whole sentence to stand alone.
      if (displayWidth(piece) > maxColumns || !substantial(piece, minWords + 1) || seen.has(piece)) continue;
      seen.add(piece);
      out.push({ text: piece, partial: true, weight: (pieces[i]?.opens ?? 0.75) * (j === pieces.length - 1 ? 1 : 0.95) });
    }
  }
  return out;
}
