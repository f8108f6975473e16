import { prepareChinese, segmentChinese } from './chinese.js';
import { tagEnglish } from './english.js';
import { hasCjk } from './tokens.js';

/**
 * Words of a passage with Universal POS tags, from wink-nlp for English and jieba for Chinese
 * (its tags mapped to the same set), so that titles and bullets are cut by one set of rules.
 */

export type Pos = 'NOUN' | 'PROPN' | 'VERB' | 'AUX' | 'ADJ' | 'ADV' | 'ADP' | 'DET' | 'PRON' | 'CCONJ' | 'SCONJ' | 'PART' | 'NUM' | 'PUNCT' | 'SYM' | 'X' | 'INTJ';

export interface Word {
  text: string;
  pos: Pos;
  start: number;
  end: number;
}

/** Tags no title or bullet may end on. */
export const FUNCTION_TAGS: ReadonlySet<Pos> = new Set<Pos>(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'INTJ']);

const UPOS = new Set(['NOUN', 'PROPN', 'VERB', 'AUX', 'ADJ', 'ADV', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM', 'X', 'INTJ']);

/** jieba's tag set (ICTCLAS) as Universal POS. */
export function chineseTagToPos(tag: string, word: string): Pos {
  if (/^\s+$/u.test(word)) return 'PUNCT';
  // "当 … 时", "在 … 的时候", "作为 …": the frame of an adverbial, not a noun or a verb of the clause.
  if (/^(?:时|时候|之时|之后|之前|以后|以前|以来|期间)$/u.test(word)) return 'ADP';
  if (word === '当' || word === '每当') return 'SCONJ';
  if (word === '作为') return 'ADP';
  // jieba tags 不是 as a conjunction; in a clause it is its verb ("Cantrill 本人并不是一个公正的观察者").
  if (word === '不是' || word === '并不是' || word === '就是') return 'VERB';
  if (tag === 'eng') return 'PROPN';
  if (/^[\p{P}\p{S}]+$/u.test(word)) return 'PUNCT';
  switch (tag[0]) {
    case 'n':
      return tag === 'nr' || tag === 'ns' || tag === 'nt' || tag === 'nz' || tag === 'nrt' || tag === 'nrfg' ? 'PROPN' : 'NOUN';
    case 'v':
      return tag === 'vn' || tag === 'vg' ? 'NOUN' : 'VERB';
    case 'a':
      return tag === 'ad' ? 'ADV' : tag === 'an' ? 'NOUN' : 'ADJ';
    case 'b':
    case 'z':
      return 'ADJ';
    case 'd':
      return 'ADV';
    case 'p':
      return 'ADP';
    case 'c':
      return 'CCONJ';
    case 'u':
    case 'y':
    case 'e':
    case 'o':
      return 'PART';
    case 'r':
      return 'PRON';
    case 'm':
      return 'NUM';
    case 'q':
      // A measure word ("期", "个") leans on the number before it: never the start of a phrase.
      return 'PART';
    case 'f':
      // A localizer (上, 下, 中, 之间) closes a place phrase like a postposition: "在专利法下", "世界上".
      return 'ADP';
    case 't':
    case 's':
    case 'l':
    case 'i':
    case 'j':
    case 'g':
    case 'k':
    case 'h':
      return 'NOUN';
    case 'x':
      return /[\p{L}\p{N}]/u.test(word) ? 'PROPN' : 'PUNCT';
    default:
      return 'X';
  }
}

const WORD_EDGE = /[\p{L}\p{N}]/u;

/**
 * A name or number with periods inside it is one word: the taggers cut "v1.30" into v1 . 30 and
 * "Node.js" into Node . js, and a title or bullet cut at that period began "30 introduces new
 * stable" or "Js Project issued 63 new releases". A period between two letters or digits, with no
 * space on either side, joins them.
 */
export function joinDottedNames(words: readonly Word[], text: string): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as Word;
    for (;;) {
      const dot = words[i + 1];
      const next = words[i + 2];
      if (!dot || !next || dot.text !== '.' || dot.start !== w.end || next.start !== dot.end) break;
      if (!WORD_EDGE.test(text[w.end - 1] ?? '') || !WORD_EDGE.test(text[next.start] ?? '')) break;
      const pos: Pos = w.pos === 'NUM' && next.pos === 'NUM' ? 'NUM' : 'PROPN';
      w = { text: text.slice(w.start, next.end), pos, start: w.start, end: next.end };
      i += 2;
    }
    out.push(w);
  }
  return out;
}

