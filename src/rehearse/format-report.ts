import { Chalk, type ChalkInstance } from 'chalk';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import { formatClock, formatDelta } from './format-time.js';
import type { Report, ReportRun, ReportSlide } from './report.js';

export interface FormatReportOptions {
  /** Width to fit every line into. */
  columns: number;
  /** Colour the flags, bars and deltas with ANSI escapes; plain text when false or unset. */
  color?: boolean;
  /** Time zone for run dates (IANA name, e.g. 'UTC'); the system's own when unset. */
  timeZone?: string;
}

/** Runs listed one per line under the trend; older ones appear only in the sparkline. */
const LISTED_RUNS = 10;
const SPARKS = '▁▂▃▄▅▆▇█';
const PARTIAL_BLOCKS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL_BLOCK = '█';
const BUDGET_MARK = '┃';
const NO_TIME = '—';
/** The chart is left out when its bars would be narrower than this. */
const MIN_BAR_COLUMNS = 8;
/** Titles in the chart are shortened to leave the bars this many columns. */
const COMFORTABLE_BAR_COLUMNS = 24;
const MIN_TITLE_COLUMNS = 5;
const MAX_CHART_TITLE_COLUMNS = 20;
/** Table layouts from richest to barest: the flags keep their words, the Last column goes first. */
const TABLE_TIERS = [
  { percent: true, last: true },
  { percent: false, last: true },
  { percent: false, last: false },
] as const;
/** A tier is used when titles get at least this many columns (or their full width, if less). */
const COMFORTABLE_TITLE_COLUMNS = 12;

/**
 * The report as text for a terminal `columns` wide: a table of budget, latest run and median per slide
 * with long and short slides flagged; a bar chart of the medians with each budget marked; and the total
 * of each run, as a sparkline and a list with the change from the run before. No ANSI unless `color`.
 */
export function formatReport(report: Report, options: FormatReportOptions): string {
  const columns = Math.max(1, Math.floor(options.columns));
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];

  const runCount = report.runs.length;
  const title = report.deck === '' ? 'Rehearsal report' : `Rehearsal report: ${truncate(report.deck, columns)}`;
  lines.push(paint.bold(title));
  const aborted =
    report.abortedRuns === 0
      ? ''
      : report.includesAborted
        ? `, ${report.abortedRuns} aborted (counted)`
        : `, ${report.abortedRuns} aborted (left out: --include-aborted)`;
  lines.push(
    runCount === 0
      ? 'No rehearsals yet: record one with `talkdeck rehearse`.'
      : report.recentRuns === 0
        ? `${plural(runCount, 'run')}${aborted}; none to take medians of`
        : `${plural(runCount, 'run')}${aborted}; medians of the last ${report.recentRuns}`,
  );
  lines.push('');
  lines.push(...formatTable(report, columns, paint));
  if (runCount > 0) {
    const chart = formatChart(report.slides, columns, paint);
    if (chart.length > 0) lines.push('', ...chart);
    lines.push('', ...formatTrend(report.runs, columns, paint, options.timeZone));
  }
  return `${lines.map((line) => fit(line, columns)).join('\n')}\n`;
}

