/**
 * What an article carries that is not its argument: credit and translation lines, bylines, "via"
 * and "原文" lines, site footers, sponsor, image-credit and follow-me lines, tables of contents,
 * footnote and endnote sections, link dumps, claim lines left above a title, and what editors and
 * version control leave in a file (Emacs file variables, vim modelines, RCS keywords). Each rule is a
 * small function of a block's text; the reader keeps every match off the slides, and lines that
 * name the source (its author, translator or address) go on the title slide's attribution.
 */

/** A line that says who wrote, translated or published an article, or where it came from. */
export interface Attribution {
  role: 'author' | 'translator' | 'editor' | 'source' | 'credit';
  /** The line as plain text, e.g. "via: https://…" or "作者：Bryan Cantrill". */
  text: string;
  /** The value after the label, as plain text. */
  value: string;
  url: string;
  line: number;
  /** The line verbatim (container prefix removed, trimmed). */
  quote: string;
}

/** The rules, by name: every block kept off the slides is marked with the rule that matched it. */
export type BoilerplateRule =
  | 'front-matter'
  | 'credit'
  | 'credit-header'
  | 'byline'
  | 'source'
  | 'site-footer'
  | 'sponsor'
  | 'image-credit'
  | 'follow'
  | 'table-of-contents'
  | 'footnotes'
  | 'endnotes'
  | 'link-dump'
  | 'claim-line'
  | 'about'
  | 'editor-note'
  | 'file-variables'
  | 'modeline'
  | 'rcs-keywords';

/** What a rule says about a line: its rule and, when the line names the source, the attribution's role, label and value. */
export interface Match {
  rule: BoilerplateRule;
  role?: Attribution['role'];
  label?: string;
  value?: string;
  /** An unfilled template ("译者：[译者ID](…)"): kept off the slides and credits no one. */
  placeholder?: boolean;
}

const CREDIT_LABEL =
  /^(authors?|written by|original author|translat(?:or|ors|ed by|ion by|ion)|proofread(?:er|ing)?(?: by)?|review(?:er|ed by)|edit(?:or|ed by)|collector|publisher|选题|原文作者|作者|译者|翻译|校对|审校|编辑|责编|责任编辑|排版)[ \t]*[:：][ \t]*(.+)$/iu;
const SOURCE_LABEL =
  /^(via|sources?|originally (?:published|posted) (?:at|in|on|by)|original(?: article| post| link| url)?|原文(?:链接|地址)?|来源|出处|转载自|本文(?:首发|原载)(?:于|在)?)[ \t]*[:：]?[ \t]*(.+)$/iu;

function roleOf(label: string): Attribution['role'] {
  const l = label.toLowerCase();
  if (/^(?:author|written|original author|作者|原文作者)/u.test(l)) return 'author';
  if (/^(?:translat|译者|翻译)/u.test(l)) return 'translator';
  if (/^(?:proofread|review|edit|校对|审校|编辑|责编|责任编辑)/u.test(l)) return 'editor';
  return 'credit';
}

/**
 * Credit and translation lines: "作者：…", "译者：…", "校对：…", "选题：…", "Translated by …",
 * "Translator: …", and LCTT's "本文由 LCTT 原创编译，Linux中国 荣誉推出". A template never filled
 * in ("译者：[译者ID](…)", several labels on one line) credits no one.
 */
