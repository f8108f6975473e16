import stringWidth from 'string-width';
import type { Segment, StyledLine } from '../render/index.js';
import type { TextStyle, Theme } from '../theme/index.js';
import { formatClock, formatElapsedClock } from './format-time.js';
import type { Pace, PaceStatus } from './pace.js';

export interface RehearsalBarInput {
  pace: Pace;
  /** Time since the talk started. */
  elapsedMs: number;
  columns: number;
  theme: Theme;
  /** Show the talk's elapsed time (default true); false where the screen shows it already (the notes view's header). */
  clock?: boolean;
}

const ICONS: Record<PaceStatus, string> = { ahead: '▲', 'on-track': '●', behind: '▼' };
const STATUS_WORDS: Record<PaceStatus, string> = { ahead: 'ahead', 'on-track': 'on track', behind: 'behind' };
/** Green on track, yellow ahead (rushing), red behind: the colours of the theme's tip, warning and caution alerts. */
const ALERT_OF: Record<PaceStatus, 'tip' | 'warning' | 'caution'> = { 'on-track': 'tip', ahead: 'warning', behind: 'caution' };

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The rehearsal bar: elapsed time, this slide's time against its budget, and the pace, e.g.
 * `⏱ 07:42  slide 0:38 / 0:45  ▲ 0:20 ahead`. The pace is coloured and also said in words.
 * As columns shrink, the slide part is compacted then dropped, then the clock, and the pace last;
 * the line's display width never exceeds `columns`. Not padded: the caller fills the row.
 */
export function layoutRehearsalBar(input: RehearsalBarInput): StyledLine {
  const { pace, theme } = input;
  const columns = Math.max(0, Math.floor(input.columns));
  const plain: TextStyle = { ...theme.footer.text };
  const alert = theme.alerts[ALERT_OF[pace.status]];
  const paceStyle: TextStyle = { fg: alert.fg, bold: true };
  const overBudget = pace.slideElapsedMs > pace.slideBudgetMs;
  const slideStyle: TextStyle = overBudget ? { fg: theme.alerts.caution.fg } : plain;

  const elapsed = formatElapsedClock(input.elapsedMs);
  const slideTimes = [formatClock(pace.slideElapsedMs), formatClock(pace.slideBudgetMs)];
  const icon = ICONS[pace.status];
  const paceText = `${icon} ${pace.words}`;
  const shortPace = `${icon} ${STATUS_WORDS[pace.status]}`;
  const seg = (text: string, style: TextStyle): Segment => ({ text, style });
  const gap = seg('  ', plain);

  const clock: Segment[] = input.clock === false ? [] : [seg(`⏱ ${elapsed}`, plain), gap];
  const choices: StyledLine[] = [
    [...clock, seg(`slide ${slideTimes[0]} / ${slideTimes[1]}`, slideStyle), gap, seg(paceText, paceStyle)],
    [...clock, seg(`${slideTimes[0]}/${slideTimes[1]}`, slideStyle), gap, seg(paceText, paceStyle)],
    ...(clock.length > 0 ? [[...clock, seg(paceText, paceStyle)], [seg(elapsed, plain), seg(' ', plain), seg(paceText, paceStyle)]] : []),
    [seg(paceText, paceStyle)],
    [seg(shortPace, paceStyle)],
  ];
  const fitting = choices.find((line) => width(line) <= columns);
  if (fitting) return fitting;
  const text = truncate(STATUS_WORDS[pace.status], columns);
  return text === '' ? [] : [seg(text, paceStyle)];
}

function width(line: StyledLine): number {
  return line.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
}

/** The longest prefix of whole grapheme clusters that fits in `columns`. */
function truncate(text: string, columns: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > columns) break;
    out += segment;
    used += w;
  }
  return out;
}
