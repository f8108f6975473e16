import { resolveSentinels, SENTINEL } from './inline.js';
import { displayWidth } from './text-width.js';
import { contentWords, hasCjk } from './tokens.js';
import { danglingChineseEnd, FUNCTION_TAGS, taggedWords, type Word } from './words.js';

/**
 * Condensing a sentence into a bullet only ever deletes spans of it (asides, parentheticals,
 * opening connectives, the final period) or keeps one run of its clauses; the only change that is
 * not a deletion is capitalising the first letter. Input is stripped text (see `stripMarkup`).
 */

const OPEN_TO_CLOSE: Record<string, string> = { '(': ')', '（': '）', '[': ']' };

/**
 * The text with the inside of each code span masked (same length, offsets hold): a parenthesis or
 * a dash in code (`source <(fzf --zsh)`, `--walker`) is code, never an aside to delete.
 */
function maskCode(text: string): string {
  return text.includes('`') ? text.replace(/`[^`]*`/gu, (span) => `\`${'x'.repeat(span.length - 2)}\``) : text;
}

/** Deletes balanced parenthetical asides "(…)", "（…）" and leftover "[…]" (outside code spans). */
function dropParentheticals(text: string): string {
  const masked = maskCode(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = masked[i] ?? '';
    const close = OPEN_TO_CLOSE[c];
    if (close) {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (masked[j] === c) depth++;
        else if (masked[j] === close && --depth === 0) break;
      }
      if (j < text.length) {
        out = out.replace(/[ \t]+$/u, '') + SENTINEL;
        i = j + 1;
        continue;
      }
    }
    out += text[i] ?? '';
    i++;
  }
  return out;
}

const DASH_ASIDE = /\s*(——|—|–|--)\s*([^—–]{1,200}?)\s*\1\s*/gu;

/** Deletes asides set off by a pair of dashes: "a thorny problem — secret management — and …" (outside code spans). */
function dropDashAsides(text: string): string {
  const masked = maskCode(text);
  let out = '';
  let from = 0;
  for (const m of masked.matchAll(DASH_ASIDE)) {
    const at = m.index ?? 0;
    if ((m[2] ?? '').length >= text.length * 0.6) continue;
    out += text.slice(from, at) + SENTINEL;
    from = at + m[0].length;
  }
  return out + text.slice(from);
}

const OPENERS_EN =
  /^(?:so|and|but|yes|now|also|well|still|then|thus|hence|indeed|however|moreover|furthermore|besides|anyway|again|of course|in fact|that is|in a word|in short|in sum|in summary|in conclusion|to sum up|ultimately|to the contrary|on the contrary|all of this said|as such|speaking personally|after all|by contrast|in other words|in the fullness of time|in the end|at the end of the day)\b[ \t]*,?[ \t]*/iu;
const OPENERS_ZH = /^(?:因此|所以|但是|但|而且|并且|此外|然而|不过|那么|总之|总而言之|其实|无论如何|尽管如此|事实上|实际上|当然|另外|同时)[，,、]?/u;
/** First-person framing that can go without losing the claim: "I think that", "Speaking personally,", "As I have argued in the past," ("I find X to be Y" is no frame: without it, "X to be Y" says nothing). */
const FRAMES_EN =
  /^(?:(?:speaking personally|personally|in my (?:opinion|view|experience)|to me|frankly|honestly|as (?:i|we) (?:have |had )?(?:said|noted|written|wrote|argued|expanded on|mentioned|discussed|explained|shown|intimated|suggested|pointed out|put it|tweeted)(?: [^,]{0,40})?)\s*,\s*|(?:i|we) (?:think|believe|suspect|would argue|'d argue|feel|would say|'d say|guess|reckon)(?: that)?\s+|(?:i|we) find that\s+)/iu;
