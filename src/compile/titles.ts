import { displayWidth } from './text-width.js';
import { hasCjk } from './tokens.js';
import { danglingChineseEnd, FUNCTION_TAGS, taggedWords, type Word } from './words.js';

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
  /** A whole short sentence, a clause with a subject and a verb (both claims), a noun phrase, or a short question. */
  kind: 'sentence' | 'clause' | 'phrase' | 'question';
  /** Words in the candidate. */
  words: number;
  /** A clause that concedes before a "but" (not the point), or the one after it (the point). */
  role?: 'concession' | 'contrast';
}

/** The widest a title may be, in display columns: a noun phrase, and a claim (a clause), which may say more. */
export const MAX_TITLE_COLUMNS = 48;
export const MAX_CLAIM_COLUMNS = 64;
const MAX_WORDS = 8;
const MAX_CLAIM_WORDS = 12;
/** Chinese titles: at most this many characters (a phrase, a claim). */
const MAX_CJK_CHARS = 16;
const MAX_CJK_CLAIM_CHARS = 26;

const FIRST_PERSON = /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|我|我们|咱们|笔者)$/iu;
const DEMONSTRATIVE = /^(?:this|that|these|those|it|its|they|them|their|here|there|such|which|who|这|那|这些|那些|这个|那个|它|它们|他|她|他们|其)$/iu;
/** Words that open a clause without being part of its point. */
const CONNECTIVE = /^(?:so|and|but|or|yet|then|also|thus|hence|still|now|well|yes|no|indeed|however|moreover|instead|besides|anyway|rather|namely|因此|所以|但是|但|而且|并且|此外|然而|不过|那么|而|并|且|也|就|则|即)$/iu;
const RELATIVE = /^(?:that|which|who|whom|whose)$/iu;
const REPORTING_VERB = /^(?:说|说道|表示|指出|认为|写道|断言|称|声称|指控|警告|解释|总结道|补充道|强调|宣布|透露|said|says|wrote|writes|argued|argues|noted|notes|added|adds|explained|explains|warned|warns|told|tells|claimed|claims|asserted|asserts)$/iu;
/** Nouns whose "that" clause says what they are ("the reason that …"): cut there, they say nothing. */
const CONTENT_NOUN = /^(?:reasons?|fact|ideas?|claims?|notion|arguments?|beliefs?|hope|assumptions?|sense|evidence|news|point|view|feeling|possibility|suggestion|conclusion|impression|proof|sign|chance|risk|danger|problem)$/iu;
/** Words that open the clause that makes the point after a concession ("Yes, X — but Y"). */
const CONTRAST = /^(?:but|yet|however|still|但|但是|然而|不过|可是)$/iu;
/** Words that open a clause leaning on another, or a comparison without its subject. */
const SUBORDINATE_OPEN = /^(?:even (?:though|if|when|as)|although|though|whereas|while|whether|unless|if|because|since|once|until|unlike|similar to|as well as|so that)\b/iu;
const CLAUSE_PUNCT = /^[;:—–,()（）“”"‘’'，；：。.!?！？…]$/u;

function balanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/[(（]/gu) !== count(/[)）]/gu)) return false;
  if (count(/[“]/gu) !== count(/[”]/gu)) return false;
  if (count(/"/gu) % 2 !== 0 || count(/`/gu) % 2 !== 0) return false;
  return count(/[「『《]/gu) === count(/[」』》]/gu);
}

function fits(text: string, words: number, claim: boolean): boolean {
  if (displayWidth(text) > (claim ? MAX_CLAIM_COLUMNS : MAX_TITLE_COLUMNS) || words > (claim ? MAX_CLAIM_WORDS : MAX_WORDS)) return false;
  // Chinese: characters, a Latin word counting as one ("Docker 计划做大量工作…" reads as its words).
  if (hasCjk(text) && (text.match(/\p{Script=Han}/gu)?.length ?? 0) + (text.match(/[\p{Script=Latin}\p{N}]+/gu)?.length ?? 0) > (claim ? MAX_CJK_CLAIM_CHARS : MAX_CJK_CHARS)) return false;
  return balanced(text);
}

/** "There is nothing tautologically small about unikernels", "There are no processes": a claim whose subject follows its verb. */
function existential(run: readonly Word[]): boolean {
  return /^there$/iu.test(run[0]?.text ?? '') && (run[1]?.pos === 'AUX' || run[1]?.pos === 'VERB') && /^(?:is|are|was|were|will|can|may|must|has|have|had|seems?|remains?)$/iu.test(run[1]?.text ?? '');
}

/**
 * A stop or a colon written inside a word, touching a letter or digit on both sides
 * ("tokenize.py", "example.org"): part of a name, not the end of a clause.
 */
export function insideWord(words: readonly Word[], k: number): boolean {
  const w = words[k];
  const before = words[k - 1];
  const after = words[k + 1];
  if (!w || !before || !after || !/^[.:]$/u.test(w.text)) return false;
  return before.end === w.start && after.start === w.end && /[\p{L}\p{N}]$/u.test(before.text) && /^[\p{L}\p{N}]/u.test(after.text);
}

const isContent = (w: Word) => w.pos !== 'PUNCT' && w.pos !== 'SYM';

/** Whether a run of words may stand as a title: no first person, no reference back in its subject, no function word at either end. */
/** Whether a claim's subject points back ("Any such slop is lost", "These arguments are specious"): it cannot stand alone. */
export function pointsBack(text: string): boolean {
  const run = taggedWords(text);
  const verb = run.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  return !existential(run) && run.slice(0, verb < 0 ? run.length : verb).some((w) => DEMONSTRATIVE.test(w.text));
}

function acceptable(run: readonly Word[]): boolean {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return false;
  // "Any such slop is lost", "This merits a final reemphasis": a subject that points back names no point.
  const verb = run.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const there = existential(run);
  if (!there && run.slice(0, verb < 0 ? run.length : verb).some((w) => DEMONSTRATIVE.test(w.text))) return false;
  if (first.pos === 'NUM' && /^(?:one|ones)$/iu.test(first.text)) return false;
  if (FUNCTION_TAGS.has(last.pos) || last.pos === 'PUNCT' || last.pos === 'SYM') return false;
  // "开源软件的第二个伟大思想是", "多副本应用通过": a Chinese run hanging on its last word.
  if (hasCjk(last.text) && danglingChineseEnd(run)) return false;
  // "一位黑客新闻读者断言", "Cantrill wrote": who says something, not what.
  if (REPORTING_VERB.test(last.text)) return false;
  // Words a tagger may call nouns or adjectives that still want what follows them.
  if (/^(?:like|such|including|via|per|versus|vs|etc|e\.g|i\.e|else|ones?|kind|sort|lot|bit|number|part)$/iu.test(last.text)) return false;
  if (first.pos === 'ADP' || first.pos === 'CCONJ' || first.pos === 'SCONJ' || first.pos === 'PART' || first.pos === 'AUX' || first.pos === 'PUNCT') return false;
  if ((DEMONSTRATIVE.test(first.text) && !there) || CONNECTIVE.test(first.text)) return false;
  return !run.some((w) => FIRST_PERSON.test(w.text));
}

/**
 * Drops connectives and punctuation that open a run ("But,", "So", "Yes,", "因此，"), and a
 * "because" whose clause the author asserts ("because a unikernel runs as a guest operating system").
 */
function trimStart(run: Word[]): Word[] {
  let i = 0;
  while (i < run.length && (CONNECTIVE.test(run[i]?.text ?? '') || /^because$/iu.test(run[i]?.text ?? '') || run[i]?.pos === 'PUNCT' || (run[i]?.pos === 'ADV' && run[i + 1]?.pos === 'PUNCT'))) i++;
  return run.slice(i);
}

function textOf(plain: string, run: readonly Word[]): string {
  const first = run[0];
  const last = run[run.length - 1];
  return first && last ? plain.slice(first.start, last.end) : '';
}

function hasClauseShape(run: readonly Word[]): boolean {
  if (existential(run) && run.length >= 3) return true;
  const verb = run.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  if (verb <= 0) return false;
  return run.slice(0, verb).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN' || ((w.pos === 'PRON' || w.pos === 'NUM') && !DEMONSTRATIVE.test(w.text)));
}

/** Verbs that open a sentence without asking for a step ("Let's …", "Note that …", "Imagine …"). */
const NOT_A_STEP = /^(?:let|lets|note|notice|see|imagine|consider|remember|suppose|say|thank|thanks|please|keep|mind|look|welcome|meet|enjoy|hope|bear)$/iu;

/** Past forms and participles that do not end in "-ed". */
const DONE = /^(?:found|made|took|taken|got|gotten|saw|seen|went|gone|came|built|wrote|written|said|had|did|done|gave|given|kept|left|felt|thought|brought|bought|told|knew|known|became|began|begun|ran|sent|spent|held|stood|lost|met|paid|shown|drawn|grown|chosen|broken|spoken|driven|fallen|won)$/iu;

/**
 * A command of an English how-to: a clause that starts on a verb in its plain form and goes on to
 * what it acts on ("untrack the file", "Create a `.gitignore` file for your repository").
 */
function imperative(run: readonly Word[]): boolean {
  const content = run.filter(isContent);
  const first = content[0];
  if (!first || content.length < 2 || first.pos !== 'VERB' || hasCjk(first.text)) return false;
  // Not a verb that says what something did or does ("Found …", "Yields …", "Given …").
  if (!/^[A-Za-z]+$/u.test(first.text) || /(?:ing|ed|[^su]s)$/iu.test(first.text) || NOT_A_STEP.test(first.text) || DONE.test(first.text)) return false;
  // What it acts on: a noun or a code span after the verb, and no subject of its own after all.
  return content.slice(1).some((w) => w.pos === 'NOUN' || w.pos === 'PROPN') && !content.slice(1, 3).some((w) => w.pos === 'AUX');
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

/**
 * Words that name the page rather than a point, taken whole: "Previous post", "Read more", "Share
 * this", "上一篇" (a sentence may hold them as a link's words: "described in a previous post").
 * Only whole candidates: "copyright law protects the expression of ideas" is a claim.
 */
const PAGE_WORDS = /^(?:(?:the |a |this |that |my |our )?(?:previous|next|last|earlier|later|other|related|older|newer) (?:post|posts|article|articles|entry|entries|page|pages|chapter|story|stories)|read more|continue reading|share this(?: post| article| story)?|leave a (?:comment|reply)|comments?|上一篇|下一篇|上一章|下一章|阅读原文|推荐阅读|相关阅读|相关文章)$/iu;

function pageMachinery(text: string): boolean {
  return PAGE_WORDS.test(text.trim());
}

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
  // A question names what the slide asks, not its point: only a short one is offered, as a question
  // (an introduction may be named by the question the talk answers).
  if (/[?？]\s*$/u.test(plain)) return questionCandidate(plain);
  const words = taggedWords(plain);
  const out: TitleCandidate[] = [];
  const seen = new Set<string>();
  const push = (run: Word[], kind: TitleCandidate['kind'], role?: TitleCandidate['role']): boolean => {
    const trimmed = trimStart(run);
    if (!acceptable(trimmed)) return false;
    // Half a name ("py" of "tokenize.py") is no title.
    if (insideWord(words, words.indexOf(trimmed[0] as Word) - 1) || insideWord(words, words.indexOf(trimmed[trimmed.length - 1] as Word) + 1)) return false;
    const text = textOf(plain, trimmed);
    const count = trimmed.filter(isContent).length;
    if (!text || seen.has(text) || !fits(text, count, kind !== 'phrase')) return false;
    // "Even though no one is reading your code", "Similar to bash and zsh": a clause that leans on another is no claim.
    if (kind !== 'phrase' && SUBORDINATE_OPEN.test(text)) return false;
    if (pageMachinery(text)) return false;
    seen.add(text);
    out.push(role ? { text, kind, words: count, role } : { text, kind, words: count });
    return true;
  };
  /** A claim too long for a title, less its trailing phrase ("you can certainly have lean systems | without resorting to …"). */
  const pushShortened = (run: Word[], role?: TitleCandidate['role']) => {
    const trimmed = trimStart(run);
    // "There is nothing about unikernels | in principle that …" says nothing without what follows.
    if (existential(trimmed)) return;
    for (let k = trimmed.length - 1; k >= 4; k--) {
      const w = trimmed[k] as Word;
      // A relative clause on a noun goes whole ("production debugging | that we never …").
      // Not "the reason | that …", "the fact | that …": that clause is what the noun says.
      const relative = RELATIVE.test(w.text) && ['NOUN', 'PROPN'].includes(trimmed[k - 1]?.pos ?? '') && !CONTENT_NOUN.test(trimmed[k - 1]?.text ?? '');
      if (!relative && !((w.pos === 'ADP' && !/^(?:of|than|like|as|to)$/iu.test(w.text)) || w.pos === 'SCONJ')) continue;
      // Otherwise only a trailing phrase goes ("without resorting to …"), never a clause of its own ("… that leads to …").
      const tail = trimmed.slice(k + 1);
      if (!relative && tail.some((x) => x.pos === 'AUX' || RELATIVE.test(x.text) || (x.pos === 'VERB' && x !== tail[0]))) continue;
      const kept = trimmed.slice(0, k).filter((x, i, all) => !(i === all.length - 1 && x.pos === 'PUNCT'));
      const last = kept[kept.length - 1];
      if (!last || !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(last.pos) || kept.filter(isContent).length < 4 || !hasClauseShape(kept)) continue;
      // Not cut inside a clause the main one leans on ("the most profound reason that unikernels are unfit | for …").
      const verb = kept.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
      if (kept.slice(verb + 1).some((x) => RELATIVE.test(x.text) || x.pos === 'SCONJ')) continue;
      if (fits(textOf(plain, kept), kept.filter(isContent).length, true)) {
        push(kept, 'clause', role);
        return;
      }
    }
  };
  // The whole sentence, and each clause between clause punctuation.
  const content = words.filter(isContent);
  if (content.length <= MAX_CLAIM_WORDS && hasClauseShape(trimStart([...words]))) push(words.filter((w) => !(w === words[words.length - 1] && w.pos === 'PUNCT')), 'sentence');
  // Clauses between clause punctuation; the one before a "but" concedes, the one after it makes the point.
  const clauses: Word[][] = [];
  const afterAside: boolean[] = [];
  let from = 0;
  for (let k = 0; k <= words.length; k++) {
    const w = words[k];
    if (w && !(w.pos === 'PUNCT' && CLAUSE_PUNCT.test(w.text) && !insideWord(words, k))) continue;
    if (k > from) {
      clauses.push(words.slice(from, k));
      afterAside.push(/^[)）”’]$/u.test(words[from - 1]?.text ?? ''));
    }
    from = k + 1;
  }
  clauses.forEach((raw, i) => {
    // What follows a parenthesis or a closing quote goes on with the clause before it ("… “question-and-answer” | periods as well as live broadcasts").
    if (afterAside[i]) return;
    const clause = trimStart(raw);
    // A step a how-to asks for ("From your terminal, | untrack the file") names its slide as the article does.
    // Past the sentence's start a capitalised word is a name ("…, Stack Overflow or Reddit"), not a step.
    if (imperative(clause) && (i === 0 || /^[a-z]/u.test(clause.find(isContent)?.text ?? ''))) {
      push(clause, 'clause');
      return;
    }
    if (clause.length < 2 || !hasClauseShape(clause)) return;
    const contrast = CONTRAST.test(raw[0]?.text ?? '');
    const concession = CONTRAST.test(clauses[i + 1]?.[0]?.text ?? '');
    const role = contrast ? 'contrast' : concession ? 'concession' : undefined;
    if (!push(clause, 'clause', role)) pushShortened(clause, role);
  });
  if (clauses.length > 1 && content.length > MAX_CLAIM_WORDS && hasClauseShape(trimStart([...words]))) pushShortened(words);
  // An opening phrase of place or time is the setting, not the topic: no title from "From your
  // terminal, | untrack the file" ("Terminal") while a clause follows it.
  const opening = clauses.length > 1 && clauses[0]?.[0]?.pos === 'ADP' && clauses[0].length <= 5 ? (clauses[0][clauses[0].length - 1]?.end ?? -1) : -1;
  for (const phrase of nounPhrases(words)) {
    const lead = phrase[0]?.pos === 'DET' ? phrase.slice(1) : phrase;
    if ((lead[lead.length - 1]?.end ?? 0) <= opening) continue;
    // "the container revolution demands a …": a plural "noun" right before an article is the verb, misread.
    const last = lead[lead.length - 1];
    const next = last ? words[words.indexOf(last) + 1] : undefined;
    if (lead.length > 1 && last && /s$/u.test(last.text) && next && /^(?:a|an|the)$/iu.test(next.text)) continue;
    if (negated(words, words.indexOf(lead[0] as Word))) continue;
    push(lead, 'phrase');
  }
  return out;
}