export function creditLine(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 300) return null;
  if (/^本文由.{1,120}(?:编译|翻译|推出|发布|授权|整理)/u.test(text)) return { rule: 'credit', role: 'credit', value: text };
  const unlabeled = /^(translated|translation|edited|proofread|reviewed) by[ \t]+(.{2,80})$/iu.exec(text);
  if (unlabeled && !/[.!?]$/u.test(text)) return { rule: 'credit', role: roleOf(unlabeled[1] ?? ''), label: `${unlabeled[1]} by`, value: (unlabeled[2] ?? '').trim() };
  const labeled = CREDIT_LABEL.exec(text);
  if (!labeled) return null;
  const label = labeled[1] ?? '';
  const value = (labeled[2] ?? '').trim();
  // "译者ID" under "译者：", or one line holding several labels: a template no one filled in.
  const bare = label.replace(/[者人]$/u, '');
  const several = (text.match(/(?:作者|译者|校对|选题|翻译)[ \t]*[:：]/gu)?.length ?? 0) > 1;
  if ((bare && /\p{Script=Han}/u.test(bare) && value.includes(bare)) || several) return { rule: 'credit', placeholder: true };
  // "Author: …" deep in the text is prose only when it reads like a sentence.
  if (/[.!?。！？]$/u.test(value) && value.split(/\s+/u).length > 12) return null;
  // A definition, not a name: "Author: The person/s or organization that created the project".
  if (/^(?:[Tt]he|[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Ss]omeone|[Pp]eople|[Ee]veryone|[Aa]nyone)\s+\p{Ll}/u.test(plainValue(value))) return null;
  return { rule: 'credit', role: roleOf(label), label, value };
}

/** A credit's value without Markdown emphasis and link brackets, for telling a name from a phrase. */
function plainValue(value: string): string {
  return value.replace(/^[*_\s]+|[*_]+/gu, '').replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1').trim();
}

/** "via: …", "原文：…", "Source: …", "Originally published at …", "本文首发于…": where the article came from. */
export function sourceLine(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 300) return null;
  const labeled = SOURCE_LABEL.exec(text);
  if (labeled) {
    const label = labeled[1] ?? '';
    const value = (labeled[2] ?? '').trim();
    // "Sources of truth are …" is prose: a source line has a colon, or names a place right away.
    const colon = /[:：]/u.test(text.slice(label.length, label.length + 3));
    if (!colon && !/^originally|^本文/iu.test(label)) return null;
    if (/[.!?。！？]$/u.test(value) && value.split(/\s+/u).length > 14) return null;
    return { rule: 'source', role: 'source', label, value };
  }
  if (/^this (?:article|post|story|essay) (?:was |first )?(?:originally )?(?:appeared|published|posted)\b/iu.test(text) && text.length < 200) {
    return { rule: 'source', role: 'source', value: text };
  }
  return null;
}

const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:[ \\t]+(?:\\p{Lu}[\\p{L}.'’-]*|van|von|de|da|der|del|di|le|la))*";
const BYLINE = new RegExp(`^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Pp]osted by|[Ww]ritten by)[ \\t]+(${NAME})(?:[ \\t]*(?:,|on|—|–|-|\\|)[ \\t]*[^.!?]{0,40})?$`, 'u');

/** A byline near the top: "By Jane Doe", "Posted by Jane Doe on May 3". */
export function byline(plain: string): Match | null {
  const text = plain.trim();
  // What every byline starts with, tested first: BYLINE's letter classes take V8 about a
  // millisecond to compile at their first use in a process.
  if (!/^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Pp]osted by|[Ww]ritten by)[ \t]/u.test(text)) return null;
  const match = BYLINE.exec(text);
  if (!match || text.length > 100) return null;
  return { rule: 'byline', role: 'author', value: (match[1] ?? '').trim() };
}

/**
 * Lines left above a title by a translation workflow: "[bazz2 own this article]",
 * "Translating by someone", "translating---someone".
 */
export function claimLine(plain: string): Match | null {
  const text = plain.trim();
  if (/^\[[^\]]{1,60}\b(?:own|owns|translating|translated|claim(?:ed)?)\b[^\]]{0,60}\]$/iu.test(text)) return { rule: 'claim-line' };
  if (/^\[?(?:translating)(?:[ \t]+by|[ \t]*-+|[ \t]*:)[ \t]*[\w .@-]{1,60}\]?$/iu.test(text)) return { rule: 'claim-line' };
  return null;
}

const FOOTER_EN =
  /^(?:this (?:entry|post) was posted in|posted in\b|filed under\b|tagged(?: with| as)?\b|tags?:|categor(?:y|ies):|share this(?: post| article| story)?\b|like this:|related(?: posts| articles| reading)?:?$|leave a (?:comment|reply)|\d+ (?:comments?|responses?)$|comments?(?: \(\d+\))?$|copyright\b|©|\(c\) \d{4}|all rights reserved|sign up for\b|join (?:our|my) (?:newsletter|mailing list)|read more:|read next\b|you (?:might|may) also like|if you (?:liked|enjoyed) this|thanks for reading|continue reading\b|previous post|next post)/iu;
