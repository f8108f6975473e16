/**
 * compile/: articles → talk. Reads articles into sentences with exact line spans, plans sections
 * and slides against a time budget, picks and condenses bullets, writes speaker notes that cite
 * their passages, and writes deck Markdown. Also checks a deck's citations against its sources,
 * and plans what `build` does around a compilation (copies, messages).
 */
export { CompileError } from './compile-error.js';
export { compileTalk, compileTalkDetailed, type ArticleInput, type Compiled, type CompileOptions } from './compile-talk.js';
export { checkSources, fixSources, groupSourceProblems, slideList, type SourceProblem, type SourceProblemGroup } from './check-sources.js';
export { planBuild, type BuildCopy, type BuildPlan, type BuildRequest } from './build.js';
export { isTalkLanguage, TALK_LANGUAGES, type TalkLanguage } from './structure-words.js';
export type { Talk, TalkSlide } from './talk.js';
export { assessTalk, type TalkQuality } from './quality.js';
export { coverDeck, coverTalk, coveredHeadings, coverageSummary, recordCoveredHeadings, lostHeadings, COVERED_HEADINGS_KEY, type DeckCoverage, type ArticleCoverage, type CitedPassage, type MissedPassage, type HeadingCoverage } from './coverage.js';
export { buildAnswerIndex, type Answer, type AnswerIndex } from './answers.js';