const BE = /^(?:is|are|was|were|be|been|being|'s|'re|’s|’re)$/iu;
const NOT = /^(?:not|n't|n’t|never|no)$/iu;
const ZH_NOT_BE = /^(?:不是|并不是|绝不是|决不是|也不是|并非|绝非|不再是)$/u;
const ZH_NOT = /^(?:不|并不|绝不|决不|也不|从不|从来不)$/u;

/**
 * Whether the word at `at` comes after a denied "is" in its clause: "它绝不是解决所有软件知识产权弊病
 * 的灵丹妙药" names no panacea ("灵丹妙药"), "it is not a panacea" neither. A phrase cut from there
 * would say the opposite of its sentence.
 */
function negated(words: readonly Word[], at: number): boolean {
  let from = at;
  while (from > 0 && !((words[from - 1] as Word).pos === 'PUNCT' && CLAUSE_PUNCT.test((words[from - 1] as Word).text))) from--;
  for (let k = from; k < at; k++) {
    const w = (words[k] as Word).text;
    const next = words[k + 1]?.text ?? '';
    if (ZH_NOT_BE.test(w) || (ZH_NOT.test(w) && next === '是') || (BE.test(w) && NOT.test(next) && k + 1 < at)) return true;
  }
  return false;
}

/**
 * A short question as a title ("What’s the problem with unikernels?"), its opening connective
 * dropped ("So, what’s …"): at most eight words, asking with a question word, not as the writer.
 */
function questionCandidate(plain: string): TitleCandidate[] {
  const words = trimStart(taggedWords(plain));
  const content = words.filter(isContent);
  const first = content[0];
  if (!first || content.length < 3 || content.length > MAX_WORDS) return [];
  if (!/^(?:what|what['’]s|why|how|when|where|which|who|can|could|should|is|are|does|do|什么|为什么|怎么|如何|哪|谁)/iu.test(first.text) && !hasCjk(plain)) return [];
  if (words.some((w) => FIRST_PERSON.test(w.text))) return [];
  const last = words[words.length - 1] as Word;
  const text = plain.slice(first.start, last.end);
  if (!fits(text, content.length, false)) return [];
  return [{ text, kind: 'question', words: content.length }];
}

const NAME_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether a title taken from `source` at [at, end) starts or ends inside a name: at a period
 * between two letters or digits ("30 introduces …" out of "v1.30", "Js Project …" out of
 * "Node.js"), or inside a name the taggers' words hold whole ("2 的经验" out of "Vue 2").
 */
function cutsName(source: string, at: number, end: number, words: readonly Word[]): boolean {
  const dotted = (dot: number) => source[dot] === '.' && NAME_CHAR.test(source[dot - 1] ?? '') && NAME_CHAR.test(source[dot + 1] ?? '');
  if (dotted(at - 1) || dotted(end)) return true;
  return words.some((w) => /[. ]/u.test(w.text) && ((w.start < at && at < w.end) || (w.start < end && end < w.end)));
}

/**
 * What is wrong with a title taken from `source` (its passage): it ends in a function word (or,
 * in Chinese, a word that leaves it hanging: 是, 能够, 通过, 为了 …), cuts a name, a word or a
 * code span, or null when it is whole. Used by the quality report and the tests.
 */
export function titleFault(title: string, source: string): 'function-word' | 'cut-name' | 'cut-word' | 'cut-code' | null {
  let at = source.indexOf(title);
  if (at < 0) at = source.indexOf(title.charAt(0).toLowerCase() + title.slice(1));
  if ((title.match(/`/gu)?.length ?? 0) % 2 !== 0) return 'cut-code';
  if (at >= 0) {
    const before = source.slice(0, at);
    if ((before.match(/`/gu)?.length ?? 0) % 2 !== 0) return 'cut-code';
    const words = taggedWords(source);
    const end = at + title.length;
    if (cutsName(source, at, end, words)) return 'cut-name';
    const cuts = (offset: number) => words.some((w) => w.start < offset && offset < w.end && w.pos !== 'PUNCT');
    if (cuts(at) || cuts(end)) return 'cut-word';
    // The whole sentence is no fragment, however it ends ("输出类似于这样：" above the output it introduces).
    if (at === 0 && /^[\s:：.。!！;；,，]*$/u.test(source.slice(end))) return null;
    // An adjective waiting for its noun past a list: "introduces new stable" out of "introduces new
    // stable, beta, and alpha features".
    // (After a verb or an article the adjective is a noun's; after "is" it may be the claim itself.)
    const lastIn = words.filter((w) => w.end <= end && w.pos !== 'PUNCT');
    const tail = lastIn[lastIn.length - 1];
    const head = [...lastIn.slice(0, -1)].reverse().find((w) => w.pos !== 'ADJ' && w.pos !== 'ADV');
    if (tail && tail.end === end && tail.pos === 'ADJ' && head && (head.pos === 'VERB' || head.pos === 'DET') && /^\s*,/u.test(source.slice(end))) return 'cut-word';
    // A Chinese place phrase cut before its closing word and the verb after it: "该纪录片据信可能在英国议会"
    // out of "…在英国议会上展示过". The preposition has no verb after it in the title, and the
    // sentence goes on with a word of place or time (上, 中, 里, 时, …).
    if (hasCjk(title)) {
      const inTitle = words.filter((w) => w.start >= at && w.end <= end);
      if (LOCATIVE_ZH.test(source.slice(end))) {
        const preposition = inTitle.map((w) => w.pos === 'ADP' && PREPOSITION_ZH.test(w.text)).lastIndexOf(true);
        if (preposition >= 0 && !inTitle.slice(preposition + 1).some((w) => w.pos === 'VERB')) return 'cut-word';
      }
      // A noun phrase that a preposition before it governs ("不同的选项块间" out of "…在不同的选项块间来回滚动切换",
      // "逻辑关注点标" out of "为相同的逻辑关注点标上一种颜色"): the adverbial's object, not the slide's point.
      if (!inTitle.some((w) => w.pos === 'VERB')) {
        for (let k = words.findIndex((w) => w.end > at) - 1; k >= 0; k--) {
          const w = words[k] as Word;
          if (w.pos === 'PUNCT' || w.pos === 'VERB') break;
          if (w.pos === 'ADP' && PREPOSITION_ZH.test(w.text)) return 'cut-word';
        }
      }
    }
  }
  // A Chinese condition or concession alone ("这样如果观众拥有一台微型计算机", "虽然…"): its main clause is elsewhere.
  if (SUBORDINATE_ZH.test(title) && !/[，,]/u.test(title)) return 'function-word';
  const words = taggedWords(title).filter(isContent);
  const last = words[words.length - 1];
  if (last && FUNCTION_TAGS.has(last.pos)) return 'function-word';
  if (hasCjk(title) && danglingChineseEnd(words)) return 'function-word';
  return null;
}

/** The words that close a Chinese phrase of place or time ("在 … 上", "在 … 时"). */
const LOCATIVE_ZH = /^(?:上|中|下|里|内|外|前|后|时|之间|之中|之上|之下|之后|之前|期间|以来)/u;
/** Chinese prepositions of place, direction, purpose and means: what follows them up to a verb is an adverbial ("在 … 上", "为了 …"). Not 由, 被, 把: their object is who acts or what is acted on. */
const PREPOSITION_ZH = /^(?:在|于|从|到|向|对|往|自|为|为了|给|跟|以|用|通过|按照|根据|关于|对于)$/u;
/** A Chinese clause of condition, concession or cause, from its start (after a connective). */
const SUBORDINATE_ZH = /^(?:这样|因此|所以|而且|并且|但是|但|那么|然而)?\s*(?:如果|假如|假设|要是|倘若|若是|虽然|尽管|即使|即便|因为|由于|只要|只有|除非|一旦)/u;

/** A title with nothing to read: empty, or only punctuation and brackets ("{}", left by a template tag). */
export function emptyTitle(title: string): boolean {
  return !/[\p{L}\p{N}]/u.test(title);
}

/**
 * What a title says: a claim (a clause with a subject and a verb: "Hypervisor vulnerabilities
 * emphatically exist", "There are no processes in unikernels"), a question, or a noun phrase that
 * only names a topic ("Memory sizing"). The quality report counts the noun phrases.
 */
export function titleShape(title: string): 'claim' | 'question' | 'phrase' {
  if (/[?？]\s*$/u.test(title)) return 'question';
  const words = trimStart(taggedWords(title));
  // A step ("Create a Deployment based on the YAML file") is a clause too: it says what to do.
  return hasClauseShape(words) || imperative(words) ? 'claim' : 'phrase';
}