/** The report as JSON text for scripts: every field of Report, durations in ms. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify({ version: 1, ...report }, null, 2)}\n`;
}

function formatTable(report: Report, columns: number, paint: ChalkInstance): string[] {
  const { slides } = report;
  const indexWidth = Math.max(1, String(slides.length).length);
  const longestTitle = Math.max(stringWidth('Slide'), stringWidth('Total'), ...slides.map((s) => stringWidth(s.title || '(untitled)')));
  const totals = { budget: formatClock(report.budgetTotalMs), last: time(report.lastTotalMs), median: time(report.medianTotalMs) };
  const cells = slides.map((slide) => ({ budget: formatClock(slide.budgetMs), last: time(slide.lastMs), median: time(slide.medianMs) }));
  const width = (header: string, values: string[]) => Math.max(stringWidth(header), ...values.map((v) => stringWidth(v)));
  const budgetWidth = width('Budget', [...cells.map((c) => c.budget), totals.budget]);
  const lastWidth = width('Last', [...cells.map((c) => c.last), totals.last]);
  const medianWidth = width('Median', [...cells.map((c) => c.median), totals.median]);

  const layouts = TABLE_TIERS.map((tier) => {
    const flags = slides.map((slide) => flagText(slide, tier.percent));
    const flagWidth = Math.max(0, ...flags.map((f) => stringWidth(f)));
    const fixed = 1 + indexWidth + 2 + 2 + budgetWidth + (tier.last ? 2 + lastWidth : 0) + 2 + medianWidth + (flagWidth > 0 ? 2 + flagWidth : 0);
    return { tier, flags, titleRoom: columns - fixed };
  });
  const wanted = Math.min(longestTitle, COMFORTABLE_TITLE_COLUMNS);
  const layout = layouts.find((l) => l.titleRoom >= wanted) ?? layouts[layouts.length - 1]!;
  const titleWidth = Math.max(MIN_TITLE_COLUMNS, Math.min(longestTitle, layout.titleRoom));

  const row = (index: string, name: string, budget: string, last: string, med: string, flag: string) =>
    [
      ` ${padStart(index, indexWidth)}  ${padEnd(truncate(name, titleWidth), titleWidth)}  ${padStart(budget, budgetWidth)}`,
      layout.tier.last ? `  ${padStart(last, lastWidth)}` : '',
      `  ${padStart(med, medianWidth)}`,
      flag === '' ? '' : `  ${flag}`,
    ]
      .join('')
      .trimEnd();

  const lines = [paint.bold(row('#', 'Slide', 'Budget', 'Last', 'Median', ''))];
  slides.forEach((slide, i) => {
    const c = cells[i]!;
    const flag = layout.flags[i];
    lines.push(row(String(slide.index), slide.title || '(untitled)', c.budget, c.last, c.median, flag === '' ? '' : flagColor(slide, paint)(flag)));
  });
  lines.push(row('', 'Total', totals.budget, totals.last, totals.median, ''));
  return lines;
}

function formatChart(slides: readonly ReportSlide[], columns: number, paint: ChalkInstance): string[] {
  const scale = Math.max(0, ...slides.map((s) => Math.max(s.budgetMs, s.medianMs ?? 0)));
  if (scale <= 0) return [];
  const indexWidth = Math.max(1, String(slides.length).length);
  const values = slides.map((s) => `${time(s.medianMs)}${s.flag === null ? '' : ` ${s.flag}`}`);
  const valueWidth = Math.max(...values.map((v) => stringWidth(v)));
  // ` n  title  ` + bars (+1 cell so a budget at full scale has room) + ` value`
  const fixed = 1 + indexWidth + 2 + 2 + 1 + 1 + valueWidth;
  const longestTitle = Math.max(...slides.map((s) => stringWidth(s.title || '(untitled)')));
  // Titles give way to bars of a readable length, down to MIN_TITLE_COLUMNS.
  const titleWidth = Math.max(MIN_TITLE_COLUMNS, Math.min(MAX_CHART_TITLE_COLUMNS, longestTitle, columns - fixed - COMFORTABLE_BAR_COLUMNS));
  const barColumns = columns - fixed - titleWidth;
  if (barColumns < MIN_BAR_COLUMNS) return [];

  const lines = [paint.bold(`Median per slide against its budget (${BUDGET_MARK} budget)`)];
  slides.forEach((slide, i) => {
    const cells = bar(slide.medianMs ?? 0, scale, barColumns);
    const mark = Math.min(barColumns, Math.round((slide.budgetMs / scale) * barColumns));
    const color = slide.flag === null ? paint.green : flagColor(slide, paint);
    const drawn = cells.map((cell, k) => (k === mark ? paint.dim(BUDGET_MARK) : cell === ' ' ? cell : color(cell))).join('');
    const label = ` ${padStart(String(slide.index), indexWidth)}  ${padEnd(truncate(slide.title || '(untitled)', titleWidth), titleWidth)}  `;
    lines.push(`${label}${drawn} ${values[i]}`.trimEnd());
  });
  return lines;
}

/** `columns + 1` cells: `value / scale` of `columns` drawn in eighth blocks, the rest blank. */
function bar(value: number, scale: number, columns: number): string[] {
  const eighths = Math.max(0, Math.min(columns * 8, Math.round((value / scale) * columns * 8)));
  const cells: string[] = new Array<string>(columns + 1).fill(' ');
  const full = Math.floor(eighths / 8);
  for (let k = 0; k < full; k++) cells[k] = FULL_BLOCK;
  if (eighths % 8 > 0) cells[full] = PARTIAL_BLOCKS[eighths % 8]!;
  return cells;
}

