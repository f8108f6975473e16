import { displayWidth } from './text-width.js';
import { hasCjk } from './tokens.js';
import { FUNCTION_TAGS, taggedWords, type Word } from './words.js';

/**
 * Slide titles from a slide's leading passage: the sentence itself when it is short, a clause
 * with a subject and a verb ("Hypervisor vulnerabilities emphatically exist"), or a noun phrase
 * from part-of-speech tags ("Inexorable performance tax", "硬件接口责任"). Every candidate is a
 * verbatim run of whole words of the passage: none cuts a word or a code span, none ends in a
 * function word.
 */

/** A candidate slide title found in a passage, verbatim. */
export interface TitleCandidate {
  text: string;
  kind: 'sentence' | 'clause' | 'phrase';
  /** Words in the candidate. */
  words: number;
}

/** The widest a title may be, in display columns. */
export const MAX_TITLE_COLUMNS = 48;
const MAX_WORDS = 8;
/** Chinese titles: at most this many characters. */
const MAX_CJK_CHARS = 16;

const FIRST_PERSON = /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|我|我们|咱们|笔者)$/iu;
const DEMONSTRATIVE = /^(?:this|that|these|those|it|its|they|them|their|here|there|such|which|who|这|那|这些|那些|这个|那个|它|它们|他|她|他们|其)$/iu;
/** Words that open a clause without being part of its point. */
const CONNECTIVE = /^(?:so|and|but|or|yet|then|also|thus|hence|still|now|well|yes|no|indeed|however|moreover|instead|besides|anyway|rather|namely|因此|所以|但是|但|而且|并且|此外|然而|不过|那么|而|并|且|也|就|则|即)$/iu;
const CLAUSE_PUNCT = /^[;:—–,()（）“”"‘’'，；：。.!?！？…]$/u;

function balanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/[(（]/gu) !== count(/[)）]/gu)) return false;
  if (count(/[“]/gu) !== count(/[”]/gu)) return false;
  if (count(/"/gu) % 2 !== 0 || count(/`/gu) % 2 !== 0) return false;
  return count(/[「『《]/gu) === count(/[」』》]/gu);
}

function fits(text: string, words: number): boolean {
  if (displayWidth(text) > MAX_TITLE_COLUMNS || words > MAX_WORDS) return false;
  if (hasCjk(text) && [...text].length > MAX_CJK_CHARS) return false;
  return balanced(text);
}

const isContent = (w: Word) => w.pos !== 'PUNCT' && w.pos !== 'SYM';

/** Whether a run of words may stand as a title: no first person, no reference back in its subject, no function word at either end. */
function acceptable(run: readonly Word[]): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return false;
  // "Any such slop is lost", "This merits a final reemphasis": a subject that points back names no point.
  const verb = run.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  if (run.slice(0, verb < 0 ? run.length : verb).some((w) => DEMONSTRATIVE.test(w.text))) return false;
  if (first.pos === 'NUM' && /^(?:one|ones)$/iu.test(first.text)) return false;
  if (FUNCTION_TAGS.has(last.pos) || last.pos === 'PUNCT' || last.pos === 'SYM') return false;
  // Words a tagger may call nouns or adjectives that still want what follows them.
  if (/^(?:like|such|including|via|per|versus|vs|etc|e\.g|i\.e|else|ones?|kind|sort|lot|bit|number|part)$/iu.test(last.text)) return false;
  if (first.pos === 'ADP' || first.pos === 'CCONJ' || first.pos === 'SCONJ' || first.pos === 'PART' || first.pos === 'AUX' || first.pos === 'PUNCT') return false;
  if (DEMONSTRATIVE.test(first.text) || CONNECTIVE.test(first.text)) return false;
  return !run.some((w) => FIRST_PERSON.test(w.text));
}

/** Drops connectives and punctuation that open a run ("But,", "So", "Yes,", "因此，"). */
function trimStart(run: Word[]): Word[] {
  let i = 0;
  while (i < run.length && (CONNECTIVE.test(run[i]?.text ?? '') || run[i]?.pos === 'PUNCT' || (run[i]?.pos === 'ADV' && run[i + 1]?.pos === 'PUNCT'))) i++;
  return run.slice(i);
}

function textOf(plain: string, run: readonly Word[]): string {
  const first = run[0];
  const last = run[run.length - 1];
  return first && last ? plain.slice(first.start, last.end) : '';
}

function hasClauseShape(run: readonly Word[]): boolean {
  const verb = run.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  if (verb <= 0) return false;
  return run.slice(0, verb).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || ((w.pos === 'PRON' || w.pos === 'NUM') && !DEMONSTRATIVE.test(w.text)));
}

