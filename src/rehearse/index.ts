/**
 * rehearse/: time budgets per slide, pacing against them, the rehearsal bar, the crash-safe rehearsal
 * log (`.talkdeck/rehearsals.jsonl` beside the deck), its report, and writing rehearsed times back.
 * Pure but for the log's reading and appending; every clock is injected.
 */
export { computeBudgets, slideWeightMs, MIN_SLIDE_MS, type BudgetOptions } from './budgets.js';
export {
  countSpeech,
  speechMs,
  DEFAULT_WORDS_PER_MINUTE,
  DEFAULT_CJK_CHARS_PER_MINUTE,
  type SpeechAmount,
  type SpeechRates,
} from './speech.js';
export { pace, DEFAULT_TOLERANCE_MS, type Pace, type PaceInput, type PaceStatus } from './pace.js';
export { layoutRehearsalBar, type RehearsalBarInput } from './rehearsal-bar.js';
export { formatClock, formatElapsedClock, formatDelta } from './format-time.js';
export {
  readRehearsals,
  readRehearsalLog,
  parseRehearsalLog,
  type RehearsalLog,
  parseRehearsals,
  parseRehearsalLine,
  formatRehearsalLine,
  rehearsalLogPath,
  REHEARSAL_LOG_VERSION,
  type RehearsalRun,
  type RehearsedSlide,
} from './rehearsal-log.js';
export { RehearsalRecorder, RehearsalLogError, type RecorderOptions } from './recorder.js';
export { matchRun, rehearsedSeconds, isRunOfDeck, unmatchedSlides } from './match-run.js';
export {
  buildReport,
  reportSeconds,
  RECENT_RUNS,
  FLAG_RATIO,
  type Report,
  type ReportSlide,
  type ReportRun,
  type SlideFlag,
} from './report.js';
export { formatReport, reportToJson, sparkline, type FormatReportOptions } from './format-report.js';
export { applyTimes, applyRun, roundSeconds, formatSeconds, TIME_STEP_SECONDS } from './apply-times.js';
export { startRehearsal, pacingLine, type RehearsalSession, type RehearsalSessionOptions, type RehearsalHooks, type FollowedPosition } from './session.js';
