/**
 * Reading a report about an article (a news story on a blog post, a translation's coverage): its
 * sentences that give the article's author's words, quoted or paraphrased ("他总结道", "Cantrill
 * 写道", "he warned"), echo the article; what new voices say ("Solomon Hykes … 表示", "一位黑客新闻
 * 读者断言", "a reader replied") and what the report says about the author are its own points.
 */

const VERBS_ZH = '(?:写道|说道|继续说道|总结道|补充说|补充道|解释说|警告说|警告称|指控说|表示|指出|认为|断言|声称|强调|说)';
/** "他警告称，…", "Cantrill 写道，…", "这位…技术专家写道:…": the speaker before the verb, in the sentence's first clause. */
const LEAD_ZH = new RegExp(`^([^，。：:“”"]{1,40}?)${VERBS_ZH}[，,：:]`, 'u');
/** "“…，”他总结道。": the speaker after a quotation. */
const TAIL_ZH = new RegExp(`[”"]\\s*[，,]?\\s*([^，。“”"]{1,20}?)${VERBS_ZH}[。.]?$`, 'u');
/** "…, he said.", "…, Cantrill wrote.", "…, said Jane Doe." */
const VERBS_EN = '(?:said|says|wrote|writes|argued|argues|warned|warns|explained|explains|concluded|concludes|added|adds|noted|notes|claimed|claims|asserted|asserts|replied|replies|countered|counters)';
const TAIL_EN = new RegExp(`[,;]\\s*(?:([\\p{L}][\\p{L}.' -]{0,40}?)\\s+${VERBS_EN}|${VERBS_EN}\\s+([\\p{L}][\\p{L}.' -]{0,40}?))[.!]?["”]?$`, 'u');
const VERB_EN = new RegExp(`\\b(?:${VERBS_EN}|according to)\\b`, 'iu');
/** "Cantrill wrote that …", "A reader argued that …", "According to Jane Doe, …". */
const LEAD_EN = new RegExp(`^(?:according to\\s+([^,]{1,40}),|([\\p{L}][\\p{L}.' -]{0,40}?)\\s+${VERBS_EN}\\b)`, 'iu');

/** Who a sentence says is speaking ("他", "Docker 创始人兼首席技术官 Solomon Hykes", "a reader"), or null when it reports no one's words. */
export function reportingSpeaker(plain: string): string | null {
  const text = plain.trim();
  const m = LEAD_ZH.exec(text) ?? TAIL_ZH.exec(text);
  if (m) return (m[1] ?? '').trim() || null;
  // Both English patterns name a verb of saying: looked for first, as their letter classes take
  // V8 over a millisecond each to compile at their first use in a process.
  const e = VERB_EN.test(text) ? (TAIL_EN.exec(text) ?? LEAD_EN.exec(text)) : null;
  if (e) return (e[1] ?? e[2] ?? '').trim() || null;
  return null;
}

/** An indefinite speaker is someone the report brings in: "一位黑客新闻读者", "a reader", "one commenter", "有人". */
const INDEFINITE = /^(?:一位|一名|一个|一些|有人|有些|某位|某些|许多|很多|其他|另一位|a|an|one|some|many|several|other|another)(?:\s|$|(?=\p{Script=Han}))/iu;

/**
 * Names a report uses for the article's author: the author's own Latin names ("Bryan",
 * "Cantrill") and the forms the report glosses with them ("布莱恩·坎特里尔(Bryan Cantrill)" gives
 * 布莱恩·坎特里尔 and 坎特里尔).
 */
export function authorAliases(author: string, report: string): string[] {
  const latin = author.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? [];
  const names = new Set<string>(latin);
  if (latin.length === 0) return [];
  for (const m of report.matchAll(/([\p{Script=Han}·•・]{2,12})\s*[(（]\s*([^)）]{2,60})[)）]/gu)) {
    const local = m[1] ?? '';
    if (!latin.some((name) => (m[2] ?? '').includes(name))) continue;
    names.add(local);
    const parts = local.split(/[·•・]/u).filter((p) => p.length >= 2);
    const surname = parts[parts.length - 1];
    if (parts.length > 1 && surname) names.add(surname);
  }
  return [...names];
}

/** Whether a text names the author by one of their names. */
export function namesAuthor(text: string, aliases: readonly string[]): boolean {
  return aliases.some((a) => text.includes(a));
}

/**
 * Whether a speaker is a new voice rather than the article's author: someone brought in
 * indefinitely ("一位读者", "a reader"), or named by a capitalised name the article never uses
 * and that is not one of the author's. A pronoun or a definite description ("他", "这位技术专家",
 * "Joyent 的顶级技术专家") refers to the author the report is about.
 */
export function newVoice(speaker: string, aliases: readonly string[], known: (word: string) => boolean): boolean {
  if (namesAuthor(speaker, aliases)) return false;
  if (INDEFINITE.test(speaker)) return true;
  const names = speaker.match(/\p{Lu}[\p{L}'’.-]+/gu) ?? [];
  return names.some((name) => !known(name.toLowerCase().replace(/[.’']+$/u, '')));
}