/** Noun phrases: adjectives, nouns and numbers ending in a noun, with "of" or 的 between nouns. */
function nounPhrases(words: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  const nominal = (w: Word | undefined) => w !== undefined && (w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ' || w.pos === 'NUM');
  for (let i = 0; i < words.length; i++) {
    if (!nominal(words[i])) continue;
    if (i > 0 && nominal(words[i - 1])) continue;
    let j = i;
    for (;;) {
      if (nominal(words[j + 1])) j++;
      else if ((words[j + 1]?.text.toLowerCase() === 'of' || words[j + 1]?.text === '的') && nominal(words[j + 2])) j += 2;
      else break;
    }
    const run = words.slice(i, j + 1);
    // Every sub-run that ends on a noun: "performance tax" inside "inexorable performance tax".
    for (let a = 0; a < run.length; a++) {
      for (let b = run.length - 1; b >= a; b--) {
        const sub = run.slice(a, b + 1);
        const last = sub[sub.length - 1];
        if (!last || (last.pos !== 'NOUN' && last.pos !== 'PROPN')) continue;
        if (sub[0]?.text.toLowerCase() === 'of' || sub[0]?.text === '的') continue;
        if (sub.length > 5) continue;
        out.push(sub);
      }
    }
  }
  return out;
}

/**
 * Title candidates of a plain passage (a sentence): the passage itself when short, its clauses
 * with a subject and a verb, and its noun phrases.
 */
const candidateCache = new Map<string, TitleCandidate[]>();

export function titleCandidates(plain: string): TitleCandidate[] {
  let known = candidateCache.get(plain);
  if (!known) {
    if (candidateCache.size > 5000) candidateCache.clear();
    known = candidatesUncached(plain);
    candidateCache.set(plain, known);
  }
  return known;
}

function candidatesUncached(plain: string): TitleCandidate[] {
  // A question names what the slide asks, not its point.
  if (/[?？]\s*$/u.test(plain)) return [];
  const words = taggedWords(plain);
  const out: TitleCandidate[] = [];
  const seen = new Set<string>();
  const push = (run: Word[], kind: TitleCandidate['kind']) => {
    const trimmed = trimStart(run);
    if (!acceptable(trimmed)) return;
    const text = textOf(plain, trimmed);
    const count = trimmed.filter(isContent).length;
    if (!text || seen.has(text) || !fits(text, count)) return;
    seen.add(text);
    out.push({ text, kind, words: count });
  };
  // The whole sentence, and each clause between clause punctuation.
  const content = words.filter(isContent);
  if (content.length <= MAX_WORDS && hasClauseShape(trimStart([...words]))) push(words.filter((w) => !(w === words[words.length - 1] && w.pos === 'PUNCT')), 'sentence');
  let from = 0;
  for (let k = 0; k <= words.length; k++) {
    const w = words[k];
    if (w && !(w.pos === 'PUNCT' && CLAUSE_PUNCT.test(w.text))) continue;
    const clause = trimStart(words.slice(from, k));
    if (clause.length >= 2 && hasClauseShape(clause)) push(clause, 'clause');
    from = k + 1;
  }
  for (const phrase of nounPhrases(words)) {
    const lead = phrase[0]?.pos === 'DET' ? phrase.slice(1) : phrase;
    push(lead, 'phrase');
  }
  return out;
}

/**
 * What is wrong with a title taken from `source` (its passage): it ends in a function word, cuts
 * a word or a code span, or null when it is whole. Used by the quality report and the tests.
 */
export function titleFault(title: string, source: string): 'function-word' | 'cut-word' | 'cut-code' | null {
  let at = source.indexOf(title);
  if (at < 0) at = source.indexOf(title.charAt(0).toLowerCase() + title.slice(1));
  if ((title.match(/`/gu)?.length ?? 0) % 2 !== 0) return 'cut-code';
  if (at >= 0) {
    const before = source.slice(0, at);
    if ((before.match(/`/gu)?.length ?? 0) % 2 !== 0) return 'cut-code';
    const words = taggedWords(source);
    const end = at + title.length;
    const cuts = (offset: number) => words.some((w) => w.start < offset && offset < w.end && w.pos !== 'PUNCT');
    if (cuts(at) || cuts(end)) return 'cut-word';
  }
  const words = taggedWords(title).filter(isContent);
  const last = words[words.length - 1];
  if (last && FUNCTION_TAGS.has(last.pos)) return 'function-word';
  return null;
}