function formatTrend(runs: readonly ReportRun[], columns: number, paint: ChalkInstance, timeZone: string | undefined): string[] {
  // An aborted run's total is short by the slides it never reached: listed, but kept off the sparkline.
  const finished = runs.filter((run) => !run.aborted);
  const label = 'Total per run';
  const room = Math.max(0, columns - stringWidth(label) - 2);
  const lines = [`${paint.bold(label)}  ${sparkline((room > 0 ? finished.slice(-room) : []).map((r) => r.totalMs))}`.trimEnd()];
  const listed = runs.slice(-LISTED_RUNS);
  if (listed.length < runs.length) lines.push(`  (the last ${listed.length} of ${runs.length})`);
  const totalWidth = Math.max(...listed.map((r) => stringWidth(formatClock(r.totalMs))));
  const deltaWidth = Math.max(0, ...listed.map((r) => (r.deltaMs === null ? 0 : stringWidth(formatDelta(r.deltaMs)))));
  const noteWidth = Math.max(0, ...listed.map((r) => stringWidth(runNote(r))));
  const fullDate = 2 + 16 + 2 + totalWidth + 2 + deltaWidth + noteWidth <= columns;
  for (const run of listed) {
    const delta = run.deltaMs === null ? '' : formatDelta(run.deltaMs);
    const paintedDelta = run.deltaMs === null || delta === '±0:00' ? delta : run.deltaMs > 0 ? paint.red(delta) : paint.green(delta);
    const note = runNote(run);
    const date = formatDate(run.date, timeZone);
    lines.push(`  ${fullDate ? date : date.slice(5)}  ${padStart(formatClock(run.totalMs), totalWidth)}  ${paintedDelta}${' '.repeat(deltaWidth - stringWidth(delta))}${note}`.trimEnd());
  }
  return lines;
}

/** What the trend says after a run's total: nothing for a whole run. */
function runNote(run: ReportRun): string {
  if (!run.final) return '  unfinished';
  return run.aborted ? '  aborted' : '';
}

/** One block per value, from ▁ at the smallest to █ at the largest. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.map((v) => (high === low ? SPARKS[3] : SPARKS[Math.round(((v - low) / (high - low)) * (SPARKS.length - 1))])).join('');
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = timeZone ?? '';
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormats.set(key, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function flagText(slide: ReportSlide, withPercent = true): string {
  if (slide.flag === null) return '';
  if (slide.offBy === null || !withPercent) return slide.flag;
  const percent = Math.round(Math.abs(slide.offBy) * 100);
  return `${slide.flag} ${slide.offBy > 0 ? '+' : '−'}${percent}%`;
}

function flagColor(slide: ReportSlide, paint: ChalkInstance): ChalkInstance {
  return slide.flag === 'long' ? paint.red : paint.yellow;
}

function time(ms: number | null): string {
  return ms === null ? NO_TIME : formatClock(ms);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function truncate(text: string, columns: number): string {
  // Titles are shown on one line, and never carry control characters to the terminal.
  const flat = text.replace(/\s+/gu, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/gu, '').trim();
  return stringWidth(flat) <= columns ? flat : cliTruncate(flat, columns);
}

function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - stringWidth(text))) + text;
}

/** The line cut to `columns` display columns (escape codes kept intact). */
function fit(line: string, columns: number): string {
  return stringWidth(line) <= columns ? line : cliTruncate(line, columns);
}