/** A version number after a name: "2", "3.12", "v1.30" (not a year: at most three digits before its first period). */
const VERSION = /^v?\d{1,3}(?:\.\d+)*$/iu;

/**
 * A Latin-script name and the version number after it are one name: "Vue 2", "Python 3",
 * "Kubernetes v1.30", "Node.js 4". A title cut between them began "2 的经验" or ended "Kubernetes".
 */
export function joinVersions(words: readonly Word[], text: string): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const next = words[i + 1];
    if (next && w.pos === 'PROPN' && /^[\p{Script=Latin}][\p{Script=Latin}\p{N}.+#-]*$/u.test(w.text) && VERSION.test(next.text) && /^ {1,2}$/u.test(text.slice(w.end, next.start))) {
      out.push({ text: text.slice(w.start, next.end), pos: 'PROPN', start: w.start, end: next.end });
      i++;
    } else out.push(w);
  }
  return out;
}

/**
 * Chinese words that leave a title or bullet hanging when it ends on them: the copula and modal
 * verbs (是, 能够, 可以), prepositions and conjunctions (通过, 为了, 从而, 和, 与, 在), and the
 * particle 的. "多副本应用通过" and "且你可以在一个" say nothing without what came next.
 */
const DANGLING_ZH = new Set([
  '是', '能够', '能', '可以', '可', '会', '应', '应该', '应当', '必须', '需', '要', '使', '使得', '让', '令',
  '通过', '为了', '从而', '以便', '对', '对于', '关于', '把', '被', '将', '由', '向', '从', '在', '和', '与', '及',
  '以及', '或', '或者', '并', '并且', '而且', '而', '但', '但是', '因为', '由于', '如果', '虽然', '的', '地', '一个',
]);

/**
 * Whether Chinese words (punctuation left out) end on a word that leaves them hanging (see
 * DANGLING_ZH). A 的 that closes a 是…的 sentence ends it ("所有的大型的计算机公司都是美国的").
 */
export function danglingChineseEnd(words: readonly Word[]): boolean {
  const content = words.filter((w) => w.pos !== 'PUNCT' && w.pos !== 'SYM');
  const last = content[content.length - 1];
  // Japanese: a word in a conjunctive form ("すると", "変えて", "となり") or a particle leads on.
  if (last && KANA.test(last.text)) return last.pos === 'PART' || /(?:て|で|と|ば|り|し|が|に|を|は|も|の|から|ので|けど|ながら|たり)$/u.test(last.text);
  if (!last || !DANGLING_ZH.has(last.text)) return false;
  return last.text !== '的' || !content.slice(0, -1).some((w) => /是$/u.test(w.text));
}

/** Kana: text with them is Japanese, which jieba (a Chinese segmenter) cuts between its letters. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Japanese function words, by which a phrase is not to end or start: the case particles (は, が,
 * を, に, で, と, の, も, へ, や, から, まで, より), the copula and verb endings (です, ます, だ, た,
 * て, ない, れる, られる, する), conjunctive particles (ので, けど, し) and the like.
 */