/** A press release's frame: "The Node.js Foundation is pleased to announce that …". Tried after ANNOUNCEMENT_HINT (see QUOTE_HINT). */
const ANNOUNCEMENT_EN = /^(?:[\p{L}\p{N} .-]{1,50}? (?:is|are|am) (?:very |so )?(?:happy|pleased|excited|proud|thrilled|glad) to (?:announce|share|introduce|present)(?: that)?)\s+/iu;
const ANNOUNCEMENT_HINT = / (?:is|are|am) (?:very |so )?(?:happy|pleased|excited|proud|thrilled|glad) to /iu;
/** Reporting frames in news: "坎特里尔警告说，", "他继续说道。", "Cantrill 写道，". */
const FRAME_ZH_START = /^[^，。：:“”"]{1,16}?(?:说|表示|指出|认为|写道|解释说|警告说|警告称|总结道|补充说|强调)[，,：:]\s*/u;
const FRAME_ZH_END = /[，,]?\s*([”"])?\s*[^，。“”"]{0,10}(?:说|表示|指出|认为|写道|说道|总结道|继续说道|补充说|他认为)[。.]?$/u;

/**
 * A Chinese connective that opens the text as a word of its own: "同时，" and "同时他" open with
 * 同时 (meanwhile), "同时期的杂志" with 同 and 时期 (of the same period), which is no opener.
 */
function chineseOpener(text: string): RegExpExecArray | null {
  const match = OPENERS_ZH.exec(text);
  if (!match) return null;
  const end = match[0].length;
  return taggedWords(text).some((w) => w.start < end && end < w.end) ? null : match;
}

/** Deletes connectives and first-person frames that open a sentence ("So,", "And yes,", "I think that", "因此，"), while something substantial is left. */
export function dropOpeners(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const trimmed = current.replace(/^[\s\u0000]+/u, '');
    const match = OPENERS_EN.exec(trimmed) ?? (ANNOUNCEMENT_HINT.test(trimmed) ? ANNOUNCEMENT_EN.exec(trimmed) : null) ?? FRAMES_EN.exec(trimmed) ?? chineseOpener(trimmed) ?? FRAME_ZH_START.exec(trimmed);
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
/** Applies `edit` to the text outside code spans, which stay byte for byte (`File::open` keeps its two colons). */
function outsideCode(text: string, edit: (part: string) => string): string {
  if (!text.includes('`')) return edit(text);
  return text
    .split(/(`[^`]*`)/u)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

function tidy(text: string): string {
  const resolved = outsideCode(resolveSentinels(text), (part) =>
    part.replace(/\s+([,.;:!?，。；：！？、)）])/gu, '$1').replace(/([,;:，；：、])(?:\s*[,;:，；：、])+/gu, '$1'),
  )
    .replace(/^[\s,;:，；：、.—–-]+/u, '')
    .replace(/[\s,;:，；：、—–-]+$/u, '');
  // A single final period goes; "…", "?" and "!" stay.
  let bare = (/[^.]\.$/u.test(resolved) || resolved.endsWith('。') ? resolved.slice(0, -1) : resolved).trim();
  // A quotation mark whose partner was cut away goes too.
  const opens = (bare.match(/“/gu) ?? []).length;
  const closes = (bare.match(/”/gu) ?? []).length;
  if (opens > closes && bare.startsWith('“')) bare = bare.slice(1);
  else if (closes > opens && bare.endsWith('”')) bare = bare.slice(0, -1);
  else if (closes > opens && /”[。.!?！？]?$/u.test(bare)) bare = bare.replace(/”([。.!?！？]?)$/u, '$1');
  if (opens > closes && !bare.includes('“')) return capitalise(bare);
  return capitalise(bare.trim());
}

/** A bullet made from a sentence: its text, and whether only some of its clauses were kept. */
export interface BulletText {
  text: string;
  partial: boolean;
  /** How well the text stands alone and reads at a glance: 1 for a short whole sentence, less for clauses cut loose. */
  weight: number;
}

/** Whether a bullet says enough to stand alone: `minWords` words of substance (three by default), six letters. */
export function substantial(text: string, minWords = 3): boolean {
  const words = contentWords(text);
  return words.length >= minWords && words.join('').length >= 6;
}

/** How long a bullet reads: words for English, characters (spaces left out) for Chinese. */
export function bulletLength(text: string): number {
  if (hasCjk(text)) return text.replace(/\s+/gu, '').length;
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Lengths a bullet aims for and may not pass: 12 and 20 words; 30 and 40 Chinese characters. */
export const BULLET_LENGTH = { en: { ideal: 12, max: 20 }, zh: { ideal: 30, max: 40 } } as const;

function limitsOf(text: string): { ideal: number; max: number } {
  return hasCjk(text) ? BULLET_LENGTH.zh : BULLET_LENGTH.en;
}

/**
 * Words that point at something the reader is supposed to see (a table, code, a figure): a bullet
 * that says them needs that thing on its slide.
 */
const DANGLING_EN =
  /\b(?:here(?:'s| is| are)?|below|above|following|as follows|like (?:this|so|that)|something like|shown|this (?:table|figure|image|diagram|chart|screenshot|code|example|snippet|listing|command|output|video|graph|picture)|the (?:table|figure|image|diagram|chart|screenshot|code|example|snippet|listing|output|graph) (?:below|above)|(?:table|figure|listing|fig\.) \d+)\b/iu;
const DANGLING_ZH = /如下|下表|下图|上图|上表|以下|下面|如图|下列|下述|上述|这张图|这个表|示例如下|输出如下|所示/u;

/**
 * A sentence that only sends the reader elsewhere: "For more information, see github/gitignore",
 * "See Outputting text to the console … for further details", "详见…", "…を参照してください".
 * Documentation is full of them; on a slide they point at a page the audience cannot open.
 */
const CROSS_REFERENCE_EN = new RegExp(
  [
    // "For more information, see …", "For more information on this feature also read …"
    String.raw`^for (?:more|further|additional|full|complete) (?:information|details|info|examples)\b[^,;]{0,80}?(?:[,;]\s*(?:please\s+)?|\s+also\s+)(?:see|refer to|read|visit|check(?: out)?|consult)\b`,
    // "See X for further details", "…, see the gitignore manual for more information"
    String.raw`(?:^|[,;]\s*)(?:please\s+)?(?:see(?: also)?|refer to|consult)\s+[^.;]{1,160}?\bfor (?:more|further|additional|full|complete|a)?\s*(?:information|details|info|examples|description|explanation)\b`,
    // "See README-VIM.md", "See PEP 258", "See \x60man gitignore\x60", "refer to the gitignore manual"
    String.raw`(?:^|[,;]\s*)(?:please\s+)?(?:see(?: also)?|refer to|consult)\s+(?:\S+\.(?:md|txt|rst|html?)\b|(?:PEP|RFC|chapter|section|appendix|figure|table)\s+\d|\x60|(?:the|our|this|its)\s+(?:[\w.-]+\s+){0,4}(?:docs|documentation|guide|manual|reference|section|chapter|page|article|post|readme|faq|tutorial|wiki|spec(?:ification)?)\b)`,
  ].join('|'),
  'iu',
);
/** "See Outputting Text", "See Docker Docs.": a capitalised title after "see" (the case matters here). */
const CROSS_REFERENCE_TITLE = /(?:^|[,;]\s*)(?:[Pp]lease\s+)?(?:[Ss]ee(?: also)?|[Rr]efer to|[Cc]onsult)\s+\p{Lu}[\w.-]*(?:\s+(?:\p{Lu}[\w.-]*|of|the|and|for|to|in|on|a))*\s*(?:[.,;)]|$)/u;
const CROSS_REFERENCE_CJK = /^(?:详见|详情见|请参阅|请参见|参阅|参见|更多(?:信息|详情|细节|内容)[，,]?(?:请)?(?:参阅|参见|查看|见|阅读))|(?:を参照してください|をご覧ください|を参照)[。.]?$/u;

/** Whether a bullet only points at another page ("For more information, see …", "详见…"). */
export function crossReference(text: string): boolean {
  return (CROSS_REFERENCE_HINT.test(text) && (CROSS_REFERENCE_EN.test(text) || CROSS_REFERENCE_TITLE.test(text))) || CROSS_REFERENCE_CJK.test(text);
}

/** What every English pointer holds, looked for first (see QUOTE_HINT: the pointers' expressions are slow to compile). */
const CROSS_REFERENCE_HINT = /^for (?:more|further|additional|full|complete) |\b(?:see|refer to|consult)\b/iu;

/**
 * Whether a bullet refers to a table, code or figure that it does not show ("the table below",
 * "like this:", "如下"), or only points at another page (`crossReference`).
 */
export function danglingReference(text: string): boolean {
  return DANGLING_EN.test(text) || DANGLING_ZH.test(text) || /[:：]\s*$/u.test(text) || crossReference(text);
}

/** A first-person aside that is not a claim about the subject: "I am personally a huge fan of …". */
function firstPersonAside(text: string): boolean {
  // "We" is often the tutorial's voice ("we need a second arm"); "I" is the writer stepping in.
  return /^(?:\(?\s*)(?:i|i'm|i’m|i've|i’ve|my)\b/iu.test(text) || /^(?:我(?!们)|笔者)(?:个人|本人)?/u.test(text);
}

/**
 * Whether a bullet reads as text: mostly letters (not code or a command line that escaped its
 * fence), and every quote, bracket and backtick closed.
 */
function readable(text: string): boolean {
  const visible = text.replace(/\s+/gu, '');
  const letters = visible.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (visible.length === 0 || letters / visible.length < 0.75) return false;
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/`/gu) % 2 !== 0 || count(/"/gu) % 2 !== 0) return false;
  if (count(/[(（[]/gu) !== count(/[)）\]]/gu) || count(/“/gu) !== count(/”/gu)) return false;
  // An apostrophe is fine; a single quote opened and not closed is not.
  return count(/(?:^|[\s(])'/gu) <= count(/'(?:$|[\s).,;:!?])/gu);
}

interface Piece {
  start: number;
  end: number;
  /** How the piece begins: at the sentence's start, after a colon, semicolon or dash, after "but", or after a plain comma. */
  after: 'start' | 'strong' | 'contrast' | 'comma';
  /** It has a subject and a finite verb: a clause that can stand alone. */
  clause: boolean;
  /** It has a verb at all. */
  verb: boolean;
  /** It opens with a subordinating word ("because", "which", "如果"): it leans on another clause. */
  subordinate: boolean;
  /** It opens with a connective ("and", "but", "so"): a new clause may start here. */
  connective: boolean;
  /** It opens with a pronoun that points back ("they", "it", "this"). */
  anaphoric: boolean;
  /** A noun phrase without a verb: an item of a list ("a module, | class, | or …"), not an adverbial. */
  listItem?: boolean;
  /** Its first word (after a connective) is a verb: "and combine them into a key". */
  verbFirst?: boolean;
}

const SUBORDINATORS = /^(?:because|although|though|while|whereas|if|unless|since|when|whenever|which|who|whom|whose|where|as|lest|until|after|before|once|because|因为|虽然|尽管|如果|即使|由于|当|假如|只要)$/iu;
const CONTRAST = /^(?:but|yet|however|instead|still|但|但是|然而|不过|而)$/iu;
const CONNECTIVES = /^(?:and|but|or|so|yet|nor|then|thus|hence|however|instead|still|also|并且|而且|但是|但|所以|因此|然而|不过|而|并|且|或)$/iu;
const ANAPHORA = /^(?:it|its|they|them|their|this|that|these|those|he|she|his|her|such|它|它们|他|她|他们|这|那|这些|那些|这种|其)$/iu;
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const RELATIVE = /^(?:that|which|who|whom|whose)$/iu;
/** A piece that only says who says something ("坎特里尔警告说", "he said") frames a claim; it is not one. */
/** Words that deny or limit a clause: a phrase cut from its end would change what it says. */
const NEGATION = /^(?:not|no|never|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|shouldn't|mustn't|without|only|unless|except|n't)$/iu;

/** A quotation and its speaker: “…,” said Jane Doe, …; “…,” Jane Doe said. */
const SPEAKER = String.raw`[\p{Lu}][\p{L}.\u2019'-]*(?:\s+[\p{Lu}][\p{L}.\u2019'-]*){0,3}(?:\s+and\s+[\p{Lu}][\p{L}.\u2019'-]*(?:\s+[\p{Lu}][\p{L}.\u2019'-]*){0,3})?`;
const QUOTED_SPEECH = new RegExp(String.raw`^[\u201c"]([^\u201c\u201d"]{20,400}?)[,.]?[\u201d"]\s*(?:(?:said|says|added|adds|explained|noted|according to)\s+(${SPEAKER})|(${SPEAKER})\s+(?:said|says|added|explained|noted))\b`, 'u');

/**
 * What every sentence QUOTED_SPEECH takes holds: an opening quote, and a verb of saying. Tested
 * first: with its sixteen Unicode letter classes, QUOTED_SPEECH takes V8 about 5 ms to compile at
 * its first use in every process.
 */
const QUOTE_HINT = /^[\u201c"]/u;
const REPORTING_VERB = /\b(?:said|says|added|adds|explained|noted|according to)\b/u;
const REPORTING_END = /(?:说|表示|指出|认为|写道|说道|指控|称|警告|解释|总结道|补充道|强调|断言|宣布|声称|表明|透露|问道|回答)$|\b(?:said|says|wrote|writes|argued|argues|noted|notes|added|adds|explained|explains|warned|warns|told|tells|claimed|claims)$/iu;

/** Whether a run of words has a subject and a finite verb after it: "unikernels run less software", "应用程序需要移植". */
function isClause(words: readonly Word[]): boolean {
  let subject = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as Word;
    // A relative clause ("costs that must be borne") is not the main one: skip its verb group.
    if (subject && RELATIVE.test(w.text) && w.pos !== 'DET') {
      // Up to the relative clause's verb group ("that Niko Matsakis has started"), then past it.
      let j = k + 1;
      while (j < words.length && j - k <= 6 && !['AUX', 'VERB'].includes((words[j] as Word).pos)) j++;
      while (j + 1 < words.length && ['AUX', 'VERB', 'PART', 'ADV'].includes((words[j + 1] as Word).pos)) j++;
      k = j;
      continue;
    }
    if (NOMINAL.has(w.pos) && !RELATIVE.test(w.text)) subject = true;
    if (w.pos === 'AUX') return subject;
    if (w.pos === 'VERB') {
      if (!subject) return false;
      const prev = words[k - 1]?.text.toLowerCase();
      // "-ing" forms and infinitives after "to" are not finite; past forms after a noun and before "by" are participles.
      if (/ing$/iu.test(w.text) && !hasCjk(w.text)) continue;
      if (prev === 'to') continue;
      if (/ed$/iu.test(w.text) && words[k + 1]?.text.toLowerCase() === 'by') continue;
      return true;
    }
  }
  return false;
}

const ZH_SUBORDINATE = /^(?:如果|虽然|因为|尽管|即使|由于|当|假如|只要|除非|包括|例如|比如|以及|诸如)/u;
/** A piece that opens on a reporting verb lost its speaker to the clause before ("…断言，指出 X"). */
const ZH_REPORTING_START = /^(?:指出|表示|认为|写道|强调|补充说|补充道|解释说|警告说|警告称|说道)|^(?:说|称)[，,:：]/u;
/** Prepositions that open an adverbial, and the localizers and frames that close one. */
const ZH_ADVERBIAL_START = /^(?:在|当|每当|作为|对于|对|关于|随着|通过|像|如同|除了|为了|自从|从|至于|按照|根据|经过|鉴于|与|和|跟|同)/u;
const ZH_ADVERBIAL_END = /(?:时|时候|中|上|下|里|内|外|之间|之后|之前|以后|以前|以来|一样|一般|似的|方面|一部分|情况下|期间|过程中|的话|而言|来说)$/u;

/**
 * Whether a Chinese piece is an adverbial, not a clause: it opens on a preposition and closes
 * on a localizer or frame ("在任何情况下", "作为计算机认知计划的一部分", "当谈到 unikernels 时").
 */
export function zhAdverbial(text: string, words: readonly Word[]): boolean {
  const t = text.replace(/[。.!！?？”"]+$/u, '').trim();
  if (ZH_ADVERBIAL_START.test(t) && ZH_ADVERBIAL_END.test(t)) return true;
  const first = words.find((w) => w.pos !== 'PUNCT');
  const last = [...words].reverse().find((w) => w.pos !== 'PUNCT');
  return first !== undefined && last !== undefined && first !== last && (first.pos === 'ADP' || first.pos === 'SCONJ') && last.pos === 'ADP';
}
const ZH_CONNECTIVE = /^(?:而且|并且|但是|但|所以|因此|然而|不过|而|并|且|或|也)/u;

/** Pieces of a sentence between clause marks, with what each holds. */
function piecesOf(text: string, words: readonly Word[]): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  let after: Piece['after'] = 'start';
  // Words are in order: each piece takes the next run of them, so the pieces cost one pass.
  let cursor = 0;
  const close = (end: number, next: Piece['after']) => {
    while (cursor < words.length && (words[cursor] as Word).start < from) cursor++;
    const inside: Word[] = [];
    let k = cursor;
    for (; k < words.length && (words[k] as Word).end <= end; k++) if ((words[k] as Word).pos !== 'PUNCT') inside.push(words[k] as Word);
    cursor = k;
    if (inside.length > 0) {
      const first = inside[0] as Word;
      const body = CONNECTIVES.test(first.text) ? inside.slice(1) : inside;
      // The piece ends after its last word and any closing quotes or brackets right after it.
      let last = inside[inside.length - 1]?.end ?? end;
      while (last < end && /[”’"')）」』]/u.test(text[last] ?? '')) last++;
      const second = body[0] ?? first;
      const pieceText = text.slice(first.start, inside[inside.length - 1]?.end ?? end);
      // It starts right after the cut, spaces skipped: opening quotes, brackets and code marks stay with it.
      let begin = from;
      while (begin < first.start && /\s/u.test(text[begin] ?? '')) begin++;
      if (hasCjk(pieceText)) {
        // A Chinese piece: a clause when it says four characters or more with a verb, and is not only who
        // says it, nor an adverbial ("在任何情况下", "当谈到 unikernels 时", "作为计划的一部分"), nor a verb
        // whose speaker was cut away ("指出 Cantrill 淡化了…").
        const han = pieceText.match(/\p{Script=Han}/gu)?.length ?? 0;
        const bare = pieceText.replace(ZH_CONNECTIVE, '');
        const adverbial = zhAdverbial(bare, inside);
        const hasVerb = inside.some((w) => w.pos === 'VERB' || w.pos === 'AUX');
        pieces.push({
          start: begin,
          end: last,
          after: ZH_CONNECTIVE.test(pieceText) && /^(?:但|但是|然而|不过|而)/u.test(pieceText) ? 'contrast' : after,
          clause: han >= 4 && hasVerb && !adverbial && !REPORTING_END.test(pieceText) && !ZH_REPORTING_START.test(bare) && !ZH_SUBORDINATE.test(bare),
          verb: hasVerb,
          subordinate: ZH_SUBORDINATE.test(pieceText) || ZH_SUBORDINATE.test(bare) || adverbial,
          connective: ZH_CONNECTIVE.test(pieceText),
          anaphoric: /^(?:它|它们|他|她|他们|这|那|这些|那些|这种|其)/u.test(pieceText),
        });
        after = next;
        return;
      }
      // A sentence that opens with what it is for ("To always ignore a file, add it to …") leans on
      // the command after it, as one opening with "if" does.
      const purpose = after === 'start' && /^to$/iu.test(first.text) && inside.slice(1).find((w) => w.pos !== 'ADV')?.pos === 'VERB';
      pieces.push({
        start: begin,
        end: last,
        after: CONTRAST.test(first.text) ? 'contrast' : after,
        clause: isClause(body) && !REPORTING_END.test(pieceText),
        verb: body.some((w) => w.pos === 'VERB' || w.pos === 'AUX'),
        subordinate: purpose || [first, second, inside[1]].some((w) => w !== undefined && (SUBORDINATORS.test(w.text) || w.pos === 'SCONJ')) || first.pos === 'ADP',
        connective: CONNECTIVES.test(first.text),
        anaphoric: ANAPHORA.test((body[0] ?? first).text),
        verbFirst: body.find((w) => w.pos !== 'ADV')?.pos === 'VERB',
        // Not the sentence's opening phrase ("Last year, Google released …"): a list's items come after a comma.
        listItem: after !== 'start' && inside.length <= 3 && !inside.some((w) => ['VERB', 'AUX', 'ADP', 'SCONJ', 'ADV'].includes(w.pos)) && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes((body[0] ?? first).pos),
      });
    }
    after = next;
  };
  let since = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as Word;
    since++;
    if (w.pos !== 'PUNCT') {
      // A subordinate clause without a comma before it ("… only to load slowly because …") is a cut too,
      // once the clause before it has said something and the one after it runs three words or more.
      let ahead = 0;
      while (k + 1 + ahead < words.length && (words[k + 1 + ahead] as Word).pos !== 'PUNCT') ahead++;
      if (since > 5 && ahead >= 3 && (w.pos === 'SCONJ' || /^(?:because|which|unless|although|whereas)$/iu.test(w.text)) && !hasCjk(w.text)) {
        close(w.start, 'comma');
        from = w.start;
        since = 0;
      }
      continue;
    }
    if (/^[;:—–；：]$|^——$/u.test(w.text)) {
      close(w.start, 'strong');
      from = w.end;
      since = 0;
    } else if (/^[,，]$/u.test(w.text)) {
      close(w.start, 'comma');
      from = w.end;
      since = 0;
    }
  }
  close(text.length, 'comma');
  return pieces;
}

/** Whether a run may start at piece i: the sentence's start, after a strong mark, or where a new clause begins. */
function mayStart(pieces: readonly Piece[], i: number): boolean {
  const p = pieces[i] as Piece;
  if (i === 0) return true;
  // "… blogs, marketing, and e-commerce": a piece without a verb continues a list; it starts nothing.
  if (!p.verb) return false;
  // Nor does the last item of a list that a verb follows ("… a module, class, | or `__init__` method
  // are called …", "… side effects, | exceptions raised, and …"): its clause began before the list.
  if (p.after === 'comma' && pieces[i - 1]?.listItem) return false;
  return p.after === 'strong' || p.after === 'contrast' || p.clause || p.connective;
}

/** Whether a run may end at piece j: the sentence's end, or where what follows is a clause, a subordinate or a strong mark. */
function mayEnd(pieces: readonly Piece[], j: number): boolean {
  const next = pieces[j + 1];
  if (!next) return true;
  // "We hash each input, hash the compiler flags, | and combine them into a key": verbs of one
  // subject in a list go on to the last; neither piece is a clause of its own.
  // (The tagger may read the middle one's verb as a noun: "hash the compiler flags".)
  const here = pieces[j] as Piece;
  if (j > 0 && next.connective && next.verbFirst && !next.clause && !next.subordinate && !here.clause && here.after === 'comma') return false;
  // Nor does a list of things: "You can customize the size, position, | and border …".
  if (next.connective && !next.clause && here.listItem) return false;
  if (next.after === 'strong' || next.after === 'contrast' || next.subordinate) return true;
  return next.verb && (next.clause || next.connective);
}

/**
 * Condenses a sentence (stripped text, see `stripMarkup`) into bullet texts that read at a glance:
 * asides, parentheticals, opening connectives and first-person frames deleted; when the sentence
 * is still long, each run of its clauses that fits (at most 20 words, 40 Chinese characters),
 * starts and ends where a clause does, and holds a main clause (a subject and a finite verb).
 * Only deletions: no word is added or changed but the first letter's case. Returns [] when
 * nothing fits or the sentence is an aside about the writer. `fragment`: the text may be a
 * phrase without a verb (a list item).
 */
const condensed = new Map<string, BulletText[]>();

export function condenseBullet(stripped: string, options: { minWords?: number; fragment?: boolean } = {}): BulletText[] {
  const key = `${options.minWords ?? 3}${options.fragment ? 'f' : 'c'}${stripped}`;
  let out = condensed.get(key);
  if (!out) {
    if (condensed.size > 5000) condensed.clear();
    // No fragment is a bullet: not a clause cut short, nor a subordinate clause or an adverbial alone.
    const source = resolveSentinels(prepared(stripped));
    const all = condenseUncached(stripped, options);
    const words = all.length > 0 ? taggedWords(source) : [];
    out = all.filter((b) => !fragmentBullet(b.text, source, options.fragment === true, words));
    condensed.set(key, out);
  }
  return out.map((b) => ({ ...b }));
}

/** The sentence with asides, parentheticals, openers and frames deleted: what condensing works on. */
function prepared(stripped: string): string {
  let out = preparedTexts.get(stripped);
  if (out === undefined) {
    if (preparedTexts.size >= 5000) preparedTexts.clear();
    out = prepare(stripped);
    preparedTexts.set(stripped, out);
  }
  return out;
}

/** Sentences prepared so far: the planner asks for the text to tag, then condenses, then judges fragments, each from the same sentence. */
const preparedTexts = new Map<string, string>();

function prepare(stripped: string): string {
  let text = stripped.trim();
  // A sentence that is itself one parenthetical aside keeps its content.
  if (/^[(（]/u.test(text) && /[)）][.。!?]?$/u.test(text)) {
    text = SENTINEL + text.replace(/^[(（]/u, '').replace(/[)）]([.。!?]?)$/u, '$1');
  }
  const condensed = dropOpeners(dropAppositive(dropDashAsides(dropParentheticals(dropDateline(text)))));
  return hasCjk(condensed) ? condensed.replace(FRAME_ZH_END, (_m, quote: string | undefined) => `${quote ?? ''}。`) : condensed;
}

/**
 * A news release's dateline before its first sentence: "NODE.JS INTERACTIVE 2016, AUSTIN, TX., Nov.
 * 30, 2016 — The Node.js Foundation …", "SAN FRANCISCO, March 3, 2020 /PRNewswire/ — …": where and
 * when, in capitals, then a dash. The sentence starts after it.
 */
export function dropDateline(text: string): string {
  // A dash and a year first (see QUOTE_HINT: the expression's letter classes are slow to compile).
  if (!/[\u2014\u2013]|--/u.test(text) || !/\d{4}/u.test(text)) return text;
  // Bold and links leave their marks (SENTINEL) around the words they held.
  return text.replace(/^\0*[\p{Lu}\d][^\p{Ll}—–]{2,80}?\b(?:[\p{Lu}][\p{Ll}]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})\0*(?:\s*\/[^/]{2,30}\/)?\s*(?:[—–]|--)\s*/u, '');
}

/**
 * A sentence's subject without the description set beside it between commas: "The Node.js
 * Foundation, a community-led and industry-backed consortium to advance …, today announced Snyk"
 * → "The Node.js Foundation today announced Snyk". Only after a name at the start (two capitalised
 * words, or one written like a name: "Node.js", "GoDaddy"), only an indefinite description ("a …",
 * "an …", "one of …"), and only when the sentence goes on in lower case (its verb).
 */
export function dropAppositive(text: string): string {
  // The description first (see QUOTE_HINT: the expression's letter classes are slow to compile).
  if (!/,\s+(?:a|an|one of)\s/u.test(text)) return text;
  const m = /^(\0*(?:The\s+)?(?:[\p{Lu}\d][\p{L}\d.’'&-]*\s+){0,4}[\p{Lu}\d][\p{L}\d.’'&-]*\0*),\s+(?:a|an|one of)\s+[^,;:()。，]{3,160}?,\s+(?=\p{Ll})(?!(?:and|or|nor|but|unlike|like|as|such)\b)/u.exec(text);
  if (!m) return text;
  const name = (m[1] ?? '').replace(/\0/gu, '').replace(/^The\s+/u, '');
  // Not an opening phrase ("In Node.js, a Buffer, …", "In 2023, a security audit, …") nor a list's first item.
  if (/^(?:In|On|At|For|With|By|From|To|After|Before|During|Since|Under|Over|Unlike|Like|As|When|While|If|Although|Because)\b/u.test(name) || /^\d/u.test(name)) return text;
  const named = /\s/u.test(name) || /^.+[\p{Lu}\d.]/u.test(name);
  return named ? `${m[1]} ${text.slice(m[0].length)}` : text;
}

/** The text `condenseBullet` will tag for a sentence, so that callers can tag many at once first. */
export function condenseTaggingText(stripped: string): string {
  return resolveSentinels(prepared(stripped));
}

function condenseUncached(stripped: string, options: { minWords?: number; fragment?: boolean }): BulletText[] {
  const minWords = options.minWords ?? 3;
  const condensed = prepared(stripped);
  const resolved = resolveSentinels(condensed);
  const whole = tidy(condensed);
  if (!substantial(whole, minWords) || firstPersonAside(whole) || !readable(whole)) return [];
  const { ideal, max } = limitsOf(whole);
  // Quoted speech keeps its speaker: "“Snyk is focused on securing …,” said Guy Podjarny, CEO of
  // Snyk" is the quote condensed, then the speaker ("“…” — Guy Podjarny"), never the company's
  // words as if they were a fact.
  const speech = QUOTE_HINT.test(whole) && REPORTING_VERB.test(whole) ? QUOTED_SPEECH.exec(whole) : null;
  if (speech && !options.fragment) {
    const speaker = (speech[2] ?? speech[3] ?? '').trim();
    const room = max - bulletLength(speaker) - 1;
    const quote = tidy(speech[1] ?? '');
    // Inside quotation marks only the speaker's words, in their order: a quote cut short says so
    // ("…"); one with words taken out of its middle would put words in the speaker's mouth.
    return condenseUncached(quote, { ...options, minWords: Math.max(minWords, 4) })
      .map((v) => ({ ...v, text: v.text.replace(/[,，.。]$/u, '') }))
      .filter((v) => bulletLength(v.text) <= room && quote.toLowerCase().startsWith(v.text.toLowerCase()))
      .map((v) => ({ text: `“${v.text}${v.text.length < quote.replace(/[,，.。]$/u, '').length ? ' …' : ''}” — ${speaker}`, partial: true, weight: v.weight }));
  }
  const out: BulletText[] = [];
  const length = bulletLength(whole);
  // A short sentence is kept whole: it is a sentence of the article, so a clause, unless it is a
  // list item (a phrase may do there). Only longer ones are tagged and cut into clauses.
  const firstWord = /^[\p{L}\p{N}'’]+/u.exec(whole)?.[0] ?? '';
  const lead = ANAPHORA.test(firstWord) ? 0.7 : 1;
  if (length <= ideal) return [{ text: whole, partial: false, weight: lead }];
  // Chinese clauses are cut at their punctuation alone (，；：), so they need no segmenter here.
  // Chinese words by jieba: its tags tell a clause (a verb) from an adverbial or a date.
  const words = taggedWords(resolved);
  // A whole sentence of the article is a sentence, whatever the tagger makes of it.
  if (length <= max) out.push({ text: whole, partial: false, weight: (0.8 - (0.3 * (length - ideal)) / (max - ideal)) * lead });

  // Runs of clauses that start and end where clauses do and hold a main clause.
  const pieces = piecesOf(resolved, words);
  const seen = new Set(out.map((b) => b.text));
  for (let i = 0; i < pieces.length; i++) {
    if (!mayStart(pieces, i)) continue;
    const first = pieces[i] as Piece;
    for (let j = i; j < Math.min(pieces.length, i + 4); j++) {
      const run = pieces.slice(i, j + 1);
      if (!mayEnd(pieces, j)) continue;
      if (!run.some((p) => p.clause && !p.subordinate)) continue;
      // A run may not stop on a subordinate clause whose main clause comes after it ("…，所以如果…").
      if ((pieces[j] as Piece).subordinate && j < pieces.length - 1) continue;
      if (first.subordinate && !run.slice(1).some((p) => p.clause && !p.subordinate)) continue;
      const piece = tidy(dropOpeners(resolved.slice(first.start, (pieces[j] as Piece).end)));
      const n = bulletLength(piece);
      if (n > max) break;
      // A run may not end on a function word ("… only if"), nor start on a verb that lost its subject.
      const lastWord = words.filter((w) => w.end <= (pieces[j] as Piece).end && w.pos !== 'PUNCT').pop();
      // Chinese ends a clause on particles (了, 的, 吧): only a preposition or a conjunction leaves one open there.
      const open = lastWord && (hasCjk(lastWord.text) ? ['ADP', 'CCONJ', 'SCONJ'].includes(lastWord.pos) : FUNCTION_TAGS.has(lastWord.pos));
      if (lastWord && (open || /^(?:only|just|even|also|not|too|very|so|as)$/iu.test(lastWord.text))) continue;
      const firstWord = words.find((w) => w.start >= first.start && w.pos !== 'PUNCT' && !CONNECTIVES.test(w.text));
      if (i > 0 && firstWord && (firstWord.pos === 'AUX' || firstWord.pos === 'VERB') && !hasCjk(firstWord.text)) continue;
      if (seen.has(piece) || !substantial(piece, minWords) || firstPersonAside(piece) || !readable(piece)) continue;
      seen.add(piece);
      // The clause after a colon, a dash or "but" is where a sentence usually lands its point.
      const lead = first.after === 'strong' || first.after === 'contrast' ? 1.1 : first.after === 'start' ? 1 : 0.85;
      const fit = n <= ideal ? 0.95 : 0.75;
      out.push({ text: piece, partial: true, weight: lead * fit * (first.anaphoric ? 0.6 : 1) });
    }
  }
  // Still long: the same, less a trailing prepositional phrase ("… from the appropriate page on our
  // website"), when what is left is still a clause of six words or more.
  if (!hasCjk(whole)) {
    // What is cut is looked at again: a sentence may end on two such phrases.
    for (let q = 0; q < out.length && q < 12; q++) {
      const b = out[q] as BulletText;
      if (bulletLength(b.text) <= ideal) continue;
      const tagged = taggedWords(b.text);
      for (let k = tagged.length - 1; k >= 6; k--) {
        const w = tagged[k] as Word;
        const asWellAs = /^as$/iu.test(w.text) && /^well$/iu.test(tagged[k + 1]?.text ?? '') && /^as$/iu.test(tagged[k + 2]?.text ?? '');
        // A relative clause at the end ("… an instance of `Ok` that contains a file handle") goes like a phrase.
        const relative = RELATIVE.test(w.text) && w.pos !== 'DET' && ['NOUN', 'PROPN'].includes(tagged[k - 1]?.pos ?? '');
        // A participle phrase after a noun with its article ("… the biggest open source platform
        // powering everything from …") goes like one too; not after a bare noun, where it says which
        // ("servers running the older ext3 file system").
        const participle = w.pos === 'VERB' && /ing$/iu.test(w.text) && ['NOUN', 'PROPN'].includes(tagged[k - 1]?.pos ?? '') && tagged.slice(Math.max(0, k - 6), k).some((x) => x.pos === 'DET' && /^(?:the|a|an)$/iu.test(x.text));
        if ((w.pos !== 'ADP' || /^(?:of|than|like|as)$/iu.test(w.text)) && !asWellAs && !relative && !participle) continue;
        if (!relative && !participle && tagged.slice(k + 1).some((x) => x.pos === 'VERB' || x.pos === 'AUX' || x.text === '`' || x.text.startsWith('`'))) break;
        const kept = tagged.slice(0, k).filter((x) => x.pos !== 'PUNCT');
        const last = kept[kept.length - 1];
        // A denied or limited clause keeps its whole scope: "cannot access the network … without an
        // explicit permission" is not "cannot access the network"; nor "only affects servers" what it was.
        if (kept.some((x) => NEGATION.test(x.text))) break;
        // What is left must end on a noun or an adjective: "is consumed" and "are looking" want their phrase.
        if (!last || !['NOUN', 'PROPN', 'NUM', 'ADJ'].includes(last.pos) || !isClause(kept)) {
          // A phrase that cannot go alone may still go with a participle phrase it belongs to.
          if (participle || tagged.slice(6, k).some((x, i) => x.pos === 'VERB' && /ing$/iu.test(x.text) && ['NOUN', 'PROPN'].includes(tagged[i + 5]?.pos ?? ''))) continue;
          break;
        }
        const text = tidy(b.text.slice(0, w.start));
        if (!seen.has(text) && substantial(text, minWords) && readable(text)) {
          seen.add(text);
          out.push({ text, partial: true, weight: b.weight * 0.85 });
        }
        break;
      }
    }
  }
  // Nothing read as a clause (a tagger can misread): a piece that fits still says part of it, at a low weight.
  if (out.length === 0) {
    for (const [k, p] of pieces.entries()) {
      const piece = tidy(dropOpeners(resolved.slice(p.start, p.end)));
      if (k > 0 && (!p.clause || (p.after === 'comma' && pieces[k - 1]?.listItem))) continue;
      if (REPORTING_END.test(resolved.slice(p.start, p.end).replace(/[。.，,]$/u, ''))) continue;
      if (bulletLength(piece) <= max && substantial(piece, minWords + 1) && readable(piece) && !firstPersonAside(piece) && !p.subordinate) {
        out.push({ text: piece, partial: true, weight: 0.35 });
        break;
      }
    }
  }
  return out;
}

const LEADING_SUBORDINATOR = /^(?:if|because|although|though|whether|regardless|whoever|whatever|whenever|when|while|unless|since|once|until|before|after|as|even if|even though|so that|in order to)\b/iu;
/** A bullet that opens with what something is for ("To always ignore a file"): it leans on the command after it. */
const LEADING_PURPOSE = /^to\s+(?:\w+ly\s+)?[a-z]+\b/iu;
/** Tags a bullet may not end on when its sentence goes on without a break: the clause was cut ("… could find and discovered", "… and ensure"). */
const OPEN_END = new Set(['VERB', 'AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'PRON']);

/**
 * Whether a bullet is a fragment rather than a thought: a clause cut before its end ("We scanned
 * all the projects we could find and discovered", its sentence going on), a subordinate clause or
 * adverbial without the clause it leans on ("If the perception persists that one must type",
 * "在任何情况下", "作为计算机认知计划的一部分"), a Chinese piece without a verb ("1 月 27 日星期三"),
 * one that lost its speaker ("指出 Cantrill 淡化了…") or one that ends on a word that leaves it
 * hanging ("多副本应用通过", "且你可以在一个"). `source` is the plain sentence it was cut
 * from ('' when unknown); `item` whether that is a list item, where a phrase may stand.
 */
export function fragmentBullet(bullet: string, source: string, item = false, sourceWords?: readonly Word[]): boolean {
  // The bullet's words as tagged in its sentence (better tags, and no second pass of the tagger), when it is a run of it.
  const shown = bullet.replace(/[.。!！]$/u, '');
  const at = source.toLowerCase().indexOf(shown.toLowerCase());
  const tagged = at >= 0 ? (sourceWords ?? taggedWords(source)) : [];
  const end = at + shown.length;
  const words = at >= 0 ? tagged.filter((w) => w.start >= at && w.end <= end && w.pos !== 'PUNCT' && w.pos !== 'SYM') : taggedWords(bullet).filter((w) => w.pos !== 'PUNCT' && w.pos !== 'SYM');
  const last = words[words.length - 1];
  if (!last) return true;
  // Cut before the clause ended: the source goes on right after the bullet's last word, with no mark
  // between, and not with a phrase or clause that may go ("… was notified | of …", "… triggered | if …").
  if (at >= 0 && /^\s*[\p{L}\p{N}`“"]/u.test(source.slice(end))) {
    const next = tagged.find((w) => w.start >= end && w.pos !== 'PUNCT');
    const droppable = next !== undefined && (next.pos === 'ADP' || (next.pos === 'SCONJ' && !/^that$/iu.test(next.text)) || /^(?:if|when|while|because|unless|until|before|after|so)$/iu.test(next.text));
    const open = hasCjk(bullet) ? ['ADP', 'CCONJ', 'SCONJ'].includes(last.pos) : OPEN_END.has(last.pos) && !((last.pos === 'VERB' || last.pos === 'AUX') && droppable);
    if (open) return true;
  }
  // A verb whose object is the quotation after it: "… programmers new to Go ask, | “How does one handle errors?”".
  if (at >= 0 && last.pos === 'VERB' && !hasCjk(bullet) && /^\s*,?\s*[“"]/u.test(source.slice(end))) return true;
  if (hasCjk(bullet)) {
    if (ZH_REPORTING_START.test(bullet)) return true;
    // Ends on 是, 通过, 和 …: hanging, unless it is the author's whole sentence, full stop and all.
    if (danglingChineseEnd(words) && !(at >= 0 && /^\s*[。！？!?.]?\s*$/u.test(source.slice(end)) && /[。！？!?.]\s*$/u.test(source))) return true;
    if (item) return false;
    return zhAdverbial(bullet, words) || !zhPredicate(words);
  }
  if (item) return false;
  // A subordinate clause with no main clause after it (a command counts: "If you use vim-plug, add this …"),
  // or a purpose cut from the command it was for ("To always ignore a certain file or directory").
  const purpose = LEADING_PURPOSE.test(bullet) && (words[1]?.pos === 'VERB' || (words[1]?.pos === 'ADV' && words[2]?.pos === 'VERB'));
  if (LEADING_SUBORDINATOR.test(bullet) || (purpose && at >= 0 && /^\s*[,;:—–]/u.test(source.slice(end)))) {
    const mark = /[,;:—–]/u.exec(shown);
    if (!mark) return true;
    const rest = at >= 0 ? words.filter((w) => w.start > at + mark.index) : taggedWords(shown.slice(mark.index + 1)).filter((w) => w.pos !== 'PUNCT');
    const head = rest.find((w) => w.pos !== 'ADV');
    return !(rest.length > 0 && (isClause(rest) || head?.pos === 'VERB'));
  }
  return false;
}

/** Whether Chinese words hold a predicate: a verb, an adjective that is not a modifier ("更简单"), or an adverb before a verbal noun ("都存储"). */
function zhPredicate(words: readonly Word[]): boolean {
  return words.some((w, k) => {
    const next = words[k + 1];
    if (w.pos === 'VERB' || w.pos === 'AUX' || /[是有]$/u.test(w.text)) return true;
    if (w.pos === 'ADJ' && !(next && (next.text === '的' || next.pos === 'NOUN'))) return true;
    return w.pos === 'ADV' && next?.pos === 'NOUN';
  });
}

/**
 * Condenses a sentence into bullet texts no wider than `maxColumns` (the whole sentence with asides
 * deleted if it fits, else runs of its clauses); kept for callers that size bullets by columns.
 */
export function condenseSentence(stripped: string, maxColumns: number, minWords = 3): BulletText[] {
  return condenseBullet(stripped, { minWords }).filter((b) => displayWidth(b.text) <= maxColumns);
}
