import type { Article, Sentence } from './article.js';
import { plainText } from './inline.js';

/**
 * Where an article states its conclusions: its concluding section (by heading, or the last one),
 * sentences with cue phrases ("in short", "the lesson", "in the fullness of time", "总之"),
 * sentences the author set in bold, and the closing paragraph. Each sentence gets a score; the
 * planner picks three to five, most conclusive first, without repeats.
 */

const CONCLUSION_HEADING =
  /\b(?:conclusions?|concluding|summary|summing up|in summary|wrap(?:ping)?[- ]up|final thoughts|closing thoughts|lessons?(?: learned)?|takeaways?|tl;?dr|in closing|the verdict|what'?s next|next steps|outlook)\b|总结|结论|结语|小结|写在最后|最后的话|后记|展望/iu;
const CUE_EN =
  /\b(?:in short|in sum|in summary|to sum up|to summari[sz]e|in conclusion|the (?:key |main |real |big |first |second )?lesson|the (?:key|main|real|big) (?:point|takeaway)|the bottom line|ultimately|in the end|in the fullness of time|all in all|above all|the upshot|overall,|my (?:advice|recommendation)|the answer is|this is why|that is why|which is why|what matters|the point is|the moral)\b/iu;
const CUE_ZH = /总之|总而言之|综上|简而言之|归根结底|总的来说|一句话|结论是|关键在于|最重要的是|说到底|由此可见/u;

/** Whether a heading names a conclusion ("Conclusion", "Lessons learned", "总结"). */
export function conclusionHeading(text: string): boolean {
  return CONCLUSION_HEADING.test(text);
}

/** Whether a sentence says it is concluding ("In short, …", "The lesson is …", "总之，…"). */
/** Words every English cue holds one of: a quick test lets most sentences go without the full one. */
const CUE_WORDS = /short|sum|conclu|lesson|point|takeaway|bottom|ultimately|the end|fullness|all in all|above all|upshot|overall|advice|recommend|answer|why|matters|moral/iu;

export function conclusionCue(plain: string): boolean {
  return (CUE_WORDS.test(plain) && CUE_EN.test(plain)) || CUE_ZH.test(plain);
}

/**
 * A conclusion score for each sentence of the article: 0 for most, more for the concluding
 * section, cue phrases, emphasis and the closing paragraph.
 */
export function conclusionScores(article: Article): number[] {
  const { sentences, headings } = article;
  const last = sentences[sentences.length - 1];
  const lastBlock = last?.block ?? -1;
  const lastHeading = last?.heading ?? -1;
  const concluding = new Set<number>();
  headings.forEach((h, i) => {
    if (conclusionHeading(plainText(h.text, article.definitions))) concluding.add(i);
  });
  // The last section, when the article has sections and the last one is short: a closing section.
  const sectionSize = sentences.filter((s) => s.heading === lastHeading).length;
  const closingSection = headings.length > 0 && lastHeading >= 0 && sectionSize <= Math.max(6, sentences.length / 6);
  return sentences.map((s: Sentence) => {
    let score = 0;
    if (s.heading >= 0 && concluding.has(s.heading)) score += 3;
    else if (closingSection && s.heading === lastHeading) score += 1.2;
    if (conclusionCue(s.plain)) score += 2;
    if (s.emphasis) score += s.opensBlock && s.closesBlock ? 2.5 : 1.5;
    else if (s.stressed) score += 1.5;
    if (s.block === lastBlock) score += s === last ? 1.5 : 1;
    if (/[?？]$/u.test(s.plain)) score *= 0.3;
    return score;
  });
}