const JA_FUNCTION = /^(?:は|が|を|に|で|と|の|も|へ|や|か|ね|よ|な|から|まで|より|など|って|けど|けれど|ので|のに|ば|し|て|た|だ|です|でした|ます|ました|ません|ない|なかった|れる|られる|せる|させる|する|した|して|される|された|います|いる|いた|ある|あり|なる|なり|こと|もの|ため|よう|という|における|について|によって|により|による|に対して|として|とは|では|には|への|での|からの|までの)$/u;

let japaneseSegmenter: Intl.Segmenter | null = null;

/**
 * Japanese words by ICU's dictionary segmenter (指定|さ|れ|た|条件, never 指|定), tagged coarsely:
 * function words (JA_FUNCTION, and a lone hiragana) as particles, punctuation, numbers, Latin names,
 * and the rest as nouns. Titles and bullets then start and end on whole words.
 */
function japaneseWords(text: string): Word[] {
  japaneseSegmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const out: Word[] = [];
  for (const seg of japaneseSegmenter.segment(text)) {
    const word = seg.segment;
    if (!word.trim()) continue;
    const start = seg.index;
    const end = start + word.length;
    const pos: Pos = !seg.isWordLike ? (/[\p{L}\p{N}]/u.test(word) ? 'PROPN' : 'PUNCT') : /^\p{N}+$/u.test(word) ? 'NUM' : JA_FUNCTION.test(word) || /^\p{Script=Hiragana}$/u.test(word) ? 'PART' : /^[\p{Script=Latin}\d._-]+$/u.test(word) ? 'PROPN' : 'NOUN';
    out.push({ text: word, pos, start, end });
  }
  return out;
}

/**
 * The passages tagged so far: titles and condensing ask for the same sentence's words again and
 * again (each title candidate is judged in its whole sentence). Callers only read the words.
 */
const tagged = new Map<string, Word[]>();
const KEPT_TAGGINGS = 2000;

/** Tags a plain passage: ICU's segmenter for Japanese, jieba for other text with CJK characters, wink-nlp otherwise. */
export function taggedWords(text: string): Word[] {
  let words = tagged.get(text);
  if (!words) {
    if (tagged.size >= KEPT_TAGGINGS) tagged.clear();
    words = joinVersions(joinDottedNames(taggedPieces(text), text), text);
    tagged.set(text, words);
  }
  return words;
}

function taggedPieces(text: string): Word[] {
  if (hasCjk(text) && KANA.test(text)) {
    // A code span is one word, as for Chinese.
    const masked = text.replace(/`[^`]*`/gu, (span) => 'X'.repeat(span.length));
    return japaneseWords(masked).map((w) => (text[w.start] === '`' && /^X+$/u.test(w.text) ? { ...w, text: text.slice(w.start, w.end), pos: 'PROPN' as Pos } : { ...w, text: text.slice(w.start, w.end) }));
  }
  if (hasCjk(text)) {
    // A code span is one word: masked for jieba, restored from the text.
    const masked = text.replace(/`[^`]*`/gu, (span) => 'X'.repeat(span.length));
    return segmentChinese(masked)
      .filter((w) => w.text.trim() !== '')
      .map((w) => {
        const code = text[w.start] === '`' && /^X+$/u.test(w.text);
        return { text: text.slice(w.start, w.end), pos: code ? 'PROPN' : chineseTagToPos(w.tag, w.text), start: w.start, end: w.end };
      });
  }
  return tagEnglish(text).map((t) => ({ text: t.text, pos: (UPOS.has(t.pos) ? t.pos : 'X') as Pos, start: t.start, end: t.end }));
}

/** Tags passages that are about to be looked at, all at once: one pass of the English tagger, one load of jieba's words. */
export function pretag(texts: readonly string[]): void {
  const cjk = texts.filter((t) => hasCjk(t));
  if (cjk.length > 0) prepareChinese(cjk);
  // English passages are tagged one by one: tagged together, a passage's tags lean on its neighbours'.
  for (const t of texts) if (t && !hasCjk(t)) tagEnglish(t);
}