const FOOTER_ZH = /^(?:本文(?:首发|原载|来自|转载)|版权(?:所有|归|声明\s*[:：])|转载请注明|未经(?:许可|授权)|欢迎转载|点击阅读原文|阅读原文|推荐阅读|相关阅读|往期(?:回顾|推荐|精选)|上一篇|下一篇|责任编辑)/u;

/** Site footers: "This entry was posted in …", "Share this:", "Copyright …", "推荐阅读", "转载请注明出处". */
export function siteFooter(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 240) return null;
  return FOOTER_EN.test(text) || FOOTER_ZH.test(text) ? { rule: 'site-footer' } : null;
}

/** Sponsor lines: "This post is sponsored by …", "Thanks to our sponsors", "…的赞助商". */
export function sponsorLine(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 200) return null;
  if (/\b(?:sponsored by|is a sponsor of|are sponsors of|thanks to our sponsors?|brought to you by|our sponsors?\b)/iu.test(text)) return { rule: 'sponsor' };
  if (/^(?:sponsors?|sponsored)\b/iu.test(text)) return { rule: 'sponsor' };
  if (/赞助(?:商|者|方)?[。.]?$|^(?:本文|本期)?由.{1,40}赞助/u.test(text)) return { rule: 'sponsor' };
  return null;
}

/** Image credits: "Photo by … on Unsplash", "Feature image via Pixabay", "Image credit: …", "题图来自…", "通过 Pixabay 的特征图像". */
export function imageCredit(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 160) return null;
  if (/^\(?(?:photo|image|picture|illustration|feature(?:d)? image|header image|cover image|hero image|lead image|top image|screenshot|graphic)s?(?: credits?)?[ \t]*(?:(?:by|via|from|courtesy(?: of)?|source)\b|:)/iu.test(text)) return { rule: 'image-credit' };
  if (/\bon (?:unsplash|pexels|pixabay|flickr)\b|\bvia (?:unsplash|pexels|pixabay|flickr|wikimedia|shutterstock|getty)\b|^credit:/iu.test(text)) return { rule: 'image-credit' };
  if (/^(?:题图|头图|封面图|配图|图片来源|图源|图片|图)[ \t]*(?:[:：]|来自|由|源自)|特征图像|特色图片|的题图[。.]?$/u.test(text)) return { rule: 'image-credit' };
  return null;
}

/** Follow-me lines: "Follow @x on Twitter", "Follow the Twitter account for updates", "欢迎关注我们的公众号". */
export function followLine(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 200) return null;
  if (/\bfollow (?:me|us|@\w+|the \w+ account|[^.]{0,40}\b(?:on|at) (?:twitter|x|mastodon|bluesky|github|linkedin|facebook|instagram|youtube)\b)/iu.test(text)) return { rule: 'follow' };
  if (/\b(?:subscribe|sign up) (?:to|for) (?:my|our|the) (?:newsletter|rss|feed|channel|mailing list)/iu.test(text)) return { rule: 'follow' };
  if (/关注(?:我们|我|公众号|微信|微博)|扫码关注|欢迎关注|订阅(?:我们|本站|公众号)/u.test(text)) return { rule: 'follow' };
  return null;
}

const TOC_HEADING = /^(?:table of contents|contents|toc|in this (?:article|post|guide|page)|on this page|目录|本文目录|内容目录|文章目录)$/iu;
const TOC_MARKER = /^(?:\[toc\]|\[\[_?toc_?\]\]|\{:toc\}|\$\{toc\}|<!--\s*toc\s*-->|\{\{<\s*toc\s*>\}\})$/iu;

