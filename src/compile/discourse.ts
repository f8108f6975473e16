import type { Article } from './article.js';
import { conclusionCue } from './takeaways.js';

/**
 * How an essay without headings marks its own structure: a paragraph that opens an item of an
 * enumerated argument ("The primary reason …", "The other reason …", "The final reason …",
 * "Second, …", "其次，…") or turns the argument ("All of this said, …", "That said, …"). The
 * paragraphs before the first item are the essay's introduction: what it is about and why.
 */

const ORDINAL = String.raw`(?:first|primary|main|chief|principal|biggest|second|third|fourth|fifth|other|another|next|last|final)`;
const ITEM_NOUNS = String.raw`(?:reasons?|arguments?|benefits?|advantages?|disadvantages?|drawbacks?|problems?|issues?|points?|claims?|steps?|lessons?|ways?|questions?|objections?|concerns?|motivations?|rules?|principles?|factors?|costs?|risks?|options?|ideas?|tips?|myths?)`;
/** "The primary reason …", "Another benefit …", "The final reason often given …", "A second problem …". */
const ENUMERATION_EN = new RegExp(
  String.raw`^(?:(?:the|a|an|my|our)\s+)?${ORDINAL}\s+(?:[\p{L}-]+\s+){0,2}?${ITEM_NOUNS}\b|^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|to begin(?: with)?|to start(?: with)?)\s*,|^the\s+${ITEM_NOUNS}\s+of\s+[^,.;:]{1,60}?\s+(?:start|begin)s?\s+with\b`,
  'iu',
);
/**
 * What every sentence ENUMERATION_EN takes starts with. Tested first: an expression with a Unicode
 * letter class takes V8 a millisecond or more to compile, at its first use in every process.
 */
const ENUMERATION_HINT = new RegExp(String.raw`^(?:(?:the|a|an|my|our)\s+)?${ORDINAL}\s|^(?:first|second|third|finally|lastly|to begin|to start)|^the\s+${ITEM_NOUNS}\s`, 'iu');
const ENUMERATION_ZH = /^(?:首先|其次|再次|最后|第[一二三四五六七八九十]+(?:个|点|条|，|、)|另一个(?:原因|理由|好处|问题)|还有一个(?:原因|理由|好处|问题))/u;
/** A paragraph that turns the argument: what follows is a new part of it. */
const TURN_EN =
  /^(?:all (?:of )?this said|all that said|that said|having said (?:that|this)|with (?:that|this) (?:said|in mind|out of the way)|so much for|now that (?:we|you)(?:'ve|’ve| have) (?:seen|covered|looked at)|so,? there (?:are|is|were|was)\b[^.;:!?]{0,80}?,? but\b)/iu;
/** A paragraph that sums up the part before it ("So those are the reasons for …"): the next paragraph starts a new one. */
const SUMMARY_EN = /^(?:so,? )?(?:those|these|such) (?:are|were) (?:the|my|our|all the) [\p{L} -]{0,30}?(?:reasons?|arguments?|benefits?|advantages?|disadvantages?|problems?|issues?|points?|claims?|steps?|lessons?|ways?|options?|ideas?|tips?)\b/iu;
/** What every sentence SUMMARY_EN takes starts with (see ENUMERATION_HINT). */
const SUMMARY_HINT = /^(?:so,? )?(?:those|these|such) (?:are|were) /iu;
const SUMMARY_ZH = /^(?:以上就是|这就是|这些就是|以上便是)/u;
const TURN_ZH = /^(?:话虽如此|尽管如此|说了这么多|综上所述|接下来)/u;

/** Whether a sentence opens an item of an enumerated argument ("The other reason given …", "其次，…"). */
export function enumerationCue(plain: string): boolean {
  const text = plain.trim();
  return (ENUMERATION_HINT.test(text) && ENUMERATION_EN.test(text)) || ENUMERATION_ZH.test(text);
}

/** Whether a sentence sums up the part it closes ("So those are the reasons for unikernels: …"). */
export function summaryCue(plain: string): boolean {
  const text = plain.trim();
  return (SUMMARY_HINT.test(text) && SUMMARY_EN.test(text)) || SUMMARY_ZH.test(text);
}

/** Whether a sentence turns the argument to a new part ("All of this said, …", "话虽如此，…"). */
export function turnCue(plain: string): boolean {
  return TURN_EN.test(plain.trim()) || TURN_ZH.test(plain.trim());
}

/**
 * Sentences (indexes, ascending) where the author starts a new part of an essay without
 * headings: the end of its introduction, paragraphs that open an item of an enumerated argument
 * (two items at least) or turn it, and a closing paragraph that says it concludes ("In the
 * fullness of time, …", "In short, …"). Only paragraphs of prose count, not list items.
 */
export function partStarts(article: Article): number[] {
  const paragraphs = article.sentences.filter((s) => s.opensBlock && s.kind === 'paragraph' && s.index > 0);
  const items = paragraphs.filter((s) => enumerationCue(s.plain));
  const starts = new Set<number>();
  if (items.length >= 2) for (const s of items) starts.add(s.index);
  paragraphs.forEach((s, k) => {
    if (turnCue(s.plain)) starts.add(s.index);
    const next = paragraphs[k + 1];
    if (summaryCue(s.plain) && next) starts.add(next.index);
  });
  const intro = introductionEnd(article);
  if (intro > 0) starts.add(intro);
  // The closing paragraph, when it says it concludes and the essay marks other parts too.
  const last = paragraphs[paragraphs.length - 1];
  if (last && starts.size > 0 && conclusionCue(last.plain)) starts.add(last.index);
  return [...starts].sort((a, b) => a - b);
}

/** Whether a section's first sentence says the section concludes ("In short, …", "总之，…"). */
export function opensConclusion(plain: string): boolean {
  return conclusionCue(plain);
}

/**
 * Where the introduction of an essay without headings ends: the first paragraph that opens an
 * item of its enumerated argument, when paragraphs come before it and it lies within the first
 * two fifths of the essay. -1 when the essay marks none.
 */
export function introductionEnd(article: Article): number {
  const n = article.sentences.length;
  const first = article.sentences.find((s) => s.opensBlock && s.kind === 'paragraph' && s.block > 0 && enumerationCue(s.plain));
  if (!first || first.index < 2 || first.index > n * 0.4) return -1;
  return first.index;
}