/** A table of contents: a heading so named, a marker line (`[TOC]`, `{:toc}`), or a list of links to the page's own anchors. */
export function tableOfContents(text: string, kind: 'heading' | 'line' | 'list', items: readonly string[] = []): Match | null {
  const t = text.trim().replace(/[:：]$/u, '');
  if (kind === 'heading') return TOC_HEADING.test(t) ? { rule: 'table-of-contents' } : null;
  if (kind === 'line') return TOC_MARKER.test(t) ? { rule: 'table-of-contents' } : null;
  const anchors = items.filter((item) => /^\s*\[[^\]]+\]\(#[^)]*\)\s*$/u.test(item)).length;
  return items.length >= 2 && anchors / items.length >= 0.8 ? { rule: 'table-of-contents' } : null;
}

const ENDNOTE_HEADING =
  /^(?:notes?|footnotes?|endnotes?|references?|sources?|citations?|bibliography|further reading|more reading|see also|links|useful links|resources|related(?: links| reading| posts| articles| projects)?|acknowledg(?:e)?ments?|about the author|credits|参考(?:资料|文献|链接)?|脚注|注释|尾注|延伸阅读|扩展阅读|相关(?:链接|阅读|文章|资源)|致谢|关于作者)$/iu;

/**
 * A footnote or endnote section: "Notes", "References", "Further reading", "参考资料", "延伸阅读"…,
 * or two or three of them together ("Footnotes and References", "Notes & links", "Notes, Sources").
 */
export function endnoteHeading(text: string): Match | null {
  const parts = text.trim().replace(/[:：]$/u, '').split(/\s+(?:and|&)\s+|\s*[,/]\s*(?:and\s+)?|\s*(?:和|与|及)\s*/iu);
  return parts.length <= 3 && parts.every((part) => ENDNOTE_HEADING.test(part)) ? { rule: 'endnotes' } : null;
}

/**
 * The "About X" paragraph a press release or a company's post ends with ("About Node.js
 * Foundation", "About the Linux Foundation", "关于 PingCAP"): who the publisher is, not the news.
 * The line itself, short and unpunctuated; the caller drops what follows it to the next heading,
 * and only near the article's end.
 */
export function aboutPublisher(line: string): Match | null {
  const text = line.trim().replace(/^(?:\*\*|__|#+\s*)|(?:\*\*|__)$/gu, '').trim();
  if (text.length > 60 || /[.!?。！？:：,，]$/u.test(text)) return null;
  // A name after "About": every word capitalised or written like a name ("Node.js", "GoDaddy"), not
  // "About the Node.js release schedule" or "About 40% of the respondents".
  const name = /^About (?:the )?(.+)$/u.exec(text)?.[1];
  if (name !== undefined) return name.split(/\s+/u).every((w) => /^(?:[\p{Lu}][\p{L}\d.&'’-]*|of|and|&|for)$/u.test(w)) && /^[\p{Lu}]/u.test(name) ? { rule: 'about' } : null;
  return /^关于(?:我们|\s*[\p{Lu}][\p{L}\d.]*)$/u.test(text) ? { rule: 'about' } : null;
}

/**
 * An editor's note about the post itself ("This blog was updated on April 19th to …", "Update
 * (May 3): …", "编者按：…", "本文更新于…"): the page's history, not its argument.
 */
export function editorNote(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 400) return null;
  if (/^(?:\*\*)?(?:editor['’]s note|update(?:d)?(?: \([^)]{1,40}\))?|note from the editors?)\s*[:：]/iu.test(text)) return { rule: 'editor-note' };
  if (/^this (?:blog|blog post|post|article|page) (?:was|has been) (?:updated|edited|amended|corrected)\b/iu.test(text)) return { rule: 'editor-note' };
  if (/^(?:编者按|编者注|更新)\s*[:：]|^本文(?:于.{1,20})?(?:更新|修订)于/u.test(text)) return { rule: 'editor-note' };
  return null;
}

/**
 * A link dump: a list of three or more items most of which are a link and a few words about it
 * ("[fzf.vim](…) - Vim plugin"), or a paragraph of links and separators.
 */
export function linkDump(items: readonly string[]): Match | null {
  if (items.length < 3) return null;
  const linky = items.filter((item) => {
    const text = item.trim();
    if (!/^(?:\*\*|__)?\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])/u.test(text) && !/^<https?:/u.test(text) && !/^https?:\/\//u.test(text)) return false;
    const rest = text.replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/gu, '').replace(/https?:\/\/\S+/gu, '');
    return rest.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length <= 12;
  }).length;
  return linky / items.length >= 0.75 ? { rule: 'link-dump' } : null;
}

/**
 * Emacs file variables, which an editor reads and a reader skips: "Local Variables:" and its
 * "name: value" lines up to "End:", each line perhaps behind a comment prefix (`#`, `..`, `;;`),
 * as PEPs and RFC-style texts end. A heading "Local variables" without the closing "End:" is prose.
 */
export function fileVariables(plain: string): Match | null {
  // Looked for first: the expression below takes V8 over a millisecond to compile.
  if (!/local\s+variables:/iu.test(plain)) return null;
  const text = plain.trim().replace(/\s+/gu, ' ');
  if (text.length > 600) return null;
  const match = /^(?:(\S{1,3}) )?Local Variables: (.+?) (?:\1 )?End:(?: \S{1,3})?$/iu.exec(text);
  if (!match) return null;
  // Between the two: "name: value" entries, each perhaps behind the same comment prefix.
  const prefix = match[1] ?? '';
  const tokens = (match[2] ?? '').split(' ').filter((t) => t !== prefix);
  if (!/^[\w-]+:$/u.test(tokens[0] ?? '')) return null;
  return tokens.every((t, i) => !/^[\w-]+:$/u.test(t) || (i + 1 < tokens.length && !/^[\w-]+:$/u.test(tokens[i + 1] ?? ''))) ? { rule: 'file-variables' } : null;
}

/**
 * A vim (or vi, ex) modeline: "vim: set ts=4 sw=4:", "vim:tw=78:ft=help", perhaps behind a comment
 * prefix. It sets at least one option (`name=value`, or after `set`): "vim: the editor" is prose.
 */
export function modeline(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 200) return null;
  const match = /^(?:\S{1,4}[ \t]+)?(vim?|ex):[ \t]*(set?[ \t]+)?([\w=.,+-]+(?:[ \t:]+[\w=.,+-]+)*)[ \t]*:?[ \t]*\S{0,4}$/u.exec(text);
  if (!match) return null;
  // "ex:" is also how people write "for example:" ("ex: PORT=8080 npm start"): only with "set".
  if (match[1] === 'ex') return match[2] && (match[3] ?? '').split(/[ \t:]+/u).every((o) => o.includes('=') || /^(?:no)?[a-z]{2,3}$/u.test(o)) && !/\b(?:the|to|and|for)\b/u.test(match[3] ?? '') ? { rule: 'modeline' } : null;
  return match[2] || /\w=/u.test(match[3] ?? '') ? { rule: 'modeline' } : null;
}

/** An RCS or CVS keyword: `$Revision$`, `$Date: 2001/06/23 $`, `$Id: pep-0255.txt,v 1.1 … $`. */
const RCS_KEYWORD = /\$(?:Id|Revision|Date|Author|Header|Source|RCSfile|Log|Name|Locker|State)(?::[^$\n]*)?\$/gu;

/**
 * A line of RCS/CVS keywords that version control once filled in: "$Revision$", "Last-Modified:
 * $Date$", "Version: $Id: a.txt,v 1.2 $". Nothing but the keywords and their labels: a sentence that
 * mentions `$Id$` is prose.
 */
export function rcsKeywords(plain: string): Match | null {
  const text = plain.trim();
  if (text.length > 300 || !RCS_KEYWORD.test(text)) return null;
  RCS_KEYWORD.lastIndex = 0;
  const rest = text.replace(RCS_KEYWORD, ' ').replace(/\b[A-Z][\w-]{0,30}:/gu, ' ');
  return /[\p{L}\p{N}]/u.test(rest) ? null : { rule: 'rcs-keywords' };
}

/** The rules that judge one line of prose, in the order they are tried. */
export const LINE_RULES: readonly ((plain: string) => Match | null)[] = [claimLine, creditLine, sourceLine, siteFooter, sponsorLine, imageCredit, followLine, editorNote, fileVariables, modeline, rcsKeywords];
